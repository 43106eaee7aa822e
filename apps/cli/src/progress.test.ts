import { describe, expect, it } from 'vitest';

import { createProgress } from './progress.js';
import { MemoryStream } from './test-utils.js';

describe('createProgress', () => {
  it('prints a periodic line when stderr is not a terminal', () => {
    const stream = new MemoryStream();
    let clock = 0;
    const progress = createProgress({ stream, total: 10, unit: 'pages', intervalSeconds: 5, now: () => clock });
    for (let i = 0; i < 9; i += 1) {
      clock += 1000;
      progress.tick(`p${i}.html`);
    }
    progress.stop();
    expect(stream.text.trim().split('\n')).toEqual(['5/10 pages (1.0/s), last: p4.html']);
  });

  it('adds the live detail (a queue run: workers, queue depth) to each line, also once a tiny batch grows', () => {
    const stream = new MemoryStream();
    let clock = 0;
    let depth = 4;
    const progress = createProgress({
      stream,
      total: 1,
      unit: 'pages',
      intervalSeconds: 2,
      now: () => clock,
      detail: () => `2 worker(s), queue ${depth} waiting`,
    });
    progress.grow(4);
    for (let i = 0; i < 4; i += 1) {
      clock += 1000;
      depth -= 1;
      progress.tick(`p${i}.html`);
    }
    expect(stream.text.trim().split('\n')).toEqual([
      '2/5 pages (1.0/s), 2 worker(s), queue 2 waiting, last: p1.html',
      '4/5 pages (1.0/s), 2 worker(s), queue 0 waiting, last: p3.html',
    ]);
  });

  it('prints nothing when disabled', () => {
    const stream = new MemoryStream();
    const progress = createProgress({ stream, total: 10, unit: 'pages', enabled: false });
    for (let i = 0; i < 10; i += 1) progress.tick();
    expect(stream.text).toBe('');
  });
});

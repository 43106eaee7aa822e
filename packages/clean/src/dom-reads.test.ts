// The work counter the linear-work tests use (testkit's countDomReads) sees every kind of whole-page
// search, on both engines: a page twice as large is twice the counted work for each of them.
import { countDomReads } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';

/** A page of n blocks side by side (flat), or of n blocks one inside the other (deep). */
const page = (n: number, shape: 'flat' | 'deep') =>
  shape === 'flat'
    ? `<!doctype html><html><body><main>${'<div class="a"><p>x <b>y</b></p></div>'.repeat(n)}</main></body></html>`
    : `<!doctype html><html><body><main><p>x</p>${'<div>'.repeat(n)}<b>y</b>${'</div>'.repeat(n)}</main></body></html>`;

type Scan = (document: Document) => unknown;
const SCANS: ReadonlyArray<[string, Scan, shape?: 'deep']> = [
  ['querySelector without a match', (d) => d.body.querySelector('.nope')],
  ['document.querySelector without a match', (d) => d.querySelector('.nope')],
  ['querySelectorAll without a match', (d) => d.body.querySelectorAll('.nope').length],
  ['getElementsByTagName without a match', (d) => d.body.getElementsByTagName('video').length],
  ['closest from the deepest element', (d) => d.querySelector('b')!.closest('.nope'), 'deep'],
  ['children', (d) => Array.from(d.querySelector('main')!.children).length],
  ['childNodes', (d) => d.querySelector('main')!.childNodes.length],
  ['innerHTML', (d) => d.body.innerHTML],
  ['textContent', (d) => d.body.textContent],
  ['matches on every element', (d) => Array.from(d.querySelectorAll('b')).filter((b) => b.matches('.nope')).length],
];

describe('countDomReads', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    for (const [label, scan, shape = 'flat'] of SCANS) {
      it(`counts ${label} in proportion to the page (${engine})`, async () => {
        const work = async (n: number) => {
          const parsed = await parseHtml(page(n, shape), engine, null, []);
          try {
            const { document } = parsed;
            const sample = document.querySelector('p')!;
            return await countDomReads([sample, sample.firstChild!, document.body], () => {
              for (let i = 0; i < 10; i++) scan(document);
            });
          } finally {
            parsed.close();
          }
        };
        const small = await work(500);
        const large = await work(1_000);
        expect(small).toBeGreaterThan(500);
        expect(large / small).toBeGreaterThan(1.8);
      });
    }
  }
});

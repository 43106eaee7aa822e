import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { safeColors } from './logger.js';
import { escapeForTerminal, terminalSafe } from './terminal-safe.js';

describe('escapeForTerminal', () => {
  it('escapes ESC (CSI, OSC), BEL, CR, DEL and C1 controls everywhere; keeps newline and tab', () => {
    const hostile = 'a\u001b[2J\u001b]0;owned\u0007\r\u007f\u009b31m\tb\nc';
    expect(escapeForTerminal(hostile, { terminal: false })).toBe(
      'a\\u001B[2J\\u001B]0;owned\\u0007\\u000D\\u007F\\u009B31m\tb\nc',
    );
  });

  it('escapes bidi overrides and isolates on a terminal only (right-to-left text in a pipe keeps them)', () => {
    expect(escapeForTerminal('invoice\u202efdp.exe \u2067x\u2069', { terminal: true })).toBe(
      'invoice\\u202Efdp.exe \\u2067x\\u2069',
    );
    expect(escapeForTerminal('invoice\u202efdp.exe', { terminal: false })).toBe('invoice\u202efdp.exe');
  });

  it('keeps our own colours and nothing else: a colour sequence from page text is escaped', () => {
    const colors = safeColors(true);
    const line = `${colors.red('failed')} page says \u001b[31mred\u001b[0m`;
    expect(escapeForTerminal(line, { terminal: true })).toBe(
      '\u001b[31mfailed\u001b[39m page says \\u001B[31mred\\u001B[0m',
    );
  });

  it('JSON stays JSON with the same meaning', () => {
    const value = { text: 'x\u009b\u202e\u0085y' };
    const escaped = escapeForTerminal(JSON.stringify(value), { terminal: true });
    expect(escaped).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(escaped)).toEqual(value);
  });

  it('terminalSafe wraps a stream', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    terminalSafe(sink).write('title \u001b]8;;https://evil.example\u0007link\n');
    expect(written).toBe('title \\u001B]8;;https://evil.example\\u0007link\n');
  });
});

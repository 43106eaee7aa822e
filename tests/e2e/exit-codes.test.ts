import { readFileSync } from 'node:fs';
import path from 'node:path';

import { EXIT_CODES } from '../../packages/document/src/index.js';
import { describe, expect, it } from 'vitest';

import { REPO, corpuskit, tempDir } from './helpers.js';

/** The exit codes a text's `Exit codes: 0 ok, 1 ..., 70 ....` sentence lists, in its order. */
function listedCodes(text: string, where: string): number[] {
  const sentence = /Exit codes:([\s\S]*?)\.(?=\s+[A-Z]|\s*$)/m.exec(text)?.[1];
  if (sentence === undefined) throw new Error(`${where} has no 'Exit codes:' sentence`);
  return [...` ${sentence.replace(/\s+/g, ' ').trim()}`.matchAll(/(?:^ |, )(\d+) /g)].map((match) => Number(match[1]));
}

describe('exit codes', () => {
  it('--help and both READMEs list the same exit codes, the ones the code uses', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const help = await corpuskit(['--help'], { cwd: dir });
      expect(help.code).toBe(0);
      const fromHelp = listedCodes(help.stdout, '--help');
      // The code's: the error kinds' codes, 0 and 1, and the signals' (bin.ts: 128 + SIGINT, 128 + SIGTERM).
      const fromCode = [...new Set([0, 1, ...Object.values(EXIT_CODES), 130, 143])].sort((a, b) => a - b);
      expect(fromHelp).toEqual(fromCode);
      for (const readme of ['README.md', 'apps/cli/README.md']) {
        const text = readFileSync(path.join(REPO, readme), 'utf8');
        expect(listedCodes(text, readme), readme).toEqual(fromCode);
      }
    } finally {
      await cleanup();
    }
  });

  it('clean --help lists the codes clean ends with, from the same table, and clean ends with them', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const all = listedCodes((await corpuskit(['--help'], { cwd: dir })).stdout, '--help');
      const help = await corpuskit(['clean', '--help'], { cwd: dir });
      expect(help.code).toBe(0);
      const fromClean = listedCodes(help.stdout.slice(help.stdout.indexOf('\nExit codes:')), 'clean --help');
      // In the table's order, and no corpus codes (1 findings, 3 locked, 4 corrupt).
      expect(fromClean).toEqual(all.filter((code) => fromClean.includes(code)));
      expect(fromClean).toEqual([0, 2, 5, 6, 70, 130, 143]);
      // The codes clean really ends with (130: hostile-pages.test.ts) are listed.
      const missing = await corpuskit(['clean', 'missing.html'], { cwd: dir });
      const usage = await corpuskit(['clean'], { cwd: dir });
      for (const run of [missing, usage]) expect(fromClean, run.stderr).toContain(run.code);
    } finally {
      await cleanup();
    }
  });
});

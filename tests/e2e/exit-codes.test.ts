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
});

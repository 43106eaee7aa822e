import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO, corpuskit, tempDir } from './helpers.js';

/** The codes and meanings a text's `Exit codes: 0 ok, 1 ..., 70 ....` sentence lists, in its order. */
function listed(text: string, where: string): Array<[code: number, meaning: string]> {
  const sentence = /Exit codes:([\s\S]*?)\.(?=\s+[A-Z]|\s*$)/m.exec(text)?.[1];
  if (sentence === undefined) throw new Error(`${where} has no 'Exit codes:' sentence`);
  const flat = ` ${sentence.replace(/\s+/g, ' ').trim()}`;
  const starts = [...flat.matchAll(/(?:^ |, )(\d+) /g)];
  return starts.map((match, i) => [
    Number(match[1]),
    flat.slice(match.index + match[0].length, starts[i + 1]?.index ?? flat.length),
  ]);
}

/** The exit codes a text's `Exit codes:` sentence lists, in its order. */
const listedCodes = (text: string, where: string): number[] => listed(text, where).map(([code]) => code);

/** A meaning's words, without punctuation, markdown quotes and one- or two-letter words ("a", "e.g."). */
const words = (meaning: string): string[] =>
  (meaning.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? []).filter((word) => word.length > 2);

describe('exit codes', () => {
  it('--help and both READMEs list the same exit codes, in the same order, with the same meanings', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const help = await corpuskit(['--help'], { cwd: dir });
      expect(help.code).toBe(0);
      const fromHelp = listed(help.stdout, '--help');
      expect(fromHelp.length).toBeGreaterThan(5);
      for (const readme of ['README.md', 'apps/cli/README.md']) {
        const fromReadme = listed(readFileSync(path.join(REPO, readme), 'utf8'), readme);
        expect(
          fromReadme.map(([code]) => code),
          readme,
        ).toEqual(fromHelp.map(([code]) => code));
        // The READMEs say more (which commands, what the message names), never something else:
        // every word of the help's meaning is in the README's meaning of the same code.
        for (const [index, [code, meaning]] of fromHelp.entries()) {
          const documented = words(fromReadme[index]![1]);
          for (const word of words(meaning))
            expect(documented, `${readme}, exit code ${code}: '${word}'`).toContain(word);
        }
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

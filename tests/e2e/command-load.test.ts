import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { corpuskit, tempCorpusWithGoodPage } from './helpers.js';

/*
 * What a command loads: the commands that list, show and decide staged entries start in a
 * fraction of the time when they do not load the cleaner (its rules, Readability, the DOM
 * engines' CSS parser), which only the commands that clean need. Each run records every module
 * it resolves (a resolve hook registered with --import) and the test reads the list.
 */

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const HOOK = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LOADED_LIST, resolved.url + '\\n');
  return resolved;
}
`;

describe('what a command loads', () => {
  it('status, show, reject, accept, commit and log load no cleaner; ingest does', async () => {
    const { dir, cleanup } = await tempCorpusWithGoodPage();
    cleanups.push(cleanup);
    await writeFile(path.join(dir, 'hook.mjs'), HOOK);
    await writeFile(
      path.join(dir, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hook.mjs')).href)});\n`,
    );
    let runs = 0;
    const loaded = async (args: string[]): Promise<string[]> => {
      const list = path.join(dir, `loaded-${runs++}.txt`);
      await writeFile(list, '');
      const result = await corpuskit(args, {
        cwd: dir,
        env: {
          CORPUSKIT_REVIEWER: 'ana',
          LOADED_LIST: list,
          NODE_OPTIONS: `--import ${pathToFileURL(path.join(dir, 'register.mjs')).href}`,
        },
      });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return (await readFile(list, 'utf8')).split('\n').filter(Boolean);
    };
    const cleaner = (urls: string[]) => urls.filter((url) => url.includes('/packages/clean/'));

    // The control: ingest cleans, and the hook sees the cleaner load.
    expect(cleaner(await loaded(['ingest', 'in', '--jobs', '1'])).length).toBeGreaterThan(0);
    const page = 'https://port.example/pier';
    for (const args of [
      ['status'],
      ['show', page],
      ['reject', page, '-m', 'no'],
      ['accept', page],
      ['commit', '-m', 'first'],
      ['log'],
    ])
      expect(cleaner(await loaded(args)), args.join(' ')).toEqual([]);
  });
});

import path from 'node:path';

import type { CommandRun, CommandSpec } from '../command.js';

export const spec: CommandSpec = {
  usage: 'init [dir]',
  description: 'Create an empty corpus in DIR (default: the current folder)',
  examples: ['corpuskit init', 'corpuskit init my-corpus', 'corpuskit init /data/news --json'],
};

export const run: CommandRun = async (args, _options, context) => {
  const dir = path.resolve(context.cwd, (args[0] as string | undefined) ?? context.options.corpus ?? '.');
  const { initCorpus, CORPUS_DIR } = await import('@corpuskit/store');
  const store = await initCorpus(dir);
  await store.close();
  return {
    json: { corpus: store.dir, created: true },
    text: `Initialised an empty corpus in ${path.join(store.dir, CORPUS_DIR)}\nNext: corpuskit ingest PATH...`,
  };
};

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'export',
  description: 'Write a version (default HEAD) as JSON Lines: one record per document, sorted by id',
  options: [
    { flags: '--version <version>', description: 'A version id or prefix, tag, HEAD, HEAD~N or staged' },
    { flags: '-o, --output <file>', description: 'Write to a file instead of stdout' },
  ],
  formats: ['jsonl'],
  examples: ['corpuskit export --format jsonl > corpus.jsonl', 'corpuskit export --version v1 -o v1.jsonl'],
};

export const run: CommandRun = async (_args, options, context) => {
  const { store } = await openCorpusFor(context);
  const ref = options.version === undefined ? 'HEAD' : String(options.version);
  if (options.output === undefined) {
    const lines = await store.exportJsonl(ref, async (line) => {
      if (!context.stdout.write(line)) await once(context.stdout, 'drain');
    });
    context.log.info(`exported ${lines} ${lines === 1 ? 'document' : 'documents'} from ${ref}`);
    return;
  }
  const file = path.resolve(context.cwd, String(options.output));
  const stream = createWriteStream(file);
  const lines = await store.exportJsonl(ref, async (line) => {
    if (!stream.write(line)) await once(stream, 'drain');
  });
  stream.end();
  await once(stream, 'finish');
  return {
    json: { version: ref, documents: lines, output: file },
    text: `Exported ${lines} ${lines === 1 ? 'document' : 'documents'} from ${ref} to ${file}`,
  };
};

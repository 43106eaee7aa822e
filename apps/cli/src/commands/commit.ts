import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'commit',
  description: 'Record the accepted changes as a new, immutable corpus version',
  options: [
    { flags: '-m, --message <text>', description: 'What this version is (required)' },
    { flags: '--tag <name>', description: 'Name the new version' },
    { flags: '--author <name>', description: 'Who commits (default: $CORPUSKIT_AUTHOR, else none)' },
  ],
  examples: ['corpuskit commit -m "First crawl"', 'corpuskit commit -m "September editions" --tag 2021-09 --json'],
};

export const run: CommandRun = async (_args, options, context) => {
  if (options.message === undefined || options.message === true || String(options.message).trim() === '') {
    throw usageError('commit needs a message: -m "what changed"');
  }
  const { store } = await openCorpusFor(context);
  const author = options.author === undefined ? (context.env.CORPUSKIT_AUTHOR ?? null) : String(options.author);
  const result = await store.commit({
    message: String(options.message),
    ...(options.tag === undefined ? {} : { tag: String(options.tag) }),
    author,
  });
  const { counts } = result.version;
  return {
    json: { version: result.id, tag: result.tag, ...result.version },
    text:
      `Committed version ${shortId(result.id)}${result.tag ? ` (tag ${result.tag})` : ''}: ${result.version.message}\n` +
      `  ${counts.documents} documents: ${counts.added} added, ${counts.modified} modified, ${counts.removed} removed`,
  };
};

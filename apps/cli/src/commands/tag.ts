import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor, shortId } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'tag [name] [version]',
  description: 'Name a version (default HEAD); without a name, list the tags',
  options: [
    { flags: '-f, --force', description: 'Move an existing tag' },
    { flags: '-d, --delete', description: 'Delete the tag' },
  ],
  examples: ['corpuskit tag v1', 'corpuskit tag before-rule-change HEAD~1', 'corpuskit tag', 'corpuskit tag -d v1'],
};

export const run: CommandRun = async (args, options, context) => {
  const [name, version] = args as [string | undefined, string | undefined];
  const { store } = await openCorpusFor(context);
  if (name === undefined) {
    const tags = await store.tags();
    return {
      json: { tags },
      text:
        tags.length === 0
          ? 'No tags yet: corpuskit tag NAME [VERSION]'
          : tags.map((t) => `${t.name.padEnd(20)} ${shortId(t.id)}`).join('\n'),
    };
  }
  if (options.delete === true) {
    await store.deleteTag(name);
    return { json: { deleted: name }, text: `Deleted tag ${name}` };
  }
  const tag = await store.tag(name, version ?? 'HEAD', { force: options.force === true });
  return { json: { tag: tag.name, version: tag.id }, text: `Tagged ${shortId(tag.id)} as ${tag.name}` };
};

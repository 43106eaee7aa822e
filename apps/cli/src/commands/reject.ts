import type { CommandRun, CommandSpec } from '../command.js';
import { decide } from './decide.js';

export const spec: CommandSpec = {
  usage: 'reject [...ids]',
  description: 'Reject staged changes (document ids, or --all pending ones); they stay visible until unstaged',
  options: [
    { flags: '--all', description: 'Reject every pending change' },
    { flags: '-m, --message <note>', description: 'Why: recorded with the decision' },
  ],
  examples: [
    'corpuskit reject https://example.com/story -m "syndicated copy"',
    'corpuskit reject --all -m "bad crawl"',
    'corpuskit unstage --rejected   # then drop the rejected entries',
  ],
};

export const run: CommandRun = async (args, options, context) => decide('reject', args, options, context);

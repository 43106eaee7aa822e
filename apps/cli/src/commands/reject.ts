import type { CommandRun, CommandSpec } from '../command.js';
import { WHERE_OPTION } from '../review.js';
import { REVIEWER_OPTION } from '../reviewer.js';
import { decide } from './decide.js';

export const spec: CommandSpec = {
  usage: 'reject [...ids]',
  description: 'Reject staged changes (document ids, or --all pending ones); they stay visible until unstaged',
  options: [
    { flags: '--all', description: 'Reject every pending change' },
    { flags: '-m, --message <note>', description: 'Why: recorded with the decision' },
    WHERE_OPTION,
    REVIEWER_OPTION,
  ],
  examples: [
    'corpuskit reject https://example.com/story -m "syndicated copy"',
    'corpuskit reject --all -m "bad crawl"',
    "corpuskit reject --where 'type:not-article' -m 'not an article'",
    'corpuskit unstage --rejected   # then drop the rejected entries',
  ],
};

export const run: CommandRun = async (args, options, context) => decide('reject', args, options, context);

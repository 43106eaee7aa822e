import type { CommandRun, CommandSpec } from '../command.js';
import { WHERE_OPTION } from '../review.js';
import { REVIEWER_OPTION } from '../reviewer.js';
import { decide } from './decide.js';

export const spec: CommandSpec = {
  usage: 'accept [...ids]',
  description: 'Accept staged changes (document ids, or --all pending ones) for the next commit',
  options: [
    { flags: '--all', description: 'Accept every pending change' },
    { flags: '-m, --message <note>', description: 'A note recorded with the decision' },
    WHERE_OPTION,
    REVIEWER_OPTION,
  ],
  examples: [
    'corpuskit accept https://www.bbc.co.uk/news/world-asia-58290318',
    'corpuskit accept --all',
    "corpuskit accept --where 'no-findings -suspect'",
    'corpuskit accept 3fa9c1e   # a unique prefix of the id or of its hash (see status)',
    'corpuskit accept file:notes/page.html -m "checked the removals"',
  ],
};

export const run: CommandRun = async (args, options, context) => decide('accept', args, options, context);

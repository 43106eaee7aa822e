#!/usr/bin/env node
import { EXIT_CODES } from '@corpuskit/document';

import { EXIT_TERMINATED } from './exit-codes.js';
import { main } from './main.js';

// The reader went away (`corpuskit status | head`, `export | head`): what it wanted was
// printed, so stop quietly with exit 0, as Unix filters do, instead of crashing with EPIPE.
// Any other write error (stdout on a full disk, /dev/full): say so once on stderr, exit as an
// I/O error (6), never with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`error: cannot write to standard output: ${error.message}\n`);
      } catch {
        // stderr is gone too: the exit code says it
      }
    }
    process.exit(EXIT_CODES.io);
  });
}

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  // A second Ctrl-C: exit at once, with the code of an interruption (128 + SIGINT).
  process.once('SIGINT', () => process.exit(EXIT_CODES.interrupted));
});
// SIGTERM stops the same way (`worker` finishes the page in hand, `clean` stops it); a second one exits at once.
process.once('SIGTERM', () => {
  controller.abort();
  process.once('SIGTERM', () => process.exit(EXIT_TERMINATED));
});

const code = await main(process.argv.slice(2), { signal: controller.signal });
process.exitCode = code;

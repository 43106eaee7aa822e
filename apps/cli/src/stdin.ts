import { addAbortSignal } from 'node:stream';

import type { CommandContext } from './context.js';
import { cliError, interruptedError, usageError } from './errors.js';

/**
 * Read standard input whole (a page given as `-`), refusing a terminal and more than `maxBytes`.
 * Ctrl-C or SIGTERM (`context.signal`) stops the read: a `cli.interrupted` error (kind `interrupted`, exit 130).
 */
export async function readStdin(context: CommandContext, maxBytes: number): Promise<Uint8Array> {
  if (context.stdin.isTTY) throw usageError("'-' reads a page from standard input: pipe or redirect one in");
  context.log.debug('reading standard input');
  try {
    return await readAll(addAbortSignal(context.signal, context.stdin), maxBytes);
  } catch (error) {
    if (context.signal.aborted) throw interruptedError('standard input', 'while it was being read');
    throw error;
  }
}

async function readAll(stdin: CommandContext['stdin'], maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) {
      throw cliError('cli.too-large', `standard input is over the ${maxBytes} byte limit`, {
        subject: '-',
      });
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

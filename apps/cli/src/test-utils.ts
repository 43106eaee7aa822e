import { Writable } from 'node:stream';

import { main } from './main.js';
import type { ContextInit } from './context.js';

/** A writable that keeps what is written, for tests of command output. */
export class MemoryStream extends Writable {
  chunks: string[] = [];
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

/** Run the CLI in-process and collect its exit code and output. */
export async function runCli(
  argv: string[],
  init: ContextInit = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await main(argv, { env: { NO_COLOR: '1' }, ...init, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

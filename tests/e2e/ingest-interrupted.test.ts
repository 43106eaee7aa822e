import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { BIN, articlePage, corpuskit, tempDir } from './helpers.js';

describe('ingest interrupted mid-batch', () => {
  it('SIGTERM during a many-file ingest exits 130 (interrupted), as --help says, and lists what was not reached', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      expect((await corpuskit(['init'], { cwd: dir })).code).toBe(0);
      await mkdir(path.join(dir, 'pages'));
      for (let index = 0; index < 300; index += 1) {
        await writeFile(path.join(dir, 'pages', `page-${index}.html`), articlePage(`Page number ${index}`));
      }
      const child = spawn(process.execPath, [BIN, 'ingest', 'pages', '--jobs', '1', '--verbose', '--json'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let signalled = false;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Its first --verbose line: the command runs, bin.ts's signal handlers are installed.
        if (!signalled) {
          signalled = true;
          child.kill('SIGTERM');
        }
      });
      const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearTimeout(killer);
      expect(signalled, stderr).toBe(true);
      expect(code, stderr).toBe(130);
      const result = JSON.parse(stdout) as { interrupted: boolean; failed: Array<{ error?: { message?: string } }> };
      expect(result.interrupted).toBe(true);
      expect(JSON.stringify(result.failed)).toContain('not ingested: the run was interrupted');
    } finally {
      await cleanup();
    }
  }, 180_000);
});

import { describe, expect, it } from 'vitest';

import { cliVersion } from './version.js';
import { runCli } from './test-utils.js';

describe('corpuskit (in-process)', () => {
  it('prints its version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(cliVersion());
    expect(cliVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists the commands in its help, exit 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: corpuskit <command>');
    expect(stdout).toMatch(/^\s+version\s+Print the versions/m);
  });

  it('shows help for one command, with examples', async () => {
    const { code, stdout } = await runCli(['version', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('corpuskit version --json');
  });

  it('renders a result as text or as one JSON document with a schemaVersion', async () => {
    const text = await runCli(['version']);
    expect(text.stdout).toMatch(/^corpuskit \d/);
    const json = await runCli(['version', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 1, corpuskit: cliVersion() });
  });

  it('exits 2 with a one-line error for an unknown command', async () => {
    const { code, stderr, stdout } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/error: unknown command 'frobnicate'/);
  });

  it('exits 2 for an unknown option, as JSON under --json', async () => {
    const { code, stdout } = await runCli(['version', '--bogus', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ schemaVersion: 1, error: { code: 'cli.usage', kind: 'usage' } });
    expect(JSON.parse(stdout).error.message).toMatch(/bogus/);
  });

  it('refuses --format on a command that has none', async () => {
    const { code, stderr } = await runCli(['version', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no --format option/);
  });
});

// Runs every dedup benchmark in its own process, forwarding the arguments (e.g. --data DIR).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const forward = process.argv.slice(2);
for (const [script, flags] of [
  ['quality.mjs', []],
  ['speed.mjs', []],
  ['index-size.mjs', ['--expose-gc']],
]) {
  const result = spawnSync(process.execPath, [...flags, fileURLToPath(new URL(script, import.meta.url)), ...forward], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log('');
}

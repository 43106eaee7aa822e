// One export in its own process, so its peak memory is its own (for bench/inputs.mjs).
import { createWriteStream, statSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

import { exportDataset } from '@corpuskit/ingest';
import { openCorpus } from '@corpuskit/store';

const [dir, format, out, layout] = process.argv.slice(2);
const store = await openCorpus(dir);
const started = process.hrtime.bigint();
let documents;
if (format === 'jsonl') {
  const stream = createWriteStream(out);
  documents = await store.exportJsonl('HEAD', async (line) => {
    if (!stream.write(line)) await once(stream, 'drain');
  });
  stream.end();
  await once(stream, 'finish');
} else {
  ({ documents } = await exportDataset(store, 'HEAD', { format, out, ...(layout ? { layout } : {}) }));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const size = (target) =>
  statSync(target).isDirectory()
    ? readdirSync(target, { recursive: true }).reduce((sum, name) => {
        const file = path.join(target, String(name));
        return statSync(file).isFile() ? sum + statSync(file).size : sum;
      }, 0)
    : statSync(target).size;
process.stdout.write(
  JSON.stringify({ seconds, documents, maxRssMb: process.resourceUsage().maxRSS / 1024, outputMb: size(out) / 1e6 }),
);

// Worker for bench/speed.mjs: signs the documents it is given and reports its time.
import { parentPort, workerData } from 'node:worker_threads';

import { MinHasher, resolveOptions } from '@corpuskit/dedup';

const { docs, input, rounds } = workerData;
const hasher = new MinHasher(resolveOptions(input));
for (const doc of docs.slice(0, 20)) hasher.signature(doc); // warm up
parentPort.once('message', () => {
  const started = performance.now();
  let checksum = 0;
  for (let r = 0; r < rounds; r++) for (const doc of docs) checksum ^= hasher.signature(doc)[0];
  parentPort.postMessage({ count: docs.length * rounds, ms: performance.now() - started, checksum });
});

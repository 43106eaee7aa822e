// Child of the crash test: runs the ops against the corpus in argv[2], reporting each op.
// argv[3] is the directory of the store, document and testkit modules (transpiled by the test).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dir, modules, opsModule] = process.argv.slice(2);
const { openCorpus } = await import(pathToFileURL(join(modules, 'store', 'index.js')).href);
const { makeRecord } = await import(pathToFileURL(join(modules, 'testkit', 'index.js')).href);
const { sha256 } = await import(pathToFileURL(join(modules, 'document', 'index.js')).href);
const { crashOps } = await import(pathToFileURL(opsModule).href);

const store = await openCorpus(dir, { command: 'crash-child', lockWaitMs: 2000 });
const ops = crashOps(makeRecord, sha256);
const start = Number(process.argv[5] ?? 0);
process.stdout.write('ready\n');
for (let k = start; k < ops.length; k++) {
  await ops[k](store);
  process.stdout.write(`done ${k}\n`);
}

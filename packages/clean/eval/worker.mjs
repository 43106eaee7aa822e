// Child process of the eval pool: runs one system on one page per message and answers with the
// result. The parent kills it on a per-page time limit and recycles it after a number of pages
// (jsdom keeps memory after window.close()), so one bad page cannot stop or poison the run.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeForBaseline, htmlToBlockText, pageFeaturesOf, runClean, runReadability } from './systems.mjs';

const models = new Map();
/** A model file's JSON, read once per process. */
function modelFrom(file) {
  if (!models.has(file)) models.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return models.get(file);
}

function readPage(file) {
  const raw = readFileSync(file);
  return new Uint8Array(file.endsWith('.gz') ? gunzipSync(raw) : raw);
}

async function runTask(task) {
  switch (task.kind) {
    case 'readability':
      return runReadability(task.engine, decodeForBaseline(readPage(task.file)), task.url);
    case 'clean':
      return runClean(
        task.engine,
        readPage(task.file),
        task.url,
        task.timeoutMs,
        task.pageType
          ? { pageType: task.pageType }
          : task.pageTypeModelFile
            ? { pageTypeModel: modelFrom(task.pageTypeModelFile) }
            : task.noPageTypes
              ? { pageTypeModel: false }
              : {},
      );
    case 'page-features':
      return pageFeaturesOf(readPage(task.file), task.url);
    case 'expected-text':
      return { text: htmlToBlockText(readFileSync(task.file, 'utf8')) };
    default:
      throw new Error(`unknown task kind ${task.kind}`);
  }
}

process.on('message', async (message) => {
  if (message?.type !== 'task') return;
  const started = performance.now();
  let reply;
  try {
    const result = await runTask(message.task);
    reply = { id: message.id, ok: true, result };
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      error: { name: error?.name ?? 'Error', message: String(error?.message ?? error).slice(0, 500) },
    };
  }
  reply.ms = performance.now() - started;
  reply.rss = process.memoryUsage().rss;
  process.send?.(reply);
});

process.on('disconnect', () => process.exit(0));

// Child process of `pnpm train`: cleans one page with the built cleaner and answers with what
// the block model saw (features and text of every kept block) and the cleaner's text.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const { clean } = await import(new URL('index.js', dist).href);
const { setBlockModelTrace } = await import(new URL('blocks-model/model.js', dist).href);

let last = null;
setBlockModelTrace((trace) => {
  last = trace;
});

process.on('message', async (message) => {
  if (message?.type !== 'task') return;
  const { file, url } = message.task;
  const started = performance.now();
  let reply;
  try {
    const raw = readFileSync(file);
    last = null;
    const doc = await clean(new Uint8Array(file.endsWith('.gz') ? gunzipSync(raw) : raw), {
      url: url ?? undefined,
      timeoutMs: 60_000,
    });
    reply = {
      id: message.id,
      ok: true,
      result: {
        text: doc.text,
        status: doc.status,
        trace: last && {
          features: last.features,
          texts: last.texts,
          scores: last.scores,
          lead: last.lead,
        },
      },
    };
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) },
    };
  }
  reply.ms = performance.now() - started;
  reply.rss = process.memoryUsage().rss;
  process.send?.(reply);
});

process.on('disconnect', () => process.exit(0));

// Reads WARC files with readWarc (src/warc.ts, through ts-hooks.mjs) in a process of its own, so
// that a test can kill it when the reading never ends: a reader that spins on an ended file
// starves its event loop, and no timer in that process would ever fire.
// Usage: node read-warc-child.mjs '[{"file": "...", "maxBytes": 1000000}, ...]'
// Prints one JSON line per file when it starts and one when it is done: the items read (pages as
// url and offset, skips as reason and offset) and the error that ended the reading, if any.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
const { readWarc } = await import('../src/warc.ts');

for (const { file, maxBytes } of JSON.parse(process.argv[2])) {
  process.stdout.write(`${JSON.stringify({ started: file })}\n`);
  const items = [];
  let error = null;
  try {
    for await (const item of readWarc(file, { maxBytes })) {
      items.push(
        item.kind === 'page'
          ? { url: item.page.url, offset: item.page.offset, bytes: item.page.payload.length }
          : { skip: item.reason, offset: item.offset },
      );
    }
  } catch (caught) {
    error = { code: caught.code ?? null, subject: caught.subject ?? null, message: caught.message };
  }
  process.stdout.write(`${JSON.stringify({ file, items, error })}\n`);
}

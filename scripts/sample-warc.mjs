// Write the sample corpus's saved pages as one WARC file, the way a crawler would have stored
// them: a warcinfo record, then a request and a response record per page (HTTP headers with
// the charset a sidecar recorded), gzipped record by record for a .gz name. Made at run time
// so the repository holds no third-party WARC.
//
//   node scripts/sample-warc.mjs OUT.warc.gz [PAGES_DIR]     (default: corpus/pages)
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { WARCRecord, WARCSerializer } from 'warcio';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function serialize(options, body, gzip) {
  const record = WARCRecord.create(
    { warcVersion: 'WARC/1.1', ...options },
    (async function* () {
      yield body;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** Build the WARC bytes for the HTML pages in `dir` (their sidecars give URL, date, headers). */
export async function sampleWarc(dir = path.join(repo, 'corpus/pages'), { gzip = true } = {}) {
  const parts = [
    await serialize({ type: 'warcinfo' }, new TextEncoder().encode('software: corpuskit sample\r\n'), gzip),
  ];
  const names = readdirSync(dir)
    .filter((name) => /\.html?$/.test(name))
    .sort();
  for (const [index, name] of names.entries()) {
    const body = readFileSync(path.join(dir, name));
    const sidecarPath = path.join(dir, `${name}.json`);
    const sidecar = existsSync(sidecarPath) ? JSON.parse(readFileSync(sidecarPath, 'utf8')) : {};
    const canonical = /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(body.toString('latin1'))?.[1];
    const url = sidecar.url ?? canonical ?? `https://sample.example/${name}`;
    const date = sidecar.fetchedAt ?? new Date(Date.UTC(2025, 10, 1 + index, 9)).toISOString();
    const contentType = sidecar.headers?.['content-type'] ?? 'text/html; charset=utf-8';
    const host = new URL(url).host;
    parts.push(
      await serialize(
        {
          type: 'request',
          url,
          date,
          statusline: `GET ${new URL(url).pathname} HTTP/1.1`,
          httpHeaders: { Host: host },
        },
        new Uint8Array(),
        gzip,
      ),
      await serialize(
        { type: 'response', url, date, statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': contentType } },
        body,
        gzip,
      ),
    );
  }
  return { bytes: Buffer.concat(parts), pages: names.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, dir] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node scripts/sample-warc.mjs OUT.warc[.gz] [PAGES_DIR]');
    process.exit(2);
  }
  const { bytes, pages } = await sampleWarc(dir ? path.resolve(dir) : undefined, { gzip: out.endsWith('.gz') });
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${pages} pages, ${bytes.length} bytes`);
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { SCHEMA_VERSION, contentHash, emptyMetadata, sha256 } from '@corpuskit/document';
import { initCorpus } from '@corpuskit/store';
const N = Number(process.argv[2] ?? 10000);
const verify = process.argv[3] === 'verify';
const inputs = [];
for (let i = 0; i < N; i++) {
  const text = `${i} ` + 'word and more words.\n\n'.repeat(230) + i;
  const metadata = emptyMetadata();
  const raw = Buffer.from(text);
  inputs.push({
    raw,
    source: `pages/${i}.txt`,
    record: {
      schemaVersion: SCHEMA_VERSION,
      id: `https://news.example.com/${i % 97}/article-${i}`,
      contentHash: contentHash({ title: 't', text, metadata }),
      findings: [],
      document: {
        schemaVersion: 1,
        status: 'ok',
        reasons: [],
        title: 't',
        text,
        markdown: text,
        metadata,
        removed: [],
        stats: { words: 800, chars: 5000, removedChars: 0, blocks: 10, inputBytes: 5000, textToHtmlRatio: 1 },
        provenance: {
          source: `pages/${i}.txt`,
          url: null,
          rawSha256: sha256(raw),
          encoding: 'utf-8',
          encodingSource: 'default',
          fetchedAt: null,
          cleanerVersion: '0.1.0',
          rulePackHash: sha256('x'),
          engine: 'text',
        },
        warnings: [],
      },
    },
  });
}
const dir = mkdtempSync(join(os.tmpdir(), 'ck-prof-'));
const store = await initCorpus(dir);
const s = new Session();
s.connect();
await s.post('Profiler.enable');
await s.post('Profiler.start');
const c = process.cpuUsage();
await store.transaction(async () => {
  for (let b = 0; b < inputs.length; b += 1000) {
    await store.stage(inputs.slice(b, b + 1000), { verifyContentHash: verify });
  }
  await store.accept('all');
  await store.commit({ message: 'x' });
});
const d = process.cpuUsage(c);
console.log('cpu µs/doc', ((d.user + d.system) / N).toFixed(1));
const { profile } = await s.post('Profiler.stop');
writeFileSync('/tmp/p3.cpuprofile', JSON.stringify(profile));

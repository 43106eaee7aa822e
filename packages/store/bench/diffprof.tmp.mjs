import { existsSync } from 'node:fs';
import { SCHEMA_VERSION, contentHash, emptyMetadata, sha256 } from '@corpuskit/document';
import { initCorpus, openCorpus } from '@corpuskit/store';
const dir = process.argv[2];
const N = Number(process.argv[3]);
const mk = (i, v = 0) => {
  const text = `${i} ${v} ` + 'word and more words.\n\n'.repeat(230);
  const metadata = emptyMetadata();
  const raw = Buffer.from(text);
  return {
    raw,
    record: {
      schemaVersion: SCHEMA_VERSION,
      id: `https://e.com/${i % 97}/a-${i}`,
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
        stats: {},
        provenance: {
          source: null,
          url: null,
          rawSha256: sha256(raw),
          encoding: 'utf-8',
          encodingSource: 'default',
          fetchedAt: null,
          cleanerVersion: '0',
          rulePackHash: 'x',
          engine: 'text',
        },
        warnings: [],
      },
    },
  };
};
if (!existsSync(dir + '/.corpuskit')) {
  const store = await initCorpus(dir);
  await store.transaction(async () => {
    for (let b = 0; b < N; b += 1000)
      await store.stage(
        Array.from({ length: 1000 }, (_, j) => mk(b + j)),
        { verifyContentHash: false },
      );
    await store.accept('all');
    await store.commit({ message: 'a' });
  });
  await store.transaction(async () => {
    const ch = [];
    for (let i = 0; i < N / 100; i++) ch.push(mk((i * 7919) % N, 1));
    await store.stage(ch);
    await store.accept('all');
    await store.commit({ message: 'b' });
  });
  await store.close();
}
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const c = process.cpuUsage();
  const store = await openCorpus(dir);
  const d = await store.diffManifests('HEAD~1', 'HEAD');
  const cu = process.cpuUsage(c);
  console.log(
    'diff',
    d.modified.length,
    (performance.now() - t0).toFixed(0),
    'ms wall',
    ((cu.user + cu.system) / 1000).toFixed(0),
    'ms cpu',
  );
  await store.close();
}

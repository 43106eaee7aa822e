// Build a committed corpus of N synthetic ~5 KB articles in DIR (for bench/inputs.mjs).
import { sha256 } from '@corpuskit/document';
import { initCorpus } from '@corpuskit/store';
import { makeRecord } from '@corpuskit/testkit';

const [dir, count] = process.argv.slice(2);
const n = Number(count);
const WORDS =
  'harbour council budget river school bridge election minister report village police court festival museum railway weather hospital market football library'.split(
    ' ',
  );

function text(i) {
  let seed = i * 2654435761;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 8;
  const paragraphs = [];
  let size = 0;
  while (size < 5000) {
    const words = Array.from({ length: 40 + (next() % 60) }, () => WORDS[next() % WORDS.length]);
    const p = `${words.join(' ')}.`;
    paragraphs.push(p[0].toUpperCase() + p.slice(1));
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

function input(i) {
  const body = text(i);
  const raw = Buffer.from(body, 'utf8');
  const record = makeRecord(`https://news.example.com/${(i % 97).toString(36)}/article-${i}`, body, {
    title: `Article ${i}`,
    metadata: { siteName: 'Example News', authors: ['A. Writer'], publishedAt: '2026-01-01T00:00:00.000Z' },
    stats: { words: 800, blocks: 10, inputBytes: raw.length },
    source: `pages/${i}.html`,
    provenance: {
      rawSha256: sha256(raw),
      encodingSource: 'default',
      fetchedAt: '2026-01-02T00:00:00.000Z',
      cleanerVersion: '0.1.0',
      engine: 'linkedom',
    },
  });
  return { raw, source: `pages/${i}.html`, record };
}

const started = Date.now();
const store = await initCorpus(dir, { command: 'bench' });
await store.transaction(async () => {
  for (let b = 0; b < n; b += 1000) {
    await store.stage(Array.from({ length: Math.min(1000, n - b) }, (_, j) => input(b + j)));
  }
  await store.accept('all', { by: 'bench' });
  await store.commit({ message: 'bench' });
});
console.log(`corpus built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Builds the benchmark inputs from real article texts (read from the data dir, never stored in the repo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic PRNG (mulberry32), so every run diffs the same pairs. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Article bodies as arrays of paragraphs. */
export function loadArticles(dataDir) {
  const file = join(dataDir, 'scrapinghub-dev', 'ground-truth.json');
  const truth = JSON.parse(readFileSync(file, 'utf8'));
  return Object.keys(truth)
    .sort()
    .map((id) =>
      String(truth[id].articleBody ?? '')
        .split(/\n+/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 0),
    )
    .filter((paragraphs) => paragraphs.length > 0);
}

/** Concatenate whole paragraphs of `articles` (from `start`) until `size` characters. */
export function textOfSize(articles, size, start = 0) {
  const out = [];
  let length = 0;
  for (let k = 0; length < size; k += 1) {
    const article = articles[(start + k) % articles.length];
    for (const paragraph of article) {
      if (length >= size) break;
      out.push(paragraph);
      length += paragraph.length + 2;
    }
  }
  return out;
}

/**
 * An edited version: about `rate` of the words replaced, deleted or inserted, one paragraph
 * moved (from near the start to near the end), one dropped and one added.
 */
export function editParagraphs(paragraphs, extra, seed, rate = 0.05) {
  const rand = random(seed);
  const vocabulary = paragraphs.join(' ').split(' ');
  const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)];
  const edited = paragraphs.map((p) => {
    const words = p.split(' ');
    const out = [];
    for (const word of words) {
      const r = rand();
      if (r < rate / 3) out.push(pick());
      else if (r < (2 * rate) / 3) continue;
      else if (r < rate) out.push(word, pick());
      else out.push(word);
    }
    return out.length > 0 ? out.join(' ') : p;
  });
  const n = edited.length;
  if (n >= 4) {
    const [moved] = edited.splice(Math.floor(n * 0.2), 1);
    edited.splice(Math.floor(n * 0.8), 0, moved);
    edited.splice(Math.floor(n * 0.5), 1);
  }
  edited.splice(Math.floor(edited.length * 0.35), 0, extra);
  return edited;
}

/** The benchmark cases: article pairs at three sizes and two unrelated texts. */
export function buildCases(dataDir) {
  const articles = loadArticles(dataDir);
  const half = Math.floor(articles.length / 2);
  const cases = [];
  for (const [name, size] of [
    ['article 5 KB', 5_000],
    ['article 50 KB', 50_000],
    ['article 200 KB', 200_000],
  ]) {
    const paragraphs = textOfSize(articles, size);
    const extra = articles[articles.length - 1].join(' ').slice(0, 400);
    cases.push({ name, old: paragraphs.join('\n\n'), new: editParagraphs(paragraphs, extra, size).join('\n\n') });
  }
  cases.push({
    name: 'unrelated 20 KB',
    old: textOfSize(articles, 20_000, 0).join('\n\n'),
    new: textOfSize(articles, 20_000, half).join('\n\n'),
  });
  return cases;
}

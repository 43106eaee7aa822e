// Shared helpers for the dedup benchmarks: argument parsing, real article texts from the data
// directory (never copied into the repository), a seeded PRNG, machine info and statistics.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

/** `--data DIR` (default ../shared/data relative to the repository root) and other `--flag value` pairs. */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = { data: path.resolve(repoRoot, '../shared/data') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) continue;
    const name = flag.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const value = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    args[name] = value;
  }
  args.data = path.resolve(args.data);
  return args;
}

function stripTags(html) {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|blockquote|pre|tr)>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&rsquo;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

/**
 * Real article texts: the gold article bodies of scrapinghub-dev (plain text), and, when
 * `withReadability`, the text of readability-test-pages' expected.html files.
 */
export function loadArticles(dataDir, { withReadability = false } = {}) {
  const file = path.join(dataDir, 'scrapinghub-dev/ground-truth.json');
  if (!existsSync(file)) {
    console.error(`No data at ${file}: pass --data DIR (the shared evaluation data directory).`);
    process.exit(2);
  }
  const truth = JSON.parse(readFileSync(file, 'utf8'));
  const articles = Object.entries(truth)
    .map(([id, value]) => ({ id: `scrapinghub/${id}`, text: value.articleBody }))
    .filter((article) => typeof article.text === 'string' && article.text.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (withReadability) {
    const dir = path.join(dataDir, 'readability-test-pages');
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).sort()) {
        const expected = path.join(dir, name, 'expected.html');
        if (existsSync(expected))
          articles.push({ id: `readability/${name}`, text: stripTags(readFileSync(expected, 'utf8')) });
      }
    }
  }
  return articles;
}

/** Deterministic PRNG (mulberry32) in [0, 1). */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, node ${process.version}, ${os.platform()} ${os.arch()}`;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** ~`size`-character documents cut at word boundaries from the concatenated articles. */
export function sizedDocuments(articles, size, count) {
  const words = articles
    .map((a) => a.text)
    .join('\n\n')
    .split(/(\s+)/);
  const docs = [];
  let current = '';
  let i = 0;
  while (docs.length < count) {
    current += words[i % words.length];
    i++;
    if (current.length >= size) {
      docs.push(current.trim());
      current = '';
    }
  }
  return docs;
}

// Metric functions of `pnpm eval`, written from the published descriptions of each benchmark
// (see the data directory's README.md): the Scrapinghub article-extraction benchmark's
// shingle metric, trafilatura's with/without segment metric, and a metadata agreement check
// against Readability's expected metadata. Pure functions, no I/O, so they are unit-tested.

// ---------------------------------------------------------------------------------------------
// Shingle metric (Scrapinghub article-extraction-benchmark)

/** A token is a run of Unicode letters, Unicode numbers or `_` (what Python's `\w` matches on str). */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** @param {string | null | undefined} text */
export function tokenize(text) {
  if (!text) return [];
  return text.match(TOKEN) ?? [];
}

/**
 * Multiset of n-token shingles, as a Map from a joined key to its count. A text with fewer than
 * n tokens (but at least one) gives a single shingle made of all its tokens.
 * @param {string[]} tokens
 */
export function shingleCounts(tokens, n = 4) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  if (tokens.length === 0) return counts;
  const windows = tokens.length < n ? 1 : tokens.length - n + 1;
  for (let i = 0; i < windows; i++) {
    const key = tokens.slice(i, i + n).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Per-page true/false positives and false negatives of the predicted text against the gold
 * text, as multiset overlaps of their shingles, scaled so that tp + fp + fn = 1 (or all 0 when
 * neither text has a token).
 * @param {string} gold
 * @param {string} predicted
 * @returns {{ tp: number, fp: number, fn: number }}
 */
export function shinglePage(gold, predicted, n = 4) {
  const g = shingleCounts(tokenize(gold), n);
  const p = shingleCounts(tokenize(predicted), n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, gc] of g) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(gc, pc);
    if (gc > pc) fn += gc - pc;
  }
  for (const [key, pc] of p) {
    const gc = g.get(key) ?? 0;
    if (pc > gc) fp += pc - gc;
  }
  const total = tp + fp + fn;
  if (total === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / total, fp: fp / total, fn: fn / total };
}

/** Page precision: 1 for a perfect page, 0 when nothing was predicted right or wrong. */
export function pagePrecision({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Page recall: 1 for a perfect page, 0 when there was nothing to find and nothing found. */
export function pageRecall({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** True when both texts have the same token sequence. */
export function sameTokens(gold, predicted) {
  const a = tokenize(gold);
  const b = tokenize(predicted);
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * Benchmark figures over pages: precision is the mean page precision over pages that predicted
 * something (tp + fp > 0), recall the mean page recall over pages that had something to find
 * (tp + fn > 0), and F1 the harmonic mean of those two means.
 * @param {Array<{ tp: number, fp: number, fn: number }>} pages
 */
export function shingleAggregate(pages) {
  const withPrediction = pages.filter((c) => c.tp + c.fp > 0);
  const withGold = pages.filter((c) => c.tp + c.fn > 0);
  const precision = mean(withPrediction.map(pagePrecision));
  const recall = mean(withGold.map(pageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

// ---------------------------------------------------------------------------------------------
// Segment metric (trafilatura's evaluation: segments that must and must not appear)

/** Collapse every whitespace run to one space and trim. */
export function normalizeSpace(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

/**
 * Counts for one page. `output` null or undefined (a crash) counts as empty output.
 * @param {{ with: string[], without: string[], comments?: string[] }} item
 * @param {string | null | undefined} output
 */
export function segmentPage(item, output) {
  const text = typeof output === 'string' ? normalizeSpace(output) : '';
  const found = (segment) => text.includes(normalizeSpace(segment));
  const tp = item.with.filter(found).length;
  const fp = item.without.filter(found).length;
  const comments = item.comments ?? [];
  const commentHits = comments.filter(found).length;
  return {
    tp,
    fn: item.with.length - tp,
    fp,
    tn: item.without.length - fp,
    commentHits,
    comments: comments.length,
  };
}

/**
 * Micro-averaged figures: counts summed over all pages first.
 * @param {Array<ReturnType<typeof segmentPage>>} pages
 */
export function segmentAggregate(pages) {
  const t = { tp: 0, fn: 0, fp: 0, tn: 0, commentHits: 0, comments: 0 };
  for (const c of pages) for (const k of Object.keys(t)) t[k] += c[k];
  const ratio = (a, b) => (b > 0 ? a / b : 0);
  return {
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
    f1: ratio(2 * t.tp, 2 * t.tp + t.fp + t.fn),
    accuracy: ratio(t.tp + t.tn, t.tp + t.tn + t.fp + t.fn),
    commentLeak: ratio(t.commentHits, t.comments),
    totals: t,
    pages: pages.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Metadata agreement (readability-test-pages/expected-metadata.json)

export const METADATA_KEYS = ['title', 'byline', 'excerpt', 'siteName', 'publishedTime', 'lang'];

function normalizeValue(value) {
  if (value === null || value === undefined) return null;
  const s = normalizeSpace(String(value).normalize('NFKC'));
  return s === '' ? null : s;
}

/** Parse a date string; returns epoch ms and whether it named a time zone, or null. */
function parseDate(value) {
  const s = String(value).trim();
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(s);
  const dateOnly = /^\d{4}-\d\d-\d\d$/.test(s);
  // Without a zone, read it as UTC so both sides are read the same way.
  const ms = Date.parse(zoned || dateOnly ? s : s.includes('T') ? `${s}Z` : s);
  return Number.isNaN(ms) ? null : { ms, zoned, dateOnly };
}

const FOURTEEN_HOURS = 14 * 3600 * 1000;

/**
 * Whether an observed metadata value agrees with the expected one. Both missing agree. Text
 * fields compare after NFKC and whitespace normalisation. `lang` compares the primary subtag,
 * case-insensitively. `publishedTime` compares instants; when either side has no time zone, any
 * offset up to 14 hours (the widest real zone offset) is accepted, and a bare date matches any
 * time on that day.
 */
export function metadataAgrees(key, expected, observed) {
  const e = normalizeValue(expected);
  const o = normalizeValue(observed);
  if (e === null || o === null) return e === o;
  if (key === 'lang') return e.toLowerCase().split(/[-_]/)[0] === o.toLowerCase().split(/[-_]/)[0];
  if (key === 'publishedTime') {
    const de = parseDate(e);
    const dobs = parseDate(o);
    if (!de || !dobs) return e === o;
    if (de.dateOnly || dobs.dateOnly) return e.slice(0, 10) === o.slice(0, 10);
    if (de.zoned && dobs.zoned) return de.ms === dobs.ms;
    return Math.abs(de.ms - dobs.ms) <= FOURTEEN_HOURS;
  }
  return e === o;
}

/**
 * Per-field agreement over pages.
 * @param {Array<{ expected: Record<string, unknown>, observed: Record<string, unknown> | null }>} pages
 *   observed null means the system crashed on the page (every field missing).
 */
export function metadataAggregate(pages, keys = METADATA_KEYS) {
  /** @type {Record<string, { agree: number, pages: number, expectedPresent: number, found: number, extra: number }>} */
  const out = {};
  for (const key of keys) {
    const r = { agree: 0, pages: 0, expectedPresent: 0, found: 0, extra: 0 };
    for (const { expected, observed } of pages) {
      const e = expected[key];
      const o = observed ? observed[key] : null;
      const ok = metadataAgrees(key, e, o);
      r.pages++;
      if (ok) r.agree++;
      if (normalizeValue(e) !== null) {
        r.expectedPresent++;
        if (ok) r.found++;
      } else if (normalizeValue(o) !== null) {
        r.extra++;
      }
    }
    out[key] = r;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** @param {number[]} xs */
export function mean(xs) {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** @param {number[]} xs */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Share of a removed block's shingles that also occur in the gold text: an estimate of how much
 * of a removal was real article text (0 = pure boilerplate, 1 = all article).
 */
export function overlapShare(removedText, goldShingles, n = 4) {
  const r = shingleCounts(tokenize(removedText), n);
  let total = 0;
  let inGold = 0;
  for (const [key, c] of r) {
    total += c;
    if (goldShingles.has(key)) inGold += Math.min(c, goldShingles.get(key));
  }
  return total > 0 ? inGold / total : 0;
}

// ---------------------------------------------------------------------------------------------
// WCXB word metric (the benchmark's evaluate.py, as described in the data README)

/** WCXB tokens: runs of Unicode letters, numbers and `_` of the lower-cased text. */
export function wcxbTokens(text) {
  if (!text) return [];
  return text.toLowerCase().match(TOKEN) ?? [];
}

/**
 * Word precision, recall and F1 of one page from the token multisets. No gold tokens: 1/1/1
 * when nothing was predicted either, else 0/0/0; no predicted tokens: 0/0/0.
 * @param {string | null | undefined} predicted
 * @param {string} gold
 */
export function wcxbWords(predicted, gold) {
  const p = wcxbTokens(predicted);
  const r = wcxbTokens(gold);
  if (r.length === 0) return p.length ? { precision: 0, recall: 0, f1: 0 } : { precision: 1, recall: 1, f1: 1 };
  if (p.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const counts = new Map();
  for (const w of r) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of p) {
    const n = counts.get(w);
    if (n) {
      overlap++;
      counts.set(w, n - 1);
    }
  }
  const precision = overlap / p.length;
  const recall = overlap / r.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Share of snippets found in the text (case-insensitive substring, no whitespace folding); 1
 * for an empty snippet list, as the benchmark counts it (for `without` too).
 * @param {string | null | undefined} text
 * @param {string[]} snippets
 */
export function snippetShare(text, snippets) {
  if (snippets.length === 0) return 1;
  const t = (text ?? '').toLowerCase();
  return snippets.filter((s) => t.includes(s.toLowerCase())).length / snippets.length;
}

/**
 * One WCXB page.
 * @param {{ gold: string, with: string[], without: string[] }} page
 * @param {string | null | undefined} predicted
 */
export function wcxbPage(page, predicted) {
  return {
    ...wcxbWords(predicted ?? '', page.gold),
    with: snippetShare(predicted, page.with),
    without: snippetShare(predicted, page.without),
  };
}

/**
 * Means over pages, overall and per page type.
 * @param {Array<{ type: string, precision: number, recall: number, f1: number, with: number, without: number }>} rows
 */
export function wcxbAggregate(rows) {
  const avg = (xs) => {
    const m = (k) => mean(xs.map((x) => x[k]));
    return {
      pages: xs.length,
      precision: m('precision'),
      recall: m('recall'),
      f1: m('f1'),
      with: m('with'),
      without: m('without'),
    };
  };
  const byType = {};
  for (const r of rows) (byType[r.type] ??= []).push(r);
  return { ...avg(rows), types: Object.fromEntries(Object.entries(byType).map(([k, xs]) => [k, avg(xs)])) };
}

/**
 * Mean and spread (population standard deviation, min, max) of per-fold figures.
 * @param {number[]} xs
 */
export function spread(xs) {
  const finite = xs.filter(Number.isFinite);
  const m = mean(finite);
  const sd = finite.length ? Math.sqrt(mean(finite.map((x) => (x - m) ** 2))) : NaN;
  return { mean: m, sd, min: Math.min(...finite), max: Math.max(...finite), folds: finite.length };
}

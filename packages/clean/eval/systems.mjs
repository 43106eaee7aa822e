// The systems that `pnpm eval` and the benchmark compare: plain Readability 0.6.0 on jsdom and on
// linkedom (the baselines), and corpuskit's `clean()` with each DOM engine. Shared by the eval
// worker and the benchmark so both measure exactly the same code path.

import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import sniffHTMLEncoding from 'html-encoding-sniffer';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

export const BASELINE_ENGINES = ['jsdom', 'linkedom'];
export const CLEAN_ENGINES = ['jsdom', 'linkedom'];

/**
 * Decode page bytes for the baselines the way a careful caller of Readability would: BOM, then
 * the `<meta>` prescan (html-encoding-sniffer, the sniffer jsdom itself uses), then UTF-8 when
 * the bytes are valid UTF-8, else windows-1252 (the WHATWG default).
 * @param {Uint8Array} bytes
 */
export function decodeForBaseline(bytes) {
  const sniffed = sniffHTMLEncoding(bytes, { defaultEncoding: '' });
  if (sniffed) {
    try {
      return new TextDecoder(sniffed).decode(bytes);
    } catch {
      // An encoding this Node build cannot decode: fall through to the default.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/**
 * Text of a DOM subtree with a line break at every block boundary (what "joining blocks with
 * newlines" means for the baseline variant), so words of adjacent blocks are never glued.
 * Works on jsdom and linkedom nodes alike.
 */
export function blockText(root) {
  /** @type {string[]} */
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const tag = node.nodeType === 1 ? String(node.localName ?? node.tagName ?? '').toLowerCase() : '';
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function quietConsole() {
  const vc = new VirtualConsole();
  vc.on('jsdomError', () => {});
  return vc;
}

/** Parse with the given engine; returns the document and a function that releases it. */
export function parseDocument(engine, html, url) {
  if (engine === 'jsdom') {
    const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: quietConsole() });
    return { document: dom.window.document, close: () => dom.window.close() };
  }
  if (engine === 'linkedom') {
    const { document } = parseHTML(html);
    return { document, close: () => {} };
  }
  throw new Error(`unknown engine ${engine}`);
}

/**
 * Plain Readability on one engine. Returns `textContent` (Readability's own text), the
 * block-joined variant of the same article, and Readability's metadata.
 * @param {'jsdom' | 'linkedom'} engine
 * @param {string} html decoded page
 * @param {string | null} url
 */
export function runReadability(engine, html, url) {
  const { document, close } = parseDocument(engine, html, url);
  try {
    // Ask Readability for the article element itself, so the block variant needs no re-parse.
    const article = new Readability(document, { serializer: (el) => el }).parse();
    if (!article) return { text: '', blocks: '', metadata: null };
    const el = /** @type {any} */ (article.content);
    return {
      text: article.textContent ?? '',
      blocks: el ? blockText(el) : '',
      metadata: {
        title: article.title ?? null,
        byline: article.byline ?? null,
        excerpt: article.excerpt ?? null,
        siteName: article.siteName ?? null,
        publishedTime: article.publishedTime ?? null,
        lang: article.lang ?? null,
      },
    };
  } finally {
    close();
  }
}

/** The same Readability run, timing only: no block text, default serializer. */
export function runReadabilityPlain(engine, html, url) {
  const { document, close } = parseDocument(engine, html, url);
  try {
    const article = new Readability(document).parse();
    return article?.textContent ?? '';
  } finally {
    close();
  }
}

/** Text of an HTML fragment or page, block-joined (for Readability's expected.html). */
export function htmlToBlockText(html) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body);
}

const SNAPSHOT_ENV = 'CORPUSKIT_EVAL_CLEANER';

/**
 * Copy the built cleaner (packages/clean/dist) to a temporary directory and make every later
 * loadCleaner(), in this process and in its children, import that copy. A long run then measures
 * one build from start to end even when dist is rebuilt meanwhile. The copy resolves its
 * dependencies through a symlink to this package's node_modules. Returns a cleanup function.
 */
export function snapshotCleaner() {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(join(dist, 'index.js'))) return { hash: null, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'corpuskit-eval-cleaner-'));
  const hash = createHash('sha256');
  // Modules and the JSON they import (model weights), sub-folders included, under dist/ beside a
  // package.json with the package's version (CLEANER_VERSION is read from ../package.json).
  for (const name of readdirSync(dist, { recursive: true }).map(String).sort()) {
    if (!name.endsWith('.js') && !name.endsWith('.json')) continue;
    const bytes = readFileSync(join(dist, name));
    hash.update(name).update(bytes);
    mkdirSync(dirname(join(dir, 'dist', name)), { recursive: true });
    writeFileSync(join(dir, 'dist', name), bytes);
  }
  const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  hash.update(version);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version, type: 'module' })}\n`);
  symlinkSync(fileURLToPath(new URL('../node_modules', import.meta.url)), join(dir, 'node_modules'), 'dir');
  process.env[SNAPSHOT_ENV] = join(dir, 'dist', 'index.js');
  return { hash: hash.digest('hex').slice(0, 12), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let cleanModule;
/**
 * The built cleaner (`packages/clean/dist`), or null with the reason when it is not built or does
 * not export `clean` yet.
 * @returns {Promise<{ clean: Function, version?: string } | { clean: null, reason: string }>}
 */
export async function loadCleaner() {
  if (cleanModule) return cleanModule;
  try {
    const snapshot = process.env[SNAPSHOT_ENV];
    const mod = await import(snapshot ? pathToFileURL(snapshot).href : '@corpuskit/clean');
    cleanModule =
      typeof mod.clean === 'function'
        ? { clean: mod.clean, version: mod.CLEANER_VERSION ?? mod.version, defaultEngine: mod.DEFAULT_ENGINE ?? null }
        : { clean: null, reason: '@corpuskit/clean does not export clean() yet' };
  } catch (error) {
    cleanModule = { clean: null, reason: `cannot import @corpuskit/clean: ${error?.message ?? error}` };
  }
  return cleanModule;
}

/**
 * corpuskit's cleaner on the raw bytes (it decodes them itself).
 * @param {'jsdom' | 'linkedom'} engine
 * @param {number} [timeoutMs] the cleaner's own per-document limit (its default when omitted)
 */
export async function runClean(engine, bytes, url, timeoutMs, extra = {}) {
  const cleaner = await loadCleaner();
  if (!cleaner.clean) throw new Error(cleaner.reason);
  const { clean } = cleaner;
  const doc = await clean(bytes, { url: url ?? undefined, engine, ...(timeoutMs ? { timeoutMs } : {}), ...extra });
  const m = doc.metadata ?? {};
  return {
    text: doc.text ?? '',
    status: doc.status,
    pageType: doc.pageType?.type ?? null,
    pageTypeConfidence: doc.pageType?.confidence ?? null,
    cleanedAs: doc.pageType?.cleanedAs ?? null,
    reasons: (doc.reasons ?? []).map((r) => r.code),
    removed: (doc.removed ?? []).map((r) => ({ category: r.category, rule: r.rule, text: r.text, chars: r.chars })),
    metadata: {
      title: doc.title ?? null,
      byline: m.byline ?? null,
      excerpt: m.description ?? null,
      siteName: m.siteName ?? null,
      publishedTime: m.publishedAt ?? null,
      // Readability's lang is the declared one only; compare like with like when the cleaner
      // reports the declared language separately.
      lang: (m.declaredLanguage !== undefined ? m.declaredLanguage : m.language) ?? null,
      detectedLanguage: m.detectedLanguage ?? null,
    },
  };
}

/**
 * What the page-type model reads of a page as the built cleaner computes it (for training): its
 * features and the words it names itself with.
 * @returns {Promise<{ features: number[], words: string[] }>}
 */
export async function pageFeaturesOf(bytes, url) {
  await loadCleaner();
  const snapshot = process.env[SNAPSHOT_ENV];
  const mod = await import(snapshot ? pathToFileURL(snapshot).href : '@corpuskit/clean');
  if (typeof mod.pageTypeInputs !== 'function') throw new Error('@corpuskit/clean does not export pageTypeInputs()');
  return mod.pageTypeInputs(bytes, { url: url ?? undefined });
}

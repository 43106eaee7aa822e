import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { canonicalJson } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean, cleanText } from './clean.js';
import type { CleanOptions } from './options.js';
import { ENGINES } from './dom.js';

/**
 * Golden tests: each `test/fixtures/<case>/` holds `input.html` or `input.txt`, optional
 * `options.json`, `expected.txt` (the exact text) and optional `expected.json` (fields that
 * must match: status, title, metadata values, rule ids that must fire). HTML cases run on
 * every engine and must give the same text. `UPDATE_GOLDEN=1` rewrites expected.txt.
 */
const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const cases = readdirSync(FIXTURES).filter(
  (name) => existsSync(join(FIXTURES, name, 'input.html')) || existsSync(join(FIXTURES, name, 'input.txt')),
);

interface Expected {
  status?: string;
  title?: string | null;
  metadata?: Record<string, unknown>;
  rules?: string[];
}

function load(name: string) {
  const dir = join(FIXTURES, name);
  const html = existsSync(join(dir, 'input.html'));
  const input = readFileSync(join(dir, html ? 'input.html' : 'input.txt'));
  const options = existsSync(join(dir, 'options.json'))
    ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as CleanOptions)
    : {};
  const expected = existsSync(join(dir, 'expected.json'))
    ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected)
    : {};
  return { dir, html, input, options, expected };
}

describe.each(cases)('fixture %s', (name) => {
  const { dir, html, input, options, expected } = load(name);
  const engines = html ? ENGINES : (['text'] as const);

  it.each(engines)('cleans to the expected text (%s)', async (engine) => {
    const document = html
      ? await clean(new Uint8Array(input), {
          ...options,
          engine: engine as 'jsdom' | 'linkedom',
          source: `${name}/input.html`,
        })
      : await cleanText(input.toString('utf8'), { ...options, source: `${name}/input.txt` });
    const expectedPath = join(dir, 'expected.txt');
    if (process.env.UPDATE_GOLDEN === '1' && engine !== 'jsdom') writeFileSync(expectedPath, `${document.text}\n`);
    expect(document.text).toBe(readFileSync(expectedPath, 'utf8').replace(/\n$/, ''));
    if (expected.status !== undefined) expect(document.status).toBe(expected.status);
    if (expected.title !== undefined) expect(document.title).toBe(expected.title);
    for (const [field, value] of Object.entries(expected.metadata ?? {})) {
      expect(document.metadata[field as keyof typeof document.metadata], field).toEqual(value);
    }
    const fired = new Set(document.removed.map((removal) => removal.rule));
    for (const rule of expected.rules ?? []) expect(fired.has(rule), `rule ${rule} fires`).toBe(true);
    // Deterministic: the same input and options give byte-identical JSON.
    const again = html
      ? await clean(new Uint8Array(input), {
          ...options,
          engine: engine as 'jsdom' | 'linkedom',
          source: `${name}/input.html`,
        })
      : await cleanText(input.toString('utf8'), { ...options, source: `${name}/input.txt` });
    expect(canonicalJson(again)).toBe(canonicalJson(document));
  });
});

/**
 * Everyday words of a language ("their", "first", "years"; "welche", "unsere" …): words that
 * say nothing of what a text is about. The lists are stopwords-iso's (one per ISO 639-1 code,
 * the codes `detectLanguage` gives), read once, when a step first asks for one.
 */

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let lists: Record<string, readonly string[]> | null = null;
const sets = new Map<string, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

/** The everyday words of the language `lang` (ISO 639-1), lower-cased; none for an unknown language. */
export function stopWords(lang: string | null): ReadonlySet<string> {
  if (!lang) return NONE;
  const known = sets.get(lang);
  if (known) return known;
  lists ??= require('stopwords-iso') as Record<string, readonly string[]>;
  const set: ReadonlySet<string> = new Set(Object.hasOwn(lists, lang) ? lists[lang] : []);
  sets.set(lang, set);
  return set;
}

/**
 * The words a page names itself with, for the page-type model's learned vocabulary
 * (page-type.ts `wordScores`): the words of its URL path, its `<title>`, its first headings
 * (h1 to h3) and the labels of its buttons, each kept once per place it shows in and prefixed
 * with that place (`u:`, `t:`, `h:`, `b:`): "news" in a URL path and "news" in a heading are two
 * different words to the model.
 *
 * Which of these words say what kind of page it is, and how much, is learned (pnpm train
 * pagetype: words seen on few sites are left out); nothing here knows any word.
 */

/** At most this many headings are read, and this many words of each. */
const MAX_HEADINGS = 40;
const MAX_HEADING_WORDS = 12;
/** At most this many buttons are read, and this many words of each. */
const MAX_BUTTONS = 60;
const MAX_BUTTON_WORDS = 5;
/** A link styled as a button (`btn`, `button` in its class). */
const BUTTON_CLASS = /btn|button/i;
const WORD = /\p{L}{2,}/gu;
const TOP_HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3']);

/** Words of a text: runs of two letters or more, lower case, compatibility-normalised. */
function wordsOf(text: string | null | undefined, max = Infinity): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    out.push(m[0]);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * The words of the headings and buttons a page walk visits (the walk of features/page.ts, which
 * skips scripts, styles, templates and the head), then of the title and URL (`words`).
 */
export class PageWords {
  private readonly found = new Set<string>();
  private headings = 0;
  private buttons = 0;

  visit(el: Element, tag: string): void {
    if (TOP_HEADINGS.has(tag)) {
      if (this.headings++ < MAX_HEADINGS) this.add('h', wordsOf(el.textContent, MAX_HEADING_WORDS));
    } else if (
      tag === 'button' ||
      (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'submit') ||
      (tag === 'a' && BUTTON_CLASS.test(el.getAttribute('class') ?? ''))
    ) {
      if (this.buttons++ < MAX_BUTTONS)
        this.add('b', wordsOf(el.textContent || el.getAttribute('value'), MAX_BUTTON_WORDS));
    }
  }

  /** Every word found, with the title's and the URL path's, each once. */
  words(document: Document, url: string | null): string[] {
    this.add('t', wordsOf(document.querySelector('title')?.textContent));
    let path = '';
    if (url) {
      try {
        path = decodeURIComponent(new URL(url).pathname);
      } catch {
        path = '';
      }
    }
    this.add('u', wordsOf(path.replace(/[-_/.]/g, ' ')));
    return [...this.found];
  }

  private add(place: string, words: string[]): void {
    for (const w of words) this.found.add(`${place}:${w}`);
  }
}

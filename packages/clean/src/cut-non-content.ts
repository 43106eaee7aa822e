/**
 * Scripts, `<style>` blocks and comments cut out of the markup before jsdom parses it: jsdom
 * builds a CSS object model for every `<style>` and keeps every script's text, which the
 * cleaner then throws away (`removeNonContent`). htmlparser2's tokenizer finds where each one
 * starts and ends. A piece is cut only where HTML's own parser (parse5, which jsdom uses) is
 * certain to read exactly the same piece; anything else is left for `removeNonContent` to take
 * out of the parsed tree, so the cleaned output is the same either way. One repair changes what
 * jsdom reads: see `CLOSED_IN_NOSCRIPT`.
 */

import { Parser } from 'htmlparser2';

import { isBoundaryMarker } from './streamed.js';

const JSON_LD = /^\s*application\/ld\+json\b/i;
const END_TAG = /<\/(script|style)[\t\n\f\r ]*>/iy;

/**
 * Elements inside which the two tokenizers may disagree, or where the tree is not the page's:
 * foreign content (`<style>` is not raw text in SVG), raw-text elements htmlparser2 reads as
 * markup, template contents, and `<select>` (which ignores a `<style>` start tag).
 */
const OPAQUE = new Set(['svg', 'math', 'template', 'iframe', 'noembed', 'noframes', 'xmp', 'textarea', 'select']);

/** Elements whose contents parse5 reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);
/**
 * Of those, the ones a `<noscript>` may hold written as if empty (`<iframe src="…" />`, a tag
 * manager's snippet): parse5 (scripting off, as in jsdom) reads on to an end tag that never
 * comes, and the rest of the page becomes the iframe's text; a browser (scripting on) reads the
 * whole `<noscript>` as text, and linkedom ends the element at the `/>`. The end tag is written
 * after it, so jsdom reads what linkedom does.
 */
const CLOSED_IN_NOSCRIPT = new Set(['textarea', 'xmp', 'iframe', 'noembed', 'noframes']);

interface OpenBlock {
  name: 'script' | 'style';
  start: number;
  contentStart: number;
  keep: boolean;
}

/** True when the raw text of a script or style holds something parse5 may end it at or escape with. */
function unsafeContent(name: 'script' | 'style', content: string): boolean {
  const lower = content.toLowerCase();
  if (lower.includes(`</${name}`)) return true;
  // `<!--` inside a script starts the escaped states: a later `<script>` changes where it ends.
  return name === 'script' && lower.includes('<!--');
}

/**
 * The markup without the scripts (JSON-LD kept), style blocks and comments that can be cut
 * safely, and with an end tag after an element of `CLOSED_IN_NOSCRIPT` written as empty in a
 * `<noscript>`.
 */
export function cutNonContent(markup: string): string {
  // Markup from `start` to `end` replaced by `insert` (nothing for a cut).
  const cuts: Array<[start: number, end: number, insert?: string]> = [];
  let opaque = 0;
  let noscript = 0;
  // An element closed after its `/>` here, which htmlparser2 closes later (at `</noscript>`).
  let closedHere: string | null = null;
  // Nothing is cut before an explicit `<head>` or `<body>`: a script before them decides whether
  // a later doctype counts (quirks mode) and where the head starts (and whose attributes it has).
  let started = false;
  let stopped = false;
  let open: OpenBlock | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'plaintext') stopped = true;
        if (name === 'noscript') noscript += 1;
        // `<script … />`: htmlparser2 leaves raw text at the "/>", parse5 reads on to `</script>`.
        if (RAW_TEXT.has(name) && markup[parser.endIndex - 1] === '/') {
          if (noscript > 0 && CLOSED_IN_NOSCRIPT.has(name) && !stopped && closedHere === null) {
            cuts.push([parser.endIndex + 1, parser.endIndex + 1, `</${name}>`]);
            closedHere = name;
          } else stopped = true;
        }
        if (OPAQUE.has(name)) opaque += 1;
        if (name === 'head' || name === 'body') started = true;
        if ((name === 'script' || name === 'style') && started && opaque === 0 && !stopped) {
          open = {
            name,
            start: parser.startIndex,
            contentStart: parser.endIndex + 1,
            keep: name === 'script' && JSON_LD.test(attributes.type ?? ''),
          };
        }
      },
      onclosetag(name, isImplied) {
        if (name === 'noscript' && noscript > 0) noscript -= 1;
        if (OPAQUE.has(name)) {
          // Closed by htmlparser2's own rules where parse5 may still be inside (an iframe's raw
          // text), unless its end tag was written in after it.
          if (isImplied && closedHere !== name) stopped = true;
          if (closedHere === name) closedHere = null;
          if (opaque > 0) opaque -= 1;
        }
        const block: OpenBlock | null = open;
        if (!block || name !== block.name) return;
        open = null;
        if (block.keep || isImplied) return;
        // Only a plain end tag (`</script>`, `</style >`): one with attributes is left to the parser.
        const closeStart = parser.startIndex;
        END_TAG.lastIndex = closeStart;
        const end = END_TAG.exec(markup);
        if (!end || end[1]!.toLowerCase() !== name) return;
        if (unsafeContent(block.name, markup.slice(block.contentStart, closeStart))) return;
        cuts.push([block.start, closeStart + end[0].length]);
      },
      oncomment() {
        if (!started || opaque > 0 || stopped || open) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        // Only `<!-- … -->`: htmlparser2 also reports CDATA sections and `<!…>` as comments.
        if (!markup.startsWith('<!--', start) || markup.slice(start, end).includes('--!>')) return;
        // A streamed page's boundary markers say where a fallback ends (streamed.ts).
        if (isBoundaryMarker(markup.slice(start + 4, end - 3).trim())) return;
        cuts.push([start, end]);
      },
    },
    // Attribute values decoded as parse5 decodes them (`type="application&#x2F;ld&#x2B;json"`).
    { decodeEntities: true },
  );
  parser.end(markup);
  if (cuts.length === 0) return markup;
  let out = '';
  let at = 0;
  for (const [start, end, insert = ''] of cuts) {
    if (start < at) continue;
    out += markup.slice(at, start) + insert;
    at = end;
  }
  return out + markup.slice(at);
}

import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const KINDS = [
  ['Needed cookies', 'keep you signed in and remember what is in your basket; the shop does not work without them'],
  [
    'Preference cookies',
    'remember the language, the currency and the sizes you chose, so you need not choose them again',
  ],
  [
    'Measurement cookies',
    'count visits and tell us which pages are slow, with the addresses shortened before they are stored',
  ],
  [
    'Advertising cookies',
    'let our partners show you offers elsewhere that match what you looked at here, across other sites',
  ],
];

/** A site's own cookie preferences dialog, named by its id, with a paragraph of prose per kind of cookie. */
function preferences(named: 'id' | 'dialog'): string {
  const body = KINDS.map(
    ([name, what]) =>
      `<h4>${name}</h4><p>These cookies ${what}. You can switch them off here at any time.</p><label><input type="checkbox"> ${name}</label>`,
  ).join('');
  const inner = `<h3>Your privacy</h3><p>Our site uses several kinds of cookies, each with its own purpose. Below you can choose which ones you consent to.</p>${body}<button>Save and close</button><button>Accept all</button>`;
  return named === 'id'
    ? `<div id="modal_site-consent" class="modal modal-wide">${inner}</div>`
    : `<div class="overlay"><div role="dialog" aria-modal="true" aria-label="Settings">${inner}</div></div>`;
}

const WATCHES = ['Field watch', 'Diver', 'Chronograph', 'Dress watch', 'Pilot watch', 'GMT'];

/**
 * A shop's category page: a short introduction, a grid of product cards (short lines each) and a
 * cookie preferences dialog with more prose than the rest of the page together.
 */
function categoryPage(named: 'id' | 'dialog'): string {
  const cards = WATCHES.map(
    (w, i) =>
      `<li class="card"><a href="/watches/${i}"><img src="/w${i}.jpg" alt=""><h3>${w}</h3></a><span>£${400 + 50 * i}</span></li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Automatic watches – Tidewater Watches</title></head><body>
<header><nav><a href="/">Home</a> <a href="/watches">Watches</a> <a href="/sell">Sell</a></nav></header>
<div class="page"><h1>Automatic watches</h1>
<p>An automatic watch winds itself as you wear it: a weighted rotor turns with every movement of the wrist and tightens the mainspring.</p>
<ul class="grid">${cards}</ul></div>
${preferences(named)}
<footer><p>Tidewater Watches, 8 Dock Street.</p></footer>
</body></html>`;
}

describe('a site-made consent box is never the content', () => {
  for (const engine of ENGINES) {
    for (const named of ['id', 'dialog'] as const) {
      it(`drops a cookie preferences ${named === 'id' ? 'box named by its id' : 'dialog'} (${engine})`, async () => {
        const document = await clean(categoryPage(named), {
          url: 'https://watches.example/automatic-watches',
          engine,
          pageType: 'article',
        });
        expect(document.text).toContain('An automatic watch winds itself as you wear it');
        expect(document.text).not.toContain('Measurement cookies');
        expect(document.text).not.toContain('several kinds of cookies');
        const box = document.removed.find((r) => r.rule === 'cookie-consent/box');
        expect(box?.text).toContain('several kinds of cookies');
      });
    }
  }
});

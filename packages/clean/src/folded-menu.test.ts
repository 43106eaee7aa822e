// Drop-down menus drawn with a closed <details> (a picker of languages or of a sort order, a
// folded list of links) are not the page's text, however long: the browser shows only their
// summary. A closed <details> that folds prose (a question's answer) and an open one stay.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const REGIONS = Array.from({ length: 120 }, (_, i) => `Region number ${i + 1}`);
const picker = (open: boolean) =>
  `<details class="picker"${open ? ' open' : ''}><summary>Region: Any</summary><div class="picker-menu"><span>Choose a region</span>${REGIONS.map(
    (name, i) => `<a role="menuitemradio" href="/catalogue?region=${i}">${name}</a>`,
  ).join(' ')}</div></details>`;
const ORDER = `<details><summary>Order: Newest</summary><ul><li><a href="?order=new">Newest</a></li><li><a href="?order=old">Oldest</a></li><li><a href="?order=read">Most read</a></li></ul></details>`;
const ANSWER = `<details><summary>Can I list a project that has no licence?</summary><p>Yes, but readers will be told that the project has no licence, and a project without one cannot be reused by others; read the <a href="/licences">guide to licences</a> before you choose.</p></details>`;
// Answers that a link makes up most of: bare text beside the summary around one link, and one link sentence.
const BARE_ANSWER = `<details><summary>Do you ship to the islands?</summary>Yes, every week; see <a href="/shipping/islands">the island delivery days and the prices for each island</a>.</details>`;
const LINK_ANSWER = `<details><summary>Where is the changelog?</summary><p><a href="/changelog">Every release and its changes are listed on the changelog page of the project</a></p></details>`;
const CARDS = Array.from(
  { length: 12 },
  (_, i) =>
    `<article class="card"><h2><a href="/projects/p${i}">Project ${i + 1}</a></h2><p>A small library for reading tide tables, number ${i + 1} of the week, with examples.</p></article>`,
).join('');
const page = (open: boolean) => `<!doctype html><html lang="en"><head><title>New in the catalogue</title></head><body>
<main><h1>New in the catalogue</h1><div class="filters">${picker(open)}${ORDER}</div>${CARDS}${ANSWER}${BARE_ANSWER}${LINK_ANSWER}</main></body></html>`;
const URL = 'https://catalogue.example/catalogue';
// Questions whose answer is a list of links: one asks with a question mark, one with a question word
// only, and one is labelled like a picker but sits in an accordion beside a prose answer.
const LINKS = (names: string[]) =>
  `<ul>${names.map((n, i) => `<li><a href="/places/${i}">${n}</a></li>`).join('')}</ul>`;
const FAQ = `<!doctype html><html lang="en"><head><title>Visitor questions</title></head><body><main><h1>Visitor questions</h1>
<p>Answers to what visitors to the gardens ask us most often: opening times, the paths, the cafes and where the buses stop.</p>
<section><details><summary>Opening hours</summary><p>The gardens open at nine every morning of the year and close an hour before sunset, later in the summer months.</p></details>
<details><summary>Bus stops nearby</summary>${LINKS(['Gardens Lane', 'Lake Road', 'Market Cross'])}</details></section>
<details><summary>Where can I buy a season ticket?</summary>${LINKS(['Rose Gate kiosk', 'Online shop', 'Town hall desk'])}</details>
<details><summary>How do I find the glasshouses</summary>${LINKS(['Palm house map', 'Cactus house map', 'Fern house map'])}</details>
<p>Dogs are welcome on a lead on every path except in the glasshouses, and water bowls stand by each cafe door.</p>
</main></body></html>`;
// A shop's item page: a folded note of delivery links beside a folded rating, then the item's own text.
const ITEM = `<!doctype html><html lang="en"><head><title>Oak stool</title></head><body><main><h1>Oak stool</h1>
<p>A three-legged stool of solid oak, turned by hand in our workshop and finished with linseed oil, 45 centimetres high.</p>
<p>The seat is carved from one board, and the legs are wedged through it so that the stool stays firm for many years.</p>
<div class="panels"><details><summary>Delivery and returns</summary><p>Free delivery over 50 pounds. <a href="/help/delivery">Delivery times and prices</a>. <a href="/help/returns">How to return an item</a>. <a href="/help/collect">Collect from the workshop instead</a>.</p></details>
<details><summary>Reviews</summary><p>No reviews yet. Rated 0 of 5.</p></details></div>
</main></body></html>`;
const folded = (removed: Array<{ rule: string; text: string }>) =>
  removed.filter((r) => r.rule === 'boilerplate/folded-menu');

describe('drop-down menus folded in a closed <details>', () => {
  for (const engine of ENGINES) {
    it(`are removed, however long, and the cards and a folded answer stay (${engine})`, async () => {
      const doc = await clean(page(false), { engine, url: URL, pageType: 'listing' });
      expect(doc.text).not.toContain('Region number 77');
      expect(doc.text).not.toContain('Most read');
      expect(doc.text).toContain('Project 12');
      expect(doc.text).toContain('A small library for reading tide tables, number 7 of the week');
      expect(doc.text).toContain('Can I list a project that has no licence?');
      expect(doc.text).toContain('readers will be told that the project has no licence');
      expect(doc.text).toContain('the island delivery days and the prices for each island');
      expect(doc.text).toContain('Every release and its changes are listed on the changelog page');
      expect(folded(doc.removed).map((r) => r.text.slice(0, 25))).toEqual([
        'Region: Any Choose a regi',
        'Order: Newest Newest Olde',
      ]);
    });

    it(`stay when the summary asks a question or the <details> is an accordion's entry (${engine})`, async () => {
      const doc = await clean(FAQ, { engine, url: 'https://gardens.example/questions', pageType: 'article' });
      expect(folded(doc.removed)).toHaveLength(0);
      for (const text of [
        'Where can I buy a season ticket?',
        'Town hall desk',
        'How do I find the glasshouses',
        'Fern house map',
        'Bus stops nearby',
        'Market Cross',
      ]) {
        expect(doc.text).toContain(text);
      }
    });

    it(`are removed beside a sibling that folds a few words, not prose (${engine})`, async () => {
      const doc = await clean(ITEM, { engine, url: 'https://workshop.example/stool', pageType: 'product' });
      expect(folded(doc.removed).map((r) => r.text.slice(0, 20))).toEqual(['Delivery and returns']);
      expect(doc.text).not.toContain('How to return an item');
      expect(doc.text).toContain('the legs are wedged through it');
      // Beside an entry that folds a sentence or more, the same note is an accordion's answer.
      const prose = ITEM.replace(
        'No reviews yet. Rated 0 of 5.',
        'Every stool is checked by hand before it leaves the workshop, and a stool that wobbles is sent back to the bench.',
      );
      const kept = await clean(prose, { engine, url: 'https://workshop.example/stool', pageType: 'product' });
      expect(folded(kept.removed)).toEqual([]);
      expect(kept.text).toContain('How to return an item');
    });

    it(`stay in an accordion of short answers (${engine})`, async () => {
      const short = ITEM.replace('No reviews yet. Rated 0 of 5.', 'Oak, linseed oil.').replace(
        '</details></div>',
        '</details><details><summary>Size</summary><p>45 cm high, 30 cm across.</p></details></div>',
      );
      const doc = await clean(short, { engine, url: 'https://workshop.example/stool', pageType: 'product' });
      expect(folded(doc.removed)).toEqual([]);
      expect(doc.text).toContain('How to return an item');
    });

    it(`stay when the <details> is open, or the rule is turned off (${engine})`, async () => {
      const open = await clean(page(true), { engine, url: URL, pageType: 'listing' });
      expect(folded(open.removed).map((r) => r.text.slice(0, 10))).toEqual(['Order: New']);
      const off = await clean(page(false), {
        engine,
        url: URL,
        pageType: 'listing',
        disabledCategories: ['boilerplate/folded-menu'],
      });
      expect(folded(off.removed)).toHaveLength(0);
      expect(off.text).toContain('Region number 77');
    });
  }
});

import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

/**
 * A product page with no marked main region, laid out in two columns: pictures on the left and
 * the product's details on the right, drawn as an `<aside>` (its name as the page's h1, price,
 * two paragraphs of description, a list of facts). `sideNote` puts a real sidebar beside it too.
 */
function columnPage(sideNote: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Oak chopping board – Northside Joinery</title>
<meta property="og:type" content="product"></head><body>
<header><a href="/"><img src="/logo.svg" alt="Northside Joinery"></a><nav><a href="/">Home</a> <a href="/boards">Boards</a> <a href="/stools">Stools</a> <a href="/basket">Basket</a></nav></header>
<div class="layout">
<div class="pictures"><img src="/b1.jpg" alt="The board from above"><img src="/b2.jpg" alt="The board's end grain"><p>Pictured: the large size.</p></div>
<aside class="details"><h1>Oak chopping board</h1><p class="price">£64.00</p>
<p>The board is glued up from end-grain blocks of English oak, so a knife edge slips between the fibres instead of cutting across them and stays sharp for longer than it would on a plank board.</p>
<p>We finish every board with three coats of food-safe oil and a beeswax polish; wipe it clean after use, dry it standing on its edge and oil it again whenever the wood starts to look pale.</p>
<ul><li>Size: 40 × 28 × 4 cm</li><li>Weight: 3.1 kg</li><li>Made in Sheffield</li></ul>
<form action="/basket"><button>Add to basket</button></form></aside>
</div>
${sideNote ? '<aside class="sidebar"><h2>Our workshop</h2><ul><li><a href="/visit">Visit us</a></li><li><a href="/courses">Woodwork courses</a></li><li><a href="/gift-cards">Gift cards</a></li></ul></aside>' : ''}
<footer><p>Northside Joinery, Unit 4, Mill Road. Orders ship in three days.</p><p><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></p></footer>
</body></html>`;
}

/**
 * An article-like service page whose real sidebar holds the page's h1 as a small title but only
 * a few links, beside the page's prose: the sidebar is still the page's frame.
 */
const SIDEBAR_TITLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Boiler servicing – Quay Heating</title></head><body>
<header><nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/contact">Contact</a></nav></header>
<div class="layout">
<aside class="sidebar"><h1>Boiler servicing</h1><ul><li><a href="/services/repairs">Repairs</a></li><li><a href="/services/installs">New boilers</a></li><li><a href="/services/plans">Cover plans</a></li></ul></aside>
<div class="body">
<p>A yearly service keeps a gas boiler safe and efficient: our engineer checks the flue, the seals and the pressure, cleans the burner and the heat exchanger, and tests for carbon monoxide before signing the record.</p>
<p>Most visits take under an hour. We send a reminder a month before the next one is due, and the price includes the parts a routine service needs, so the bill is the same as the quote you were given.</p>
<p>Book online or call the office; we cover the town and the villages within fifteen miles of the harbour, on weekdays and on Saturday mornings.</p>
</div></div>
<footer><p>Quay Heating Ltd, 12 Harbour Street.</p></footer>
</body></html>`;

describe('a sidebar that holds the page heading and its text is the content column', () => {
  for (const engine of ENGINES) {
    for (const sideNote of [false, true]) {
      it(`keeps a product's details drawn as an aside (${engine}${sideNote ? ', with a real sidebar' : ''})`, async () => {
        const document = await clean(columnPage(sideNote), {
          url: 'https://joinery.example/boards/oak-chopping-board',
          engine,
          pageType: 'product',
        });
        expect(document.text).toContain('Oak chopping board');
        expect(document.text).toContain('glued up from end-grain blocks of English oak');
        expect(document.text).toContain('three coats of food-safe oil');
        expect(document.text).toContain('Size: 40 × 28 × 4 cm');
        expect(document.text).not.toContain('Add to basket');
        expect(document.text).not.toContain('Orders ship in three days');
        expect(document.removed.some((r) => r.text.includes('English oak'))).toBe(false);
        if (sideNote) {
          expect(document.text).not.toContain('Woodwork courses');
          const sidebar = document.removed.find((r) => r.text.includes('Woodwork courses'));
          expect(sidebar).toBeDefined();
        }
      });
    }

    it(`still drops a sidebar that holds the h1 but little of the text (${engine})`, async () => {
      const document = await clean(SIDEBAR_TITLE_PAGE, {
        url: 'https://heating.example/services/boiler-servicing',
        engine,
        pageType: 'service',
      });
      expect(document.text).toContain('A yearly service keeps a gas boiler safe');
      expect(document.text).toContain('Book online or call the office');
      expect(document.text).not.toContain('New boilers');
      expect(document.text).not.toContain('Cover plans');
    });
  }
});

// A product page whose description sits in a side sheet (a dialog a button opens): the page's
// structured description says which sheet is the product's own text (rules boilerplate/region-chrome
// and boilerplate/shop-rows).
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const DESCRIPTION =
  'The Ridge lamp is turned from one block of ash and finished with linseed oil, so the grain stays open to the touch.';

const LD = `<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'Ridge table lamp',
  description: `${DESCRIPTION} It takes an E27 bulb of up to 40 W.`,
  offers: { '@type': 'Offer', price: '129.00', priceCurrency: 'EUR' },
})}</script>`;

type Shape = 'side sheet' | 'drawer' | 'pop-up';

/**
 * A panel a button opens, in three shapes shop themes draw: a side sheet (a dialog holding an aside
 * with a header and a close button), a `<dialog>` drawer, and a pop-up marked `aria-modal`.
 */
const panel = (shape: Shape, label: string, body: string): string => {
  if (shape === 'side sheet')
    return `<div class="panel" aria-label="${label}"><button class="opener">${label}</button>
  <div class="sheet" role="dialog" aria-modal="false"><aside class="sheet-inner">
    <div class="sheet-head"><h5>${label}</h5><button aria-label="Close">×</button></div>
    <div class="sheet-body">${body}</div>
  </aside></div></div>`;
  if (shape === 'drawer')
    return `<button class="drawer-toggle">${label}</button><dialog class="drawer"><h3>${label}</h3>${body}<button>Close</button></dialog>`;
  return `<a href="#more" class="more-link">${label}</a><div class="popup" aria-modal="true"><div class="popup-body"><h4>${label}</h4>${body}</div></div>`;
};

const PAGE = (
  withLd: boolean,
  shape: Shape = 'side sheet',
) => `<!doctype html><html><head><title>Ridge table lamp | Lamp shop</title>
<meta property="og:title" content="Ridge table lamp">${withLd ? LD : ''}</head><body>
<header><nav><a href="/">Home</a> <a href="/lamps">Lamps</a> <a href="/chairs">Chairs</a> <a href="/about">About us</a></nav></header>
<main>
  <div class="gallery"><img src="/i/ridge-1.jpg" alt="The lamp lit"><img src="/i/ridge-2.jpg" alt="The lamp from above"></div>
  <div class="info">
    <h1>Ridge table lamp</h1>
    <p class="price">€ 129,00</p>
    <p class="pitch">A small turned-wood lamp for a desk or a bedside table, made in our workshop one at a time.</p>
    <form action="/cart"><select name="shade"><option>Linen shade</option><option>Paper shade</option></select><button type="submit">Add to cart</button></form>
    ${panel(
      shape,
      'Details',
      `<p>${DESCRIPTION}</p><p>It takes an E27 bulb of up to 40 W. The cable is two metres of braided cotton with a switch halfway along.</p>
      <ul><li>Height 38 cm</li><li>Shade diameter 24 cm</li><li>Weight 1.2 kg</li></ul>`,
    )}
    ${panel(
      shape,
      'Delivery and returns',
      '<p>We send every order within three working days by tracked post. Returns are free within thirty days of delivery: write to us and we send a label.</p>',
    )}
  </div>
  <section class="story"><h2>From the workshop</h2>
    <p>Each lamp starts as a rough block of ash from a sawmill an hour from the workshop. We let the wood rest for a season before it goes on the lathe, so it does not crack when the house warms up in winter.</p>
    <p>Turning takes most of a morning. The base is hollowed to hold the fitting and weighted with a disc of steel, so the lamp stands steady when the cable is pulled.</p>
    <p>The oil goes on in three coats a day apart. It darkens the wood a little and brings out the rings; a wipe with a dry cloth is all the care it needs.</p>
  </section>
</main>
<footer><p>Lamp shop, 4 Mill Lane. Open Monday to Friday from nine to five.</p></footer>
</body></html>`;

/** A review article that shows the product's description in a sidebar's buy box, beside its own text. */
const ARTICLE = `<!doctype html><html><head><title>Ridge lamp review | Lamp notes</title>${LD}</head><body>
<main><article><h1>A week with the Ridge lamp</h1>
  <p>I put the Ridge on my desk for a week of late evenings. Its light is warm and low, good for reading paper and poor for sewing.</p>
  <p>The switch on the cable is where a hand falls when you sit, which I came to like more than I expected after years of reaching under shades.</p>
  <p>The wood marks if you touch it with oily fingers; the maker says to wipe it dry, and that worked for me after a greasy lunch at the desk.</p>
  <p>At its price it is a present more than a tool, but it is the lamp I switch on first when the evening comes and the screen goes off.</p>
</article>
<aside class="sidebar"><div class="buy-box"><h3>Ridge table lamp</h3><p>${DESCRIPTION}</p><p>€ 129,00</p><a href="https://lamps.example.com/ridge">Buy now</a></div></aside>
</main></body></html>`;

describe("a product's description in a panel a button opens", () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    for (const shape of ['side sheet', 'drawer', 'pop-up'] as const) {
      it(`keeps the ${shape} that shows the product's description, not the delivery ${shape} (${engine})`, async () => {
        const doc = await clean(PAGE(true, shape), {
          url: 'https://lamps.example.com/ridge',
          engine,
          pageType: 'product',
        });
        expect(doc.text).toContain('finished with linseed oil');
        expect(doc.text).toContain('braided cotton with a switch halfway along');
        // In its own blocks (the list stays a list), not pasted in front as a lead paragraph.
        expect(doc.markdown).toMatch(/^-\s+Shade diameter 24 cm$/m);
        expect(doc.removed.some((r) => r.text.includes('braided cotton'))).toBe(false);
        expect(doc.text).not.toContain('tracked post');
        expect(doc.removed.some((r) => r.rule === 'boilerplate/region-chrome' && r.text.includes('tracked post'))).toBe(
          true,
        );
      });

      it(`takes both ${shape}s as controls when the page names no description (${engine})`, async () => {
        const doc = await clean(PAGE(false, shape), {
          url: 'https://lamps.example.com/ridge',
          engine,
          pageType: 'product',
        });
        expect(doc.text).not.toContain('braided cotton');
        expect(doc.text).not.toContain('tracked post');
        expect(
          doc.removed.some((r) => r.rule === 'boilerplate/region-chrome' && r.text.includes('braided cotton')),
        ).toBe(true);
      });
    }

    it(`does not put a sidebar's product description in front of an article (${engine})`, async () => {
      const doc = await clean(ARTICLE, { url: 'https://notes.example.com/ridge-review', engine, pageType: 'article' });
      expect(doc.text).toMatch(/^A week with the Ridge lamp\n\nI put the Ridge on my desk/);
      expect(doc.text).not.toContain('finished with linseed oil');
    });
  }
});

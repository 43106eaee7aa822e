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

/** A sheet as shop themes draw them: a dialog holding an aside with a header, a close button and the text. */
const sheet = (label: string, body: string) => `<div class="panel" aria-label="${label}">
  <button class="opener">${label}</button>
  <div class="sheet" role="dialog" aria-modal="false"><aside class="sheet-inner">
    <div class="sheet-head"><h5>${label}</h5><button aria-label="Close">×</button></div>
    <div class="sheet-body">${body}</div>
  </aside></div></div>`;

const PAGE = (withLd: boolean) => `<!doctype html><html><head><title>Ridge table lamp | Lamp shop</title>
<meta property="og:title" content="Ridge table lamp">${withLd ? LD : ''}</head><body>
<header><nav><a href="/">Home</a> <a href="/lamps">Lamps</a> <a href="/chairs">Chairs</a> <a href="/about">About us</a></nav></header>
<main>
  <div class="gallery"><img src="/i/ridge-1.jpg" alt="The lamp lit"><img src="/i/ridge-2.jpg" alt="The lamp from above"></div>
  <div class="info">
    <h1>Ridge table lamp</h1>
    <p class="price">€ 129,00</p>
    <p class="pitch">A small turned-wood lamp for a desk or a bedside table, made in our workshop one at a time.</p>
    <form action="/cart"><select name="shade"><option>Linen shade</option><option>Paper shade</option></select><button type="submit">Add to cart</button></form>
    ${sheet(
      'Details',
      `<p>${DESCRIPTION}</p><p>It takes an E27 bulb of up to 40 W. The cable is two metres of braided cotton with a switch halfway along.</p>
      <ul><li>Height 38 cm</li><li>Shade diameter 24 cm</li><li>Weight 1.2 kg</li></ul>`,
    )}
    ${sheet(
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

describe("a product's description in a side sheet", () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`keeps the sheet that shows the page's product description, not the delivery sheet (${engine})`, async () => {
      const doc = await clean(PAGE(true), { url: 'https://lamps.example.com/ridge', engine, pageType: 'product' });
      expect(doc.text).toContain('finished with linseed oil');
      expect(doc.text).toContain('braided cotton with a switch halfway along');
      expect(doc.text).toContain('Shade diameter 24 cm');
      // In its own blocks (the list stays a list), not pasted in front as a lead paragraph.
      expect(doc.markdown).toMatch(/^-\s+Shade diameter 24 cm$/m);
      expect(doc.text).not.toContain('tracked post');
      expect(doc.removed.some((r) => r.rule === 'boilerplate/region-chrome' && r.text.includes('tracked post'))).toBe(
        true,
      );
      expect(doc.removed.some((r) => r.text.includes('braided cotton'))).toBe(false);
    });

    it(`takes both sheets as controls when the page names no description (${engine})`, async () => {
      const doc = await clean(PAGE(false), { url: 'https://lamps.example.com/ridge', engine, pageType: 'product' });
      expect(doc.text).not.toContain('braided cotton');
      expect(doc.text).not.toContain('tracked post');
      expect(doc.removed.some((r) => r.rule === 'boilerplate/region-chrome' && r.text.includes('braided cotton'))).toBe(
        true,
      );
    });
  }
});

// `repeated/page-block` on service pages: a landing page draws the same call, the same plan or
// the same claim again further down (a hero and its copy in the closing banner, a tab strip and
// its panels, a carousel's slides written twice); the first copy stays, later ones go. The line
// that parallel cards share (each plan's features, each branch's hours) stays in every card. An
// article keeps its refrain.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const rule = 'repeated/page-block';

const SECTIONS = [
  'Our gardeners look after lawns, hedges and borders across the county, from small town gardens to large estates, and plan the work with you at the start of the season.',
  'Every gardener on the team has trained for at least two years and works to the same checklist, so the care stays the same when your usual gardener is on leave.',
  'We bring our own tools and take the green waste to the county compost site, so there is nothing left for you to clear after a visit.',
  'A note after each visit says what was done and what comes next, and the monthly price stays fixed for the whole season.',
];

const CALL = 'Book a free visit to your garden';

function servicePage(extra = ''): string {
  return `<!doctype html><html lang="en"><head><title>Garden care all year round</title></head><body>
<header><a href="/">Green Hands</a></header>
<main><h1>Garden care all year round</h1><p class="lead">${CALL}</p>
${SECTIONS.map((text, i) => `<section><h2>Part ${i + 1} of the service</h2><p>${text}</p></section>`).join('\n')}
${extra}<section class="banner"><p>${CALL.toUpperCase()}!</p></section></main>
<footer><p>Green Hands, 4 Mill Lane</p></footer></body></html>`;
}

describe('a block the page shows twice', () => {
  it('goes on a service page, the first copy staying, on both engines', async () => {
    for (const engine of ENGINES) {
      const document = await clean(servicePage(), { url: 'https://garden.example/care', engine, pageType: 'service' });
      expect(document.text).toContain(CALL);
      expect(document.text).not.toContain(CALL.toUpperCase());
      expect(document.text).toContain(SECTIONS[3]);
      expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
        `${CALL.toUpperCase()}!`,
      ]);
    }
  });

  it('stays in each of several cards that share it, on both engines', async () => {
    const plan = (name: string, price: string) =>
      `<div class="plan"><h3>${name}</h3><p class="price">${price} a month</p><ul><li>Mowing and edging every week</li><li>Green waste taken away</li><li>${name} visits on a day you choose</li></ul></div>`;
    const plans = `<div class="plans">${plan('Small garden', '£40')}${plan('Family garden', '£65')}${plan('Large garden', '£90')}</div>`;
    for (const engine of ENGINES) {
      const document = await clean(servicePage(plans), {
        url: 'https://garden.example/care',
        engine,
        pageType: 'service',
      });
      expect(document.text.split('Green waste taken away').length - 1).toBe(3);
      expect(document.text.split('Mowing and edging every week').length - 1).toBe(3);
      expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
        `${CALL.toUpperCase()}!`,
      ]);
    }
  });

  it('stays under each of several questions or terms that it answers (a flat FAQ, a list of terms), on both engines', async () => {
    const answer = 'Yes, at no extra cost.';
    const faqs = [
      `<section class="faq"><h2>Questions</h2><h3>Do you take away the hedge cuttings?</h3><p>${answer}</p><h3>Do you clean the patio?</h3><p>${answer}</p><h3>Do you work on Sundays?</h3><p>${answer}</p></section>`,
      `<dl><dt>Hedge cuttings taken away</dt><dd>${answer}</dd><dt>Patio cleaned once a year</dt><dd>${answer}</dd><dt>Visits on Sundays</dt><dd>Only in the summer.</dd></dl>`,
    ];
    for (const faq of faqs)
      for (const engine of ENGINES) {
        const document = await clean(servicePage(faq), {
          url: 'https://garden.example/care',
          engine,
          pageType: 'service',
        });
        expect(document.text.split(answer).length - 1).toBeGreaterThanOrEqual(2);
        expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
          `${CALL.toUpperCase()}!`,
        ]);
      }
  });

  it('goes from cards that copy whole cards above them (a carousel written twice), on both engines', async () => {
    const slide = (quote: string) => `<div class="slide"><p>${quote}</p><p>A customer in the county</p></div>`;
    const quotes = [
      'The lawn has never looked so good, and the same gardener comes every week.',
      'They cleared the whole garden in one day and took everything away with them.',
      'Friendly, on time and the price did not change once in three years of visits.',
    ];
    const carousel = `<div class="slides">${[...quotes, ...quotes].map(slide).join('')}</div>`;
    for (const engine of ENGINES) {
      const document = await clean(servicePage(carousel), {
        url: 'https://garden.example/care',
        engine,
        pageType: 'service',
      });
      for (const quote of quotes) expect(document.text.split(quote).length - 1).toBe(1);
      expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
        ...quotes.flatMap((quote) => [quote, 'A customer in the county']),
        `${CALL.toUpperCase()}!`,
      ]);
    }
  });

  it('stays on an article, on both engines', async () => {
    for (const engine of ENGINES) {
      const document = await clean(servicePage(), { url: 'https://garden.example/care', engine, pageType: 'article' });
      expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
    }
  });
});

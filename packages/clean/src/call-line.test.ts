// `boilerplate/call-line`: a service or product page's calls to action, each a link or a button
// alone on its line ("Get started", "Request a demo", "Read the case study", "Add to cart"), go;
// the offer's text stays, and so do the links the page lists as entries (its services, its
// offices), a link as long as a headline, and the calls of a page of any other type.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const rule = 'boilerplate/call-line';

const SECTIONS = [
  'Our surveyors measure every room of the house, note the state of its walls, roof and windows, and list what needs doing first, with a price for each job.',
  'The report comes within a week of the visit, written in plain words with photos of each fault, so that a buyer knows what the house will cost on top of its price.',
  'A surveyor stays on the phone for questions about the report until the sale is done, and a second visit is free when the seller has mended what was found.',
];

const HEADLINE_LINK = 'How a survey found a cracked beam under the kitchen floor of a Victorian terrace';

function servicePage(): string {
  return `<!doctype html><html lang="en"><head><title>Home surveys</title></head><body>
<header><nav><a href="/">Sound House</a> <a href="/about">About</a></nav></header>
<main><h1>Home surveys before you buy</h1>
<p>${SECTIONS[0]}</p>
<p><a href="/book" class="btn">Book a survey</a></p>
<div class="hero-actions"><span role="button" tabindex="0">Request a call back</span></div>
<h2>What the report tells you</h2>
<p>${SECTIONS[1]}</p>
<p><a href="/stories/beam">${HEADLINE_LINK}</a></p>
<p class="roles"><a href="/jobs/bookkeeper">Bookkeeper</a><br><a href="/jobs/payroll">Payroll manager</a><br><a href="/jobs/auditor">Senior auditor</a></p>
<ul class="offers"><li><a href="/surveys/flat">Flat surveys</a></li><li><a href="/surveys/house">House surveys</a></li><li><a href="/surveys/listed">Listed buildings</a></li></ul>
<div class="card"><p>Read how we work</p><a href="/case-studies/terrace" role="button">Read the case study</a></div>
<p><a href="mailto:office@soundhouse.example">office@soundhouse.example</a></p>
<p><a href="tel:+441234567890">Call us on 01234 567890</a></p>
<p><a href="https://www.google.com/maps/place/12+Quay+Street">12 Quay Street, Harbour Town HT1 2AB</a></p>
<h2>After the visit</h2>
<p>${SECTIONS[2]}</p>
</main>
<footer><p>Sound House Surveys, 12 Quay Street</p></footer></body></html>`;
}

/** The texts call-line removed from a cleaned document. */
const callsRemoved = (document: { removed: readonly { rule: string; text: string }[] }): string[] =>
  document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text);

const CALLS = ['Book a survey', 'Request a call back', 'Read the case study'];

describe('a call to action alone on its line', () => {
  it('goes on a service page as a link or an element of role button, the offer staying, on both engines', async () => {
    for (const engine of ENGINES) {
      const document = await clean(servicePage(), { url: 'https://survey.example/homes', engine, pageType: 'service' });
      for (const text of SECTIONS) expect(document.text).toContain(text);
      for (const call of CALLS) expect(document.text, `${engine}: ${call}`).not.toContain(call);
      const removed = callsRemoved(document);
      expect(removed.sort()).toEqual([...CALLS].sort());
    }
  });

  it('stays as an entry of a list of links, as a contact line, or when as long as a headline, on both engines', async () => {
    for (const engine of ENGINES) {
      const document = await clean(servicePage(), { url: 'https://survey.example/homes', engine, pageType: 'service' });
      // Links set one under another by line breaks are a list of them too.
      for (const offer of ['Flat surveys', 'House surveys', 'Listed buildings', 'Bookkeeper', 'Senior auditor'])
        expect(document.text, `${engine}: ${offer}`).toContain(offer);
      expect(document.text).toContain(HEADLINE_LINK);
      // The firm's contact lines are its facts: an e-mail, a phone number, its address on a map.
      for (const contact of [
        'office@soundhouse.example',
        'Call us on 01234 567890',
        '12 Quay Street, Harbour Town HT1 2AB',
      ])
        expect(document.text, `${engine}: ${contact}`).toContain(contact);
      // A plain line of a card is no call, only the card's link drawn as a button is.
      expect(document.text).toContain('Read how we work');
    }
  });

  it('stays on a page typed as an article or a collection, on both engines', async () => {
    for (const engine of ENGINES) {
      for (const pageType of ['article', 'collection'] as const) {
        const document = await clean(servicePage(), { url: 'https://survey.example/homes', engine, pageType });
        expect(document.removed.some((removal) => removal.rule === rule)).toBe(false);
        expect(document.text, `${engine} ${pageType}`).toContain('Book a survey');
      }
    }
  });

  it("goes on a product page: the shop's calls beside the product's description, on both engines", async () => {
    const description = [
      'The kettle boils a litre of water in under three minutes and switches itself off, its steel body staying cool enough to hold.',
      'Its filter lifts out for cleaning, the base turns all the way round, and the cord winds up under it when the kettle is put away.',
    ];
    const page = `<!doctype html><html lang="en"><head><title>Steel kettle</title></head><body>
<main><h1>Steel kettle, 1.5 litres</h1><p class="price">£39.00</p>
<p><a href="/login?next=/kettle" class="save">Sign in to save to favourites</a></p>
<div class="buy"><span role="button" tabindex="0">Add to cart</span></div>
<h2>About this kettle</h2><p>${description[0]}</p><p>${description[1]}</p>
<p><a href="/kettle/reviews">See all 212 reviews</a></p>
<h2>Details</h2><ul><li><a href="/brand/hearth">Hearth & Home</a></li><li>Capacity 1.5 litres</li></ul>
</main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(page, { url: 'https://shop.example/kettle', engine, pageType: 'product' });
      for (const text of description) expect(document.text).toContain(text);
      expect(document.text).toContain('Hearth & Home');
      const removed = callsRemoved(document);
      expect(removed.sort(), engine).toEqual(['Add to cart', 'See all 212 reviews', 'Sign in to save to favourites']);
    }
  });

  it('stays when short links are what the page holds (half of its text or more), on both engines', async () => {
    const links = [
      'Full structural survey',
      'Home condition report',
      'Listed building survey',
      'Damp and timber report',
      'Roof and chimney check',
      'Party wall agreement',
      'Snagging list for new homes',
      'Drainage camera survey',
    ];
    const page = `<!doctype html><html lang="en"><head><title>Surveys</title></head><body><main><h1>Our surveys</h1>
<p>Pick the survey that fits the home you are buying.</p>
${links.map((text) => `<p><a href="/s/${text.length}">${text}</a></p>`).join('\n')}
<p>Every survey comes with a written report.</p></main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(page, { url: 'https://survey.example/all', engine, pageType: 'service' });
      for (const text of links) expect(document.text, `${engine}: ${text}`).toContain(text);
      expect(document.removed.some((removal) => removal.rule === rule)).toBe(false);
    }
  });

  it("keeps an accordion's heads: a question drawn as a button, a toggle that opens a panel, on both engines", async () => {
    const answers = [
      'Most kitchens are fitted within five working days, and we tell you the exact date when we measure the room.',
      'Our fitters take out the old units and worktops and recycle what they can at the depot in town.',
      'The cost can be spread over twelve months at no interest once the deposit of a fifth is paid.',
      'Every fitting carries a ten-year guarantee on workmanship, and the appliances keep their own.',
    ];
    // A question of role button with no state of its own; heads that open a panel without asking.
    const heads = [
      'How long does an installation take?',
      'Removal of the old kitchen',
      'Paying in instalments',
      'Our guarantee',
    ];
    const page = `<!doctype html><html lang="en"><head><title>Kitchen fitting</title></head><body><main><h1>Kitchen fitting</h1>
<p>${SECTIONS[0]}</p><p>${SECTIONS[1]}</p><h2>Questions</h2>
<div class="acc"><div class="acc-head" role="button" tabindex="0">${heads[0]}</div><div class="acc-body"><p>${answers[0]}</p></div></div>
<div class="acc"><div class="acc-head" role="button" aria-expanded="true" tabindex="0">${heads[1]}</div><div class="acc-body"><p>${answers[1]}</p></div></div>
<div class="panel"><div class="panel-heading"><a data-bs-toggle="collapse" href="#c2">${heads[2]}</a></div><div id="c2"><p>${answers[2]}</p></div></div>
<div class="panel"><div class="panel-heading"><a data-toggle="collapse" aria-controls="c3" href="#c3">${heads[3]}</a></div><div id="c3"><p>${answers[3]}</p></div></div>
<p><a href="/visit">Book a free visit</a></p>
<p>${SECTIONS[2]}</p></main></body></html>`;
    for (const engine of ENGINES) {
      for (const pageType of ['service', 'product'] as const) {
        const document = await clean(page, { url: 'https://kitchens.example/fitting', engine, pageType });
        for (const text of [...heads, ...answers])
          expect(document.text, `${engine} ${pageType}: ${text}`).toContain(text);
        const removed = callsRemoved(document);
        expect(removed, `${engine} ${pageType}`).toEqual(['Book a free visit']);
      }
    }
  });

  it('takes a link line as all link text whatever entities or inline markup its link holds, the same on both engines', async () => {
    const calls = ['Terms & conditions of the survey', 'Request a call back', 'Watch the demo', 'Fees & charges'];
    const page = `<!doctype html><html lang="en"><head><title>Home surveys</title></head><body><main><h1>Home surveys</h1>
<p>${SECTIONS[0]}</p>
<p><a href="/terms">Terms &amp; conditions of the survey</a></p>
<p><a href="/call">Request <strong>a call back</strong></a></p>
<p><a href="/demo"><span>Watch</span> <span>the demo</span></a></p>
<p><a href="/fees"><em>Fees</em> &amp; charges</a></p>
<h2>What the report tells you</h2><p>${SECTIONS[1]}</p><p>${SECTIONS[2]}</p></main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(page, { url: 'https://survey.example/homes', engine, pageType: 'service' });
      for (const text of SECTIONS) expect(document.text).toContain(text);
      const removed = callsRemoved(document);
      expect(removed.sort(), engine).toEqual([...calls].sort());
    }
  });

  it("keeps the lines of a clickable card of role button under its heading, only a button's own label going, on both engines", async () => {
    const lines = [
      'We draw your kitchen in 3D first.',
      'One team fits it in five days.',
      'Oak, quartz or steel, cut on site.',
    ];
    const cards = ['Kitchen design', 'Fitting', 'Worktops']
      .map((title, i) => `<div class="card" role="button" tabindex="0"><h3>${title}</h3><p>${lines[i]}</p></div>`)
      .join('');
    const page = `<!doctype html><html lang="en"><head><title>Kitchens</title></head><body><main><h1>Kitchens</h1>
<p>${SECTIONS[0]}</p><p>${SECTIONS[1]}</p><h2>What we do</h2>${cards}
<div class="cta"><span role="button" tabindex="0">Plan my kitchen</span></div>
<p>${SECTIONS[2]}</p></main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(page, { url: 'https://kitchens.example/', engine, pageType: 'service' });
      for (const text of lines) expect(document.text, `${engine}: ${text}`).toContain(text);
      const removed = callsRemoved(document);
      expect(removed, engine).toEqual(['Plan my kitchen']);
    }
  });

  it("keeps the firm's postal address whatever page it links to, on both engines", async () => {
    const addresses = [
      '12 Park Row, Leeds LS1 5HD',
      'Hauptstraße 5, 10115 Berlin',
      '400 Main Street, Springfield, IL 62701',
    ];
    const page = `<!doctype html><html lang="en"><head><title>Kitchens</title></head><body><main><h1>Kitchens</h1>
<p>${SECTIONS[0]}</p><p>${SECTIONS[1]}</p><h2>Our showrooms</h2>
<p><a href="/showroom/leeds">${addresses[0]}</a></p>
<p><a href="/de/kontakt">${addresses[1]}</a></p>
<p><a href="/directions?to=springfield">${addresses[2]}</a></p>
<p><a href="/contact">Get in touch today</a></p>
<p>${SECTIONS[2]}</p></main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(page, { url: 'https://kitchens.example/showrooms', engine, pageType: 'service' });
      for (const text of addresses) expect(document.text, `${engine}: ${text}`).toContain(text);
      const removed = callsRemoved(document);
      expect(removed, engine).toEqual(['Get in touch today']);
    }
  });
});

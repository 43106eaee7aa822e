// A service page with no marked main region (no <main>): when Readability takes one section of
// several (the intro with its paragraphs, not the lists of what is offered, the steps and the
// questions), the content is the page around its header, footer, menus and sidebars, and those
// landmarks go under `boilerplate/region-chrome`. When Readability takes most of that region,
// its pick stays.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const list = (items: string[]) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

const INTRO = `<section class="intro"><h1>Garden care all year round</h1>
<p>Our gardeners look after lawns, hedges and borders across the county, from small town gardens to large estates. We plan the work with you at the start of the season and come back every week or every month, as you prefer, so the garden stays tidy without you having to lift a finger.</p>
<p>Every gardener on the team has trained for at least two years and works to the same checklist, so the care stays the same when your usual gardener is on leave. We bring our own tools and take the green waste to the county compost site.</p></section>`;

const OFFER = list([
  'Mowing and edging of every lawn, with the clippings taken away',
  'Weeding of borders, paths and the patio by hand, without sprays',
  'Pruning of shrubs and roses at the right time of year for each',
  'Leaf clearing in the autumn and a check of gutters on the shed',
  'Feeding of lawns in spring and autumn with an organic fertiliser',
  'Planting of bulbs and bedding plants that you choose or we suggest',
  'Watering of pots and new plants during dry spells in the summer',
  'Cleaning of the patio and paths with a pressure washer once a year',
  'Cutting back of perennials after they flower to keep borders neat',
  'A note after each visit of what was done and what comes next',
]);

const STEPS = list([
  'Book a free visit and walk round the garden with one of our team',
  'Receive a written plan and a fixed monthly price within two days',
  'Choose the day of the week that suits you best for the visits',
  'Call us or write if you want a visit moved or extra work done',
  'Meet the same gardener on most visits, who knows your garden well',
]);

const QUESTIONS = list([
  'Do I need to be at home? No, as long as the side gate can be opened',
  'Do you bring your own tools? Yes, and we take all garden waste with us',
  'Are you insured? Yes, for public liability up to five million pounds',
  'Can you remove a tree? Small trees yes, larger ones with a partner firm',
  'Do you work in winter? Yes, pruning and tidying go on all year long',
]);

const HEADER = `<header><a href="/">Greenway Gardens</a><nav><a href="/services">Services</a> <a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/blog">Blog</a></nav></header>`;
const FOOTER = `<footer><p>Greenway Gardens Ltd, 4 Mill Lane, registered in England</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>`;

/** The sections side by side under the body: Readability takes the intro alone. */
const SPREAD_PAGE = `<!doctype html><html lang="en"><head><title>Garden care</title></head><body>${HEADER}
<div class="row-a">${INTRO}</div>
<div class="row-b"><div class="offer"><strong>What each visit includes</strong>${OFFER}</div></div>
<div class="row-c"><div class="steps"><strong>How it works</strong>${STEPS}</div></div>
<div class="row-d"><div class="questions"><strong>Questions</strong>${QUESTIONS}</div></div>
${FOOTER}</body></html>`;

/** The same sections in one wrapper: Readability takes the wrapper, all of them. */
const WRAPPED_PAGE = SPREAD_PAGE.replace(`${HEADER}\n`, `${HEADER}\n<div class="page">`).replace(
  `\n${FOOTER}`,
  `</div>\n${FOOTER}`,
);

const URL = 'https://garden.example/care';
/** The page cleaned as a service page with the region-chrome rule turned off. */
const asServiceWithoutRegionChrome = (html: string, engine: 'linkedom' | 'jsdom') =>
  clean(html, { engine, url: URL, pageType: 'service', disabledCategories: ['boilerplate/region-chrome'] });
const landmarkDrops = (removed: Array<{ rule: string; reason: string; text: string }>) =>
  removed.filter((r) => r.rule === 'boilerplate/region-chrome' && r.reason.includes('a page landmark'));

describe('a service page with no marked main region', () => {
  for (const engine of ENGINES) {
    it(`takes the page around its landmarks when Readability took one section of several (${engine})`, async () => {
      const doc = await clean(SPREAD_PAGE, { engine, url: URL, pageType: 'service' });
      expect(doc.text).toContain('Our gardeners look after lawns');
      expect(doc.text).toContain('Planting of bulbs and bedding plants');
      expect(doc.text).toContain('Meet the same gardener on most visits');
      expect(doc.text).toContain('Do you work in winter?');
      expect(doc.text).not.toContain('registered in England');
      const drops = landmarkDrops(doc.removed);
      expect(drops.map((r) => r.reason)).toEqual([
        'shop or service chrome in the main region: a page landmark (header)',
        'shop or service chrome in the main region: a page landmark (footer)',
      ]);
      expect(drops[1]!.text).toContain('registered in England');
    });

    it(`leaves Readability's pick on an article, and with the rule turned off keeps the landmarks (${engine})`, async () => {
      const article = await clean(SPREAD_PAGE, { engine, url: URL, pageType: 'article' });
      expect(article.text).toContain('Our gardeners look after lawns');
      expect(article.text).not.toContain('Do you work in winter?');
      expect(landmarkDrops(article.removed)).toHaveLength(0);
      const off = await asServiceWithoutRegionChrome(SPREAD_PAGE, engine);
      expect(off.text).toContain('Do you work in winter?');
      expect(landmarkDrops(off.removed)).toHaveLength(0);
    });

    it(`keeps Readability's pick when it holds most of the region (${engine})`, async () => {
      const doc = await clean(WRAPPED_PAGE, { engine, url: URL, pageType: 'service' });
      expect(doc.text).toContain('Our gardeners look after lawns');
      expect(doc.text).toContain('Do you work in winter?');
      expect(landmarkDrops(doc.removed)).toHaveLength(0);
      expect(doc.removed.some((r) => r.reason === 'not in the article Readability picked')).toBe(true);
    });
  }
});

// A service page built as a grid of blocks, each in its own container: Readability takes the
// block of long paragraphs ("How we work"), about half of the region's prose and more than a
// third of its text, and leaves the intro, the reasons, the offer and the office hours beside it.
// The region's prose (its text outside links) counts: a menu of links the page does not mark as
// a landmark does not make Readability's pick one section of several.
const para = (text: string) => `<p>${text}</p>`;
const gridBlock = (name: string, inner: string) =>
  `<div class="grid-item ${name}"><div class="container"><div class="block">${inner}</div></div></div>`;
const HOW_TEXT = `<h2>How we work</h2>${para('We record every sale, purchase and bank payment each week, reconcile the accounts at the end of the month and send you a short report that shows where the money went and what is still owed to you.')}${para('Your bookkeeper stays the same person from one year to the next, knows how your business works and answers questions by phone or email within one working day, without extra fees for the call.')}${para('We run the payroll every week or every month, send the payslips to your staff, file the returns with the tax office on time and pay the pension contributions, so nobody has to chase a late form.')}${para('New starters and leavers are set up on the day you tell us, and the year-end forms are ready before the deadline, with a copy kept for you in the online portal.')}`;
const HOW = gridBlock('how', HOW_TEXT);
const GRID_INTRO = gridBlock(
  'intro',
  `<h1>Accounting for small firms</h1>${para('Bookkeeping, payroll and tax for shops and trades in the county')}`,
);
const REASONS = gridBlock(
  'reasons',
  `<h2>Why firms choose us</h2>${list(['Thirty years of work for local shops and trades', 'Four hundred clients from one to fifty staff', 'Accounts filed before the deadline every year since we opened'])}`,
);
const TASKS = gridBlock(
  'tasks',
  `<h2>What we take off your hands</h2>${list(['Weekly bookkeeping and bank reconciliation for every account', 'Payroll and pension filings for up to fifty staff', 'Annual accounts and the company tax return', 'Quarterly sales tax returns filed online on time'])}`,
);
const HOURS = gridBlock(
  'hours',
  `<h2>Visit the office</h2>${list(['Monday to Friday from nine to half past five', 'Saturday mornings in the weeks before the January deadline', 'Free parking behind the building on Harbour Street'])}`,
);
const SERVICE_MENU = `<div class="grid-item menu-panel">${Array.from(
  { length: 12 },
  (_, i) => `<a href="/services/area-${i}">Bookkeeping and payroll in district ${i + 1}</a>`,
).join(' ')}</div>`;
const GRID_HEADER = `<header><a href="/">Brightside Accounting</a><nav><a href="/services">Services</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav></header>`;
const GRID_FOOTER = `<footer><p>Brightside Accounting LLP, 12 Harbour Street, registered in Scotland</p><a href="/privacy">Privacy</a></footer>`;
const gridPage = (blocks: string) =>
  `<!doctype html><html lang="en"><head><title>Services | Brightside Accounting</title></head><body>${GRID_HEADER}<div class="grid">${blocks}</div>${GRID_FOOTER}</body></html>`;
const GRID_PAGE = gridPage(`${GRID_INTRO}${REASONS}${HOW}${TASKS}${HOURS}`);
// The sections' text in one block and a box of teaser cards with excerpts beside it ("From our
// blog"): the excerpts are prose outside links, so the region is taken, and the article's
// teaser-card rule runs on it.
const POSTS = [
  [
    '/blog/year-end',
    'Closing the books at year end',
    'What to gather before the last day of the tax year and which receipts to keep for six years and which ones the tax office may ask to see.',
  ],
  [
    '/blog/first-hire',
    'Your first employee',
    'Payroll and pensions and the forms a firm needs before its first member of staff starts and what the payroll costs for one person each month.',
  ],
  [
    '/blog/sales-tax',
    'Sales tax for small shops',
    'When a shop has to register for sales tax and how often the returns are filed once it has and what happens when a return is a week late.',
  ],
];
const BLOG_PAGE = `<!doctype html><html lang="en"><head><title>Services | Brightside Accounting</title></head><body>${GRID_HEADER}<div class="wrap"><div class="content">${HOW_TEXT.replace('<h2>How we work</h2>', '<h1>Accounting for small firms</h1>')}</div><div class="latest"><h2>From our blog</h2>${POSTS.map(
  ([href, title, excerpt]) =>
    `<div class="post"><h3><a href="${href}">${title}</a></h3><p>${excerpt}</p><a href="${href}">Read more</a></div>`,
).join('')}</div></div>${GRID_FOOTER}</body></html>`;
const MENU_GRID_PAGE = gridPage(`${SERVICE_MENU}${GRID_INTRO}${HOW}`);
const GRID_URL = 'https://accounts.example/services';

describe('a service page whose sections stand in a grid of blocks', () => {
  for (const engine of ENGINES) {
    it(`takes the region when Readability took half of its prose (${engine})`, async () => {
      const doc = await clean(GRID_PAGE, { engine, url: GRID_URL, pageType: 'service' });
      expect(doc.text).toContain('We record every sale, purchase and bank payment');
      expect(doc.text).toContain('Accounting for small firms');
      expect(doc.text).toContain('Four hundred clients from one to fifty staff');
      expect(doc.text).toContain('Quarterly sales tax returns filed online on time');
      expect(doc.text).toContain('Free parking behind the building on Harbour Street');
      expect(doc.text).not.toContain('registered in Scotland');
      expect(doc.removed.some((r) => r.reason === 'not in the article Readability picked')).toBe(false);
    });

    it(`leaves out a box of teaser cards with excerpts beside the sections (${engine})`, async () => {
      const doc = await clean(BLOG_PAGE, { engine, url: GRID_URL, pageType: 'service' });
      expect(doc.text).toContain('We record every sale, purchase and bank payment');
      expect(doc.text).not.toContain('Your first employee');
      expect(doc.text).not.toContain('which receipts to keep for six years');
      expect(doc.removed.some((r) => r.rule === 'related/teaser-cards')).toBe(true);
    });

    it(`keeps Readability's pick beside a menu of links, and on a collection page (${engine})`, async () => {
      const menu = await clean(MENU_GRID_PAGE, { engine, url: GRID_URL, pageType: 'service' });
      expect(menu.text).toContain('We record every sale, purchase and bank payment');
      expect(menu.text).not.toContain('Bookkeeping and payroll in district');
      expect(menu.removed.some((r) => r.reason === 'not in the article Readability picked')).toBe(true);
      const collection = await clean(GRID_PAGE, { engine, url: GRID_URL, pageType: 'collection' });
      expect(collection.text).toContain('We record every sale, purchase and bank payment');
      expect(collection.text).not.toContain('Free parking behind the building on Harbour Street');
    });
  }
});

// The same spread page cleaned as a product or collection page (no main region found there
// either: the lists are not cards of links): the page around its landmarks, as on a service page.
// Not on a listing (its intro is often all its text, see LANDMARK_REGION_TYPES) nor an article.
describe('a product or collection page with no main region found', () => {
  for (const engine of ENGINES) {
    it(`takes the page around its landmarks when Readability took one section of several (${engine})`, async () => {
      for (const pageType of ['collection', 'product'] as const) {
        const doc = await clean(SPREAD_PAGE, { engine, url: URL, pageType });
        expect(doc.text, pageType).toContain('Our gardeners look after lawns');
        expect(doc.text, pageType).toContain('Do you work in winter?');
        expect(doc.text, pageType).not.toContain('registered in England');
        expect(landmarkDrops(doc.removed).length, pageType).toBeGreaterThan(0);
      }
    });

    it(`keeps Readability's pick on a listing and an article (${engine})`, async () => {
      for (const pageType of ['listing', 'article'] as const) {
        const doc = await clean(SPREAD_PAGE, { engine, url: URL, pageType });
        expect(doc.text, pageType).toContain('Our gardeners look after lawns');
        expect(doc.text, pageType).not.toContain('Do you work in winter?');
        expect(landmarkDrops(doc.removed), pageType).toHaveLength(0);
      }
    });
  }
});

// A header's menus written as plain lists in divs, inside the main region, above the page's h1.
const links = (labels: string[]) =>
  list(labels.map((label) => `<a href="/${label.toLowerCase().replace(/ /g, '-')}">${label}</a>`));
const DIV_MENU = `<div class="top"><div class="menu">${links(['Lawns', 'Hedges', 'Borders', 'Trees', 'Patios', 'Ponds'])}</div>
<div class="menu">${links(['About us', 'Prices', 'Careers', 'Contact'])}</div></div>`;
const AREAS = `<div class="areas"><strong>Areas we cover</strong>${links(['Northfield', 'Eastbrook', 'Southmere', 'Westholt'])}</div>`;
const MAIN_PAGE = `<!doctype html><html lang="en"><head><title>Garden care</title></head><body>
<main>${DIV_MENU}${INTRO}<div class="offer"><strong>What each visit includes</strong>${OFFER}</div>${AREAS}</main>
${FOOTER}</body></html>`;

const menuDrops = (removed: Array<{ rule: string; reason: string; text: string }>) =>
  removed.filter((r) => r.rule === 'boilerplate/region-chrome' && r.reason.includes('above the page heading'));

describe('a service page with menus written as plain lists', () => {
  for (const engine of ENGINES) {
    it(`drops the lists of short links above the page heading, not those below it (${engine})`, async () => {
      const doc = await clean(MAIN_PAGE, { engine, url: URL, pageType: 'service' });
      expect(doc.text).toContain('Our gardeners look after lawns');
      expect(doc.text).toContain('Planting of bulbs and bedding plants');
      expect(doc.text).not.toMatch(/Hedges|Careers/);
      // One drop, the two menus' wrapper; the list of links below the heading is not one of them.
      const drops = menuDrops(doc.removed).map((r) => r.text);
      expect(drops).toEqual([expect.stringContaining('Hedges')]);
      expect(drops[0]).toContain('Careers');
      expect(drops[0]).not.toContain('Southmere');
    });

    it(`keeps lists that stand below the page's prose, above a late h1 (${engine})`, async () => {
      // A page builder gave only a late section the h1: what stands above it is the page's content.
      const late = `<!doctype html><html lang="en"><head><title>Garden care</title></head><body>
<main><h2>Garden care all year round</h2>
<p>Our gardeners look after lawns, hedges and borders all year round, with a visit every fortnight from March to October.</p>
${links(['Lawn mowing', 'Hedge trimming', 'Tree surgery', 'Pond cleaning', 'Patio laying'])}
<p>Every visit includes clearing the cuttings away, and we bring our own tools, so you need not be at home.</p>
<h1>Contact us</h1><p>Call us on weekdays between nine and five, or send us a message and we will answer within a day.</p>
</main>${FOOTER}</body></html>`;
      const doc = await clean(late, { engine, url: URL, pageType: 'service' });
      expect(menuDrops(doc.removed)).toHaveLength(0);
      expect(doc.text).toContain('Tree surgery');
    });

    it(`keeps them on other page types and without an h1 (${engine})`, async () => {
      const article = await clean(MAIN_PAGE, { engine, url: URL, pageType: 'collection' });
      expect(menuDrops(article.removed)).toHaveLength(0);
      const headless = await clean(MAIN_PAGE.replace(/<(\/?)h1>/g, '<$1h2>'), {
        engine,
        url: URL,
        pageType: 'service',
      });
      expect(menuDrops(headless.removed)).toHaveLength(0);
      expect(headless.text).toContain('Hedges');
    });
  }
});

// A service page's controls: a lead form and a closed <dialog> with a booking form as large as
// the page; and a form whose choices are explained in paragraphs (a
// calculator), which is the page's content.
const LEAD_FORM = `<form class="quote"><strong>Ask for a quote</strong><label>Name <input name="name"></label>
<label>Email <input type="email" name="email"></label><label>Phone <input type="tel" name="phone"></label>
<label>Garden size <select name="size"><option>Small</option><option>Medium</option><option>Large</option></select></label>
<button>Send my request</button></form>`;
const BOOKING = `<dialog class="booking"><h2>Book a visit</h2>${Array.from(
  { length: 30 },
  (_, i) =>
    `<label>Preferred day ${i + 1} <input name="day${i}"></label><p>Choose a morning or an afternoon slot for the visit of week ${i + 1}.</p>`,
).join('')}<button>Book</button></dialog>`;
const CONTROLS_PAGE = `<!doctype html><html lang="en"><head><title>Garden care</title></head><body>
<main>${INTRO}<div class="offer"><strong>What each visit includes</strong>${OFFER}</div>${LEAD_FORM}${BOOKING}</main>
${FOOTER}</body></html>`;
const PLANNER = `<form class="planner"><h2>Plan the year's visits</h2>
<p>Choose the light plan if your garden is mostly lawn: one visit a fortnight from March to October, mowing and edging, with the borders weeded every other visit.</p>
<label><input type="radio" name="plan" value="light"> Light plan</label>
<p>Choose the full plan for a garden with borders, hedges and trees: a visit every week all year, pruning at the right season and a written note after every visit.</p>
<label><input type="radio" name="plan" value="full"> Full plan</label><button>See the price</button></form>`;
const PLANNER_PAGE = `<!doctype html><html lang="en"><head><title>Garden care</title></head><body>
<main>${INTRO}${PLANNER}<div class="offer"><strong>What each visit includes</strong>${OFFER}</div></main>${FOOTER}</body></html>`;

const controlDrops = (removed: Array<{ rule: string; reason: string; text: string }>) =>
  removed.filter((r) => r.rule === 'boilerplate/region-chrome' && r.reason.includes('a control'));

describe("a service page's forms, dialogs and drop-downs", () => {
  for (const engine of ENGINES) {
    it(`drops the lead form and the closed dialog, however large (${engine})`, async () => {
      const doc = await clean(CONTROLS_PAGE, { engine, url: URL, pageType: 'service' });
      expect(doc.text).toContain('Our gardeners look after lawns');
      expect(doc.text).toContain('Planting of bulbs and bedding plants');
      expect(doc.text).not.toMatch(/Ask for a quote|Garden size|Preferred day|morning or an afternoon/);
      const drops = controlDrops(doc.removed);
      expect(drops.map((r) => r.reason.replace(/.*: /, ''))).toEqual(['a control (form)', 'a control (dialog)']);
    });

    it(`keeps a form that explains its choices in paragraphs, and an open dialog larger than the page's share (${engine})`, async () => {
      const doc = await clean(PLANNER_PAGE, { engine, url: URL, pageType: 'service' });
      expect(doc.text).toContain('Choose the light plan if your garden is mostly lawn');
      expect(doc.text).toContain('Choose the full plan for a garden with borders');
      expect(controlDrops(doc.removed)).toHaveLength(0);
      const open = await clean(CONTROLS_PAGE.replace('<dialog class="booking">', '<dialog class="booking" open>'), {
        engine,
        url: URL,
        pageType: 'service',
      });
      expect(open.text).toContain('Preferred day 12');
      expect(open.text).not.toContain('Ask for a quote');
    });

    it(`keeps them with the rule turned off (${engine})`, async () => {
      const off = await asServiceWithoutRegionChrome(CONTROLS_PAGE, engine);
      expect(off.text).toContain('Ask for a quote');
      expect(off.text).toContain('Preferred day 12');
      expect(controlDrops(off.removed)).toHaveLength(0);
    });
  }
});

// A page of category links with no main region, whose only prose is the shop's "about" paragraph
// in its footer: Readability takes that paragraph, the page's frame. Cleaned as a listing (as
// a collection), the page around its landmarks is taken, not the footer.
const CATEGORIES = ['Garden tools', 'Watering cans', 'Seed trays', 'Plant labels', 'Compost bins', 'Bird feeders'];
const SHOP_HEADER = `<header><a href="/">Greenway Supplies</a><nav><a href="/shop">Shop</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav></header>`;
const SHOP_FOOTER = `<footer><div class="about"><p>Greenway Supplies has sold tools and seeds to gardeners across the county since 1984. Everything we stock is tested in our own trial garden before it goes on sale, and our staff are gardeners themselves, happy to advise you on what suits your soil and your plot.</p></div><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>`;
const FRAME_PICK_PAGE = `<!doctype html><html lang="en"><head><title>All categories</title></head><body>${SHOP_HEADER}
<div class="wrap"><h1>Shop by category</h1><ul class="cats">${CATEGORIES.map((name, i) => `<li><a href="/c/${i}">${name} (${i * 7 + 3})</a></li>`).join('')}</ul></div>
${SHOP_FOOTER}</body></html>`;

// The cards themselves in an <aside> (a landmark) beside the page's heading: Readability takes the
// aside, and the region around the landmarks holds the heading alone. The pick stays.
const ASIDE_CARDS_PAGE = `<!doctype html><html lang="en"><head><title>Search</title></head><body>${SHOP_HEADER}
<div class="wrap"><h1>Search results</h1><aside class="hits">${CATEGORIES.map((name, i) => `<div class="hit"><a href="/p/${i}">${name}</a> <span>${name}, in stock this week at both of our shops in town.</span></div>`).join('')}</aside></div>
${SHOP_FOOTER}</body></html>`;

describe("a listing whose Readability pick is the page's frame", () => {
  for (const engine of ENGINES) {
    it(`takes the page around its landmarks, as a collection does (${engine})`, async () => {
      for (const pageType of ['listing', 'collection'] as const) {
        const doc = await clean(FRAME_PICK_PAGE, { engine, url: 'https://shop.example/categories', pageType });
        expect(doc.text, pageType).toContain('Garden tools (3)');
        expect(doc.text, pageType).toContain('Bird feeders (38)');
        expect(doc.text, pageType).not.toContain('since 1984');
        const footer = doc.removed.find((r) => r.text.includes('since 1984'));
        expect(footer?.rule, pageType).toBe('boilerplate/outside-article');
        expect(footer?.reason, pageType).toBe(
          "outside the page's region around its header, footer, menus and sidebars",
        );
      }
    });

    it(`keeps Readability's pick when the region holds only its heading: the cards drawn in an aside (${engine})`, async () => {
      for (const pageType of ['listing', 'collection'] as const) {
        const doc = await clean(ASIDE_CARDS_PAGE, { engine, url: 'https://shop.example/search', pageType });
        for (const name of CATEGORIES) expect(doc.text, pageType).toContain(`${name}, in stock this week`);
      }
    });

    it(`keeps Readability's pick on an article (${engine})`, async () => {
      const doc = await clean(FRAME_PICK_PAGE, { engine, url: 'https://shop.example/categories', pageType: 'article' });
      expect(doc.text).toContain('since 1984');
      expect(doc.text).not.toContain('Garden tools (3)');
    });
  }
});

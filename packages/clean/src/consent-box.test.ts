import { describe, expect, it } from 'vitest';

import { parseHTML } from 'linkedom';

import { clean } from './clean.js';
import { removeConsentBoxes } from './consent.js';
import type { DomRuleContext } from './dom-removal.js';
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

const REPORT = Array.from(
  { length: 14 },
  (_, i) =>
    `<p>Part ${i + 1}: the river authority met on Thursday to weigh the new footbridge, and the drawings put up in the library will be settled in autumn after residents have had their say.</p>`,
).join('');

/**
 * A page wrapper whose class says that the cookie banner is showing (`has-cookie-notice`,
 * `cookie-bar-open`): the banner comes first in it, then the article. `logo` puts an h1 logo in the
 * header above it, and `paragraphs` shortens the article.
 */
function stateWrapperPage(wrapper: string, paragraphs = 14, logo = false): string {
  const report = REPORT.split('</p>')
    .slice(0, paragraphs)
    .map((p) => `${p}</p>`)
    .join('');
  return `<!doctype html><html lang="en"><head><title>Footbridge over the river</title></head><body>
${logo ? '<header><h1><a href="/">Riverside Post</a></h1></header>' : ''}
<div class="${wrapper}"><div class="notice"><p>We use cookies with your consent to count visits and improve the site.</p><button>Accept</button><button>Reject</button></div>
<div class="content"><h2>Footbridge over the river</h2>${report}</div></div>
<footer>${Array.from({ length: 30 }, (_, i) => `<a href="/s${i}">Local news section ${i}</a>`).join(' ')}</footer>
</body></html>`;
}

/** A privacy notice whose last section, a table-of-contents target `#gdpr`, speaks of consent and cookies. */
const PRIVACY_NOTICE = `<!doctype html><html lang="en"><head><title>Privacy notice</title></head><body>
<header><a href="/">Valley Buses</a></header><main><h1>Privacy notice</h1>
${['What we collect', 'How long we keep it', 'Who sees it']
  .map(
    (h) =>
      `<section><h2>${h}</h2><p>The bus company keeps the season-ticket details you give us, such as your name, your photo and your zones, for as long as the ticketing law requires, and then erases them.</p><p>Drivers see a ticket only when you show it, and every look at a record is written to a log.</p></section>`,
  )
  .join('')}
<section id="gdpr"><h2>Your rights under the GDPR</h2><p>You may withdraw your consent to analytics cookies at any time; your privacy choices are kept for twelve months. You may also see, correct and erase the data we hold.</p><p>Write to the data protection officer at the depot to use these rights.</p><button type="button">Cookie settings</button></section>
</main><footer><a href="/privacy">Privacy</a></footer></body></html>`;

/** An article with a site-made cookie pop-up named by its classes, outside the article. */
const POPUP_PAGE = `<!doctype html><html lang="en"><head><title>Footbridge over the river</title></head><body>
<div class="page has-cookie-popup"><header><a href="/">Riverside Post</a></header>
<article><h1>Footbridge over the river</h1>${REPORT}</article>
<div class="cookiePopupWrapper"><div class="cookie-popup__inner"><p>This site stores cookies on your device to remember your choices and, with your consent, to measure visits with our partners.</p><a role="button">Accept all</a><a role="button">Only necessary</a></div></div>
</div></body></html>`;

/** An article about the consent rules themselves (every paragraph names consent) in a `has-cookie-notice` wrapper. */
const CONSENT_ARTICLE = stateWrapperPage('site-container has-cookie-notice')
  .replace(
    /the river authority met on Thursday to weigh the new footbridge/g,
    'the regulator asks sites to seek consent before any tracking',
  )
  .replaceAll('Footbridge over the river', 'Regulator tightens the consent rules');

describe('a page wrapper or a document section is no consent box', () => {
  for (const engine of ENGINES) {
    it(`keeps an article about consent in a wrapper that holds the headline (${engine})`, async () => {
      const document = await clean(CONSENT_ARTICLE, { url: 'https://river.example/news/consent-rules', engine });
      expect(document.text).toContain('Part 1: the regulator asks sites to seek consent before any tracking');
      expect(document.text).toContain('Part 14: the regulator asks sites');
      expect(document.removed.filter((r) => r.rule === 'cookie-consent/box')).toEqual([]);
    });

    it(`keeps the article in a wrapper whose heading the title does not hold (${engine})`, async () => {
      const page = stateWrapperPage('site-container has-cookie-notice').replace(
        '<title>Footbridge over the river</title>',
        '<title>Riverside Post – local news</title>',
      );
      const document = await clean(page, { url: 'https://river.example/news/footbridge', engine });
      expect(document.text).toContain('Part 14: the river authority');
      expect(document.removed.filter((r) => r.rule === 'cookie-consent/box')).toEqual([]);
    });

    for (const [wrapper, paragraphs, logo] of [
      ['site-container has-cookie-notice', 14, false],
      ['site-container has-cookie-notice', 7, true],
      ['wrapper cookie-banner-open', 14, true],
    ] as const) {
      it(`keeps the article in a wrapper "${wrapper}" (${paragraphs} paragraphs${logo ? ', h1 logo' : ''}, ${engine})`, async () => {
        const document = await clean(stateWrapperPage(wrapper, paragraphs, logo), {
          url: 'https://river.example/news/footbridge',
          engine,
        });
        expect(document.status).toBe('ok');
        expect(document.text).toContain('Part 1: the river authority met on Thursday');
        expect(document.text).toContain(`Part ${paragraphs}: the river authority`);
        expect(document.removed.filter((r) => r.rule === 'cookie-consent/box')).toEqual([]);
      });
    }

    it(`keeps a privacy notice's #gdpr section (${engine})`, async () => {
      const document = await clean(PRIVACY_NOTICE, { url: 'https://buses.example/privacy', engine });
      expect(document.text).toContain('You may withdraw your consent to analytics cookies');
      expect(document.text).toContain('Write to the data protection officer at the depot');
      expect(document.removed.filter((r) => r.rule === 'cookie-consent/box')).toEqual([]);
    });

    it(`still drops a named cookie pop-up beside the article (${engine})`, async () => {
      const document = await clean(POPUP_PAGE, { url: 'https://river.example/news/footbridge', engine });
      expect(document.status).toBe('ok');
      expect(document.text).toContain('Part 14: the river authority');
      expect(document.text).not.toContain('This site stores cookies on your device');
      const box = document.removed.find((r) => r.rule === 'cookie-consent/box');
      expect(box?.text).toContain('This site stores cookies on your device');
    });
  }
});

describe('a box is named by its class or id words in any case', () => {
  // The names are read in lower case: capitals and camel case name the same words.
  for (const engine of ENGINES) {
    for (const [attribute, value] of [
      ['class', 'COOKIE-BANNER'],
      ['id', 'Gdpr_Popup'],
      ['class', 'siteConsentModal'],
    ] as const) {
      it(`drops a cookie pop-up named ${attribute}="${value}" (${engine})`, async () => {
        const page = POPUP_PAGE.replace('class="cookiePopupWrapper"', `${attribute}="${value}"`).replace(
          'class="cookie-popup__inner"',
          'class="inner"',
        );
        const document = await clean(page, { url: 'https://river.example/news/footbridge', engine });
        expect(document.text).toContain('Part 14: the river authority');
        expect(document.text).not.toContain('This site stores cookies on your device');
        expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.reason).toContain(
          'named by its class or id',
        );
      });
    }
    it(`keeps a cookie pop-up whose names hold no word of a box (${engine})`, async () => {
      const page = POPUP_PAGE.replace('class="cookiePopupWrapper"', 'class="promo"').replace(
        'class="cookie-popup__inner"',
        'class="inner"',
      );
      const document = await clean(page, { url: 'https://river.example/news/footbridge', engine });
      expect(document.removed.filter((r) => r.rule === 'cookie-consent/box')).toEqual([]);
    });
  }
});

/**
 * A short page with a long consent panel named by its id, whose answers are links: the panel is too
 * large to remove before Readability (it would leave the page nearly empty), and it survives into
 * the article with its id and links (Readability drops buttons and fields, not these). `rootClass`
 * is the class of `<html>`: Readability's walk starts there, and one its patterns read as unlikely
 * content (`has-sidebar`) made it remove the root element itself (mozilla/readability#835), so it
 * scored nothing and the rules after it ran in a document with no root element.
 */
function shortPageWithPanel(rootClass: string): string {
  const purposes = Array.from(
    { length: 12 },
    (_, i) =>
      `<h4>Purpose ${i + 1}</h4><p>With your consent, we and our partners use cookies to store and read information on your device for purpose ${i + 1}, such as counting visits.</p>`,
  ).join('');
  return `<!doctype html><html lang="en" class="${rootClass}"><head><title>Opening hours – Harbour Museum</title></head><body>
<header><a href="/">Harbour Museum</a></header>
<main><h1>Opening hours</h1><p>The museum opens from ten until five every day except Monday, and until eight on the first Thursday of each month, when entry to the galleries is free.</p></main>
<div id="cookie-consent-panel"><p>We value your privacy. We and our partners use cookies with your consent.</p>${purposes}<a href="#accept">Accept all</a> <a href="#reject">Reject all</a></div>
<footer><a href="/privacy">Privacy</a></footer></body></html>`;
}

describe('a page whose root element Readability would remove', () => {
  for (const engine of ENGINES) {
    it(`cleans a page whose <html> class reads as unlikely as it cleans the page without it (${engine})`, async () => {
      const page = (rootClass: string) =>
        stateWrapperPage('content', 14, true).replace('<html lang="en">', `<html lang="en" class="${rootClass}">`);
      const plain = await clean(page('js'), { url: 'https://river.example/news/footbridge', engine });
      expect(plain.text).toContain('Part 14: the river authority');
      expect(plain.text).not.toContain('Local news section');
      for (const rootClass of ['js has-sidebar', 'page-header-fixed', 'footer-sticky-1']) {
        const document = await clean(page(rootClass), { url: 'https://river.example/news/footbridge', engine });
        expect(document.text, rootClass).toBe(plain.text);
      }
    });
  }

  it('finds a consent box in a document without a root element (linkedom)', async () => {
    // What 6746f5d mended: the rule read the document's title, and linkedom's `document.title`
    // throws when the document has no root element.
    const { document } = parseHTML(shortPageWithPanel('js'));
    const body = document.body;
    document.documentElement.remove();
    expect(document.documentElement).toBeNull();
    const context: DomRuleContext = {
      document,
      stage: 'dom-after',
      captions: 'drop',
      disabled: new Set(),
      site: null,
      removals: [],
      suspicions: [],
      bodyChars: body.textContent!.length * 3,
    };
    removeConsentBoxes(context, body, 'cookie-consent/box', 'a consent box');
    expect(context.removals.map((r) => r.rule)).toEqual(['cookie-consent/box']);
    expect(body.textContent).toContain('The museum opens from ten until five');
    expect(body.textContent).not.toContain('We value your privacy');
  });
});

/** A museum's cookie policy: its text in a `cookie-policy-container` after the headline, with the policy's settings button. */
const COOKIE_POLICY = `<!doctype html><html lang="en"><head><title>Cookie policy – Harbour Museum</title></head><body>
<header><a href="/">Harbour Museum</a></header>
<main><h1>Cookie policy</h1><div class="cookie-policy-container">${[
  'Needed cookies',
  'Measurement cookies',
  'Cookies of the ticket shop',
]
  .map(
    (h, i) =>
      `<h2>${h}</h2><p>Section ${i + 1}. We use cookies to keep your basket while you book and, with your consent, to count visits to the galleries' pages. You may withdraw your consent at any time, and we then delete what we hold about your visits.</p>`,
  )
  .join('')}<button id="ot-sdk-btn" class="ot-sdk-show-settings">Cookie settings</button></div></main>
<div class="site-consent-bar"><p>This site uses cookies to count visits, with your consent.</p><button>Accept</button><button>Reject</button></div>
<footer><a href="/privacy">Privacy</a></footer></body></html>`;

/** An article with an aside box about the law on cookies, which only shows more of itself. */
const LAW_BOX = `<!doctype html><html lang="en"><head><title>Footbridge over the river</title></head><body>
<article><h1>Footbridge over the river</h1>${REPORT.split('</p>').slice(0, 7).join('</p>')}</p>
<div class="consent-law-box"><p>What the law says: under the GDPR, a site must ask for your consent before it sets cookies that track you, and refusing must be as easy as accepting.</p><button class="toggle">Show more</button></div>
${REPORT.split('</p>').slice(7, 14).join('</p>')}</p></article></body></html>`;

/** COOKIE_POLICY in a theme's page wrapper: no main or article, the headline alone in its <header>, the policy in `.entry-content`. */
const POLICY_IN_PAGE_WRAPPER = COOKIE_POLICY.replace(
  '<header><a href="/">Harbour Museum</a></header>\n<main><h1>Cookie policy</h1>',
  '<div id="page"><div class="site-top"><a href="/">Harbour Museum</a></div><header class="entry-header"><h1 class="entry-title">Cookie policy</h1></header><div class="entry-content"><p>This policy says which cookies the Harbour Museum sets on its site, and why, and how you can refuse them.</p>',
).replace(/<\/main>[\s\S]*<\/body>/, '</div></div></body>');

/** A news story about privacy (not a policy): its leaked cookie line and the consent bar beside its headline are still notices. */
const PRIVACY_NEWS = `<!doctype html><html lang="en"><head><title>Retailer fined over privacy failings – Riverside Post</title></head><body>
<div class="story"><h1>Retailer fined over privacy failings</h1>${REPORT.replace(/the river authority met on Thursday to weigh the new footbridge/g, "the regulator found that the retailer kept shoppers' privacy settings on file for years")}
<div class="site-consent-bar"><p>This site uses cookies to count visits, with your consent.</p><button>Accept</button><button>Reject</button></div>
<p>We use cookies to improve your experience on our site.</p></div>
<footer><a href="/privacy">Privacy</a></footer></body></html>`;

describe('a page about cookies, and a box about them in an article', () => {
  for (const engine of ENGINES) {
    it(`keeps a cookie policy's text, and still drops the site's consent bar (${engine})`, async () => {
      const document = await clean(COOKIE_POLICY, { url: 'https://museum.example/cookie-policy', engine });
      expect(document.status).toBe('ok');
      for (const i of [1, 2, 3]) expect(document.text).toContain(`Section ${i}. We use cookies to keep your basket`);
      expect(document.text).toContain('Measurement cookies');
      expect(document.text).not.toContain('This site uses cookies to count visits');
      const boxes = document.removed.filter((r) => r.rule === 'cookie-consent/box');
      expect(boxes.map((r) => r.text)).toEqual(['This site uses cookies to count visits, with your consent.']);
    });

    it(`drops a cookie line and a consent bar from a news story about privacy (${engine})`, async () => {
      const document = await clean(PRIVACY_NEWS, { url: 'https://river.example/news/retailer-fined', engine });
      expect(document.text).toContain('Part 14: the regulator found');
      expect(document.text).not.toContain('We use cookies to improve your experience');
      expect(document.text).not.toContain('This site uses cookies to count visits');
      expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain('This site uses cookies');
      expect(document.removed.find((r) => r.rule === 'cookie-consent/line')?.text).toContain(
        'We use cookies to improve',
      );
    });

    it(`drops the same lines as a notice on a page about something else (${engine})`, async () => {
      const page = COOKIE_POLICY.replace(
        '<title>Cookie policy – Harbour Museum</title>',
        '<title>Visit the Harbour Museum</title>',
      )
        .replace('<h1>Cookie policy</h1>', '<h1>Visit the Harbour Museum</h1>')
        .replace('class="cookie-policy-container"', 'class="visit"')
        .replace(/<h2>[^<]*<\/h2>/g, '')
        .replace('Section 3.', `${REPORT.split('</p>').slice(0, 3).join('</p>')}</p><p>Section 3.`);
      const document = await clean(page, { url: 'https://museum.example/visit', engine });
      expect(document.text).toContain('Part 3: the river authority');
      expect(document.text).not.toContain('Section 1. We use cookies');
      expect(document.removed.some((r) => r.rule === 'cookie-consent/line' && r.text.startsWith('Section 1.'))).toBe(
        true,
      );
    });

    it(`keeps a box about the law on cookies whose only button shows more of it (${engine})`, async () => {
      const document = await clean(LAW_BOX, { url: 'https://river.example/news/footbridge', engine });
      expect(document.text).toContain('What the law says: under the GDPR');
      expect(document.text).toContain('Part 14: the river authority');
      expect(document.removed.filter((r) => r.rule === 'cookie-consent/box')).toEqual([]);
      const answered = await clean(LAW_BOX.replace('>Show more<', '>Accept<'), {
        url: 'https://river.example/news/footbridge',
        engine,
      });
      expect(answered.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain('What the law says');
    });

    for (const [headline, lang] of [
      ['Privacy policy changes at messaging app spark exodus', 'en'],
      ['Politique : amende record pour les cookies du moteur de recherche', 'fr'],
    ] as const) {
      it(`takes a news headline that opens with a policy's words for a story, not a policy (${lang}, ${engine})`, async () => {
        const page = PRIVACY_NEWS.replaceAll('Retailer fined over privacy failings', headline);
        const document = await clean(page, { url: 'https://river.example/news/policy-changes', engine });
        expect(document.text).toContain('Part 14: the regulator found');
        expect(document.text).not.toContain('This site uses cookies to count visits');
        expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain('This site uses cookies');
        if (lang === 'en') {
          expect(document.text).not.toContain('We use cookies to improve your experience');
          expect(document.removed.find((r) => r.rule === 'cookie-consent/line')?.text).toContain(
            'We use cookies to improve',
          );
        }
      });
    }

    for (const [more, answer] of [
      ['Read more', 'I agree'],
      ['Mehr', 'Verstanden'],
      ['Show more', 'OK, got it'],
    ] as const) {
      it(`drops a consent bar whose only button shows more when a link answers "${answer}" (${engine})`, async () => {
        const page = LAW_BOX.replace(
          '<button class="toggle">Show more</button>',
          `<button class="toggle">${more}</button> <a href="#">${answer}</a>`,
        );
        const document = await clean(page, { url: 'https://river.example/news/footbridge', engine });
        expect(document.text).not.toContain('What the law says');
        expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain('What the law says');
      });
    }

    it(`keeps a cookie policy whose headline is wrapped alone in a <header> (${engine})`, async () => {
      // The layout of many blog themes: <article><header><h1>…</h1></header><div class="entry-content">…
      const page = COOKIE_POLICY.replace(
        '<main><h1>Cookie policy</h1>',
        '<main><article><header class="entry-header"><h1 class="entry-title">Cookie policy</h1></header><div class="entry-content"><p>This policy says which cookies the Harbour Museum sets on its site, and why, and how you can refuse them.</p>',
      ).replace('</div></main>', '</div></div></article></main>');
      const document = await clean(page, { url: 'https://museum.example/cookie-policy', engine });
      expect(document.status).toBe('ok');
      for (const i of [1, 2, 3]) expect(document.text).toContain(`Section ${i}. We use cookies to keep your basket`);
      expect(document.text).not.toContain('This site uses cookies to count visits');
      const boxes = document.removed.filter((r) => r.rule.startsWith('cookie-consent/'));
      expect(boxes.map((r) => r.text)).toEqual(['This site uses cookies to count visits, with your consent.']);
    });

    for (const [title, headline] of [
      ['Privacy and cookies at the Harbour Museum', 'Privacy and cookies'],
      ['Harbour Museum: Privacy &amp; Cookies', 'Privacy &amp; Cookies'],
    ] as const) {
      it(`keeps a policy's box and its cookie lines alike when the page is named "${headline}" (${engine})`, async () => {
        const page = COOKIE_POLICY.replace(
          '<title>Cookie policy – Harbour Museum</title>',
          `<title>${title}</title>`,
        ).replace('<h1>Cookie policy</h1>', `<h1>${headline}</h1>`);
        const document = await clean(page, { url: 'https://museum.example/privacy', engine });
        expect(document.status).toBe('ok');
        for (const i of [1, 2, 3]) expect(document.text).toContain(`Section ${i}. We use cookies to keep your basket`);
        const removed = document.removed.filter((r) => r.rule.startsWith('cookie-consent/'));
        expect(removed.map((r) => r.text)).toEqual(['This site uses cookies to count visits, with your consent.']);
      });
    }

    for (const [title, headline] of [
      ['Cookies | Harbour Bakery', 'Cookies'],
      ['Christmas cookies we bake every year | Harbour Bakery', 'Cookies'],
    ] as const) {
      it(`takes a baker's page "${title}" for no policy: its consent bar and cookie line go (${engine})`, async () => {
        const page = PRIVACY_NEWS.replace(
          '<title>Retailer fined over privacy failings – Riverside Post</title>',
          `<title>${title}</title>`,
        ).replace('<h1>Retailer fined over privacy failings</h1>', `<h1>${headline}</h1>`);
        const document = await clean(page, { url: 'https://bakery.example/cookies', engine });
        expect(document.text).toContain('Part 14: the regulator found');
        expect(document.text).not.toContain('This site uses cookies to count visits');
        expect(document.text).not.toContain('We use cookies to improve your experience');
      });
    }

    it(`drops the site's consent bar in the part a privacy policy's headline heads (${engine})`, async () => {
      const page = `<!doctype html><html lang="en"><head><title>Privacy Policy – Harbour Museum</title></head><body>
<div class="site"><nav><a href="/">Home</a> <a href="/visit">Visit</a></nav>
<h1>Privacy Policy</h1>${REPORT.split('</p>').slice(0, 5).join('</p>')}</p>
<footer><p>Harbour Museum, Quay Road.</p></footer>
<div class="site-consent-bar"><p>We use cookies to improve your visit and, with your consent, our partners use tracking cookies for ads.</p><button>Accept all</button><button>Reject</button></div>
</div></body></html>`;
      const document = await clean(page, { url: 'https://museum.example/privacy-policy', engine });
      expect(document.text).toContain('Part 3: the river authority');
      expect(document.text).not.toContain('our partners use tracking cookies');
      expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain(
        'We use cookies to improve your visit',
      );
    });

    for (const answer of [
      '<button>OK</button>',
      '<button>Continue</button>',
      '<button>Close</button>',
      '<button aria-label="Close">×</button>',
    ]) {
      it(`drops a consent bar answered only by ${answer} inside a policy whose page wrapper holds its lone <header> (${engine})`, async () => {
        // A theme's #page wrapper, no <main> or <article>: the headline heads the policy's body, and
        // a bar that only dismisses is the site's notice even there.
        const page = POLICY_IN_PAGE_WRAPPER.replace(
          '</div></div></body>',
          `<div class="cookieWrapper"><p>This website uses cookies to improve your visit and to share visit counts with our analytics partners.</p>${answer}</div></div></div></body>`,
        );
        const document = await clean(page, { url: 'https://museum.example/cookie-policy', engine });
        for (const i of [1, 2, 3]) expect(document.text).toContain(`Section ${i}. We use cookies to keep your basket`);
        expect(document.text).not.toContain('This website uses cookies to improve your visit');
        expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain(
          'This website uses cookies to improve your visit',
        );
      });
    }

    it(`takes only the policy's body, not the page wrapper, for the part a lone <header>'s headline heads (${engine})`, async () => {
      // The policy's own box (its "Cookie settings" button) is its text; a bar after the body,
      // answered with its preferences only, is the site's notice.
      const page = POLICY_IN_PAGE_WRAPPER.replace(
        '</div></div></body>',
        `</div><div class="cookie-notice-bar"><p>We use cookies to improve your visit, and our partners use tracking cookies with your consent.</p><button>Cookie preferences</button></div></div></body>`,
      );
      const document = await clean(page, { url: 'https://museum.example/cookie-policy', engine });
      for (const i of [1, 2, 3]) expect(document.text).toContain(`Section ${i}. We use cookies to keep your basket`);
      expect(document.text).not.toContain('our partners use tracking cookies');
      const boxes = document.removed.filter((r) => r.rule === 'cookie-consent/box');
      expect(boxes.map((r) => r.text)).toEqual([
        'We use cookies to improve your visit, and our partners use tracking cookies with your consent.',
      ]);
    });
  }
});

describe("a policy's part named for its subject, which Readability reads as a banner", () => {
  const section = (i: number) =>
    `<h2>Part ${i}</h2><p>Section ${i}. We keep what you send us through the booking form for two years, and with your consent we use cookies to count visits to the galleries' pages.</p>`;
  const RIGHTS =
    'Under the GDPR you may ask us at any time for a copy of what we hold about you, and we answer within one month of the request.';
  const page = (title: string, box: string) =>
    `<!doctype html><html lang="en"><head><title>${title} – Harbour Museum</title></head><body>
<header><a href="/">Harbour Museum</a></header><main><article><h1>${title}</h1>${section(1)}${section(2)}${box}${section(3)}${section(4)}${section(5)}</article></main><footer><a href="/contact">Contact</a></footer>
<div class="site-consent-bar"><p>This site uses cookies to count visits, with your consent.</p><button>Accept</button><button>Reject</button></div></body></html>`;

  for (const engine of ENGINES) {
    for (const names of ['class="gdpr-box"', 'class="gdpr-consent-box"', 'id="gdpr"']) {
      it(`keeps the part ${names} of a privacy notice, and drops the site's bar (${engine})`, async () => {
        const box = `<div ${names}><p>${RIGHTS}</p><button>Cookie settings</button></div>`;
        const document = await clean(page('Privacy notice', box), { url: 'https://museum.example/privacy', engine });
        expect(document.text).toContain(RIGHTS);
        expect(document.removed.filter((r) => r.text.includes('Under the GDPR'))).toEqual([]);
        for (const i of [1, 2, 3, 4, 5]) expect(document.text).toContain(`Section ${i}. We keep what you send us`);
        expect(document.removed.find((r) => r.rule === 'cookie-consent/box')?.text).toContain(
          'This site uses cookies to count visits',
        );
      });
    }

    it(`still leaves out such a box on a page that is no policy, and a bar so named on a policy (${engine})`, async () => {
      const box = `<div class="gdpr-box"><p>${RIGHTS}</p><button>Cookie settings</button></div>`;
      const story = await clean(page('A new gallery opens on the quay', box), {
        url: 'https://museum.example/news/gallery',
        engine,
      });
      expect(story.text).not.toContain('Under the GDPR');
      expect(story.removed.find((r) => r.text.includes('Under the GDPR'))?.rule).toBe('boilerplate/outside-article');
      const bar = `<div class="gdpr-bar"><p>We use cookies to count visits, with your consent.</p><button>Accept all</button></div>`;
      const policy = await clean(page('Privacy notice', bar), { url: 'https://museum.example/privacy', engine });
      expect(policy.text).not.toContain('We use cookies to count visits, with your consent.');
      for (const i of [1, 2, 3, 4, 5]) expect(policy.text).toContain(`Section ${i}. We keep what you send us`);
      // A settings dialog drawn as a modal over the policy is no part of its text.
      const modal = `<div class="gdpr-settings" role="dialog" aria-modal="true"><p>Choose which cookies we may set: needed ones always, visit counts with your consent.</p><button>Save my choice</button></div>`;
      const dialog = await clean(page('Privacy notice', modal), { url: 'https://museum.example/privacy', engine });
      expect(dialog.text).not.toContain('Choose which cookies we may set');
      for (const i of [1, 2, 3, 4, 5]) expect(dialog.text).toContain(`Section ${i}. We keep what you send us`);
    });

    // The site's notice with no button (implied consent, a link to the policy) in the policy's part is no part of its text.
    for (const names of ['id="gdpr-cookie-message"', 'class="gdpr-notice"', 'class="gdpr"']) {
      it(`leaves out the site's notice ${names} with no button inside a policy (${engine})`, async () => {
        const notice = `<div ${names}><p>This website uses cookies so that the ticket pages remember your basket. By continuing to browse you consent to our use of cookies. <a href="/cookies">More information</a></p></div>`;
        for (const at of ['after the headline', 'at the end']) {
          const html = page('Privacy notice', at === 'at the end' ? '' : notice).replace(
            at === 'at the end' ? '</article>' : '<h2>Part 1</h2>',
            at === 'at the end' ? `${notice}</article>` : `${notice}<h2>Part 1</h2>`,
          );
          const document = await clean(html, { url: 'https://museum.example/privacy', engine });
          expect(document.text).not.toContain('remember your basket');
          for (const i of [1, 2, 3, 4, 5]) expect(document.text).toContain(`Section ${i}. We keep what you send us`);
        }
      });
    }

    // Worded without any of the known phrases: the notice is told by its link to the policy page it stands on.
    it(`leaves out a notice with no known words that links to the policy it stands on; a part linking elsewhere stays (${engine})`, async () => {
      const notice = `<div class="gdpr"><p>Cookies help us run the ticket pages, remember the rooms you booked last and show the prices in your own currency; some are set by the partners who sell our tickets. <a href="/privacy/">More information</a></p></div>`;
      const html = page('Privacy notice', '').replace('</article>', `${notice}</article>`);
      const document = await clean(html, { url: 'https://museum.example/privacy', engine });
      expect(document.text).not.toContain('Cookies help us run the ticket pages');
      for (const i of [1, 2, 3, 4, 5]) expect(document.text).toContain(`Section ${i}. We keep what you send us`);
      // The policy's own short parts are its text: one linking to another page or to a part of
      // this one, to its print version, another language or older versions (a query of their own),
      // or naming this page's address within a sentence that goes on.
      const parts = [
        ...['/contact', '#part-2', 'https://other.example/privacy'].map(
          (href) => `${RIGHTS} <a href="${href}">Write to us</a>`,
        ),
        `${RIGHTS} The cookies we set are listed on a page of their own <a href="/privacy?print=1">for printing</a>.`,
        `${RIGHTS} Die Liste der Cookies gibt es <a href="/privacy?lang=de">auf Deutsch</a>.`,
        `${RIGHTS} This notice, with its list of cookies, is kept at <a href="https://museum.example/privacy">museum.example/privacy</a>, and members hear of each change by letter.`,
      ];
      for (const text of parts) {
        const part = `<div class="gdpr"><p>${text}</p></div>`;
        const kept = await clean(page('Privacy notice', part), { url: 'https://museum.example/privacy', engine });
        expect(kept.text, text).toContain(RIGHTS);
        for (const i of [1, 2, 3, 4, 5]) expect(kept.text).toContain(`Section ${i}. We keep what you send us`);
      }
    });

    // The label may close on an arrow or a mark, and the page may be opened with a campaign's tracking query.
    for (const [label, url] of [
      ['More information ›', 'https://museum.example/privacy'],
      ['Learn more &gt;', 'https://museum.example/privacy'],
      ['Mehr erfahren »', 'https://museum.example/privacy'],
      ['More information', 'https://museum.example/privacy?utm_source=newsletter&utm_medium=email'],
      ['Details', 'https://museum.example/privacy/?fbclid=XYZ123'],
    ]) {
      it(`leaves out a notice ending in "${label}" that links to the policy at ${url} (${engine})`, async () => {
        const notice = `<div class="gdpr"><p>Cookies help us run the ticket pages, remember the rooms you booked last and show the prices in your own currency. <a href="/privacy/">${label}</a></p></div>`;
        const html = page('Privacy notice', '').replace('</article>', `${notice}</article>`);
        // The page's type is pinned: the type model reads a query in the URL as well.
        const document = await clean(html, { url, engine, pageType: 'article' });
        expect(document.text).not.toContain('Cookies help us run the ticket pages');
        for (const i of [1, 2, 3, 4, 5]) expect(document.text).toContain(`Section ${i}. We keep what you send us`);
      });
    }

    const WITHDRAW =
      'You may withdraw your consent to cookies at any time: write to the museum office, or change your choice on this page under';
    for (const link of [
      '<a href="/privacy">Cookie choices</a>',
      '<a href="/privacy/">Change your settings ›</a>',
      '<a href="https://museum.example/privacy" role="button">Open the panel</a>',
    ]) {
      it(`keeps a policy's part that links to this page's own cookie-choice control ${link} (${engine})`, async () => {
        const part = `<div class="gdpr-rights"><p>${WITHDRAW} ${link}.</p></div>`;
        const document = await clean(page('Privacy notice', part), { url: 'https://museum.example/privacy', engine });
        expect(document.text).toContain(WITHDRAW);
        for (const i of [1, 2, 3, 4, 5]) expect(document.text).toContain(`Section ${i}. We keep what you send us`);
      });
    }

    it(`keeps a policy's gdpr part that speaks of consent to cookies under a heading of its own (${engine})`, async () => {
      const part = `<div class="gdpr-box"><h2>Cookies on this site</h2><p>When you tick the box on the booking form you consent to our use of cookies that count visits; the count tells us which rooms to open longer.</p></div>`;
      const document = await clean(page('Privacy notice', part), { url: 'https://museum.example/privacy', engine });
      expect(document.text).toContain('the count tells us which rooms to open longer');
      for (const i of [1, 2, 3, 4, 5]) expect(document.text).toContain(`Section ${i}. We keep what you send us`);
    });
  }
});

// Tab and accordion panels written hidden until the reader opens them: on a service page they are
// the page's text (its offers, its questions and answers) and stay, in the page's main region and
// in Readability's article alike; a dialog a button opens and a drop-down of links still go, and
// on other page types boilerplate/hidden takes every hidden element as before.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES, parseHtml } from './dom.js';
import { panelTest } from './panels.js';

const INTRO = `<h1>Garden care all year round</h1>
<p>Our gardeners look after lawns, hedges and borders across the county, from small town gardens to large estates. We plan the work with you at the start of the season and come back every week or every month, as you prefer.</p>
<p>Every gardener on the team has trained for at least two years and works to the same checklist, so the care stays the same when your usual gardener is on leave. We bring our own tools and take the green waste away.</p>`;

const TABS = `<div class="tabs">
<button role="tab" aria-controls="tab-lawns" aria-selected="true">Lawns</button>
<button role="tab" aria-controls="tab-hedges" aria-selected="false">Hedges</button>
<div role="tabpanel" id="tab-lawns"><p>Mowing and edging of every lawn from March to October, with the clippings taken away and the edges cut by hand.</p></div>
<div role="tabpanel" id="tab-hedges" hidden><p>Hedges are cut twice a year, in early summer and in the autumn, after the birds have finished nesting in them.</p></div>
</div>`;

const ACCORDION = `<dl class="faq">
<dt><button aria-expanded="false" aria-controls="answer-1">Do I need to be at home?</button></dt>
<dd id="answer-1" hidden><p>No, as long as the side gate can be opened, our gardener can do the whole visit while you are out.</p></dd>
</dl>`;

const DIALOG = `<button aria-controls="quote-form">Get a quote</button>
<div id="quote-form" role="dialog" hidden><p>Tell us the size of your garden and we will call you back within two working days with a price.</p></div>`;

const MENU = `<button aria-expanded="false" aria-controls="more-menu">More</button>
<div id="more-menu" hidden><a href="/blog">Blog of the gardeners</a> <a href="/jobs">Jobs at Greenway</a> <a href="/press">Press and media</a></div>`;

// A panel a control elsewhere on the page opens (the footer's privacy settings), and a drawer of
// the site's header: not the page's text.
const PRIVACY = `<div id="prefs" hidden><p>We and our partners store and access information on your device, such as cookies, to measure how the site is used.</p><p>You can change your choices at any time from the link at the foot of every page.</p></div>`;
const DRAWER = `<button aria-expanded="false" aria-controls="drawer">Menu</button><div id="drawer" hidden><p>Opening hours of the office are nine to five on weekdays, and Saturday mornings in the summer.</p></div>`;

const page = (content: string) =>
  `<!doctype html><html lang="en"><head><title>Garden care</title></head><body><header><a href="/">Greenway Gardens</a>${DRAWER}</header>${content}${PRIVACY}<footer><p>Greenway Gardens Ltd, 4 Mill Lane</p><button aria-controls="prefs">Privacy settings</button></footer></body></html>`;

const HEDGES = 'Hedges are cut twice a year';
const ANSWER = 'as long as the side gate can be opened';
const QUOTE = 'Tell us the size of your garden';
const MENU_TEXT = 'Jobs at Greenway';
const PRIVACY_TEXT = 'We and our partners store';
const DRAWER_TEXT = 'Opening hours of the office';

// A manual's setup step written once per operating system, two of the three tabs hidden.
const MAC_STEP = 'open the downloaded disk image and drag the tool into your applications folder';
const LINUX_STEP = 'unpack the tarball under your home folder and add its bin directory to the path';
const MANUAL_MENU_TEXT = 'Older releases of the tool';
const REPLY_TEXT = 'Thank you for rating the page';
const MANUAL = `<!doctype html><html lang="en"><head><title>Setting up the tool</title></head><body>
<header><a href="/">Toolmakers</a></header><main><h1>Setting up the tool</h1>
<p>The tool runs on the three common desktop systems. Pick yours below and follow the one step it needs; after that, the first start asks for a project folder and writes its settings there.</p>
<div class="tabs"><button role="tab" aria-controls="os-win" aria-selected="true">Windows</button><button role="tab" aria-controls="os-mac">macOS</button><button role="tab" aria-controls="os-linux">Linux</button>
<div role="tabpanel" id="os-win"><p>On Windows, run the installer and keep the default folder unless your company asks for another one.</p><pre><code>setup.exe /quiet</code></pre></div>
<div role="tabpanel" id="os-mac" hidden><p>On a Mac, ${MAC_STEP}.</p><pre><code>open tool.dmg</code></pre></div>
<div role="tabpanel" id="os-linux" hidden><p>On Linux, ${LINUX_STEP}.</p><pre><code>tar -xzf tool.tar.gz -C ~/tools</code></pre></div></div>
<p>When the tool is set up, check its version from a terminal: it prints the release and the date it was built, which you will need when you report a problem.</p>
<div class="rate-page"><p>Did this page answer your question?</p><button aria-controls="rate-up">Yes</button><button aria-controls="rate-down">No</button>
<div id="rate-up" hidden><p>${REPLY_TEXT}, and every vote goes to the people who keep these pages.</p></div><div id="rate-down" hidden><p>We are sorry this page fell short; a line on what you looked for helps us fix it.</p></div></div>
<button aria-expanded="false" aria-controls="releases">Versions</button><div id="releases" hidden><a href="/r/3">${MANUAL_MENU_TEXT}</a> <a href="/r/2">Release notes</a> <a href="/r/1">Roadmap</a></div>
</main><footer><p>Toolmakers, 2026</p></footer></body></html>`;

describe.each(ENGINES)('tab and accordion panels (%s)', (engine) => {
  const cleanAs = (html: string, pageType: 'service' | 'article' | 'product') =>
    clean(html, { engine, pageType, url: 'https://gardens.example/care' });

  it('keeps the hidden panels of a service page in its main region, not its dialogs or menus', async () => {
    const doc = await cleanAs(page(`<main>${INTRO}${TABS}${ACCORDION}${DIALOG}${MENU}</main>`), 'service');
    expect(doc.text).toContain(HEDGES);
    expect(doc.text).toContain(ANSWER);
    expect(doc.text).not.toContain(QUOTE);
    expect(doc.text).not.toContain(MENU_TEXT);
    expect(doc.removed.some((r) => r.rule === 'boilerplate/hidden' && r.text.includes(MENU_TEXT))).toBe(true);
  });

  it("keeps them in Readability's article of a service page without a main region", async () => {
    const doc = await cleanAs(page(`<div class="content">${INTRO}${TABS}${ACCORDION}</div>`), 'service');
    expect(doc.text).toContain(HEDGES);
    expect(doc.text).toContain(ANSWER);
    expect(doc.text).not.toContain(PRIVACY_TEXT);
    expect(doc.text).not.toContain(DRAWER_TEXT);
  });

  it('keeps the hidden tabs of a documentation page (a step written once per system), not its menus nor the replies a plain button opens', async () => {
    const doc = await clean(MANUAL, { engine, pageType: 'documentation', url: 'https://tools.example/docs/setup' });
    expect(doc.text).toContain(MAC_STEP);
    expect(doc.text).toContain(LINUX_STEP);
    expect(doc.text).not.toContain(MANUAL_MENU_TEXT);
    // A reply a plain button opens (a rating widget's) is no tab: it goes.
    expect(doc.text).not.toContain(REPLY_TEXT);
    expect(doc.text).not.toContain('fell short');
    const asArticle = await clean(MANUAL, { engine, pageType: 'article', url: 'https://tools.example/docs/setup' });
    expect(asArticle.text).not.toContain(MAC_STEP);
  });

  it('takes them on an article and on a product page, as any hidden element', async () => {
    for (const type of ['article', 'product'] as const) {
      const doc = await cleanAs(page(`<main>${INTRO}${TABS}${ACCORDION}</main>`), type);
      expect(doc.text, type).not.toContain(HEDGES);
      expect(doc.text, type).not.toContain(ANSWER);
    }
  });
});

// A privacy settings panel opened by a button right beside it in the content (no header or
// footer around either): its text names cookies and its partners, its button privacy. And an
// accordion of a bakery's cookies, which names no consent or privacy: the page's own text.
const CONSENT_PANEL = `<button aria-controls="choices">Privacy settings</button><div id="choices" hidden><p>We and our partners store and access information on your device, such as cookies, to measure how the site is used.</p><p>You can change your choices at any time.</p></div>`;
const BAKERY = `<div class="faq"><button aria-expanded="false" aria-controls="biscuits">Do you bake for events?</button><div id="biscuits" hidden><p>Yes: trays of cookies and small cakes for up to two hundred guests, baked on the morning of the event.</p></div></div>`;
// A tab of the page's own questions, one of whose answers is about cookies and privacy: a tab.
const TAB_FAQ = `<div class="tabs"><button role="tab" aria-controls="tab-work" aria-selected="true">Our work</button><button role="tab" aria-controls="tab-questions" aria-selected="false">Questions</button>
<div role="tabpanel" id="tab-work"><p>We build and look after websites for small firms in the county, from the first sketch to the monthly updates.</p></div>
<div role="tabpanel" id="tab-questions" hidden><p>How long does a site take? Six to eight weeks from the first meeting to the launch.</p><p>What about cookies and privacy rules? We set up the consent banner and write the privacy page with you.</p></div></div>`;
const CONSENT_TEXT = 'such as cookies, to measure';
const TAB_FAQ_TEXT = 'Six to eight weeks from the first meeting';
const BAKERY_TEXT = 'trays of cookies and small cakes';

describe.each(ENGINES)('cookie and privacy settings panels (%s)', (engine) => {
  it('takes a privacy settings panel beside its button on a service page, and keeps a panel that only names cookies', async () => {
    for (const content of [
      `<main>${INTRO}${CONSENT_PANEL}${BAKERY}</main>`,
      `<div class="content">${INTRO}${CONSENT_PANEL}${BAKERY}</div>`,
    ]) {
      const doc = await clean(page(content), { engine, pageType: 'service', url: 'https://gardens.example/care' });
      expect(doc.text).not.toContain(CONSENT_TEXT);
      expect(doc.text).toContain(BAKERY_TEXT);
    }
  });

  it("keeps a tab whose questions include one about cookies and privacy (a tab's panel is the page's text)", async () => {
    const doc = await clean(page(`<main>${INTRO}${TAB_FAQ}</main>`), {
      engine,
      pageType: 'service',
      url: 'https://gardens.example/care',
    });
    expect(doc.text).toContain(TAB_FAQ_TEXT);
    expect(doc.text).toContain('We set up the consent banner');
  });
});

describe('panels on a page Readability sets back', () => {
  // The content's wrapper has a class Readability takes for an unlikely candidate: its first
  // attempt strips it, finds too little text and sets the page back (new nodes, on both engines)
  // for a second attempt. The panel test made for the first attempt's nodes (a hidden panel
  // before the wrapper is asked about there) must be made again, or the answer is lost.
  const html = page(
    `<div class="notice"><button aria-expanded="false" aria-controls="hours">Opening hours</button><div id="hours" hidden><p>Our phone line is open from eight to six on weekdays.</p></div></div><div class="extra-info">${INTRO}${ACCORDION}</div>`,
  );

  it('keeps the answer on both engines, and both give the same text', async () => {
    const texts: string[] = [];
    for (const engine of ENGINES) {
      const doc = await clean(html, { engine, pageType: 'service', url: 'https://gardens.example/care' });
      expect(doc.text, engine).toContain(ANSWER);
      texts.push(doc.text);
    }
    expect(new Set(texts).size).toBe(1);
  });
});

describe.each(ENGINES)('many accordion panels (%s)', (engine) => {
  // The controls are read once into a map by the ids they name, and each answer is kept: a
  // question list of 1,000 items (each panel beside its button, in one list) is linear.
  it('keeps the answers of a list of 1,000 questions in time', async () => {
    const items = Array.from(
      { length: 1_000 },
      (_, i) =>
        `<dt><button aria-expanded="false" aria-controls="a${i}">Question ${i}?</button></dt><dd id="a${i}" hidden><p>Answer ${i}: the gardener comes on the day you chose, whatever the weather.</p></dd>`,
    ).join('');
    const started = Date.now();
    const doc = await clean(page(`<div class="content">${INTRO}<dl>${items}</dl></div>`), {
      engine,
      pageType: 'service',
      url: 'https://gardens.example/faq',
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(doc.text).toContain('Answer 999: the gardener comes');
  });
});

describe('panelTest', () => {
  it('tells a tab panel or an accordion panel from a dialog, a menu, a panel opened from elsewhere or from the frame, a privacy settings panel, and an element no control names', async () => {
    const { document, close } = await parseHtml(
      page(
        `${TABS}${ACCORDION}${DIALOG}${MENU}<div class="content">${CONSENT_PANEL}</div>${BAKERY}<div id="lone" hidden><p>Nothing on the page opens this text.</p></div>`,
      ),
      'linkedom',
      null,
      [],
    );
    try {
      const isPanel = panelTest(document);
      const byId = (id: string) => document.getElementById(id)!;
      expect(isPanel(byId('tab-hedges'))).toBe(true);
      expect(isPanel(byId('answer-1'))).toBe(true);
      expect(isPanel(byId('quote-form'))).toBe(false);
      expect(isPanel(byId('more-menu'))).toBe(false);
      expect(isPanel(byId('lone'))).toBe(false);
      expect(isPanel(byId('prefs'))).toBe(false);
      expect(isPanel(byId('drawer'))).toBe(false);
      expect(isPanel(byId('choices'))).toBe(false);
      expect(isPanel(byId('biscuits'))).toBe(true);
    } finally {
      close();
    }
  });
});

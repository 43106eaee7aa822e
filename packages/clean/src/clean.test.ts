import { canonicalJson, CorpusKitError } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean, cleanText } from './clean.js';
import { CLEANER_VERSION, RULE_PACK_HASH, RULES } from './rules.js';

const PARAGRAPHS = [
  'The council met on Monday evening to discuss the new library, which has been planned for almost ten years and will be built next to the old market hall.',
  'Construction is due to start in the spring. The architects say the building will use timber from local forests and will need far less energy than the old one.',
  'Residents who spoke at the meeting welcomed the plans but asked for longer opening hours at weekends, when most families have time to visit.',
];

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Library plans</title>${head}</head><body>${body}</body></html>`;
}

const ARTICLE = `<article><h1>Library plans</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;

async function rejection(promise: Promise<unknown>): Promise<CorpusKitError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusKitError);
    return error as CorpusKitError;
  }
  throw new Error('expected a rejection');
}

describe('clean: the document', () => {
  it('fills every field: text, markdown, metadata, stats, provenance', async () => {
    const input = new TextEncoder().encode(page(ARTICLE));
    const document = await clean(input, {
      source: 'pages/library.html',
      url: 'https://news.example/library',
      fetchedAt: '2024-01-02T03:04:05Z',
    });
    expect(document.schemaVersion).toBe(1);
    expect(document.title).toBe('Library plans');
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(document.markdown).toBe(PARAGRAPHS.join('\n\n'));
    expect(document.stats).toMatchObject({ blocks: 3, chars: document.text.length, inputBytes: input.length });
    expect(document.stats.words).toBeGreaterThan(80);
    expect(document.provenance).toMatchObject({
      source: 'pages/library.html',
      url: 'https://news.example/library',
      encoding: 'windows-1252',
      encodingSource: 'default',
      fetchedAt: '2024-01-02T03:04:05.000Z',
      cleanerVersion: CLEANER_VERSION,
      rulePackHash: RULE_PACK_HASH,
      engine: 'linkedom',
    });
    expect(document.provenance.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.metadata).toMatchObject({ declaredLanguage: 'en', detectedLanguage: 'en', language: 'en' });
    expect(document.status).toBe('ok');
  });

  it('gives byte-identical JSON for the same input and options, on both engines', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const html = page(`<nav><a href="/">Home</a></nav>${ARTICLE}<div class="comments"><p>First!</p></div>`);
      const a = await clean(html, { engine, url: 'https://news.example/a' });
      const b = await clean(html, { engine, url: 'https://news.example/a' });
      expect(canonicalJson(a)).toBe(canonicalJson(b));
      expect(a.text).toBe(PARAGRAPHS.join('\n\n'));
    }
  });

  it('has a rule pack with stable ids, categories and descriptions', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id.startsWith(`${rule.category}/`)).toBe(true);
      expect(rule.description.length).toBeGreaterThan(10);
    }
    expect(ids).toContain('donation/ladder');
    expect(RULE_PACK_HASH).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('clean: rules and options', () => {
  const withBoilerplate = page(
    `<article><h1>Library plans</h1><p>${PARAGRAPHS[0]}</p>
     <figure><img src="a.jpg"><figcaption>The old market hall in winter. <span class="photo-credit">Photo: Jane Roe</span></figcaption></figure>
     <p>${PARAGRAPHS[1]}</p><p>Share on Facebook</p><p>${PARAGRAPHS[2]}</p><p>Recorded on every page of this site</p></article>`,
  );

  it('drops captions by default and keeps them with captions: keep; credits always go', async () => {
    const dropped = await clean(withBoilerplate);
    expect(dropped.text).not.toContain('market hall in winter');
    expect(dropped.text).not.toContain('Jane Roe');
    expect(dropped.removed.find((removal) => removal.category === 'caption')).toMatchObject({
      rule: 'caption/figure',
      stage: 'dom-before',
      position: 1,
    });
    const kept = await clean(withBoilerplate, { captions: 'keep' });
    expect(kept.text).toContain('The old market hall in winter.');
    expect(kept.text).not.toContain('Jane Roe');
    expect(kept.removed.find((removal) => removal.category === 'image-credit')?.text).toBe('Photo: Jane Roe');
  });

  it('removes lines the caller knows repeat on the site, with the count in the reason', async () => {
    const document = await clean(withBoilerplate, { repeatedLines: { 'recorded on every page of this site': 57 } });
    expect(document.text).not.toContain('Recorded on every page');
    const removal = document.removed.find((item) => item.category === 'repeated');
    expect(removal).toMatchObject({
      rule: 'repeated/site-line',
      text: 'Recorded on every page of this site',
      position: 3,
    });
    expect(removal?.reason).toContain('57');
  });

  it('keeps categories the caller turns off', async () => {
    const document = await clean(withBoilerplate, { disabledCategories: ['share', 'caption'] });
    expect(document.text).toContain('Share on Facebook');
    expect(document.text).toContain('The old market hall in winter.');
  });

  it('applies per-site rules: remove, keep and a content selector', async () => {
    const html = page(
      `<div class="promo-box"><p>Our summer offer for new readers, valid until August.</p></div>
       <div class="story">${ARTICLE}<div class="sharing"><p>This is not a share widget here.</p></div></div>`,
    );
    const siteRules = {
      sites: { 'news.example': { remove: ['.promo-box'], keep: ['.sharing'], content: '.story' } },
    };
    const document = await clean(html, { url: 'https://www.news.example/a', siteRules });
    expect(document.text).toContain('This is not a share widget here.');
    expect(document.text).not.toContain('summer offer');
    expect(document.removed.find((removal) => removal.category === 'site-rule')?.reason).toContain('.promo-box');
    const other = await clean(html, { url: 'https://elsewhere.example/a', siteRules });
    expect(other.text).not.toContain('This is not a share widget here.');
  });

  it('takes plain text (by Content-Type or by content) through the text rules', async () => {
    const text = `${PARAGRAPHS.join('\n\n')}\n\nSupport Example News\n`;
    const byHeader = await clean(new TextEncoder().encode(text), {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    expect(byHeader.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(byHeader.provenance).toMatchObject({ engine: 'text', encodingSource: 'http' });
    const byContent = await cleanText(text);
    expect(byContent.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it.each(['linkedom', 'jsdom'] as const)(
    'cleans UTF-16 pages without a BOM and pages with stray NUL bytes like their plain UTF-8 copy (%s)',
    async (engine) => {
      const options = { url: 'https://news.example/a', engine } as const;
      const plain = await clean(page(ARTICLE), options);
      const le = Buffer.from(page(ARTICLE), 'utf16le');
      for (const bytes of [le, Buffer.from(le).swap16()]) {
        const document = await clean(new Uint8Array(bytes), options);
        expect(document.text).toBe(plain.text);
        expect(document.warnings.join(' ')).toMatch(/without a byte-order mark/);
      }
      const html = page(ARTICLE);
      const withNul = new TextEncoder().encode(`${html.slice(0, 400)}\0${html.slice(400, 900)}\0${html.slice(900)}`);
      const document = await clean(withNul, options);
      expect(document.text).toBe(plain.text);
      expect(document.warnings).toContain('2 NUL characters dropped');
    },
  );

  it.each(['linkedom', 'jsdom'] as const)(
    'takes a page that opens with more than 64 KiB of comments for HTML, and parses it in time (%s)',
    async (engine) => {
      // A generator's notes before the doctype: 20,000 comments, 0.36 MB (jsdom took 110 s
      // when it built them all).
      const html = '<!-- build 42 -->\n'.repeat(20_000) + page(ARTICLE);
      const document = await clean(html, { url: 'https://news.example/a', engine, timeoutMs: 20_000 });
      expect(document.provenance.engine).toBe(engine);
      expect(document.text).not.toContain('<!--');
      expect(document.text).toBe((await clean(page(ARTICLE), { url: 'https://news.example/a', engine })).text);
    },
  );

  it.each(['linkedom', 'jsdom'] as const)(
    'takes a page whose first comment is never closed for HTML: all of it is a comment (%s)',
    async (engine) => {
      const document = await clean(`<!-- build 42 ->\n${page(ARTICLE)}`, { url: 'https://news.example/a', engine });
      expect(document.provenance.engine).toBe(engine);
      expect(document.status).toBe('not-article');
      expect(document.text).toBe('');
    },
  );
});

describe('clean: metadata', () => {
  it.each(['linkedom', 'jsdom'] as const)(
    'takes the authors of a byline without its date or time (%s)',
    async (engine) => {
      const authorsOf = async (line: string, lang = 'en') => {
        const html = page(
          ARTICLE.replace('<h1>Library plans</h1>', `<h1>Library plans</h1><p class="byline">${line}</p>`),
        ).replace('lang="en"', `lang="${lang}"`);
        const document = await clean(html, {
          url: 'https://news.example/library',
          fetchedAt: '2026-05-13T08:00:00Z',
          engine,
        });
        return document.metadata.authors;
      };
      expect(await authorsOf('By Anna Reed, 12 May 2026')).toEqual(['Anna Reed']);
      expect(await authorsOf('By Anna Reed and Lee Chan, 12 May 2026, 14:30')).toEqual(['Anna Reed', 'Lee Chan']);
      expect(await authorsOf('Anna Reed | 12 May 2026')).toEqual(['Anna Reed']);
      expect(await authorsOf('Anna Reed · Updated 12 May 2026')).toEqual(['Anna Reed']);
      expect(await authorsOf('Von Anna Reed, 12.05.2026', 'de')).toEqual(['Anna Reed']);
      expect(await authorsOf('Par Anna Reed, publié le 12 mai 2026', 'fr')).toEqual(['Anna Reed']);
      // A byline that is only a date names nobody.
      expect(await authorsOf('Updated 12 May 2026, 14:30')).toEqual([]);
      expect(await authorsOf('2026年5月12日', 'ja')).toEqual([]);
      // A name is kept as written, numbers in it included when they are no date.
      expect(await authorsOf('By Anna Reed, Class of 2009')).toEqual(['Anna Reed', 'Class of 2009']);
    },
  );

  it('reads JSON-LD in arrays and @graph, meta tags, and time inside the article only', async () => {
    const head = `<script type="application/ld+json">[{"@type":"Organization","name":"Org"},{"@graph":[{"@type":"BlogPosting","headline":"Library plans approved","author":[{"@type":"Person","name":"Ada Park"},"Lee Chan"],"datePublished":"2024-02-01T09:00:00+02:00"}]}]</script>
      <meta property="og:site_name" content="Town News"><meta name="description" content="The council approved the library."><link rel="canonical" href="/library?utm_source=x">`;
    const document = await clean(page(ARTICLE, head), {
      url: 'https://news.example/library',
      fetchedAt: '2024-03-01T00:00:00Z',
    });
    expect(document.title).toBe('Library plans approved');
    expect(document.metadata).toMatchObject({
      authors: ['Ada Park', 'Lee Chan'],
      byline: 'Ada Park, Lee Chan',
      publishedAt: '2024-02-01T09:00:00+02:00',
      siteName: 'Town News',
      canonicalUrl: 'https://news.example/library',
      description: 'The council approved the library.',
    });
    expect(document.metadata.sources).toMatchObject({
      title: 'json-ld',
      publishedAt: 'json-ld',
      siteName: 'meta[og:site_name]',
      canonicalUrl: 'link[rel=canonical]',
    });

    const sidebar = `<aside><time datetime="2023-05-05">5 May</time></aside><article><time datetime="2024-01-15T10:00:00Z">15 January</time><h1>Library plans</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
    const timed = await clean(page(sidebar), { fetchedAt: '2024-03-01T00:00:00Z' });
    expect(timed.metadata.publishedAt).toBe('2024-01-15T10:00:00Z');
    expect(timed.metadata.sources.publishedAt).toBe('time-element');
  });

  it('rejects dates after the fetch time', async () => {
    const head =
      '<meta property="article:published_time" content="2030-01-01T00:00:00Z"><meta name="date" content="2024-01-01">';
    const document = await clean(page(ARTICLE, head), { fetchedAt: '2024-06-01T00:00:00Z' });
    expect(document.metadata.publishedAt).toBe('2024-01-01');
    expect(document.warnings.join(' ')).toContain('after the fetch time');
  });

  it('detects the language of the text and keeps the declared one', async () => {
    const german = page(
      `<article><p>Der Gemeinderat hat am Montagabend über die neue Bibliothek beraten, die seit fast zehn Jahren geplant wird und neben der alten Markthalle entstehen soll.</p><p>Die Bauarbeiten sollen im Frühjahr beginnen. Die Architekten sagen, das Gebäude werde mit Holz aus den umliegenden Wäldern gebaut.</p></article>`,
    ).replace('lang="en"', '');
    const document = await clean(german);
    expect(document.metadata).toMatchObject({ declaredLanguage: null, detectedLanguage: 'de', language: 'de' });
    expect(document.metadata.sources.language).toBe('detected');
  });
});

describe('clean: statuses and errors', () => {
  it('marks a page without an article as not-article', async () => {
    const document = await clean(page('<nav><a href="/">Home</a> <a href="/b">Blog</a></nav><footer>Contact</footer>'));
    expect(document.status).toBe('not-article');
    expect(document.reasons.length).toBeGreaterThan(0);
  });

  it('marks short texts as short', async () => {
    const document = await clean(page(`<article><p>${PARAGRAPHS[0]}</p></article>`));
    expect(document.status).toBe('short');
    expect(document.reasons[0]?.code).toBe('short-text');
  });

  it('flags a widget rule that would remove the article as suspect and keeps the text', async () => {
    const html = page(`<div class="newsletter-box">${ARTICLE}</div>`);
    const document = await clean(html);
    expect(document.text).toContain(PARAGRAPHS[2]);
    expect(document.status).toBe('suspect');
    expect(document.reasons[0]?.code).toBe('large-removal');
  });

  it('removes a consent manager larger than the content, but not one that holds the article', async () => {
    const purposes = Array.from(
      { length: 12 },
      (_, i) =>
        `<h4>Purpose ${i + 1}</h4><p>These identifiers let us and our partners measure how often a page is visited and which parts of it are read, and they are kept for up to one year.</p><button>Off</button>`,
    ).join('');
    const consent = `<div id="onetrust-consent-sdk"><div role="dialog" aria-modal="true">${purposes}</div></div>`;
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(page(`${ARTICLE}${consent}`), { engine });
      expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
      expect(document.removed.some((removal) => removal.rule === 'cookie-consent/element')).toBe(true);
      // The safeguard still holds for an element around the article itself.
      const wrapped = await clean(page(`<div class="cookie-notice">${ARTICLE}</div>`), { engine });
      expect(wrapped.text).toContain(PARAGRAPHS[2]);
      expect(wrapped.status).toBe('suspect');
      // Nor around a page without an h1 whose text it holds nearly all of.
      const long = Array.from({ length: 4 }, (_, i) =>
        PARAGRAPHS.map((p) => `<p>Part ${i + 1}. ${p}</p>`).join(''),
      ).join('');
      const whole = await clean(page(`<div class="cookie-bar wrapper">${long}</div>`), { engine });
      expect(whole.text).toContain(`Part 4. ${PARAGRAPHS[2]}`);
      expect(whole.status).toBe('suspect');
      expect(whole.removed.some((removal) => removal.rule === 'cookie-consent/element')).toBe(false);
    }
  });

  it('rejects empty, binary and too large input with clear errors naming the source', async () => {
    const empty = await rejection(clean(new Uint8Array(), { source: 'empty.html' }));
    expect(empty).toMatchObject({ kind: 'input', code: 'clean.empty-input', subject: 'empty.html' });
    expect((await rejection(clean('  \n\t ', { source: 'blank.html' }))).code).toBe('clean.empty-input');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await rejection(clean(png, { source: 'x.png' }))).toMatchObject({
      code: 'clean.binary-input',
      subject: 'x.png',
    });
    const nuls = new Uint8Array(4000);
    nuls.set(new TextEncoder().encode('<html><body><p>text</p>'));
    expect((await rejection(clean(nuls, { source: 'x.bin' }))).message).toContain('NUL bytes');
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
    expect((await rejection(clean(pdf))).message).toContain('PDF');
    expect((await rejection(clean(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])))).message).toContain('gzip');
    expect((await rejection(clean(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0])))).message).toContain('zip');
    const large = await rejection(clean(page(ARTICLE), { maxBytes: 100, source: 'big.html' }));
    expect(large).toMatchObject({ code: 'clean.too-large', kind: 'input', subject: 'big.html' });
  });

  it('stops at the time limit with clean.timeout', async () => {
    const error = await rejection(clean(page(ARTICLE.repeat(50)), { timeoutMs: 0.001, source: 'slow.html' }));
    expect(error).toMatchObject({ code: 'clean.timeout', kind: 'timeout', subject: 'slow.html' });
  });

  it('rejects bad options as usage errors', async () => {
    expect(await rejection(clean(page(ARTICLE), { captions: 'maybe' as 'keep' }))).toMatchObject({
      kind: 'usage',
      code: 'clean.bad-option',
    });
    expect((await rejection(clean(page(ARTICLE), { engine: 'webkit' as 'jsdom' }))).code).toBe('clean.bad-option');
    expect((await rejection(clean(page(ARTICLE), { fetchedAt: 'yesterday' }))).code).toBe('clean.bad-option');
  });
});

describe('clean: widget selectors', () => {
  const widgets = [
    '<div class="promo sharedaddy extra">Share this: Facebook X</div>',
    '<div id="taboola-below-article">Sponsored stories you may like</div>',
    '<div data-ad-slot="123">Ad slot text</div>',
    '<section class="wrap"><div itemtype="https://schema.org/Comment">A reader comment here</div></section>',
    '<figure><img src="a.jpg" alt=""><span class="credit">Photo: Jane Roe</span></figure>',
    '<span class="credit">Not inside a figure: kept</span>',
    '<div class="SHAREDADDY">Upper-case class: kept</div>',
    '<template><nav>Template navigation</nav></template>',
  ].join('');

  it.each(['linkedom', 'jsdom'] as const)(
    'removes class, id-prefix, attribute and descendant matches (%s)',
    async (engine) => {
      const body = `<article><h1>Library plans</h1>${widgets}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;
      const document = await clean(page(body), { engine, captions: 'keep' });
      const removed = document.removed.map((removal) => `${removal.rule} ${removal.reason}`);
      expect(removed).toContain('share/widget share-button library markup (.sharedaddy)');
      expect(removed).toContain('related/widget related-content widget markup ([id^="taboola"])');
      expect(removed).toContain('advertisement/element ad slot markup ([data-ad-slot])');
      expect(removed).toContain('comments/widget comment system markup ([itemtype*="schema.org/Comment"])');
      expect(removed).toContain('image-credit/element image credit markup (figure .credit)');
      expect(document.text).toContain('Not inside a figure: kept');
      expect(document.text).toContain('Upper-case class: kept');
      expect(document.text).not.toContain('Template navigation');
    },
  );
});

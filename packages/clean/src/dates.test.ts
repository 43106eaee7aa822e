import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DATE_PARSER, isAfterFetch, localDayFromUrl, parseDate, urlPathDay } from './dates.js';
import { clean } from './index.js';

const FETCHED = '2024-06-01T12:00:00Z';

/** [input, expected with the fetch time as reference, expected without a reference] */
const CASES: Array<[string, string | null, string | null]> = [
  // ISO 8601 and RFC 2822 (read before chrono-node)
  ['2024-05-02', '2024-05-02', '2024-05-02'],
  ['2024-05-02T10:00:00', '2024-05-02T10:00:00', '2024-05-02T10:00:00'],
  ['2024-05-02T10:00:00+02:00', '2024-05-02T10:00:00+02:00', '2024-05-02T10:00:00+02:00'],
  // The day the publisher wrote stays the day: an evening in New York is not moved to the next day.
  ['2024-05-02T22:30:00-0400', '2024-05-02T22:30:00-04:00', '2024-05-02T22:30:00-04:00'],
  ['2024-05-02T10:00:00+00:00', '2024-05-02T10:00:00Z', '2024-05-02T10:00:00Z'],
  ['2024-05-02T10:00:00+05:30', '2024-05-02T10:00:00+05:30', '2024-05-02T10:00:00+05:30'],
  ['2024-05-02T10:00:00+15:00', null, null],
  ['Thu, 02 May 2024 10:00:00 GMT', '2024-05-02T10:00:00Z', '2024-05-02T10:00:00Z'],
  ['02.05.2024', '2024-05-02', '2024-05-02'],
  // The issue's examples: localised month names, CJK dates, zone names
  ['1er mai 2024', '2024-05-01', '2024-05-01'],
  ['2 de mayo de 2024', '2024-05-02', '2024-05-02'],
  ['2024年5月2日', '2024-05-02', '2024-05-02'],
  ['May 2, 2024 10:00 EDT', '2024-05-02T10:00:00-04:00', '2024-05-02T10:00:00-04:00'],
  ['2. Mai 2024', '2024-05-02', '2024-05-02'],
  // More languages and shapes seen on news pages
  ['2. Mai 2024, 10:00 Uhr', '2024-05-02T10:00:00', '2024-05-02T10:00:00'],
  ['jeudi 2 mai 2024 à 10h30', '2024-05-02T10:30:00', '2024-05-02T10:30:00'],
  ['Publicado el 2 de mayo de 2024', '2024-05-02', '2024-05-02'],
  ['2 de maio de 2024', '2024-05-02', '2024-05-02'],
  ['2 maggio 2024', '2024-05-02', '2024-05-02'],
  ['2 mei 2024', '2024-05-02', '2024-05-02'],
  ['2 мая 2024', '2024-05-02', '2024-05-02'],
  ['2024年5月2日 10:00', '2024-05-02T10:00:00', '2024-05-02T10:00:00'],
  ['Posted on May 2nd, 2024 at 3:30 pm', '2024-05-02T15:30:00', '2024-05-02T15:30:00'],
  ['Wednesday 2 May 2024 14.30 BST', '2024-05-02T14:30:00+01:00', '2024-05-02T14:30:00+01:00'],
  ['2 May 2024 10:00 +0200', '2024-05-02T10:00:00+02:00', '2024-05-02T10:00:00+02:00'],
  ['Thu, 02 May 2024 23:00:00 -0500', '2024-05-02T23:00:00-05:00', '2024-05-02T23:00:00-05:00'],
  ['25/12/2023', '2023-12-25', '2023-12-25'],
  // Needs the reference: a missing year, a relative date
  ['May 2', '2024-05-02', null],
  ['3 hours ago', '2024-06-01T09:00:00Z', null],
  // Not dates, or not one date
  ['05/02/2024', null, null],
  ['31 June 2024', null, null],
  ['yesterday', null, null],
  ['Monday', null, null],
  ['Mai 2024', null, null],
  ['in 1812 the war began', null, null],
  ['2 May 1850', null, null],
  ['', null, null],
];

describe('parseDate', () => {
  it.each(CASES)('%j -> %j (with the fetch time), %j (without)', (input, withReference, withoutReference) => {
    expect(parseDate(input, { reference: FETCHED })).toBe(withReference);
    expect(parseDate(input)).toBe(withoutReference);
  });

  it('gives the same result whatever the process time zone', () => {
    const previous = process.env.TZ;
    try {
      const results = ['America/New_York', 'Asia/Tokyo', 'UTC'].map((zone) => {
        process.env.TZ = zone;
        return CASES.map(([input]) => parseDate(input, { reference: FETCHED }));
      });
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('names the chrono-node version that is installed (it is part of the rule pack hash)', () => {
    const require = createRequire(import.meta.url);
    const main = require.resolve('chrono-node');
    let dir = dirname(main);
    while (!dir.endsWith('chrono-node')) dir = dirname(dir);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    expect(DATE_PARSER).toBe(`chrono-node ${version}`);
  });

  it('compares with the fetch time as dates, or as instants', () => {
    expect(isAfterFetch('2024-06-02', FETCHED)).toBe(true);
    expect(isAfterFetch('2024-06-01', FETCHED)).toBe(false);
    expect(isAfterFetch('2024-06-01T13:00:00Z', FETCHED)).toBe(true);
    expect(isAfterFetch('2024-06-01T13:00:00', FETCHED)).toBe(false);
  });
});

const PARAGRAPHS = [
  'The council met on Monday evening to discuss the new library, which has been planned for almost ten years and will stand next to the old market hall.',
  'Building work is due to begin in the spring. The architects say the building will be made of timber from the surrounding forests.',
  'Residents who spoke at the meeting asked for longer opening hours and a room for the local history society.',
];

function pageWith(head: string, article: string): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>La bibliothèque</title>${head}</head><body><article><h1>La bibliothèque</h1>${article}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  );
}

describe('clean: localised dates in the metadata', () => {
  it.each([['jsdom'], ['linkedom']] as const)('reads a French meta date and a time element (%s)', async (engine) => {
    // A long time limit: the first jsdom page of a run loads jsdom, slow on a busy machine.
    const fromMeta = await clean(pageWith('<meta name="date" content="1er mai 2024">', ''), {
      engine,
      fetchedAt: FETCHED,
      timeoutMs: 300_000,
    });
    expect(fromMeta.metadata.publishedAt).toBe('2024-05-01');
    expect(fromMeta.metadata.sources.publishedAt).toBe('meta[date]');

    const fromTime = await clean(pageWith('', '<time pubdate>2 mai 2024 à 10h30</time>'), {
      engine,
      fetchedAt: FETCHED,
    });
    expect(fromTime.metadata.publishedAt).toBe('2024-05-02T10:30:00');
    expect(fromTime.metadata.sources.publishedAt).toBe('time-element');
  });

  it('takes the ISO date of JSON-LD before a localised meta date', async () => {
    const head =
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-30T08:00:00Z"}</script><meta name="date" content="1er mai 2024">';
    const document = await clean(pageWith(head, ''), { fetchedAt: FETCHED });
    expect(document.metadata.publishedAt).toBe('2024-04-30T08:00:00Z');
    expect(document.metadata.sources.publishedAt).toBe('json-ld');
  });

  it('ignores a date without a year when there is no fetch time', async () => {
    const document = await clean(pageWith('<meta name="date" content="2 mai">', ''));
    expect(document.metadata.publishedAt).toBeNull();
    const fetched = await clean(pageWith('<meta name="date" content="2 mai">', ''), { fetchedAt: FETCHED });
    expect(fetched.metadata.publishedAt).toBe('2024-05-02');
  });
});

describe('clean: the date of the byline, and the modified date when nothing else gives one', () => {
  it.each([['jsdom'], ['linkedom']] as const)('reads the date line by the headline (%s)', async (engine) => {
    const byline = await clean(
      pageWith('', '<p class="meta">Par <a href="/a/ana">Ana Lindqvist</a> – 2 mai 2024</p>'),
      {
        engine,
        fetchedAt: FETCHED,
      },
    );
    expect(byline.metadata.publishedAt).toBe('2024-05-02');
    expect(byline.metadata.sources.publishedAt).toBe('byline-text');
    // A kicker above the headline counts too.
    const kicker = new TextDecoder()
      .decode(pageWith('', ''))
      .replace('<article><h1>', '<article><div><span>Culture</span> <span>April 30, 2024</span></div><h1>');
    expect((await clean(kicker, { engine, fetchedAt: FETCHED })).metadata.publishedAt).toBe('2024-04-30');
  });

  it('does not take a date from the article text, from far below the headline or without a year', async () => {
    const inProse = await clean(
      pageWith(
        '',
        '<p>The first plans were shown to the public on 2 May 2021, when the old hall was still in use.</p>',
      ),
      { fetchedAt: FETCHED },
    );
    expect(inProse.metadata.publishedAt).toBeNull();
    const below = new TextDecoder()
      .decode(pageWith('', ''))
      .replace(
        '</article>',
        `<p>${PARAGRAPHS.join(' ')}</p><p>${PARAGRAPHS.join(' ')}</p><p>Updated 3 May 2024</p></article>`,
      );
    expect((await clean(below, { fetchedAt: FETCHED })).metadata.publishedAt).toBeNull();
    const noYear = await clean(pageWith('', '<p class="meta">By Ana Lindqvist, 2 May</p>'), { fetchedAt: FETCHED });
    expect(noYear.metadata.publishedAt).toBeNull();
    // After the fetch time: not a publication date.
    const future = await clean(pageWith('', '<p class="meta">By Ana Lindqvist, 2 May 2031</p>'), {
      fetchedAt: FETCHED,
    });
    expect(future.metadata.publishedAt).toBeNull();
  });

  it('gives the modified date when the page has no publication date, and says so', async () => {
    const head =
      '<script type="application/ld+json">{"@type":"Article","dateModified":"2024-04-30T08:00:00-04:00"}</script>';
    const document = await clean(pageWith(head, ''), { fetchedAt: FETCHED });
    expect(document.metadata.publishedAt).toBe('2024-04-30T08:00:00-04:00');
    expect(document.metadata.modifiedAt).toBe('2024-04-30T08:00:00-04:00');
    expect(document.metadata.sources.publishedAt).toBe('json-ld (modified date)');
  });
});

describe('the day a URL path names', () => {
  it.each([
    ['https://example.org/2024/05/02/the-title/', '2024-05-02'],
    ['https://example.org/blog/2024/05/02', '2024-05-02'],
    ['https://example.org/2024/05/', null],
    ['https://example.org/2024/02/30/impossible/', null],
    ['https://example.org/1850/05/02/too-old/', null],
    ['https://example.org/page?from=/2024/05/02/', null],
    ['https://example.org/20240/05/02/x', null],
    ['not a url', null],
  ])('%s → %s', (url, day) => {
    expect(urlPathDay(url)).toBe(day);
  });

  it.each([
    // An evening in the Americas written in UTC lands on the next day: the URL keeps the local one.
    ['2024-05-03T02:41:41Z', '2024-05-02', '2024-05-02'],
    // East of UTC: a morning written in UTC falls on the day before.
    ['2024-05-01T23:25:00Z', '2024-05-02', '2024-05-02'],
    // Already the URL's day, or a local time or explicit offset: kept as written.
    ['2024-05-02T10:00:00Z', '2024-05-02', '2024-05-02T10:00:00Z'],
    ['2024-05-03T02:41:41', '2024-05-02', '2024-05-03T02:41:41'],
    ['2024-05-03T02:41:41+02:00', '2024-05-02', '2024-05-03T02:41:41+02:00'],
    // Further than any real offset from the URL's day: another date, kept.
    ['2024-05-03T15:00:00Z', '2024-05-02', '2024-05-03T15:00:00Z'],
    ['2024-05-03', '2024-05-02', '2024-05-03'],
    ['2024-05-03T02:41:41Z', null, '2024-05-03T02:41:41Z'],
  ])('%s with the URL day %s → %s', (date, urlDay, expected) => {
    expect(localDayFromUrl(date, urlDay)).toBe(expected);
  });
});

describe('clean: the day of the URL path', () => {
  const url = 'https://blog.example.org/2024/05/02/la-bibliotheque/';
  it.each([['jsdom'], ['linkedom']] as const)('corrects a UTC instant across midnight (%s)', async (engine) => {
    const head = '<meta property="article:published_time" content="2024-05-03T02:41:41+00:00">';
    const document = await clean(pageWith(head, ''), { engine, url, fetchedAt: FETCHED, timeoutMs: 300_000 });
    expect(document.metadata.publishedAt).toBe('2024-05-02');
    expect(document.metadata.sources.publishedAt).toBe('meta[article:published_time] (day from the URL path)');
    // The same instant on a URL that names no day stays as written.
    const plain = await clean(pageWith(head, ''), { engine, url: 'https://blog.example.org/la-bibliotheque/' });
    expect(plain.metadata.publishedAt).toBe('2024-05-03T02:41:41Z');
  });

  it.each([['jsdom'], ['linkedom']] as const)(
    'gives the URL day when nothing else dates the page (%s)',
    async (engine) => {
      const modified = '<meta property="article:modified_time" content="2024-05-20T08:00:00Z">';
      const document = await clean(pageWith(modified, ''), { engine, url, fetchedAt: FETCHED, timeoutMs: 300_000 });
      expect(document.metadata.publishedAt).toBe('2024-05-02');
      expect(document.metadata.sources.publishedAt).toBe('url-path');
      expect(document.metadata.modifiedAt).toBe('2024-05-20T08:00:00Z');
      // A URL day after the fetch time is not a publication day.
      const future = await clean(pageWith('', ''), {
        engine,
        url: 'https://blog.example.org/2031/05/02/x/',
        fetchedAt: FETCHED,
      });
      expect(future.metadata.publishedAt).toBeNull();
      // A file saved without its URL still names it in its canonical link.
      const canonical = `<link rel="canonical" href="${url}">${modified}`;
      const saved = await clean(pageWith(canonical, ''), { engine, fetchedAt: FETCHED, timeoutMs: 300_000 });
      expect(saved.metadata.publishedAt).toBe('2024-05-02');
      expect(saved.metadata.sources.publishedAt).toBe('url-path');
    },
  );
});

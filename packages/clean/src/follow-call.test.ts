import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const PARAGRAPH = (i: number) =>
  `<p>Paragraph ${i} about the bridge: the council met on Monday to discuss the repairs, and the plans shown to residents in the town hall will be decided in the spring.</p>`;

const BODY = Array.from({ length: 5 }, (_, i) => PARAGRAPH(i + 1)).join('');

function page(closing: string): string {
  return `<!doctype html><html lang="en"><head><title>Bridge repairs</title></head><body><article><h1>Bridge repairs</h1>${BODY}<p>${closing}</p></article></body></html>`;
}

const url = 'https://news.example/bridge';
const rule = 'share/follow-call';

describe('a call to follow on social networks', () => {
  it('goes after the story when it opens its line, on both engines', async () => {
    for (const call of [
      'Catch up on our coverage of the county, and follow us on Facebook, Instagram and TikTok to stay up to date.',
      'Want more stories from the river towns? Follow me on Pinterest to see what I am pinning.',
      '*** Follow me on Instagram, YouTube, X (Twitter) or Facebook for a daily moment of inspiration ***',
    ]) {
      for (const engine of ENGINES) {
        const document = await clean(page(call), { url, engine, pageType: 'article' });
        expect(document.text).toContain('Paragraph 5 about the bridge');
        expect(document.text).not.toContain('ollow');
        expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
          call,
        ]);
      }
    }
  });

  it('stays when the story reports or quotes it, on both engines', async () => {
    for (const told of [
      'The council opened an account for the roadworks last week. Residents were told to follow us on Facebook for the closures, the clerk said.',
      '“Follow us on TikTok,” the mayor told the pupils at the pool on Friday, and most of them already did.',
      '"Follow me on Instagram and you will see the bridge every day," the engineer told the council.',
      'The rowing club, which asks parents to follow us on Facebook for news of lessons, says it has 900 members.',
    ]) {
      for (const engine of ENGINES) {
        const document = await clean(page(told), { url, engine, pageType: 'article' });
        expect(document.text).toContain(told);
        expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
      }
    }
  });

  it('stays when it opens a paragraph longer than a short line, on both engines', async () => {
    const long = `Follow us on Facebook, the sign on the bridge said, ${'and the crews who read it kept working through the night while the river rose under them, '.repeat(3)}until the morning.`;
    expect(long.length).toBeGreaterThan(300);
    for (const engine of ENGINES) {
      const document = await clean(page(long), { url, engine, pageType: 'article' });
      expect(document.text).toContain('the sign on the bridge said');
      expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
    }
  });

  it('stays on a page that is not an article', async () => {
    const call = 'Follow us on Facebook, Instagram and TikTok to stay up to date with the latest news.';
    const document = await clean(page(call), { url, engine: 'linkedom', pageType: 'service' });
    expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
  });
});

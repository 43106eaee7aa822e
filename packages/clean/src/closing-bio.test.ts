import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const PARAGRAPH = (i: number) =>
  `<p>Paragraph ${i} about the library: the council met on Monday to discuss it, and the plans that were shown to residents in the town hall will be decided in the spring.</p>`;

const BODY = Array.from({ length: 6 }, (_, i) => PARAGRAPH(i + 1)).join('');

/** A career in full: over 500 characters, one paragraph, after the article. */
const career = (name: string): string =>
  `${name} is a writer and editor who has covered the town council, its libraries and its schools for this paper since 2009. ` +
  'Before that she reported on housing and transport for two regional weeklies, taught reporting at the college on the hill ' +
  'for six years and wrote a history of the county’s railway stations. Her work on the closure of the branch libraries won ' +
  'the regional press award in 2019, and her series on the new reading rooms was shortlisted for the national one a year later. ' +
  'She lives by the river with two cats and far too many books, and she answers every letter.';

function page(bio: string): string {
  return `<!doctype html><html lang="en"><head><title>Library plans</title><meta name="author" content="Jane Rivers"></head><body><article><h1>Library plans</h1>${BODY}<p>${bio}</p></article></body></html>`;
}

const url = 'https://news.example/library';
const rule = 'author-bio/bio-sentence';

describe('a closing author biography', () => {
  it('goes up to 1,000 characters when it starts with the byline, on both engines', async () => {
    expect(career('Jane Rivers').length).toBeGreaterThan(500);
    for (const engine of ENGINES) {
      const document = await clean(page(career('Jane Rivers')), { url, engine, pageType: 'article' });
      expect(document.text).toContain('Paragraph 6 about the library');
      expect(document.text).not.toContain('regional press award');
      expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
        career('Jane Rivers'),
      ]);
    }
  });

  it('stays when it is that long and names someone other than the byline', async () => {
    const document = await clean(page(career('Mary Stone')), { url, engine: 'linkedom', pageType: 'article' });
    expect(document.text).toContain('regional press award');
    expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
  });

  it('goes in parentheses and with the roles of other trades', async () => {
    for (const bio of [
      '(Mary Stone is an attorney at Stone & Rivers, admitted in two states.)',
      'Dr. Jane Rivers is the chief engineer of the county and has built three of its bridges.',
    ]) {
      const document = await clean(page(bio), { url, engine: 'linkedom', pageType: 'article' });
      expect(document.text).not.toContain('admitted in two states');
      expect(document.text).not.toContain('chief engineer');
      expect(document.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([bio]);
    }
  });

  it('stays when the page names its writer and the paragraph describes someone else, on both engines', async () => {
    // A story's closing line about its subject reads like a biography.
    for (const engine of ENGINES) {
      for (const last of [
        'Dave Miller is the head coach of the Riverside Hawks, who play the Lakers at home on Saturday.',
        'Anna Berg is the CEO of Northwind Freight, which employs 4,000 people in the region.',
        'Ramos is a graduate of the University of Lisbon and has lived in the town since 1998.',
      ]) {
        const document = await clean(page(last), { url, engine, pageType: 'article' });
        expect(document.text, `${engine}: ${last}`).toContain(last);
        expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
      }
    }
  });

  it('goes when no writer is named and it reads as a biography', async () => {
    const unsigned = page('Mary Stone is a senior fellow at the Institute for Town Planning.').replace(
      '<meta name="author" content="Jane Rivers">',
      '',
    );
    const document = await clean(unsigned, { url, engine: 'linkedom', pageType: 'article' });
    expect(document.metadata.byline).toBeNull();
    expect(document.text).not.toContain('senior fellow');
  });

  it("is only an article's: the last member of a team page keeps their biography, on both engines", async () => {
    const team = `<!doctype html><html lang="en"><head><title>Our team</title></head><body><main><h1>Our team</h1>
      <p>We design and fit kitchens for homes and small restaurants across the county, from the first drawing to the last tile.</p>
      <h2>Tom Reed</h2><p>Tom Reed is a surveyor who has measured more than a thousand kitchens since he founded the firm.</p>
      <h2>Ana Lopes</h2><p>Ana Lopes is a carpenter who builds every cabinet in our workshop by the station.</p>
      <h2>Sara Kim</h2><p>Sara Kim is a designer who has drawn the plans of forty restaurant kitchens.</p>
      </main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(team, { url: 'https://kitchens.example/team', engine, pageType: 'service' });
      expect(document.text, engine).toContain('Sara Kim is a designer');
      expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
    }
  });
});

import { textBlocks } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean, cleanText } from './clean.js';

/**
 * Plain text shows no links, so a teaser line is known only by its label and separator
 * ("Read more: …"). Sentences that start with one of the label words are prose.
 */
const PROSE = [
  'More than 200 people were evacuated from the old town on Sunday night after the river rose by two metres.',
  'Related costs rose by a tenth, the council said, because the pumps had to run for three days without a break.',
  'Mira Sorvino, the actress, opened the charity concert for the families in the town hall on Monday.',
  'Lea Michele sang two songs at the concert, and the organisers said they had raised more than 40,000 euros.',
  // A hyphen inside a word is no separator.
  'Related-party transactions rose by a fifth, the auditors found, most of them with the family of the chairman.',
  'Lea-Sophie Brandt, who chairs the audit committee, said the board would answer the questions in writing.',
  'More-than-expected traffic through the northern terminal kept the ferries late for most of the afternoon.',
];
const TEASERS = [
  'Read more: Town hall to close for repairs',
  'Lesen Sie auch: Die Brücke bleibt bis Mai gesperrt',
  'Related – New timetable for the river ferries',
];

const ARTICLE = [
  'The flood in the old town',
  'The river burst its banks on Sunday evening, and by midnight the water stood a metre deep in the market square, where the shops had closed early.',
  PROSE[0],
  TEASERS[0],
  'Firefighters from four towns worked through the night to pump the water out of the cellars of the houses along the river.',
  PROSE[1],
  PROSE[2],
  TEASERS[1],
  'The mayor thanked the volunteers and said the town would ask the region for help with the cost of the repairs to the streets.',
  PROSE[3],
  PROSE[4],
  'The auditors also asked about the ferry contract, which the council signed without a tender two years ago.',
  PROSE[5],
  TEASERS[2],
  "The council will vote on the auditors' report at its next meeting, after the summer break in September.",
  PROSE[6],
].join('\n\n');

describe('related/inline-link on plain text', () => {
  it('keeps sentences that start with a label word and removes label lines with their separator', async () => {
    const document = await cleanText(ARTICLE, { source: 'flood.txt' });
    const kept = textBlocks(document.text);
    for (const line of PROSE) expect(kept, line).toContain(line);
    for (const line of TEASERS) {
      expect(kept, line).not.toContain(line);
      expect(document.removed.find((removal) => removal.text === line)?.rule, line).toBe('related/inline-link');
    }
  });

  it.each(['linkedom', 'jsdom'] as const)(
    'does the same for a text/plain page given to clean() (%s)',
    async (engine) => {
      const document = await clean(new TextEncoder().encode(ARTICLE), {
        url: 'https://news.example/flood.txt',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        engine,
      });
      const kept = textBlocks(document.text);
      for (const line of PROSE) expect(kept, line).toContain(line);
      for (const line of TEASERS) expect(kept, line).not.toContain(line);
    },
  );
});

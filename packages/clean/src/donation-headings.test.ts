import { textBlocks } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

/** A release note whose section headings are paragraphs all in bold. */
const RELEASE_NOTE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Release 4.2 of the database server</title></head><body>
<main><article><h1>Release 4.2 of the database server</h1>
<p><strong>Support Lifecycle</strong></p>
<p>Version 4.2 is a long-term release: it receives security fixes for five years from its first release date, and bug fixes for the first three of those years, after which only critical fixes are back-ported.</p>
<p>The new storage engine is the default for new clusters, while existing clusters keep the old engine until they are migrated with the upgrade tool described in the operations guide.</p>
<p><strong>Support Matrix</strong></p>
<ul><li>Linux x86-64: full</li><li>Linux ARM64: full</li><li>Windows: client only</li></ul>
<p><b>Support Windows</b></p>
<p>Windows 10 and 11, client tools only.</p>
</article></main></body></html>`;

/** The same name as a plain line or a bold link where appeals stand. */
const APPEAL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour at night</title></head><body>
<article><h1>The harbour at night</h1>
<p>The night shift at the harbour starts at ten, when the last ferry has tied up and the cranes are turned towards the container ships waiting in the outer basin for their berths.</p>
<p>Most of the crane drivers have done the work for more than twenty years, and they say the hardest part is the winter, when the wind comes off the sea and the cabins shake.</p>
<p>Support Harbour Radio</p>
<p><a href="/donate"><strong>Support Harbour Radio today</strong></a></p>
</article></body></html>`;

describe('donation/appeal and bold-paragraph headings', () => {
  it.each(['linkedom', 'jsdom'] as const)('keeps "Support <Name>" written as a bold heading (%s)', async (engine) => {
    const document = await clean(new TextEncoder().encode(RELEASE_NOTE), {
      url: 'https://db.example.org/releases/4.2',
      engine,
    });
    const kept = textBlocks(document.text).map((block) => block.replace(/\*/g, '').trim());
    for (const heading of ['Support Lifecycle', 'Support Matrix', 'Support Windows']) {
      expect(kept, heading).toContain(heading);
      expect(document.removed.filter((removal) => removal.rule === 'donation/appeal')).toEqual([]);
    }
  });

  it.each(['linkedom', 'jsdom'] as const)(
    'still removes the appeal as a line and as a bold link (%s)',
    async (engine) => {
      const document = await clean(new TextEncoder().encode(APPEAL), {
        url: 'https://radio.example/2024/05/harbour-night',
        engine,
      });
      expect(document.text).not.toContain('Support Harbour Radio');
      const appeals = document.removed
        .filter((removal) => removal.rule === 'donation/appeal')
        .map((r) => r.text.trim());
      expect(appeals).toEqual(['Support Harbour Radio', 'Support Harbour Radio today']);
    },
  );
});

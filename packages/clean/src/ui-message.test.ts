import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const ENGINES = ['linkedom', 'jsdom'] as const;

const BEFORE = [
  'The ferry board met on Monday to discuss the new terminal, and the plans shown to residents in the town hall will be decided in the spring after a public consultation.',
  'Residents asked for a covered waiting room and a second ramp for cars, since the queue on summer weekends now reaches back past the harbour gates onto the coast road.',
  'The board said the old terminal building would stay open during the works, with a temporary ticket office in the car park from March until the new hall is ready.',
];
const AFTER = [
  'Engineers expect the piles for the new pier to go in over the winter, when fewer boats sail and the divers can work in calmer water between the storms.',
  'The council will pay a third of the cost, the rest coming from the ferry company and a regional fund for ports that serve islands without a bridge.',
  'A second meeting for residents is planned for April, where the final drawings and the timetable for the building works will be shown and discussed.',
];

function page(middle: string, after = ''): Uint8Array {
  const prose = (list: readonly string[]) => list.map((text) => `<p>${text}</p>`).join('');
  return new TextEncoder().encode(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry notes</title></head><body><main><article><h1>Ferry notes</h1>${prose(BEFORE)}${middle}${prose(AFTER)}${after}</article></main><footer><a href="/">Home</a></footer></body></html>`,
  );
}

async function removedByRule(html: Uint8Array, engine: (typeof ENGINES)[number]) {
  const document = await clean(html, { url: 'https://ferries.example/notes/terminal', engine });
  return {
    text: document.text,
    removed: document.removed.filter((removal) => removal.rule === 'boilerplate/ui-message').map((r) => r.text),
  };
}

describe('boilerplate/ui-message: only a message standing alone as page chrome', () => {
  it.each(ENGINES)("keeps a story's one-line paragraph between paragraphs of prose (%s)", async (engine) => {
    const { text, removed } = await removedByRule(
      page(
        '<p>Something went wrong.</p><p>The engine had stalled halfway across the sound, and the captain radioed the harbour for a tow.</p>',
      ),
      engine,
    );
    expect(removed).toEqual([]);
    expect(text).toContain('Something went wrong.');
  });

  it.each(ENGINES)(
    'keeps a message a help page quotes in a blockquote or after a line ending in ":" (%s)',
    async (engine) => {
      const { text, removed } = await removedByRule(
        page(
          '<p>When the upload fails, the app shows this message:</p><blockquote><p>Oops! Something went wrong while saving your changes.</p></blockquote><p>When the form times out, it shows:</p><div><p>Your session has expired.</p></div>',
        ),
        engine,
      );
      expect(removed).toEqual([]);
      expect(text).toContain('Oops! Something went wrong while saving your changes.');
      expect(text).toContain('Your session has expired.');
    },
  );

  it.each(ENGINES)('keeps a bold-paragraph heading that names a message (%s)', async (engine) => {
    const { text, removed } = await removedByRule(
      page(
        '<p><strong>Your session has expired.</strong></p><p>This message appears when the page was left open for more than an hour; sign in again and the form comes back as it was.</p>',
      ),
      engine,
    );
    expect(removed).toEqual([]);
    expect(text).toContain('Your session has expired.');
  });

  it.each(ENGINES)('removes the message of a form between paragraphs (%s)', async (engine) => {
    const { text, removed } = await removedByRule(
      page(
        '<form><p>Sorry, an error occurred.</p><p>The crossing was full and the next boat leaves at noon, so the office has moved your booking to that one.</p></form>',
      ),
      engine,
    );
    expect(removed).toEqual(['Sorry, an error occurred.']);
    expect(text).not.toContain('Sorry, an error occurred.');
  });

  it.each(ENGINES)('removes a message left after the article, with no prose after it (%s)', async (engine) => {
    const { text, removed } = await removedByRule(
      page('', '<div class="notice-box"><div>There was a problem loading your basket. Please try again.</div></div>'),
      engine,
    );
    expect(removed).toEqual(['There was a problem loading your basket. Please try again.']);
    expect(text).not.toContain('There was a problem loading your basket.');
  });
});

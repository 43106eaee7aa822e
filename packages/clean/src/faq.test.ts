import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import type { CleanOptions } from './options.js';

const PARAGRAPH = (i: number) =>
  `<p>Paragraph ${i} about heat pumps: the council met on Monday to discuss the grants, and the plans that were shown to residents in the town hall will be decided in the spring.</p>`;
const BODY = Array.from({ length: 10 }, (_, i) => PARAGRAPH(i + 1)).join('');

const QUESTIONS = [
  [
    'How much does a heat pump cost?',
    'A heat pump for a house of this size costs between eight and twelve thousand euros, before the grant.',
  ],
  [
    'Who can ask for the grant?',
    'Every owner of a house in the town can ask for it, as long as the house was built before 2010.',
  ],
  [
    'When will the council decide?',
    'The council will vote on the plan in its meeting in the spring, after residents have had their say.',
  ],
];

const asked = (tag: string) =>
  QUESTIONS.map(([question, answer]) => `<${tag}>${question}</${tag}><p>${answer}</p>`).join('');

/** The story in its own element, and a section after it (the site's template puts it apart). */
function page(section: string, between = ''): string {
  return `<!doctype html><html lang="en"><head><title>Heat pump grants</title></head><body><main><article class="story"><h1>Heat pump grants</h1><div class="body">${BODY}</div></article>${between}<section class="extra">${section}</section></main><footer><a href="/">Home</a></footer></body></html>`;
}

const options: CleanOptions = { url: 'https://news.example/heat-pumps', pageType: 'article' };

describe('a questions section after the article', () => {
  it('goes after the article, on both engines alike', async () => {
    const html = page(`<h2>Frequently asked questions</h2>${asked('h3')}`);
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { ...options, engine: 'linkedom' }),
      clean(html, { ...options, engine: 'jsdom' }),
    ]);
    const blocks = linkedom.text.split('\n\n');
    const at = blocks.indexOf('Frequently asked questions');
    expect(blocks[at - 1]).toContain('Paragraph 10 about heat pumps');
    expect(blocks.slice(at + 1)).toEqual(QUESTIONS.flat());
    expect(linkedom.markdown).toContain('## Frequently asked questions');
    expect(linkedom.removed.map((removal) => removal.text).join('\n')).not.toContain('Who can ask for the grant?');
    expect(jsdom.text).toBe(linkedom.text);
  });

  it('goes after it when its questions are not text (drawn as buttons), in other languages too', async () => {
    const answers = QUESTIONS.map(([, answer]) => `<button>+</button><p>${answer}</p>`).join('');
    const document = await clean(page(`<h2>Häufige Fragen</h2>${answers}`), options);
    expect(document.text).toContain('Häufige Fragen');
    expect(document.text).toContain(QUESTIONS[2]![1]);
  });

  it('stays out when it is no questions section, stands far below the article or is not answered', async () => {
    const cases = {
      // Another heading: a section of its own (related stories, a sidebar).
      other: page(`<h2>More from the council</h2>${asked('h3')}`),
      // Questions with no answers under them.
      unanswered: page(`<h2>FAQ</h2>${QUESTIONS.map(([question]) => `<h3>${question}</h3>`).join('')}`),
      // A box of its own between the article and the section.
      far: page(
        `<h2>FAQ</h2>${asked('h3')}`,
        '<aside class="box"><p>Sign up for the newsletter to get the council news every week, with the agenda of each meeting and the votes that were taken.</p><p>Our reporters sit in every meeting of the council and write up what was decided the same evening.</p></aside>',
      ),
    };
    // A shop's or a subscription's questions after a story: they do not speak of the story.
    const shop = [
      [
        'Can I cancel my subscription at any time?',
        'Yes, you can cancel online in your account settings, and you keep access until the end of the month.',
      ],
      [
        'How do I pay for my subscription?',
        'We accept all major credit cards and PayPal, and we send a receipt by email every month.',
      ],
    ];
    const offTopic = `<h2>Frequently asked questions</h2>${shop.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('')}`;
    const subscription = await clean(page(offTopic), options);
    expect(subscription.text).not.toContain('Can I cancel my subscription at any time?');
    for (const [name, html] of Object.entries(cases)) {
      const document = await clean(html, options);
      expect(document.text, name).toContain('Paragraph 10 about heat pumps');
      expect(document.text, name).not.toContain('How much does a heat pump cost?');
    }
  });
});

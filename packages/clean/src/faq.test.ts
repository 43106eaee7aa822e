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

/**
 * A real-length story that uses the everyday longer words a subscription's questions use too
 * ("their", "first", "people", "month", "access", "until", "share", "email"): they are no sign
 * that the questions are about the story.
 */
const BRIDGE_STORY = [
  'The town council voted on Tuesday to build a new bridge over the river, the first in the valley for more than forty years, after people who live on the east bank asked for better access to the station.',
  'Their old crossing, a narrow iron bridge from 1921, was closed to lorries last month when engineers found rust in its main beams, and buses have since had to take a detour of twelve kilometres.',
  'The council will pay for the first part of the work from its own budget and will share the rest of the cost with the county, which agreed in principle to a grant at its meeting in March.',
  'Residents can send their comments on the three designs by email or by post until the end of the month, and the council will put the drawings on show in the library during that period.',
  'The mayor said that the new bridge would carry a cycle lane and wide pavements, so that people walking to the school and the market would no longer have to share the road with traffic.',
  'Shopkeepers on the east bank said the closure had cost them customers every day since the detour began, and asked the council to reopen the old crossing for cars while the work goes on.',
  'The engineers advised against it: their report says that the old beams can carry bicycles and people on foot, but that a car every few seconds would wear them out within a year.',
  'A ferry will run every twenty minutes from the first of next month, paid for by the county, and season tickets will be sold at the town hall at the price of a monthly bus pass.',
  'Work on the new bridge is due to start in the autumn if the county confirms its grant, and the council hopes that the first cars will cross it before the end of the following year.',
  'Members of the opposition voted for the plan but asked for a public account of the costs every three months, after the budget for the new swimming pool doubled during its construction.',
];

const SUBSCRIPTION_FAQ = [
  [
    'Can I cancel my subscription at any time?',
    'Yes, you can cancel your subscription at any time from your account page, and you keep access until the end of the period you paid for.',
  ],
  [
    'How do I pay for my subscription?',
    'We accept all major credit cards and PayPal; your card is charged on the same day each month until you cancel.',
  ],
  [
    'Can I share my subscription with my family?',
    'A family plan lets up to four people read with their own logins, and each of them can save articles and follow topics.',
  ],
  [
    'Do you offer student discounts?',
    'Students and teachers get half price for the first year when they sign up with their school email address.',
  ],
];

const BRIDGE_FAQ = [
  [
    'When will the old bridge close?',
    'The old bridge stays open to bicycles and people on foot until the new one is built, then it will be taken down.',
  ],
  [
    'How long will the ferry run?',
    'The ferry will run until the new bridge opens, every twenty minutes from six in the morning until midnight.',
  ],
];

/** The story in an article element, and a box after it in the page's template (outside the article). */
function storyPage(
  questions: string[][],
  box = '',
  after = '',
  title = 'Council votes for a new bridge over the river',
): string {
  const faq = questions.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header><nav><a href="/">Home</a></nav></header><div class="page"><article class="story"><h1>${title}</h1><div class="story-body">${BRIDGE_STORY.map((p) => `<p>${p}</p>`).join('')}</div></article><div class="promo"${box}><div class="inner"><h2>Frequently asked questions</h2>${faq}</div>${after}</div></div><footer><p>Valley Times</p></footer></body></html>`;
}

/**
 * Ways a question written as a `tag` heading links to its own place on this page
 * (https://news.example/bridge): the opening of the heading and its link, for question `i`.
 */
function selfLinks(tag: 'h3' | 'h4'): Record<string, (i: number) => string> & { path: (i: number) => string } {
  return {
    fragment: (i) => `<${tag} id="q${i}"><a href="#q${i}">`,
    path: (i) => `<${tag} id="q${i}"><a href="/bridge#q${i}">`,
    'path, no element of that id': (i) => `<${tag}><a href="/bridge#q${i}">`,
    'full URL, an <a name> anchor': (i) => `<${tag}><a name="q${i}"></a><a href="https://news.example/bridge#q${i}">`,
    'no fragment': () => `<${tag}><a href="/bridge">`,
    'full URL, no fragment': () => `<${tag}><a href="https://news.example/bridge">`,
    'a script (a toggle)': () => `<${tag}><a href="javascript:void(0)">`,
  };
}

/** The bridge story's questions section comes right after its last paragraph, whole and last. */
function expectBridgeFaqAfterStory(text: string): void {
  const blocks = text.split('\n\n');
  const at = blocks.indexOf('Frequently asked questions');
  expect(blocks[at - 1]).toBe(BRIDGE_STORY[9]);
  expect(blocks.slice(at + 1)).toEqual(BRIDGE_FAQ.flat());
}

describe('whether the questions are about the article', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const bridge = { url: 'https://news.example/bridge', pageType: 'article' } as const;

  it.each(engines)(
    'a subscription FAQ after a long story stays out, though they share common words (%s)',
    async (engine) => {
      const document = await clean(storyPage(SUBSCRIPTION_FAQ), { ...bridge, engine });
      expect(document.text).toContain(BRIDGE_STORY[9]);
      expect(document.text).not.toContain('Frequently asked questions');
      for (const [question, answer] of SUBSCRIPTION_FAQ) {
        expect(document.text).not.toContain(question);
        expect(document.text).not.toContain(answer);
      }
    },
  );

  it.each(engines)(
    'a subscription FAQ stays out when a word of the title is in one of its questions by chance (%s)',
    async (engine) => {
      // "student" and "share" are in the subscription's questions ("Do you offer student
      // discounts?", "Can I share my subscription …?"): one title word, and the everyday words a
      // long story shares with any text, do not make the questions the story's.
      for (const title of [
        'Students on bicycles welcome the council vote for a new bridge over the river',
        'Ferry shareholders lose out as the council votes for a new bridge over the river',
      ]) {
        const document = await clean(storyPage(SUBSCRIPTION_FAQ, '', '', title), { ...bridge, engine });
        expect(document.text, title).toContain(BRIDGE_STORY[9]);
        expect(document.text, title).not.toContain('Frequently asked questions');
        for (const [question, answer] of SUBSCRIPTION_FAQ) {
          expect(document.text, title).not.toContain(question);
          expect(document.text, title).not.toContain(answer);
        }
      }
    },
  );

  it.each(engines)(
    'teaser cards of other stories whose titles are questions are no answers, though they speak of the story (%s)',
    async (engine) => {
      // One link around each card, to another page: the cards' text is no link text of theirs.
      const cards = BRIDGE_FAQ.map(
        ([question, answer], i) =>
          `<a class="card" href="/explainers/bridge-${i + 1}"><h3>${question}</h3><p>${answer}</p></a>`,
      ).join('');
      const html = storyPage([]).replace('<h2>Frequently asked questions</h2>', `<h2>Common questions</h2>${cards}`);
      const document = await clean(html, { ...bridge, engine });
      expect(document.text).toContain(BRIDGE_STORY[9]);
      expect(document.text).not.toContain('How long will the ferry run?');
      // The same questions linked to a place on the page (an accordion's toggles) are the story's.
      const toggles = await clean(html.replaceAll('href="/explainers/bridge-', 'href="#bridge-'), {
        ...bridge,
        engine,
      });
      expect(toggles.text).toContain('How long will the ferry run?');
    },
  );

  it.each(engines)(
    'questions that link to other pages after its own end the section: their summaries are no answers (%s)',
    async (engine) => {
      const own = BRIDGE_FAQ.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('');
      // Another story's page, also when its fragment names an element of this page.
      for (const href of ['/news/ferry-prices', 'https://news.example/news/ferry-prices#comments']) {
        const teasers = `<h3><a href="${href}">Will the ferry cost more next year?</a></h3><p>The county says the price of a season ticket for the ferry will follow the price of a monthly bus pass.</p><h3><a href="/news/bridge-designs">Which design will the council choose?</a></h3><p>Three designs for the new bridge are on show in the library, and residents can send their comments until the end of the month.</p>`;
        const html = storyPage([], '', '<div id="comments"><p>Comments are closed.</p></div>').replace(
          '<h2>Frequently asked questions</h2>',
          `<h2>Frequently asked questions</h2>${own}${teasers}`,
        );
        const document = await clean(html, { ...bridge, engine });
        expectBridgeFaqAfterStory(document.text);
        expect(document.text, href).not.toContain('Three designs for the new bridge are on show');
      }
    },
  );

  it.each(engines)(
    'questions that link to this page, with or without a fragment, are its own questions (%s)',
    async (engine) => {
      for (const [name, open] of Object.entries(selfLinks('h3'))) {
        // The first question plain, the next ones links (to their place, or to the page).
        const own = BRIDGE_FAQ.map(([question, answer], i) =>
          i === 0 ? `<h3>${question}</h3><p>${answer}</p>` : `${open(i)}${question}</a></h3><p>${answer}</p>`,
        ).join('');
        const more =
          '<h3><a href="/bridge#q9">Who pays for the ferry?</a></h3><p>The county pays for the ferry until the new bridge opens, and the season tickets cover part of the cost.</p>';
        const html = storyPage([]).replace(
          '<h2>Frequently asked questions</h2>',
          `<h2>Frequently asked questions</h2>${own}${more}`,
        );
        const document = await clean(html, { ...bridge, engine });
        expect(document.text, name).toContain(BRIDGE_FAQ[1]![1]);
        expect(document.text, name).toContain('The county pays for the ferry until the new bridge opens');
      }
    },
  );

  it.each(engines)(
    'a FAQ whose every question links to a page of its own and is answered here too stays (%s)',
    async (engine) => {
      const own = BRIDGE_FAQ.map(
        ([question, answer], i) => `<h3><a href="/faq/bridge-${i}">${question}</a></h3><p>${answer}</p>`,
      ).join('');
      const html = storyPage([]).replace(
        '<h2>Frequently asked questions</h2>',
        `<h2>Frequently asked questions</h2>${own}`,
      );
      const document = await clean(html, { ...bridge, engine });
      expectBridgeFaqAfterStory(document.text);
    },
  );

  it.each(engines)(
    'a title whose only longer word is an everyday one ("world") still names the questions it asks (%s)',
    async (engine) => {
      const story = [
        'The World Cup comes to three countries next summer, with more teams than ever before and matches in sixteen cities across the continent.',
        'Forty-eight teams will play in twelve groups of four, and the best two of each group go through with the eight best third-placed teams.',
        'Tickets go on sale in three rounds, and fans who bought tickets for the group matches will be asked first when the knockout rounds begin.',
        'The final will be played in the largest stadium of the three hosts, on a Sunday in the middle of July, six weeks after the opening match.',
        'Travel between the host cities takes time: some teams will fly for five hours between two group matches, and coaches worry about the heat.',
      ];
      const questions = [
        [
          'When does the World Cup start?',
          'The opening match is played in June, and the group matches run for two weeks before the knockout rounds begin.',
        ],
        [
          'How many teams play at the World Cup?',
          'Forty-eight teams play in twelve groups of four, sixteen more than at the last World Cup.',
        ],
      ];
      const faq = questions.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('');
      const html = `<!doctype html><html lang="en"><head><title>World Cup 2026</title></head><body><div class="page"><article class="story"><h1>World Cup 2026</h1><div class="story-body">${story.map((p) => `<p>${p}</p>`).join('')}</div></article><div class="promo"><div class="inner"><h2>Frequently asked questions</h2>${faq}</div></div></div><footer><p>Valley Times</p></footer></body></html>`;
      const document = await clean(html, { url: 'https://news.example/world-cup', pageType: 'article', engine });
      const blocks = document.text.split('\n\n');
      expect(blocks.slice(blocks.indexOf('Frequently asked questions') + 1)).toEqual(questions.flat());
    },
  );

  it.each(engines)('the same box of questions about the story goes after it (%s)', async (engine) => {
    const document = await clean(storyPage(BRIDGE_FAQ), { ...bridge, engine });
    expectBridgeFaqAfterStory(document.text);
  });
  it.each(engines)('a questions box the page hides stays out (%s)', async (engine) => {
    for (const box of [' style="display:none"', ' aria-hidden="true"', ' hidden']) {
      const document = await clean(storyPage(BRIDGE_FAQ, box), { ...bridge, engine });
      expect(document.text, box).toContain(BRIDGE_STORY[9]);
      expect(document.text, box).not.toContain('How long will the ferry run?');
    }
  });

  it.each(engines)(
    'the section ends with its box: a call to action in the next box is no answer (%s)',
    async (engine) => {
      const cta =
        '<div class="ad"><p>Advertisement</p></div><div class="cta"><p>Support local journalism: subscribe to the Valley Times for one euro a week and read every story.</p></div>';
      const document = await clean(storyPage(BRIDGE_FAQ, '', cta), { ...bridge, engine });
      const blocks = document.text.split('\n\n');
      expect(blocks.slice(blocks.indexOf('Frequently asked questions') + 1)).toEqual(BRIDGE_FAQ.flat());
      expect(document.text).not.toContain('Support local journalism');
    },
  );
});

describe('a questions section grouped under category headings', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const bridge = { url: 'https://news.example/bridge', pageType: 'article' } as const;
  const CATEGORIES = ['The old bridge', 'The ferry'];
  /** h2 "FAQ" / h3 category / what `group` writes under each category (one of BRIDGE_FAQ's questions). */
  const grouped = (group: (question: string, answer: string, i: number) => string, after = '') =>
    storyPage([]).replace(
      '<h2>Frequently asked questions</h2>',
      `<h2>Frequently asked questions</h2>${BRIDGE_FAQ.map(([question, answer], i) => `<h3>${CATEGORIES[i]}</h3>${group(question!, answer!, i)}`).join('')}${after}`,
    );
  const asHeadings = (question: string, answer: string) => `<h4>${question}</h4><p>${answer}</p>`;
  /** The grouped section is in the text whole and last: each category, then its question and answer. */
  const expectGroupedFaq = (text: string, name?: string) => {
    const blocks = text.split('\n\n');
    const at = blocks.indexOf('Frequently asked questions');
    expect(at, name).toBeGreaterThan(0);
    expect(blocks.slice(at + 1), name).toEqual([CATEGORIES[0], ...BRIDGE_FAQ[0]!, CATEGORIES[1], ...BRIDGE_FAQ[1]!]);
  };

  it.each(engines)('goes after the story with its categories, as the flat list does (%s)', async (engine) => {
    const document = await clean(grouped(asHeadings), { ...bridge, engine });
    const blocks = document.text.split('\n\n');
    expect(blocks[blocks.indexOf('Frequently asked questions') - 1]).toBe(BRIDGE_STORY[9]);
    expectGroupedFaq(document.text);
  });

  it.each(engines)(
    'ends before a last category that is not about the story or whose questions link elsewhere (%s)',
    async (engine) => {
      const after = {
        // A newsletter's sign-up drawn as one more category of the box.
        newsletter:
          '<h3>Newsletter</h3><h4>Want more local news?</h4><p>Sign up to our free newsletter and get the Valley Times in your inbox every morning before seven.</p>',
        // Teasers of other stories whose headlines are questions, each a link to its story.
        teasers:
          '<h3>More on this story</h3><h4><a href="/news/ferry-prices">Will the ferry cost more next year?</a></h4><p>The county says the price of a season ticket for the ferry will follow the price of a monthly bus pass.</p><h4><a href="/news/bridge-designs">Which design will the council choose?</a></h4><p>Three designs for the new bridge are on show in the library, and residents can send their comments until the end of the month.</p>',
      };
      for (const [name, html] of Object.entries(after)) {
        const document = await clean(grouped(asHeadings, html), { ...bridge, engine });
        expectGroupedFaq(document.text, name);
      }
    },
  );

  /** A FAQ's practical part: questions the story does not speak of (where to park, which trains stop). */
  const GETTING_THERE = [
    'Getting there',
    [
      [
        'Where can visitors park during the works?',
        'Visitors can leave their cars behind the cinema, where parking is free after six in the evening and all day on Sundays.',
      ],
      [
        'Which trains stop nearby?',
        'Regional trains from the coast stop at the station every half hour, and the platform has a lift for wheelchairs and prams.',
      ],
    ],
  ] as const;
  /** h2 "FAQ" / for each category its h3 and its questions as h4 with their answers. */
  const categorised = (groups: (readonly [string, readonly (readonly string[])[]])[]) =>
    storyPage([]).replace(
      '<h2>Frequently asked questions</h2>',
      `<h2>Frequently asked questions</h2>${groups.map(([name, questions]) => `<h3>${name}</h3>${questions.map(([question, answer]) => asHeadings(question!, answer!)).join('')}`).join('')}`,
    );
  const flat = (groups: (readonly [string, readonly (readonly string[])[]])[]) =>
    groups.flatMap(([name, questions]) => [name, ...questions.flat()]);
  const MORE = [
    [
      'Can cars still cross the old bridge?',
      'No: the engineers closed the old bridge to cars and lorries, and only bicycles and people on foot may cross it until the works start.',
    ],
    [
      'Where can I buy a season ticket for the ferry?',
      'Season tickets for the ferry are sold at the town hall, at the price of a monthly bus pass, from the first of next month.',
    ],
  ];
  const ON_TOPIC = CATEGORIES.map((name, i) => [name, [BRIDGE_FAQ[i]!, MORE[i]!]] as const);

  it.each(engines)(
    'keeps a category of practical questions the story does not speak of, first, between or last (%s)',
    async (engine) => {
      const orders = {
        first: [GETTING_THERE, ...ON_TOPIC],
        between: [ON_TOPIC[0]!, GETTING_THERE, ON_TOPIC[1]!],
        last: [...ON_TOPIC, GETTING_THERE],
      };
      for (const [name, groups] of Object.entries(orders)) {
        const document = await clean(categorised(groups), { ...bridge, engine });
        const blocks = document.text.split('\n\n');
        const at = blocks.indexOf('Frequently asked questions');
        expect(blocks[at - 1], name).toBe(BRIDGE_STORY[9]);
        expect(blocks.slice(at + 1), name).toEqual(flat(groups));
      }
    },
  );

  it.each(engines)(
    'ends before a sign-up of one question or a category of several that takes the section off the story (%s)',
    async (engine) => {
      const after = {
        newsletter: [
          'Newsletter',
          [
            [
              'Want more valley news?',
              'Sign up to our free newsletter and get the Valley Times in your inbox every morning before seven.',
            ],
          ],
        ],
        subscription: ['Your subscription', SUBSCRIPTION_FAQ],
      } as const;
      for (const [name, group] of Object.entries(after)) {
        const document = await clean(categorised([...ON_TOPIC, GETTING_THERE, group]), { ...bridge, engine });
        const blocks = document.text.split('\n\n');
        const at = blocks.indexOf('Frequently asked questions');
        expect(at, name).toBeGreaterThan(0);
        expect(blocks.slice(at + 1), name).toEqual(flat([...ON_TOPIC, GETTING_THERE]));
      }
    },
  );

  it.each(engines)(
    'takes categories whose questions link to this page, with or without a fragment (%s)',
    async (engine) => {
      const forms = selfLinks('h4');

      for (const [name, open] of Object.entries(forms)) {
        const html = grouped((question, answer, i) => `${open(i)}${question}</a></h4><p>${answer}</p>`);
        const document = await clean(html, { ...bridge, engine });
        expectGroupedFaq(document.text, name);
      }
      // The page saved from its URL with a tracking parameter, a trailing slash, another scheme
      // or `www.`: its links to itself are still to itself.
      const html = grouped((question, answer, i) => `${forms.path(i)}${question}</a></h4><p>${answer}</p>`);
      for (const url of [
        'https://news.example/bridge?utm_source=feed',
        'https://news.example/bridge/',
        'http://news.example/bridge',
        'https://www.news.example/bridge',
      ]) {
        const document = await clean(html, { ...bridge, url, engine });
        expect(document.text, url).toContain(BRIDGE_FAQ[1]![1]);
      }
    },
  );

  it.each(engines)('stays out when its categories list links, not answered questions (%s)', async (engine) => {
    const links = {
      // Links to the council's pages under each category: no question, no answer.
      pages: (_question: string, _answer: string, i: number) =>
        `<ul><li><a href="/council/bridge-${i}/plans">Plans and drawings of the works</a></li><li><a href="/council/bridge-${i}/timetable">Timetable and prices for this year</a></li></ul>`,
      // Questions that link to the pages answering them: asked, never answered here.
      questions: (question: string, _answer: string, i: number) =>
        `<ul><li><a href="/help/bridge-${i}">${question}</a></li><li><a href="/help/bridge-${i}-more">Who pays for the works on the bridge?</a></li></ul>`,
    };
    for (const [name, group] of Object.entries(links)) {
      const document = await clean(grouped(group), { ...bridge, engine });
      expect(document.text, name).toContain(BRIDGE_STORY[9]);
      expect(document.text, name).not.toContain('Frequently asked questions');
      expect(document.text, name).not.toContain(CATEGORIES[1]);
    }
  });
});

/** The story and, in the same element Readability takes, a box of questions after its body. */
function boxedPage(questions: string[][]): string {
  const faq = questions.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('');
  return `<!doctype html><html lang="en"><head><title>Council votes for a new bridge over the river</title></head><body><header><nav><a href="/">Home</a></nav></header><div class="page"><div class="story-body">${BRIDGE_STORY.map((p) => `<p>${p}</p>`).join('')}</div><ul class="share"><li><a href="/s">Share</a></li></ul><div class="sub-faq"><h2>Frequently asked questions</h2>${faq}</div></div><footer><p>Valley Times</p></footer></body></html>`;
}

describe('a questions section inside the element Readability took, after the body', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const bridge = { url: 'https://news.example/bridge', pageType: 'article' } as const;

  it.each(engines)('stays when its questions are about the story (%s)', async (engine) => {
    const document = await clean(boxedPage(BRIDGE_FAQ), { ...bridge, engine });
    expectBridgeFaqAfterStory(document.text);
  });

  it.each(engines)("goes when they are a subscription's (%s)", async (engine) => {
    const document = await clean(boxedPage(SUBSCRIPTION_FAQ.slice(0, 2)), { ...bridge, engine });
    expect(document.text).toContain(BRIDGE_STORY[9]);
    expect(document.text).not.toContain('Frequently asked questions');
    expect(document.text).not.toContain(SUBSCRIPTION_FAQ[0]![1]);
    expect(document.removed.some((removal) => removal.rule === 'boilerplate/after-prose')).toBe(true);
  });
});

describe("a newsletter's sign-up inside the questions section's box", () => {
  it('goes alone: the questions stay, on both engines', async () => {
    const html = page(
      `<div class="box"><h2>Frequently asked questions</h2>${asked('h3')}<h3>Get our newsletter</h3><p>Sign up to get the council news every week in your inbox.</p><form><input type="email" name="email"><button>Sign up</button></form></div>`,
    );
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(html, { ...options, engine });
      const blocks = document.text.split('\n\n');
      expect(blocks.slice(blocks.indexOf('Frequently asked questions') + 1)).toEqual(QUESTIONS.flat());
      expect(document.removed.map((removal) => removal.text).join('\n')).toContain('Get our newsletter');
    }
  });

  it("goes alone from a small box (the e-mail form's box is not the whole section), on both engines", async () => {
    const short = [
      [
        'When will the council decide on the grants?',
        'The council will decide on the grants in the spring, after the meeting.',
      ],
      ['Where were the heat pump plans shown?', 'The plans were shown to residents in the town hall on Monday.'],
    ];
    const questions = short.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('');
    const html = page(
      `<div class="box"><h2>Frequently asked questions</h2>${questions}<h3>Get our newsletter</h3><p>Sign up to get the council news every week.</p><form><input type="email" name="email"><button>Sign up</button></form></div>`,
    );
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(html, { ...options, engine });
      const blocks = document.text.split('\n\n');
      expect(blocks.slice(blocks.indexOf('Frequently asked questions') + 1)).toEqual(short.flat());
      expect(document.removed.map((removal) => removal.text).join('\n')).toContain('Get our newsletter');
    }
  });
});

/** More of the bridge story's questions, for a section longer than a short story. */
const LONG_BRIDGE_FAQ = [
  ...BRIDGE_FAQ,
  [
    'Will the buses go back to their old route?',
    'The buses will keep the detour until the new bridge opens, and the county will pay for the extra kilometres they drive.',
  ],
  [
    'Where can residents see the three designs?',
    'The drawings of the three designs are on show in the library, and residents can send their comments by email or by post.',
  ],
  [
    'Who pays for the new bridge?',
    'The council pays for the first part of the work from its own budget and shares the rest with the county, which promised a grant.',
  ],
  [
    'When will the first cars cross the new bridge?',
    'If the county confirms its grant, the work starts in the autumn and the first cars should cross before the end of the next year.',
  ],
];

describe('a questions section longer than a short story', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const bridge = { url: 'https://news.example/bridge', pageType: 'article' } as const;
  const story = BRIDGE_STORY.slice(0, 4);
  const storyChars = story.join('').length;
  const faqChars = LONG_BRIDGE_FAQ.flat().join('').length;
  const questions = LONG_BRIDGE_FAQ.map(([question, answer]) => `<h3>${question}</h3><p>${answer}</p>`).join('');
  const title = 'Council votes for a new bridge over the river';
  const head = `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header><nav><a href="/">Home</a></nav></header>`;
  const paragraphs = story.map((p) => `<p>${p}</p>`).join('');
  const pages = {
    // In a box of the page's template after the article element.
    outside: `${head}<div class="page"><article class="story"><h1>${title}</h1><div class="story-body">${paragraphs}</div></article><div class="promo"><h2>Frequently asked questions</h2>${questions}</div></div><footer><p>Valley Times</p></footer></body></html>`,
    // In the element Readability takes, after the body.
    inside: `${head}<div class="page"><div class="story-body">${paragraphs}</div><ul class="share"><li><a href="/s">Share</a></li></ul><div class="sub-faq"><h2>Frequently asked questions</h2>${questions}</div></div><footer><p>Valley Times</p></footer></body></html>`,
  };

  it('is longer than the story in these pages', () => {
    expect(faqChars).toBeGreaterThan(storyChars);
    expect(LONG_BRIDGE_FAQ.slice(0, 2).flat().join('').length).toBeLessThan(storyChars);
  });

  for (const [where, html] of Object.entries(pages))
    it.each(engines)(
      `keeps its first questions and answers, up to the story's length, ${where} (%s)`,
      async (engine) => {
        const document = await clean(html, { ...bridge, engine });
        const blocks = document.text.split('\n\n');
        const at = blocks.indexOf('Frequently asked questions');
        expect(at).toBeGreaterThan(0);
        expect(blocks[at - 1]).toBe(story[3]);
        const kept = blocks.slice(at + 1);
        // Whole questions and answers, in order, from the first: at least two, not all.
        expect(kept.length % 2).toBe(0);
        expect(kept).toEqual(LONG_BRIDGE_FAQ.flat().slice(0, kept.length));
        expect(kept.length).toBeGreaterThanOrEqual(4);
        expect(kept.length).toBeLessThan(LONG_BRIDGE_FAQ.length * 2);
        expect(['Frequently asked questions', ...kept].join('').length).toBeLessThanOrEqual(storyChars);
        expect(document.text).not.toContain(LONG_BRIDGE_FAQ[LONG_BRIDGE_FAQ.length - 1]![0]);
      },
    );
});

describe('a questions heading that names its subject first, and questions drawn with an icon font', () => {
  it.each(['linkedom', 'jsdom'] as const)(
    'takes "Heat pump grants: FAQs" and "Heat pump FAQ" as questions headings (%s)',
    async (engine) => {
      for (const heading of [
        'Heat pump grants: FAQs',
        'Heat pump FAQ',
        'Heat pump grants – frequently asked questions',
      ]) {
        const document = await clean(page(`<h2>${heading}</h2>${asked('h3')}`), { ...options, engine });
        const blocks = document.text.split('\n\n');
        expect(blocks.slice(blocks.indexOf(heading) + 1), heading).toEqual(QUESTIONS.flat());
      }
    },
  );

  it.each(['linkedom', 'jsdom'] as const)(
    "drops an icon font's ligature, so a question ends with its question mark (%s)",
    async (engine) => {
      const items = QUESTIONS.map(
        ([question, answer]) =>
          `<div class="item"><div class="item-title">${question} <i class="material-icons">chevron_right</i></div><div class="item-body"><p>${answer}</p></div></div>`,
      ).join('');
      const document = await clean(page(`<h2>Heat pump grants: FAQs</h2><div class="faq">${items}</div>`), {
        ...options,
        engine,
      });
      expect(document.text).not.toContain('chevron_right');
      const blocks = document.text.split('\n\n');
      expect(blocks.slice(blocks.indexOf('Heat pump grants: FAQs') + 1)).toEqual(QUESTIONS.flat());
      expect(document.removed.find((removal) => removal.text === 'chevron_right')?.rule).toBe(
        'boilerplate/icon-ligature',
      );
    },
  );

  // Each heading names the questions words last after a letter, so only the list test keeps it out.
  it.each(
    (['linkedom', 'jsdom'] as const).flatMap((engine) =>
      [
        'Maps, opening hours and FAQs',
        'Maps, prices, opening hours and FAQs',
        'Maps, prices, opening hours, and FAQs',
        'Maps and FAQs',
        'Shop – Delivery – FAQ',
      ].map((heading) => [heading, engine] as const),
    ),
  )('does not take a menu heading that lists other things before the questions: %s (%s)', async (heading, engine) => {
    const document = await clean(page(`<h2>${heading}</h2>${asked('h3')}`), { ...options, engine });
    expect(document.text).toContain('Paragraph 10 about heat pumps');
    expect(document.text).not.toContain(QUESTIONS[1]![1]);
  });

  it.each(['linkedom', 'jsdom'] as const)(
    'takes a heading that names one subject with "and" before the questions (%s)',
    async (engine) => {
      const document = await clean(page(`<h2>Heat pump and grant FAQs</h2>${asked('h3')}`), { ...options, engine });
      expect(document.text).toContain(QUESTIONS[1]![1]);
    },
  );
});

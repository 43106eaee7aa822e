import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import type { CleanOptions } from './options.js';
import { DOM_ORDER, PIPELINE_DOM_RULES } from './dom-engine.js';
import { RULES, RULE_PACK_HASH, rulePackHash } from './rules.js';
import type { RuleDefinition, RuleExample } from './rules.js';
import { LINE_ORDER, TEXT_STEPS } from './text-engine.js';
import { squash } from './text-util.js';

const PARAGRAPHS = [
  'The council met on Monday evening to discuss the new library, which has been planned for almost ten years and will be built next to the old market hall.',
  'Construction is due to start in the spring. The architects say the building will use timber from local forests and will need far less energy than the old one.',
  'Residents who spoke at the meeting welcomed the plans but asked for longer opening hours at weekends, when most families have time to visit.',
  'The old library will stay open until the new one is finished. Its books will move in stages, starting with the children’s section and the local archive.',
  'A second meeting is planned for the autumn, when the council expects the final costs from the builders and a date for the opening of the new building.',
  'Until then the plans can be seen in the town hall on weekdays, and residents may send their comments to the council by letter or at the front desk.',
  'The library board will meet every month until the opening, and its minutes will be published on the council website within a week of each meeting.',
  'Local schools have asked for a room where classes can visit, and the architects have added one on the ground floor next to the children’s section.',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The test article with the example's markup placed as it asks. */
function pageWith(example: RuleExample): string {
  const markup = example.input.startsWith('<') ? example.input : `<p>${escapeHtml(example.input)}</p>`;
  const paragraphs = PARAGRAPHS.map((text) => `<p>${text}</p>`);
  const at = example.at ?? 'middle';
  const parts =
    at === 'top'
      ? [markup, ...paragraphs]
      : at === 'end'
        ? [...paragraphs, markup]
        : [...paragraphs.slice(0, 4), markup, ...paragraphs.slice(4)];
  return `<!doctype html><html lang="en"><head><title>Library plans</title></head><body><article><h1>Library plans</h1>${parts.join('\n')}</article></body></html>`;
}

/** Each of `inputs` at the top and at the end of the test article, on both engines: `[at, engine, input]`. */
const atTopAndEndOnBothEngines = (inputs: readonly string[]) =>
  (['linkedom', 'jsdom'] as const).flatMap((engine) =>
    inputs.flatMap((input) => (['top', 'end'] as const).map((at) => [at, engine, input] as const)),
  );

/** Expect the line `input`, placed `at` in the test article at `url`, to be taken out by `rule`. */
async function expectLineTakenBy(
  rule: string,
  input: string,
  at: RuleExample['at'],
  engine: 'linkedom' | 'jsdom',
  url: string,
): Promise<void> {
  const document = await clean(pageWith({ input, at }), { url, engine });
  expect(document.text).not.toContain(input);
  expect(document.removed.find((removal) => squash(removal.text) === input)?.rule).toBe(rule);
}

function optionsFor(example: RuleExample, extra: CleanOptions = {}): CleanOptions {
  const options: CleanOptions = { url: 'https://news.example/library', ...extra };
  if (example.options?.captions) options.captions = example.options.captions;
  if (example.options?.pageType) options.pageType = example.options.pageType;
  if (example.options?.repeatedLines) options.repeatedLines = { ...example.options.repeatedLines };
  const remove = [
    ...(example.options?.siteRemove ?? []),
    ...(example.options?.siteRemoveText ?? []).map((text) => ({ text })),
  ];
  if (remove.length > 0) options.siteRules = { sites: { 'news.example': { remove } } };
  return options;
}

function targetOf(example: RuleExample): string {
  if (example.target !== undefined) return example.target;
  if (example.input.startsWith('<')) throw new Error(`an example in markup needs a target: ${example.input}`);
  return example.input;
}

const removedBy = (rule: RuleDefinition, target: string) => (removal: { rule: string; text: string }) =>
  removal.rule === rule.id && squash(removal.text).includes(target);

describe('the rule pack', () => {
  it('has unique ids of the form category/name, a description and examples of both kinds for every rule', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id.startsWith(`${rule.category}/`), rule.id).toBe(true);
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.examples.remove.length, `${rule.id}: remove examples`).toBeGreaterThan(0);
      expect(rule.examples.keep.length, `${rule.id}: keep examples`).toBeGreaterThan(0);
      expect(rule.dom !== undefined || rule.text !== undefined, `${rule.id}: a matcher`).toBe(true);
    }
  });

  it('runs every DOM matcher and every line test, and only those, in the engines', () => {
    expect([...DOM_ORDER, ...PIPELINE_DOM_RULES].sort()).toEqual(
      RULES.filter((rule) => rule.dom)
        .map((rule) => rule.id)
        .sort(),
    );
    expect([...LINE_ORDER].sort()).toEqual(
      RULES.filter((rule) => rule.text?.lines)
        .map((rule) => rule.id)
        .sort(),
    );
    for (const rule of RULES) {
      const procedure = rule.text?.procedure;
      if (procedure) expect(TEXT_STEPS, rule.id).toContain(procedure);
      if (rule.dom)
        expect(
          rule.stages.some((stage) => stage.startsWith('dom-')),
          rule.id,
        ).toBe(true);
      if (rule.text) expect(rule.stages, rule.id).toContain('text');
    }
  });

  it('hashes the definitions: a changed pattern, selector or model weight changes the hash', () => {
    expect(RULE_PACK_HASH).toMatch(/^[0-9a-f]{64}$/);
    expect(rulePackHash()).toBe(RULE_PACK_HASH);
    const withPattern = RULES.map((rule) =>
      rule.id === 'cookie-consent/line'
        ? { ...rule, text: { lines: [{ reason: 'x', pattern: /^we use cookies/i }] } }
        : rule,
    );
    expect(rulePackHash({ rules: withPattern })).not.toBe(RULE_PACK_HASH);
    const flags = RULES.map((rule) =>
      rule.id === 'cookie-consent/line'
        ? {
            ...rule,
            text: { lines: [{ ...rule.text!.lines![0]!, pattern: new RegExp(rule.text!.lines![0]!.pattern!.source) }] },
          }
        : rule,
    );
    expect(rulePackHash({ rules: flags })).not.toBe(RULE_PACK_HASH);
    const selectors = RULES.map((rule) =>
      rule.dom?.kind === 'selectors' && rule.id === 'share/widget'
        ? { ...rule, dom: { ...rule.dom, selectors: [...rule.dom.selectors, '.share-more'] } }
        : rule,
    );
    expect(rulePackHash({ rules: selectors })).not.toBe(RULE_PACK_HASH);
    const examples = RULES.map((rule) => ({ ...rule, examples: { remove: [], keep: [] } }));
    expect(rulePackHash({ rules: examples })).toBe(RULE_PACK_HASH);
    const a = rulePackHash({ models: { blocks: { weights: [0.5, -1.25] } } });
    expect(a).not.toBe(RULE_PACK_HASH);
    expect(rulePackHash({ models: { blocks: { weights: [0.5, -1.5] } } })).not.toBe(a);
  });
});

describe('every rule on its examples', () => {
  for (const rule of RULES) {
    for (const example of rule.examples.remove) {
      it(`${rule.id} removes: ${example.target ?? example.input}`, async () => {
        const target = targetOf(example);
        const document = await clean(pageWith(example), optionsFor(example));
        expect(
          document.removed.filter(removedBy(rule, target)),
          JSON.stringify(document.removed, null, 1),
        ).not.toHaveLength(0);
        // A rule that removes a repeat leaves the first copy where it stood.
        expect(document.text.split(target).length - 1).toBe(example.keptOnce ? 1 : 0);
        // The rule turned off (by its id): it removes nothing.
        const off = await clean(pageWith(example), optionsFor(example, { disabledCategories: [rule.id] }));
        expect(off.removed.filter((removal) => removal.rule === rule.id)).toHaveLength(0);
      });
    }
    for (const example of rule.examples.keep) {
      it(`${rule.id} keeps: ${example.target ?? example.input}`, async () => {
        const target = targetOf(example);
        const document = await clean(pageWith(example), optionsFor(example));
        expect(document.removed.filter(removedBy(rule, target))).toHaveLength(0);
        expect(document.text, JSON.stringify(document.removed, null, 1)).toContain(target);
      });
    }
  }
});

describe('disabled rules', () => {
  const line = 'Sign up for our newsletter to support our donation drive';
  const page = pageWith({ input: line, at: 'end' });

  it('a line two rules match goes to the first, and to the second when the first is off', async () => {
    const on = await clean(page);
    expect(on.removed.find((removal) => removal.text === line)?.rule).toBe('donation/appeal');
    for (const disabledCategories of [['donation'], ['donation/appeal']]) {
      const off = await clean(page, { disabledCategories });
      expect(off.removed.find((removal) => removal.text === line)?.rule).toBe('newsletter/signup-line');
      expect(off.text).not.toContain(line);
    }
  });
});

describe('date lines on both engines', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const dated = (['top', 'end'] as const).flatMap((at) =>
    ['Published Tuesday', 'Updated just now', 'Veröffentlicht am Montag', 'Last updated this week'].map(
      (input) => ({ input, at }) as RuleExample,
    ),
  );

  it.each(engines.flatMap((engine) => dated.map((example) => [example.input, example.at, engine] as const)))(
    'a date label with the day in words goes: %s (%s, %s)',
    (input, at, engine) => expectLineTakenBy('metadata-line/date', input, at, engine, 'https://news.example/library'),
  );

  it.each(
    engines.flatMap((engine) =>
      ['Published by Harbour Games in 2019', 'Published by Harbour Games on Tuesday'].map(
        (input) => [input, engine] as const,
      ),
    ),
  )('a publisher line stays, whatever date it names: %s (%s)', async (input, engine) => {
    const document = await clean(pageWith({ input, at: 'end' }), { url: 'https://news.example/library', engine });
    expect(document.text).toContain(input);
  });
});

describe('account prompts on both engines', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const prompt = 'Already have an account';

  it.each(engines.flatMap((engine) => (['middle', 'end'] as const).map((at) => [at, engine] as const)))(
    'a bare "Already have an account" line above its log-in link goes (%s, %s)',
    async (at, engine) => {
      const input = `<p>${prompt}</p><p><a href="/login">Log in</a></p>`;
      const document = await clean(pageWith({ input, at, target: prompt }), {
        url: 'https://news.example/library',
        engine,
      });
      expect(document.text).not.toContain(prompt);
      expect(document.removed.find((removal) => squash(removal.text) === prompt)?.rule).toBe('paywall-notice/line');
    },
  );

  it.each(engines)('a sentence about another account that asks no log-in stays (%s)', async (engine) => {
    const input =
      'You already have an account at the harbour office, so bring your mooring number and the last bill to the desk.';
    const document = await clean(pageWith({ input, at: 'end' }), { url: 'https://news.example/library', engine });
    expect(document.text).toContain(input);
  });
});

describe('podcast platform lines on both engines', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const options = (engine: 'linkedom' | 'jsdom') => ({
    url: 'https://news.example/library',
    engine,
    pageType: 'article' as const,
  });
  const platformRemovals = (removed: ReadonlyArray<{ rule: string }>) =>
    removed.filter((removal) => removal.rule === 'promo/podcast-platforms').length;

  // A strip of platforms: the names, a short lead at most, or mostly links.
  const strips: Array<{ name: string; input: string; target: string }> = [
    {
      name: 'a call to listen',
      input: 'Listen to every episode on Spotify, Apple Podcasts, Stitcher or Pocket Casts',
      target: 'Listen to every episode on Spotify, Apple Podcasts, Stitcher or Pocket Casts',
    },
    {
      name: 'an "available on" line',
      input: 'Available on Spotify, Apple Podcasts, Google Podcasts and Pocket Casts.',
      target: 'Available on Spotify, Apple Podcasts, Google Podcasts and Pocket Casts.',
    },
    {
      name: 'bare names with no listening word',
      input: 'Castbox · Deezer · TuneIn · Amazon Music',
      target: 'Castbox · Deezer · TuneIn · Amazon Music',
    },
    {
      name: 'a row of links with no listening word',
      input:
        '<p><a href="https://example.com/1">Deezer</a> · <a href="https://example.com/2">Podbean</a> · <a href="https://example.com/3">SoundCloud</a> · <a href="https://example.com/4">YouTube Music</a></p>',
      target: 'Deezer · Podbean · SoundCloud · YouTube Music',
    },
    {
      name: 'a row of links whose names are also common words',
      input:
        '<p><a href="https://example.com/1">Spotify</a> | <a href="https://example.com/2">overcast</a> | <a href="https://example.com/3">RSS</a> | <a href="https://example.com/4">Anchor</a></p>',
      target: 'Spotify | overcast | RSS | Anchor',
    },
    {
      name: 'a longer lead before more names than its words',
      input:
        'An audio version of this report is on Deezer, Spreaker, Castbox, Podbean, TuneIn, Stitcher, Pocket Casts and Podimo.',
      target:
        'An audio version of this report is on Deezer, Spreaker, Castbox, Podbean, TuneIn, Stitcher, Pocket Casts and Podimo.',
    },
  ];
  for (const strip of strips) {
    it.each(engines)(`${strip.name} goes (%s)`, async (engine) => {
      const document = await clean(pageWith({ input: strip.input, at: 'middle' }), options(engine));
      expect(document.text).not.toContain(strip.target);
      expect(document.removed.find((removal) => squash(removal.text) === strip.target)?.rule).toBe(
        'promo/podcast-platforms',
      );
    });
  }

  // Sentences that name the services among other words, with the words a call to listen uses.
  const sentences: Array<{ name: string; input: string }> = [
    {
      name: 'a price rise to subscribe',
      input:
        'Deezer, Stitcher and Amazon Music all asked more to subscribe from April, the consumer group says, while TuneIn kept its old price.',
    },
    {
      name: 'what the services pay per listen',
      input:
        'SoundCloud, Deezer and Spotify pay the choir a sliver of a cent per listen, its treasurer said, and the hall hire costs more.',
    },
    {
      name: 'a market share of podcast apps',
      input:
        'Apple Podcasts fell behind Spotify as the podcast app most people used this winter, with Castbox and Podbean far behind, the poll found.',
    },
    {
      name: 'common words that are also platform names',
      input:
        'In the fourth episode the anchor walks under an overcast sky, and the bell is barely audible over the gulls.',
    },
    {
      name: 'the German word for consequences',
      input: 'Die Folgen für Deezer, Spotify und TuneIn kann noch niemand absehen, sagen die Fachleute im Hafenamt.',
    },
  ];
  for (const sentence of sentences) {
    it.each(engines)(`a sentence naming platforms stays: ${sentence.name} (%s)`, async (engine) => {
      const document = await clean(pageWith({ input: sentence.input, at: 'middle' }), options(engine));
      expect(document.text).toContain(sentence.input);
      expect(platformRemovals(document.removed)).toBe(0);
    });
  }
});

describe('affiliate disclosures on both engines', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const disclosures = [
    'Should you order a tent after clicking one of the links in this post, I may receive a modest commission from the outfitter.',
    'Ordering via our links can earn us a few pence of commission, which pays for the test kitchen.',
    'Pick up a gadget through one of our links and we might collect a referral commission from the seller.',
    'Wenn du über diese Links etwas kaufst, erhalten wir eine kleine Provision; für dich ändert sich der Preis nicht.',
    'Some of the links in this review are affiliate links.',
    // The site's own disclosure in French, Spanish and Italian (first person: nous, podemos, possiamo).
    'Si vous commandez une lampe via nos liens, nous pouvons percevoir une petite commission auprès du marchand.',
    'Si compras una lámpara a través de nuestros enlaces, podemos recibir una pequeña comisión de la tienda.',
    'Se ordini una lampada tramite i nostri link, possiamo ricevere una piccola commissione dal negozio.',
    // A disclosure that is most of its paragraph, after a short line of its own.
    'Every lamp in this round-up was picked by our lighting desk. Orders placed through our links can earn us a modest commission.',
    // The links below, a link in this post; no extra cost to the reader.
    'Book a cabin by clicking the links below and we might get a tiny commission from the lodge.',
    'We could collect a small commission on the gear you order, without any extra cost to you.',
    // The page holding affiliate links, with an aside between, or the site's posts in the plural.
    'Our review (updated for spring) may contain affiliate links to the outfitters it names.',
    'Many of our articles may include affiliate links.',
    // A short pointer to the policy or a thank-you beside the disclosure is part of it.
    'This guide may contain affiliate links. See our disclosure page for the details.',
    'This review uses affiliate links. Thank you for supporting the workshop!',
    // Headed as the disclosure: the heading names the links, the earning clause needs no path.
    'Affiliate links: we might collect a modest fee as commission when a reader orders a kayak.',
    'Affiliate-Links: Bestellst du ein Paddel, bekommen wir dafür eine kleine Provision vom Laden.',
    // The bare marker beside a link.
    '*Affiliate link',
  ];
  // A story about commissions or affiliate programmes: somebody else earns, or the line is reported speech.
  const reporting = [
    'Ski-hire desks at the hotel push the premium boots, as the clerks get a commission on each pair rented, so ask them who pays them first.',
    'We found that many influencers earn commissions through links they never disclose to their followers, and the regulator has now opened an inquiry.',
    'Amazon cut the rates of its affiliate programme this spring, which helps bloggers earn commissions through links on their sites, by as much as half.',
    '“We earn a commission when readers buy through our links, and we tell them so on every page,” said the founder of the deal site.',
    'The regulator said that sites which earn from qualifying purchases must say so clearly and next to the link, not in the footer.',
    'Shoppers buying through the links in the influencers’ posts paid more on average than those who went to the shop directly.',
    'Under the deal, we get a commission only when a buyer completes the purchase through our links, the agent explained to the tribunal.',
    // Somebody else's page or list holds affiliate links.
    'This blog post by the mayor includes affiliate links to a relative’s furniture shop, and the council will look into it next month.',
    'Many products in the top-ten lists have affiliate links attached, and the cheapest options rarely make it into them.',
    'The handbook from the consumer group has affiliate links taken out of every entry, so readers see no paid listings at all.',
    'Laut einer Umfrage enthalten viele Ratgeberseiten sogenannte Affiliate-Links, die kaum jemand bemerkt.',
    // Reported speech in the other languages the rule reads.
    'Für Käufe über diese Links erhalten wir eine Provision, schreibt der Händler im Kleingedruckten; Kritiker finden das zu versteckt.',
    'Pour chaque achat via ces liens, le site peut percevoir une commission, selon l’enquête publiée par le magazine.',
    // A story or a list item that opens with the word: no advertising label either.
    'Affiliate links were used to lure fans of the band onto a forged ticket shop, the venue believes.',
    'Affiliate programme tools: recruit partners, track their referral links and pay them monthly.',
    'In this guide, written with a lawyer, we explain when a website has affiliate links and must say so.',
    // Statements about affiliate links in general: no owner (our, my; on this site).
    'Some guides have affiliate links and others do not, and readers can rarely tell which is which.',
    'Many reviews contain affiliate links.',
    "All articles have affiliate links these days, grumbled one reader writing to the paper's editor.",
    // A pointer to a policy with no disclosure beside it.
    'See the privacy page to check how long your data is kept.',
    // First-person prose about somebody else's links.
    'Back when I sold insurance, I would get a commission from the links the head office mailed to each of my clients.',
    'We earn a share of the revenue through partner links only since the new contract was signed with the printers last year.',
    // The site says it earns NO commission: an independence statement, not advertising.
    'We earn no commission through our links: every kettle in this test was paid for out of our own budget and returned to the shop afterwards.',
    'Über diese Links erhalten wir keine Provision; die Rucksäcke im Test haben wir selbst bezahlt und danach verschenkt.',
    // Shopping through the site's links with no commission, affiliate or earning in the sentence.
    'Shopping through our links is easy: choose a stall on the market plan, fill your basket and pay at the counter as usual.',
    'If you buy through our links before Friday, the bakery delivers the cake to your door free of charge.',
    // Somebody else's commission in French, Spanish and Italian (no first-person subject).
    'Des vlogueurs peuvent percevoir une commission via ces liens sans en avertir leur public, dénonce une association de consommateurs.',
    'Los creadores pueden recibir una comisión a través de estos enlaces sin avisar a sus seguidores, denuncia la asociación de usuarios.',
    'Gli influencer possono ricevere una commissione tramite questi link senza dirlo ai follower, denuncia l’associazione dei consumatori.',
  ];

  it.each(atTopAndEndOnBothEngines(disclosures))('an affiliate disclosure goes (%s, %s): %s', (at, engine, input) =>
    expectLineTakenBy('advertisement/affiliate-disclosure', input, at, engine, 'https://news.example/library'),
  );

  it.each(engines.flatMap((engine) => reporting.map((input) => [engine, input] as const)))(
    'reporting about commissions stays (%s): %s',
    async (engine, input) => {
      const document = await clean(pageWith({ input, at: 'middle' }), {
        url: 'https://news.example/library',
        engine,
      });
      expect(document.text).toContain(input);
      expect(
        document.removed.filter((removal) => removal.category === 'advertisement' && removal.text.includes(input)),
      ).toEqual([]);
    },
  );

  // A review's own findings, then a closing disclosure: the disclosure is not most of the paragraph.
  const findings =
    'We boiled water in nine kettles over a month; the Model Q heated a litre in two minutes fifty and made the least noise, so it is our choice under forty euros.';
  it.each(engines)('a paragraph of findings that ends in a disclosure stays whole (%s)', async (engine) => {
    const input = `${findings} Order one through our links and we would get a modest commission from the retailer.`;
    const document = await clean(pageWith({ input, at: 'middle' }), { url: 'https://news.example/library', engine });
    expect(document.text).toContain(findings);
    expect(document.removed.filter((removal) => removal.rule === 'advertisement/affiliate-disclosure')).toEqual([]);
  });
});

describe("a sign-up form's fine print and confirmation on both engines", () => {
  const engines = ['linkedom', 'jsdom'] as const;
  const notices = [
    'By subscribing to the harbour bulletin, you consent to our harbour data rules and the weekly sailing notes.',
    'By entering your number you agree to receive text messages from the ferry desk about delays.',
    "By clicking this green button, I consent to the allotment society's data notice.",
    'Thank you for subscribing to our tide tables!',
    "Great! You're subscribed.",
  ];
  const prose = [
    'By signing up for the night course, you agree to sit the written exam in spring and to attend at least nine of the twelve evenings.',
    'Thanks for subscribing to the idea that rivers need room: the council has now bought two fields upstream of the weir for flooding.',
    'By clicking through the old archive, you understand how much the town changed between the two wars.',
    // Reporting about some service's terms, or terms that are not the site's own.
    "By signing up there, you agree to terms that let the fitness app sell your route history, the watchdog's report says.",
    'By creating an account you accept a privacy policy longer than most novels, which hardly anyone reads.',
    'By registering for the course, you accept the terms set by the college for both exams.',
  ];

  it.each(atTopAndEndOnBothEngines(notices))('the form line goes (%s, %s): %s', (at, engine, input) =>
    expectLineTakenBy('newsletter/signup-line', input, at, engine, 'https://news.example/harbour'),
  );

  it.each(engines.flatMap((engine) => prose.map((input) => [engine, input] as const)))(
    'prose that opens the same way stays (%s): %s',
    async (engine, input) => {
      const document = await clean(pageWith({ input, at: 'middle' }), { url: 'https://news.example/harbour', engine });
      expect(document.text).toContain(input);
      expect(document.removed.filter((removal) => removal.text.includes(input))).toEqual([]);
    },
  );
});

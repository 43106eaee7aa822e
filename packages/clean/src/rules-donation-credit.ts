/** Rules of the categories donation, image-credit and caption. */

import { AGENCIES, TRAILING_CREDIT } from './rule-patterns.js';
import { defineRules } from './rule-types.js';
import type { RuleStage } from './rule-types.js';

const BOTH = ['dom-before', 'dom-after'] as const satisfies readonly RuleStage[];

/**
 * Words after "Support" that make it a feature, a heading or a help desk rather than an appeal:
 * function words ("Support for …", "Support and …", "Support can be slow") and the nouns
 * "support" forms compounds with (support groups, options, team, tickets, plans, vector machines).
 */
const SUPPORTED_THINGS =
  'and|&|for|with|of|to|in|on|at|both|can|could|is|are|was|were|will|may|might|has|have|user|users|multiple|other|all|' +
  'options?|groups?|teams?|tickets?|cent(?:er|re)s?|desks?|portals?|hours|plans?|tiers?|services?|levels?|staff|' +
  'pages?|subscriptions?|vectors?|documents?|articles?|requests?|contracts?|agreements?';

/** "Support us", "Support our …": the reader is asked to support the site itself. */
const APPEAL_OBJECTS = 'us|our|my';

export const DONATION_CREDIT_RULES = defineRules([
  {
    id: 'donation/widget',
    category: 'donation',
    description:
      'Known donation plugin markup (GiveWP, Charitable, PayPal donate forms, Jetpack donations, Ko-fi/Patreon buttons).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'donation plugin markup',
      selectors: [
        '.give-form-wrap',
        '.give-form',
        '.charitable-donation-form',
        '.seamless-donations-form',
        '.paypal-donations',
        '.donation-form',
        '.donate-form',
        '.dgx-donate',
        'form[action*="paypal.com/cgi-bin/webscr"]',
        'form[action*="paypal.com/donate"]',
        '.wp-block-jetpack-donations',
        '.kofi-button',
        '.patreon-button',
        '.donation-box',
        '.donate-box',
        '.wpedon-container',
        '.donation-widget',
      ],
    },
    examples: {
      remove: [{ input: '<div class="give-form-wrap"><p>Give to the fund</p></div>', target: 'Give to the fund' }],
      keep: [{ input: '<div class="gift-guide"><p>Give to the fund</p></div>', target: 'Give to the fund' }],
    },
  },
  {
    id: 'donation/ladder',
    category: 'donation',
    description:
      "A run of two or more lines that are only money amounts (a donation ladder), with the campaign date line next to it. Not on product or collection pages (page-type-rules.ts): there such lines are the shop's prices, a sale price over the old one or one card's price after another's.",
    stages: ['text'],
    revision: 2,
    text: {
      procedure: 'amount-run',
      patterns: {
        amount: /^(?:[$€£¥₹]\s?\d[\d.,' ]*(?:[.,]\d+)?|\d[\d.,' ]*\s?(?:[$€£¥₹]|usd|eur|gbp|chf|dollars?|euros?))$/i,
        monthYear:
          /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember)\s+\d{4}$/i,
      },
    },
    examples: {
      remove: [{ input: '<p>May 2024</p><p>$5</p><p>$10</p><p>$25</p>', target: '$10' }],
      keep: [
        { input: '<p>$5</p><p>The fare went up.</p>', target: '$5' },
        // A shop's prices, a sale price over the old one.
        { input: '<p>$15.99</p><p>$19.99</p>', target: '$15.99', options: { pageType: 'collection' } },
        { input: '<p>$15.99</p><p>$19.99</p>', target: '$19.99', options: { pageType: 'product' } },
      ],
    },
  },
  {
    id: 'donation/appeal',
    category: 'donation',
    description:
      'A short stand-alone appeal such as "Support us", "Support our newsroom", "Donate", "Jetzt spenden"; "Support <Name>" above the article’s first long paragraph, below its last one or as a link, not as a heading; and a short line at the edge of the article that asks for donations (a donation word with "support" or "help"). Not an appeal: a heading "Support <Name>" ("Support Policy", "Support Lifecycle"), also one written as a paragraph all in bold, "Support" followed by a function word or a noun it forms a compound with (support for, support and, support groups, support options), a label "Support:" and a lone "Support" (features, headings, help-desk links); "don’t" (not the French "don"), names such as "Donald" or "Donaldson"; PayPal named among payment options or paid with.',
    stages: ['text'],
    revision: 6,
    text: {
      lines: [
        {
          reason: 'a short stand-alone donation appeal',
          pattern:
            /^(?:donate(?: to| now)?|make a donation|become a (?:patron|member|supporter)|please (?:support|donate)|jetzt spenden|spenden|unterstützen sie (?:uns|\S+)|unterstütze (?:uns|\S+)|faire un don|soutenez(?:-nous)?|dona(?: ora)?|apoya(?:nos)?|doneer)\b/i,
          maxChars: 200,
          maxWords: 8,
          notSentence: true,
        },
        {
          // "Support our newsroom", "Support us": the reader is asked, even in the heading of a
          // donation box.
          reason: 'a short stand-alone donation appeal',
          pattern: new RegExp(`^support\\s+(?:${APPEAL_OBJECTS})\\b[^:]*$`, 'i'),
          maxChars: 80,
          notSentence: true,
        },
        // "Support Harbour Radio": a name after "Support" is an appeal where appeals stand, above the
        // article's first paragraph or below its last one, or as a link (a button); never as a
        // heading, an <h*> or a paragraph all in bold ("Support Policy", "Support Lifecycle" head
        // sections of a page). Not "Support and
        // maintenance", "Support for real calls", "Support groups" anywhere.
        ...[
          { head: true, notBoldParagraph: true },
          { tail: true, notBoldParagraph: true },
          { links: { over: 0.5, plain: 'fail' as const } },
        ].map((where) => ({
          reason: 'a short stand-alone donation appeal',
          pattern: new RegExp(`^support\\s+(?!(?:${SUPPORTED_THINGS})(?!\\w))[^\\s:]+(?:\\s+\\S+){0,2}$`, 'i'),
          maxChars: 80,
          notSentence: true,
          notHeading: true,
          ...where,
        })),
        ...[{ after: 0.6 }, { firstBlocks: 2 }].map((where) => ({
          reason: 'a short donation appeal at the edge of the article',
          pattern:
            /\b(?:donat\w*|don(?:ar|are|azion[ei]|aci[oó]n|a[cç][aã]o|a[cç][oõ]es|eer|eren)|spende\w*|patreon|paypal\.me|ko-fi|buy me a coffee|(?:un|faire un|faites un|votre) don(?!['’]))\b|\b(?:via|on|through|per) paypal\b|(?<!\S)über paypal\b/i,
          also: /\b(?:support|unterstütz\w*|help|soutenir|apoyar|sostenere|steun)\b/i,
          maxChars: 300,
          ...where,
        })),
      ],
    },
    examples: {
      remove: [
        { input: 'Support Our Newsroom' },
        { input: 'Support Harbour Radio', at: 'top' },
        { input: 'Support Harbour Radio', at: 'end' },
        { input: '<p><a href="/donate">Support Harbour Radio</a></p>', target: 'Support Harbour Radio' },
        { input: '<h3>Support our newsroom</h3>', target: 'Support our newsroom', at: 'end' },
        { input: 'Please help us keep going: every donation counts.', at: 'end' },
        { input: 'Help us keep the site free: buy me a coffee via PayPal', at: 'end' },
        // "über" starts with a letter outside \w: no \b before it.
        { input: 'Wenn Ihnen der Artikel gefällt, unterstützen Sie uns bitte über PayPal.', at: 'end' },
        { input: 'Ayúdanos con una donación para apoyar el periodismo local', at: 'end' },
      ],
      keep: [
        {
          input:
            'Support for the plan grew over the summer, when the council published the figures for the new building.',
        },
        { input: 'The charity asked for help and donations after the flood.', at: 'middle' },
        // Features and headings that start with the word.
        { input: 'Support and Maintenance' },
        { input: 'Support for real calls and messages' },
        { input: 'Support: 24/7 help by phone and e-mail' },
        { input: 'Support Groups' },
        // Headings of a page's sections, wherever they stand.
        { input: '<h2>Support Policy</h2>', target: 'Support Policy' },
        { input: '<h2>Support Lifecycle</h2>', target: 'Support Lifecycle' },
        { input: '<h3>Support Matrix</h3>', target: 'Support Matrix', at: 'top' },
        { input: '<p><strong>Support Lifecycle</strong></p>', target: 'Support Lifecycle', at: 'top' },
        { input: '<p><b>Support Matrix</b></p>', target: 'Support Matrix', at: 'end' },
        { input: 'Support Lifecycle' },
        { input: 'Support' },
        // "don't" is no French "don"; a payment platform named in a list is no appeal.
        { input: "Don't worry if the first loaf fails, we are here to help.", at: 'end' },
        // Names are no donation words; paying with PayPal is no appeal.
        { input: 'Donald Trump has won the support of the party.', at: 'end' },
        { input: 'Mayor Anne Donaldson said she would help the families.', at: 'end' },
        { input: 'Readers can help by paying with PayPal or a card.', at: 'end' },
        { input: 'Plans include PayPal and Stripe payments and priority support.', at: 'end' },
      ],
    },
  },
  {
    id: 'image-credit/element',
    category: 'image-credit',
    description: 'Credit markup inside figures and captions (.credit, .photo-credit, itemprop=copyrightHolder).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'image credit markup',
      selectors: [
        'figure .credit',
        'figure .credits',
        '.image-credit',
        '.photo-credit',
        '.media-credit',
        '.wp-caption-credit',
        'figure .copyright',
        'figcaption .copyright',
        '[itemprop="copyrightHolder"]',
        '[itemprop="creditText"]',
        '.caption .credit',
        '.img-credit',
        '.credit-caption',
        '.image-source',
        'figcaption small',
      ],
    },
    examples: {
      remove: [
        {
          input:
            '<figure><img src="a.jpg"><figcaption>The hall. <span class="photo-credit">Jane Roe</span></figcaption></figure>',
          target: 'Jane Roe',
          options: { captions: 'keep' },
        },
      ],
      keep: [
        {
          input: '<p>The hall, <span class="credit">as Jane Roe put it</span>, is old.</p>',
          target: 'as Jane Roe put it',
        },
      ],
    },
  },
  {
    id: 'image-credit/credit-line',
    category: 'image-credit',
    description:
      'A line that is only an image credit ("Photo: …", "© …", "Courtesy of …", an agency such as Getty Images or Alamy).',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'a line that is only an image credit',
          pattern: new RegExp(
            `^\\(?(?:(?:photo|photos|image|images|picture|pictures|foto|fotos|bild|bilder|credit|credits|quelle|source|illustration|grafik|video|photograph|photography|crédit|crédits|fuente|foto di|źródło|zdjęcie|фото|источник)\\s*(?:credit|credits|nachweis)?\\s*[:©]|©|\\(c\\)\\s|copyright\\b|courtesy(?: of)?\\b|(?:${AGENCIES})\\b.{0,60}$)`,
            'i',
          ),
          maxChars: 160,
        },
      ],
    },
    examples: {
      remove: [{ input: 'Photo: Jane Roe' }, { input: 'Getty Images' }],
      keep: [
        { input: 'Reuters reported the figures first, and the council confirmed them a day later in a statement.' },
      ],
    },
  },
  {
    id: 'image-credit/trailing-credit',
    category: 'image-credit',
    description:
      'The credit clause at the end of a caption line ("… Courtesy of X / Alamy Stock Photo", "(Photo: X)"). On a line that does not read as a caption (more than 40 words before the credit; before a credit that only names an agency or says "courtesy of", a line away from any picture, or in plain text more than one sentence or a news agency\'s name alone) a photo or copyright credit is still cut off, and an agency or "courtesy of" is left in the prose; an agency in brackets before the sentence\'s full stop ("… the delegates (Reuters).") cites a report.',
    stages: ['text'],
    revision: 6,
    text: {
      lines: [
        {
          reason: 'the credit clause of a caption',
          procedure: 'trailing-credit',
          pattern: TRAILING_CREDIT,
          maxChars: 500,
          notHeading: true,
        },
      ],
    },
    examples: {
      remove: [
        {
          input: 'The old market hall in winter. (Photo: Jane Roe)',
          target: '(Photo: Jane Roe)',
          options: { captions: 'keep' },
        },
        // German writes the credit word as the end of a compound, taken whole.
        {
          input: 'Radfahrer auf dem Deich. Symbolbild: Jane Roe',
          target: 'Symbolbild: Jane Roe',
          options: { captions: 'keep' },
        },
      ],
      keep: [
        { input: 'The old market hall in winter, seen from the bridge.', options: { captions: 'keep' } },
        {
          input: 'The minister said the government would publish the full list of delegates next week (Reuters).',
          options: { captions: 'keep' },
        },
      ],
    },
  },
  {
    id: 'image-credit/enlarge',
    category: 'image-credit',
    description: 'Image viewer controls such as "Click to see full-size image", "Zum Vergrößern klicken".',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'an image viewer control',
          on: 'label',
          pattern:
            /^(?:click (?:here )?to (?:see|view|enlarge|open)(?: the)?(?: full[- ]?size| larger| full)?(?: image| photo| picture| version)?|click (?:on )?(?:the )?(?:image|photo|picture) to (?:enlarge|zoom)|(?:zum )?vergrößern(?: klicken| anklicken)?|bild (?:vergrößern|anklicken|öffnen)|enlarge(?: image| photo)?|view (?:full|larger) (?:image|photo|size)|expand image|agrandir(?: l'image)?|ampliar(?: imagen)?|ingrandisci)$/i,
          maxChars: 80,
        },
      ],
    },
    examples: {
      remove: [{ input: 'Click to see full-size image' }, { input: 'Zum Vergrößern klicken' }],
      keep: [{ input: 'Click to see how the hall will look: the architects put the drawings online this week.' }],
    },
  },
  {
    id: 'caption/figure',
    category: 'caption',
    description: 'Figure captions (figcaption, WordPress caption text) when captions are dropped.',
    stages: ['dom-before', 'dom-after', 'text'],
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'figure caption',
      captionsDropped: true,
      selectors: [
        'figcaption',
        '.wp-caption-text',
        '.wp-element-caption',
        '.caption',
        '.image-caption',
        '.photo-caption',
        '.img-caption',
        '[itemprop="caption"]',
        '.caption-text',
        '.media-caption',
      ],
    },
    text: { lines: [{ reason: 'a figure caption', blockKind: 'caption', captionsDropped: true }] },
    examples: {
      remove: [
        {
          input: '<figure><img src="a.jpg"><figcaption>The hall in winter.</figcaption></figure>',
          target: 'The hall in winter.',
        },
      ],
      keep: [
        {
          input: '<figure><img src="a.jpg"><figcaption>The hall in winter.</figcaption></figure>',
          target: 'The hall in winter.',
          options: { captions: 'keep' },
        },
      ],
    },
  },
  {
    id: 'caption/named',
    category: 'caption',
    description:
      'Captions in a site\'s own class scheme (a class token with the part caption: media__caption, photoCaption) when captions are dropped, on articles: holding no picture and no heading, beside a picture (an element up to three levels above holds one), 400 characters or less; none when they hold more than 30% of the text (a gallery), when three or more are numbered ("Step 1: …") or in an ordered list (the steps of a how-to).',
    stages: ['dom-before', 'dom-after'],
    pageTypes: ['article'],
    revision: 1,
    dom: { kind: 'procedure', procedure: 'named-caption', reason: 'a caption by its class, beside a picture' },
    examples: {
      remove: [
        {
          input:
            '<figure class="photo"><div class="photo__image"><img src="a.jpg" alt=""></div><div class="photo__caption">The hall in winter, seen from the square.</div></figure>',
          target: 'The hall in winter, seen from the square.',
        },
      ],
      keep: [
        {
          input: '<p class="intro__caption">The council will vote on the new library next week.</p>',
          target: 'The council will vote on the new library next week.',
        },
        {
          input:
            '<figure class="photo"><div class="photo__image"><img src="a.jpg" alt=""></div><div class="photo__caption">The hall in winter, seen from the square.</div></figure>',
          target: 'The hall in winter, seen from the square.',
          options: { captions: 'keep' },
        },
        {
          input:
            '<figure class="photo"><img src="a.jpg" alt=""><h3 class="photo__caption">The hall in winter</h3></figure>',
          target: 'The hall in winter',
        },
        {
          input: [1, 2, 3]
            .map(
              (n) =>
                `<div class="step"><img src="s${n}.jpg" alt=""><div class="step__caption">Step ${n}: fold the sheet along line ${n} and press it flat.</div></div>`,
            )
            .join(''),
          target: 'Step 2: fold the sheet along line 2 and press it flat.',
        },
        {
          input:
            '<ol class="steps"><li><img src="s1.jpg" alt=""><p class="step-caption">Mix the flour and the water in a bowl.</p></li><li><img src="s2.jpg" alt=""><p class="step-caption">Knead the dough for ten minutes.</p></li></ol>',
          target: 'Knead the dough for ten minutes.',
        },
      ],
    },
  },
  {
    id: 'caption/credited-line',
    category: 'caption',
    description:
      'A text line that ends with an image credit is a caption; dropped when captions are dropped. Only a line that reads as a caption: in caption markup, or at most 40 words before the credit; before a credit that only names an agency or says "courtesy of", a line beside a picture (an image, a video, a drawing in <svg>, an empty element whose style paints a picture with background-image; in plain text, where no picture shows, a single sentence, and not before a news agency\'s name alone). A paragraph of prose that ends by citing an agency ("… (Reuters).", "… delegates. (AFP)") stays.',
    stages: ['text'],
    revision: 6,
    text: {
      lines: [
        {
          reason: 'a caption (it carries an image credit)',
          procedure: 'credited-caption',
          pattern: TRAILING_CREDIT,
          maxChars: 500,
          notHeading: true,
          captionsDropped: true,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'The old market hall in winter. (Photo: Jane Roe)', target: 'The old market hall in winter.' },
        // A credit that only names an agency or says "courtesy of": a caption beside a picture.
        {
          input:
            '<div class="photo"><img src="a.jpg" alt=""><p>Farmers gather outside the ministry on Monday. (Reuters)</p></div>',
          target: 'Farmers gather outside the ministry on Monday.',
        },
        {
          input: '<p><img src="b.jpg" alt=""></p><p>The old fish market in winter / Getty Images</p>',
          target: 'The old fish market in winter',
        },
        { input: 'Radfahrer auf dem Deich. Symbolbild: Jane Roe', target: 'Radfahrer auf dem Deich.' },
        { input: 'Der Ausschuss im Rathaus. Bildquelle: Stadt Musterhausen', target: 'Der Ausschuss im Rathaus.' },
        { input: 'Die Baustelle an der Kreuzung. Archivfoto: Stadtwerke', target: 'Die Baustelle an der Kreuzung.' },
        // An artwork's caption: the full stops end a year and a size, not sentences.
        {
          input:
            '<div class="art"><a href="/big.jpg"><img src="c.jpg" alt=""></a><p>Jane Roe, The Harbour at Dawn (1906), 1911. Photogravure – 14.6 × 22.9 cm. Courtesy of the City Gallery.</p></div>',
          target: 'Jane Roe, The Harbour at Dawn (1906), 1911.',
        },
      ],
      keep: [
        {
          input: 'The old market hall in winter. (Photo: Jane Roe)',
          target: 'The old market hall in winter.',
          options: { captions: 'keep' },
        },
        // A citation of an agency's report (a year after the name) is no photo agency's credit.
        { input: 'Farm emissions fell by a tenth last year, the agency found in its annual report (EPA 2024).' },
        { input: 'Farm emissions fell by a tenth last year, the agency found in its report (EPA, March 2024).' },
        // A wire agency cited at the end of prose is no photo credit.
        {
          input: 'The minister said the government would publish the full list of delegates next week (Reuters).',
        },
        {
          input:
            'The minister said the talks would go on next week. The government would publish the full list of delegates. (AFP)',
        },
        {
          input:
            'Compared to the older model, this one has only one internal disk drive and two expansion slots. Its case is smaller and far easier to open. The one we tested came to us courtesy of a reader who had kept it in a cupboard for years.',
        },
        // One sentence of prose away from any picture that ends by citing an agency or thanking someone.
        {
          input:
            'The foreign minister told reporters that the talks would focus on insurance for the ships, which both sides have said were too slow. (Reuters)',
        },
        { input: 'A few of the paintings are on display courtesy of the maritime museum in the next town.' },
        { input: 'The council must still approve the plan. (AFP)' },
        // "Resources:" holds no credit "sources:".
        { input: 'Your resources: assess the time you can give and the size of your budget' },
      ],
    },
  },
]);

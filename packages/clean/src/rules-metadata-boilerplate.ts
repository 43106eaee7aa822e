/** Rules of the categories metadata-line, boilerplate, repeated and site-rule. */

import { BIO_ROLE, LOADING_WORD, UI_MESSAGE } from './rule-patterns.js';
import { defineRules } from './rule-types.js';
import type { RuleStage } from './rule-types.js';

const BOTH = ['dom-before', 'dom-after'] as const satisfies readonly RuleStage[];

const DATE_CORE =
  '(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}(?:[t ]\\d{2}:\\d{2}(?::\\d{2})?(?:z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}\\.?\\s+\\p{L}{3,10}\\.?\\s+\\d{4}|\\p{L}{3,10}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\p{L}{3,10}\\s+\\d{4})';
const DATE_LABEL =
  '(?:published|updated|last updated|posted|posted on|modified|last modified|veröffentlicht(?: am)?|zuletzt aktualisiert(?: am)?|aktualisiert(?: am)?|stand|erstellt(?: am)?|publié le|mis à jour le|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)';
/**
 * A date said in words after a date label: today, yesterday, a weekday, a month, a time ago or
 * this week ("Published Tuesday", "Updated just now", "Veröffentlicht am Montag", "Last updated
 * this week"). "May" only before a number: else it is the verb. Whole words only: no "Sun", "Sat".
 */
const DAY_WORD = [
  'today|yesterday|tonight|ago|just now|this (?:morning|afternoon|evening|week|month|year)|last (?:night|week|month|year)',
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  'january|february|march|april|may(?=\\s*\\d)|june|july|august|september|october|november|december',
  'heute|gestern|vorgestern|vor|soeben|gerade|diese woche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|mai|juni|juli|oktober|dezember',
  "hier|aujourd.hui|l'instant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
  'hoy|ayer|lunes|martes|miércoles|jueves|viernes|sábado|domingo|dzisiaj|wczoraj',
].join('|');
const DATE_WITH_TIME = `(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\\p{L}*\\.?,?\\s+)?${DATE_CORE}(?:\\s*(?:,|um|at|à|-|–|\\|)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|uhr|h))?(?:\\s*\\p{Lu}{2,5})?)?`;

/**
 * A long report in its own element: ten paragraphs, so that it holds most of the prose of the
 * test article around it.
 */
const RIVER_REPORT = Array.from(
  { length: 10 },
  (_, i) =>
    `<p>Part ${i + 1} of the river report. The water board measured the river at twelve places this summer and found less nitrate than in any year since the measurements began, which it puts down to the wider strips of grass that farmers now leave along the banks. Fish counts rose as well, most of all below the old mill, where the weir was replaced by a ramp two years ago and trout can swim upstream again. The board will publish the full figures in the autumn and asks anglers to send in their own counts before then.</p>`,
).join('');

/** A shorter river report: ten paragraphs of one sentence each. */
const RIVER_NOTES = Array.from(
  { length: 10 },
  (_, i) =>
    `<p>Part ${i + 1} of the river report. The water board measured the river at twelve places this summer and found less nitrate than in any year since the measurements began, which it puts down to the wider strips of grass that farmers now leave along the banks.</p>`,
).join('');

/** Three answers of a questions section, each a paragraph of prose. */
const RIVER_ANSWERS = [
  'Can I swim in the river this summer? The board says the water at the three marked places is clean enough for swimming from June to September, and it will put up signs when a storm washes dirt from the fields into the river.',
  'Who pays for the grass strips along the banks? Farmers who leave a strip of at least five metres receive a payment from the regional fund for every kilometre, and the board checks the strips twice a year.',
  'When will the next ramp be built? The weir at the sawmill is next, in the spring after next, once the plans have been approved and the money from the regional fund has been paid out to the board.',
]
  .map((text) => `<p>${text}</p>`)
  .join('');

/** A forum thread of three posts, each with an author card and controls around its text. */
const FORUM_POSTS = [
  [
    'The pump in our building failed again',
    'The pump in our building failed again last night, the third time this winter. The landlord says a new one is on order, but nobody can tell us when it will arrive. Has anyone here had luck asking the housing office to step in, or is it better to call the plumber ourselves and send the bill on?',
  ],
  [
    'Call the housing office first',
    'Call the housing office first and write down the date and the name of the person you spoke to. If you pay the plumber yourself before they have had a chance to act, the landlord may refuse the bill. Keep every receipt, and take photos of the pump and the water on the floor for the file.',
  ],
  [
    'We had the same problem in spring',
    'We had the same problem in spring. The office sent an inspector within a week, and the landlord had two weeks to fix it after the report. It was slow, but in the end the whole pump was replaced and the repair was paid for by the owner, as the lease says it should be.',
  ],
];
const FORUM_THREAD = `<div class="topic">${FORUM_POSTS.map(
  ([lead, text], i) =>
    `<div class="post"><div class="profile"><a href="/members/${i + 1}">member${i + 1}</a><span>Senior Member</span><span>Posts: ${4032 + i}</span><span>Joined: Dec 2021</span></div><div class="body"><p>${text}</p><p>${lead}, as I said above, is what I would look at first.</p></div><div class="controls"><a href="#r">Reply</a> <a href="#q">Quote</a></div></div>`,
).join('')}</div>`;

/** A thread whose posts hold their paragraphs beside the author line and the controls. */
const FLAT_THREAD = `<div class="topic">${FORUM_POSTS.map(
  ([lead, text], i) =>
    `<div class="post"><div class="by"><a href="/members/${i + 1}">member${i + 1}</a> <span>Posts: ${4032 + i}</span></div><span>May ${i + 2}, 2024</span><p>${text}</p><p>${lead}, as I said above, is what I would look at first.</p><span class="q">Reply with quote</span></div>`,
).join('')}</div>`;

/** A thread whose third post quotes the first one, and quotes a post from an earlier page. */
const QUOTE_THREAD = `<div class="topic">${FORUM_POSTS.map(
  ([, text], i) =>
    `<div class="post"><div class="by"><a href="/members/${i + 1}">member${i + 1}</a></div><div class="body">${i === 2 ? `<blockquote>member1 said: ${FORUM_POSTS[0]![1]}</blockquote><blockquote>member9 said: The boiler in the old block was replaced last year after the council sent a surveyor round twice in one month.</blockquote>` : ''}<p>${text}</p></div></div>`,
).join('')}</div>`;

/**
 * A thread with what the software puts among its posts: a topic overview box after the first
 * post, a reply in another shape (dated and signed: a post the grouping missed) and a reply box.
 */
const BETWEEN_THREAD = FORUM_THREAD.replace(
  '</div></div><div class="post">',
  '</div></div><div class="overview"><span>Replies 2</span> <span>Views 1.2k</span> <span>Top posters in this topic</span></div><div class="post">',
).replace(
  /<\/div>$/,
  '<div class="answer highlighted"><a href="/members/9">member9</a> <span>June 1, 2024</span><p>The council has a form for this on its website, and it answers within ten working days.</p></div><div class="reply-box"><a href="/login">Log in to reply to this topic</a></div></div>',
);

/** A thread whose posts end with their authors' signatures. */
const SIGNED_THREAD = FORUM_THREAD.replace(
  /<div class="controls">/g,
  '<div class="post-signature">Growing vegetables on a north-facing allotment since 1998</div><div class="controls">',
);

/** A grid of 60 short product cards: the text of a collection page, which ends on its last cards. */
const WOOD_GRID = `<ul class="grid">${[
  'Oak',
  'Ash',
  'Elm',
  'Birch',
  'Maple',
  'Cedar',
  'Pine',
  'Beech',
  'Alder',
  'Larch',
  'Walnut',
  'Cherry',
  'Poplar',
  'Hazel',
  'Willow',
  'Yew',
  'Spruce',
  'Fir',
  'Lime',
  'Holly',
]
  .flatMap((wood, i) =>
    ['stool', 'bench', 'shelf'].map(
      (thing, j) =>
        `<li class="card"><a href="/p/${i}-${j}">${wood} ${thing} in solid wood, oiled</a><span class="price">£${40 + i * 7 + j * 3}.00</span></li>`,
    ),
  )
  .join('')}</ul>`;

/** The main region of a product page: its description, a cart form and a report dialog. */
const SHOP_PAGE = `<main><h1>Stoneware mug</h1><div class="description"><p>The mug is thrown by hand from a local clay and glazed in an earthy brown; each one differs a little in shape and colour from the next, and all of them hold about a third of a litre.</p><p>It is safe in the dishwasher and the microwave, and it keeps tea warm for a long time thanks to its thick walls.</p><p>The glaze is free of lead and cadmium. Small dots and runs in the glaze come from the firing and are part of the look of each piece, not faults.</p><p>The potter works alone in a small studio by the river and fires the kiln twice a month, so a mug ordered today is made, glazed and sent within three weeks.</p><p>Height 10 cm, width 8.5 cm at the rim, weight about 380 grams. Sold singly; sets of two or four come in one box with paper wrapping instead of plastic.</p><p>Every mug is checked for cracks before it leaves the studio and is packed in recycled card; if one arrives broken, a photo is enough for a new one to be sent at no cost.</p><p>Care: rinse before first use, avoid sudden changes from cold to hot, and do not leave it on a hot plate. The unglazed foot can be sanded lightly if it scratches a table.</p></div><form class="cart"><select><option>Brown</option><option>Grey</option></select><button>Add to basket</button></form><div role="dialog"><p>Report this item</p><label>Why?</label><button>Send</button></div></main>`;

/** The shop page with its description drawn in a side sheet, the page's meta description naming it. */
const SHOP_SHEET_PAGE = `<meta name="description" content="Each mug of the river series is dipped twice, so the brown glaze pools darker at the rim and the handle.">${SHOP_PAGE.replace(
  '</form>',
  '</form><div role="dialog" aria-label="Details"><h5>Details</h5><p>Each mug of the river series is dipped twice, so the brown glaze pools darker at the rim and the handle.</p></div>',
)}`;

const shopTile = (name: string, price: string, swatches = '') =>
  `<li class="tile"><a href="/p/${name.toLowerCase().replace(/ /g, '-')}"><img src="/i/${name.length}.jpg" alt=""> ${name}</a><span>Stoneware, glazed by hand, ships within a week</span>${swatches}<span>${price}</span></li>`;
const tick = (label: string) => `<label><input type="checkbox" name="f"> ${label}</label>`;
const MUGS = ['Tall mug', 'Small mug', 'Wide mug', 'Espresso cup', 'Travel mug', 'Mug with saucer'];
const GLAZES = ['brown', 'grey', 'blue', 'green'];
/**
 * A shop's category page: its heading, a filter panel (check boxes, counted links) and the grid,
 * whose last card offers its glazes by check box.
 */
const FILTER_PAGE = `<main><h1>Stoneware mugs</h1><p>Mugs thrown by hand in our studio from local clay, glazed in earthy colours and fired twice.</p><div class="sidebar"><div>${GLAZES.map(tick).join('')}</div><ul>${['Small (4)', 'Medium (12)', 'Large (7)', 'Tall (3)'].map((t) => `<li><a href="/c/mugs?size=${t.length}">${t}</a></li>`).join('')}</ul></div><ul class="grid">${MUGS.flatMap(
  (mug, i) => GLAZES.map((glaze, j) => shopTile(`${mug} in ${glaze}`, `£${14 + i + j}`)),
).join(
  '',
)}${shopTile('Mug of your choice', '£30', `<div>${GLAZES.map((g) => tick(`${g} glaze`)).join('')}</div>`)}</ul></main>`;

const review = (title: string, body: string, stars: number) =>
  `<li class="review"><div class="review-stars" aria-label="${stars} out of 5 stars"></div><h4>${title}</h4><p>${body}</p><span class="who">A buyer</span></li>`;

/**
 * A shop's category page whose cards carry their stars, with the shop's customer reviews under the
 * grid (a link to write one says they are customers'): the reviews go, the rated cards stay.
 */
const COLLECTION_REVIEWS_PAGE = `<main><h1>Stoneware mugs</h1><p>Mugs thrown by hand in our studio from local clay, glazed in earthy colours and fired twice.</p><ul class="grid">${MUGS.map(
  (mug, i) =>
    shopTile(mug, `£${14 + i}`, `<span class="rating" aria-label="${3 + (i % 3)} stars">${3 + (i % 3)}</span>`),
).join('')}</ul><section class="shop-reviews"><h2>Our buyers on these mugs</h2><ul>${[
  review(
    'Keeps the coffee hot',
    'The walls are thick enough that a morning coffee stays hot through the whole first meeting.',
    5,
  ),
  review(
    'A present that pleased',
    'Bought two as a wedding present and the couple wrote back to ask where the studio is.',
    5,
  ),
  review(
    'Heavier than expected',
    'A solid piece in the hand; the glaze on mine came out a little darker than in the pictures.',
    4,
  ),
].join('')}</ul><a href="#write-review">Write a review</a></section></main>`;

/**
 * A magazine's roundup of its own critics' short reviews: a section named as reviews, each rated
 * and written in sentences with no link, and nothing that says a customer wrote it.
 */
const CRITICS_ROUNDUP_PAGE = `<main><h1>New board games, in brief</h1><p>Our games desk played four new releases over the holidays, each at least three times and with different groups at the table.</p><p>Two of them are quick family games, one is a long evening of trading and one a puzzle for a single player; the stars judge each one against others of its kind.</p><ul class="reviews">${[
  [
    'Harbour Lights',
    4,
    'A clever race to light the coast before the storm; the rules fit on one card and the last rounds are tense.',
  ],
  [
    'Spice Road',
    3,
    'Handsome and generous with choices, but a four-player game runs long and the ending arrives with little warning.',
  ],
  [
    'Moth and Lamp',
    5,
    'The solo puzzle of the year: every turn asks a small, sharp question, and losing feels like learning.',
  ],
]
  .map(
    ([title, stars, words]) =>
      `<li class="capsule"><h3>${title}</h3><span class="rating" aria-label="${stars} of 5 stars">${stars}</span><p>${words}</p><span>Our games desk</span></li>`,
  )
  .join('')}</ul></main>`;
const card = (name: string, price: string) =>
  `<div class="tile"><a href="/p/${name.toLowerCase().replace(/ /g, '-')}">${name}</a><span>Stoneware, glazed by hand, ships in a week</span><span class="price">${price}</span></div>`;
const SHOP_ROWS_PAGE = SHOP_PAGE.replace(
  '</main>',
  `<section class="reviews"><h2>Customer reviews</h2><ul>${[
    review('Lovely glaze', 'The colour is even nicer than in the photos and it keeps tea warm.', 5),
    review('Chipped after a week', 'The rim chipped in the dishwasher after a week of use.', 2),
    review('Good size', 'Holds a big cup of coffee and sits well in the hand.', 4),
  ].join('')}</ul></section><section class="also"><h2>You may also like</h2><div class="row">${[
    card('Small bowl in brown', '$18.00'),
    card('Tall vase in grey', '$42.00'),
    card('Teapot with lid', '$64.00'),
    card('Plate set of four', '$55.00'),
  ].join('')}</div></section></main>`,
);

/** Reviews with no rating markup, named as reviews by their container's class; and a gallery of previews. */
const SHOP_NAMED_REVIEWS_PAGE = SHOP_PAGE.replace(
  '</main>',
  `<section class="productReviews"><h2>What buyers say</h2>${[
    'Bought two for my parents and they use them every morning.',
    'The handle is a little small for big hands, otherwise fine.',
    'Arrived well packed, the colour matches the photos exactly.',
  ]
    .map((text, i) => `<div class="entry"><b>Buyer ${i + 1}</b><p>${text}</p></div>`)
    .join('')}</section><ul class="previews">${['Side view of the mug', 'The mug from above', 'The unglazed foot']
    .map((text) => `<li>${text}, photographed in daylight on a wooden table.</li>`)
    .join('')}</ul></main>`,
);

/** A line on delivery whose explanation is a tooltip. */
const SHOP_HOVER_PAGE = SHOP_PAGE.replace(
  '</p><p>It is safe',
  '</p><p>Each mug is made to order and sent within three weeks. <span class="delivery-tooltip">Your order should arrive by this date if you buy today; the date depends on the carrier and your address.</span></p><p>It is safe',
);

/**
 * What carries a tooltip is shown on the page: a term marked has-tooltip inside a sentence, the
 * visible line of a .tooltip holding its .tooltiptext, a spec table whose cells carry tooltips.
 */
const SHOP_TOOLTIP_CARRIERS_PAGE = SHOP_PAGE.replace(
  '</p><p>It is safe',
  '</p><p>The clay is fired twice, the second time with a <span class="has-tooltip">salt glaze</span> that gives the brown its shine.</p><p class="ships"><span class="tooltip">Ships in three weeks<span class="tooltiptext">Made to order in the studio.</span></span></p><table class="specs with-tooltips"><tr><th>Volume</th><td>330 millilitres</td></tr><tr><th>Clay</th><td>Local stoneware</td></tr></table><p>It is safe',
);

/** A sidebar of offers inside the main region. */
const SHOP_ASIDE_PAGE = SHOP_PAGE.replace(
  '</div><form',
  '</div><aside><p>This week only: ten per cent off every bowl and plate with a code at the checkout.</p></aside><form',
);

/** The buy box drawn as an aside under the name (price and pitch), and a footer closing the description. */
const SHOP_BUY_ASIDE_PAGE = SHOP_PAGE.replace(
  '<h1>Stoneware mug</h1>',
  '<h1>Stoneware mug</h1><aside class="buy"><p>$24.00</p><p>One mug of local clay, in brown or grey, made to order.</p></aside>',
).replace(
  '</p></div><form',
  '</p><footer><p>Guaranteed for two years against cracks in the glaze.</p></footer></div><form',
);

/** Other products in a section the theme names as related, linked with no price; care notes named as related, with no link. */
/** What a set holds, named with a word shops also use for other products. */
const SHOP_SET_PAGE = SHOP_PAGE.replace(
  '</main>',
  '<div class="bundle-items"><h3>In this set</h3><ul><li><a href="/mug">The mug</a>, glazed inside</li><li><a href="/saucer">A saucer</a> of the same clay</li></ul></div></main>',
);

const SHOP_RELATED_PAGE = SHOP_PAGE.replace(
  '</main>',
  '<div class="related-care"><p>Wash the mug by hand now and then to keep the glaze bright.</p></div><div class="related-products"><h3>More from the studio</h3><a href="/bowl">Small bowl in brown</a> <a href="/vase">Tall vase in grey</a></div></main>',
);

/** A header's menu drawn as a plain list of links inside the main region. */
const PLAIN_MENU = `<div class="top"><ul>${['Mugs', 'Bowls', 'Plates', 'Vases', 'Workshops', 'Contact']
  .map((label) => `<li><a href="/${label.toLowerCase()}">${label}</a></li>`)
  .join('')}</ul></div>`;

/** A service page whose menu stands above its h1; the same menu under the heading. */
const SERVICE_MENU_PAGE = SHOP_PAGE.replace('<main><h1>', `<main>${PLAIN_MENU}<h1>`);
const SERVICE_MENU_BELOW_PAGE = SHOP_PAGE.replace(
  '<div class="description">',
  `${PLAIN_MENU}<div class="description">`,
);

/** A service page with a lead form below its offer. */
const SERVICE_FORM_PAGE = SHOP_PAGE.replace(
  '</main>',
  `<form class="enquiry"><p>Ask for a workshop date</p><label>Name <input name="name"></label><label>Phone <input type="tel" name="phone"></label><label>Group size <input name="size"></label><button>Send</button></form></main>`,
);
/** A service page with a form that explains its choices in paragraphs: content, not a control. */
const SERVICE_CHOICE_FORM_PAGE = SHOP_PAGE.replace(
  '</main>',
  `<form class="plans"><p>The evening class meets once a week for six weeks; each evening starts with a demonstration at the wheel and ends with time to throw on your own.</p><label><input type="radio" name="plan"> Evening class</label><p>The weekend course packs the same work into two full days, with lunch in the studio and the firing of your best two pieces included in the price.</p><label><input type="radio" name="plan"> Weekend course</label><button>Book</button></form></main>`,
);

/** A customer reviews section with a rating, its reviews of two shapes; quoted press praise above it. */
const SHOP_REVIEW_SECTION_PAGE = SHOP_PAGE.replace(
  '</main>',
  `<div class="press"><blockquote>"A mug that makes the morning slower." Table and Home</blockquote></div>
<div id="reviews"><h2>Reviews</h2><p><span class="stars" aria-label="4.8 stars">4.8</span> from 96 ratings</p>
<div class="review photo"><b>Sam</b><img src="/r/1.jpg" alt=""><p>Heavier than it looks and keeps the tea warm.</p></div>
<div class="review"><b>Kim</b><p>Lovely glaze, the handle fits two fingers.</p></div></div></main>`,
);

/** Four long paragraphs: a run that a page may carry twice (once per screen size). */
const COPIED_RUN = [
  'The ferry to the island will run every hour from the first of May, the harbour office said on Tuesday, and the last boat will leave the mainland at eleven at night.',
  'The company bought a second boat last winter. It carries twice as many cars as the old one and uses a third less fuel, which keeps the fares at last year’s level.',
  'Islanders asked for an earlier boat on weekdays, when most of them travel to work, and the harbour office has promised to try one in the autumn timetable.',
  'Tickets can be bought on board or at the harbour, and a monthly pass for people who cross every day now costs the same as ten single fares.',
]
  .map((text) => `<p>${text}</p>`)
  .join('');

/** A training week whose short lines repeat from one day to the next. */
const TRAINING_WEEK = [
  'Warm up: ten minutes of easy running and a few strides.',
  'Main set: four hill repeats at a hard effort.',
  'Cool down: ten minutes of walking.',
]
  .map((text) => `<p>${text}</p>`)
  .join('');

/** A product page that shows its returns notice twice, the second time in capitals. */
const REPEATED_NOTICE_PAGE = SHOP_PAGE.replace(
  '<p>It is safe',
  '<p>Free returns within 30 days.</p><p>FREE RETURNS WITHIN 30 DAYS</p><p>It is safe',
);

/** A service page that shows its call twice, above the offer and again below it. */
const REPEATED_CALL_PAGE = SHOP_PAGE.replace(
  '<p>It is safe',
  '<p>Workshops every Saturday, book a place online.</p><p>It is safe',
).replace('<p>Care:', '<p>Workshops every Saturday — book a place online</p><p>Care:');

/** A service page with its calls to action on lines of their own: a link and an element drawn as a button. */
const SERVICE_CALLS_PAGE = SHOP_PAGE.replace(
  '<p>It is safe',
  '<p><a href="/workshops/book">Book a place at a workshop</a></p><div><span role="button" tabindex="0">Talk to the potter</span></div><p>It is safe',
);
/** A service page with its contact lines written as links: an e-mail address and a map of its address. */
const SERVICE_CONTACT_LINKS_PAGE = SHOP_PAGE.replace(
  '<p>It is safe',
  '<p><a href="mailto:studio@mugs.example">studio@mugs.example</a></p><p><a href="https://maps.google.com/?q=4+Mill+Lane">4 Mill Lane, Rivertown</a></p><p>It is safe',
);
/** A service page listing its offers as links, one per list entry. */
const SERVICE_OFFER_LIST_PAGE = SHOP_PAGE.replace(
  '<p>It is safe',
  '<ul><li><a href="/offers/evening">Evening classes</a></li><li><a href="/offers/weekend">Weekend courses</a></li><li><a href="/offers/gifts">Gift vouchers</a></li></ul><p>It is safe',
);

export const METADATA_BOILERPLATE_RULES = defineRules([
  {
    id: 'metadata-line/title',
    category: 'metadata-line',
    description: 'The title repeated as a body line near the top.',
    stages: ['text'],
    revision: 1,
    text: { procedure: 'head-lines' },
    examples: {
      remove: [{ input: '<p>Library plans</p>', at: 'top', target: 'Library plans' }],
      keep: [{ input: '<p>Library plans and the market</p>', at: 'top', target: 'Library plans and the market' }],
    },
  },
  {
    id: 'metadata-line/byline',
    category: 'metadata-line',
    description: 'A byline line ("By Jane Doe", "Von Max Mustermann", "Written by …") near the top or bottom.',
    stages: ['text'],
    revision: 1,
    text: {
      procedure: 'head-lines',
      patterns: {
        line: /^(?:(?:[Ww]ritten |[Pp]osted |[Rr]eported |[Tt]ext )?[Bb]y|BY|[Vv]on|VON|[Tt]ext(?: und [Ff]otos?)?:|[Aa]uthor:|[Aa]utor(?:in|en|innen)?:|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Ff]rom)\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|del|la|le|and|und|&|,))*\s*(?:[|,·•–—-].{0,60})?$/u,
      },
    },
    examples: {
      remove: [{ input: 'By Jane Doe', at: 'top' }],
      keep: [{ input: 'By Jane Doe', at: 'middle' }],
    },
  },
  {
    id: 'metadata-line/byline-role',
    category: 'metadata-line',
    description:
      'A short role line of the byline at the top ("BBC security correspondent", "Jane Doe, Science Editor"): next to a byline line, naming the author, or inside byline markup.',
    stages: ['text'],
    revision: 2,
    text: {
      procedure: 'byline-role',
      patterns: { role: BIO_ROLE, markup: /(?:byline|author|contributor|dateline|writer)/i },
    },
    examples: {
      remove: [
        { input: '<p>By Jane Doe</p><p>Security correspondent</p>', at: 'top', target: 'Security correspondent' },
      ],
      keep: [{ input: '<p>Security correspondent</p>', at: 'middle', target: 'Security correspondent' }],
    },
  },
  {
    id: 'metadata-line/date',
    category: 'metadata-line',
    description:
      'A line that is only a date or "Published/Updated <date>" (optionally with a second "last updated <date>") near the top or bottom, or such a label alone ("Release date:"); the date may be a number or a word for a day (today, yesterday, a weekday, a month, "3 hours ago", "just now", "this week": "Published Tuesday", "Veröffentlicht am Montag"). Not a line that starts with the label\'s word and names no date ("Published minutes of the council are kept in the town hall": a sentence), nor a publisher line, "Published by …" / "Veröffentlicht von …", whatever it names after ("Published by Harbour Games in 2019": a publisher named in a list).',
    stages: ['text'],
    revision: 4,
    text: {
      procedure: 'head-lines',
      patterns: {
        line: new RegExp(
          `^(?:${DATE_LABEL}\\s*:?\\s*(?:on\\s+|am\\s+)?)?${DATE_WITH_TIME}(?:\\s*[,;|·•–-]?\\s*${DATE_LABEL}\\s*:?\\s*(?:on\\s+|am\\s+)?${DATE_WITH_TIME})?(?:\\s*[|·•]\\s*.{0,40})?$`,
          'iu',
        ),
      },
      lines: [
        {
          reason: 'a publication-date label',
          pattern: new RegExp(
            String.raw`^(?:(?:release date|last modified|last updated|published(?! by\b)(?: on)?|updated(?: on)?|veröffentlicht(?! von\b)(?: am)?|veröffentlichung|erstveröffentlichung|opublikowano|publicado(?: el)?|publié le|dieser (?:text|beitrag|artikel) wurde .{0,60}veröffentlicht|der beitrag wurde am .{0,60})\b(?:\s*:?\s*$|(?=.*(?:\d|\b(?:${DAY_WORD})\b)).{0,80}$)|\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?\b.{0,80}$)`,
            'iu',
          ),
          maxChars: 120,
          notHeading: true,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Published 18 August 2021, last updated 19 August 2021', at: 'top' },
        { input: 'Release Date: May 3' },
        { input: 'Last updated 3 hours ago', at: 'top' },
        { input: 'Release date:', at: 'top' },
        { input: 'Published Tuesday', at: 'top' },
        { input: 'Veröffentlicht am Montag', at: 'top' },
        { input: 'Last updated this week', at: 'end' },
      ],
      keep: [
        { input: '<h2>18 August 2021</h2>', at: 'middle', target: '18 August 2021' },
        // The label's word with no date: a publisher, a sentence.
        { input: 'Published by Harbour Games', at: 'top' },
        { input: 'Published by Harbour Games in 2019', at: 'end' },
        { input: 'Published minutes of the council are kept in the town hall.', at: 'end' },
      ],
    },
  },
  {
    id: 'metadata-line/reading-time',
    category: 'metadata-line',
    description: 'Reading-time and tag lines ("5 min read", "Lesezeit: 3 Minuten", "Tags: …").',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        { reason: 'a line that is only a URL', pattern: /^(?:https?:\/\/|www\.)\S+$/i },
        {
          reason: 'a reading-time or tag line',
          pattern:
            /^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?)\s*(?:read|reading time|lesezeit|de lecture|de lectura|di lettura)|(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:ute)?n?s?\.?)|(?:tags|schlagwörter|schlagworte|themen|filed under|posted in|categories|kategorien?|keywords|mots-clés|etiquetas)\s*:.{0,200}|this entry was posted\b.{0,200}|bookmark the permalink\.?|(?:posted|veröffentlicht) in .{1,80}|dieser (?:beitrag|eintrag) wurde .{0,80}(?:veröffentlicht|abgelegt).{0,120})$/iu,
          maxChars: 300,
        },
      ],
    },
    examples: {
      remove: [{ input: '5 min read' }, { input: 'Tags: library, council' }],
      keep: [{ input: 'It took 5 minutes to read the plan aloud, and the council then voted on it without a debate.' }],
    },
  },
  {
    id: 'boilerplate/loading',
    category: 'boilerplate',
    description:
      'A loading indicator\'s word standing alone on its line ("Loading…", "Chargement…", "Wird geladen", not a heading): a spinner\'s text, never content. Not a bare word that is an item of a list beside other short items (labels of 40 characters or less that end no sentence: the stages of a process, "Booking", "Loading", "Sailing"); with an ellipsis it goes there too (a grid\'s "Loading…" placeholder).',
    stages: ['text'],
    revision: 2,
    text: {
      lines: [
        {
          reason: 'a loading indicator left in the page',
          on: 'label',
          pattern: LOADING_WORD,
          maxChars: 40,
          notHeading: true,
          notListEntry: true,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Loading...' },
        { input: '<div class="spinner"><span>Chargement…</span></div>', target: 'Chargement…' },
        { input: '<ul><li>Oak table, seats six</li><li>Loading…</li></ul>', target: 'Loading…' },
        {
          input: '<ul><li>Loading</li><li>We could not play this video.</li></ul>',
          target: 'Loading',
        },
      ],
      keep: [
        { input: 'Loading the ferry took an hour.' },
        { input: '<h2>Loading</h2>', target: 'Loading' },
        { input: '<ol><li>Booking</li><li>Loading</li><li>Sailing</li></ol>', target: 'Loading' },
      ],
    },
  },
  {
    id: 'boilerplate/ui-message',
    category: 'boilerplate',
    description:
      'A line that is only the messages a page\'s script shows when something fails, left in the markup (hidden until then): "Oops! Something went wrong while saving your changes.", "There was a problem loading your basket. Please try again.", "Your session has expired.", "Please enable JavaScript in your browser to use this form."; every sentence of the line one of them (after an "Oops!" or "Sorry," at most: those alone are no message; "Please try again." or "Come back later." only after another), 200 characters or less, and standing alone as page chrome: inside a form, a button, a dialog, an alert, status or live region, or not between two paragraphs of prose (the nearest lines kept before and after it). A quoted message stays: a heading or a bold-paragraph heading (a help page\'s headings name the messages they explain), a blockquote, a message inside `q`, `code`, `kbd` or `samp`, a line after one that ends in ":" (it introduces the message), and a story\'s one-line paragraph between paragraphs of prose ("Something went wrong."). A sentence that tells of something going wrong ("Something went wrong with the launch") is no such message.',
    stages: ['text'],
    revision: 2,
    text: {
      lines: [
        {
          reason: "a script's failure message left in the page",
          pattern: UI_MESSAGE,
          maxChars: 200,
          notHeading: true,
          notBoldParagraph: true,
          procedure: 'ui-message',
        },
      ],
    },
    examples: {
      remove: [
        {
          input: '<div class="form-done"><div>Oops! Something went wrong while saving your changes.</div></div>',
          at: 'end',
          target: 'Oops! Something went wrong while saving your changes.',
        },
        {
          input: '<form><p>There was a problem loading your basket. Please try again.</p></form>',
          target: 'There was a problem loading your basket. Please try again.',
        },
        {
          input:
            '<form><p>Sorry, an error occurred.</p><p>Your booking is kept for an hour, and the office will call you back.</p></form>',
          target: 'Sorry, an error occurred.',
        },
        {
          input: '<div class="form-error"><p>Please enable JavaScript in your browser to use this form.</p></div>',
          at: 'end',
          target: 'Please enable JavaScript in your browser to use this form.',
        },
      ],
      keep: [
        { input: 'Something went wrong with the launch, and the rocket came down in the sea an hour later.' },
        { input: 'The council will try again next year, the mayor said after the vote.' },
        { input: '<h2>Oops!</h2>', target: 'Oops!' },
        { input: '<h2>Your session has expired.</h2>', target: 'Your session has expired.' },
        { input: '<p><strong>Your session has expired.</strong></p>', target: 'Your session has expired.' },
        {
          input: '<blockquote><p>Oops! Something went wrong while saving your changes.</p></blockquote>',
          target: 'Oops! Something went wrong while saving your changes.',
        },
        {
          input: '<div><p><code>Something went wrong. Please try again.</code></p></div>',
          target: 'Something went wrong. Please try again.',
        },
        { input: 'Something went wrong.' },
        {
          input: '<p>The ferry office then shows this message:</p><p>Your session has expired.</p>',
          target: 'Your session has expired.',
        },
        { input: 'Try again.' },
      ],
    },
  },
  {
    id: 'boilerplate/disclaimer',
    category: 'boilerplate',
    description:
      'Standing disclaimers and rights lines ("The views expressed … are the author\'s", "All rights reserved"), and what a page leaves of its machinery in the text: server error output and a shortcode.',
    stages: ['text'],
    revision: 3,
    text: {
      lines: [
        {
          reason: 'server error output printed into the page',
          pattern: /^(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.{0,300}\bon line \d+/i,
          maxChars: 500,
        },
        { reason: 'a shortcode left in the text', pattern: /^\[\/?[a-z_][\w-]*(?:\s[^\]]*)?\]/i, maxChars: 300 },
        {
          reason: 'a standing disclaimer',
          pattern:
            /^(?:the views (?:and opinions )?expressed (?:in this|here|by)|views expressed (?:in this|here)|die (?:hier )?(?:geäußerte|vertretene)n? (?:meinung|ansichten)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|copyright\s*(?:©\s*)?\d{4}|©\s*\d{4}|alle angaben ohne gewähr|all information without guarantee|irrtümer vorbehalten)/i,
          maxChars: 400,
        },
      ],
    },
    examples: {
      remove: [{ input: 'All rights reserved.' }, { input: '[button link="/a"]' }],
      keep: [
        { input: 'The views of the residents were mixed, and the council promised a second meeting in the spring.' },
      ],
    },
  },
  {
    id: 'boilerplate/about-company',
    category: 'boilerplate',
    description:
      'An "About <Company>" section closing a press release (heading plus a company description). Not on product pages, where "About <product>" is the description.',
    stages: ['text'],
    revision: 3,
    text: {
      procedure: 'about-company',
      patterns: {
        // The word "about" in any case ("About", "ABOUT"); the company's name starts with a capital.
        heading:
          /^(?:[Aa](?:bout|BOUT)|[Üü](?:ber|BER)|[Àà] (?:propos|PROPOS) (?:de|DE)|[Aa](?:cerca|CERCA) (?:de|DE)|[Ss](?:obre|OBRE)|[Oo](?:ver|VER)) \p{Lu}[\p{L}\d&.' -]{1,60}$/u,
        company:
          /\b(?:is a|is an|is the|ist ein|ist eine|ist der|ist die|est un|est une|es un|es una|founded|headquartered|gegründet|employs|beschäftigt|mit sitz in)\b/i,
      },
    },
    examples: {
      remove: [
        {
          input:
            '<h2>About Acme Timber</h2><p>Acme Timber is a family firm that has supplied wood to builders since 1950.</p>',
          at: 'end',
          target: 'supplied wood to builders',
        },
        {
          input:
            '<h2>ABOUT ACME TIMBER</h2><p>Acme Timber is a family firm that has supplied wood to builders since 1950.</p>',
          at: 'end',
          target: 'supplied wood to builders',
        },
        {
          input:
            '<h3>Über Holzbau Meier</h3><p>Holzbau Meier ist ein Familienbetrieb mit Sitz in Freiburg und beliefert seit 1950 Zimmereien.</p>',
          at: 'end',
          target: 'Familienbetrieb',
        },
      ],
      keep: [
        {
          // On a product page "About <product>" is the product's description.
          input:
            '<h2>About Acme Garden Bench</h2><p>The Acme Garden Bench is a two-seat bench of oiled larch that stays outside all year.</p>',
          at: 'end',
          target: 'two-seat bench of oiled larch',
          options: { pageType: 'product' },
        },
        {
          input: '<h2>About Acme Timber</h2><p>The firm will deliver the wood next spring.</p>',
          at: 'end',
          target: 'deliver the wood',
        },
        {
          input: '<h2>About the new library</h2><p>The library is a timber building with room for 40,000 books.</p>',
          at: 'end',
          target: 'room for 40,000 books',
        },
      ],
    },
  },
  {
    id: 'boilerplate/trailing-short',
    category: 'boilerplate',
    description:
      "Short lines that are not sentences after the last paragraph (labels, widget titles, kickers); not a paragraph of the body's own (a `<p>` with a word, hardly a link and no 'label: value', whose parent holds the body's last long paragraph): the writer's sign-off. On a page cleaned as a collection or listing, not the last cards of a grid (three or more elements of one class shape under one parent, most holding a link, card-sized, none holding half the group's words) that holds half or more of the kept words: the page's own items.",
    stages: ['text'],
    revision: 4,
    text: { procedure: 'trailing-short' },
    examples: {
      remove: [
        // In an element of its own, not beside the body's paragraphs.
        { input: '<section class="tags"><p>Town and country</p></section>', at: 'end', target: 'Town and country' },
        { input: '<h3>Town and country</h3>', at: 'end', target: 'Town and country' },
        // Inline text beside the body's paragraphs stands in their container, not in a paragraph.
        { input: '<span>Town and country</span>', at: 'end', target: 'Town and country' },
        // A paragraph beside the body's, but without a word (a comment counter) or a label and its value.
        { input: '<p>12</p>', at: 'end', target: '12' },
        { input: '<p>Pages: 1 2 3</p>', at: 'end', target: 'Pages: 1 2 3' },
      ],
      keep: [
        { input: 'Town and country', at: 'middle' },
        // The writer's sign-off, one more paragraph of the body.
        { input: '<p>Best wishes,<br>Jane</p>', at: 'end', target: 'Best wishes,\nJane' },
        { input: 'See you at the opening', at: 'end' },
        // The last card of a collection page's grid, which holds most of the page's text.
        {
          input: WOOD_GRID,
          at: 'end',
          target: 'Holly shelf in solid wood, oiled',
          options: { pageType: 'collection' },
        },
      ],
    },
  },
  {
    id: 'boilerplate/after-prose',
    category: 'boilerplate',
    description:
      "Blocks after the element that holds the article's prose (two or more prose paragraphs) and outside it (an author box, a disclosure, a call to action the article's container picked up beside the body), when they are at most a quarter of the text; not the story's own update or correction note ('Update, 5 pm: …', 'Correction: …'). After a news brief (under three prose paragraphs) a single closing paragraph that ends like a sentence stays: the brief's last line; so does, after any story, a paragraph that stood alone in an element of the prose element's own class (the story's last line set apart by a picture), and a questions section about what the title and the body are about (faq.ts: a questions heading, two answered questions, which may be grouped under category headings one level above them, a later category judged with the section unless it asks a single question, ending at a question that links to another page after questions that do not, two fifths of its longer words the title's or the body's; a section longer than the body keeps its questions and answers up to the body's length, from the first, and at least two of them). Also on a service page whose article was widened at the article's lower bar (widen.ts `AROUND_RULES`): what that container brings in after the prose.",
    stages: ['text'],
    pageTypes: ['article'],
    revision: 8,
    text: {
      procedure: 'after-prose',
      patterns: {
        // A note the story was updated or corrected, its label first and then its own sentence:
        // "Update, 5 pm: …", "UPDATE (3 May) — …", "Correction: …", "Nachtrag: …", "Mise à jour : …".
        updateNote:
          /^\W{0,3}(?:updated?|update \d+|correction|clarification|nachtrag|aktualisierung|korrektur|richtigstellung|mise à jour|rectificatif|actualización|corrección|aclaración|aggiornamento|correzione|rettifica|correctie|rectificatie|naschrift)\b[^:—–\n]{0,40}\s?[:—–]\s*\S.{20,}/iu,
      },
    },
    examples: {
      remove: [
        {
          input: `<div class="report">${RIVER_REPORT}</div><div class="box"><p>Our river reporting is paid for by readers like you, and every gift helps us keep it free to read.</p></div>`,
          at: 'end',
          target: 'Our river reporting is paid for by readers like you',
        },
        {
          input: `<div class="report">${RIVER_REPORT}</div><div class="box"><p>Our river reporting is paid for by readers like you, and every gift helps us keep it free to read.</p></div><p>Correction: an earlier version of this report gave the wrong year for the new ramp.</p>`,
          at: 'end',
          target: 'every gift helps us keep it free to read',
        },
        // Questions that link to other stories after the section's own: teasers' headlines, their
        // summaries no answers.
        {
          input: `<div class="report">${RIVER_NOTES}</div><div class="faq"><h2>FAQ</h2><h3>Where can I read the plans for the river?</h3><p>The water board will publish its plans for the river and the strips of grass along the banks this summer.</p><h3>Why is there less nitrate in the river?</h3><p>Farmers now leave wider strips of grass along the banks, and the grass takes up the nitrate before it reaches the water.</p><h3><a href="/news/weir-ramp">Will the fish reach the upper river?</a></h3><p>Anglers say the new ramp at the weir is too steep for the smaller fish of the river.</p><h3><a href="/news/river-swim">Is the river clean enough to swim in?</a></h3><p>The board marks three places on the river where the water is tested every week.</p></div>`,
          at: 'end',
          target: 'Anglers say the new ramp at the weir is too steep',
        },
      ],
      keep: [
        {
          input: `<div class="report">${RIVER_REPORT}</div><section><h2>Questions and answers</h2>${RIVER_ANSWERS}</section>`,
          at: 'end',
          target: 'Can I swim in the river this summer?',
        },
        // Two short answers to questions about what the title and the report are about.
        {
          input: `<div class="report">${RIVER_NOTES}</div><div class="faq"><h2>FAQ</h2><h3>Where can I read the plans for the river?</h3><p>The water board will publish its plans for the river and the strips of grass along the banks this summer.</p><h3>Why is there less nitrate in the river?</h3><p>Farmers now leave wider strips of grass along the banks, and the grass takes up the nitrate before it reaches the water.</p></div>`,
          at: 'end',
          target: 'Where can I read the plans for the river?',
        },
        // The same questions grouped under category headings (h3 category / h4 question).
        {
          input: `<div class="report">${RIVER_NOTES}</div><div class="faq"><h2>FAQ</h2><h3>The plans</h3><h4>Where can I read the plans for the river?</h4><p>The water board will publish its plans for the river and the strips of grass along the banks this summer.</p><h3>The water</h3><h4>Why is there less nitrate in the river?</h4><p>Farmers now leave wider strips of grass along the banks, and the grass takes up the nitrate before it reaches the water.</p></div>`,
          at: 'end',
          target: 'Why is there less nitrate in the river?',
        },
        // A later category of practical questions the report does not speak of (where to park,
        // which buses stop), judged with the section: kept, as it would be first.
        {
          input: `<div class="report">${RIVER_NOTES}</div><div class="faq"><h2>FAQ</h2><h3>The plans</h3><h4>Where can I read the plans for the river?</h4><p>The water board will publish its plans for the river and the strips of grass along the banks this summer.</p><h4>Who measured the river this summer?</h4><p>The water board measured the river at twelve places, as it has done every summer since the measurements began.</p><h3>The water</h3><h4>Why is there less nitrate in the river?</h4><p>Farmers now leave wider strips of grass along the banks, and the grass takes up the nitrate before it reaches the water.</p><h4>Is there less nitrate at every place?</h4><p>The board found less nitrate at eleven of the twelve places where it measured the river this summer.</p><h3>Getting there</h3><h4>Where can drivers park?</h4><p>Drivers can use the car park behind the sawmill, which costs nothing on Sundays and public holidays.</p><h4>Which buses stop nearby?</h4><p>The number 12 and number 40 buses stop on Station Road, a short walk away, four times an hour.</p></div>`,
          at: 'end',
          target: 'Which buses stop nearby?',
        },
        // The story's closing line set apart by a picture, in a part of the body's own class
        // (which Readability turns into the paragraph it holds).
        {
          input: `<div class="report">${RIVER_REPORT}</div><div class="photo"><figure><img src="/mill.jpg" alt=""></figure></div><div class="report"><p>Anglers can send their own counts to the board until the end of August.</p></div>`,
          at: 'end',
          target: 'Anglers can send their own counts to the board until the end of August.',
        },
        // The story's own update or correction note.
        {
          input: `<div class="report">${RIVER_REPORT}</div><p><strong>Update, 5 pm:</strong> The water board has now put the full figures online, a month earlier than planned.</p>`,
          at: 'end',
          target: 'Update, 5 pm: The water board has now put the full figures online',
        },
        {
          input: `<div class="report">${RIVER_REPORT}</div><p>Correction: an earlier version of this report gave the wrong year for the new ramp.</p><div class="box"><p>Sign up for the river newsletter.</p></div>`,
          at: 'end',
          target: 'Correction: an earlier version of this report gave the wrong year for the new ramp.',
        },
      ],
    },
  },
  {
    id: 'boilerplate/repeated-run',
    category: 'boilerplate',
    description:
      'A run of paragraphs that repeats, word for word and in order, paragraphs kept earlier in the article: the same text written into the page twice (a copy for another screen size, hidden by a style sheet). At least three paragraphs of 80 characters and 500 characters in all: a schedule or a table may repeat its short lines on purpose.',
    stages: ['text'],
    revision: 1,
    text: { procedure: 'repeated-run' },
    examples: {
      remove: [
        {
          input: `<div class="wide">${COPIED_RUN}</div><div class="narrow">${COPIED_RUN}</div>`,
          at: 'end',
          target: 'The ferry to the island will run every hour',
          keptOnce: true,
        },
      ],
      keep: [
        {
          input: `${TRAINING_WEEK}${TRAINING_WEEK}`,
          at: 'end',
          target: 'Warm up: ten minutes of easy running',
        },
      ],
    },
  },
  {
    id: 'boilerplate/hidden',
    category: 'boilerplate',
    description:
      "Hidden and screen-reader-only elements ([hidden], .screen-reader-text, .sr-only, template); on a service page not a tab or accordion panel (role tabpanel, or named by a control's aria-controls; not a dialog, not mostly links, not cookie or privacy settings a plain button opens): its offers and answers are its text; on a documentation page not a tab's panel (role tabpanel, or named by a tab's aria-controls): its steps for each system or language are its text, a reply a plain button opens is not.",
    stages: ['dom-before'],
    revision: 5,
    dom: {
      kind: 'selectors',
      reason: 'hidden or screen-reader-only element',
      selectors: ['template', '[hidden]', '.screen-reader-text', '.sr-only', '.visually-hidden', '.visuallyhidden'],
      keepPanelsOn: ['service'],
      keepTabsOn: ['documentation'],
    },
    examples: {
      remove: [
        {
          input: '<p><span class="sr-only">Opens in a new tab</span>The hall is old.</p>',
          target: 'Opens in a new tab',
        },
        {
          input:
            '<div><button role="tab" aria-controls="plan-b">Plan B</button><div id="plan-b" role="tabpanel" hidden><p>The second plan adds a weekly visit.</p></div></div>',
          target: 'The second plan adds a weekly visit.',
        },
        {
          input:
            '<div><button aria-controls="choices">Privacy settings</button><div id="choices" hidden><p>We and our partners use cookies to measure visits.</p></div></div>',
          target: 'We and our partners use cookies to measure visits.',
          options: { pageType: 'service' },
        },
      ],
      keep: [
        { input: '<p><span class="only">Opens in a new tab</span> The hall is old.</p>', target: 'Opens in a new tab' },
        {
          input:
            '<div><button role="tab" aria-controls="plan-b">Plan B</button><div id="plan-b" role="tabpanel" hidden><p>The second plan adds a weekly visit.</p></div></div>',
          target: 'The second plan adds a weekly visit.',
          options: { pageType: 'service' },
        },
        {
          input:
            '<div><button role="tab" aria-controls="questions">Questions</button><div id="questions" role="tabpanel" hidden><p>What about cookies and privacy rules? We set up the consent banner with you.</p></div></div>',
          target: 'We set up the consent banner with you.',
          options: { pageType: 'service' },
        },
        {
          input:
            '<div><button role="tab" aria-controls="on-mac">macOS</button><div id="on-mac" role="tabpanel" hidden><p>Unpack the archive into your applications folder before the first start.</p></div></div>',
          target: 'Unpack the archive into your applications folder before the first start.',
          options: { pageType: 'documentation' },
        },
      ],
    },
  },
  {
    id: 'boilerplate/folded-menu',
    category: 'boilerplate',
    description:
      "A drop-down menu drawn with a closed <details> instead of a <select> (a language or sort picker, a copy-link or account menu, a folded list of links): the browser shows only its summary until the reader opens it, and what it folds is links to choose from, as a <select>'s options are. The whole <details>, summary and all, when more than half of its text less the summary's (bare text included) is in links and it offers three links or more outside the summary (one link is a sentence's); before Readability, however long (a picker of hundreds of languages may hold more text than the page's cards) as long as the page keeps 500 characters without it. Not an open <details>, nor one that folds prose (a questions accordion's answers, a transcript), nor one whose summary asks a question (ends in a question mark or opens with a question word: a menu's button names a choice, it does not ask), nor one in a run of sibling <details> of which one folds prose (80 characters or more outside links, links at most half of its text) or two or more fold text outside links (an accordion, whose answer may be a list of links, among short answers too; one sibling that folds a rating or a few words makes none).",
    stages: ['dom-before'],
    revision: 3,
    dom: { kind: 'procedure', procedure: 'folded-menu', reason: 'a drop-down menu folded in a closed <details>' },
    examples: {
      remove: [
        {
          input:
            '<div><details><summary>Language: Any</summary><div class="menu"><a href="?lang=de">German</a> <a href="?lang=fr">French</a> <a href="?lang=nl">Dutch</a></div></details><p>The hall is old.</p></div>',
          target: 'Dutch',
        },
      ],
      keep: [
        {
          input:
            '<details><summary>Is the ferry running today?</summary><p>Yes, every hour from seven in the morning; see the <a href="/timetable">timetable</a>.</p></details>',
          target: 'every hour from seven in the morning',
        },
        {
          // An answer written as bare text beside the summary, around one link: a sentence, not a menu.
          input:
            '<details><summary>Can I take a bicycle?</summary>Yes, bicycles travel free; see <a href="/bikes">the rules for bikes and trailers</a>.</details>',
          target: 'bicycles travel free',
        },
        {
          // A question whose answer is a list of links: an answer, not a picker.
          input:
            '<details><summary>Which branches lend e-readers</summary><ul><li><a href="/branches/east">East Branch</a></li><li><a href="/branches/hill">Hill Road</a></li><li><a href="/branches/harbour">Harbour Street</a></li></ul></details>',
          target: 'Hill Road',
        },
      ],
    },
  },
  {
    id: 'boilerplate/icon-ligature',
    category: 'boilerplate',
    description:
      'The name of an icon drawn by a ligature icon font (Material Icons, Material Symbols: .material-icons, .material-symbols-outlined …): the element holds a word such as "chevron_right" or "expand_more" that the font draws as a picture; read as text it ends a question with an icon name or runs into a heading.',
    stages: ['dom-before'],
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: "an icon font's ligature (the name of an icon, drawn as a picture)",
      selectors: [
        '.material-icons',
        '.material-icons-outlined',
        '.material-icons-round',
        '.material-icons-sharp',
        '.material-icons-two-tone',
        '.material-symbols-outlined',
        '.material-symbols-rounded',
        '.material-symbols-sharp',
      ],
    },
    examples: {
      remove: [
        {
          input: '<h3>Is the ferry running today? <i class="material-icons">expand_more</i></h3>',
          target: 'expand_more',
        },
        {
          input: '<p><span class="material-symbols-outlined">schedule</span> The ferry leaves at nine.</p>',
          target: 'schedule',
        },
      ],
      keep: [{ input: '<p><span class="material">expand_more</span> is the icon we use.</p>', target: 'expand_more' }],
    },
  },
  {
    id: 'boilerplate/rating-widget',
    category: 'boilerplate',
    description:
      'A rating widget on an article: a small element around a run of controls numbered 1, 2, 3… (star images, radio buttons) with its prompt and average.',
    stages: ['dom-before', 'dom-after'],
    pageTypes: ['article'],
    revision: 2,
    dom: { kind: 'procedure', procedure: 'rating-widget', reason: 'a rating widget (controls numbered 1, 2, 3…)' },
    examples: {
      remove: [
        {
          input: `<div class="vote"><strong>How useful was this report?</strong><br>${[1, 2, 3, 4, 5].map((n) => `<img src="/star.gif" alt="${n} of 5">`).join('')} (12 votes)</div>`,
          at: 'end',
          target: 'How useful was this report?',
        },
      ],
      keep: [
        {
          input: `<p>The plans show three floors, ${[1, 2, 3].map((n) => `<img src="/plan-${n}.png" alt="Floor ${n}">`).join(' ')} each with reading rooms on the side that faces the market hall, offices at the back, where the old storerooms were, and a roof terrace that will be open to readers in the summer months.</p>`,
          target: 'The plans show three floors',
        },
        {
          input: `<p>Fold the map: ${[1, 2, 3].map((n) => `<img src="/fold-${n}.png" alt="Step ${n}">`).join('')} then press it flat.</p>`,
          target: 'Fold the map',
        },
        {
          input: `<div class="strip">${[1, 2, 3].map((n) => `<img src="/boat-${n}.jpg" alt="Photo ${n} of 3">`).join('')}<p>The new boat at the quay on Monday, before its first crossing.</p></div>`,
          target: 'The new boat at the quay',
        },
        {
          input: `<p>Read the series: ${['the quay', 'the boats', 'the crews'].map((name, i) => `<a href="/part-${i + 1}" title="${i + 1}">${name}</a>`).join(', ')}.</p>`,
          target: 'Read the series',
        },
      ],
    },
  },
  {
    id: 'boilerplate/outside-article',
    category: 'boilerplate',
    description:
      'Page text the article leaves out: headers, footers and sidebars outside the article Readability picked (or the per-site content selector), and what Readability drops inside it (bylines, containers whose class looks like an ad or a widget). Two kinds of dropped text go back into the article: a section heading Readability stripped from between two of the body’s blocks, when the next block’s text starts right after it (dropped-headings.ts: not the heading of a box with no text, such as a gallery, a player, a sponsor’s logo or icon links), and a questions section written right after the body whose questions name a word of the title and two fifths of whose longer words, everyday words of its language left out, are the title’s or the article’s (faq.ts; a section whose questions are headings ends at a heading of their level that asks nothing, such as a newsletter’s sign-up in its box, and at a question that links to another page than this one after questions that do not (a teaser’s headline; a link to this page’s own URL, with or without a fragment, is a place on the page), unless that heading groups the questions by category: a heading right above a question one level below it that links to no other page, a later category only when two fifths of its own longer words are the title’s or the article’s, or, when it asks two questions or more, when the section’s part about the article taken with it still is; a section longer than the article keeps its questions and answers up to the article’s length, from the first, and at least two of them). On a product page that marks no main region, the page outside its product region (product-region.ts: grown from the product’s heading until a step takes in the page’s frame or adds mostly links, a row of other products’ link cards beside the description left out of that test). The article is never widened into the page’s frame: a container sought anywhere (Readability’s pick holds almost none of the page’s prose) is not one inside the page’s header, footer, menus or sidebars, nor one around such a landmark that holds half its prose (a site footer’s wall of customer quotes), unless Readability’s pick stands in that landmark too; and on a service, product or collection page with no main region, the part of Readability’s pick shown in the frame does not count as the region’s text when its share of the region is weighed. Reported only: turning it off stops the report, not the drop.',
    stages: ['dom-after'],
    revision: 10,
    dom: { kind: 'procedure', procedure: 'outside-article', reason: 'not in the article Readability picked' },
    examples: {
      remove: [
        {
          input: '<div class="sidebar"><p>Most read this week: ten walks by the river</p></div>',
          target: 'Most read this week',
        },
        // The heading of a box whose body is no text (a logo): not put back.
        {
          input: '<div class="sponsor"><h3>Presented by Acme Timber</h3><img src="/acme.png" alt=""></div>',
          target: 'Presented by Acme Timber',
        },
        // Under a questions heading, category headings over links to other pages: no answers.
        {
          input: `<div class="report">${RIVER_NOTES}</div><div class="faq"><h2>FAQ</h2><h3>The plans</h3><ul><li><a href="/board/plans">Plans for the river and its banks</a></li><li><a href="/board/maps">Maps of the twelve measuring places</a></li></ul><h3>The water</h3><ul><li><a href="/board/nitrate">Nitrate figures for every year</a></li></ul></div>`,
          at: 'end',
          target: 'Maps of the twelve measuring places',
        },
      ],
      keep: [
        // Questions grouped by category that link to their own place on this page (the page's
        // URL and a fragment the saved page holds no element for): the page's questions.
        {
          input: `<div class="report">${RIVER_NOTES}</div><div class="faq"><h2>FAQ</h2><h3>The plans</h3><h4><a href="/library#plans">Where can I read the plans for the river?</a></h4><p>The water board will publish its plans for the river and the strips of grass along the banks this summer.</p><h3>The water</h3><h4><a href="/library#nitrate">Why is there less nitrate in the river?</a></h4><p>Farmers now leave wider strips of grass along the banks, and the grass takes up the nitrate before it reaches the water.</p></div>`,
          at: 'end',
          target: 'Why is there less nitrate in the river?',
        },
        { input: 'The hall has stood since 1902, and the council wants to keep its front when the library is built.' },
        // A section heading of a class Readability strips ("header"), between two paragraphs: put back.
        {
          input: '<h2 class="header-anchor-post">What the new library will hold</h2>',
          target: 'What the new library will hold',
        },
      ],
    },
  },
  {
    id: 'boilerplate/post-chrome',
    category: 'boilerplate',
    description:
      "What forum software puts around each post of a thread: the author card (rank, post count, join date), vote counts and badges, share/edit/flag controls, signatures, comments under an answer. In each post the walk goes down to the child holding most of the post's prose and its longest run of text (a list of short lines beside it is not its text; a child holding replies nested under the post is not its body); the other children on the way are chrome. The posts share a template: an element in the place where the walks found chrome in more posts than a way to a body goes in every post (the card of a one-line reply too), except the author's first profile link with a name and the post's first <time>, which stay. Then the short lines (up to 40 characters, 5 words, standing alone) that recur with the same words up to their numbers in at least 3 posts and 30% of them go too (\"Posts: 40\", \"Reply with quote\", \"Click to expand...\"); the author's name (a profile link) and the post's date stay. A quote (blockquote) whose 8-word runs are mostly (60%) in the posts above it repeats a post on the page and goes, and so does any other element inside a post that is all such runs but 5 words (the preview of the post replied to); a quote of a post that is not on the page stays. The siblings of the posts after the first one that are not posts go (overview boxes, sort bars, reply forms), unless dated or signed with 40 characters of their own text (a post in another shape). A post's signature block (an element whose class or id names a signature, at most half of the post's text) goes. Forum threads only.",
    stages: ['dom-after'],
    pageTypes: ['forum'],
    revision: 5,
    dom: { kind: 'procedure', procedure: 'post-chrome', reason: "around the post's text in a forum thread" },
    examples: {
      remove: [
        {
          input: FORUM_THREAD,
          at: 'top',
          target: 'Posts: 4032',
          options: { pageType: 'forum' },
        },
        // A quote of a post that is on the page already.
        {
          input: QUOTE_THREAD,
          at: 'top',
          target: 'member1 said',
          options: { pageType: 'forum' },
        },
        // A line the software repeats in every post, beside the post's paragraphs.
        {
          input: FLAT_THREAD,
          at: 'top',
          target: 'Reply with quote',
          options: { pageType: 'forum' },
        },
        {
          input: FLAT_THREAD,
          at: 'top',
          target: 'Posts: 4033',
          options: { pageType: 'forum' },
        },
        // A signature block under each post.
        {
          input: SIGNED_THREAD,
          at: 'top',
          target: 'north-facing allotment since 1998',
          options: { pageType: 'forum' },
        },
        // What the software puts among the posts: an overview box, a reply box.
        {
          input: BETWEEN_THREAD,
          at: 'top',
          target: 'Views 1.2k',
          options: { pageType: 'forum' },
        },
        {
          input: BETWEEN_THREAD,
          at: 'top',
          target: 'Log in to reply to this topic',
          options: { pageType: 'forum' },
        },
      ],
      keep: [
        // A quote of a post that is not on the page (an earlier page of the thread).
        {
          input: QUOTE_THREAD,
          at: 'top',
          target: 'sent a surveyor round twice',
          options: { pageType: 'forum' },
        },
        // The author's name and the post's date, though every post has them.
        {
          input: FLAT_THREAD,
          at: 'top',
          target: 'member2',
          options: { pageType: 'forum' },
        },
        {
          input: FLAT_THREAD,
          at: 'top',
          target: 'May 3, 2024',
          options: { pageType: 'forum' },
        },
        {
          input: FORUM_THREAD,
          at: 'top',
          target: 'The pump in our building failed again',
          options: { pageType: 'forum' },
        },
        // The post's text beside its signature.
        {
          input: SIGNED_THREAD,
          at: 'top',
          target: 'We had the same problem in spring',
          options: { pageType: 'forum' },
        },
        // A dated and signed reply in another shape than the posts is a post too.
        {
          input: BETWEEN_THREAD,
          at: 'top',
          target: 'The council has a form for this on its website',
          options: { pageType: 'forum' },
        },
        // On an article the rule does not run: a box beside a paragraph stays.
        {
          input: '<div><div><span>Posts: 4032</span></div><p>The hall has stood since 1902.</p></div>',
          target: 'Posts: 4032',
        },
      ],
    },
  },
  {
    id: 'boilerplate/region-chrome',
    category: 'boilerplate',
    description:
      "Controls inside the main region of a product, collection or listing page (forms, dialogs, buttons, drop-downs: cart, size and report forms, pop-ups) and, on a product page, lists of links (menus, breadcrumbs, rows of other products); a product page keeps a dialog, drawer or side sheet that shows one of the page's descriptions (meta tags or JSON-LD, the product's own included: its first 60 characters), the product's text drawn behind a button. Only when the page's content is taken from its main region. Service pages keep their buttons (their labels often name the offer) but lose their forms (unless a form explains its choices in two or more paragraphs of prose: a calculator or questionnaire), their dialogs (a closed <dialog> whatever its size) and the menus drawn without landmarks above the page's h1 (the outermost lists and blocks before it, four or more links of 30 characters or less on average holding 70% of their text); a service page with no marked main region whose content is taken as the page around its header, footer, menus and sidebars (Readability took less than a third of it, or less than two thirds of its text outside links) loses those landmarks. A sidebar that holds the page's first h1 and more of its parent's text outside links than the rest of the parent is the page's content column (a product's details beside its pictures), not a landmark of its frame.",
    stages: ['dom-after'],
    pageTypes: ['product', 'collection', 'listing', 'service'],
    revision: 7,
    dom: { kind: 'procedure', procedure: 'region-chrome', reason: 'shop or service chrome in the main region' },
    examples: {
      remove: [
        { input: SHOP_PAGE, at: 'top', target: 'Report this item', options: { pageType: 'product' } },
        { input: SERVICE_MENU_PAGE, at: 'top', target: 'Workshops', options: { pageType: 'service' } },
        { input: SERVICE_FORM_PAGE, at: 'top', target: 'Ask for a workshop date', options: { pageType: 'service' } },
      ],
      keep: [
        { input: SHOP_PAGE, at: 'top', target: 'The mug is thrown by hand', options: { pageType: 'product' } },
        {
          input: SHOP_SHEET_PAGE,
          at: 'top',
          target: 'the brown glaze pools darker at the rim',
          options: { pageType: 'product' },
        },
        { input: SERVICE_MENU_BELOW_PAGE, at: 'top', target: 'Workshops', options: { pageType: 'service' } },
        {
          input: SERVICE_CHOICE_FORM_PAGE,
          at: 'top',
          target: 'The weekend course packs the same work',
          options: { pageType: 'service' },
        },
      ],
    },
  },
  {
    id: 'boilerplate/filter-panel',
    category: 'boilerplate',
    description:
      "On a collection or listing page, the filter panels beside or above the grid (faceted navigation: brand, size, colour, price, date): an element (a block, list, form, fieldset or details, not a phrase) that a class or id word names a filter, facet or refinement and that holds controls to filter with (a box, drop-down, button, option or data-filter hook, a link back to the page itself with a query that is all of its list item but a count (a label; not a result with a date or summary beside it, and not links that differ only in one key's number, which open records: ?event=1, ?event=2, unless they are short labels of three words or less: ?cat=12 'Walks'; a pager's links, ?page=2, are left out), or items ending in a count: a filtering script also names the cards it filters `filter-item`); or that holds four or more check boxes with 40 characters of text or less each on average and is not, nor is inside, a link with a price (a product card with a box per colour: the card, or an element up to three levels above the boxes of 500 characters or less); or a list of four or more items of 40 characters or less on average, 60% of them ending in a count in brackets ('Fox (21)'; a year such as '(1994)' is not a count). Never more than 30% of the content's text (each panel, and all of them together), never more than two pictures (a grid of cards shows one per card), never a text of more than 80 characters in one piece (a panel is labels, not prose). Outermost first.",
    stages: ['dom-after'],
    pageTypes: ['collection', 'listing'],
    revision: 1,
    dom: { kind: 'procedure', procedure: 'filter-panel', reason: 'a filter panel' },
    examples: {
      remove: [
        { input: FILTER_PAGE, at: 'top', target: 'brown grey blue', options: { pageType: 'collection' } },
        { input: FILTER_PAGE, at: 'top', target: 'Medium (12)', options: { pageType: 'collection' } },
        {
          input: FILTER_PAGE.replace('<div class="sidebar">', '<div class="facet-list">'),
          at: 'top',
          target: 'Medium (12)',
          options: { pageType: 'listing' },
        },
      ],
      keep: [
        { input: FILTER_PAGE, at: 'top', target: 'Wide mug in blue', options: { pageType: 'collection' } },
        // A card that offers its glazes by check box is a link with a price, not a panel.
        { input: FILTER_PAGE, at: 'top', target: 'blue glaze', options: { pageType: 'collection' } },
      ],
    },
  },
  {
    id: 'boilerplate/shop-rows',
    category: 'boilerplate',
    description:
      "On a product page, the rows about other things than the product: the section of customer reviews (the outermost element a class or id word names as reviews that holds a rating widget; up to 90% of the content's text), the list of customer reviews (three or more items of the same shape, most with a rating widget, or the items or their container named as reviews by a class or id word) and rows of other products (three or more short items of the same shape, most a link with a price), each with its heading; and the text shown only on hover or click, tooltips and popovers (delivery estimates, return terms, a seller's card): the popup itself, named by role tooltip, a <tool-tip> or a class or id word tooltip, tool-tip or popover, alone or with content, body, text or inner; not what carries it (a has-, with-, -trigger, -toggle, -wrapper or -host word on it, or a popup inside it), never a list or table, never a word inside a sentence, and short (300 characters) unless hidden; the menus, sidebars and footers inside the content (nav, aside, footer or their roles; not a header, which may hold the name), unless a sidebar holds the buy box (a price, a select, a number or radio input, a button that sends no text and opens nothing) or a sidebar or footer closes a block of the product's text (right after a paragraph or list: a description's footer) or shows one of the page's descriptions (meta tags or JSON-LD, the product's own included: its first 60 characters); the sections a class or id word names as other products (related, recommended, recommendations, similar, up-sells, cross-sells, recently viewed) when a block, not a paragraph or phrase, holds them with a link; named accessories or bundles, only when it also names a price or has links for at least 30% of its text (what a set holds or what comes in the box is the product's own). Never more than 70% of the content's text. On a collection page, the customer reviews only (its cards are its content, and a card may carry its own stars): a review section with 300 characters outside links that is not a product card and holds fewer than three links to other pages (an index of rated cards leads to them), a list named as reviews whose items mostly link to no other page, and a list of items marked up as reviews (schema.org) or rated items that link to no other page, hold 60 characters outside links, are at most half links and name no price; each only with a sign that the reviews are customers' and not the publication's own (a critics' roundup keeps its reviews): a class or id word naming customers, buyers, purchasers, users, verified or votes or helpful on the reviews, inside them or on one of their three nearest ancestors; a form or text box inside them; schema.org AggregateRating markup inside them or Product markup around them; or a line naming a verified buyer or purchase, writing a review or whether a review was helpful. Reported on a collection page as not the collection's content.",
    stages: ['dom-after'],
    pageTypes: ['product', 'collection'],
    revision: 11,
    dom: { kind: 'procedure', procedure: 'shop-rows', reason: 'not about the product' },
    examples: {
      remove: [
        {
          input: SHOP_REVIEW_SECTION_PAGE,
          at: 'top',
          target: 'Heavier than it looks',
          options: { pageType: 'product' },
        },
        { input: SHOP_ROWS_PAGE, at: 'top', target: 'Chipped after a week', options: { pageType: 'product' } },
        { input: SHOP_ROWS_PAGE, at: 'top', target: 'Tall vase in grey', options: { pageType: 'product' } },
        {
          input: SHOP_NAMED_REVIEWS_PAGE,
          at: 'top',
          target: 'the colour matches the photos',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_HOVER_PAGE,
          at: 'top',
          target: 'the date depends on the carrier',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_ASIDE_PAGE,
          at: 'top',
          target: 'ten per cent off every bowl',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_RELATED_PAGE,
          at: 'top',
          target: 'Small bowl in brown',
          options: { pageType: 'product' },
        },
        {
          input: COLLECTION_REVIEWS_PAGE,
          at: 'top',
          target: 'stays hot through the whole first meeting',
          options: { pageType: 'collection' },
        },
      ],
      keep: [
        { input: SHOP_SET_PAGE, at: 'top', target: 'A saucer of the same clay', options: { pageType: 'product' } },
        { input: COLLECTION_REVIEWS_PAGE, at: 'top', target: 'Travel mug', options: { pageType: 'collection' } },
        {
          input: CRITICS_ROUNDUP_PAGE,
          at: 'top',
          target: 'every turn asks a small, sharp question',
          options: { pageType: 'collection' },
        },
        {
          input: SHOP_RELATED_PAGE,
          at: 'top',
          target: 'Wash the mug by hand now and then',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_BUY_ASIDE_PAGE,
          at: 'top',
          target: 'One mug of local clay, in brown or grey',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_BUY_ASIDE_PAGE,
          at: 'top',
          target: 'Guaranteed for two years',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_HOVER_PAGE,
          at: 'top',
          target: 'Each mug is made to order and sent within three weeks.',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_TOOLTIP_CARRIERS_PAGE,
          at: 'top',
          target: 'with a salt glaze that gives the brown its shine',
          options: { pageType: 'product' },
        },
        {
          input: SHOP_TOOLTIP_CARRIERS_PAGE,
          at: 'top',
          target: 'Ships in three weeks',
          options: { pageType: 'product' },
        },
        { input: SHOP_TOOLTIP_CARRIERS_PAGE, at: 'top', target: 'Local stoneware', options: { pageType: 'product' } },
        { input: SHOP_ROWS_PAGE, at: 'top', target: 'The mug is thrown by hand', options: { pageType: 'product' } },
        { input: SHOP_ROWS_PAGE, at: 'top', target: 'Height 10 cm, width 8.5 cm', options: { pageType: 'product' } },
        { input: SHOP_NAMED_REVIEWS_PAGE, at: 'top', target: 'The mug from above', options: { pageType: 'product' } },
        {
          input: SHOP_REVIEW_SECTION_PAGE,
          at: 'top',
          target: 'makes the morning slower',
          options: { pageType: 'product' },
        },
      ],
    },
  },
  {
    id: 'repeated/site-line',
    category: 'repeated',
    description: 'A line that the ingest step found repeated across many pages of the same site.',
    stages: ['text'],
    revision: 1,
    text: { lines: [{ reason: 'line repeated on pages of this site', procedure: 'repeated-line' }] },
    examples: {
      remove: [
        {
          input: 'Recorded on every page of this site',
          options: { repeatedLines: { 'recorded on every page of this site': 57 } },
        },
      ],
      keep: [{ input: 'Recorded on every page of this site' }],
    },
  },
  {
    id: 'repeated/page-block',
    category: 'repeated',
    description:
      "On a product, collection, listing or service page, a block of two or more words whose text (case and punctuation aside) a block above it already shows: shop pages draw the same notice, spec list or description twice (once per screen size, in a tab and again in a drawer), and service pages their calls, plans and claims again further down (a hero and the closing banner, a tab strip and its panels, carousel slides written twice). The first copy stays. On a service page a line that parallel cards share stays in each card: two copies in two cards of one group of three or more like siblings (same tag and class shape, 1,200 characters or less on average) whose texts differ — each plan's features in a pricing table, each branch's opening hours; a card that copies a card above it loses all its lines; and so does a line that follows a label of the same kind as the first copy did, under another label (the same answer to two questions of a flat FAQ, the same line under two steps or two terms).",
    stages: ['text'],
    pageTypes: ['product', 'collection', 'listing', 'service'],
    revision: 2,
    text: { procedure: 'repeated-block' },
    examples: {
      remove: [
        {
          input: REPEATED_NOTICE_PAGE,
          at: 'top',
          target: 'FREE RETURNS WITHIN 30 DAYS',
          options: { pageType: 'product' },
        },
        {
          input: REPEATED_CALL_PAGE,
          at: 'top',
          target: 'Workshops every Saturday — book a place online',
          options: { pageType: 'service' },
        },
      ],
      keep: [
        {
          input: REPEATED_CALL_PAGE,
          at: 'top',
          target: 'Workshops every Saturday, book a place online.',
          options: { pageType: 'service' },
        },
        {
          input: REPEATED_NOTICE_PAGE,
          at: 'top',
          target: 'Free returns within 30 days.',
          options: { pageType: 'product' },
        },
        // On an article the rule does not run: a refrain stays.
        {
          input: REPEATED_NOTICE_PAGE,
          at: 'top',
          target: 'FREE RETURNS WITHIN 30 DAYS',
          options: { pageType: 'article' },
        },
      ],
    },
  },
  {
    id: 'boilerplate/call-line',
    category: 'boilerplate',
    description:
      'On a service or product page, a line of at most 10 words, not a heading, that is all link text or stands in an element of role `button` (the label of a `<button>` never reaches the text), standing on its own and not as an entry of a list, table or definition list: the page\'s calls to action ("Get started", "Request a demo", "Read the case study", "Talk to an expert"; a product\'s "Add to cart", "Sign in to save to favourites", "See all updates"). All link text is judged on the text with white space taken out (the same on both engines, whatever entities or inline markup the link holds); a line of role `button` is the button\'s own label (a line inside a clickable card of role `button`, under its heading, is none). The firm\'s contact lines stay (an e-mail address, telephone number or postal address, whatever it links to; a `mailto:`, `tel:` or `sms:` link, a link to a map of its address), and so do an accordion\'s heads: a line that asks (a question drawn as a button or link) and a toggle that opens a part of the page (`aria-expanded`, `aria-controls`, `data-toggle`/`data-bs-toggle` on it, around it or in it). A list of links (the services a firm offers, its offices) stays, and so does every such line when together they hold half of what is kept or more (a page that is a list of links).',
    stages: ['text'],
    pageTypes: ['service', 'product'],
    revision: 1,
    text: { procedure: 'call-line' },
    examples: {
      remove: [
        {
          input: SERVICE_CALLS_PAGE,
          at: 'top',
          target: 'Book a place at a workshop',
          options: { pageType: 'service' },
        },
        { input: SERVICE_CALLS_PAGE, at: 'top', target: 'Talk to the potter', options: { pageType: 'service' } },
        { input: SERVICE_CALLS_PAGE, at: 'top', target: 'Talk to the potter', options: { pageType: 'product' } },
      ],
      keep: [
        {
          input: SERVICE_CALLS_PAGE,
          at: 'top',
          target: 'Book a place at a workshop',
          options: { pageType: 'article' },
        },
        { input: SERVICE_OFFER_LIST_PAGE, at: 'top', target: 'Weekend courses', options: { pageType: 'service' } },
        {
          input: SERVICE_CONTACT_LINKS_PAGE,
          at: 'top',
          target: 'studio@mugs.example',
          options: { pageType: 'service' },
        },
        {
          input: SERVICE_CONTACT_LINKS_PAGE,
          at: 'top',
          target: '4 Mill Lane, Rivertown',
          options: { pageType: 'service' },
        },
        {
          input: SERVICE_CALLS_PAGE,
          at: 'top',
          target: 'Book a place at a workshop',
          options: { pageType: 'collection' },
        },
      ],
    },
  },
  {
    id: 'site-rule/remove',
    category: 'site-rule',
    description: 'A selector from the per-site rules, removed as configured.',
    stages: BOTH,
    revision: 1,
    dom: { kind: 'procedure', procedure: 'site-selectors', reason: 'per-site rule' },
    examples: {
      remove: [
        {
          input: '<div class="promo-box"><p>Visit our shop</p></div>',
          target: 'Visit our shop',
          options: { siteRemove: ['.promo-box'] },
        },
      ],
      keep: [{ input: '<div class="promo-box"><p>Visit our shop</p></div>', target: 'Visit our shop' }],
    },
  },
  {
    id: 'site-rule/text',
    category: 'site-rule',
    description: 'A block of text matching a text pattern of the per-site rules, removed as configured.',
    stages: ['text'],
    revision: 1,
    text: { procedure: 'site-text' },
    examples: {
      remove: [
        {
          input: 'Visit our shop for the newest maps of the region.',
          options: { siteRemoveText: ['^visit our shop\\b'] },
        },
      ],
      keep: [{ input: 'Visit our shop for the newest maps of the region.' }],
    },
  },
]);

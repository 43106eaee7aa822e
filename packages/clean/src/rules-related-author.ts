/** Rules of the categories related, author-bio and navigation. */

import { BIO_ROLE, PHONE_CHARS } from './rule-patterns.js';
import { defineRules } from './rule-types.js';
import type { RuleStage } from './rule-types.js';

const BOTH = ['dom-before', 'dom-after'] as const satisfies readonly RuleStage[];
/**
 * Digits shaped as a telephone number writes them, 7 to 15 in all: after a leading "+" or "(",
 * after a trunk "0" and an area code of up to six digits in groups of two to eight ("01632 960123",
 * "030 12345678"), or in groups of two to four digits (the first may be shorter, a country code)
 * set apart by spaces, dots or dashes ("212-444-6615", "0800 123 456", "1 800 932 4455"). A year
 * range ("1914-1918"), a date ("2025-11-01") or an ISBN/EAN-13 ("978-…", "979-…") is none.
 */
const PHONE_SHAPE =
  /^\s*(?=(?:\D*\d){7,15}\D*$)(?:[+(]|0\d{1,5}(?:[\s./-]+\d{2,8})+\s*$|(?!97[89]\D)(?!(?:1[5-9]|20)\d\d\s*-\s*(?:1[5-9]|20)\d\d\s*$)(?!\d{4}-\d\d-\d\d\s*$)\d{1,4}(?:[\s./-]+\d{2,4})+\s*$)/;
/** A line written only with a telephone number's characters (`PHONE_CHARS`). */
const PHONE_LINE = new RegExp(String.raw`^\+?${PHONE_CHARS}+$`);
const NAV_LINE =
  /^(?:back to top|to top|nach oben|zurück nach oben|top|next article|previous article|next post|previous post|next|previous|prev|nächster artikel|vorheriger artikel|weiter|zurück|home|startseite|zur startseite|back to home(?:page)?|skip to (?:main )?content|zum inhalt springen|menu|menü|search|suche|close|schließen|open menu|main menu|hauptmenü|more|mehr|load more|mehr laden|show more|read more|learn more|find out more|weiterlesen|mehr erfahren|en savoir plus|lire la suite|leer más|saiba mais|scopri di più|lees meer|page \d+(?: of \d+)?|seite \d+(?: von \d+)?|sign in|sign up|log ?in|anmelden|registrieren|print(?: article| this)?|text size|order reprints|reprints|caption|advert|image \d+ of \d*|photo \d+ of \d+|bild \d+ von \d+|this slideshow requires javascript|by|permalink|permalien|lade weitere inhalte|weitere inhalte laden|inhaltsverzeichnis|table of contents|contents|externer inhalt|external content|dieses .{1,20} als pdf herunterladen|download (?:as )?pdf|als pdf herunterladen|pdf herunterladen|war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)\??|was this (?:article|page) (?:helpful|useful)\??|noch keine bewertungen|no ratings yet|\d+ bewertungen|community|news)$/i;

/** Labels of an in-article teaser line ("Read more", "Lesen Sie auch", "Lire aussi", …). */
const TEASER_LABELS =
  'read more|read also|read next|related|see also|also read|more|lesen sie auch|lesen sie mehr|lesen sie dazu|mehr zum thema|mehr dazu|mehr zu|auch interessant|lire aussi|à lire aussi|leer más|lee también|lea también|lea además|lea más|lea|te puede interesar|le puede interesar|también te puede interesar|leia também|leia mais|veja também|leggi anche|lees ook|also on [\\w.-]+|czytaj (?:także|też|więcej)|читайте также|mira|ver también|véase también|siehe auch';

/** Three teaser cards: a linked headline, a date and a short excerpt each. */
const TEASER_CARDS = [
  [
    '/news/bridge',
    'Bridge on the ring road reopens',
    'Traffic runs again after six months of repairs, and the council says the cycle lanes on both sides will open by the end of the month, once the railings are in place.',
  ],
  [
    '/news/market',
    'Farmers market moves to the square',
    'Stalls open on Saturdays from next month, with room for twice as many traders as before and a covered area for the winter, when the old car park was too cold.',
  ],
  [
    '/news/pool',
    'Swimming pool gets a new roof',
    'The work will close the pool for the summer. Swimmers can use the school pool on weekday evenings, and the club will train in the next town until September.',
  ],
]
  .map(
    ([href, title, excerpt]) =>
      `<div class="card"><h3><a href="${href}">${title}</a></h3><span>12 May</span><p>${excerpt}</p></div>`,
  )
  .join('');

/** The same cards, each one link around its heading, date and excerpt. */
const LINK_CARDS = TEASER_CARDS.replace(
  /<div class="card"><h3><a href="([^"]*)">([^<]*)<\/a><\/h3>(.*?)<\/div>/g,
  '<a class="card" href="$1"><h3>$2</h3>$3</a>',
);

/** The link lines of a news feed, longer than the test article the examples sit in. */
const LATEST_NEWS = Array.from(
  { length: 30 },
  (_, i) => `<p><a href="/news/${i + 1}">Ferry timetable changes for the winter months, part ${i + 1}</a></p>`,
).join('');

/** A long report in its own element: most of the prose of the test article the examples sit in. */
const HARBOUR_REPORT = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Part ${i + 1} of the harbour report. The port authority counted the boats that moored in the old harbour this summer and found twice as many as five years ago, most of them small sailing boats from the islands, which it puts down to the new pontoons and the lower fees for short stays. The authority will decide in the autumn whether the fish market can stay on the north quay.</p>`,
).join('');

/** A box after the report that is not links (it goes as after-prose). */
const HARBOUR_BOX =
  '<div class="box"><p>Berths can be booked at the harbour office, which is open every day from eight in the morning until six in the evening.</p></div>';

export const RELATED_AUTHOR_RULES = defineRules([
  {
    id: 'related/widget',
    category: 'related',
    description:
      'Known related-content widgets (Jetpack related posts, YARPP, Contextual Related Posts, Outbrain, Taboola).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'related-content widget markup',
      selectors: [
        '.jp-relatedposts',
        '#jp-relatedposts',
        '.yarpp-related',
        '.yarpp',
        '.crp_related',
        '.related-posts',
        '.related-articles',
        '.rp4wp-related-posts',
        '.OUTBRAIN',
        '.ob-widget',
        '[id^="taboola"]',
        '.trc_related_container',
        '.zem_rp_wrap',
        '.related-content',
        '.related-stories',
        '.relatedPosts',
        '.wp-block-related-posts',
        '.more-articles',
        '.read-more-articles',
        '.recommended-articles',
      ],
    },
    examples: {
      remove: [
        {
          input: '<div class="jp-relatedposts"><p>Town hall to close for repairs</p></div>',
          target: 'Town hall to close',
        },
      ],
      keep: [
        { input: '<div class="relations"><p>Town hall to close for repairs</p></div>', target: 'Town hall to close' },
      ],
    },
  },
  {
    id: 'related/teaser-cards',
    category: 'related',
    description:
      'A run of at least three sibling elements of one shape inside an article, each a headline linking elsewhere on the same site (its host, or a subdomain of it or it of theirs) with at most a short excerpt, or one link around a heading and its excerpt ("more stories" grids), standing after at least as much of the article\'s own text and followed by less text than their own. Also on a service page whose article was widened at the article\'s lower bar (widen.ts `AROUND_RULES`: a "From our blog" box beside its sections), or whose region around its landmarks was taken because Readability\'s pick held less than two thirds of its prose (type-roots.ts `PROSE_REGION_RULES`: the excerpts of such a box are prose outside links).',
    stages: ['dom-after'],
    pageTypes: ['article'],
    revision: 3,
    dom: { kind: 'procedure', procedure: 'teaser-cards', reason: 'teaser cards after the article' },
    examples: {
      remove: [
        { input: TEASER_CARDS, at: 'end', target: 'Bridge on the ring road reopens' },
        { input: LINK_CARDS, at: 'end', target: 'Bridge on the ring road reopens' },
      ],
      keep: [
        { input: TEASER_CARDS, at: 'top', target: 'Bridge on the ring road reopens' },
        // Followed by as much of the article again: a list inside the body (chapters, courses).
        {
          input: `${TEASER_CARDS}<p>The three projects were paid from the same fund as the library, and the council will decide in the spring which of them gets the money left over.</p>`,
          at: 'middle',
          target: 'Bridge on the ring road reopens',
        },
        {
          input: TEASER_CARDS.replace(/href="\//g, 'href="https://elsewhere.example/'),
          at: 'end',
          target: 'Bridge on the ring road reopens',
        },
        // A service page whose article was not widened: the cards are its own.
        { input: TEASER_CARDS, at: 'end', target: 'Bridge on the ring road reopens', options: { pageType: 'service' } },
      ],
    },
  },
  {
    id: 'related/heading',
    category: 'related',
    description:
      'A related-content heading ("Related articles", "Read more", "Mehr zum Thema") and the link lines after it. On a collection or listing page, a heading whose link lines hold more than half of the text ("Latest news" over the feed the page is) heads the page\'s own list and stays.',
    stages: ['text'],
    revision: 2,
    text: {
      procedure: 'related-heading',
      patterns: {
        heading:
          /^(?:related(?: articles?| posts?| stories| content| coverage| reading| topics| news| links)?|read (?:more|also|next)|more (?:on this(?: story| topic)?|from [\w .'-]{1,40}|stories|articles|news|about this|to read)|see also|explore (?:our )?(?:related|more) content|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| articles| stories| reading)?|popular(?: posts| articles| stories)?|most (?:read|popular|viewed|shared)|trending(?: now)?|further reading|lesen sie (?:auch|mehr|dazu)|mehr zum thema.{0,60}|weitere artikel(?: zum thema)?|auch interessant|das könnte sie (?:auch )?interessieren|verwandte (?:artikel|themen|beiträge)|ähnliche (?:artikel|beiträge)|weitere beiträge|mehr aus (?:dem|der) .{1,40}|zum thema|meistgelesen|empfohlene artikel|à lire aussi|lire aussi|sur le même sujet|dans la même rubrique|leer más|te puede interesar|noticias relacionadas|leggi anche|articoli correlati|lees ook|meer over dit onderwerp|gerelateerde artikelen|schon gelesen\??|das (?:thema )?könnte (?:dich|sie) (?:auch )?interessieren|entdecke weitere .{1,30}|entdecken sie (?:weitere|mehr) .{0,30}|beiträge zum thema|weitere (?:themen|nachrichten|news|meldungen)|mehr (?:artikel|nachrichten|news|beiträge)|related coverage|more coverage|more in .{1,30}|top stories|latest (?:news|stories|articles)|читайте также|похожие статьи|самые популярные.{0,30}|другие новости|czytaj (?:także|też|więcej)|zobacz (?:też|także)|weitere informationen(?: (?:zum thema|hierzu|unter))?|weiterführende (?:links|informationen|artikel)|weitere beiträge.{0,40}|neueste (?:artikel|beiträge)|entdecken sie jetzt|(?:le |te )?puede interesar(?:te|le)?|weitere [\p{L}-]{1,20}tipps|aktuelle [\p{L}-]{1,20}tests|quellenangaben|quellen|new and exciting.{0,45}|et vidéos sur le sujet|(?:kontakt|contact|pressekontakt|press contact|media contact|ansprechpartner(?:in)?)(?: für (?:die )?(?:medien|presse))?)\s*:?$/iu,
      },
    },
    examples: {
      remove: [
        {
          input: '<h2>Related articles</h2><p><a href="/a">Town hall to close for repairs</a></p>',
          target: 'Town hall to close for repairs',
        },
        // A listing page keeps its feed, not a short trailer under it.
        {
          input: '<h2>Latest news</h2><p><a href="/a">Town hall to close for repairs</a></p>',
          at: 'end',
          target: 'Town hall to close for repairs',
          options: { pageType: 'listing' },
        },
      ],
      keep: [
        {
          input: '<h2>Related decisions</h2><p><a href="/a">Town hall to close for repairs</a></p>',
          at: 'top',
          target: 'Related decisions',
        },
        // On a listing page, a feed heading over more than half of the text: the page's own list.
        {
          input: `<h2>Latest news</h2>${LATEST_NEWS}`,
          at: 'end',
          target: 'Ferry timetable changes for the winter months, part 30',
          options: { pageType: 'listing' },
        },
      ],
    },
  },
  {
    id: 'related/inline-link',
    category: 'related',
    description:
      'An in-article teaser line ("Read more: …", "Lesen Sie auch: …") that is mostly a link. In plain text, where no link shows, only a label followed by its separator ("Read more: …", "Related » …"): a sentence that starts with the word ("More than 200 people …", "Related costs rose …", "Related-party transactions …") is prose.',
    stages: ['text'],
    revision: 3,
    text: {
      lines: [
        {
          reason: 'an in-article teaser link',
          pattern: new RegExp(`^(?:${TEASER_LABELS})\\s*[:>»›-]?\\s*\\S`, 'i'),
          maxChars: 200,
          links: { over: 0.4, plain: 'fail' },
        },
        {
          reason: 'an in-article teaser link',
          // A dash separates only after white space: "Related – …", not "Related-party …".
          pattern: new RegExp(`^(?:${TEASER_LABELS})(?:\\s*[:>»›]|\\s+[-–—])\\s*\\S`, 'i'),
          maxChars: 200,
          links: { over: 0.4, plain: 'pass' },
        },
      ],
    },
    examples: {
      remove: [
        { input: '<p>Read more: <a href="/a">Town hall to close for repairs</a></p>', target: 'Town hall to close' },
      ],
      keep: [{ input: 'Read more: the full report is in the library, next to the plans for the new building.' }],
    },
  },
  {
    id: 'related/trailing-links',
    category: 'related',
    description: 'Link-only lines after the last paragraph of the article.',
    stages: ['text'],
    revision: 1,
    text: { procedure: 'trailing-links' },
    examples: {
      remove: [
        { input: '<p><a href="/a">Town hall to close for repairs.</a></p>', at: 'end', target: 'Town hall to close' },
      ],
      keep: [
        { input: '<p><a href="/a">Town hall to close for repairs.</a></p>', at: 'top', target: 'Town hall to close' },
      ],
    },
  },
  {
    id: 'related/closing-link',
    category: 'related',
    description:
      "A single link-only line left last once the box under it went as after-prose (trailing-links stops at the box); not when the line above it links out too (a list of further reading) or is a heading (a section of one source or download), nor when the link goes to a document file (.pdf, .docx, .xlsx, ...: the report the article is about). Also on a service page whose article was widened at the article's lower bar, as after-prose.",
    stages: ['text'],
    pageTypes: ['article'],
    revision: 3,
    text: { procedure: 'closing-link' },
    examples: {
      remove: [
        {
          input: `<div class="report">${HARBOUR_REPORT}<p><a href="/forum/harbour">The harbour in our readers' forum</a></p></div>${HARBOUR_BOX}`,
          at: 'end',
          target: "The harbour in our readers' forum",
        },
      ],
      keep: [
        {
          input: `<div class="report">${HARBOUR_REPORT}<ul><li><a href="/pontoons">How the new pontoons were built</a></li><li><a href="/fees">Harbour fees for short stays</a></li></ul></div>${HARBOUR_BOX}`,
          at: 'end',
          target: 'Harbour fees for short stays',
        },
        // A section of one source under its heading: the heading is not left last.
        {
          input: `<div class="report">${HARBOUR_REPORT}<h3>Sources</h3><p><a href="https://port.example/figures">Port authority mooring figures</a></p></div>${HARBOUR_BOX}`,
          at: 'end',
          target: 'Port authority mooring figures',
        },
        // The article's own report, a document file.
        {
          input: `<div class="report">${HARBOUR_REPORT}<p><a href="https://port.example/files/harbour-report.pdf?v=2">The whole report, 40 pages</a></p></div>${HARBOUR_BOX}`,
          at: 'end',
          target: 'The whole report, 40 pages',
        },
      ],
    },
  },
  {
    id: 'author-bio/widget',
    category: 'author-bio',
    description: 'Known author boxes (Simple Author Box, Molongui, Starbox, PublishPress authors, .author-bio).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'author box markup',
      selectors: [
        '.saboxplugin-wrap',
        '.molongui-author-box',
        '.m-a-box',
        '.author-bio',
        '.author-box',
        '.about-author',
        '.pp-multiple-authors-boxes-wrapper',
        '.abh_box',
        '.wp-block-post-author',
        '.post-author-bio',
        '.author-description',
        '.author-info',
        '.authorbox',
        '.author-card',
        '.td-author-box',
      ],
    },
    examples: {
      remove: [
        {
          input: '<div class="author-bio"><p>Jane writes about towns and their halls.</p></div>',
          target: 'Jane writes',
        },
      ],
      keep: [
        {
          input: '<div class="about-towns"><p>Jane writes about towns and their halls.</p></div>',
          target: 'Jane writes',
        },
      ],
    },
  },
  {
    id: 'author-bio/profile-link',
    category: 'author-bio',
    description:
      '"View profile", "About the author", "Alle Artikel von …" and the short name/role lines just before it.',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'an author profile link',
          procedure: 'profile-link',
          on: 'label',
          pattern:
            /^(?:view (?:full )?profile|view all (?:posts|articles|stories) by.{0,60}|(?:more|all) (?:articles|posts|stories) (?:by|from).{0,60}|alle (?:artikel|beiträge) von.{0,60}|mehr (?:artikel )?von .{1,60}|about the author|über (?:den autor|die autorin|die autoren)|zur person|autoreninfo|author profile|à propos de l'auteur|sobre el autor|l'autore|over de auteur|follow(?: [\w .'-]{1,40})? on (?:twitter|x|linkedin|facebook|instagram|bluesky|mastodon))$/i,
          maxChars: 120,
        },
      ],
    },
    examples: {
      remove: [{ input: '<p>Jane Doe</p><p>View profile</p>', at: 'end', target: 'Jane Doe' }],
      keep: [{ input: 'About the author of the plans: she has built three libraries in the region since 2001.' }],
    },
  },
  {
    id: 'author-bio/bio-sentence',
    category: 'author-bio',
    description:
      'A closing one-paragraph biography ("Jane Doe is a senior fellow at …", "(Jane Doe is an attorney at …)") after the article; up to 1,000 characters when it starts with the byline. Articles only: the last member of a team page keeps their biography.',
    stages: ['text'],
    pageTypes: ['article'],
    revision: 3,
    text: {
      procedure: 'closing-bio',
      patterns: {
        start:
          /^\(?(?:(?:dr|prof|sir|dame|mr|mrs|ms)\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:is|was|ist|war|est|es|è|is een)\s+(?:a|an|the|ein|eine|der|die|un|une|le|la|el|uno|una|een|currently|also|senior|professor|director|editor|author|co-?founder)\b/u,
        joined:
          /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:joined|has been (?:reporting|writing|covering)|has written|writes (?:about|for)|covers|reports on|schreibt (?:über|für)|berichtet (?:über|für|seit))\b/u,
        role: BIO_ROLE,
      },
    },
    examples: {
      remove: [
        { input: 'Jane Doe is a senior fellow at the Institute for Town Planning.', at: 'end' },
        { input: '(Jane Doe is an attorney at Doe & Roe, admitted in two states.)', at: 'end' },
      ],
      keep: [
        { input: 'Jane Doe is a senior fellow at the Institute for Town Planning.', at: 'top' },
        { input: '(Ask the engineer at the desk for the plans of the east wing.)', at: 'end' },
        // The last member of a team on a service page ("Our team").
        {
          input: 'Sara Kim is a designer who has drawn the plans of forty restaurant kitchens.',
          at: 'end',
          options: { pageType: 'service' },
        },
      ],
    },
  },
  {
    id: 'navigation/element',
    category: 'navigation',
    description:
      'Navigation markup: nav, role=navigation, breadcrumbs, pagination, post navigation, skip links, search forms.',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'navigation markup',
      selectors: [
        'nav',
        '[role="navigation"]',
        '.breadcrumb',
        '.breadcrumbs',
        '[aria-label="breadcrumb"]',
        '[aria-label="Breadcrumb"]',
        '.pagination',
        '.nav-links',
        '.post-navigation',
        '.skip-link',
        'form[role="search"]',
        '.search-form',
        '.post-nav',
        '.navigation',
      ],
    },
    examples: {
      remove: [{ input: '<nav><p>Home / Town / Library</p></nav>', target: 'Home / Town / Library' }],
      keep: [{ input: '<div class="navigator"><p>Home / Town / Library</p></div>', target: 'Home / Town / Library' }],
    },
  },
  {
    id: 'navigation/contents',
    category: 'navigation',
    description:
      'A table of contents on an article: a list of three or more entries, each a link to a section of the page (`href="#…"`, at least 80% of them naming an element of the page) with at most three words beside its links, each one numbering it ("2.", "Step 4:", "IV") or found in the section it links to (its heading) (an item over a sub-list of entries: at most three words of its own, the sub-list not counted), with a label that says what it is ("Table of contents", "In this article", "On this page", "Inhaltsverzeichnis", "Sommaire", "Índice" …; 60 characters or less, with or without a toggle word in its language: "hide", "masquer", "verbergen", "ocultar", "nascondi", "ukryj" …) right before the list or first in an element around it that holds little else. The label goes with the list. A list of section links without such a label stays (a listicle\'s jump list, "Here is what this guide covers:"), and so does a labelled list whose entries are sentences with a link in them, or sentences over sub-lists of section links (a summary of the article). Found on the whole page before Readability and only marked there (taken out before, the list could change which part of the page Readability keeps); taken out after it, from the part Readability kept (marks of the same name the saved page carries itself are taken off first). A label whose list another rule took (a list in a <nav>) goes too.',
    stages: BOTH,
    pageTypes: ['article'],
    revision: 2,
    dom: {
      kind: 'procedure',
      procedure: 'contents-list',
      reason: 'a table of contents (links to the sections of the page)',
      patterns: {
        label:
          /^(?:table of contents|contents|article contents|page contents|in this (?:article|post|guide|page|story)|on this page|jump to(?: section)?|what s in this (?:article|guide|post)|inhaltsverzeichnis|inhalt|in diesem (?:artikel|beitrag)|auf dieser seite|sommaire|table des matières|dans cet article|sur cette page|índice|contenido|contenidos|en este artículo|indice|sommario|in questo articolo|inhoudsopgave|in dit artikel|spis treści|содержание)(?: (?:hide|show|expand|collapse|toggle|open|close|masquer|afficher|verbergen|anzeigen|ausblenden|einblenden|ocultar|mostrar|nascondi|mostra|tonen|ukryj|pokaż|скрыть|показать))*$/u,
      },
    },
    examples: {
      remove: [
        {
          input:
            '<div class="box"><p>In this article</p><ul><li><a href="#t1">Timetable</a></li><li><a href="#t2">Fares</a></li><li><a href="#t3">Tickets</a></li></ul></div><h2 id="t1">Timetable</h2><p>The ferry leaves every hour from the harbour, from six in the morning until ten at night.</p><h2 id="t2">Fares</h2><p>A single crossing costs four pounds for adults and half that for children under twelve.</p><h2 id="t3">Tickets</h2><p>Tickets are sold on board and at the kiosk on the quay, by card or in cash.</p>',
          at: 'top',
          target: 'In this article',
        },
      ],
      keep: [
        {
          input:
            '<p>Here is what this guide covers:</p><ul><li><a href="#t1">Timetable</a></li><li><a href="#t2">Fares</a></li><li><a href="#t3">Tickets</a></li></ul><h2 id="t1">Timetable</h2><p>The ferry leaves every hour from the harbour, from six in the morning until ten at night.</p><h2 id="t2">Fares</h2><p>A single crossing costs four pounds for adults and half that for children under twelve.</p><h2 id="t3">Tickets</h2><p>Tickets are sold on board and at the kiosk on the quay, by card or in cash.</p>',
          at: 'top',
          target: 'Here is what this guide covers:',
        },
      ],
    },
  },
  {
    id: 'navigation/line',
    category: 'navigation',
    description:
      'Stand-alone navigation labels ("Back to top", "Next article", "Zurück zur Startseite", a button "Read more" or "Learn more" alone on its line), a pager (page numbers as links, one number to a link, rising from left to right: "1 2 3 … 10 Next"; a telephone number is none: a `tel:` link, one link holding several groups of digits, "+44 1234 567890", "(800) 222-4700"; nor is a post\'s number and time "#1 2025-11-01 15:14:37"), a telephone number alone on its line as a link (digits shaped as one, 7 to 15 in all: a leading "+" or "(", a trunk "0" and an area code before longer groups "01632 960123", or groups of two to four digits; it goes under that reason wherever it stands, a contact section too; one in a sentence or on the same line as its address stays; other linked runs of seven digits or more, a year range "1914-1918" or an ISBN, go as page-number links) and a count alone on its line as a link (a product card\'s review count "(104)", its "+6" more colours).',
    stages: ['text'],
    revision: 5,
    text: {
      lines: [
        {
          reason: 'page-number links',
          on: 'label',
          pattern: /^\d+(?: \d+)*(?: next| weiter| »)?$/i,
          maxChars: 40,
          links: { over: 0.5, plain: 'fail' },
          procedure: 'page-numbers',
        },
        {
          reason: 'a telephone number alone on its line as a link',
          on: 'text',
          pattern: PHONE_LINE,
          also: PHONE_SHAPE,
          maxChars: 40,
          links: { over: 0.5, plain: 'fail' },
        },
        {
          // Other linked runs of seven digits or more (a year range, an ISBN): no telephone number.
          reason: 'page-number links',
          on: 'text',
          pattern: PHONE_LINE,
          also: /(?:\d\D*){7}/,
          maxChars: 40,
          links: { over: 0.5, plain: 'fail' },
        },
        {
          reason: 'a count link alone on its line (reviews, more colours)',
          on: 'text',
          pattern: /^(?:\(\d[\d,.]*\)|\+\d{1,3})$/,
          links: { over: 0.5, plain: 'fail' },
        },
        { reason: 'a navigation label', on: 'label', pattern: NAV_LINE, maxChars: 40, maxWords: 3, notHeading: true },
        {
          reason: 'a navigation label',
          on: 'label',
          pattern: NAV_LINE,
          maxChars: 40,
          maxWords: 4,
          notHeading: true,
          links: { over: 0.5, plain: 'pass' },
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Back to top' },
        { input: '<p><a href="/2">2</a> <a href="/3">3</a></p>', target: '2 3' },
        { input: '<p><a href="/reviews">(104)</a></p>', target: '(104)' },
        { input: '<p><a href="tel:18009324455">1 800 932 4455</a></p>', target: '1 800 932 4455' },
        { input: '<p><a href="/plans">Read more</a></p>', target: 'Read more' },
        { input: '<p><a href="/plans">Find out more</a></p>', target: 'Find out more' },
      ],
      keep: [
        { input: '<h2>Next</h2>', at: 'top', target: 'Next' },
        // A telephone number in a sentence or beside its address is the firm's contact line.
        {
          input: '<p>Call <a href="tel:+441234567890">+44 1234 567890</a> for a place.</p>',
          target: 'Call +44 1234 567890 for a place.',
        },
        // A post's number and time links to the post: no pager.
        { input: '<p><a href="#p1">#1 2025-11-01 15:14:37</a></p>', target: '#1 2025-11-01 15:14:37' },
        // Only the label alone: a sentence that starts with it is prose.
        { input: 'Find out more about the plans at the town hall, where the drawings hang until May.' },
      ],
    },
  },
]);

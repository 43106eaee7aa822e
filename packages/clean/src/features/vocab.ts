/**
 * The word lists of the page features (features/page.ts): class/id and URL-path vocabularies,
 * JSON-LD type groups, generator software, og:type values and page-chrome wording. Small,
 * generic lists of words that name parts or kinds of pages; no site names.
 */

/**
 * Words of class and id attributes that name parts of pages (matched as whole tokens), in
 * groups by the kind of page they mark. The model sees one count per group: a count per word
 * let it learn the class names of the training sites' templates (site-split cross-validation
 * 0.850 with one feature per word, 0.860 with the groups).
 */
export const CLASS_GROUPS: Array<[string, readonly string[]]> = [
  [
    'class-forum',
    'comment comments reply replies post posts thread topic forum message discussion author user username avatar vote votes answer question quote signature'.split(
      ' ',
    ),
  ],
  [
    'class-shop',
    'product price cart basket buy sku stock checkout rating review reviews variant qty quantity'.split(' '),
  ],
  [
    'class-docs',
    'doc docs documentation sidebar toc api highlight syntax code markdown admonition note warning'.split(' '),
  ],
  ['class-cards', 'card cards grid item items tile listing list result results pagination pager'.split(' ')],
  ['class-facets', 'filter filters facet sort category breadcrumb breadcrumbs'.split(' ')],
  [
    'class-service',
    'hero cta service services pricing contact testimonial testimonials feature features team faq'.split(' '),
  ],
  [
    'class-article',
    'article entry content body story byline share tags related newsletter blog news date meta excerpt teaser summary title'.split(
      ' ',
    ),
  ],
  [
    'class-chrome',
    'btn button form search menu nav footer header widget banner slider carousel modal popup'.split(' '),
  ],
];

/** Words of URL paths that name kinds of pages. */
export const URL_VOCAB = [
  'forum',
  'forums',
  'thread',
  'threads',
  'topic',
  'topics',
  't',
  'discussion',
  'discussions',
  'community',
  'questions',
  'q',
  'board',
  'viewtopic',
  'showthread',
  'product',
  'products',
  'p',
  'dp',
  'shop',
  'store',
  'item',
  'buy',
  'docs',
  'doc',
  'documentation',
  'api',
  'reference',
  'guide',
  'guides',
  'manual',
  'learn',
  'tutorial',
  'tutorials',
  'help',
  'kb',
  'wiki',
  'category',
  'categories',
  'collections',
  'collection',
  'tag',
  'tags',
  'archive',
  'search',
  'list',
  'page',
  'blog',
  'news',
  'article',
  'articles',
  'story',
  'stories',
  'post',
  'posts',
  'services',
  'service',
  'solutions',
  'about',
  'contact',
  'pricing',
  'features',
  'industries',
  'en',
] as const;

/**
 * schema.org types in groups, read from JSON-LD (`ld-*`, features/page-meta.ts) and from the
 * body's itemtype/typeof markup (`md-*`, features/structure.ts). `ListItem` is in no group: every
 * BreadcrumbList is made of ListItems (a product page's trail too), and a real list of items
 * declares its ItemList, which the collection group reads.
 */
export const LD_GROUPS: Array<[string, RegExp]> = [
  [
    'ld-article',
    /^(?:article|newsarticle|blogposting|reportagenewsarticle|opinionnewsarticle|analysisnewsarticle|liveblogposting|scholarlyarticle|report)$/,
  ],
  ['ld-forum', /^(?:discussionforumposting|qapage|question|answer|comment|socialmediaposting)$/],
  ['ld-product', /^(?:product|offer|aggregateoffer|productgroup|individualproduct|productmodel|vehicle|car)$/],
  ['ld-collection', /^(?:itemlist|collectionpage|searchresultspage|offercatalog)$/],
  ['ld-docs', /^(?:techarticle|apireference|softwaresourcecode|howto|softwareapplication)$/],
  [
    'ld-service',
    /^(?:service|localbusiness|professionalservice|organization|corporation|faqpage|contactpage|aboutpage|event|course|jobposting|place|restaurant|store|medicalorganization)$/,
  ],
  ['ld-webpage', /^(?:webpage|website)$/],
  ['ld-breadcrumb', /^breadcrumblist$/],
  ['ld-review', /^(?:review|aggregaterating|rating)$/],
  ['ld-person', /^(?:person|profilepage)$/],
];

export const GENERATOR_GROUPS: Array<[string, RegExp]> = [
  [
    'gen-forum',
    /discourse|phpbb|vbulletin|xenforo|invision|ips community|mybb|smf|nodebb|flarum|vanilla|discuz|khoros|lithium/i,
  ],
  [
    'gen-docs',
    /docusaurus|sphinx|mkdocs|gitbook|hugo|jekyll|vitepress|vuepress|readthedocs|antora|nextra|mintlify|docfx|doxygen|javadoc/i,
  ],
  ['gen-shop', /shopify|woocommerce|magento|prestashop|bigcommerce|opencart|shopware|salesforce commerce/i],
  ['gen-cms', /wordpress|drupal|joomla|ghost|typo3|squarespace|wix|webflow|hubspot/i],
];

export const OG_TYPES = ['article', 'product', 'website', 'profile', 'video', 'book'] as const;

/** Words that mark the chrome of a kind of page, counted per 1000 words of the page's text. */
export const WORD_GROUPS: Array<[string, RegExp]> = [
  [
    'words-forum',
    /\b(?:repl(?:y|ies)|quote|posts?|joined|wrote|said|registered|thread|answered|asked|upvotes?|votes?|members?|antworten|beiträge|beitrag|zitat|zitieren|mitglied|registriert|réponses?|répondre|respuestas?|responder|risposte|odpowiedzi)\b/giu,
  ],
  [
    'words-shop',
    /\b(?:add to (?:cart|bag|basket)|in stock|out of stock|buy now|free (?:shipping|delivery|returns)|sku|warenkorb|lieferzeit|versandkostenfrei|auf lager|panier|en stock|carrito|envío|carrello|spedizione)\b/giu,
  ],
  [
    'words-service',
    /\b(?:contact us|get (?:a|your) (?:free )?(?:quote|estimate)|get started|book (?:a|an|now|your)|our (?:services|team|clients|experts)|request a|call (?:us|now)|free consultation|schedule a|kontaktieren sie uns|unsere leistungen|contactez-nous|contáctenos)\b/giu,
  ],
  [
    'words-listing',
    /\b(?:read more|continue reading|weiterlesen|mehr lesen|lire la suite|leer más|leggi tutto|load more|show more|next page|previous page|older posts|newer posts|page \d+ of \d+|results?)\b/giu,
  ],
  [
    'words-docs',
    /\b(?:parameters?|returns?|arguments?|syntax|usage|installation|install|example|examples|default|deprecated|configuration|function|method|namespace|endpoint)\b/giu,
  ],
];

/**
 * The characters `/iu` matches against the word groups' letters (ASCII letters and ä, á, é, í)
 * while `/i` does not: the long s folds to s and the Kelvin sign to k, and both are word
 * characters for `\b` under `/iu`. Every other character matches alike under both flags.
 */
const FOLDS_ONTO_ASCII = /[\u017F\u212A]/;
/** The word groups without the `u` flag: the same matches on any other text, about five times faster. */
const WORD_GROUPS_PLAIN = WORD_GROUPS.map(([, re]) => new RegExp(re.source, re.flags.replace('u', '')));

/** How many times each of WORD_GROUPS matches in `text`, in the order of WORD_GROUPS. */
export function wordGroupCounts(text: string): number[] {
  const patterns = FOLDS_ONTO_ASCII.test(text) ? WORD_GROUPS.map(([, re]) => re) : WORD_GROUPS_PLAIN;
  return patterns.map((re) => (text.match(re) ?? []).length);
}

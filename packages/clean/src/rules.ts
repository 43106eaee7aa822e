import { hashValue } from '@corpuskit/document';
import type { RemovalCategory } from '@corpuskit/document';

/** Where a rule works: on the DOM before Readability, on the article DOM after it, or on text blocks. */
export type RuleStage = 'dom-before' | 'dom-after' | 'text';

export interface Rule {
  /** Stable id `category/name`; never reused for another meaning. */
  id: string;
  category: RemovalCategory;
  description: string;
  stages: RuleStage[];
  /** Bumped when the rule's behaviour changes, so the rule-pack hash changes with it. */
  revision: number;
}

const BOTH: RuleStage[] = ['dom-before', 'dom-after'];

/**
 * The rule pack. Rules prefer evidence (known widget markup, link density, position after
 * the article, runs of short lines) over single words; the word lists they use cover
 * English, German, French, Spanish, Italian and Dutch.
 */
export const RULES: readonly Rule[] = [
  // donation
  {
    id: 'donation/widget',
    category: 'donation',
    description:
      'Known donation plugin markup (GiveWP, Charitable, PayPal donate forms, Jetpack donations, Ko-fi/Patreon buttons).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'donation/ladder',
    category: 'donation',
    description:
      'A run of two or more lines that are only money amounts (a donation ladder), with the campaign date line next to it.',
    stages: ['dom-before', 'text'],
    revision: 1,
  },
  {
    id: 'donation/appeal',
    category: 'donation',
    description: 'A short stand-alone appeal such as "Support <Site>", "Donate", "Jetzt spenden".',
    stages: ['text'],
    revision: 1,
  },
  // image credits and captions
  {
    id: 'image-credit/element',
    category: 'image-credit',
    description: 'Credit markup inside figures and captions (.credit, .photo-credit, itemprop=copyrightHolder).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'image-credit/credit-line',
    category: 'image-credit',
    description:
      'A line that is only an image credit ("Photo: …", "© …", "Courtesy of …", an agency such as Getty Images or Alamy).',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'image-credit/trailing-credit',
    category: 'image-credit',
    description:
      'The credit clause at the end of a caption line ("… Courtesy of X / Alamy Stock Photo", "(Photo: X)").',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'image-credit/enlarge',
    category: 'image-credit',
    description: 'Image viewer controls such as "Click to see full-size image", "Zum Vergrößern klicken".',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'caption/figure',
    category: 'caption',
    description: 'Figure captions (figcaption, WordPress caption text) when captions are dropped.',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'caption/credited-line',
    category: 'caption',
    description: 'A text line that ends with an image credit is a caption; dropped when captions are dropped.',
    stages: ['text'],
    revision: 1,
  },
  // comments
  {
    id: 'comments/widget',
    category: 'comments',
    description: 'Known comment systems (WordPress comments, wpDiscuz, Disqus, Facebook comments, schema.org Comment).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'comments/thread',
    category: 'comments',
    description:
      'Everything after a comment-section marker ("Notify of", "Leave a Reply", "12 Comments", "Kommentare") that follows the article.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'comments/controls',
    category: 'comments',
    description:
      'Comment controls and wpDiscuz prompts ("Newest Most Voted", "Inline Feedbacks", "Reply", "Last edited … by").',
    stages: ['text'],
    revision: 1,
  },
  // share
  {
    id: 'share/widget',
    category: 'share',
    description:
      'Known share-button libraries (AddToAny, AddThis, ShareThis, Jetpack sharing, Shariff, Social Warfare, Shareaholic).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'share/links',
    category: 'share',
    description:
      'A small block whose links mostly go to share endpoints (facebook.com/sharer, twitter.com/intent, wa.me, mailto:?).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'share/buttons-line',
    category: 'share',
    description: 'A line made only of share-button labels ("Share", "Tweet", "Teilen", "Facebook", "E-Mail", "Print").',
    stages: ['text'],
    revision: 1,
  },
  // newsletter
  {
    id: 'newsletter/widget',
    category: 'newsletter',
    description:
      'Known newsletter forms (Mailchimp, MC4WP, MailPoet, Newsletter plugin, Jetpack subscriptions, ConvertKit, Brevo, Klaviyo).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'newsletter/email-form',
    category: 'newsletter',
    description: 'A small form whose only text field is an e-mail address.',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'newsletter/signup-line',
    category: 'newsletter',
    description: 'A short sign-up call ("Sign up for our newsletter", "Newsletter abonnieren").',
    stages: ['text'],
    revision: 1,
  },
  // related
  {
    id: 'related/widget',
    category: 'related',
    description:
      'Known related-content widgets (Jetpack related posts, YARPP, Contextual Related Posts, Outbrain, Taboola).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'related/heading',
    category: 'related',
    description:
      'A related-content heading ("Related articles", "Read more", "Mehr zum Thema") and the link lines after it.',
    stages: ['dom-after', 'text'],
    revision: 1,
  },
  {
    id: 'related/inline-link',
    category: 'related',
    description: 'An in-article teaser line ("Read more: …", "Lesen Sie auch: …") that is mostly a link.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'related/trailing-links',
    category: 'related',
    description: 'Link-only lines after the last paragraph of the article.',
    stages: ['text'],
    revision: 1,
  },
  // author bio
  {
    id: 'author-bio/widget',
    category: 'author-bio',
    description: 'Known author boxes (Simple Author Box, Molongui, Starbox, PublishPress authors, .author-bio).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'author-bio/profile-link',
    category: 'author-bio',
    description:
      '"View profile", "About the author", "Alle Artikel von …" and the short name/role lines just before it.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'author-bio/bio-sentence',
    category: 'author-bio',
    description: 'A closing one-paragraph biography ("Jane Doe is a senior fellow at …") after the article.',
    stages: ['text'],
    revision: 1,
  },
  // navigation
  {
    id: 'navigation/element',
    category: 'navigation',
    description:
      'Navigation markup: nav, role=navigation, breadcrumbs, pagination, post navigation, skip links, search forms.',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'navigation/line',
    category: 'navigation',
    description: 'Stand-alone navigation labels ("Back to top", "Next article", "Zurück zur Startseite").',
    stages: ['text'],
    revision: 1,
  },
  // advertisement
  {
    id: 'advertisement/element',
    category: 'advertisement',
    description: 'Ad slots (AdSense, Google Publisher Tag, Ad Inserter blocks, .advertisement).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'advertisement/label',
    category: 'advertisement',
    description:
      'Ad labels and disclosures ("Advertisement", "Anzeige", "Story continues below advertisement", "Dieser Beitrag enthält Werbung").',
    stages: ['text'],
    revision: 1,
  },
  // cookie consent
  {
    id: 'cookie-consent/element',
    category: 'cookie-consent',
    description: 'Consent banners (OneTrust, Cookiebot, Complianz, Borlabs, Cookie Notice, Usercentrics, Didomi).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'cookie-consent/line',
    category: 'cookie-consent',
    description: 'A short cookie notice ("We use cookies …", "Wir verwenden Cookies …").',
    stages: ['text'],
    revision: 1,
  },
  // paywall
  {
    id: 'paywall-notice/element',
    category: 'paywall-notice',
    description: 'Paywall and registration-wall markup (.paywall, .regwall).',
    stages: BOTH,
    revision: 1,
  },
  {
    id: 'paywall-notice/line',
    category: 'paywall-notice',
    description: 'A short paywall notice ("Subscribe to continue reading", "Dieser Artikel ist nur für Abonnenten").',
    stages: ['text'],
    revision: 1,
  },
  // promo
  {
    id: 'promo/app-links',
    category: 'promo',
    description: 'A small block of app-store links, or a short "download our app" call.',
    stages: ['dom-before', 'text'],
    revision: 1,
  },
  {
    id: 'promo/podcast-platforms',
    category: 'promo',
    description: 'A line listing three or more podcast platforms (Spotify, Apple Podcasts, Stitcher, …).',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'promo/subscription-pitch',
    category: 'promo',
    description: 'A short membership or subscription pitch ("Become a member", "Hazte miembro", "Cancel anytime").',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'promo/contributor-pitch',
    category: 'promo',
    description: 'A call for contributors ("Have an idea for a commentary? Send a short pitch", "Write for us").',
    stages: ['text'],
    revision: 1,
  },
  // metadata lines inside the body
  {
    id: 'metadata-line/title',
    category: 'metadata-line',
    description: 'The title repeated as a body line near the top.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'metadata-line/byline',
    category: 'metadata-line',
    description: 'A byline line ("By Jane Doe", "Von Max Mustermann", "Written by …") near the top or bottom.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'metadata-line/byline-role',
    category: 'metadata-line',
    description:
      'A short role line of the byline at the top ("BBC security correspondent", "Jane Doe, Science Editor"): next to a byline line, naming the author, or inside byline markup.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'metadata-line/date',
    category: 'metadata-line',
    description:
      'A line that is only a date or "Published/Updated <date>" (optionally with a second "last updated <date>") near the top or bottom.',
    stages: ['text'],
    revision: 2,
  },
  {
    id: 'metadata-line/reading-time',
    category: 'metadata-line',
    description: 'Reading-time and tag lines ("5 min read", "Lesezeit: 3 Minuten", "Tags: …").',
    stages: ['text'],
    revision: 1,
  },
  // other boilerplate
  {
    id: 'boilerplate/disclaimer',
    category: 'boilerplate',
    description:
      'Standing disclaimers and rights lines ("The views expressed … are the author\'s", "All rights reserved").',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'boilerplate/about-company',
    category: 'boilerplate',
    description: 'An "About <Company>" section closing a press release (heading plus a company description).',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'boilerplate/trailing-short',
    category: 'boilerplate',
    description: 'Short lines that are not sentences after the last paragraph (labels, widget titles, kickers).',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'boilerplate/hidden',
    category: 'boilerplate',
    description: 'Hidden and screen-reader-only elements ([hidden], .screen-reader-text, .sr-only, template).',
    stages: ['dom-before'],
    revision: 1,
  },
  // given by the caller
  {
    id: 'repeated/site-line',
    category: 'repeated',
    description: 'A line that the ingest step found repeated across many pages of the same site.',
    stages: ['text'],
    revision: 1,
  },
  {
    id: 'site-rule/remove',
    category: 'site-rule',
    description: 'A selector from the per-site rules, removed as configured.',
    stages: BOTH,
    revision: 1,
  },
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

/** Bumped when the pipeline around the rules (extraction, joining, metadata) changes output. */
export const PIPELINE_REVISION = 1;

/** SHA-256 of the rule pack (ids, categories, descriptions, stages, revisions) and the pipeline revision. */
export const RULE_PACK_HASH: string = hashValue({
  pipeline: PIPELINE_REVISION,
  rules: RULES.map((rule) => ({ ...rule })),
});

/** The cleaner's version: the package version. */
export const CLEANER_VERSION = '0.1.0';

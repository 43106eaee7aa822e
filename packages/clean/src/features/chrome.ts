/**
 * Page-chrome features for the page-type model (features/page.ts): the controls and short
 * labels that mark what a page is for, counted element by element in the page's walk of its body
 * (features/page.ts), and the head's metadata.
 *
 * - a shop's category page: sort controls, filter checkboxes, "N results/products", add-to-cart
 *   and quick-view buttons;
 * - a service page: call-to-action links and buttons ("Get a quote", "Book now"), phone and mail
 *   links, contact forms with several fields;
 * - documentation: the docs chrome ("Edit this page", "On this page", "Was this page helpful?"),
 *   a sidebar of nested link lists, titled previous/next links, version selectors;
 * - an article: a published date and an author in the head's metadata, a byline, dates shown
 *   in the text, long paragraphs, a headline that repeats the `<title>`.
 *
 * Generic signals only: wording in a few languages, no class names, no site names.
 */

import { letterDigitRuns } from '@corpuskit/document';

import type { TextStats } from './dom-walk.js';
import { HEADING_TAGS } from './headings.js';
import { lowerCase } from '../lower-case.js';

export const CHROME_FEATURES = [
  'sort-control',
  'log-checkboxes',
  'result-count',
  'log-cart-buttons',
  'log-cta',
  'cta-per-1000-words',
  'log-tel-mail-links',
  'log-form-fields',
  'log-docs-chrome',
  'log-sidebar-tree-links',
  'prev-next-titled',
  'version-select',
  'meta-published',
  'meta-author',
  'byline-line',
  'log-short-dates',
  'long-p-share',
  'title-h1-match',
  'log-title-words',
  'h1-count-one',
] as const;

const LABEL_TAGS = new Set(['a', 'button', 'span', 'li', 'option', 'label', 'summary', 'div', 'p', 'strong', 'b']);

const SORT =
  /^(?:sort(?:ed)? by:?|sort|sortieren(?: nach)?|trier par|ordenar por|ordina per|sorteer op|relevance|best ?sell(?:ing|ers)|price:? (?:low|high)[a-z ]*|newest(?: arrivals)?|featured|most popular|top rated|customer rating)$/i;
const SORT_OPTION = /\b(?:price|relevan|newest|popular|best ?sell|rating|featured|preis|prix|precio|prezzo)/i;
const RESULT_COUNT =
  /\b\d[\d,.\s]{0,8}\s(?:results?|items?|products?|styles?|produkte|artikel|ergebnisse|résultats|produits|articles|productos|resultados|prodotti|risultati)\b/i;
const CART =
  /^(?:add to (?:cart|bag|basket|wishlist)|quick (?:view|shop|add)|buy now|compare|in den warenkorb|ajouter au panier|añadir al carrito|aggiungi al carrello|in winkelwagen)$/i;
const CTA =
  /^(?:contact(?: us)?|get (?:started|in touch|a (?:free )?(?:quote|estimate|demo|consultation))|book (?:now|online|today|a [a-z ]+|an [a-z ]+|your [a-z ]+)|request (?:a |an )?[a-z ]+|schedule (?:a |an |your )?[a-z ]+|call (?:us|now|today)(?: [\d ()+-]+)?|sign up(?: now| today)?|apply(?: now| today)?|enrol+(?: now| today)?|register(?: now| today)?|learn more|find out more|free (?:trial|consultation|quote|estimate)|talk to (?:us|an? [a-z]+)|let'?s talk|start (?:now|today|your [a-z ]+)|get (?:a|your) [a-z ]+|kontakt(?:ieren)?|jetzt [a-zäöü ]+|anfrage [a-zäöü ]+|contactez[- ]nous|demander un devis|solicitar [a-z ]+|contáctenos|contattaci|richiedi [a-z ]+)$/i;
const DOCS_CHROME =
  /^(?:edit (?:this page|on github|page)|on this page|in this (?:article|page|section)|was this (?:page|article|topic) helpful\??|improve this (?:page|doc)|view (?:page )?source|suggest (?:an )?edits?|report an? (?:issue|problem with this page)|table of contents|contents|next steps|see also|auf dieser seite|inhaltsverzeichnis|sur cette page|dans cet article|en esta página|in questa pagina)$/i;
const PREV_NEXT =
  /^(?:next|previous|prev|weiter|zurück|suivant|précédent|siguiente|anterior|successivo|precedente)\b\W*\s*\S.{3,}/i;
const VERSION =
  /^(?:v(?:ersion)?\s?)?\d+(?:\.\d+){1,2}(?:\.x)?(?:\s*\(?(?:latest|stable|current|lts)\)?)?$|^(?:latest|stable|main|master|dev|nightly)$/i;
const BYLINE = /^(?:by|written by|posted by|von|par|por|di|door|av|przez|автор)\s+\p{Lu}/iu;
const SHORT_DATE =
  /\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d|\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|enero|feb|marzo|abr|mayo|junio|julio|agosto|sept|oct|nov|dic)[a-zéû]*\.? (?:de )?(?:19|20)\d\d|\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago)\b/i;
const TEXT_INPUT = new Set(['', 'text', 'email', 'tel', 'number', 'date', 'url']);

export interface ChromeInput {
  document: Document;
  /** Visible characters of the body. */
  totalChars: number;
  /** Words of the body's text. */
  words: number;
  /** The `<meta>` elements of the page. */
  metas: Element[];
}

const compact = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether the children of `el` are inside a navigation region (`inNav`: `el` is). */
export function navBelow(el: Element, tag: string, inNav: boolean): boolean {
  return inNav || tag === 'nav' || tag === 'aside' || el.getAttribute('role') === 'navigation';
}

/** How many lists deep the children of an element are (`listDepth`: the element is). */
export function listDepthBelow(tag: string, listDepth: number): number {
  return tag === 'ul' || tag === 'ol' ? listDepth + 1 : listDepth;
}

/**
 * The counts behind CHROME_FEATURES, gathered element by element by the page walk
 * (features/page.ts): every element of the body within depth 200, outside script, style,
 * template, noscript, svg and head elements.
 */
export class ChromeCounts {
  private sort = 0;
  private checkboxes = 0;
  private resultCount = 0;
  private cart = 0;
  private cta = 0;
  private telMail = 0;
  private docsChrome = 0;
  private sidebarTree = 0;
  private prevNext = 0;
  private version = 0;
  private byline = 0;
  private shortDates = 0;
  private longP = 0;
  private h1Count = 0;
  private firstH1 = '';
  private authorLink = 0;
  private publishedProp = 0;
  private formFields = 0;

  constructor(private readonly stats: TextStats) {}

  /** Count `el` (`tag`: its lower-case name), inside a navigation region or not, `listDepth` lists deep. */
  visit(el: Element, tag: string, inNav: boolean, listDepth: number): void {
    const stats = this.stats;
    if (tag === 'a') {
      const href = (el.getAttribute('href') ?? '').trim().toLowerCase();
      if (href.startsWith('tel:') || href.startsWith('mailto:')) this.telMail++;
      if (/\bauthor\b/.test((el.getAttribute('rel') ?? '').toLowerCase())) this.authorLink = 1;
      if (inNav && listDepth >= 2) this.sidebarTree++;
    } else if (tag === 'input') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (type === 'checkbox') this.checkboxes++;
    } else if (tag === 'select') {
      let sortOptions = 0;
      let versions = 0;
      for (const option of Array.from(el.querySelectorAll('option')).slice(0, 40)) {
        const text = compact(option.textContent ?? '');
        if (SORT_OPTION.test(text)) sortOptions++;
        if (VERSION.test(text)) versions++;
      }
      if (sortOptions >= 2) this.sort = 1;
      if (versions >= 2) this.version = 1;
    } else if (tag === 'form') {
      let fields = 0;
      for (const input of Array.from(el.querySelectorAll('input, textarea')).slice(0, 60)) {
        if (lowerCase(input.localName) === 'textarea') fields++;
        else if (TEXT_INPUT.has((input.getAttribute('type') ?? '').toLowerCase())) fields++;
      }
      if (fields > this.formFields) this.formFields = fields;
    } else if (tag === 'p') {
      const t = stats.of(el);
      if (t.chars - t.linkChars >= 200) this.longP += t.chars;
    } else if (tag === 'h1') {
      this.h1Count++;
      if (!this.firstH1) this.firstH1 = compact(el.textContent ?? '').toLowerCase();
    }
    const prop = el.getAttribute('itemprop');
    if (prop && /\b(?:datepublished|author)\b/i.test(prop)) this.publishedProp = 1;
    // Short labels: a control, a heading or a line of a few words.
    const label = LABEL_TAGS.has(tag) || HEADING_TAGS.has(tag);
    const t = label ? stats.of(el) : null;
    if (t && t.chars > 0 && t.chars <= 60) {
      const leafish = el.childElementCount <= 3;
      if (leafish) {
        const text = compact(el.textContent ?? '');
        if (tag === 'a' || tag === 'button') {
          if (CART.test(text)) this.cart++;
          if (CTA.test(text)) this.cta++;
          if (PREV_NEXT.test(text)) this.prevNext = 1;
          if (inNav && VERSION.test(text)) this.version = 1;
        }
        if (SORT.test(text)) this.sort = 1;
        if (DOCS_CHROME.test(text)) this.docsChrome++;
        if (!this.resultCount && RESULT_COUNT.test(text) && t.chars <= 40) this.resultCount = 1;
        if (el.childElementCount === 0) {
          if (BYLINE.test(text)) this.byline = 1;
          if (SHORT_DATE.test(text)) this.shortDates++;
        }
      }
    }
    if (tag === 'input' || tag === 'button') {
      const value = compact(el.getAttribute('value') ?? el.getAttribute('aria-label') ?? '');
      if (value && value.length <= 40) {
        if (CART.test(value)) this.cart++;
        if (CTA.test(value)) this.cta++;
      }
    }
  }

  /** The values of CHROME_FEATURES, in order, from the counts and the head's metadata. */
  values({ document, totalChars, words, metas }: ChromeInput): number[] {
    const { sort, checkboxes, resultCount, cart, cta, telMail, docsChrome, sidebarTree, prevNext, version } = this;
    const { byline, shortDates, longP, h1Count, firstH1, authorLink, publishedProp, formFields } = this;
    let metaPublished = publishedProp;
    let metaAuthor = authorLink;
    for (const meta of metas) {
      const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '')
        .toLowerCase()
        .trim();
      if (!(meta.getAttribute('content') ?? '').trim()) continue;
      if (
        /^(?:article:published_time|datepublished|date|pubdate|publishdate|dc\.date(?:\.issued)?|dcterms\.(?:issued|created)|sailthru\.date|parsely-pub-date)$/.test(
          key,
        )
      )
        metaPublished = 1;
      if (/^(?:author|article:author|dc\.creator|sailthru\.author|parsely-author|twitter:creator)$/.test(key))
        metaAuthor = 1;
    }
    const title = compact(document.querySelector('title')?.textContent ?? '').toLowerCase();
    const titleWords = letterDigitRuns(title);
    const per1000 = (x: number) => (words > 0 ? Math.min(50, (1000 * x) / words) : 0);
    return [
      sort,
      Math.log1p(checkboxes),
      resultCount,
      Math.log1p(cart),
      Math.log1p(cta),
      Math.log1p(per1000(cta)),
      Math.log1p(telMail),
      Math.log1p(formFields),
      Math.log1p(docsChrome),
      Math.log1p(sidebarTree),
      prevNext,
      version,
      metaPublished,
      metaAuthor,
      byline,
      Math.log1p(shortDates),
      totalChars > 0 ? Math.min(1, longP / totalChars) : 0,
      firstH1.length >= 8 && title.includes(firstH1.slice(0, 60)) ? 1 : 0,
      Math.log1p(titleWords),
      h1Count === 1 ? 1 : 0,
    ];
  }
}

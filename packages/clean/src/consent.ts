/**
 * Consent boxes the vendor selectors of `cookie-consent/element` do not know: a site's own
 * cookie banner or preferences dialog. Such a box is never the page's content, however much
 * prose it holds (a preferences dialog explains each kind of cookie in a paragraph, and
 * Readability may well take it for the article on a page of short cards).
 */

import { checkDeadline, guarded, isAttached, isKept, removeElement } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { readsAsCookieSettings } from './panels.js';
import { COOKIE_USE } from './rule-patterns.js';
import { pageHeadline, policyHeadline, titleElementText } from './policy-page.js';
import type { RuleId } from './rules.js';
import { descendants } from './selector-match.js';
import { squash } from './text-util.js';
import { lowerCase } from './lower-case.js';
import { tryCanonicalizeUrl } from '@corpuskit/document';

/**
 * Words of a class or id that name a consent box beside one more naming word (split at case changes,
 * dashes and underscores): `cookie-consent`, `gdpr-banner`, `consent_modal`. Alone they name a part of a
 * document as well (a privacy notice's `#gdpr` or `#consent` section).
 */
const CONSENT_NAMES: ReadonlySet<string> = new Set(['consent', 'gdpr']);
/** Words that name cookies: a box only beside a word of a box (a `cookie-policy` or `#cookies` is a document's part). */
const COOKIE_NAMES: ReadonlySet<string> = new Set(['cookie', 'cookies']);
/** Words of a box drawn over or around the page. */
const BOX_NAMES: ReadonlySet<string> = new Set([
  'banner',
  'bar',
  'notice',
  'notification',
  'modal',
  'popup',
  'pop',
  'dialog',
  'overlay',
  'wrapper',
  'container',
  'box',
  'prompt',
  'alert',
  'layer',
  'message',
  'accept',
  'law',
]);
/** A box's opening text is read for what it is about (a long dialog ends in its vendors' lists). */
const OPENING_CHARS = 300;
/** What a box lets the reader answer with: a consent box always has one (a link only as below). */
const CONTROL_SELECTOR =
  'button, input:not([type="hidden"]), select, [role="button"], [role="switch"], [role="checkbox"], a:not([href])';
/**
 * What a word of a consent box's controls does there (see ANSWER_WORDS):
 * - `lead`: opens an answer before a comma ("Yes, I agree", "OK, verstanden");
 * - `answer`: a link's text that begins with it answers the box — accepts, refuses, closes or sets
 *   the choice (a link to the policy does not);
 * - `decide`: the control accepts or refuses, rather than opens the settings (a policy page's own
 *   control is "Cookie settings" or "Change your choice", never "Accept all");
 * - `dismiss`: the control's whole text, it only puts the notice away (a bar that informs rather
 *   than asks is answered so; a policy's own text never is);
 * - `choice`: a link's label holding it names the control that makes or changes the cookie choice
 *   ("Cookie settings", "Change your choices"): on a policy page, a link to its own choice control
 *   (CHOICE_CONTROL).
 */
type AnswerRole = 'lead' | 'answer' | 'decide' | 'dismiss' | 'choice';

/** The words of a consent box's answers (regular-expression sources, matched without case), each with its roles. */
const ANSWER_WORDS: ReadonlyArray<readonly [string, readonly AnswerRole[]]> = [
  ['yes|oui|ja', ['lead']],
  ['ok(?:ay)?', ['lead', 'answer', 'dismiss']],
  ['accept|reject|decline|allow|deny|agree|only necessary|necessary only', ['answer', 'decide']],
  ['got it|understood', ['answer', 'decide', 'dismiss']],
  ['dismiss|close|continue', ['answer', 'dismiss']],
  ['save|manage|customi[sz]e|settings|preferences|understand', ['answer']],
  ['i understand|hide|no thanks|[×✕✖xX]', ['dismiss']],
  ['verstanden|einverstanden|akzeptieren|alle akzeptieren|ablehnen|zustimmen', ['answer', 'decide']],
  ['alles klar', ['answer']],
  ["accepter|j['’]accepte|tout accepter|refuser", ['answer', 'decide']],
  ["d['’]accord|compris", ['answer']],
  ['aceptar|acepto|rechazar|accetta|accetto|rifiuta', ['answer', 'decide']],
  ['ho capito', ['answer']],
  ['fermer|schlie(?:ß|ss)en|cerrar|chiudi', ['dismiss']],
  ['settings?|preferences?|choices?|choose|change|manage|withdraw|options', ['choice']],
  ['einstellungen|auswahl|verwalten|widerrufen', ['choice']],
  ['param[eè]tres|pr[eé]f[eé]rences|g[eé]rer', ['choice']],
  ['configuraci[oó]n|preferencias|gestionar', ['choice']],
  ['impostazioni|preferenze|gestisci', ['choice']],
  ['instellingen|voorkeuren|beheren', ['choice']],
];

/** The answer words that have `role`, as one alternation. */
function answerWords(role: AnswerRole): string {
  return ANSWER_WORDS.filter(([, roles]) => roles.includes(role))
    .map(([source]) => source)
    .join('|');
}

/** The opening of an answer: a lead word and a comma ("Yes,"), then "I" ("I agree"), both optional. */
const ANSWER_OPENING = `^(?:(?:${answerWords('lead')})[,!]?\\s+)?(?:i\\s+)?`;
/** A link that answers: its text begins with an `answer` word (after the opening); "I agree", "OK, verstanden". */
const ANSWER_LINK = new RegExp(`${ANSWER_OPENING}(?:${answerWords('answer')})(?![\\w-])`, 'i');
/** A control that accepts or refuses: its text begins with a `decide` word (after the opening). */
const ACCEPT_OR_REFUSE = new RegExp(`${ANSWER_OPENING}(?:${answerWords('decide')})(?![\\w-])`, 'i');
/** A control that only dismisses: its whole text is a `dismiss` word ("OK", "Close", "×"). */
const DISMISS = new RegExp(`^(?:${answerWords('dismiss')})[.!]?$`, 'i');

/** A class that files a post or product under a term (`category-cookies`, `tag-privacy`): a subject, not a box. */
const TERM_CLASS = /^(?:category|tag|term|product_cat|product_tag|topic)[-_]/i;

/**
 * The words of a class and id (`names`: both, space-separated), less the term classes:
 * `modal_cookie-consent` -> modal, cookie, consent; `cookieWrapper` -> cookie, wrapper.
 */
function nameWords(names: string): string[] {
  return names
    .split(/\s+/)
    .filter((name) => !TERM_CLASS.test(name))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether `el` is drawn as a dialog (tag, role or aria-modal). */
function isDialog(el: Element): boolean {
  const tag = lowerCase(el.localName);
  const role = el.getAttribute('role') ?? '';
  return tag === 'dialog' || role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true';
}

/**
 * Whether the class or id words name a consent box: consent or gdpr beside another word of consent,
 * of cookies or of a box, or cookies beside a word of a box.
 */
function namedBox(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  // Every word that can make a box (consent, gdpr, cookie) is a run of the names in lower case:
  // names without one are not split into words.
  const lower = names.toLowerCase();
  if (!lower.includes('consent') && !lower.includes('gdpr') && !lower.includes('cookie')) return false;
  const words = nameWords(names);
  const consent = words.filter((word) => CONSENT_NAMES.has(word)).length;
  const cookie = words.some((word) => COOKIE_NAMES.has(word));
  const box = words.some((word) => BOX_NAMES.has(word));
  if (consent > 0 && (consent > 1 || cookie || box)) return true;
  return cookie && box;
}

/** What a consent box's paragraphs speak of (see readsAsCookieSettings): cookies, consent, privacy, partners, tracking. */
const ABOUT_COOKIES = /\b(?:cookie|consent|privac|partners|tracking|datenschutz|einwilligung|confidentialit)/i;
/** A box holds at most this much prose about something else (its paragraphs that name none of ABOUT_COOKIES)… */
const MAX_OTHER_PROSE = 300;

/**
 * Whether most of the prose under `el` is about something else than cookies: the paragraphs that
 * name none of ABOUT_COOKIES hold more than MAX_OTHER_PROSE characters and more than those that
 * do. A page wrapper whose class tells that a banner is showing (`has-cookie-notice`) holds the
 * banner first and the article after it; a consent box speaks of cookies throughout.
 */
function holdsOtherProse(el: Element): boolean {
  let about = 0;
  let other = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
    const text = squash(p.textContent ?? '');
    if (ABOUT_COOKIES.test(text)) about += text.length;
    else other += text.length;
  }
  return other > MAX_OTHER_PROSE && other > about;
}

/**
 * A control that only shows more or less of the text around it (an expander's "Show more"): a
 * reading aid, not an answer. A box whose only controls are these asks the reader nothing.
 */
const DISCLOSURE =
  /^(?:(?:show|read|see|view) (?:more|less|all)|more|less|expand|collapse|(?:mehr|weniger)(?: (?:anzeigen|lesen))?|weiterlesen|(?:voir|lire) (?:plus|moins)|(?:ver|leer) m[aá]s|mostra (?:di )?(?:più|meno))\W*$/i;

/** Whether `el` holds a control to answer with: a button, field or switch, a script's link, or a link that answers. */
function holdsAnswer(el: Element): boolean {
  for (const control of Array.from(el.querySelectorAll(CONTROL_SELECTOR))) {
    if (!DISCLOSURE.test(squash(control.textContent ?? ''))) return true;
  }
  return Array.from(el.querySelectorAll('a[href]')).some((a) => ANSWER_LINK.test((a.textContent ?? '').trim()));
}

/** Where the part of the page a headline heads stops growing: a region that holds the whole document. */
const PART_REGIONS: ReadonlySet<string> = new Set(['main', 'article']);

/**
 * Whether `el` wraps the whole page rather than a part of it (a theme's `#page` or `.site`): a
 * child of the body, or an element that holds all the body's text.
 */
function wrapsPage(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return true;
  const tag = lowerCase(parent.localName);
  if (tag === 'body' || tag === 'html') return true;
  const body = el.ownerDocument.body;
  return !!body && squash(el.textContent ?? '').length >= squash(body.textContent ?? '').length;
}

/**
 * The part of the page `headline` heads: its nearest ancestor that holds text besides the
 * headline's, at most the main region or article around it; null when that is the body (a
 * headline placed straight in the body heads no part of its own). A headline wrapped alone in a
 * `<header>` or `<hgroup>` heads what follows that wrapper: its parent when that is a region or a
 * part of the page, but when the parent wraps the whole page (wrapsPage: the site's bars and
 * footer are in it too) only the policy's own body, the wrapper's next sibling that holds text.
 */
function headedPart(headline: Element): Element | null {
  const own = squash(headline.textContent ?? '').length;
  let from = headline;
  for (let part = headline.parentElement; part; from = part, part = part.parentElement) {
    const tag = lowerCase(part.localName);
    if (tag === 'body' || tag === 'html') return null;
    if (PART_REGIONS.has(tag)) return part;
    if (squash(part.textContent ?? '').length <= own) continue;
    if (from === headline || !wrapsPage(part)) return part;
    for (let next = from.nextElementSibling; next; next = next.nextElementSibling) {
      if (squash(next.textContent ?? '')) return next;
    }
    return null;
  }
  return null;
}

/**
 * Whether `el` holds the answer of a site's consent bar: a button or link that accepts or refuses
 * (see ACCEPT_OR_REFUSE), or one that only dismisses (see DISMISS).
 */
function holdsBarAnswer(el: Element): boolean {
  return Array.from(el.querySelectorAll(`${CONTROL_SELECTOR}, a[href]`)).some((control) => {
    const text = squash(control.textContent ?? '');
    const label = text || squash(control.getAttribute('aria-label') ?? '');
    return ACCEPT_OR_REFUSE.test(text) || DISMISS.test(label);
  });
}

/**
 * Whether `el` is the text of a cookie or privacy policy (`context.policyPage`, see
 * isPolicyPage): it comes after the page's headline in the part of the page the headline heads
 * (see headedPart) and holds no control that accepts, refuses or dismisses (the site's own consent
 * bar on that page does, see holdsBarAnswer). There `el` is the page's text, however it is named
 * (a `cookie-policy-container` holding the policy, with its "Cookie settings" button).
 */
function textOfCookiePage(headline: Element, part: Element | null, el: Element): boolean {
  // The site's own consent bar on the policy page asks to accept or refuse, or to dismiss it; the policy's text does not.
  if (!part || holdsBarAnswer(el)) return false;
  if (!part.contains(el) || el.contains(headline)) return false;
  return (headline.compareDocumentPosition(el) & FOLLOWING) !== 0;
}
/** Node.DOCUMENT_POSITION_FOLLOWING (no `Node` global on linkedom). */
const FOLLOWING = 4;

/**
 * Whether the class or id of `el` holds a word of consent or of cookies (`gdpr-rights`,
 * `consent-table`, `cookie-list`): on a policy page, a name for its subject.
 */
function namesSubject(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  const lower = names.toLowerCase();
  if (!lower.includes('consent') && !lower.includes('gdpr') && !lower.includes('cookie')) return false;
  return nameWords(names).some((word) => CONSENT_NAMES.has(word) || COOKIE_NAMES.has(word));
}

/**
 * The site speaking to its visitor about this visit's cookies: "This website uses cookies …", "We use
 * cookies to …" as a notice opens, or consent implied by browsing on ("By continuing to browse you
 * consent to our use of cookies"). A policy's text says what the site does and why; a notice tells the
 * visitor what this visit does.
 */
const SITE_NOTICE = new RegExp(
  String.raw`^(?:${COOKIE_USE})\b|\bby (?:continuing|using|browsing|staying|navigating)\b.{0,80}?\byou (?:agree|consent|accept)\b|\byou (?:agree|consent) to (?:our|the) use of cookies\b`,
  'i',
);
/** A notice is short: the bound of a cookie notice line (`cookie-consent/line`). */
const NOTICE_CHARS = 500;

/**
 * Whether `el` is the site's cookie notice rather than a part of the policy's text: a short block
 * (NOTICE_CHARS) with no heading of its own whose text speaks to the visitor about this visit's
 * cookies (SITE_NOTICE) or that ends in a link to the page it stands on (endsWithLinkToPage). Such a notice needs no button: an implied-consent notice ends in a link to
 * the policy ("More information") and goes as any notice does.
 */
function readsAsSiteNotice(el: Element, pageUrl: string | null): boolean {
  const text = squash(el.textContent ?? '');
  if (text.length > NOTICE_CHARS || el.querySelector('h1, h2, h3, h4, h5, h6')) return false;
  return SITE_NOTICE.test(text) || endsWithLinkToPage(el, text, pageUrl);
}

/** A word for cookies in the languages the notice phrases cover (SITE_NOTICE). */
const COOKIE_WORD = /\bcookies?\b/i;

/** Marks that may close a notice or its link's label: punctuation, a bracket, an arrow ("More information ›"). */
const TRAILING_MARKS = /[\s.!?:;,)\]»›>→]+$/u;

/**
 * A link's label that names a control to make or change the cookie choice ("Cookie settings",
 * "Change your choices", "Manage preferences"): on a policy page, a link to its own choice control,
 * not a notice's "More information".
 */
const CHOICE_CONTROL = new RegExp(`\\b(?:${answerWords('choice')})(?![\\p{L}])`, 'iu');

/**
 * Whether `el` ends by sending the visitor to the page it stands on (`pageUrl`), as the site's
 * notice on its own policy page does ("Cookies help us … More information ›", however it is worded):
 * its text speaks of cookies, and its last link — nothing but punctuation or an arrow after its label,
 * itself read without them — leads to this very address (host, path and query as a document id
 * compares them, tracking parameters such as `utm_source` aside: a print version, another language or
 * an older version of the policy has a query of its own, and a link to a part of the page a fragment).
 * A policy's part that names its own address within a sentence goes on after the link and stays; so
 * does one whose link names a control for the cookie choice ("Cookie choices", "Change your
 * settings") or is drawn as a button: it points to the choice on this page, as a policy's part on
 * withdrawing consent does.
 */
function endsWithLinkToPage(el: Element, text: string, pageUrl: string | null): boolean {
  if (!pageUrl || !COOKIE_WORD.test(text)) return false;
  const links = el.querySelectorAll('a[href]');
  const last = links[links.length - 1];
  if (!last) return false;
  const label = squash(last.textContent ?? '').replace(TRAILING_MARKS, '');
  if (!label || !text.replace(TRAILING_MARKS, '').endsWith(label)) return false;
  if (CHOICE_CONTROL.test(label) || lowerCase(last.getAttribute('role') ?? '') === 'button') return false;
  const href = (last.getAttribute('href') ?? '').trim();
  if (!href || href.includes('#')) return false;
  try {
    // Compared as document ids (no tracking parameters, no trailing slash), `http:` or `https:` aside.
    const address = (url: string) => tryCanonicalizeUrl(url)?.replace(/^https?:/, '') ?? null;
    const page = address(pageUrl);
    return page !== null && address(new URL(href, pageUrl).href) === page;
  } catch {
    return false;
  }
}

/**
 * On a cookie or privacy policy (`document`'s title or headline names one, see isPolicyPage): the
 * test of whether an element is a part of the policy's text named for its subject — a class or id
 * of consent or cookies (see namesSubject) on the policy's text as `consent-box` reads it (see
 * textOfCookiePage: after the headline, in the part it heads, no control to accept, refuse or
 * dismiss), and no short notice of the site to its visitor (see readsAsSiteNotice: "This website
 * uses cookies … By continuing to browse you consent …", or a short block on cookies ending in a link
 * to this very page, however named; `pageUrl`: the page's address, when known). A search for the article
 * that reads such names as a site's consent banner (Readability takes every `gdpr` for one) must
 * keep them: there they are the page. Null when the page has no policy headline heading a part.
 */
export function policyPartTest(document: Document, pageUrl: string | null = null): ((el: Element) => boolean) | null {
  const root = document.body;
  if (!root) return null;
  const title = titleElementText(document);
  const policy = policyHeadline(title, root) ?? pageHeadline(title, root);
  const part = policy ? headedPart(policy) : null;
  if (!policy || !part) return null;
  const answers = new WeakMap<Element, boolean>();
  return (el) => {
    if (!namesSubject(el)) return false;
    let answer = answers.get(el);
    if (answer === undefined)
      answers.set(el, (answer = textOfCookiePage(policy, part, el) && !readsAsSiteNotice(el, pageUrl)));
    return answer;
  };
}

/**
 * Whether `el`, a dialog or an element named as a box by a class or id word (namedBox), is a
 * consent box: its opening text speaks of cookies together with consent or privacy (see
 * readsAsCookieSettings), and it holds a control to answer with (holdsAnswer).
 */
function isConsentBox(el: Element): boolean {
  const text = squash(el.textContent ?? '').slice(0, OPENING_CHARS);
  return readsAsCookieSettings(text) && holdsAnswer(el);
}

/**
 * `consent-box`: remove each outermost consent box under `root` (see isConsentBox) that holds
 * neither the page's headline (see pageHeadline) nor mostly prose about something else (see
 * holdsOtherProse): a box is a small banner or dialog, never the page around it. `elements`:
 * the elements under `root` in document order (`descendants`), or a list made before some were
 * removed (those no longer under `root` are skipped).
 */
export function removeConsentBoxes(
  context: DomRuleContext,
  root: Element,
  ruleId: RuleId,
  reason: string,
  elements: readonly Element[] = descendants(root),
): void {
  // The dialogs and the elements named as boxes, in document order.
  const candidates = elements.filter((el) => isDialog(el) || namedBox(el));
  // Looked for once, and only on a page that has a consent box: before anything is removed.
  let headline: Element | null | undefined;
  // On a cookie or privacy policy: the policy's headline and the part of the page it heads.
  let policy: Element | null = null;
  let part: Element | null = null;
  for (const el of candidates) {
    checkDeadline(context);
    if (!isAttached(el, root) || !isConsentBox(el)) continue;
    if (headline === undefined) {
      const title = titleElementText(context.document);
      headline = pageHeadline(title, root);
      if (context.policyPage) policy = policyHeadline(title, root) ?? headline;
      if (policy) part = headedPart(policy);
    }
    if (headline && el.contains(headline)) continue;
    if (policy && textOfCookiePage(policy, part, el)) continue;
    if (holdsOtherProse(el)) continue;
    if (isKept(context, el) || guarded(context, el, ruleId, root)) continue;
    removeElement(context, el, ruleId, `${reason} (${isDialog(el) ? 'a dialog' : 'named by its class or id'})`);
  }
}

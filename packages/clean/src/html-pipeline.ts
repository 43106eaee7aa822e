/**
 * The HTML pipeline: markup preparation, DOM, metadata, DOM rules before Readability,
 * Readability, DOM rules on the article, blocks, text rules, the lead, Markdown.
 */

import type { Readability } from '@mozilla/readability';
import { PAGE_TYPES, emptyMetadata, hostOf, savedFromUrl } from '@corpuskit/document';
import type { DocumentMetadata, PageTypeResult, Removal, StatusReason } from '@corpuskit/document';

import { extractBlocks } from './blocks.js';
import type { Block } from './blocks.js';
import { elementCounts, flattenMarkup, jsdomReleased, parseHtml, surveyMarkup } from './dom.js';
import { removePostChrome } from './forum-posts.js';
import { removeShopRows } from './shop-rows.js';
import {
  FRAME_ONLY_SHARE,
  MIN_READABILITY_REGION_PROSE_SHARE,
  MIN_REGION_BODY_CHARS,
  MIN_READABILITY_REGION_SHARE,
  PROSE_REGION_RULES,
  isMainRegion,
  framedBlocks,
  framedShare,
  landmarkFreeRegion,
  proseBesideRegion,
  regionChars,
  regionProseChars,
  removeRegionChrome,
} from './type-roots.js';
import { bylineDate } from './byline-date.js';
import { isAfterFetch, localDayFromUrl, urlPathDay } from './dates.js';
import { applyDomRules, pageCaptionShare } from './dom-engine.js';
import { ruleApplies } from './dom-removal.js';
import type { DomRuleContext, PendingRemoval } from './dom-engine.js';
import { cleanError } from './errors.js';
import { TextStats } from './features/dom-walk.js';
import { pageFeatures } from './features/page.js';
import { countBelow, placeTextRemovals } from './finish.js';
import type { Pipeline } from './finish.js';
import { textToMarkdown, toMarkdown } from './markdown.js';
import { readPageMetadata, splitNames, timeElementDate } from './metadata.js';
import { PageReadability } from './readability.js';
import type { PageMetadata } from './metadata.js';
import { addLead, findLead, introBlocks } from './lead.js';
import { JSDOM_MAX_CHARS, JSDOM_MAX_CHILDREN, JSDOM_MAX_ELEMENTS, MAX_DEPTH } from './options.js';
import type { Deadline, Resolved } from './options.js';
import { articleIndexBefore, outsideArticle } from './outside-article.js';
import { faqBlocks, faqSections, pageAddresses } from './faq.js';
import { restoreDroppedHeadings, sectionHeadings } from './dropped-headings.js';
import { AROUND_RULES, widenPlan, widenedContainer } from './widen.js';
import { cardRegion, cardRegionText, picksIntroOfCards } from './card-region.js';
import { ruleById } from './rules.js';
import { drawnByScript } from './script-shell.js';
import { classifyPage } from './page-type.js';
import { keepsPanels } from './panels.js';
import { policyPartTest } from './consent.js';
import { isPolicyPage } from './policy-page.js';
import { cleaningPlan, disabledForType } from './page-type-rules.js';
import { siteRulesFor } from './site-rules.js';
import { applyTextRules } from './text-engine.js';
import { ListedElements } from './selector-match.js';
import { squash, squashedLength } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** Clean an HTML page (already decoded). */
export async function htmlPipeline(
  html: string,
  resolved: Resolved,
  warnings: string[],
  deadline: Deadline,
): Promise<Pipeline> {
  // Scripts, style blocks and comments stay in the markup: the parser finds where they end.
  let markup = html;
  const survey = surveyMarkup(markup);
  const { depth } = survey;
  const preReasons: StatusReason[] = [];
  if (depth > MAX_DEPTH) {
    markup = flattenMarkup(markup);
    warnings.push(`elements are nested ${depth} deep; the page was flattened to its paragraphs before parsing`);
    preReasons.push({
      code: 'too-deep',
      message: `elements nested ${depth} deep (more than ${MAX_DEPTH}); structure was dropped`,
    });
  }
  deadline.check('markup preparation');
  const url = resolved.url ?? savedFromUrl(html, 4096);
  let engine = resolved.engine;
  if (engine === 'jsdom' && markup.length > JSDOM_MAX_CHARS) {
    engine = 'linkedom';
    warnings.push(
      `the page is ${markup.length} characters after preparation, too large for jsdom in reasonable time and memory; linkedom was used`,
    );
  }
  let page = await parseHtml(markup, engine, url, warnings, survey);
  if (engine === 'jsdom') {
    const counts = elementCounts(page.document);
    const crowded =
      counts.elements > JSDOM_MAX_ELEMENTS
        ? `${counts.elements} elements`
        : counts.mostChildren > JSDOM_MAX_CHILDREN
          ? `an element of ${counts.mostChildren} child elements`
          : null;
    if (crowded) {
      page.close();
      await jsdomReleased();
      engine = 'linkedom';
      warnings.push(
        `the page has ${crowded}, too many for jsdom in reasonable time (Readability's cost there grows with the square of a sibling list); linkedom was used`,
      );
      page = await parseHtml(markup, engine, url, warnings, survey);
    }
  }
  try {
    deadline.check('DOM parsing');
    let document = page.document;
    const body = document.body ?? document.documentElement;
    if (!body) throw cleanError('clean.dom-failed', 'the page has no body', resolved.source);
    const bodyTextContent = body.textContent ?? '';
    const pageMeta = readPageMetadata(document, { url, fetchedAt: resolved.fetchedAt });
    warnings.push(...pageMeta.warnings);
    // Typed by the page's URL, else its canonical URL's (as the site rules below are chosen).
    // The features' text statistics of the page, read again by the cleaning plan (the tree is
    // unchanged until the DOM rules run).
    const stats = new TextStats();
    const typed = typePage(document, url ?? pageMeta.canonicalUrl, resolved, bodyTextContent, stats);
    // The type the page is cleaned as (see page-type-rules.ts): the reported type only when safe.
    const gain = resolved.pageTypeModel ? resolved.pageTypeModel.cleaningGain : undefined;
    const plan = cleaningPlan(typed, resolved.pageType !== null, body, gain, stats);
    const pageType = plan.type;
    const disabled = pageType ? disabledForType(pageType, resolved.disabled) : resolved.disabled;
    const articleRoots = articleRootsOf(document);
    const timeDate = timeElementDate(articleRoots, resolved.fetchedAt);
    // Read before the rules run (they drop byline and date lines), and only when needed.
    const textDate = pageMeta.publishedAt || timeDate ? null : bylineDate(body, resolved.fetchedAt);
    const bodyText = squash(bodyTextContent);
    const visibleChars = bodyText.length;
    const lead = findLead(body, bodyText, pageMeta.descriptions);

    // The site is the page's URL's host, else its canonical URL's (a saved file with no URL
    // given, or with a `file:` one).
    const site = siteRulesFor(resolved.siteRules, hostOf(url ?? '') ?? hostOf(pageMeta.canonicalUrl ?? ''));
    const removals: PendingRemoval[] = [];
    const suspicions: string[] = [];
    const context: DomRuleContext = {
      document,
      stage: 'dom-before',
      captions: resolved.captions,
      disabled,
      site,
      removals,
      suspicions,
      bodyChars: visibleChars,
      pageType,
      pageUrl: url ?? pageMeta.canonicalUrl ?? null,
      deadline,
      policyPage: isPolicyPage(document, body, pageMeta.title),
    };
    // Decided on what will be the content: the thread or main region when that is the root
    // (text around it, such as a widget column, must not outvote the captions inside it).
    const contentRegion = site?.content ? null : (plan.threadRoot ?? plan.mainRoot);
    // The body's elements, listed once for the captions' share and the DOM rules (see ListedElements).
    const listed = new ListedElements(body);
    if (context.captions === 'drop' && pageCaptionShare(contentRegion ?? body, listed) > 0.5) {
      context.captions = 'keep';
      warnings.push('captions hold most of the text on this page (a gallery or slideshow); they are kept');
    }
    applyDomRules(context, body, listed);
    deadline.check('DOM rules');
    // Measured before Readability strips the document (used after it, see below).
    const region = plan.landmarkRegion ? landmarkFreeRegion(body) : null;
    // The page's text as blocks, before Readability takes the article out of it: what the
    // article leaves out is reported (`boilerplate/outside-article`).
    const outsideRule = ruleById('boilerplate/outside-article');
    const reportOutside = ruleApplies(outsideRule, resolved.disabled, 'dom-after', resolved.pageType);
    // The same walk notes where each DOM removal's marker stood among the page's blocks: a
    // removal outside the article is placed among the article's blocks by the page blocks around it.
    let pageMarks: Array<{ blockIndex?: number }> = removals.map(() => ({}));
    let pageBlocks = extractBlocks(body, pageMarks);
    // Which of those blocks stand in the page's frame (its header, footer, menus, sidebars), for a
    // page whose region may be taken around them.
    const framed = region ? framedBlocks(body, pageBlocks) : null;

    // The page's section headings, read before Readability strips the page (see dropped-headings.ts).
    const headings = sectionHeadings(pageBlocks);
    // … and its questions sections, each with where its box ends (see faq.ts).
    const faqs = faqSections(pageBlocks);

    // An article page's card region, read before Readability strips the page: Readability may
    // take only the intro of a listing (see below). Not on a page that names its author: a
    // listing's intro is credited to nobody, an article is, however short. Nor on a page whose
    // JSON-LD declares it an article (a wire brief, a notice: no author, a "more news" grid below).
    const cardsBefore =
      pageType === 'article' && !site?.content && pageMeta.authors.length === 0 && !pageMeta.declaresArticle
        ? cardRegionText(body)
        : null;

    let root: Element | null = null;
    let readable: ReturnType<Readability<Element>['parse']> = null;
    const reasons: StatusReason[] = [...preReasons];
    // Saved before its script drew it: no content, so no text. What the body holds (a footer, a
    // notice to turn script on) is reported as left out; the description stays metadata.
    // The whole page is looked at, not the body only: a page whose <body> tag is missing may have its
    // content parsed into the head.
    const shell = drawnByScript(markup, document.documentElement ?? body);
    if (shell) {
      root = document.createElement('div');
      reasons.push({
        code: 'no-content',
        message:
          'the saved HTML holds no content: the page is drawn by script, and its body holds nothing but a footer or a notice',
      });
    }
    if (!shell && site?.content) {
      try {
        root = document.querySelector(site.content);
      } catch {
        warnings.push(`per-site content selector '${site.content}' is not valid here`);
      }
      if (!root) warnings.push(`per-site content selector '${site.content}' matched nothing; Readability used`);
    }
    // A forum thread: its posts are the content, Readability's best container is one post.
    if (!root && plan.threadRoot) root = plan.threadRoot;
    if (!root && plan.mainRoot) root = plan.mainRoot;
    if (!root) {
      try {
        readable = new PageReadability(
          document,
          { keepClasses: true, charThreshold: 400, serializer: (node) => node as Element },
          {
            copyPage: engine === 'linkedom',
            walkTags: engine === 'linkedom',
            // The page types whose tab (and accordion) panels are their text (boilerplate/hidden keeps them).
            keepPanels: keepsPanels(ruleById('boilerplate/hidden'), pageType),
            // On a cookie or privacy policy, its parts named for its subject (`gdpr`) are its text.
            ...(context.policyPage
              ? { policyParts: (page: Document) => policyPartTest(page, context.pageUrl ?? null) }
              : {}),
          },
        ).parse();
        root = readable?.content ?? null;
      } catch (error) {
        warnings.push(
          `Readability failed (${error instanceof Error ? error.message.slice(0, 120) : String(error)}); the whole body is used`,
        );
      }
    }
    deadline.check('Readability');
    // A fresh parse of the page with the DOM rules applied (Readability strips the document it
    // searches), adopted as the page when `pick` finds the content's root in it.
    const reparse = async (pick: (body: Element, blocks: Block[]) => Element | null): Promise<Element | null> => {
      const fresh = await parseHtml(markup, engine, url, [], survey);
      const freshRemovals: PendingRemoval[] = [];
      const freshSuspicions: string[] = [];
      const freshContext = {
        ...context,
        document: fresh.document,
        removals: freshRemovals,
        suspicions: freshSuspicions,
      };
      let freshMarks: Array<{ blockIndex?: number }>;
      let freshBlocks: Block[];
      let picked: Element | null;
      try {
        const freshBody = fresh.document.body ?? fresh.document.documentElement;
        // The DOM rules stop here when the time is up: the fresh page is closed like the other.
        applyDomRules(freshContext, freshBody!);
        freshMarks = freshRemovals.map(() => ({}));
        freshBlocks = extractBlocks(freshBody!, freshMarks);
        picked = pick(freshBody!, freshBlocks);
      } catch (error) {
        fresh.close();
        throw error;
      }
      if (!picked) {
        fresh.close();
        return null;
      }
      page.close();
      page = fresh;
      document = fresh.document;
      context.document = document;
      removals.splice(0, removals.length, ...freshRemovals);
      suspicions.splice(0, suspicions.length, ...freshSuspicions);
      pageMarks = freshMarks;
      pageBlocks = freshBlocks;
      return picked;
    };
    // Readability took one of several containers the body is split across: widen the article
    // to the smallest element around it that holds most of the page's prose (see widen.ts).
    let widened = false;
    let alsoRules: ReadonlySet<string> | undefined;
    const readableBlocks = readable && root ? extractBlocks(root, []) : null;
    const lowerBar = pageType === 'article' || pageType === 'service';
    const widening = readableBlocks ? widenPlan(pageBlocks, readableBlocks, lowerBar) : null;
    if (widening) {
      const container = await reparse((_body, blocks) =>
        blocks.length === pageBlocks.length
          ? widenedContainer(blocks, widening, () => deadline.check('container widening'))
          : null,
      );
      if (container) {
        root = container;
        widened = true;
        // A service page widened at the article's lower bar runs the article's rules for what
        // the wider container brings in beside the body (see widen.ts `AROUND_RULES`).
        if (pageType === 'service' && widening.lowerBar) alsoRules = AROUND_RULES;
      }
      deadline.check('container widening');
    }
    // A service, product or collection page with no main region found, where Readability took a
    // small part of the page outside its header, footer, menus and sidebars (one section of
    // several: a service's offer, steps and questions; a shop's text block beside its grid of
    // products): the content is that whole region, less those landmarks. So is a listing's (and
    // any of those types') when what Readability took is the frame itself (FRAME_ONLY_SHARE).
    let landmarkRegion = false;
    // What Readability took from the frame itself (a site footer's testimonials or links) is not
    // the region's: only the rest of its text counts. On a service page, its share of the region's
    // prose counts too (MIN_READABILITY_REGION_PROSE_SHARE).
    if (!widened && readable && root && region) {
      const unframed = 1 - framedShare(pageBlocks, framed!, readableBlocks!);
      // Readability's article is (nearly) all frame text: the region is taken when it holds text
      // beside its headings (the page's own content is there), on a listing too. A page drawn in a
      // landmark (its cards in an <aside> beside a region that holds only its heading) keeps
      // Readability's pick.
      const frameOnly = unframed <= FRAME_ONLY_SHARE;
      const small = frameOnly
        ? region.bodyChars >= MIN_REGION_BODY_CHARS
        : pageType !== 'listing' && regionChars(root) * unframed < MIN_READABILITY_REGION_SHARE * region.chars;
      const smallProse =
        !frameOnly &&
        !small &&
        pageType === 'service' &&
        regionProseChars(root) * unframed < MIN_READABILITY_REGION_PROSE_SHARE * region.proseChars;
      if (small || smallProse) {
        const element = await reparse((freshBody) => landmarkFreeRegion(freshBody)?.element ?? null);
        if (element) {
          root = element;
          landmarkRegion = true;
          // Teaser cards with excerpts beside the sections ("From our blog") are prose by that
          // measure: the article's teaser-card rule runs on the region taken for it.
          if (smallProse) alsoRules = PROSE_REGION_RULES;
        }
        deadline.check('landmark region');
      }
    }
    // An article page where Readability took a short intro standing in the page's region of
    // teaser cards (a listing typed as an article): the cards are the content (picksIntroOfCards).
    // Not when Readability found a byline (the page names an author, above).
    let cardListing = false;
    if (
      cardsBefore &&
      !widened &&
      !landmarkRegion &&
      readable &&
      !readable.byline?.trim() &&
      root &&
      readableBlocks &&
      picksIntroOfCards(cardsBefore, readableBlocks, regionChars(root))
    ) {
      const element = await reparse((freshBody) => cardRegion(freshBody));
      if (element) {
        root = element;
        cardListing = true;
      }
      deadline.check('teaser listing');
    }
    // A collection page's prose written beside its main region (a category's description under
    // the grid, outside <main>): taken into the region, in its place.
    if (root && root === plan.mainRoot && pageType === 'collection') {
      const first = root.firstChild;
      for (const el of proseBesideRegion(root, body, pageMeta.title)) {
        if (el.compareDocumentPosition(root) & 4 /* FOLLOWING: the region comes after it */)
          root.insertBefore(el, first);
        else root.appendChild(el);
      }
    }
    // Section headings Readability stripped from inside the body (see dropped-headings.ts).
    if (readableBlocks && root && !widened && !landmarkRegion && !cardListing)
      restoreDroppedHeadings(pageBlocks, readableBlocks, root, headings);
    let notArticle = shell;
    // The article's text, read once: for whether there is any, and its length once squashed.
    let rootText = root ? (root.textContent ?? '') : '';
    if (!shell && (!root || squashedLength(rootText) === 0)) {
      notArticle = true;
      reasons.push({
        code: 'no-article',
        message: 'no article body was found on the page; the text is what remains of the body',
      });
      // Readability strips the document while it searches: start again from a fresh parse.
      page.close();
      page = await parseHtml(markup, engine, url, [], survey);
      document = page.document;
      context.document = document;
      context.stage = 'dom-before';
      removals.length = 0;
      pageMarks.length = 0;
      root = document.body ?? document.documentElement;
      applyDomRules(context, root!);
      rootText = root!.textContent ?? '';
    }
    context.stage = 'dom-after';
    context.bodyChars = squashedLength(rootText);
    if (alsoRules && !notArticle) context.alsoRules = alsoRules;
    // What names a product page's own text in its panels and sidebars: the page's descriptions and
    // its JSON-LD Product's (not a lead: a review article may show that one in a sidebar's buy box).
    const productTexts = pageMeta.productDescription
      ? [...pageMeta.descriptions, pageMeta.productDescription]
      : pageMeta.descriptions;
    if (!notArticle && root === plan.threadRoot && plan.posts) removePostChrome(context, root!, plan.posts);
    if (!notArticle && (root === plan.mainRoot || landmarkRegion) && pageType)
      removeRegionChrome(context, root!, pageType, landmarkRegion, productTexts);
    // A collection page loses its customer reviews only (see removeShopRows).
    if (!notArticle && (pageType === 'product' || pageType === 'collection'))
      removeShopRows(context, root!, productTexts);
    applyDomRules(context, root!);
    deadline.check('DOM rules after Readability');

    // JSON-LD and meta titles are clean; a bare <title> usually carries the site name, which
    // Readability's title heuristics strip.
    const fromTitleElement = pageMeta.sources.title === 'title-element';
    const readableTitle = readable?.title ? squash(readable.title) : null;
    let title: string | null;
    const withoutSite = pageMeta.title ? cleanTitle(pageMeta.title, pageMeta.siteName, null) : null;
    if (pageMeta.title && (!fromTitleElement || !readableTitle || withoutSite !== squash(pageMeta.title))) {
      title = fromTitleElement ? withoutSite : cleanTitle(pageMeta.title, pageMeta.siteName, readableTitle);
    } else {
      title = readableTitle ?? (pageMeta.title ? cleanTitle(pageMeta.title, pageMeta.siteName, null) : null);
      if (readableTitle) pageMeta.sources.title = 'readability';
    }
    // The page's own authors, else the names in Readability's byline (its date and time left out).
    const readableNames = pageMeta.byline ? [] : readableAuthors(readable?.byline ?? null, resolved.fetchedAt);
    const byline = pageMeta.byline ?? (readableNames.length > 0 ? readableNames.join(', ') : null);
    const blocks = extractBlocks(root!, removals);
    // Readability's own article, taken as it is (not widened, not a region, on a page cleaned as
    // an article), may have left out text the page writes next to it, read from the page's blocks.
    const besideArticle =
      readable && !widened && !landmarkRegion && !cardListing && !notArticle && pageType === 'article';
    const removedTexts = besideArticle ? removals.map((removal) => removal.text) : [];
    // Readability took the body and left out an intro written into its own element between the
    // headline and the body: its paragraphs go in front, through the text rules like the rest.
    const intro = besideArticle ? introBlocks(pageBlocks, blocks, removedTexts, title) : [];
    if (intro.length > 0) {
      for (const removal of removals) if (removal.blockIndex !== undefined) removal.blockIndex += intro.length;
      blocks.unshift(...intro);
    }
    // … and a questions section the page writes right after the body, in a block of its own: its
    // blocks go after the article's (see faq.ts).
    // The page's own addresses: a question that links to one of them is answered in place.
    const addresses = pageAddresses(url, pageMeta.canonicalUrl);
    const faq = besideArticle ? faqBlocks(pageBlocks, blocks, removedTexts, title, faqs, addresses) : [];
    const faqFrom = blocks.length;
    blocks.push(...faq);
    const result = applyTextRules(blocks, {
      title,
      policyPage: context.policyPage === true,
      page: addresses,
      byline,
      captions: context.captions,
      disabled,
      repeated: resolved.repeated,
      plainText: false,
      pageType,
      ...(context.alsoRules ? { alsoRules: context.alsoRules } : {}),
      siteText: site ? { remove: site.removeText, keep: site.keepText, keepMarked: site.keep.length > 0 } : null,
    });
    deadline.check('text rules');
    const leadAdded = lead !== null && !notArticle && addLead(lead, result, blocks);
    const markdownBody = markdownOf(document, root!, blocks, result.keptIndex, result.kept);
    // The lead and the intro's kept paragraphs are not in the article's DOM: written in front.
    const front = result.kept.filter((_, k) => result.keptIndex[k]! < intro.length);
    // … and the questions section's kept blocks after it.
    const back = result.kept.filter((_, k) => result.keptIndex[k]! >= faqFrom);
    const markdown = [
      ...(front.length > 0 ? [textToMarkdown(front.map((block) => block.text))] : []),
      markdownBody,
      ...back.map((block) =>
        block.kind === 'heading'
          ? `${'#'.repeat(Math.min(Math.max(block.level, 1), 6))} ${textToMarkdown([squash(block.text)])}`
          : textToMarkdown([block.text]),
      ),
    ].join('\n\n');
    deadline.check('markdown');

    const pageIndexBefore = pageMarks.length > 0 ? articleIndexBefore(pageBlocks, blocks) : [];
    const positionOf = (removal: PendingRemoval, index: number): number | undefined => {
      if (removal.blockIndex !== undefined) return countBelow(result.keptIndex, removal.blockIndex);
      const pageIndex = pageMarks[index]?.blockIndex;
      const after = pageIndex === undefined ? undefined : pageIndexBefore[pageIndex];
      return after === undefined ? undefined : countBelow(result.keptIndex, after + 1);
    };
    const placed: Removal[] = removals.map((removal, index) => {
      const position = positionOf(removal, index);
      return {
        category: removal.category,
        rule: removal.rule,
        reason: removal.reason,
        text: removal.text,
        chars: removal.text.length,
        stage: removal.stage,
        ...(position === undefined ? {} : { position }),
        ...(removal.selector === '' ? {} : { selector: removal.selector }),
        ...(removal.siteRule === undefined ? {} : { siteRule: removal.siteRule }),
      };
    });
    if (reportOutside && (!notArticle || shell)) {
      const reason = shell
        ? 'the page is drawn by script: its saved HTML holds no content, only this'
        : widened
          ? 'outside the container widened around the article Readability picked'
          : cardListing
            ? "outside the region of teaser cards around Readability's short pick"
            : landmarkRegion
              ? "outside the page's region around its header, footer, menus and sidebars"
              : readable
                ? 'not in the article Readability picked'
                : root === plan.threadRoot
                  ? "outside the page's thread"
                  : root === plan.mainRoot
                    ? "outside the page's main region"
                    : `outside the per-site content selector '${site?.content ?? ''}'`;
      const inArticle = removals.filter((removal) => removal.stage === 'dom-after').map((removal) => removal.text);
      if (leadAdded) inArticle.push(lead);
      for (const run of outsideArticle(pageBlocks, blocks, inArticle)) {
        placed.push({
          category: outsideRule.category,
          rule: outsideRule.id,
          reason,
          text: run.text,
          chars: run.text.length,
          stage: 'dom-after',
          position: countBelow(result.keptIndex, run.after + 1),
        });
      }
    }
    placed.push(...placeTextRemovals(result.removals, result.keptIndex, 'text', blocks));
    for (const message of suspicions) reasons.push({ code: 'large-removal', message });

    const urlDay = urlPathDay(url ?? pageMeta.canonicalUrl);
    const metadata = buildMetadata(
      pageMeta,
      readable,
      { timeDate, textDate, urlDay: urlDay && !isAfterFetch(urlDay, resolved.fetchedAt) ? urlDay : null },
      byline,
      readableNames,
    );
    return {
      title,
      blocks: result.kept,
      markdown,
      removals: placed,
      metadata,
      reasons,
      notArticle,
      engine,
      visibleChars,
      ...(typed ? { pageType: { ...typed, cleanedAs: pageType ?? typed.type } } : {}),
    };
  } finally {
    page.close();
    if (engine === 'jsdom') await jsdomReleased();
  }
}

/**
 * `article, [itemprop="articleBody"], main, [role="main"]` in document order, by one walk
 * (a selector list through linkedom's matcher cost a few per cent of the cleaning time).
 */
function articleRootsOf(document: Document): Element[] {
  const out: Element[] = [];
  const walk = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const tag = lowerCase(child.localName);
      if (tag === 'article' || child.getAttribute('itemprop') === 'articleBody' || isMainRegion(child)) out.push(child);
      if (tag !== 'template') walk(child);
    }
  };
  walk(document);
  return out;
}

/** The names in Readability's byline, without a date or time written in it; none when it names nobody. */
function readableAuthors(byline: string | null, reference: string | null): string[] {
  if (!byline) return [];
  const cleaned = squash(byline);
  return cleaned.length < 120 ? splitNames(cleaned, reference) : [];
}

/** Drop a trailing " | Site" or " - Site" from a title taken from meta tags or `<title>`. */
function cleanTitle(title: string, siteName: string | null, readableTitle: string | null): string {
  const squashed = squash(title);
  if (siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = squashed
      .replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${escaped}\\s*$`, 'i'), '')
      .replace(new RegExp(`^${escaped}\\s+[|\\-–—:·•]\\s+`, 'i'), '');
    if (stripped.length >= 10) return stripped;
  }
  if (
    readableTitle &&
    squashed.startsWith(squash(readableTitle)) &&
    readableTitle.length >= 15 &&
    / [|–—-] [^|–—-]{2,40}$/.test(squashed)
  ) {
    return squash(readableTitle);
  }
  return squashed;
}

function buildMetadata(
  page: PageMetadata,
  readable: {
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    excerpt?: string | null;
    lang?: string | null;
  } | null,
  dates: { timeDate: string | null; textDate: string | null; urlDay: string | null },
  byline: string | null,
  readableNames: string[],
): DocumentMetadata {
  const metadata = emptyMetadata();
  const sources = { ...page.sources };
  metadata.byline = byline;
  metadata.authors = page.authors.length > 0 ? page.authors : readableNames;
  if (!page.byline && byline) {
    sources.byline = 'readability';
    sources.authors = 'readability';
  }
  // The publication date: metadata, else a <time> in the article, else the byline's date line,
  // else the day the URL's path names (`/2024/05/02/`), else (a page that gives only when it was
  // last changed) the modification date. The URL's day also corrects the day of a UTC instant
  // that falls on it in the publisher's own zone (see `localDayFromUrl`).
  const { timeDate, textDate, urlDay } = dates;
  const found = page.publishedAt ?? timeDate ?? textDate;
  metadata.publishedAt = found ? localDayFromUrl(found, urlDay) : (urlDay ?? page.modifiedAt);
  if (!page.publishedAt) {
    if (timeDate) sources.publishedAt = 'time-element';
    else if (textDate) sources.publishedAt = 'byline-text';
    else if (urlDay) sources.publishedAt = 'url-path';
    else if (page.modifiedAt) sources.publishedAt = `${sources.modifiedAt ?? 'metadata'} (modified date)`;
  }
  if (found && metadata.publishedAt !== found)
    sources.publishedAt = `${sources.publishedAt ?? 'metadata'} (day from the URL path)`;
  metadata.modifiedAt = page.modifiedAt;
  metadata.siteName = page.siteName ?? (readable?.siteName ? squash(readable.siteName) : null);
  if (!page.siteName && metadata.siteName) sources.siteName = 'readability';
  metadata.canonicalUrl = page.canonicalUrl;
  metadata.description = page.description ?? (readable?.excerpt ? squash(readable.excerpt).slice(0, 500) : null);
  if (!page.description && metadata.description) sources.description = 'first-paragraph';
  metadata.declaredLanguage = page.declaredLanguage;
  metadata.sources = sources;
  return metadata;
}

/** Markdown of the article after the text rules: removed blocks leave the DOM, trimmed ones are rewritten. */
function markdownOf(document: Document, root: Element, blocks: Block[], keptIndex: number[], kept: Block[]): string {
  const keptSet = new Map<number, Block>();
  keptIndex.forEach((index, k) => keptSet.set(index, kept[k]!));
  blocks.forEach((block, index) => {
    const survivor = keptSet.get(index);
    if (survivor && survivor.text === block.text) return;
    const first = block.nodes[0];
    if (survivor && first?.parentNode) {
      const replacement = document.createElement('p');
      replacement.textContent = survivor.text;
      first.parentNode.insertBefore(replacement, first);
    }
    for (const node of block.nodes) node.parentNode?.removeChild(node);
  });
  try {
    return toMarkdown(root);
  } catch {
    return textToMarkdown(kept.map((block) => block.text));
  }
}

/**
 * The page's type: the caller's when given (confidence 1), else the model's on the parsed page
 * before any rule ran; none when page typing is off. The features keep the text statistics of
 * the page's elements in `stats`.
 */
function typePage(
  document: Document,
  url: string | null,
  resolved: Resolved,
  bodyText: string,
  stats: TextStats,
): PageTypeResult | null {
  if (resolved.pageType) {
    const scores = Object.fromEntries(PAGE_TYPES.map((t) => [t, t === resolved.pageType ? 1 : 0]));
    return { type: resolved.pageType, confidence: 1, scores: scores as PageTypeResult['scores'] };
  }
  if (!resolved.pageTypeModel) return null;
  const model = resolved.pageTypeModel;
  const words: string[] | undefined = model.words ? [] : undefined;
  return classifyPage(model, pageFeatures(document, url, bodyText, stats, words), words);
}

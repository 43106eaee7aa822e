/** Rules of the categories advertisement, cookie-consent, paywall-notice and promo. */

import { COOKIE_USE, REPORTED_SPEECH } from './rule-patterns.js';
import { defineRules } from './rule-types.js';
import type { RuleStage } from './rule-types.js';

const BOTH = ['dom-before', 'dom-after'] as const satisfies readonly RuleStage[];

export const ADS_PROMO_RULES = defineRules([
  {
    id: 'advertisement/element',
    category: 'advertisement',
    description: 'Ad slots (AdSense, Google Publisher Tag, Ad Inserter blocks, .advertisement).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'ad slot markup',
      selectors: [
        'ins.adsbygoogle',
        '.adsbygoogle',
        '[id^="div-gpt-ad"]',
        '.advertisement',
        '.ad-slot',
        '.ad-container',
        '.ad-wrapper',
        '.adsense',
        '[data-ad-slot]',
        '.code-block',
        '.ad-unit',
        '.advert',
        '.adbox',
        '.ad-banner',
        '[data-google-query-id]',
        '.google-auto-placed',
      ],
    },
    examples: {
      remove: [
        { input: '<div class="advertisement"><p>Cheap flights to the coast</p></div>', target: 'Cheap flights' },
      ],
      keep: [{ input: '<div class="advertisers"><p>Cheap flights to the coast</p></div>', target: 'Cheap flights' }],
    },
  },
  {
    id: 'advertisement/label',
    category: 'advertisement',
    description:
      'Ad labels and advertising disclosures ("Advertisement", "Anzeige", "Story continues below advertisement", "Dieser Beitrag enthält Werbung"). Affiliate disclosures are `advertisement/affiliate-disclosure`\'s alone, so a line that merely opens with the word (a list item about affiliate programmes, a story about affiliate links) is not taken for a label.',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'an advertising or affiliate disclosure',
          pattern:
            /^(?=.{0,220}$)\*?\s*(?:(?:werbung|anzeige|advertorial|sponsored|gesponsert)\b.{0,200}\b(?:enthält|contains|affiliate|werbung|sponsored|provision|partner|link)|(?:dieser|this) (?:beitrag|artikel|post|article) (?:enthält|contains) (?:werbung|sponsored|advertising)|(?:the )?advertising (?:disclaimer|disclosure)\b)/i,
        },
        {
          reason: 'an advertisement label',
          on: 'label',
          pattern:
            /^(?:advertisement|advertising|anzeige|werbung|sponsored|sponsored content|ad|ads|publicité|publicidad|pubblicità|advertentie|reklame|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading (?:below|the main story)|weiterlesen nach der anzeige|text continues below|lesen sie nach der anzeige weiter|weiter nach der anzeige)$/i,
          maxChars: 60,
        },
      ],
    },
    examples: {
      remove: [{ input: 'Advertisement' }, { input: 'Sponsored: this page contains paid partner content.' }],
      keep: [
        {
          input: 'Advertisement spending by the council rose by a third last year, the auditors found in their report.',
        },
        { input: 'Affiliate programme tools: recruit partners, track their referral links and pay them monthly.' },
      ],
    },
  },
  {
    id: 'advertisement/affiliate-disclosure',
    category: 'advertisement',
    description:
      'An affiliate disclosure: a paragraph of at most 450 characters saying the site earns a commission on purchases made through its own links ("Order through these links and we could receive a commission", "This blog uses a few affiliate links"). The site itself (we, I; nous, je, notre; podemos, nuestro; possiamo, nostro …) must earn it, right after its subject ("we may earn", "earn us"), with no negation in between ("we earn no commission", "keine Provision" stay), and through the page\'s links ("the links below", "a link in this post"; or free of extra cost to the reader), all in one sentence, or the page itself (this post, some of our posts, posts on this blog: always the site\'s own; an aside in brackets or commas after the noun allowed) says it holds affiliate links, or the paragraph is headed as the disclosure ("Affiliate links:", "Affiliate-Links:") and the site earns in it (the heading names the path); a bare "*Affiliate link" marker outside a list goes too; the paragraph goes only when such sentences, with the short pointers to the site\'s policy or thanks beside them ("see our disclosure page", "thanks for your support"), are more than half of it, so a review\'s findings before a closing disclosure stay. This is the one rule for affiliate disclosures (`advertisement/label` takes advertising labels only). A line with quotation marks or a speech verb (said, told, found …) is reporting and stays, so a story about commissions or an affiliate programme keeps its text. Tested after every other text step, so taking it out never changes what they take as the body.',
    stages: ['text'],
    revision: 2,
    text: {
      procedure: 'affiliate-disclosure',
      patterns: {
        // The site (we, I; nous, je, notre; podemos, nuestro; possiamo, nostro; wir, ich) earns a commission, with no negation (no, not, never, any; kein, nicht) between the verb and the noun …
        earn: /\b(?:(?:we|i)(?:['’]ll)?(?: (?:may|might|could|can|will|would|do|does|also|sometimes|often|occasionally|usually|only))* (?:earn|receive|get|make|collect)|(?:earns?|gets?|makes?) (?:us|me)|(?:helps?|supports?|allows?|lets?) (?:us|me)(?: to)? (?:earn|receive|get|make|collect))\b(?:(?!\b(?:no|not|never|any|zero|nothing|none|without)\b)[^.!?]){0,40}?\b(?:commissions?|kick ?backs?|compensation|affiliate fees?|share of (?:the )?(?:sales?|revenue))\b|(?<!\p{L})(?:erhalten|bekommen) (?:wir|ich)(?!\p{L})(?:(?!(?<!\p{L})(?:kein\p{L}*|nicht|nie)(?!\p{L}))[^.!?]){0,30}?provision|(?<!\p{L})(?:(?:nous|je|j['’]) ?(?:(?:pouvons|pourrions|peux|pourrais|allons|vais) )?(?:percevoir|recevoir|toucher|percevons|recevons|touchons|perçois|reçois|touche)|(?:notre|mon) (?:site|blog|magazine|journal|média|équipe) (?:peut |pourrait |va )?(?:percevoir|recevoir|toucher|perçoit|reçoit|touche)) une (?:petite )?commission(?!\p{L})|(?<!\p{L})(?<!\bno )(?:(?:nosotros |yo )?(?:(?:podemos|podríamos|puedo|podría) (?:recibir|ganar|obtener)|recibimos|ganamos|obtenemos|recibo|gano|obtengo)|(?:nuestro|mi) (?:sitio|blog|medio|equipo|web) (?:puede |podría )?(?:recibir|ganar|obtener|recibe|gana|obtiene)) una (?:pequeña )?comisión(?!\p{L})|(?<!\p{L})(?<!\bnon )(?:(?:noi |io )?(?:(?:possiamo|potremmo|posso|potrei) (?:ricevere|guadagnare)|riceviamo|guadagniamo|ricevo|guadagno)|(?:il )?(?:nostro|mio) (?:sito|blog|team) (?:può |potrebbe )?(?:ricevere|guadagnare|riceve|guadagna)) una (?:piccola )?commissione(?!\p{L})|(?<!\p{L})(?:ontvangen|krijgen) (?:wij|we|ik) (?:een )?(?:kleine )?commissie(?!\p{L})/iu,
        // … through the page's own links (our, these, my links; links in this post; affiliate links) or at no cost to the reader.
        path: /\b(?:through|via|using|from|with)\s+(?:one of |any of |some of )?(?:(?:our|these|my) (?:(?:affiliate|partner|retail) )?links?|affiliate links?)\b|\blinks? (?:on|in) (?:this|our|my) (?:post|article|page|site|website|blog|story|guide|review)\b|\b(?:through|via|using|from|with|clicking(?: on)?)\s+(?:the|a|any|one of the) (?:(?:affiliate|partner|retail|product) )?links? (?:below|above|(?:in|on) (?:this|the) (?:post|article|page|site|website|blog|story|guide|review))\b|\bat no (?:extra |additional )?cost to you\b|\bwithout (?:any )?(?:extra|additional) cost to you\b|(?<!\p{L})über (?:diese|unsere|meine) (?:\p{L}+-)?links?(?!\p{L})|(?<!\p{L})(?:via|par) (?:ces|nos|mes) liens(?!\p{L})|(?<!\p{L})(?:a través de|mediante|desde) (?:estos|nuestros|mis) enlaces(?!\p{L})|(?<!\p{L})(?:tramite|attraverso) (?:questi|i nostri|i miei) link(?!\p{L})|(?<!\p{L})via (?:deze|onze|mijn) links(?!\p{L})/iu,
        // Or the page itself (this, our, my …) says it holds affiliate links.
        owned:
          /\b(?:this|our|my) (?:blog )?(?:post|article|page|site|website|story|guide|review|blog)(?: ?\([^()]{1,60}\)|,[^,.!?]{1,60},)?(?: (?:may|might|can|will|also|sometimes|often))* (?:contains?|includes?|uses?|has|have) (?:some |a few )?affiliate (?:links?|ones)\b|\b(?:(?:(?:some|many|all|most) of )?(?:our|my) (?:blog )?(?:posts|articles|pages|reviews|guides)|(?:some|many|all|most|certain) (?:blog )?(?:posts|articles|pages|reviews|guides) on (?:this|our|my) (?:site|website|blog))(?: (?:may|might|can|will|also|sometimes|often))* (?:contain|include|use|have) (?:some |a few )?affiliate links\b|\b(?:some|certain|many|all) (?:of the )?links (?:in|on) (?:this|our|my) (?:post|article|page|site|website|story|guide|review|blog) (?:are|may be) affiliate (?:links|ones)\b|\baffiliate links are used (?:on|in|throughout) (?:this|our|my)\b|\b(?:i|we) earn from qualifying purchases\b|(?<!\p{L})(?:dieser|diese|dieses|unser|unsere|mein|meine) (?:beitrag|artikel|seite|text|post|blog|blogbeitrag|website) enthält (?:sogenannte |einige )?(?:affiliate|partner)-?links(?!\p{L})|(?<!\p{L})enthält (?:dieser|diese|dieses|unser|unsere) (?:beitrag|artikel|seite|text|post|blogbeitrag) (?:sogenannte |einige )?(?:affiliate|partner)-?links(?!\p{L})/iu,
        // A paragraph headed as the disclosure ("Affiliate links:", "Affiliate disclosure —", "Affiliate-Links:"): the heading names the links, so the site's earning clause needs no path.
        headed: /^[\s*([]*affiliate[- ]?(?:links?|disclosure|notice|hinweis)[\s*)\]]*[:–—]/iu,
        // The bare marker a page puts beside a link ("*Affiliate link", "(Affiliate-Links)").
        marker: /^[\s*([]*affiliate[- ]?links?[\s*)\].]*$/iu,
        // A short sentence beside a disclosure that points to the site's policy or thanks the reader ("see our disclosure policy", "thank you for your support") belongs to it.
        aside:
          /^(?=[^.!?]{0,80}[.!?]?$)(?:(?:please )?(?:read|see|view|visit|check(?: out)?|click here to (?:read|see)|learn more|find out more)\b.{0,60}\b(?:more|disclosure|disclaimer|policy|policies|guidelines|terms|here|page)\b|thanks?(?: you)? for (?:your |the )?(?:support|supporting)\b)/iu,
        // A line with quotation marks or a speech verb (in each language above) is reporting, a story about commissions, not the site's notice.
        reported: new RegExp(REPORTED_SPEECH, 'iu'),
      },
    },
    examples: {
      remove: [
        {
          input:
            'Note: certain links in this guide are affiliate ones. Order a lamp through these links and we could receive a modest commission, with the shop price unchanged for you.',
        },
        { input: 'Heads-up: this blog uses a few affiliate links to the bike shops it reviews.', at: 'end' },
        { input: 'This guide may contain affiliate links. See our disclosure page for the details.', at: 'top' },
        {
          input:
            'Every lamp in this round-up was picked by our lighting desk. Orders placed through our links can earn us a modest commission.',
          at: 'top',
        },
      ],
      keep: [
        {
          input:
            'Estate agents often steer sellers towards one mortgage broker, since the agency gets a commission on every loan that broker arranges.',
        },
        {
          input:
            'The platform lets creators run an affiliate programme that pays partners a commission on every sale made through their links.',
        },
        {
          input:
            '“We earn a commission on each policy we sell, and that is no secret,” said the broker, who has run the shop on the high street since 1998.',
        },
        {
          input:
            'Three financial advisers told us they receive commission on the products they recommend, so ask who pays them before you buy a pension.',
        },
        {
          input:
            'We earn no commission through our links: every kettle in this test was paid for out of our own budget and returned to the shop afterwards.',
        },
        {
          input:
            'Shopping through our links is easy: choose a stall on the market plan, fill your basket and pay at the counter as usual.',
        },
      ],
    },
  },
  {
    id: 'cookie-consent/element',
    category: 'cookie-consent',
    description: 'Consent banners (OneTrust, Cookiebot, Complianz, Borlabs, Cookie Notice, Usercentrics, Didomi).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'consent banner markup',
      selectors: [
        '#cookie-notice',
        '.cookie-notice',
        '#cookie-law-info-bar',
        '.cli-modal',
        '#onetrust-consent-sdk',
        '#onetrust-banner-sdk',
        '#CybotCookiebotDialog',
        '.cc-window',
        '.cc-banner',
        '#cmplz-cookiebanner-container',
        '.cmplz-cookiebanner',
        '#usercentrics-root',
        '#BorlabsCookieBox',
        '.cookie-banner',
        '.cookie-consent',
        '#cookie-consent',
        '#gdpr-cookie-notice',
        '#didomi-host',
        '.qc-cmp2-container',
        '#cookiebanner',
        '.cookiebar',
        '#cookie-bar',
        '.cookie-bar',
        '#moove_gdpr_cookie_info_bar',
        '.gdpr-cookie-notice',
      ],
    },
    examples: {
      remove: [
        { input: '<div id="cookie-notice"><p>Choose what we may store</p></div>', target: 'Choose what we may store' },
      ],
      keep: [
        { input: '<div id="cookie-recipe"><p>Choose what we may store</p></div>', target: 'Choose what we may store' },
      ],
    },
  },
  {
    id: 'cookie-consent/box',
    category: 'cookie-consent',
    description:
      "A site's own consent box, which the vendor selectors do not know: an element that its class or id words name as one (consent or gdpr beside another word of consent, cookies or a box — a bare #gdpr or #consent is a document's section —, or cookie/cookies beside a word of a box: banner, bar, notice, notification, modal, popup, dialog, overlay, wrapper, container, box, prompt, alert, layer, message, accept, law; words split at case changes, dashes and underscores: cookieWrapper, modal_cookie-consent, accept_cookies_banner; a cookie-policy or #cookies is part of a document, and a class that files a post under a term, category-cookies or tag-cookies, names no box), or a dialog (<dialog>, role dialog or alertdialog, aria-modal), whose first 300 characters speak of cookies together with consent, privacy, partners or tracking, and that holds a control to answer with (a button, field, select, switch, a script's link without href, or a link whose text accepts, refuses, closes or sets the choice, I agree, Verstanden, OK, got it; a link to the policy is none, nor a control that only shows more or less of the text, 'Show more'). Outermost first; never an element holding the page's headline (the first h1, h2 or h3 whose text the title holds: the h1 may be a logo), nor, on a cookie or privacy policy (a whole title part or the headline names such a document, as for cookie-consent/line), one after that headline in the part of the page it heads (its nearest ancestor with text besides the headline's — a headline alone in a <header> heads what follows the header —, at most the main region or article, and only the policy's body after the header when the header's parent wraps the whole page, a child of the body or holding all its text; the policy's text, in a cookie-policy-container) and the element holds no button or link that accepts or refuses, nor one that only dismisses, OK, Close, Continue, × (the site's own consent bar on that page still goes), one whose paragraphs are mostly about something else than cookies, consent or privacy (over 300 characters: a page wrapper whose class says a banner is showing, has-cookie-notice, holds the article), the body, the main region or an element holding the page's h1 or most of its text (the recall safeguard). A cookie preferences dialog explains each kind of cookie in prose and is never the page's content.",
    stages: BOTH,
    revision: 6,
    dom: { kind: 'procedure', procedure: 'consent-box', reason: 'a consent box' },
    examples: {
      remove: [
        {
          input:
            '<div id="modal_privacy-consent"><h4>Your choices</h4><p>We and our partners use cookies to measure visits and to show offers; choose which ones you allow.</p><button>Save</button><button>Accept all</button></div>',
          target: 'We and our partners use cookies',
        },
        {
          input:
            '<div role="dialog" aria-label="Settings"><p>Necessary cookies keep the site working; tracking cookies help us improve it. Your privacy matters to us.</p><button>Allow all</button></div>',
          target: 'Necessary cookies keep the site working',
        },
      ],
      keep: [
        {
          // A recipe named after cookies: no consent, no privacy.
          input:
            '<div class="cookie-recipe"><p>Bake the cookies for twelve minutes, until the edges turn golden.</p><a href="/print">Print</a></div>',
          target: 'Bake the cookies for twelve minutes',
        },
        {
          // A recipe filed under the term 'cookies' whose text names the site's partners.
          input:
            '<div class="post category-cookies"><p>Our partners sent us oat cookies to try, and we baked them twice.</p><a href="/oat-cookies">Read more</a></div>',
          target: 'Our partners sent us oat cookies to try',
        },
        {
          // A cookie policy page's text: a document about cookies, with a link to the settings, is no box.
          input:
            '<div class="cookie-policy"><h2>How we use cookies</h2><p>We ask for your consent before we set any cookie that is not needed to run the site.</p><p>You can change your choice at any time on <a href="/cookie-settings">the settings page</a>.</p></div>',
          target: 'We ask for your consent before we set any cookie',
        },
        {
          // An article's paragraph about consent rules, in a box with no cookie or consent name and no dialog.
          input:
            '<div class="explainer"><p>The regulator says cookie banners must ask for consent before any tracking starts.</p><a href="/rules">Read the rules</a></div>',
          target: 'cookie banners must ask for consent',
        },
      ],
    },
  },
  {
    id: 'cookie-consent/line',
    category: 'cookie-consent',
    description:
      'A short cookie notice ("We use cookies …", "Wir verwenden Cookies …"), except on a cookie or privacy policy: a page one of whose title parts (split at | – — · : or a spaced dash), or whose headline (the first h1, h2 or h3 the title holds), is the whole name of such a document (Acme Shop | Cookie policy, Privacy notice, Privacy and cookies, Datenschutzerklärung: there such lines are its text; Cookies alone, a word of bakers too, is none; a story that only speaks of privacy, or whose headline only opens with the words of a policy, is no policy). The same fact of the page as cookie-consent/box uses.',
    stages: ['text'],
    revision: 4,
    text: {
      lines: [
        {
          reason: 'a cookie notice',
          pattern: new RegExp(
            String.raw`^(?=.{0,500}$).*\b(?:${COOKIE_USE}|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|cookie-einstellungen|alle cookies akzeptieren|wir respektieren (?:deine|ihre) privatsphäre|we (?:value|respect) your privacy)\b`,
            'i',
          ),
          notOnPolicyPage: true,
        },
      ],
    },
    examples: {
      remove: [{ input: 'We use cookies to improve your experience.' }],
      keep: [
        { input: 'The bakery next to the hall sells cookies and bread, and it will stay open while the work goes on.' },
      ],
    },
  },
  {
    id: 'paywall-notice/element',
    category: 'paywall-notice',
    description: 'Paywall and registration-wall markup (.paywall, .regwall).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'paywall markup',
      maxChars: 600,
      selectors: ['.paywall', '#paywall', '.regwall', '.subscription-required', '.paywall-prompt', '.piano-offer'],
    },
    examples: {
      remove: [{ input: '<div class="paywall"><p>Only for members of the club</p></div>', target: 'Only for members' }],
      keep: [{ input: '<div class="paywalls"><p>Only for members of the club</p></div>', target: 'Only for members' }],
    },
  },
  {
    id: 'paywall-notice/line',
    category: 'paywall-notice',
    description:
      'A short paywall notice ("Subscribe to continue reading", "Dieser Artikel ist nur für Abonnenten", "Already a subscriber? Log in"). "Already have an account" only as a log-in prompt: the line alone ("Already have an account"), its question, or with "log in" / "sign in" within 40 characters after it, also inside a sentence ("If you already have an account, sign in to …"); not a sentence about another account that asks no log-in ("If you already have an account with the harbour office, bring …").',
    stages: ['text'],
    revision: 3,
    text: {
      lines: [
        {
          reason: 'a paywall notice',
          pattern:
            /^(?=.{0,300}$).*(?:subscribe (?:now )?to (?:continue|keep) reading|(?:this|the) (?:article|content|story) is (?:only )?(?:available|reserved|for) (?:to |for )?(?:subscribers|members|premium)|already a subscriber|already have an account(?:\s*\?|.{0,40}\b(?:log|sign) ?in\b)|^(?:you )?already have an account\s*[.!:…]?\s*$|bereits abonnent|jetzt (?:weiterlesen|abonnieren|testen|freischalten)|(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnent|plus|premium)|mit \S+ ?(?:\+|plus) weiterlesen|weiterlesen mit|sign in to (?:continue|read)|log ?in to (?:continue|read)|register (?:for free )?to (?:continue|read)|create a free account to (?:continue|read)|become a (?:member|subscriber) to read|réservé aux abonnés|contenido exclusivo para suscriptores|riservato agli abbonati|to (?:view|read|continue reading) the full (?:story|article)|pour lire la suite|la suite est réservée|ten tekst przeczytasz|lesen sie (?:jetzt )?weiter mit|weiterlesen mit|zum weiterlesen|first-time subscribers|subscribers? (?:also )?receive)/i,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Subscribe to continue reading' },
        { input: 'Already have an account? Log in to read the rest.' },
        {
          input: '<p>Already have an account</p><p><a href="/login">Log in</a></p>',
          target: 'Already have an account',
        },
      ],
      keep: [
        {
          input:
            'If you already have an account with the harbour office, bring your mooring number and the last bill to the desk.',
        },
        {
          input: 'Subscribers to the library can borrow up to ten books, and the new building will double that number.',
        },
      ],
    },
  },
  {
    id: 'promo/app-links',
    category: 'promo',
    description: 'A small block of app-store links, or a short "download our app" call.',
    stages: ['dom-before', 'dom-after', 'text'],
    revision: 1,
    dom: {
      kind: 'procedure',
      procedure: 'link-block',
      reason: 'block of app-store links',
      patterns: { href: /(apps\.apple\.com\/|itunes\.apple\.com\/[a-z-/]*app\/|play\.google\.com\/store\/apps)/i },
    },
    text: {
      lines: [
        {
          reason: 'a "download our app" call',
          pattern:
            /^(?=.{0,220}$)(?=.*\b(?:app store|google play|play store|ios|android|iphone)\b).*\b(?:download|get|install|hol(?:en sie sich)?|lade|laden sie|installieren|téléchargez|descarga|scarica)\b.*\bapps?\b/i,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Download our app from the App Store or Google Play' },
        {
          input:
            '<div><a href="https://apps.apple.com/app/id1">Get it</a> <a href="https://play.google.com/store/apps/details?id=x">Get it too</a></div>',
          target: 'Get it too',
        },
      ],
      keep: [{ input: 'The council will build an app for the library; it should reach the App Store next year.' }],
    },
  },
  {
    id: 'promo/podcast-platforms',
    category: 'promo',
    description:
      'A line that is a strip of three or more podcast platforms (Spotify, Apple Podcasts, Stitcher, …): their names and a short lead at most ("Listen on:", "Available on"), or mostly links with a lead of a dozen words at most. A sentence that names the services among other words stays, whatever it says about listening. Names that are also common words (anchor, overcast, audible, castro, rss) count only capitalised or as a link\'s whole text.',
    stages: ['text'],
    revision: 3,
    text: {
      lines: [{ reason: 'a list of podcast platforms', procedure: 'platform-line', maxChars: 600 }],
      words: {
        /** Platform names that are also common words: they count capitalised, as the platform writes them, or as a link's whole text. */
        common: ['anchor', 'overcast', 'audible', 'castro', 'rss'],
        /** Words that join the names of a strip ("Spotify, Deezer and Stitcher"). */
        joins: ['and', 'or', 'und', 'oder', 'et', 'ou', 'y', 'o', 'e', 'en', 'og'],
      },
      patterns: {
        /** Platform names that are no common word. */
        names:
          /\b(?:spotify|itunes|apple podcasts|google podcasts|soundcloud|stitcher|tunein|spreaker|pocket ?casts|podbean|audecibel|castbox|deezer|amazon music|iheartradio|podcast addict|player\.fm|youtube music|buzzsprout|podimo)\b/gi,
      },
    },
    examples: {
      remove: [
        { input: 'Listen on Spotify, Apple Podcasts or Stitcher' },
        { input: 'Spotify · Deezer · Castbox · TuneIn' },
        {
          input:
            '<p><a href="https://example.com/a">Spotify</a> | <a href="https://example.com/b">Overcast</a> | <a href="https://example.com/c">RSS</a> | <a href="https://example.com/d">Podbean</a></p>',
          target: 'Spotify | Overcast | RSS | Podbean',
        },
      ],
      keep: [
        { input: 'The talk is on Spotify and on the library website, with a transcript for those who prefer to read.' },
        {
          input:
            'Deezer, TuneIn and Spotify raised their prices in March, the regulator said, and listeners of every podcast will pay more.',
        },
        {
          input:
            'In the second episode the anchor waits under an overcast sky, and the ferry horn is barely audible over the rain.',
        },
      ],
    },
  },
  {
    id: 'promo/subscription-pitch',
    category: 'promo',
    description: 'A short membership or subscription pitch ("Become a member", "Hazte miembro", "Cancel anytime").',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'a membership or subscription pitch',
          pattern:
            /^(?=.{0,250}$).*\b(?:hazte (?:miembro|socio|suscriptor)|become a (?:member|subscriber|supporter)|werden sie (?:mitglied|abonnent)|jetzt mitglied werden|cancel (?:at )?any ?time|cancela cuando quieras|jederzeit kündbar|abonnez-vous|suscríbete (?:ahora|hoy|aquí)|subscribe (?:now|today) (?:for|and)|hacemos periodismo|\d+ issues for|delivered (?:to|through) your (?:door|letterbox)|sie wollen mehr von uns\??|get the [\w ]{2,40} (?:app|newsletter|daily)|gefällt (?:dir|ihnen) (?:unser|unsere|dieser) .{1,40}\?|if you enjoyed (?:reading )?this (?:post|article|story)|like this (?:story|article)\? share it)\b/i,
        },
      ],
    },
    examples: {
      remove: [{ input: 'Hazte miembro de nuestra comunidad' }, { input: 'Unlimited access. Cancel anytime' }],
      keep: [
        {
          input: 'Members of the council may cancel the plan at any time before the building work starts next spring.',
        },
      ],
    },
  },
  {
    id: 'promo/contributor-pitch',
    category: 'promo',
    description: 'A call for contributors ("Have an idea for a commentary? Send a short pitch", "Write for us").',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'a call for contributors',
          pattern:
            /(?:send (?:us )?a (?:short )?pitch|guidelines for contributors|contributor guidelines|write for us|submit (?:a|your) (?:story|article|pitch|op-?ed)|have an idea for an? (?:article|commentary|story|piece|op-?ed)|pitch us|schreiben sie für uns|gastbeitrag einreichen)/i,
          maxChars: 400,
        },
      ],
    },
    examples: {
      remove: [{ input: 'Have an idea for a commentary? Send a short pitch to our editors.' }],
      keep: [
        { input: 'The architects had an idea for the roof: timber from local forests, which needs far less energy.' },
      ],
    },
  },
]);

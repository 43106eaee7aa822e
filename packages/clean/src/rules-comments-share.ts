/** Rules of the categories comments, share and newsletter. */

import { REPORTED_SPEECH, SHARE_HREF } from './rule-patterns.js';
import { defineRules } from './rule-types.js';
import type { RuleStage } from './rule-types.js';

const BOTH = ['dom-before', 'dom-after'] as const satisfies readonly RuleStage[];
const COMMENT_CONTROL =
  /^(?:notify of|newest most voted|oldest newest most voted|inline feedbacks|view all comments|reply|antworten|report|melden|like|log in to reply|login to reply|would love your thoughts, please comment\.?x?|last edited .{1,40} ago by .{1,60}|\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago|vor \d+ (?:jahren|monaten|wochen|tagen|stunden|minuten)|guest|subscribe|abonnieren|login|log in|\d+ votes?|newest|oldest|most voted|flag|share this comment|comment|kommentieren)$/i;

export const COMMENTS_SHARE_RULES = defineRules([
  {
    id: 'comments/widget',
    category: 'comments',
    description: 'Known comment systems (WordPress comments, wpDiscuz, Disqus, Facebook comments, schema.org Comment).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'comment system markup',
      selectors: [
        '#comments',
        '#respond',
        '.comments-area',
        '#wpdiscuz',
        '.wpdiscuz_top_clearing',
        '#wpd-threads',
        '.wpd-thread-wrapper',
        '.wpdiscuz-form-top-bar',
        '#disqus_thread',
        '.commentlist',
        '.comment-list',
        '#commentform',
        '.comment-respond',
        '.comments',
        '#comment-section',
        '.comment-section',
        '.comments-section',
        '.article-comments',
        '.user-comments',
        '.fb-comments',
        '#kommentare',
        '.kommentare',
        '.comment-body',
        '.comment-content',
        '[itemtype*="schema.org/Comment"]',
        '[itemprop="comment"]',
        '#coral_thread',
        '.coral-container',
        '.comments-link',
        '.comments-count',
        '.comment-count',
        '#commentsContainer',
        '.js-comments',
      ],
    },
    examples: {
      remove: [
        {
          input: '<div id="comments"><p>Great piece, thank you for writing it.</p></div>',
          at: 'end',
          target: 'Great piece',
        },
      ],
      keep: [
        {
          input: '<div class="reader-note"><p>Great piece, thank you for writing it.</p></div>',
          at: 'end',
          target: 'Great piece',
        },
      ],
    },
  },
  {
    id: 'comments/thread',
    category: 'comments',
    description:
      'Everything after a comment-section marker ("Notify of", "Leave a Reply", "12 Comments", "Kommentare") that follows the article.',
    stages: ['text'],
    revision: 1,
    text: {
      procedure: 'comment-thread',
      patterns: {
        start:
          /^(?:notify of|newest most voted|oldest newest most voted|\d+ (?:comments?|responses?|replies|kommentare?|reaktionen|commentaires?|comentarios?|commenti|reacties)|(?:leave|post|add|write|submit) (?:a|your) (?:reply|comment|response)|leave a comment|join the (?:discussion|conversation)|comments?(?: \(\d+\))?|show comments|view comments|load comments|comments are closed|schreibe einen kommentar|hinterlasse einen kommentar|kommentar (?:schreiben|verfassen|abgeben)|kommentare?(?: \(\d+\))?|diskutieren sie mit|leserkommentare|kommentare sind geschlossen|laisser un commentaire|commentaires|réagir|deja (?:un|tu) comentario|comentarios|lascia un commento|commenti|reageer|reacties|discussion|what do you think\??|conversation|responses|discuss this article|kommentare schreiben|kommentare anzeigen|kommentare lesen|zu den kommentaren|ihre meinung(?: ist gefragt)?|meinung schreiben)$/i,
      },
    },
    examples: {
      remove: [
        {
          input: '<h2>12 Comments</h2><p>Jane: I disagree with the council here.</p>',
          at: 'end',
          target: 'I disagree with the council',
        },
      ],
      keep: [
        {
          input: '<h2>Comments</h2><p>The council took comments from residents.</p>',
          at: 'top',
          target: 'took comments from residents',
        },
      ],
    },
  },
  {
    id: 'comments/controls',
    category: 'comments',
    description:
      'Comment controls and wpDiscuz prompts ("Newest Most Voted", "Inline Feedbacks", "Reply", "Last edited … by").',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'a comment-thread control',
          on: 'label',
          pattern: COMMENT_CONTROL,
          maxChars: 80,
          after: 0.5,
        },
        {
          reason: 'a comment-thread control',
          on: 'label',
          pattern: COMMENT_CONTROL,
          also: /^(?:notify of|newest most voted|inline feedbacks|view all comments|would love your thoughts)/i,
          maxChars: 80,
        },
        {
          reason: 'a comment or forum prompt',
          pattern:
            /^(?:отзывы|добавить (?:отзыв|комментарий)|комментарии|komentarze|dodaj komentarz|join (?:our|the) [\w ]{0,30}(?:forums?|discussion|community)\b.*)$/i,
          maxChars: 200,
        },
        {
          reason: 'a prompt to comment',
          pattern:
            /\b(?:in den kommentaren|in the comments(?: below)?|let us know (?:in the comments|what you think)|leave (?:us )?a comment|dans les commentaires|en los comentarios|nei commenti|in de reacties)\b/i,
          maxChars: 150,
          after: 0.5,
        },
        {
          reason: 'a prompt to comment',
          pattern:
            /\b(?:in den kommentaren|in the comments(?: below)?|let us know (?:in the comments|what you think)|leave (?:us )?a comment|dans les commentaires|en los comentarios|nei commenti|in de reacties)\b/i,
          maxChars: 60,
        },
      ],
    },
    examples: {
      remove: [{ input: 'Reply', at: 'end' }, { input: 'Let us know in the comments!' }],
      keep: [{ input: 'Reply', at: 'top' }],
    },
  },
  {
    id: 'share/widget',
    category: 'share',
    description:
      'Known share-button libraries (AddToAny, AddThis, ShareThis, Jetpack sharing, Shariff, Social Warfare, Shareaholic).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'share-button library markup',
      selectors: [
        '.sharedaddy',
        '.sd-sharing-enabled',
        '.addtoany_share_save_container',
        '.a2a_kit',
        '.addtoany_list',
        '.addthis_toolbox',
        '.addthis_inline_share_toolbox',
        '.shareaholic-canvas',
        '.sharethis-inline-share-buttons',
        '.ssba',
        '.ssba-wrap',
        '.essb_links',
        '.mashsb-container',
        '.heateor_sss_sharing_container',
        '.heateor_sss_horizontal_sharing',
        '.swp_social_panel',
        '.shariff',
        '.social-share',
        '.social-sharing',
        '.share-buttons',
        '.sharing-buttons',
        '.share-bar',
        '.social-buttons',
        '.entry-share',
        '.post-share',
        '.article-share',
        '.share-links',
        '.share-tools',
        '.sharing',
        '.share-box',
        '.social-icons',
        '.social-links',
        '.jp-sharing-input-touch',
        '.wp-block-jetpack-sharing-buttons',
        '.dpsp-networks-btns-wrapper',
        '.sfsi_widget',
        '.ss-inline-share-wrapper',
        '.share-this',
        '.sharebar',
      ],
    },
    examples: {
      remove: [
        { input: '<div class="sharedaddy"><p>Spread the word about this story</p></div>', target: 'Spread the word' },
      ],
      keep: [
        { input: '<div class="shared-story"><p>Spread the word about this story</p></div>', target: 'Spread the word' },
      ],
    },
  },
  {
    id: 'share/links',
    category: 'share',
    description:
      'A small block whose links mostly go to share endpoints (facebook.com/sharer, twitter.com/intent, wa.me, mailto:?).',
    stages: BOTH,
    revision: 1,
    dom: { kind: 'procedure', procedure: 'link-block', reason: 'block of share links', patterns: { href: SHARE_HREF } },
    examples: {
      remove: [
        {
          input:
            '<div><a href="https://www.facebook.com/sharer/sharer.php?u=x">Post it</a> <a href="https://twitter.com/intent/tweet?url=x">Send it</a></div>',
          target: 'Post it',
        },
      ],
      keep: [
        {
          input: '<p>The mayor said so <a href="https://www.facebook.com/mayor/posts/1">on her page</a>.</p>',
          target: 'on her page',
        },
      ],
    },
  },
  {
    id: 'share/follow-call',
    category: 'share',
    description:
      'A short call to follow the author or the site on social networks that opens its line ("Follow us on Facebook, Instagram and TikTok to stay up to date"; after at most a question or an exclamation, "Want more projects? Follow me on Pinterest", an opening "please", "be sure to", or a call of the same kind joined by "and", "Subscribe to our newsletter and follow us on LinkedIn"). A line with a quotation mark, or where the words come later in a sentence (a story quoting or reporting the call), stays. Articles only (the evidence is from articles; a forum post\'s own line stays).',
    stages: ['text'],
    pageTypes: ['article'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'a call to follow on social networks',
          pattern:
            /^[*•·>\s-]{0,4}(?:[^.!?"“”„«»]{1,120}[?!]\s+)?(?:(?:please|so|and|also|be sure to|make sure to|don.t forget to|remember to)\s+|(?:subscribe|sign up|join|catch up|like us|check out|stay)\b[^.!?"“”„«»]{0,120}?,?\s+and\s+(?:also\s+)?)?follow (?:me|us)\b[^.!?]{0,40}?\b(?:on|at|via)\s+(?:[\w@.-]+(?:,\s*|\s+(?:and|or|&)\s+)){0,5}?(?:instagram|facebook|twitter|x|linkedin|pinterest|tiktok|youtube|threads|bluesky|mastodon|social(?: media| networks?)?)\b/i,
          // No quotation mark anywhere: a quoted call is the story's.
          also: /^[^"“”„«»]*$/,
          maxChars: 300,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Follow us on Facebook, Instagram and TikTok to stay up to date with the latest news.', at: 'end' },
        { input: 'Want more garden projects? Follow me on Pinterest to see what I am pinning.', at: 'end' },
        {
          input: 'Catch up on our coverage of the county, and follow us on Facebook and Instagram to stay up to date.',
          at: 'end',
        },
      ],
      keep: [
        // The story reports such a call after a sentence of its own.
        {
          input:
            'The council opened an account for the roadworks last week. Residents were told to follow us on Facebook for the closures, the clerk said.',
          at: 'end',
        },
        // … quotes it …
        {
          input:
            '“Follow us on TikTok,” the mayor told the pupils at the pool on Friday, and most of them already did.',
          at: 'end',
        },
        // … or reports it inside a sentence.
        {
          input:
            'The swimming club, which asks parents to follow us on Facebook for news of lessons, says it has 900 members.',
          at: 'end',
        },
      ],
    },
  },
  {
    id: 'share/buttons-line',
    category: 'share',
    description: 'A line made only of share-button labels ("Share", "Tweet", "Teilen", "Facebook", "E-Mail", "Print").',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [{ reason: 'a line of share-button labels', procedure: 'share-labels', maxChars: 200 }],
      words: {
        /** Words a share line may hold. */
        share: [
          'share',
          'shares',
          'sharing',
          'this',
          'article',
          'story',
          'post',
          'page',
          'on',
          'via',
          'with',
          'teilen',
          'geteilt',
          'artikel',
          'beitrag',
          'diesen',
          'auf',
          'partager',
          'cet',
          'compartir',
          'esta',
          'condividi',
          'questo',
          'delen',
          'deel',
          'tweet',
          'twitter',
          'x',
          'facebook',
          'linkedin',
          'whatsapp',
          'email',
          'e',
          'mail',
          'mail',
          'print',
          'drucken',
          'pinterest',
          'reddit',
          'telegram',
          'xing',
          'copy',
          'link',
          'kopieren',
          'messenger',
          'flipboard',
          'pocket',
          'threads',
          'bluesky',
          'mastodon',
          'tumblr',
          'vk',
          'sms',
          'imprimer',
          'imprimir',
          'stampa',
          'afdrukken',
          'opens',
          'in',
          'new',
          'window',
          '\u00f6ffnet',
          'in',
          'neuem',
          'fenster',
          'new',
          'window',
          'the',
          'to',
          'your',
          'friends',
          'friend',
          'send',
          'senden',
          'per',
          'versenden',
          'or',
          'and',
          '|',
          'share',
          'it',
          'click',
          'google',
        ],
        /** A share line holds one of these, or two platform names. */
        verbs: ['share', 'teilen', 'partager', 'compartir', 'condividi', 'delen', 'tweet'],
        platforms: [
          'facebook',
          'twitter',
          'linkedin',
          'whatsapp',
          'pinterest',
          'reddit',
          'telegram',
          'xing',
          'email',
          'mail',
          'print',
          'drucken',
          'messenger',
          'flipboard',
          'pocket',
          'bluesky',
          'mastodon',
          'threads',
        ],
        /** A linked line of one or two words that is only one of these. */
        single: [
          'facebook',
          'twitter',
          'x',
          'linkedin',
          'whatsapp',
          'pinterest',
          'reddit',
          'telegram',
          'xing',
          'email',
          'e mail',
          'print',
          'drucken',
          'messenger',
          'flipboard',
          'pocket',
          'bluesky',
          'mastodon',
          'threads',
          'share',
          'teilen',
          'tweet',
        ],
      },
    },
    examples: {
      remove: [{ input: 'Share on Facebook' }, { input: 'Facebook Twitter E-Mail' }],
      keep: [
        { input: 'Share prices fell on Monday after the council published the figures for the new library building.' },
      ],
    },
  },
  {
    id: 'newsletter/widget',
    category: 'newsletter',
    description:
      'Known newsletter forms (Mailchimp, MC4WP, MailPoet, Newsletter plugin, Jetpack subscriptions, ConvertKit, Brevo, Klaviyo).',
    stages: BOTH,
    revision: 1,
    dom: {
      kind: 'selectors',
      reason: 'newsletter form markup',
      selectors: [
        '.mc4wp-form',
        '#mc_embed_signup',
        '.mc_embed_signup',
        '.tnp-subscription',
        '.tnp-widget',
        '.jetpack_subscription_widget',
        '.wp-block-jetpack-subscriptions',
        '.newsletter-signup',
        '.newsletter-form',
        '.newsletter-box',
        '.newsletter-widget',
        '.formkit-form',
        '.klaviyo-form',
        '.sib-form',
        '.mailpoet_form',
        '.emailoctopus-form-wrapper',
        '.newsletter-teaser',
        '.newsletter-cta',
        '.newsletter-subscribe',
      ],
    },
    examples: {
      remove: [{ input: '<div class="mc4wp-form"><p>Hear from us every week</p></div>', target: 'Hear from us' }],
      keep: [{ input: '<div class="news-form"><p>Hear from us every week</p></div>', target: 'Hear from us' }],
    },
  },
  {
    id: 'newsletter/email-form',
    category: 'newsletter',
    description:
      "A small form whose only text field is an e-mail address, with the largest element around it of 400 characters or less, up to a parent holding two headings that ask a question, each followed by an answer of 40 characters or more with no form field (questions and answers whose box ends in a newsletter's sign-up: the form goes, not the questions; a quiz's steps are no answers).",
    stages: BOTH,
    revision: 2,
    dom: { kind: 'procedure', procedure: 'email-form', reason: 'small form whose text field is an e-mail address' },
    examples: {
      remove: [
        {
          input:
            '<form><p>Weekly letters from the editors</p><input type="email" name="email"><button>Go</button></form>',
          target: 'Weekly letters from the editors',
        },
        {
          // A calculator whose steps are headings asking questions, answered by fields: the whole box goes.
          input:
            '<div class="calc"><h3>How many people work for you?</h3><div><input type="number" name="staff"></div><h3>Where is your business?</h3><div><input type="text" name="city"></div><p>Get your estimate by e-mail</p><form><input type="email" name="email"><button>Go</button></form></div>',
          target: 'Get your estimate by e-mail',
        },
      ],
      keep: [
        {
          // A form with more text than a sign-up box (a long entry form).
          input: `<form>${'<p>Tell us what the new library should have: rooms for study groups, a café, longer opening hours or more books for children.</p>'.repeat(5)}<input type="email" name="email"></form>`,
          target: 'Tell us what the new library should have',
        },
        {
          // A short questions section whose box ends in a sign-up form: the form goes, not the box.
          input:
            '<div class="faq"><h2>Questions</h2><h3>When does the library open?</h3><p>The library opens in the spring, in the old hall.</p><h3>Who can borrow books?</h3><p>Everyone who lives or works in the town.</p><h3>Get our newsletter</h3><form><input type="email" name="email"><button>Go</button></form></div>',
          target: 'The library opens in the spring, in the old hall.',
        },
      ],
    },
  },
  {
    id: 'newsletter/signup-line',
    category: 'newsletter',
    description:
      'A short sign-up call ("Sign up for our newsletter", "Newsletter abonnieren"), a sign-up form\'s fine print (by signing up, subscribing or submitting, the reader agrees to the site\'s own terms or privacy policy, "ours" or by the site\'s name, or to receive its e-mails or messages; at most 400 characters, never a line that reports, never on a privacy or cookie policy page) and the thanks or "you\'re subscribed" the form shows once sent.',
    stages: ['text'],
    revision: 1,
    text: {
      lines: [
        {
          reason: 'a newsletter sign-up call',
          pattern:
            /^(?:never miss .{0,60}\b(?:sign(?:ing)? up|subscrib\w*|newsletter)\b|do you want to (?:be informed|stay (?:informed|up to date))|.{0,60}\bin (?:deinem|ihrem|your) (?:posteingang|inbox)\b|(?:sign up|signup|subscribe|register|join|get|receive|melden sie sich|abonnieren sie|jetzt|holen sie sich|bestellen sie|inscrivez-vous|abonnez-vous|suscríbete|iscriviti|schrijf je in)\b.{0,120}\b(?:newsletter|inbox|posteingang|briefing|bulletin|e-?mail updates?|mailing list|digest)|(?:our|unser(?:en)?|the|free|kostenlose?r?|daily|weekly|täglich\w*|wöchentlich\w*)?\s*newsletter(?:\s+(?:abonnieren|bestellen|anmelden|sign up|subscribe))?|newsletter-anmeldung|zum newsletter anmelden|get our newsletter)\b.{0,160}$/i,
          maxChars: 250,
          oneSentence: true,
        },
        {
          // The fine print under a sign-up form: by signing up (subscribing, submitting, entering
          // an address …) the reader agrees to the site's own terms or privacy policy (ours, or the
          // site's by its name) or to receive its e-mails or messages. A line that reports (a
          // quotation, a speech verb) speaks about some service's terms and stays.
          reason: "a sign-up form's consent notice",
          pattern: new RegExp(
            String.raw`^(?![^]*?(?:${REPORTED_SPEECH}))by (?:signing up|subscribing|submitting|clicking|entering|registering|providing|creating an account|tapping|checking)\b[^.!?]{0,160}?\b(?:you|i) (?:agree|consent|acknowledge|accept|confirm)\b[^.!?]{0,12}?(?:(?:our|[\p{L}\p{N}&.\- ]{1,40}['’]s) (?:[\p{L} ]{0,20} )?(?:terms|privacy|cookie|data|user agreement|polic(?:y|ies))|(?:to )?receive\b[^.!?]{0,80}?\b(?:e-?mails?|messages|newsletters?|texts?|updates|communications|offers|marketing))`,
            'iu',
          ),
          maxChars: 400,
          notOnPolicyPage: true,
        },
        {
          // What a sign-up form shows once sent: thanks for subscribing, you're subscribed.
          reason: "a sign-up form's confirmation",
          pattern:
            /^(?:(?:thanks|thank you) for (?:subscribing|signing up|your subscription|joining (?:our|the) (?:list|newsletter|mailing list))(?: to (?:our|the|my) [^.!?:;]{1,40})?[!.](?:\s.{0,140})?|(?:(?:awesome|great|success|done|yay)[,!.]?\s*)?you(?:'|’)?re (?:now |all )?(?:subscribed|signed up|on the list)\b.{0,60})$/i,
          maxChars: 200,
        },
      ],
    },
    examples: {
      remove: [
        { input: 'Sign up for our weekly newsletter' },
        { input: 'Newsletter abonnieren' },
        {
          input:
            'By registering for the garden club digest, you agree to receive occasional e-mails from its volunteers.',
        },
        { input: 'Thank you for subscribing! The first issue of the garden digest lands on Sunday.', at: 'end' },
      ],
      keep: [
        { input: 'The newsletter was first printed in 1952. It went online in 1999 and now has ten thousand readers.' },
        {
          input:
            'By signing up for the night course, you agree to sit the written exam in spring and to attend at least nine of the twelve evenings.',
        },
        {
          input:
            'Thanks for subscribing to the idea that rivers need room: the council has now bought two fields upstream of the weir for flooding.',
        },
      ],
    },
  },
]);

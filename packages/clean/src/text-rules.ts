import { normalizeText } from '@corpuskit/document';

import type { Block } from './blocks.js';
import { ruleById } from './rules.js';
import { endsLikeSentence, labelForm, wordCount } from './text-util.js';

export interface TextRemoval {
  rule: string;
  category: string;
  reason: string;
  text: string;
  /** Index of the block (in the list given to `applyTextRules`) the text came from. */
  blockIndex: number;
}

export interface TextRuleContext {
  title: string | null;
  byline: string | null;
  captions: 'keep' | 'drop';
  disabled: ReadonlySet<string>;
  /** Normalised line -> number of pages of the site it was seen on. */
  repeated: ReadonlyMap<string, number>;
  /** True for plain-text input (no link or markup evidence). */
  plainText: boolean;
}

export interface TextRuleResult {
  kept: Block[];
  /** For each kept block, its index in the input list. */
  keptIndex: number[];
  removals: TextRemoval[];
}

// ---------------------------------------------------------------------------------------
// Patterns. Anchored, short-line patterns: a word alone never removes a paragraph.

const AMOUNT = /^(?:[$€£¥₹]\s?\d[\d.,' ]*(?:[.,]\d+)?|\d[\d.,' ]*\s?(?:[$€£¥₹]|usd|eur|gbp|chf|dollars?|euros?))$/i;
const MONTH_YEAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember)\s+\d{4}$/i;
const DONATION_APPEAL =
  /^(?:support|donate(?: to| now)?|make a donation|become a (?:patron|member|supporter)|please (?:support|donate)|jetzt spenden|spenden|unterstützen sie (?:uns|\S+)|unterstütze (?:uns|\S+)|faire un don|soutenez(?:-nous)?|dona(?: ora)?|apoya(?:nos)?|doneer)\b/i;
const DONATION_WORDS = /\b(?:donat\w*|spende\w*|patreon|paypal|ko-fi|buy me a coffee|don|dona\w*)\b/i;
const ENLARGE =
  /^(?:click (?:here )?to (?:see|view|enlarge|open)(?: the)?(?: full[- ]?size| larger| full)?(?: image| photo| picture| version)?|click (?:on )?(?:the )?(?:image|photo|picture) to (?:enlarge|zoom)|(?:zum )?vergrößern(?: klicken| anklicken)?|bild (?:vergrößern|anklicken|öffnen)|enlarge(?: image| photo)?|view (?:full|larger) (?:image|photo|size)|expand image|agrandir(?: l'image)?|ampliar(?: imagen)?|ingrandisci)$/i;
const AGENCIES =
  'getty ?images|alamy(?: stock photo| live news)?|shutterstock|istock(?:photo)?|reuters|afp|ap photo|associated press|dpa|epa(?:-efe)?|imago(?: images)?|picture[- ]alliance|keystone|xinhua|anadolu|sipa|wikimedia commons|unsplash|pexels|pixabay|flickr|adobe stock|depositphotos|dreamstime|123rf|bloomberg|ullstein bild|sz photo|pa images|pa wire|newscom|zuma|abaca|eyevine|rex features|action press|ddp|photothek|tass|sputnik|ria novosti';
const CREDIT_LINE = new RegExp(
  `^\\(?(?:(?:photo|photos|image|images|picture|pictures|foto|fotos|bild|bilder|credit|credits|quelle|source|illustration|grafik|video|photograph|photography|crédit|crédits|fuente|foto di|źródło|zdjęcie|фото|источник)\\s*(?:credit|credits|nachweis)?\\s*[:©]|©|\\(c\\)\\s|copyright\\b|courtesy(?: of)?\\b|(?:${AGENCIES})\\b.{0,60}$)`,
  'i',
);
/** A credit clause ending a caption: "… Courtesy of X / Alamy Stock Photo", "(Photo: X)", "Foto: X". */
const TRAILING_CREDIT = new RegExp(
  `(?:\\s*[|/–—-]?\\s*\\(?(?:photo|image|picture|foto|bild|credit|quelle|source|illustration|grafik|photograph)s?\\s*(?:credit)?\\s*[:©]\\s*[^.!?]{2,80}\\)?\\.?|\\s*\\(?©\\s*[^.!?]{2,80}\\)?\\.?|\\s+\\(?courtesy(?: of)?\\s[^.!?]{2,100}\\)?\\.?|\\s*[|/–—(]\\s*(?:${AGENCIES})[^.!?]{0,60}\\)?\\.?|\\s+\\((?:ap|afp|reuters|dpa|epa)(?: photo)?\\/[^)]{2,60}\\)\\.?)\\s*$`,
  'i',
);
const COMMENT_START =
  /^(?:notify of|newest most voted|oldest newest most voted|\d+ (?:comments?|responses?|replies|kommentare?|reaktionen|commentaires?|comentarios?|commenti|reacties)|(?:leave|post|add|write|submit) (?:a|your) (?:reply|comment|response)|leave a comment|join the (?:discussion|conversation)|comments?(?: \(\d+\))?|show comments|view comments|load comments|comments are closed|schreibe einen kommentar|hinterlasse einen kommentar|kommentar (?:schreiben|verfassen|abgeben)|kommentare?(?: \(\d+\))?|diskutieren sie mit|leserkommentare|kommentare sind geschlossen|laisser un commentaire|commentaires|réagir|deja (?:un|tu) comentario|comentarios|lascia un commento|commenti|reageer|reacties|discussion|what do you think\??|conversation|responses|discuss this article|kommentare schreiben|kommentare anzeigen|kommentare lesen|zu den kommentaren|ihre meinung(?: ist gefragt)?|meinung schreiben)$/i;
/** A prompt to comment ("Let us know in the comments"): a short line that only points at the thread. */
const COMMENT_PROMPT =
  /\b(?:in den kommentaren|in the comments(?: below)?|let us know (?:in the comments|what you think)|leave (?:us )?a comment|dans les commentaires|en los comentarios|nei commenti|in de reacties)\b/i;
const COMMENT_CONTROL =
  /^(?:notify of|newest most voted|oldest newest most voted|inline feedbacks|view all comments|reply|antworten|report|melden|like|log in to reply|login to reply|would love your thoughts, please comment\.?x?|last edited .{1,40} ago by .{1,60}|\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago|vor \d+ (?:jahren|monaten|wochen|tagen|stunden|minuten)|guest|subscribe|abonnieren|login|log in|\d+ votes?|newest|oldest|most voted|flag|share this comment|comment|kommentieren)$/i;
const SHARE_WORDS = new Set(
  'share shares sharing this article story post page on via with teilen geteilt artikel beitrag diesen auf partager cet compartir esta condividi questo delen deel tweet twitter x facebook linkedin whatsapp email e mail mail print drucken pinterest reddit telegram xing copy link kopieren messenger flipboard pocket threads bluesky mastodon tumblr vk sms imprimer imprimir stampa afdrukken opens in new window öffnet in neuem fenster new window the to your friends friend send senden per versenden or and | share it click google'.split(
    ' ',
  ),
);
const NEWSLETTER =
  /^(?:never miss .{0,60}\b(?:sign(?:ing)? up|subscrib\w*|newsletter)\b|do you want to (?:be informed|stay (?:informed|up to date))|.{0,60}\bin (?:deinem|ihrem|your) (?:posteingang|inbox)\b|(?:sign up|signup|subscribe|register|join|get|receive|melden sie sich|abonnieren sie|jetzt|holen sie sich|bestellen sie|inscrivez-vous|abonnez-vous|suscríbete|iscriviti|schrijf je in)\b.{0,120}\b(?:newsletter|inbox|posteingang|briefing|bulletin|e-?mail updates?|mailing list|digest)|(?:our|unser(?:en)?|the|free|kostenlose?r?|daily|weekly|täglich\w*|wöchentlich\w*)?\s*newsletter(?:\s+(?:abonnieren|bestellen|anmelden|sign up|subscribe))?|newsletter-anmeldung|zum newsletter anmelden|get our newsletter)\b.{0,160}$/i;
const RELATED_HEADING =
  /^(?:related(?: articles?| posts?| stories| content| coverage| reading| topics| news| links)?|read (?:more|also|next)|more (?:on this(?: story| topic)?|from [\w .'-]{1,40}|stories|articles|news|about this|to read)|see also|explore (?:our )?(?:related|more) content|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| articles| stories| reading)?|popular(?: posts| articles| stories)?|most (?:read|popular|viewed|shared)|trending(?: now)?|further reading|lesen sie (?:auch|mehr|dazu)|mehr zum thema.{0,60}|weitere artikel(?: zum thema)?|auch interessant|das könnte sie (?:auch )?interessieren|verwandte (?:artikel|themen|beiträge)|ähnliche (?:artikel|beiträge)|weitere beiträge|mehr aus (?:dem|der) .{1,40}|zum thema|meistgelesen|empfohlene artikel|à lire aussi|lire aussi|sur le même sujet|dans la même rubrique|leer más|te puede interesar|noticias relacionadas|leggi anche|articoli correlati|lees ook|meer over dit onderwerp|gerelateerde artikelen|schon gelesen\??|das (?:thema )?könnte (?:dich|sie) (?:auch )?interessieren|entdecke weitere .{1,30}|entdecken sie (?:weitere|mehr) .{0,30}|beiträge zum thema|weitere (?:themen|nachrichten|news|meldungen)|mehr (?:artikel|nachrichten|news|beiträge)|related coverage|more coverage|more in .{1,30}|top stories|latest (?:news|stories|articles)|читайте также|похожие статьи|самые популярные.{0,30}|другие новости|czytaj (?:także|też|więcej)|zobacz (?:też|także)|weitere informationen(?: (?:zum thema|hierzu|unter))?|weiterführende (?:links|informationen|artikel)|weitere beiträge.{0,40}|neueste (?:artikel|beiträge)|entdecken sie jetzt|(?:le |te )?puede interesar(?:te|le)?|weitere [\p{L}-]{1,20}tipps|aktuelle [\p{L}-]{1,20}tests|quellenangaben|quellen|new and exciting.{0,45}|et vidéos sur le sujet|(?:kontakt|contact|pressekontakt|press contact|media contact|ansprechpartner(?:in)?)(?: für (?:die )?(?:medien|presse))?)\s*:?$/iu;
const RELATED_INLINE =
  /^(?:read more|read also|read next|related|see also|also read|more|lesen sie auch|lesen sie mehr|lesen sie dazu|mehr zum thema|mehr dazu|mehr zu|auch interessant|lire aussi|à lire aussi|leer más|lee también|lea también|lea además|lea más|lea|te puede interesar|le puede interesar|también te puede interesar|leia também|leia mais|veja também|leggi anche|lees ook|also on [\w.-]+|czytaj (?:także|też|więcej)|читайте также|mira|ver también|véase también|siehe auch)\s*[:>»›-]?\s*\S/i;
const PROFILE =
  /^(?:view (?:full )?profile|view all (?:posts|articles|stories) by.{0,60}|(?:more|all) (?:articles|posts|stories) (?:by|from).{0,60}|alle (?:artikel|beiträge) von.{0,60}|mehr (?:artikel )?von .{1,60}|about the author|über (?:den autor|die autorin|die autoren)|zur person|autoreninfo|author profile|à propos de l'auteur|sobre el autor|l'autore|over de auteur|follow(?: [\w .'-]{1,40})? on (?:twitter|x|linkedin|facebook|instagram|bluesky|mastodon))$/i;
const BIO_START =
  /^(?:(?:dr|prof|sir|dame|mr|mrs|ms)\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:is|was|ist|war|est|es|è|is een)\s+(?:a|an|the|ein|eine|der|die|un|une|le|la|el|uno|una|een|currently|also|senior|professor|director|editor|author|co-?founder)\b/u;
const BIO_JOINED =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:joined|has been (?:reporting|writing|covering)|has written|writes (?:about|for)|covers|reports on|schreibt (?:über|für)|berichtet (?:über|für|seit))\b/u;
const BIO_ROLE =
  /\b(?:reporting|covering|journalist|fellow|professor|author|editor|advis[eo]r|correspondent|researcher|writer|director|analyst|lecturer|reporter|contributor|founder|columnist|commentator|scholar|expert|consultant|historian|economist|blogger|photographer|student|lawyer|scientist|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journalistin|professorin|chefredakteur(?:in)?|ressortleiter(?:in)?|mitarbeiter(?:in)?|journaliste|auteur|rédacteur|periodista|giornalista|schrijver|verslaggever)\b/i;
const PODCAST_PLATFORMS =
  /\b(?:spotify|itunes|apple podcasts|google podcasts|soundcloud|stitcher|tunein|spreaker|pocket ?casts|podbean|audecibel|castbox|overcast|deezer|audible|amazon music|iheartradio|castro|podcast addict|player\.fm|youtube music|anchor|buzzsprout|podimo|rss)\b/gi;
const APP_PROMO =
  /^(?=.{0,220}$)(?=.*\b(?:app store|google play|play store|ios|android|iphone)\b).*\b(?:download|get|install|hol(?:en sie sich)?|lade|laden sie|installieren|téléchargez|descarga|scarica)\b.*\bapps?\b/i;
const CONTRIBUTOR_PITCH =
  /(?:send (?:us )?a (?:short )?pitch|guidelines for contributors|contributor guidelines|write for us|submit (?:a|your) (?:story|article|pitch|op-?ed)|have an idea for an? (?:article|commentary|story|piece|op-?ed)|pitch us|schreiben sie für uns|gastbeitrag einreichen)/i;
const PAYWALL =
  /^(?=.{0,300}$).*(?:subscribe (?:now )?to (?:continue|keep) reading|(?:this|the) (?:article|content|story) is (?:only )?(?:available|reserved|for) (?:to |for )?(?:subscribers|members|premium)|already (?:a subscriber|have an account)|bereits abonnent|jetzt (?:weiterlesen|abonnieren|testen|freischalten)|(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnent|plus|premium)|mit \S+ ?(?:\+|plus) weiterlesen|weiterlesen mit|sign in to (?:continue|read)|log ?in to (?:continue|read)|register (?:for free )?to (?:continue|read)|create a free account to (?:continue|read)|become a (?:member|subscriber) to read|réservé aux abonnés|contenido exclusivo para suscriptores|riservato agli abbonati|to (?:view|read|continue reading) the full (?:story|article)|pour lire la suite|la suite est réservée|ten tekst przeczytasz|lesen sie (?:jetzt )?weiter mit|weiterlesen mit|zum weiterlesen|first-time subscribers|subscribers? (?:also )?receive)/i;
/** Membership and subscription pitches ("Hazte miembro", "Become a member", "Cancel anytime"). */
const SUBSCRIPTION_PITCH =
  /^(?=.{0,250}$).*\b(?:hazte (?:miembro|socio|suscriptor)|become a (?:member|subscriber|supporter)|werden sie (?:mitglied|abonnent)|jetzt mitglied werden|cancel (?:at )?any ?time|cancela cuando quieras|jederzeit kündbar|abonnez-vous|suscríbete (?:ahora|hoy|aquí)|subscribe (?:now|today) (?:for|and)|hacemos periodismo|\d+ issues for|delivered (?:to|through) your (?:door|letterbox)|sie wollen mehr von uns\??|get the [\w ]{2,40} (?:app|newsletter|daily)|gefällt (?:dir|ihnen) (?:unser|unsere|dieser) .{1,40}\?|if you enjoyed (?:reading )?this (?:post|article|story)|like this (?:story|article)\? share it)\b/i;
const COOKIE =
  /^(?=.{0,500}$).*\b(?:we use cookies|this (?:web)?site uses cookies|wir (?:verwenden|nutzen|setzen) cookies|diese (?:web)?seite (?:verwendet|nutzt) cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|cookie-einstellungen|alle cookies akzeptieren|nous utilisons des cookies|utilizamos cookies|utilizziamo (?:i )?cookie|wij gebruiken cookies|wir respektieren (?:deine|ihre) privatsphäre|we (?:value|respect) your privacy)\b/i;
/** Advertising and affiliate disclosures ("*Werbung. Dieser Beitrag enthält …", "Anzeige, enthält Affiliate Links"). */
const AD_DISCLOSURE =
  /^(?=.{0,220}$)\*?\s*(?:(?:werbung|anzeige|advertorial|sponsored|gesponsert|affiliate)\b.{0,200}\b(?:enthält|contains|affiliate|werbung|sponsored|provision|partner|link)|(?:dieser|this) (?:beitrag|artikel|post|article) (?:enthält|contains) (?:werbung|affiliate|sponsored|advertising)|(?:the )?advertising (?:disclaimer|disclosure)\b|(?:this (?:post|article) (?:may )?contains? affiliate links?))/i;
const AD_LABEL =
  /^(?:advertisement|advertising|anzeige|werbung|sponsored|sponsored content|ad|ads|publicité|publicidad|pubblicità|advertentie|reklame|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading (?:below|the main story)|weiterlesen nach der anzeige|text continues below|lesen sie nach der anzeige weiter|weiter nach der anzeige)$/i;
const NAV_LINE =
  /^(?:back to top|to top|nach oben|zurück nach oben|top|next article|previous article|next post|previous post|next|previous|prev|nächster artikel|vorheriger artikel|weiter|zurück|home|startseite|zur startseite|back to home(?:page)?|skip to (?:main )?content|zum inhalt springen|menu|menü|search|suche|close|schließen|open menu|main menu|hauptmenü|more|mehr|load more|mehr laden|show more|page \d+(?: of \d+)?|seite \d+(?: von \d+)?|sign in|sign up|log ?in|anmelden|registrieren|print(?: article| this)?|text size|order reprints|reprints|caption|advert|image \d+ of \d*|photo \d+ of \d+|bild \d+ von \d+|this slideshow requires javascript|by|permalink|permalien|lade weitere inhalte|weitere inhalte laden|inhaltsverzeichnis|table of contents|contents|externer inhalt|external content|dieses .{1,20} als pdf herunterladen|download (?:as )?pdf|als pdf herunterladen|pdf herunterladen|war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)\??|was this (?:article|page) (?:helpful|useful)\??|noch keine bewertungen|no ratings yet|\d+ bewertungen|community|news)$/i;
/** Page numbers ("1 2 3 next"): navigation only when they are links. */
const PAGE_NUMBERS = /^\d+(?: \d+)*(?: next| weiter| »)?$/i;
const BYLINE_LINE =
  /^(?:(?:[Ww]ritten |[Pp]osted |[Rr]eported |[Tt]ext )?[Bb]y|BY|[Vv]on|VON|[Tt]ext(?: und [Ff]otos?)?:|[Aa]uthor:|[Aa]utor(?:in|en|innen)?:|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Ff]rom)\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|di|del|la|le|and|und|&|,))*\s*(?:[|,·•–—-].{0,60})?$/u;
const DATE_CORE =
  '(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}(?:[t ]\\d{2}:\\d{2}(?::\\d{2})?(?:z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}\\.?\\s+\\p{L}{3,10}\\.?\\s+\\d{4}|\\p{L}{3,10}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\p{L}{3,10}\\s+\\d{4})';
const DATE_LABEL =
  '(?:published|updated|last updated|posted|posted on|modified|last modified|veröffentlicht(?: am)?|zuletzt aktualisiert(?: am)?|aktualisiert(?: am)?|stand|erstellt(?: am)?|publié le|mis à jour le|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)';
const DATE_WITH_TIME = `(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\\p{L}*\\.?,?\\s+)?${DATE_CORE}(?:\\s*(?:,|um|at|à|-|–|\\|)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|uhr|h))?(?:\\s*\\p{Lu}{2,5})?)?`;
/**
 * A line that is only a date, with an optional label and an optional second labelled date
 * ("Published 18 August 2021, last updated 19 August 2021", "Veröffentlicht am 3.5.2024 | Aktualisiert am 4.5.2024").
 */
const DATE_LINE = new RegExp(
  `^(?:${DATE_LABEL}\\s*:?\\s*(?:on\\s+|am\\s+)?)?${DATE_WITH_TIME}(?:\\s*[,;|·•–-]?\\s*${DATE_LABEL}\\s*:?\\s*(?:on\\s+|am\\s+)?${DATE_WITH_TIME})?(?:\\s*[|·•]\\s*.{0,40})?$`,
  'iu',
);
/** Class, id or attribute words of an element that holds a byline ("byline", "author-name", "contributor"). */
const BYLINE_MARKUP = /(?:byline|author|contributor|dateline|writer)/i;
/** Publication labels anywhere in the body ("Release Date:", "Last Modified: …", "Dieser Text wurde … veröffentlicht"). */
const PUBLICATION_LINE =
  /^(?:release date|last modified|last updated|published(?: on)?|updated(?: on)?|veröffentlicht(?: am)?|veröffentlichung|erstveröffentlichung|opublikowano|publicado(?: el)?|publié le|dieser (?:text|beitrag|artikel) wurde .{0,60}veröffentlicht|der beitrag wurde am .{0,60}|\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)\b.{0,80}$/iu;
/** Server error output printed into the page ("Warning: … on line 12"). */
const SERVER_ERROR =
  /^(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.{0,300}\bon line \d+/i;
const READING_TIME =
  /^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?)\s*(?:read|reading time|lesezeit|de lecture|de lectura|di lettura)|(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:ute)?n?s?\.?)|(?:tags|schlagwörter|schlagworte|themen|filed under|posted in|categories|kategorien?|keywords|mots-clés|etiquetas)\s*:.{0,200}|this entry was posted\b.{0,200}|bookmark the permalink\.?|(?:posted|veröffentlicht) in .{1,80}|dieser (?:beitrag|eintrag) wurde .{0,80}(?:veröffentlicht|abgelegt).{0,120})$/iu;
const DISCLAIMER =
  /^(?:the views (?:and opinions )?expressed (?:in this|here|by)|views expressed (?:in this|here)|die (?:hier )?(?:geäußerte|vertretene)n? (?:meinung|ansichten)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|copyright\s*(?:©\s*)?\d{4}|©\s*\d{4}|alle angaben ohne gewähr|all information without guarantee|irrtümer vorbehalten)/i;
/** WordPress shortcodes left in the text: "[button link=…]", "[caption id=…]". */
const SHORTCODE = /^\[\/?[a-z_][\w-]*(?:\s[^\]]*)?\]/i;
/** A block that is only a URL. */
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
/** "About <Company>" at the end of a press release, followed by a company description. */
const ABOUT_COMPANY = /^(?:about|über|à propos de|acerca de|sobre|over) \p{Lu}[\p{L}\d&.' -]{1,60}$/u;
const COMPANY_WORDS =
  /\b(?:is a|is an|is the|ist ein|ist eine|ist der|ist die|est un|est une|es un|es una|founded|headquartered|gegründet|employs|beschäftigt|mit sitz in)\b/i;
/** A comment-section prompt in Russian and Polish, and joining forums. */
const FORUM_PROMPT =
  /^(?:отзывы|добавить (?:отзыв|комментарий)|комментарии|komentarze|dodaj komentarz|join (?:our|the) [\w ]{0,30}(?:forums?|discussion|community)\b.*)$/i;

// ---------------------------------------------------------------------------------------

/** True when the block sits (within a few levels) in an element marked up as a byline or author. */
function inBylineMarkup(block: Block): boolean {
  for (const node of block.nodes) {
    let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    for (let depth = 0; element && depth < 4; depth += 1) {
      const tag = element.localName.toLowerCase();
      if (tag === 'article' || tag === 'main' || tag === 'body') break;
      const marks = ['class', 'id', 'rel', 'itemprop', 'data-component', 'data-testid']
        .map((name) => element!.getAttribute(name) ?? '')
        .join(' ');
      if (BYLINE_MARKUP.test(marks)) return true;
      element = element.parentElement;
    }
  }
  return false;
}

interface Facts {
  label: string;
  chars: number;
  words: number;
  linkDensity: number;
  long: boolean;
}

function factsOf(block: Block): Facts {
  const chars = block.text.length;
  return {
    label: labelForm(block.text),
    chars,
    words: wordCount(block.text),
    linkDensity: chars === 0 ? 0 : block.linkChars / chars,
    long: chars >= 150 && block.kind !== 'heading',
  };
}

const SHARE_PLATFORMS = new Set([
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
]);

function isShareLine(label: string, words: number): boolean {
  if (words === 0 || words > 14) return false;
  const tokens = label.split(' ');
  if (
    !tokens.some((token) => ['share', 'teilen', 'partager', 'compartir', 'condividi', 'delen', 'tweet'].includes(token))
  ) {
    // A line of platform names only ("Facebook Twitter E-Mail") needs at least two of them.
    const platforms = tokens.filter((token) =>
      [
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
      ].includes(token),
    );
    if (platforms.length < 2) return false;
  }
  return tokens.every((token) => SHARE_WORDS.has(token) || /^\d+$/.test(token));
}

/** Apply the text rules to `blocks` (in reading order). */
export function applyTextRules(blocks: Block[], context: TextRuleContext): TextRuleResult {
  const facts = blocks.map(factsOf);
  const removed = new Map<number, { rule: string; reason: string }>();
  const trimmed = new Map<number, string>();
  const extra: TextRemoval[] = [];
  const totalChars = facts.reduce((sum, fact) => sum + fact.chars, 0) || 1;
  const before: number[] = [];
  let running = 0;
  for (const fact of facts) {
    before.push(running / totalChars);
    running += fact.chars;
  }
  const enabled = (ruleId: string) => {
    const rule = ruleById(ruleId);
    return !context.disabled.has(rule.category) && !context.disabled.has(rule.id);
  };
  const remove = (index: number, ruleId: string, reason: string) => {
    if (!removed.has(index) && enabled(ruleId)) removed.set(index, { rule: ruleId, reason });
  };
  // Galleries: when captions hold most of the text, they are the article.
  const captionChars = blocks.reduce((sum, block, i) => sum + (block.kind === 'caption' ? facts[i]!.chars : 0), 0);
  const captions = captionChars > totalChars / 2 ? 'keep' : context.captions;
  const longBefore = (index: number) => facts.slice(0, index).filter((fact) => fact.long).length;
  const n = blocks.length;

  // 1. The comment thread: everything from a comment-section marker after the article.
  if (enabled('comments/thread')) {
    for (let i = 0; i < n; i += 1) {
      const fact = facts[i]!;
      if (fact.chars > 60 || !COMMENT_START.test(fact.label)) continue;
      if (before[i]! < 0.3 && longBefore(i) < 3) continue;
      for (let k = i; k < n; k += 1)
        remove(k, 'comments/thread', `after the comment-section marker "${blocks[i]!.text.slice(0, 40)}"`);
      break;
    }
  }

  // 2. Donation ladders: two or more amount-only lines in a row, with a month-year line beside them.
  if (enabled('donation/ladder')) {
    for (let i = 0; i < n;) {
      let j = i;
      while (j < n && facts[j]!.chars <= 24 && AMOUNT.test(blocks[j]!.text.trim())) j += 1;
      if (j - i >= 2) {
        const from = i > 0 && MONTH_YEAR.test(blocks[i - 1]!.text.trim()) ? i - 1 : i;
        const to = j < n && MONTH_YEAR.test(blocks[j]!.text.trim()) ? j + 1 : j;
        for (let k = from; k < to; k += 1)
          remove(k, 'donation/ladder', `${j - i} amount-only lines in a row (a donation ladder)`);
        i = to;
      } else {
        i = Math.max(j, i + 1);
      }
    }
  }

  // 3. Title repeated at the top, bylines and dates near the top or the bottom.
  const titleLabel = context.title ? labelForm(context.title) : null;
  const bylineLabel = context.byline ? labelForm(context.byline) : null;
  const firstLong = facts.findIndex((fact) => fact.long);
  const headEnd = firstLong < 0 ? Math.min(n, 8) : Math.min(n, Math.max(firstLong, 1) + 1);
  for (let i = 0; i < n; i += 1) {
    const fact = facts[i]!;
    const inHead = i < headEnd || i < 3;
    const inTail = i >= n - 4;
    if (titleLabel && i < Math.max(headEnd, 6) && fact.label === titleLabel) {
      remove(i, 'metadata-line/title', 'the title repeated in the body');
      continue;
    }
    if (fact.chars <= 120 && (inHead || inTail)) {
      if (
        bylineLabel &&
        (fact.label === bylineLabel || fact.label === `by ${bylineLabel}` || fact.label === `von ${bylineLabel}`)
      ) {
        remove(i, 'metadata-line/byline', 'the byline as a body line');
        continue;
      }
      if (BYLINE_LINE.test(blocks[i]!.text) && !endsLikeSentence(blocks[i]!.text.replace(/\.$/, ''))) {
        remove(i, 'metadata-line/byline', 'a byline line');
        continue;
      }
      if (DATE_LINE.test(blocks[i]!.text.trim())) {
        remove(i, 'metadata-line/date', 'a line that is only a date');
        continue;
      }
    }
  }
  // Role lines of the byline ("BBC security correspondent", "Jane Doe, Science Editor") at the top.
  for (let i = 0; i < Math.min(n, Math.max(headEnd, 3)); i += 1) {
    const text = blocks[i]!.text.trim();
    const fact = facts[i]!;
    if (removed.has(i) || fact.chars > 80 || fact.words > 10 || fact.long || endsLikeSentence(text)) continue;
    const nextToByline = [i - 1, i + 1].some((k) => removed.get(k)?.rule === 'metadata-line/byline');
    const namesAuthor = bylineLabel !== null && fact.label.startsWith(`${bylineLabel} `);
    // A linked line is a profile link ("View author archive"), left to the author-box rules.
    const role = BIO_ROLE.test(text) && fact.linkDensity <= 0.5;
    if (role && (nextToByline || namesAuthor || inBylineMarkup(blocks[i]!))) {
      remove(
        i,
        'metadata-line/byline-role',
        nextToByline ? 'the role line under the byline' : 'a short author role line in byline markup',
      );
    } else if (namesAuthor && (role || fact.linkDensity > 0.5 || inBylineMarkup(blocks[i]!))) {
      remove(i, 'metadata-line/byline-role', 'the byline name with a short addition');
    }
  }

  // 4. Single-line rules.
  for (let i = 0; i < n; i += 1) {
    if (removed.has(i)) continue;
    const block = blocks[i]!;
    const fact = facts[i]!;
    const text = block.text.trim();
    const short = fact.chars <= 200;
    if (context.repeated.size > 0 && enabled('repeated/site-line')) {
      const count = context.repeated.get(normalizeText(text));
      if (count !== undefined) {
        remove(i, 'repeated/site-line', `line repeated on ${count} pages of this site`);
        continue;
      }
    }
    if (
      fact.chars <= 80 &&
      COMMENT_CONTROL.test(fact.label) &&
      (before[i]! > 0.5 ||
        /^(?:notify of|newest most voted|inline feedbacks|view all comments|would love your thoughts)/i.test(
          fact.label,
        ))
    ) {
      remove(i, 'comments/controls', 'a comment-thread control');
      continue;
    }
    if (short && fact.words <= 8 && DONATION_APPEAL.test(text) && !endsLikeSentence(text)) {
      remove(i, 'donation/appeal', 'a short stand-alone donation appeal');
      continue;
    }
    if (
      fact.chars <= 300 &&
      DONATION_WORDS.test(text) &&
      /\b(?:support|unterstütz\w*|help|soutenir|apoyar|sostenere|steun)\b/i.test(text) &&
      (before[i]! > 0.6 || i < 2)
    ) {
      remove(i, 'donation/appeal', 'a short donation appeal at the edge of the article');
      continue;
    }
    if (fact.chars <= 80 && ENLARGE.test(fact.label)) {
      remove(i, 'image-credit/enlarge', 'an image viewer control');
      continue;
    }
    if (fact.chars <= 160 && CREDIT_LINE.test(text)) {
      remove(i, 'image-credit/credit-line', 'a line that is only an image credit');
      continue;
    }
    if (fact.chars <= 500 && block.kind !== 'heading') {
      const match = TRAILING_CREDIT.exec(text);
      if (match && match.index > 0 && enabled('image-credit/trailing-credit')) {
        const credit = text.slice(match.index).trim();
        const caption = text.slice(0, match.index).trim();
        extra.push({
          ...named('image-credit/trailing-credit'),
          reason: 'the credit clause of a caption',
          text: credit,
          blockIndex: i,
        });
        if (captions === 'drop' && enabled('caption/credited-line')) {
          remove(i, 'caption/credited-line', 'a caption (it carries an image credit)');
          trimmed.set(i, caption);
        } else {
          trimmed.set(i, caption);
        }
        continue;
      }
    }
    if (block.kind === 'caption' && captions === 'drop') {
      remove(i, 'caption/figure', 'a figure caption');
      continue;
    }
    if (
      short &&
      (isShareLine(fact.label, fact.words) ||
        (!context.plainText && fact.linkDensity > 0.5 && fact.words <= 2 && SHARE_PLATFORMS.has(fact.label)))
    ) {
      remove(i, 'share/buttons-line', 'a line of share-button labels');
      continue;
    }
    if (fact.chars <= 250 && NEWSLETTER.test(text) && !/[.!?]\s+\p{Lu}/u.test(text.slice(0, -1))) {
      remove(i, 'newsletter/signup-line', 'a newsletter sign-up call');
      continue;
    }
    if (fact.chars <= 200 && RELATED_INLINE.test(text) && (context.plainText || fact.linkDensity > 0.4)) {
      remove(i, 'related/inline-link', 'an in-article teaser link');
      continue;
    }
    if (fact.chars <= 120 && PROFILE.test(fact.label.replace(/ (\w) /g, ' $1 '))) {
      remove(i, 'author-bio/profile-link', 'an author profile link');
      // The author's name and role lines just before it.
      for (let k = i - 1, taken = 0; k >= 0 && taken < 4; k -= 1, taken += 1) {
        const prior = facts[k]!;
        if (removed.has(k) || prior.chars > 70 || endsLikeSentence(blocks[k]!.text) || prior.long) break;
        remove(k, 'author-bio/profile-link', 'a name or role line of the author box');
      }
      continue;
    }
    if (
      fact.chars <= 600 &&
      new Set((text.match(PODCAST_PLATFORMS) ?? []).map((name) => name.toLowerCase())).size >= 3
    ) {
      remove(i, 'promo/podcast-platforms', 'a list of podcast platforms');
      continue;
    }
    if (APP_PROMO.test(text)) {
      remove(i, 'promo/app-links', 'a "download our app" call');
      continue;
    }
    if (fact.chars <= 400 && CONTRIBUTOR_PITCH.test(text)) {
      remove(i, 'promo/contributor-pitch', 'a call for contributors');
      continue;
    }
    if (PAYWALL.test(text)) {
      remove(i, 'paywall-notice/line', 'a paywall notice');
      continue;
    }
    if (COOKIE.test(text)) {
      remove(i, 'cookie-consent/line', 'a cookie notice');
      continue;
    }
    if (fact.chars <= 120 && block.kind !== 'heading' && PUBLICATION_LINE.test(text)) {
      remove(i, 'metadata-line/date', 'a publication-date label');
      continue;
    }
    if (fact.chars <= 500 && SERVER_ERROR.test(text)) {
      remove(i, 'boilerplate/disclaimer', 'server error output printed into the page');
      continue;
    }
    if (fact.chars <= 300 && SHORTCODE.test(text)) {
      remove(i, 'boilerplate/disclaimer', 'a shortcode left in the text');
      continue;
    }
    if (URL_LINE.test(text)) {
      remove(i, 'metadata-line/reading-time', 'a line that is only a URL');
      continue;
    }
    if (fact.chars <= 200 && FORUM_PROMPT.test(text)) {
      remove(i, 'comments/controls', 'a comment or forum prompt');
      continue;
    }
    if (AD_DISCLOSURE.test(text)) {
      remove(i, 'advertisement/label', 'an advertising or affiliate disclosure');
      continue;
    }
    if (SUBSCRIPTION_PITCH.test(text)) {
      remove(i, 'promo/subscription-pitch', 'a membership or subscription pitch');
      continue;
    }
    if (fact.chars <= 150 && COMMENT_PROMPT.test(text) && (before[i]! > 0.5 || fact.chars <= 60)) {
      remove(i, 'comments/controls', 'a prompt to comment');
      continue;
    }
    if (fact.chars <= 60 && AD_LABEL.test(fact.label)) {
      remove(i, 'advertisement/label', 'an advertisement label');
      continue;
    }
    if (fact.chars <= 40 && !context.plainText && fact.linkDensity > 0.5 && PAGE_NUMBERS.test(fact.label)) {
      remove(i, 'navigation/line', 'page-number links');
      continue;
    }
    if (
      fact.chars <= 40 &&
      block.kind !== 'heading' &&
      NAV_LINE.test(fact.label) &&
      (context.plainText || fact.linkDensity > 0.5 || fact.words <= 3)
    ) {
      if (fact.words <= 4) {
        remove(i, 'navigation/line', 'a navigation label');
        continue;
      }
    }
    if (fact.chars <= 300 && READING_TIME.test(text)) {
      remove(i, 'metadata-line/reading-time', 'a reading-time or tag line');
      continue;
    }
    if (fact.chars <= 400 && DISCLAIMER.test(text)) {
      remove(i, 'boilerplate/disclaimer', 'a standing disclaimer');
      continue;
    }
  }

  // 5. Related-content headings and the link lines after them.
  if (enabled('related/heading')) {
    for (let i = 0; i < n; i += 1) {
      const fact = facts[i]!;
      if (fact.chars > 70 || !RELATED_HEADING.test(fact.label)) continue;
      if (blocks[i]!.kind !== 'heading' && !context.plainText && fact.linkDensity > 0.9) continue;
      const atEnd = before[i]! > 0.5;
      let k = i + 1;
      const lines: number[] = [];
      while (k < n) {
        const next = facts[k]!;
        const linky = !context.plainText && next.linkDensity >= 0.5;
        const titleLike =
          next.chars <= 140 && !endsLikeSentence(blocks[k]!.text) && (context.plainText || next.linkDensity > 0.3);
        if (!linky && !titleLike) break;
        lines.push(k);
        k += 1;
      }
      if (lines.length === 0 && !atEnd && blocks[i]!.kind !== 'heading' && fact.words > 5) continue;
      remove(i, 'related/heading', 'a related-content heading');
      for (const line of lines) remove(line, 'related/heading', `a link line under "${blocks[i]!.text.slice(0, 40)}"`);
    }
  }

  // 6. After the article: link-only lines, closing author biographies.
  const keptOrder = [...Array(n).keys()].filter((i) => !removed.has(i));
  if (!context.plainText && enabled('related/trailing-links')) {
    for (let p = keptOrder.length - 1; p >= 0; p -= 1) {
      const i = keptOrder[p]!;
      const fact = facts[i]!;
      if (fact.linkDensity < 0.7 || fact.long) break;
      if (p < keptOrder.length / 2) break;
      remove(i, 'related/trailing-links', 'a link-only line after the article');
    }
  }
  if (enabled('boilerplate/about-company')) {
    for (let i = Math.floor(n / 2); i < n; i += 1) {
      if (removed.has(i) || facts[i]!.chars > 70 || !ABOUT_COMPANY.test(blocks[i]!.text.trim())) continue;
      const following = blocks.slice(i + 1, i + 4).map((block) => block.text);
      if (!following.some((text) => COMPANY_WORDS.test(text))) continue;
      for (let k = i; k < n; k += 1)
        remove(k, 'boilerplate/about-company', 'the "About <company>" section at the end of a press release');
      break;
    }
  }
  if (!context.plainText && enabled('boilerplate/trailing-short')) {
    const order = [...Array(n).keys()].filter((i) => !removed.has(i));
    for (let p = order.length - 1; p >= Math.max(1, order.length - 6); p -= 1) {
      const i = order[p]!;
      const fact = facts[i]!;
      const text = blocks[i]!.text.trim();
      if (fact.words > 8 || fact.chars > 70 || endsLikeSentence(text) || /["”»)]$/.test(text)) break;
      if (blocks[i]!.kind === 'li' && fact.linkDensity < 0.5) break;
      if (blocks[i]!.kind === 'pre' || blocks[i]!.kind === 'row') break;
      remove(i, 'boilerplate/trailing-short', 'a short line that is not a sentence, after the last paragraph');
    }
  }
  if (enabled('author-bio/bio-sentence')) {
    const stillKept = keptOrder.filter((i) => !removed.has(i));
    for (const i of stillKept.slice(-2)) {
      const text = blocks[i]!.text.trim();
      if (stillKept.length < 3 || facts[i]!.chars > 500 || blocks[i]!.kind === 'heading') continue;
      const byAuthor = context.byline !== null && text.startsWith(`${context.byline} `);
      if ((BIO_START.test(text) || BIO_JOINED.test(text) || byAuthor) && BIO_ROLE.test(text))
        remove(i, 'author-bio/bio-sentence', 'a closing author biography');
    }
  }

  const kept: Block[] = [];
  const keptIndex: number[] = [];
  const removals: TextRemoval[] = [];
  for (let i = 0; i < n; i += 1) {
    const hit = removed.get(i);
    const block = blocks[i]!;
    const text = trimmed.get(i) ?? block.text;
    for (const removal of extra) if (removal.blockIndex === i) removals.push(removal);
    if (hit) {
      const rule = ruleById(hit.rule);
      removals.push({ rule: rule.id, category: rule.category, reason: hit.reason, text, blockIndex: i });
    } else if (text.trim() !== '') {
      kept.push(text === block.text ? block : { ...block, text });
      keptIndex.push(i);
    }
  }
  return { kept, keptIndex, removals };
}

function named(ruleId: string): { rule: string; category: string } {
  const rule = ruleById(ruleId);
  return { rule: rule.id, category: rule.category };
}

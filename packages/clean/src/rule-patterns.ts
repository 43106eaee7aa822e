/** Pattern parts used by more than one rule. */

/**
 * The characters a telephone number is written with after its leading "+": digits, spaces,
 * brackets, dots, slashes and dashes. A contact line and a linked number alone on its line are
 * built from it; whether the digits are grouped as a phone groups them is navigation/line's
 * `PHONE_SHAPE`.
 */
export const PHONE_CHARS = String.raw`[\d\s()./-]`;

/** A line that ends in a question mark: Latin, full-width, Arabic or Greek. */
export const QUESTION_END = /[?？؟\u037e]\s*$/u;

/**
 * A page that is a cookie or privacy policy, by its title or headline, one of whose parts — split
 * at a site's separators (| – — · :, or a dash between spaces) — is the whole name of such a
 * document (a cookie policy, a privacy notice, "Privacy and cookies", a Datenschutzerklärung, a
 * politique de confidentialité): "Acme Shop | Cookie Policy". "Cookies" alone is no such name:
 * it is a baker's word as well ("Cookies | Harbour Bakery"). There the lines and boxes about cookies and
 * consent are the page's text. A headline that only opens with those words ("Privacy policy
 * changes at messaging app spark exodus", a rubric "Politique : amende record pour les cookies")
 * or only speaks of privacy or cookies ("Retailer fined over privacy failings") is a story, whose
 * cookie notices are still notices.
 */
const COOKIE_DOCUMENT_NAME = String.raw`(?:(?:our|the|this|site|website|web ?site)\s+)?(?:(?:(?:cookies?|privacy|data protection|data privacy)(?:\s*(?:and|&|\/|,)\s*(?:cookies?|privacy|data protection))?[\s-]*(?:policy|policies|notice|statement|settings|preferences|information|declaration|charter))|datenschutz(?:erklärung|hinweise?|richtlinie|informationen?|bestimmungen)?|cookie-?(?:richtlinie|hinweise?|erklärung|einstellungen)|politique de confidentialité|politique (?:relative aux|en matière de|d'utilisation des|de gestion des) cookies|politique de protection des données(?: personnelles)?|pol[ií]tica de (?:privacidad|cookies|protecci[oó]n de datos)|informativa (?:sulla )?privacy|informativa (?:sui |sull'uso dei )?cookies?|(?:privacy|data protection)\s*(?:and|&)\s*cookies|(?:privacy|cookie)(?:verklaring|beleid))`;
/** Where a part of a title begins or ends: its edge, or a site's separator. */
const TITLE_PART_EDGE = String.raw`(?:[|–—·:]|\s-\s)`;
/** The name of a cookie or privacy policy anywhere in a text: a title without one names no policy. */
export const POLICY_NAME_IN_TEXT = new RegExp(COOKIE_DOCUMENT_NAME, 'i');
export const COOKIE_PAGE_TITLE = new RegExp(
  String.raw`(?:^|${TITLE_PART_EDGE})\s*${COOKIE_DOCUMENT_NAME}\s*[.!]?\s*(?:$|${TITLE_PART_EDGE})`,
  'i',
);

/**
 * A site telling its visitor that it uses cookies, in the words a notice opens with ("We use
 * cookies", "Diese Website verwendet Cookies", "Nous utilisons des cookies" …): read by the cookie
 * notice line rule and by the policy page's test of a site notice (consent.ts).
 */
export const COOKIE_USE = String.raw`we use cookies|this (?:web)?site uses cookies|wir (?:verwenden|nutzen|setzen) cookies|diese (?:web)?seite (?:verwendet|nutzt) cookies|nous utilisons des cookies|utilizamos cookies|utilizziamo (?:i )?cookie|wij gebruiken cookies`;

/**
 * A loading indicator's word alone (a label form: lower case, punctuation gone): "Loading…",
 * "Wird geladen", "Chargement…". A spinner's text, never content.
 */
export const LOADING_WORD =
  /^(?:loading|(?:bitte warten )?(?:wird geladen|lädt)|chargement(?: en cours)?|cargando|caricamento(?: in corso)?|carregando|ładowanie|načítání|bezig met laden|загрузка)$/i;

/**
 * A message a page's script shows when something fails (a form, a basket, a session), left in
 * the markup (a script's template, a hidden box): the whole line is such messages, one sentence
 * after another, after an "Oops!" or "Sorry," at most, and one of them more than "Please try again."
 */
const UI_MESSAGE_OPENING = String.raw`(?:oops|(?:we(?:'|’)re |we are )?sorry|uh[- ]oh|whoops)[!,.]*`;
const UI_MESSAGE_SENTENCE = String.raw`(?:something went wrong(?: while [^.!?]{1,60}| on our end)?[.!]*|(?:an? )?(?:unexpected )?error (?:has )?occurred(?: while [^.!?]{1,60})?[.!]*|there (?:was|has been) (?:a|an) (?:problem|error)(?: [^.!?]{1,60})?[.!]*|(?:please )?(?:try (?:to )?)?refresh(?:ing)? the page(?: (?:and|or) try again)?[.!]*|your session has expired[.!]*|(?:you (?:must|need to) |please )?enable javascript(?: in your browser)?(?: to [^.!?]{1,60})?[.!]*|javascript is (?:disabled|required)(?: [^.!?]{1,60})?[.!]*)`;
/** "Please try again." or "Come back later." follows a message; alone it is a step of a help page. */
const UI_MESSAGE_FOLLOWER = String.raw`(?:please )?(?:try again|come back)(?: later| in a (?:few )?(?:moment|minute)s?)?[.!]*`;
export const UI_MESSAGE = new RegExp(
  String.raw`^(?:${UI_MESSAGE_OPENING}\s*)?(?:${UI_MESSAGE_FOLLOWER}\s*)*${UI_MESSAGE_SENTENCE}\s*(?:(?:${UI_MESSAGE_SENTENCE}|${UI_MESSAGE_FOLLOWER})\s*)*$`,
  'i',
);

/**
 * The news agencies of AGENCIES: a report's paragraph may end with one's name alone ("… (Reuters)",
 * "/ AFP") to cite the wire it came from.
 */
export const WIRE_AGENCIES =
  'reuters|afp|associated press|dpa|epa(?:-efe)?|xinhua|anadolu|bloomberg|pa wire|tass|sputnik|ria novosti';

/** Picture agencies and stock libraries named in image credits, and the news agencies (WIRE_AGENCIES). */
export const AGENCIES = `getty ?images|alamy(?: stock photo| live news)?|shutterstock|istock(?:photo)?|ap photo|imago(?: images)?|picture[- ]alliance|keystone|sipa|wikimedia commons|unsplash|pexels|pixabay|flickr|adobe stock|depositphotos|dreamstime|123rf|ullstein bild|sz photo|pa images|newscom|zuma|abaca|eyevine|rex features|action press|ddp|photothek|${WIRE_AGENCIES}`;

/** Job titles of writers and experts, for role lines and closing biographies. */
export const BIO_ROLE =
  /\b(?:reporting|covering|journalist|fellow|professor|author|editor|advis[eo]r|correspondent|researcher|writer|director|analyst|lecturer|reporter|contributor|founder|columnist|commentator|scholar|expert|consultant|historian|economist|blogger|photographer|student|lawyer|scientist|attorney|specialist|content creator|engineer|designer|strategist|coach|therapist|dietitian|nutritionist|veterinarian|physician|ceo|cto|vice president|graduate|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journalistin|professorin|chefredakteur(?:in)?|ressortleiter(?:in)?|mitarbeiter(?:in)?|journaliste|auteur|rédacteur|periodista|giornalista|schrijver|verslaggever)\b/i;

/** Share-endpoint URLs (Facebook sharer, Twitter intent, WhatsApp, mailto:?…). */
export const SHARE_HREF =
  /(facebook\.com\/(sharer|share\.php|dialog\/share)|twitter\.com\/(intent|share|home\?status)|x\.com\/intent|linkedin\.com\/(share|shareArticle|cws\/share)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|\/\/wa\.me\/|^whatsapp:|t\.me\/share|telegram\.me\/share|^mailto:\?|xing\.com\/(spi\/shares|social\/share)|vk\.com\/share\.php|tumblr\.com\/(share|widgets\/share)|getpocket\.com\/(save|edit)|flipboard\.com\/bookmarklet|news\.ycombinator\.com\/submitlink|bsky\.app\/intent|threads\.net\/intent|mastodonshare|buffer\.com\/add|plus\.google\.com\/share)/i;

/**
 * A credit clause ending a caption: "… Courtesy of X / Alamy Stock Photo", "(Photo: X)", "Foto: X".
 * The credit word starts a word ("Resources: …" holds no "sources:"); German writes it as the
 * end of a compound ("Symbolbild: X", "Bildquelle: X", "Pressefoto: X"), taken whole. An agency in
 * brackets closed by the sentence's full stop, "… the list of delegates (Reuters).", is a citation inside the
 * sentence, not a credit after it.
 */
export const TRAILING_CREDIT = new RegExp(
  `(?:\\s*[|/–—-]?\\s*\\(?(?:\\b(?:photo|image|picture|foto|bild|credit|quelle|source|illustration|grafik|photograph)|(?<![a-zäöüß])[a-zäöüß]+(?:bild|foto|quelle))s?\\s*(?:credit)?\\s*[:©]\\s*[^.!?]{2,80}\\)?\\.?|\\s*\\(?©\\s*[^.!?]{2,80}\\)?\\.?|\\s+\\(?courtesy(?: of)?\\s[^.!?]{2,100}\\)?\\.?|\\s*[|/–—]\\s*(?:${AGENCIES})(?![\\s,]*(?:1[89]|20)\\d{2}\\b)[^.!?]{0,60}\\.?|\\s*\\(\\s*(?:${AGENCIES})(?![\\s,]*(?:1[89]|20)\\d{2}\\b)[^.!?()]{0,60}\\)|\\s+\\((?:ap|afp|reuters|dpa|epa)(?: photo)?\\/[^)]{2,60}\\)\\.?)\\s*$`,
  'i',
);

/**
 * Reporting: quotation marks or a speech verb ("said", "told", "according to"; sagte, laut,
 * selon, según, secondo, volgens …). A line with them speaks about a notice (a story about
 * commissions, about a service's terms), it is not the site's own notice: read by the affiliate
 * disclosure rule and by the sign-up form's fine print.
 */
export const REPORTED_SPEECH = String.raw`[“”„"«»]|\b(?:said|says|told|tells|according to|explained|explains|reported|reports|found|showed|shows|warned|warns|argued|argues|claimed|claims|admitted)\b|(?<!\p{L})(?:sagte|sagt|sagen|sagten|schreibt|schrieb|heißt es|laut|zufolge|berichtet|berichtete|erklärt|erklärte|selon|d['’]après|a déclaré|a dit|affirme|explique|según|dijo|afirmó|explicó|señaló|secondo|ha detto|ha dichiarato|spiega|volgens|zei|zegt|schrijft|meldt)(?!\p{L})`;

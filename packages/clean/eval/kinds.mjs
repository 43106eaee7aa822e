// A rough guess of what kind of boilerplate a leaked segment is, from its wording and shape, so
// the eval can say WHICH boilerplate gets through (the trafilatura set does not label it). Only
// for reporting: the cleaner's own rules live in src/, and never use this.

/** Ordered: the first kind whose pattern matches wins. English, German, and a few others. */
const KINDS = [
  [
    'comments',
    /\b(comments?|kommentar\w*|leserkommentar\w*|antworten|reply|replies|leserbrief\w*|diskussion|commentaires?|comentarios?|commenti|komentarz\w*)\b|\b(schreibt|sagt|says|wrote):\s*$/i,
  ],
  [
    'donation',
    /\b(donat\w*|spende\w*|unterstütze?n? sie|support (us|our|independent)|become a (member|patron|supporter)|patreon|paypal|periodismo (incómodo|independiente)|dona(r|ción))\b/i,
  ],
  [
    'newsletter',
    /\b(newsletter\w*|subscribe\w*|subscription|abonn\w*|sign(ed)? up|inbox|e-?mail-?adresse|your email|ihre e-?mail)\b/i,
  ],
  [
    'share',
    /\b(share|shares|teilen|geteilt|tweet\w*|facebook|twitter|whatsapp|pinterest|linkedin|xing|telegram|reddit|drucken|print|weiterleiten|per (e-?)?mail|partager|compartir|condividi)\b/i,
  ],
  [
    'image-credit',
    /©|\(c\)\s|\b(foto|fotos|bild|bilder|photo|photos|image|credit|credits|getty|dpa|imago|reuters|afp|shutterstock|istock|picture[- ]alliance|bildquelle|quelle|alamy|courtesy|keystone|epa|ap photo|pixabay|unsplash|adobe ?stock|fotolia)\b\s*[:/|]?/i,
  ],
  [
    'related',
    /\b(read more|read also|related|more from|more on|see also|lesen sie (auch|mehr|hier)|auch interessant|mehr zum thema|mehr (dazu|zu|aus|vom)|weitere (artikel|beiträge|nachrichten|themen)|das könnte sie|könnte sie auch|ähnliche|empfehlungen|lea (también|más)|le puede interesar|te puede interesar|voir aussi|lire aussi|leggi anche|czytaj (też|także|więcej)|recommended|you may also|you might also|top ?stories|most read|meistgelesen)\b/i,
  ],
  [
    'author-bio',
    /\b(about the author|über (den autor|die autorin)|zur person|is an? (\w+ )?(writer|journalist|reporter|editor|author|correspondent)|schreibt für|arbeitet als|redakteur(in)?|autor(in)?:|follow (him|her|them) on)\b/i,
  ],
  [
    'advertisement',
    /\b(anzeige|advertisement|advertising|werbung|sponsored|gesponsert|promoted|partner(inhalt|content))\b/i,
  ],
  ['cookie-consent', /\b(cookies?|datenschutz\w*|privacy|consent|einwilligung)\b/i],
  [
    'paywall-notice',
    /\b(paywall|premium|plus-artikel|abo-?inhalt|for subscribers|nur für abonnenten|jetzt lesen|weiterlesen mit)\b/i,
  ],
  [
    'date-meta',
    /^\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s?[a-zäöü]+\s\d{4}|\d{4}-\d\d-\d\d|[a-z]+ \d{1,2}, \d{4})|\b(updated|published|posted|veröffentlicht|aktualisiert|erschienen|stand:|von\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+|by\s+\p{Lu}\p{Ll}+)|\b\d{1,2}:\d\d\s*(uhr|am|pm|h)\b|\bmin(ute)?s?\.? (read|lesezeit)|lesezeit/iu,
  ],
  [
    'tags',
    /^\s*(tags?|schlagw(ö|o)rte?|themen|stichw(ö|o)rte?|kategorie[n]?|categories|filed under|mots-clés|etiquetas)\s*:?/i,
  ],
  [
    'navigation',
    /(^|\s)(startseite|home|impressum|kontakt|contact|menü|menu|login|log in|anmelden|sitemap|zurück|back to top|nach oben|next|previous|vorherige?r?|nächste[rs]?|weiter)(\s|$)|[»›|]\s*\S/i,
  ],
];

/**
 * Guess the kind of a boilerplate segment ('other' when nothing matches). Short lines with no
 * sentence punctuation (teasers, link labels, site names) fall back to 'short-line'.
 * @param {string} segment
 */
export function guessKind(segment) {
  const text = segment.replace(/\s+/g, ' ').trim();
  for (const [kind, re] of KINDS) if (re.test(text)) return kind;
  const words = text.split(' ').length;
  if (/^(lea|lesen sie|lire|leggi|read)\s*:/i.test(text)) return 'related';
  if (words <= 4 && !/[.!?]$/.test(text)) return 'short-line';
  return 'other';
}

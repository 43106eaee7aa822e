/**
 * Date parsing without the local time zone (the same input gives the same output on every
 * machine). Values with an offset become UTC instants (`2024-05-02T10:00:00Z`); values
 * without one keep their wall-clock time (`2024-05-02T10:00:00`); dates stay dates.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  janvier: 1,
  enero: 1,
  gennaio: 1,
  januari: 1,
  jänner: 1,
  feb: 2,
  february: 2,
  februar: 2,
  février: 2,
  febrero: 2,
  febbraio: 2,
  februari: 2,
  mar: 3,
  march: 3,
  märz: 3,
  mars: 3,
  marzo: 3,
  maart: 3,
  mär: 3,
  apr: 4,
  april: 4,
  avril: 4,
  abril: 4,
  aprile: 4,
  may: 5,
  mai: 5,
  mayo: 5,
  maggio: 5,
  mei: 5,
  jun: 6,
  june: 6,
  juni: 6,
  juin: 6,
  junio: 6,
  giugno: 6,
  jul: 7,
  july: 7,
  juli: 7,
  juillet: 7,
  julio: 7,
  luglio: 7,
  aug: 8,
  august: 8,
  août: 8,
  agosto: 8,
  augustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  septiembre: 9,
  settembre: 9,
  oct: 10,
  october: 10,
  oktober: 10,
  octobre: 10,
  octubre: 10,
  ottobre: 10,
  okt: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  noviembre: 11,
  dec: 12,
  december: 12,
  dezember: 12,
  décembre: 12,
  diciembre: 12,
  dicembre: 12,
  dez: 12,
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1;
}

function fromInstant(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  const year = Number(iso.slice(0, 4));
  if (year < 1990 || year > 2100) return null;
  return iso.replace(/\.000Z$/, 'Z');
}

/** Parse a date as found in metadata; null when it is not a plausible date. */
export function parseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, , zone] = iso;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (!validDate(year, month, day)) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s ?? 0);
    if (hour > 23 || minute > 59 || second > 60) return null;
    if (!zone) return `${y}-${mo}-${d}T${h}:${mi}:${pad(second)}`;
    let offset = 0;
    if (zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    }
    return fromInstant(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
  }
  // RFC 2822 and similar with an explicit zone: Date.parse is deterministic for these.
  if (/\b(?:GMT|UTC|Z)\b|[+-]\d{4}\b/.test(value) && /\d{4}/.test(value)) {
    const parsed = fromInstant(Date.parse(value));
    if (parsed) return parsed;
  }
  const lower = value.toLowerCase().replace(/,/g, ' ');
  // 2 May 2024, 2. Mai 2024, May 2nd 2024, Mai 2, 2024
  let match = /(\d{1,2})(?:st|nd|rd|th)?\.?\s+([\p{L}]{3,10})\.?\s+(\d{4})/u.exec(lower);
  if (match && MONTHS[match[2]!] !== undefined) {
    const [day, month, year] = [Number(match[1]), MONTHS[match[2]!]!, Number(match[3])];
    return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  }
  match = /([\p{L}]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})/u.exec(lower);
  if (match && MONTHS[match[1]!] !== undefined) {
    const [month, day, year] = [MONTHS[match[1]!]!, Number(match[2]), Number(match[3])];
    return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  }
  // 02.05.2024 (day first, as written in German and most of Europe)
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(value);
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  }
  return null;
}

/** True when the parsed date lies after the fetch time (dates compare as dates, local times allow 14 hours). */
export function isAfterFetch(date: string, fetchedAt: string | null): boolean {
  if (!fetchedAt) return false;
  const fetched = Date.parse(fetchedAt);
  if (!Number.isFinite(fetched)) return false;
  if (date.length === 10) return date > new Date(fetched).toISOString().slice(0, 10);
  if (/Z$/.test(date)) return Date.parse(date) > fetched;
  return Date.parse(`${date}Z`) > fetched + 14 * 3600_000;
}

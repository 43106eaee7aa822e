/**
 * Date parsing without the local time zone (the same input gives the same output on every
 * machine). Values with an offset keep the wall-clock time and the offset they were written
 * with (`2024-05-02T22:00:00-04:00`; a zero offset is written `Z`): the calendar day is the one
 * the publisher wrote, which a conversion to UTC would move across midnight. Values without an
 * offset keep their wall-clock time (`2024-05-02T10:00:00`); dates stay dates.
 *
 * ISO 8601, RFC 2822 with a zone and day-first dotted dates are read here; everything else
 * (month names in other languages, "2024年5月2日", zone names such as EDT) goes to chrono-node's
 * strict parsers, one per language it supports, with the fetch time as the reference.
 */

import { createRequire } from 'node:module';

import type * as ChronoModule from 'chrono-node';
import type { Chrono, ParsedResult } from 'chrono-node';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1;
}

/** The widest offset of any real time zone, in minutes. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * An instant written as the wall-clock time at `offsetMinutes` east of UTC, with that offset
 * (`Z` when it is zero); null outside the plausible years or for an impossible offset.
 */
function atOffset(ms: number, offsetMinutes: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return null;
  const iso = new Date(ms + offsetMinutes * 60_000).toISOString();
  const year = Number(iso.slice(0, 4));
  if (year < 1990 || year > 2100) return null;
  if (offsetMinutes === 0) return `${iso.slice(0, 19)}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${iso.slice(0, 19)}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The offset in minutes of a zone written `Z`, `+05`, `+0530`, `-04:00`, `GMT+2` or `UTC`. */
function offsetMinutes(zone: string): number {
  const m = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

export interface ParseDateOptions {
  /** The fetch time (ISO 8601): the reference for dates without a year and relative ones. */
  reference?: string | null;
}

/** Parse a date as found in metadata; null when it is not a plausible date. */
export function parseDate(raw: string | null | undefined, options: ParseDateOptions = {}): string | null {
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
    const offset = zone.toUpperCase() === 'Z' ? 0 : offsetMinutes(zone);
    return atOffset(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000, offset);
  }
  // RFC 2822 and similar with an explicit zone: Date.parse is deterministic for these.
  const zoned = /\b(?:GMT|UTC|Z)\b|[+-]\d{4}\b/.exec(value);
  if (zoned && /\d{4}/.test(value)) {
    const numeric = /(?:\b(?:GMT|UTC))?([+-]\d{4})\b/.exec(value.slice(zoned.index));
    const parsed = atOffset(Date.parse(value), numeric ? offsetMinutes(numeric[1]!) : 0);
    if (parsed) return parsed;
  }
  // 02.05.2024 (day first, as written in German and most of Europe; chrono reads it month first)
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(value);
  if (dotted) {
    const [day, month, year] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
    return validDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
  }
  return chronoDate(value, options);
}

/**
 * chrono-node's languages whose strict parsers read dates, in a fixed order (the result never
 * depends on the machine's locale). Strict mode reads formal dates only: no "today", no weekday
 * alone.
 */
const CHRONO_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'sv',
  'fi',
  'ru',
  'uk',
  'ja',
  'zh',
  'id',
  'vi',
  'ar',
] as const;

const parsers: Array<Chrono | undefined> = [];

/**
 * The strict parser of the `index`th language, loaded on first use, one language at a time:
 * most pages give ISO dates, most other dates are read whole by the first language, and loading
 * every language takes a tenth of a second (the languages are chrono-node's own modules, the
 * same objects its index exports).
 */
function chronoParser(index: number): Chrono {
  let parser = parsers[index];
  if (!parser) {
    const language = createRequire(import.meta.url)(
      `chrono-node/${CHRONO_LANGUAGES[index]!}`,
    ) as typeof ChronoModule.en;
    parser = language.strict;
    parsers[index] = parser;
  }
  return parser;
}

/** The version of chrono-node the dates are read with; part of `RULE_PACK_HASH` (a new parser may read a date differently). */
export const DATE_PARSER = 'chrono-node 2.10.3';

/** Longer than any date line worth reading; a long value is text, not a date. */
const MAX_DATE_CHARS = 120;
/** All-numeric dates with a slash or dash; day and month both up to 12 cannot be told apart. */
const NUMERIC = /^(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}\b/;

function chronoDate(value: string, options: ParseDateOptions): string | null {
  if (value.length > MAX_DATE_CHARS || !/\d/.test(value)) return null;
  const reference = options.reference ? Date.parse(options.reference) : NaN;
  const hasReference = Number.isFinite(reference);
  // Without a fetch time there is no reference: a date that needs one (no year, "2 days ago")
  // is not read, so the output never depends on when the cleaner runs.
  const instant = new Date(hasReference ? reference : 0);
  // The longest complete date any language reads (the first language on a tie); one that
  // covers the whole value cannot be beaten, so the rest are not tried.
  let best: ParsedResult | null = null;
  for (let index = 0; index < CHRONO_LANGUAGES.length; index++) {
    for (const result of chronoParser(index).parse(value, { instant, timezone: 0 })) {
      const start = result.start;
      if (!start.isCertain('day') || !start.isCertain('month')) continue;
      if (!hasReference && (!start.isCertain('year') || isRelative(result))) continue;
      if (!best || result.text.length > best.text.length) best = result;
    }
    if (best && best.text.length >= value.length) break;
  }
  if (!best) return null;
  const numeric = NUMERIC.exec(best.text.trim());
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12) return null;
  const start = best.start;
  const [year, month, day] = [start.get('year')!, start.get('month')!, start.get('day')!];
  if (!validDate(year, month, day)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!start.isCertain('hour')) return date;
  const [hour, minute, second] = [start.get('hour') ?? 0, start.get('minute') ?? 0, start.get('second') ?? 0];
  if (!start.isCertain('timezoneOffset')) return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const offset = start.get('timezoneOffset') ?? 0;
  return atOffset(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000, offset);
}

function isRelative(result: ParsedResult): boolean {
  for (const tag of result.tags()) if (tag.startsWith('result/relative')) return true;
  return false;
}

/** True when the parsed date lies after the fetch time (dates compare as dates, local times allow 14 hours). */
export function isAfterFetch(date: string, fetchedAt: string | null): boolean {
  if (!fetchedAt) return false;
  const fetched = Date.parse(fetchedAt);
  if (!Number.isFinite(fetched)) return false;
  if (date.length === 10) return date > new Date(fetched).toISOString().slice(0, 10);
  if (/(?:Z|[+-]\d\d:\d\d)$/.test(date)) return Date.parse(date) > fetched;
  return Date.parse(`${date}Z`) > fetched + 14 * 3600_000;
}

/** A day written as the path segments `/YYYY/MM/DD/` of a URL (blogs and news sites file posts by day). */
const URL_DAY = /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)(?=\/|$)/;

/**
 * The publication day a URL's path names (`https://example.org/2024/05/02/title/` →
 * `2024-05-02`); null when the path names none or an impossible day. Only the pathname is read:
 * a query string or fragment is not the publisher's filing.
 */
export function urlPathDay(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DAY.exec(path);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(year, month, day) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * A publication date written as an instant in UTC (`…Z`) whose day differs from the day the
 * URL's path names, while the same instant falls on the URL's day at some real offset (within
 * 14 hours of it): the publisher filed the page under its local day and the metadata gives UTC,
 * which moved it across midnight. The URL's day is the publisher's day; the result is that day
 * (the local time is not known). Any other date is returned as it is: a local time or an
 * explicit non-zero offset already says the publisher's day, and a date further away than any
 * offset is not the URL's.
 */
export function localDayFromUrl(date: string, urlDay: string | null): string {
  if (!urlDay || date.slice(0, 10) === urlDay || !date.endsWith('Z')) return date;
  const instant = Date.parse(date);
  const dayStart = Date.parse(`${urlDay}T00:00:00Z`);
  if (!Number.isFinite(instant) || !Number.isFinite(dayStart)) return date;
  const window = MAX_OFFSET_MINUTES * 60_000;
  const inReach = instant >= dayStart - window && instant < dayStart + 86_400_000 + window;
  return inReach ? urlDay : date;
}

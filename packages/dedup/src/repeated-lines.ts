import { hostOf, normalizeText, textBlocks } from '@corpuskit/document';

import { dedupError } from './errors.js';

export interface RepeatedLineOptions {
  /** A line is boilerplate on at least this many documents of its site. Default 3. */
  minDocuments: number;
  /** ... and on at least this share of the site's documents. Default 0.3. */
  minShare: number;
  /** Longest unit counted, in normalised characters (longer paragraphs are not boilerplate). Default 500. */
  maxChars: number;
  /** Shortest unit counted, in normalised characters. Default 2. */
  minChars: number;
}

export const DEFAULT_REPEATED_LINE_OPTIONS: Readonly<RepeatedLineOptions> = {
  minDocuments: 3,
  minShare: 0.3,
  maxChars: 500,
  minChars: 2,
};

export interface RepeatedLineDocument {
  id: string;
  text: string;
  /** The site; default `hostOf(id)`. Documents without a host (file ids) are not counted. */
  host?: string | null;
}

export interface RepeatedLine {
  /** The normalised line (what `clean` compares block text against after `normalizeText`). */
  text: string;
  /** Documents of the site it appears on. */
  count: number;
  /** `count` divided by the site's document count. */
  share: number;
}

interface Entry {
  text: string;
  count: number;
}

interface Site {
  lines: Map<string, Entry>;
  documents: Map<string, Entry[]>;
}

/**
 * The distinct units of a text the table counts: each block (paragraph) and each line inside
 * a block, normalised with `normalizeText`, within the length bounds.
 */
export function lineUnits(
  text: string,
  options: Pick<RepeatedLineOptions, 'minChars' | 'maxChars'> = DEFAULT_REPEATED_LINE_OPTIONS,
): string[] {
  const units = new Set<string>();
  const consider = (raw: string): void => {
    if (raw.length > options.maxChars * 4) return;
    const normalized = normalizeText(raw);
    if (normalized.length >= options.minChars && normalized.length <= options.maxChars) units.add(normalized);
  };
  for (const block of textBlocks(text)) {
    consider(block);
    if (block.includes('\n')) for (const line of block.split('\n')) consider(line);
  }
  return [...units].sort();
}

const FORMAT = 'corpuskit-repeated-lines';
const FORMAT_VERSION = 1;

/**
 * Per site (host): normalised lines and short paragraphs, and in how many of the site's
 * documents each appears. A line is boilerplate when it is on at least `minDocuments` documents
 * and at least `minShare` of the site's documents. Counts are sums over documents, so the table
 * (and its serialised form, which is sorted) does not depend on the order documents were added
 * or removed in. Re-adding an id replaces its lines.
 *
 * Feed it text cleaned *without* the repeated-line option: lines the table makes `clean` remove
 * would otherwise stop being counted.
 */
export class RepeatedLineTable {
  readonly options: RepeatedLineOptions;
  private readonly sites = new Map<string, Site>();
  private readonly hostOfId = new Map<string, string>();

  constructor(options: Partial<RepeatedLineOptions> = {}) {
    this.options = { ...DEFAULT_REPEATED_LINE_OPTIONS, ...options };
    const { minDocuments, minShare, maxChars, minChars } = this.options;
    if (!Number.isInteger(minDocuments) || minDocuments < 1) {
      throw dedupError('dedup.bad-option', `minDocuments must be a positive integer (got ${String(minDocuments)})`);
    }
    if (!(typeof minShare === 'number' && minShare >= 0 && minShare <= 1)) {
      throw dedupError('dedup.bad-option', `minShare must be a number from 0 to 1 (got ${String(minShare)})`);
    }
    if (!Number.isInteger(maxChars) || !Number.isInteger(minChars) || minChars < 1 || maxChars < minChars) {
      throw dedupError('dedup.bad-option', `need integers 1 <= minChars <= maxChars (got ${minChars}, ${maxChars})`);
    }
  }

  /** Count a document's lines under its site; returns false when it has no host (not counted). */
  add(document: RepeatedLineDocument): boolean {
    if (!document || typeof document.id !== 'string' || document.id === '' || typeof document.text !== 'string') {
      throw dedupError('dedup.bad-input', 'a document needs a string id and text', { subject: document?.id });
    }
    const host = document.host === undefined ? hostOf(document.id) : document.host;
    this.remove(document.id);
    if (!host) return false;
    this.addUnits(host, document.id, lineUnits(document.text, this.options));
    return true;
  }

  /** Forget a document's lines; false when it was not counted. */
  remove(id: string): boolean {
    const host = this.hostOfId.get(id);
    if (host === undefined) return false;
    const site = this.sites.get(host)!;
    for (const entry of site.documents.get(id) ?? []) {
      entry.count--;
      if (entry.count === 0) site.lines.delete(entry.text);
    }
    site.documents.delete(id);
    if (site.documents.size === 0) this.sites.delete(host);
    this.hostOfId.delete(id);
    return true;
  }

  has(id: string): boolean {
    return this.hostOfId.has(id);
  }

  /** Hosts with at least one document, sorted. */
  hosts(): string[] {
    return [...this.sites.keys()].sort();
  }

  /** Documents counted for a host. */
  documentCount(host: string): number {
    return this.sites.get(host)?.documents.size ?? 0;
  }

  /** Documents of `host` a line (raw or normalised) appears on. */
  countOf(host: string, line: string): number {
    return this.sites.get(host)?.lines.get(normalizeText(line))?.count ?? 0;
  }

  /** True when the line counts as boilerplate on `host`. */
  isBoilerplate(host: string, line: string): boolean {
    return this.qualifies(this.countOf(host, line), this.documentCount(host));
  }

  /** The boilerplate lines of a site with their counts: most frequent first, then by text. */
  linesFor(host: string): RepeatedLine[] {
    const site = this.sites.get(host);
    if (!site) return [];
    const total = site.documents.size;
    const out: RepeatedLine[] = [];
    for (const entry of site.lines.values()) {
      if (this.qualifies(entry.count, total))
        out.push({ text: entry.text, count: entry.count, share: entry.count / total });
    }
    return out.sort((x, y) => y.count - x.count || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
  }

  /** `linesFor(host)` as the `line -> count` map `clean`'s `repeatedLines` option takes. */
  mapFor(host: string): Map<string, number> {
    return new Map(this.linesFor(host).map((line) => [line.text, line.count]));
  }

  /** Canonical JSON-ready form: hosts, lines and documents sorted, so equal tables serialise equal. */
  toJSON(): RepeatedLineTableJson {
    const hosts: RepeatedLineTableJson['hosts'] = [];
    for (const host of this.hosts()) {
      const site = this.sites.get(host)!;
      const lines = [...site.lines.keys()].sort();
      const position = new Map(lines.map((line, i) => [line, i]));
      const documents = [...site.documents.entries()]
        .sort((x, y) => (x[0] < y[0] ? -1 : 1))
        .map(([id, entries]): [string, number[]] => [
          id,
          entries.map((entry) => position.get(entry.text)!).sort((x, y) => x - y),
        ]);
      hosts.push({ host, lines, documents });
    }
    return { format: FORMAT, version: FORMAT_VERSION, options: { ...this.options }, hosts };
  }

  static fromJSON(json: unknown): RepeatedLineTable {
    const fail = (why: string): never => {
      throw dedupError('dedup.corrupt-table', `not a valid repeated-line table: ${why}`);
    };
    const data = json as RepeatedLineTableJson;
    if (!data || typeof data !== 'object' || data.format !== FORMAT) fail('unknown format');
    if (data.version !== FORMAT_VERSION) fail(`unsupported version ${String(data.version)}`);
    if (!Array.isArray(data.hosts)) fail('hosts is not an array');
    const table = new RepeatedLineTable(data.options);
    for (const site of data.hosts) {
      if (typeof site?.host !== 'string' || !Array.isArray(site.lines) || !Array.isArray(site.documents))
        fail('bad host entry');
      for (const [id, positions] of site.documents) {
        if (typeof id !== 'string' || !Array.isArray(positions)) fail(`bad document entry on ${site.host}`);
        const units = positions.map((i) => site.lines[i]);
        if (units.some((unit) => typeof unit !== 'string')) fail(`line index out of range for ${id}`);
        table.remove(id);
        table.addUnits(site.host, id, units as string[]);
      }
    }
    return table;
  }

  /** UTF-8 bytes of the canonical JSON. */
  serialize(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(this.toJSON()));
  }

  static deserialize(bytes: Uint8Array): RepeatedLineTable {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      throw dedupError('dedup.corrupt-table', `not a valid repeated-line table: ${(error as Error).message}`);
    }
    return RepeatedLineTable.fromJSON(json);
  }

  private qualifies(count: number, total: number): boolean {
    return count > 0 && count >= this.options.minDocuments && count / total >= this.options.minShare - 1e-12;
  }

  private addUnits(host: string, id: string, units: string[]): void {
    let site = this.sites.get(host);
    if (!site) this.sites.set(host, (site = { lines: new Map(), documents: new Map() }));
    const entries: Entry[] = [];
    for (const unit of new Set(units)) {
      let entry = site.lines.get(unit);
      if (!entry) site.lines.set(unit, (entry = { text: unit, count: 0 }));
      entry.count++;
      entries.push(entry);
    }
    site.documents.set(id, entries);
    this.hostOfId.set(id, host);
  }
}

export interface RepeatedLineTableJson {
  format: typeof FORMAT;
  version: number;
  options: RepeatedLineOptions;
  hosts: Array<{ host: string; lines: string[]; documents: Array<[string, number[]]> }>;
}

import { describeSimilarity } from '@corpuskit/dedup';
import { isDocumentId } from '@corpuskit/document';
import type { DocumentRecord } from '@corpuskit/document';
import type { Store } from '@corpuskit/store';

import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { historyLines } from '../decision-text.js';
import { cliError, usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'show <id>',
  description:
    'One document: its staged version if any, else HEAD (or --version V), with metadata, findings and removals',
  options: [
    { flags: '--version <version>', description: 'A version id or prefix, tag, HEAD, HEAD~N or staged' },
    {
      flags: '--history',
      description:
        'Every version that changed the document or decided about it: its content hash there and the decisions (who, when, note)',
    },
  ],
  formats: ['text', 'markdown', 'raw'],
  examples: [
    'corpuskit show https://www.bbc.co.uk/news/world-asia-58290318',
    'corpuskit show 3fa9c1e   # a unique prefix of the id or of its hash',
    'corpuskit show file:notes/page.html --version v1 --format markdown',
    'corpuskit show https://example.com/story --format raw > saved.html',
    'corpuskit show https://example.com/story --json | jq .document.removed',
    'corpuskit show https://example.com/story --history',
  ],
};

function describe(record: DocumentRecord, where: string): string {
  const d = record.document;
  const m = d.metadata;
  const lines = [
    `id:        ${record.id}`,
    `in:        ${where}`,
    `title:     ${d.title ?? '(none)'}`,
    `status:    ${d.status}${d.reasons.length ? ` (${d.reasons.map((r) => r.message).join('; ')})` : ''}`,
  ];
  if (m.byline || m.authors.length) lines.push(`by:        ${m.byline ?? m.authors.join(', ')}`);
  if (m.publishedAt) lines.push(`published: ${m.publishedAt}${m.modifiedAt ? `, modified ${m.modifiedAt}` : ''}`);
  if (m.siteName) lines.push(`site:      ${m.siteName}`);
  if (m.language) lines.push(`language:  ${m.language}`);
  lines.push(
    `source:    ${d.provenance.source ?? '(unknown)'}${d.provenance.fetchedAt ? `, fetched ${d.provenance.fetchedAt}` : ''}`,
  );
  lines.push(
    `cleaned:   ${d.provenance.engine}, cleaner ${d.provenance.cleanerVersion}, ${d.provenance.encoding} (${d.provenance.encodingSource})`,
  );
  for (const f of record.findings)
    lines.push(
      f.kind === 'not-article' || f.kind === 'canonical-conflict'
        ? `finding:   ${f.kind}: ${f.reason}`
        : `finding:   ${f.kind} of ${f.other}, ${describeSimilarity(f.similarity)}: ${f.reason}`,
    );
  const byCategory = new Map<string, number>();
  for (const removal of d.removed)
    byCategory.set(removal.category, (byCategory.get(removal.category) ?? 0) + removal.chars);
  if (byCategory.size) {
    lines.push(`removed:   ${[...byCategory].map(([category, chars]) => `${category} (${chars} chars)`).join(', ')}`);
  }
  lines.push('', d.text);
  return lines.join('\n');
}

/**
 * Where an id (or a short id) last existed: the newest version in HEAD's history that holds it,
 * and the version after it, which removed it.
 */
async function lastSeen(store: Store, arg: string): Promise<string | null> {
  if (!(await store.head())) return null;
  const { resolveShortIds } = await import('@corpuskit/ingest');
  let newer: { id: string; time: string } | null = null;
  for (const { id: versionId, version, tags } of await store.log('HEAD')) {
    let id: string | undefined = (await store.getEntry(versionId, arg)) ? arg : undefined;
    if (!id && !isDocumentId(arg)) {
      const known: string[] = [];
      for await (const entry of store.entries(versionId)) known.push(entry.id);
      id = resolveShortIds([arg], known).ids[0];
    }
    if (id) {
      const name = `${shortId(versionId)}${tags.length ? ` (${tags.join(', ')})` : ''}`;
      const gone = newer ? `, removed in version ${shortId(newer.id)} of ${newer.time}` : '';
      return `${id} was last in version ${name} of ${version.time}${gone}: corpuskit show ${id} --version ${shortId(versionId)}`;
    }
    newer = { id: versionId, time: version.time };
  }
  return null;
}

/** The id a person meant: the full id, or a unique prefix of the id or of its hash. */
async function resolveId(store: Store, arg: string, version: string | undefined): Promise<string> {
  const { resolveShortIds } = await import('@corpuskit/ingest');
  const known = new Set<string>();
  if (version !== undefined) {
    for await (const entry of store.entries(version)) known.add(entry.id);
  } else {
    for (const entry of (await store.status()).items) known.add(entry.id);
    if (await store.head()) for await (const entry of store.entries('HEAD')) known.add(entry.id);
  }
  const { ids, problems } = resolveShortIds([arg], known);
  if (ids[0]) return ids[0];
  if (problems[0]?.code === 'ambiguous') {
    throw cliError('cli.ambiguous-id', `'${arg}' is ambiguous: ${problems[0].candidates.join(', ')}`, { subject: arg });
  }
  return arg;
}

export const run: CommandRun = async (args, options, context) => {
  const { store } = await openCorpusFor(context);
  const version = options.version === undefined ? undefined : String(options.version);
  const id = await resolveId(store, String(args[0]), version);
  if (options.history === true) {
    if (version !== undefined) throw usageError('--history covers every version: leave out --version');
    const steps = await store.history(id);
    if (steps.length === 0) {
      throw cliError('cli.unknown-document', 'no version or staged entry has this id', {
        subject: id,
      });
    }
    return { json: { id, history: steps }, text: historyLines(id, steps, context.log.colors).join('\n') };
  }
  let record: DocumentRecord | null;
  let where: string;
  let state: string | null = null;
  if (version !== undefined) {
    where = version;
    record = await store.getDocument(where, id);
  } else {
    const staged = await store.getStaged(id);
    if (staged?.record) {
      record = staged.record;
      state = staged.entry.state;
      where = `the staging area (${staged.entry.change}, ${staged.entry.state})`;
    } else {
      where = 'HEAD';
      record = (await store.head()) ? await store.getDocument('HEAD', id) : null;
    }
  }
  if (!record) {
    const seen = await lastSeen(store, id);
    throw cliError(
      'cli.unknown-document',
      `no document with this id in ${where}${seen ? `; ${seen}` : version === undefined ? ' (nor in any earlier version)' : ''}`,
      { subject: id },
    );
  }
  const format = context.options.format ?? 'text';
  if (format === 'raw') {
    const raw = await store.getRaw(record.document.provenance.rawSha256);
    if (!raw) throw cliError('cli.no-raw', 'the raw page was not kept', { subject: id });
    context.stdout.write(raw);
    return;
  }
  return {
    json: { ...record, in: where, state },
    text: format === 'markdown' ? record.document.markdown : describe(record, where),
  };
};

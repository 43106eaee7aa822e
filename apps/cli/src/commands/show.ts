import { CorpusKitError } from '@corpuskit/document';
import type { DocumentRecord } from '@corpuskit/document';

import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'show <id>',
  description:
    'One document: its staged version if any, else HEAD (or --version V), with metadata, findings and removals',
  options: [{ flags: '--version <version>', description: 'A version id or prefix, tag, HEAD, HEAD~N or staged' }],
  formats: ['text', 'markdown', 'raw'],
  examples: [
    'corpuskit show https://www.bbc.co.uk/news/world-asia-58290318',
    'corpuskit show file:notes/page.html --version v1 --format markdown',
    'corpuskit show https://example.com/story --format raw > saved.html',
    'corpuskit show https://example.com/story --json | jq .document.removed',
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
    lines.push(`finding:   ${f.kind} of ${f.other} (similarity ${f.similarity.toFixed(2)}): ${f.reason}`);
  const byCategory = new Map<string, number>();
  for (const removal of d.removed)
    byCategory.set(removal.category, (byCategory.get(removal.category) ?? 0) + removal.chars);
  if (byCategory.size) {
    lines.push(`removed:   ${[...byCategory].map(([category, chars]) => `${category} (${chars} chars)`).join(', ')}`);
  }
  lines.push('', d.text);
  return lines.join('\n');
}

export const run: CommandRun = async (args, options, context) => {
  const id = String(args[0]);
  const { store } = await openCorpusFor(context);
  let record: DocumentRecord | null;
  let where: string;
  let state: string | null = null;
  if (options.version !== undefined) {
    where = String(options.version);
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
    throw new CorpusKitError('not-found', 'cli.unknown-document', `no document with this id in ${where}`, {
      subject: id,
    });
  }
  const format = context.options.format ?? 'text';
  if (format === 'raw') {
    const raw = await store.getRaw(record.document.provenance.rawSha256);
    if (!raw) throw new CorpusKitError('not-found', 'cli.no-raw', 'the raw page was not kept', { subject: id });
    context.stdout.write(raw);
    return;
  }
  return {
    json: { ...record, in: where, state },
    text: format === 'markdown' ? record.document.markdown : describe(record, where),
  };
};

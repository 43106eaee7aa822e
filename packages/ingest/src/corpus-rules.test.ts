import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { initCorpus } from '@corpuskit/store';
import { afterEach, describe, expect, it } from 'vitest';

import { addCorpusRule, loadCorpusRules, removeCorpusRule } from './corpus-rules.js';
import { ingest } from './pipeline.js';
import { reclean } from './reclean.js';
import { storeSession } from './store-session.js';

const SENTENCE =
  'The harbour board met on Tuesday to agree the plans for the new ferry terminal on the east side of the bay, and to set the fares for the first summer';

function page(site: string, slug: string, title: string): string {
  const body = Array.from(
    { length: 6 },
    (_, i) => `<p>${title} paragraph ${i + 1}: ${SENTENCE}, number ${i * 3 + 1}.</p>`,
  );
  body.splice(
    3,
    0,
    '<div class="cafe-box"><p>The harbour café opens at nine on weekdays and at ten on Sundays.</p></div>',
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="https://${site}/${slug}"></head>
<body><article><h1>${title}</h1>${body.join('\n')}</article></body></html>`;
}

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function setUp() {
  dir = await mkdtemp(path.join(tmpdir(), 'ingest-rules-'));
  await mkdir(path.join(dir, 'first'));
  await mkdir(path.join(dir, 'later'));
  await writeFile(path.join(dir, 'first', 'a1.html'), page('harbour.example', 'ferry', 'Ferry terminal'));
  await writeFile(path.join(dir, 'first', 'b1.html'), page('bay.example', 'quay', 'New quay'));
  await writeFile(path.join(dir, 'later', 'a2.html'), page('www.harbour.example', 'fares', 'Summer fares'));
  const store = await initCorpus(path.join(dir, 'corpus'));
  const session = storeSession(store);
  await ingest(session, ['first'], { cwd: dir });
  await store.accept('all');
  await store.commit({ message: 'first', time: '2026-01-01T00:00:00Z' });
  await ingest(session, ['later'], { cwd: dir });
  return { store, session };
}

describe('the corpus rules and reclean', () => {
  it('previews a rule on a site (staged and committed documents) without writing, then stages exactly those', async () => {
    const { store, session } = await setUp();
    const statusBefore = await store.status();
    const rule = await addCorpusRule(store, {
      site: 'harbour.example',
      action: 'remove',
      selector: 'div.cafe-box',
      note: 'café hours on every page',
    });
    const rules = await loadCorpusRules(store);
    expect(rules?.hash).toBe((await store.readRules())?.hash);

    const preview = await reclean(session, session, { site: 'harbour.example', dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.checked).toBe(2);
    expect(preview.changes.map((change) => [change.id, change.where, change.state])).toEqual([
      ['https://harbour.example/ferry', 'committed', null],
      ['https://www.harbour.example/fares', 'staged', 'pending'],
    ]);
    for (const change of preview.changes) {
      expect(change.before.text).toContain('harbour café');
      expect(change.after.text).not.toContain('harbour café');
      expect(change.removedAdded).toEqual([
        expect.objectContaining({ category: 'site-rule', siteRule: rule.id, selector: 'article > div.cafe-box' }),
      ]);
      expect(change.removedDropped).toEqual([]);
      expect(change.after.provenance.siteRules).toBe(rules?.hash);
    }
    // Nothing was written.
    expect(await store.status()).toEqual(statusBefore);

    // The whole corpus: the other site does not change.
    const everything = await reclean(session, session, { dryRun: true });
    expect(everything.checked).toBe(3);
    expect(everything.changes.map((change) => change.id)).toEqual(preview.changes.map((change) => change.id));

    const staged = await reclean(session, session, {});
    expect(staged.dryRun).toBe(false);
    expect(staged.counts).toMatchObject({ updated: 1, new: 1, unchanged: 1 });
    const status = await store.status();
    expect(status.items.map((item) => [item.id, item.change, item.state])).toEqual([
      ['https://harbour.example/ferry', 'update', 'pending'],
      ['https://www.harbour.example/fares', 'new', 'pending'],
    ]);
    const record = await store.readRecord(status.items[0]!.record!);
    expect(record.document.removed.find((removal) => removal.category === 'site-rule')?.siteRule).toBe(rule.id);
    // The rule file the document names is kept, and the next version records it.
    expect((await store.rulesObject(record.document.provenance.siteRules!)).hash).toBe(rules?.hash);
    await store.accept('all');
    const version = await store.commit({ message: 'rule', time: '2026-01-02T00:00:00Z' });
    expect(version.version.rules).toBe(rules?.hash);

    // A preview with the rule taken out again shows the text coming back.
    await removeCorpusRule(store, rule.id.slice(0, 6));
    const back = await reclean(session, session, { site: 'harbour.example', dryRun: true });
    expect(back.changes).toHaveLength(2);
    expect(back.changes[0]!.removedDropped).toEqual([expect.objectContaining({ siteRule: rule.id })]);
    await store.close();
  });

  it('cleans new pages of the site with the corpus rules at ingest', async () => {
    const { store, session } = await setUp();
    await addCorpusRule(store, { site: 'harbour.example', action: 'remove', text: '^the harbour café opens' });
    await writeFile(path.join(dir!, 'later', 'a3.html'), page('harbour.example', 'night', 'Night ferry'));
    await ingest(session, ['later/a3.html'], { cwd: dir! });
    const entry = (await store.status()).items.find((item) => item.id === 'https://harbour.example/night');
    const record = await store.readRecord(entry!.record!);
    expect(record.document.text).not.toContain('harbour café');
    expect(record.document.removed).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'site-rule/text', category: 'site-rule' })]),
    );
    await store.close();
  });
});

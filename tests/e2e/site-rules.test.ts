import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { corpuskit, tempCorpus } from './helpers.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const SENTENCE =
  'The harbour board met on Tuesday to agree the plans for the new ferry terminal on the east side of the bay, and to set the fares for the first summer';
const CAFE = 'The harbour café opens at nine on weekdays and at ten on Sundays.';

/** An article with a café-hours box in the middle (the block a reviewer turns into a rule). */
function page(url: string, title: string): string {
  const body = Array.from(
    { length: 6 },
    (_, i) => `<p>${title} paragraph ${i + 1}: ${SENTENCE}, number ${i * 3 + 1}.</p>`,
  );
  body.splice(3, 0, `<div class="cafe-box"><p>${CAFE}</p></div>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="${url}"></head>
<body><article><h1>${title}</h1>${body.join('\n')}</article></body></html>`;
}

/** Every file of the store but the lock, with its SHA-256: what a command wrote, if anything. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name !== 'lock')
        out[path.relative(dir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(path.join(dir, '.corpuskit'));
  return out;
}

interface Removal {
  rule: string;
  category: string;
  text: string;
  siteRule?: string;
  selector?: string;
}

describe('per-site rules from the command line', () => {
  it('a rule added with rules add changes exactly its site on reclean; --dry-run shows it and writes nothing', async () => {
    const { dir, cleanup } = await tempCorpus();
    cleanups.push(cleanup);
    const run = (...args: string[]) => corpuskit(args, { cwd: dir, env: { CORPUSKIT_REVIEWER: 'e2e' } });
    await mkdir(path.join(dir, 'first'));
    await mkdir(path.join(dir, 'later'));
    await writeFile(path.join(dir, 'first/ferry.html'), page('https://harbour.example/ferry', 'Ferry terminal'));
    await writeFile(path.join(dir, 'first/quay.html'), page('https://bay.example/quay', 'New quay'));
    await writeFile(path.join(dir, 'later/fares.html'), page('https://news.harbour.example/fares', 'Summer fares'));
    expect((await run('ingest', 'first', '--jobs', '1')).code).toBe(0);
    expect((await run('accept', '--all')).code).toBe(0);
    expect((await run('commit', '-m', 'first')).code).toBe(0);
    expect((await run('ingest', 'later', '--jobs', '1')).code).toBe(0);

    expect((await run('rules', 'list')).stdout).toContain('No per-site rules');
    const added = await run(
      'rules',
      'add',
      '--site',
      'www.harbour.example',
      '--selector',
      'div.cafe-box',
      '--note',
      'café hours on every page',
      '--json',
    );
    expect(added.code).toBe(0);
    const rule = added.json<{ added: { id: string; site: string; action: string; by: string } }>().added;
    expect(rule).toMatchObject({ site: 'harbour.example', action: 'remove', by: 'e2e' });
    expect(rule.id).toMatch(/^[0-9a-f]{8}$/);
    const listed = await run('rules', 'list', '--json');
    expect(listed.json<{ rules: Array<{ id: string; selector: string; note: string }> }>().rules).toEqual([
      expect.objectContaining({ id: rule.id, selector: 'div.cafe-box', note: 'café hours on every page' }),
    ]);
    // The same rule twice is refused, naming the rule.
    const again = await run('rules', 'add', '--site', 'harbour.example', '--selector', 'div.cafe-box');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(rule.id);

    // Dry run: both documents of the site (one committed, one staged), none of the other; nothing written.
    const before = await snapshot(dir);
    const preview = await run('reclean', '--site', 'harbour.example', '--dry-run', '--json');
    expect(preview.code).toBe(0);
    const dry = preview.json<{
      dryRun: boolean;
      checked: number;
      changed: number;
      staged: number;
      committed: number;
      documents: Array<{ id: string; where: string; state: string | null; removedAdded: Removal[]; patch: string }>;
    }>();
    expect(dry).toMatchObject({ dryRun: true, checked: 2, changed: 2, staged: 1, committed: 1 });
    expect(dry.documents.map((doc) => [doc.id, doc.where, doc.state])).toEqual([
      ['https://harbour.example/ferry', 'committed', null],
      ['https://news.harbour.example/fares', 'staged', 'pending'],
    ]);
    for (const doc of dry.documents) {
      expect(doc.removedAdded).toEqual([
        expect.objectContaining({
          category: 'site-rule',
          siteRule: rule.id,
          text: CAFE,
          selector: 'article > div.cafe-box',
        }),
      ]);
      expect(doc.patch).toContain(`-${CAFE}`);
    }
    const text = await run('reclean', '--site', 'harbour.example', '--dry-run');
    expect(text.stdout).toContain('2 documents of 2 on harbour.example would change (1 staged, 1 committed)');
    expect(text.stdout).toContain(`[rule ${rule.id}]`);
    expect(await snapshot(dir)).toEqual(before);
    // Over the whole corpus the other site's page is checked and does not change.
    const all = (await run('reclean', '--dry-run', '--json')).json<{
      checked: number;
      documents: Array<{ id: string }>;
    }>();
    expect(all.checked).toBe(3);
    expect(all.documents.map((doc) => doc.id)).toEqual(dry.documents.map((doc) => doc.id));
    expect(await snapshot(dir)).toEqual(before);

    // The reclean stages exactly those two, each removal naming the rule.
    const staged = await run('reclean', '--json');
    expect(staged.code).toBe(0);
    const result = staged.json<{
      updated: number;
      new: number;
      unchanged: number;
      changes: Array<{ id: string; removedAdded: Removal[] }>;
    }>();
    expect(result).toMatchObject({ updated: 1, new: 1, unchanged: 1 });
    expect(result.changes.map((change) => change.id)).toEqual(dry.documents.map((doc) => doc.id));
    expect(result.changes.flatMap((change) => change.removedAdded.map((removal) => removal.siteRule))).toEqual([
      rule.id,
      rule.id,
    ]);
    const status = (await run('status', '--json')).json<{
      items: Array<{ id: string; change: string; state: string }>;
    }>();
    expect(status.items.map((item) => [item.id, item.change, item.state])).toEqual([
      ['https://harbour.example/ferry', 'update', 'pending'],
      ['https://news.harbour.example/fares', 'new', 'pending'],
    ]);
    // Committed with the rules in force; the version keeps them even after the rule goes.
    expect((await run('accept', '--all')).code).toBe(0);
    expect((await run('commit', '-m', 'café rule')).code).toBe(0);
    const textOf = async (id: string) =>
      (await run('show', id, '--json')).json<{ document: { text: string } }>().document.text;
    expect(await textOf('https://harbour.example/ferry')).not.toContain(CAFE);
    expect(await textOf('https://news.harbour.example/fares')).not.toContain(CAFE);
    expect(await textOf('https://bay.example/quay')).toContain(CAFE);
    const removed = await run('rules', 'remove', rule.id.slice(0, 5));
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`Removed rule ${rule.id}`);
    expect((await run('rules', 'list', '--json')).json<{ rules: unknown[] }>().rules).toEqual([]);
    const atHead = (await run('rules', 'list', '--version', 'HEAD', '--json')).json<{ rules: Array<{ id: string }> }>();
    expect(atHead.rules.map((listed) => listed.id)).toEqual([rule.id]);
    expect((await run('fsck')).code).toBe(0);
  });

  it('refuses bad rules with a clear error and exit code 2', async () => {
    const { dir, cleanup } = await tempCorpus();
    cleanups.push(cleanup);
    const run = (...args: string[]) => corpuskit(args, { cwd: dir });
    const noSite = await run('rules', 'add', '--selector', '.x');
    expect(noSite.code).toBe(2);
    expect(noSite.stderr).toContain('--site');
    const both = await run('rules', 'add', '--site', 'a.example', '--selector', '.x', '--text', 'y');
    expect(both.code).toBe(2);
    const badPattern = await run('rules', 'add', '--site', 'a.example', '--text', '(unclosed');
    expect(badPattern.code).toBe(2);
    expect(badPattern.stderr).toContain('not a valid text pattern');
    const unknown = await run('rules', 'remove', 'ffff0000');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no rule with the id 'ffff0000'");
    expect((await run('rules', 'list', '--json')).json<{ rules: unknown[] }>().rules).toEqual([]);
  });
});

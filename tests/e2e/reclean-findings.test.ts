import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { corpuskit, tempCorpus } from './helpers.js';

/*
 * A reclean restages documents that are already staged. Their dedup findings must still be about
 * the corpus (HEAD): a new document is nobody's revision, and an update is a revision of the
 * committed text, not of the text staged before the reclean.
 */

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const LINE =
  'The county library reopened its reading room after the winter repairs, with longer hours on Thursdays and a new shelf of local history';
const NOTICE = 'Parking behind the library is free for the first two hours on weekdays.';

/** An article with a notice box in the middle (what the rule removes); `extra` paragraphs make an edited edition. */
function page(url: string, title: string, extra = 0): string {
  const body = Array.from(
    { length: 6 + extra },
    (_, i) => `<p>${title}, part ${i + 1}: ${LINE}, item ${i * 7 + 2}.</p>`,
  );
  body.splice(3, 0, `<div class="notice-box"><p>${NOTICE}</p></div>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="${url}"></head>
<body><article><h1>${title}</h1>${body.join('\n')}</article></body></html>`;
}

interface StatusJson {
  items: Array<{
    id: string;
    change: string;
    state: string;
    flags?: string[];
    findings: Array<{ kind: string; other: string; similarity: number }>;
  }>;
}

describe('dedup findings after a reclean restages a document', () => {
  it("compares with the committed text, never with the document's own earlier staged text", async () => {
    const { dir, cleanup } = await tempCorpus();
    cleanups.push(cleanup);
    const run = (...args: string[]) => corpuskit(args, { cwd: dir, env: { CORPUSKIT_REVIEWER: 'e2e' } });
    for (const folder of ['first', 'later']) await mkdir(path.join(dir, folder));
    const HOURS = 'https://library.example/hours';
    const SHELF = 'https://library.example/shelf';
    await writeFile(path.join(dir, 'first/hours.html'), page(HOURS, 'Reading room hours'));
    await writeFile(path.join(dir, 'later/hours.html'), page(HOURS, 'Reading room hours', 3));
    await writeFile(path.join(dir, 'later/shelf.html'), page(SHELF, 'Local history shelf'));
    expect((await run('ingest', 'first', '--jobs', '1')).code).toBe(0);
    expect((await run('accept', '--all')).code).toBe(0);
    expect((await run('commit', '-m', 'first')).code).toBe(0);
    // An edited edition of the committed page (an update) and a page the corpus does not have (new).
    expect((await run('ingest', 'later', '--jobs', '1')).code).toBe(0);

    const status = async () => (await run('status', '--json')).json<StatusJson>().items;
    const before = await status();
    expect(before.map((item) => [item.id, item.change])).toEqual([
      [HOURS, 'update'],
      [SHELF, 'new'],
    ]);
    expect(before.find((item) => item.id === SHELF)!.findings.filter((f) => f.kind === 'revision')).toEqual([]);

    // A rule changes both staged texts; the reclean restages them.
    expect((await run('rules', 'add', '--site', 'library.example', '--selector', 'div.notice-box')).code).toBe(0);
    const reclean = await run('reclean', '--site', 'library.example', '--json');
    expect(reclean.code).toBe(0);
    expect(reclean.json<{ updated: number; new: number }>()).toMatchObject({ updated: 1, new: 1 });

    const after = await status();
    const shelf = after.find((item) => item.id === SHELF)!;
    expect(shelf.change).toBe('new');
    // The new document is in no version: it is nobody's revision.
    expect(shelf.findings.filter((finding) => finding.kind === 'revision')).toEqual([]);
    expect(shelf.flags ?? []).not.toContain('revision');

    const hours = after.find((item) => item.id === HOURS)!;
    expect(hours.change).toBe('update');
    const revisions = hours.findings.filter((finding) => finding.kind === 'revision');
    expect(revisions).toHaveLength(1);
    // The same number `diff HEAD staged` gives: similarity to the committed text.
    const diff = await run('diff', 'HEAD', 'staged', '--doc', HOURS, '--json');
    expect(diff.code).toBe(0);
    const similarity = diff.json<{ similarity: { value: number } }>().similarity.value;
    expect(similarity).toBeLessThan(1);
    expect(revisions[0]!.similarity).toBe(similarity);

    // Recleaning again with nothing new to change leaves the findings as they are.
    const twice = await run('reclean', '--site', 'library.example', '--json');
    expect(twice.code).toBe(0);
    expect((await status()).map((item) => [item.id, item.findings])).toEqual(
      after.map((item) => [item.id, item.findings]),
    );
  });
});

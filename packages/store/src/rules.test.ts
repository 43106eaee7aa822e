import { sha256 } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import type { Store } from './index.js';
import { initCorpus, openCorpus } from './index.js';
import { articleUrl as url, makeRecord } from '@corpuskit/testkit';
import { tempFolderPerTest } from '@corpuskit/testkit/per-test';

let dir: string;
let store: Store;
tempFolderPerTest(
  async (folder) => {
    store = await initCorpus((dir = folder), { command: 'test' });
  },
  () => store.close(),
);

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the corpus's rule file", () => {
  it('is kept as side state and as an object, recorded in the versions committed while it is in force', async () => {
    expect(await store.readRules()).toBeNull();
    const first = bytes('{"sites":{"a.org":{"remove":[".promo"]}}}');
    expect(await store.writeRules(first)).toBe(sha256(first));
    await store.stage([{ record: makeRecord(url(1), 'One.') }]);
    await store.accept('all');
    const v1 = await store.commit({ message: 'one', time: '2026-01-01T00:00:00Z' });
    expect(v1.version.rules).toBe(sha256(first));

    const second = bytes('{"sites":{"a.org":{"remove":[".promo",".more"]}}}');
    await store.writeRules(second);
    await store.stage([{ record: makeRecord(url(2), 'Two.') }]);
    await store.accept('all');
    const v2 = await store.commit({ message: 'two', time: '2026-01-02T00:00:00Z' });
    expect(v2.version.rules).toBe(sha256(second));

    // Each version gives back the rules it was committed with; `staged` the working file.
    const reopened = await openCorpus(dir);
    expect(Buffer.from((await reopened.rulesAt(v1.id))!.bytes).toString()).toBe(Buffer.from(first).toString());
    expect((await reopened.rulesAt('HEAD'))!.hash).toBe(sha256(second));
    expect((await reopened.rulesAt('staged'))!.hash).toBe(sha256(second));
    await reopened.close();

    // gc keeps every rule file a version names; fsck is happy.
    await store.gc();
    expect((await store.rulesObject(sha256(first))).hash).toBe(sha256(first));
    expect((await store.fsck()).ok).toBe(true);

    // Without a rule file, a version records none, and the old ones stay readable.
    await store.writeRules(null);
    expect(await store.readRules()).toBeNull();
    await store.stage([{ record: makeRecord(url(3), 'Three.') }]);
    await store.accept('all');
    const v3 = await store.commit({ message: 'three', time: '2026-01-03T00:00:00Z' });
    expect(v3.version.rules).toBeUndefined();
    expect(await store.rulesAt('HEAD')).toBeNull();
    expect((await store.rulesAt('HEAD~1'))!.hash).toBe(sha256(second));
  });

  it('keeps through gc the rule file a staged document names in its provenance', async () => {
    const rules = bytes('{"sites":{"b.org":{"remove":[".x"]}}}');
    const hash = await store.writeRules(rules);
    const record = makeRecord(url(4), 'Four.');
    record.document.provenance.siteRules = hash!;
    await store.stage([{ record }]);
    await store.writeRules(bytes('{"sites":{}}'));
    await store.gc();
    expect(Buffer.from((await store.rulesObject(hash!)).bytes).equals(Buffer.from(rules))).toBe(true);
    const dropped = bytes('{"sites":{"c.org":{}}}');
    await store.writeRules(dropped);
    await store.writeRules(null);
    const result = await store.gc();
    expect(result.unreachable).toContain(sha256(dropped));
  });
});

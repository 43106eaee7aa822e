// A fixed sequence of store mutations, run by the crash test both in a child process (which is
// killed at random instants) and in the test process (the reference). Every op is deterministic
// apart from wall-clock stamps, which the fingerprint leaves out.
const url = (n) => `https://example.com/crash/${n}`;
const text = (n, edition) =>
  `Paragraph one of article ${n}, edition ${edition}.\n\n` + `Body text ${n} `.repeat(40 + (n % 7));
const range = (from, to) => Array.from({ length: to - from }, (_, i) => from + i);

export function crashOps(makeRecord, sha256) {
  const input = (n, edition = 0) => {
    const record = makeRecord(url(n), text(n, edition));
    const raw = Buffer.from(`<html><body>${text(n, edition)}</body></html>`);
    record.document.provenance.rawSha256 = sha256(raw);
    return { record, raw, source: `pages/${n}.html` };
  };
  return [
    (store) => store.stage(range(0, 40).map((n) => input(n))),
    (store) =>
      store.transaction(async () => {
        await store.stage(range(30, 50).map((n) => input(n, 1)));
        await store.stage(range(50, 70).map((n) => input(n)));
        await store.stage(range(0, 5).map((n) => input(n)));
      }),
    (store) => store.accept(range(0, 30).map(url), { by: 'crash-test', at: '2026-01-01T00:00:00Z' }),
    (store) => store.reject(range(60, 65).map(url), { by: 'crash-test', note: 'no', at: '2026-01-01T00:00:00Z' }),
    (store) => store.commit({ message: 'first', time: '2026-01-01T00:00:00Z', tag: 'v1' }),
    (store) =>
      store.transaction(async () => {
        await store.stageRemoval(range(0, 5).map(url));
        await store.stage(range(5, 15).map((n) => input(n, 2)));
      }),
    (store) => store.accept('all', { at: '2026-01-02T00:00:00Z' }),
    (store) => store.commit({ message: 'second', time: '2026-01-02T00:00:00Z' }),
    (store) => store.writeState('dedup-index', Buffer.from('x'.repeat(5000))),
    (store) => store.stage(range(100, 105).map((n) => input(n))),
    (store) => store.updateStagedRecord(url(100), makeRecord(url(100), text(100, 9))),
    (store) => store.clearRejected(),
    (store) => store.gc(),
    (store) => store.unstage([url(101)]),
  ];
}

/** What must survive a crash, without wall-clock stamps. */
export async function fingerprint(store) {
  const head = await store.head();
  const status = await store.status();
  const state = await store.readState('dedup-index');
  return JSON.stringify({
    head: head?.id ?? null,
    manifest: head ? await store.manifest('HEAD') : [],
    log: (await store.log()).map((e) => [e.id, e.version.counts]),
    tags: await store.tags(),
    staged: status.items.map((e) => [e.id, e.change, e.state, e.record, e.raw, e.decision?.note ?? null]),
    state: state ? state.length : null,
  });
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type {
  BulkDecisionResponse,
  CommitPreview,
  DecisionAction,
  DecisionResponse,
  QueueCounts,
  QueueDetail,
  QueueItem,
  QueuePage,
  ReviewState,
  SelectionCounts,
  SelectionSummary,
} from '../../server/api-types.js';
import { get, post } from './api.js';
import { Dialog } from './dialog.js';
import { DocumentPanel } from './document.js';
import { useShortcuts } from './keyboard.js';
import { navigate } from './router.js';

type StateFilter = 'all' | ReviewState;
type FlagFilter = 'any' | 'suspect' | 'findings' | 'clean';

/** One undoable step: the states a decision replaced, a bulk decision, or a block restored into a document. */
type UndoEntry =
  | { kind: 'decision'; label: string; previous: Array<{ id: string; state: ReviewState; note: string | null }> }
  | { kind: 'bulk'; label: string; ids: string[] }
  | { kind: 'restore'; label: string; id: string };

const ROW_HEIGHT = 58;
/** Entries per page of the queue API; pages load as they scroll into view. */
const PAGE = 200;
/** Ids per request when a bulk decision is undone (request bodies are capped at 1 MiB). */
const UNDO_CHUNK = 5000;

/** The list filters as the CLI's `--where` terms (the server filters with the same code). */
const FLAG_TERMS: Record<FlagFilter, string> = {
  any: '',
  suspect: '-status:ok',
  findings: 'findings',
  clean: 'no-findings -status:short,suspect,not-article,error',
};

function whereOf(state: StateFilter, flag: FlagFilter, where: string): string {
  return [state === 'all' ? '' : `state:${state}`, FLAG_TERMS[flag], where.trim()].filter(Boolean).join(' ');
}

const FLAG_WORDS: Record<string, [string, string]> = {
  'exact-duplicate': ['exact duplicate', 'exact duplicates'],
  'near-duplicate': ['near-duplicate', 'near-duplicates'],
  revision: ['revision', 'revisions'],
  'canonical-conflict': ['canonical-URL conflict', 'canonical-URL conflicts'],
  'not-article': ['not-article', 'not-article'],
  suspect: ['suspect', 'suspect'],
};

/** "3 near-duplicates, 1 not-article, 2 suspect" (or "no findings"). */
function describeFlags(counts: SelectionCounts): string {
  const parts = counts.flags.map(({ flag, count }) => {
    const [one, many] = FLAG_WORDS[flag] ?? [flag, flag];
    return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  });
  return parts.length === 0 ? 'no findings' : parts.join(', ');
}

/** "12 new, 3 updates, 1 removal". */
function describeChanges(counts: SelectionCounts): string {
  const { new: added, update, remove } = counts.changes;
  const parts: string[] = [];
  if (added) parts.push(`${added.toLocaleString('en-US')} new`);
  if (update) parts.push(`${update.toLocaleString('en-US')} update${update === 1 ? '' : 's'}`);
  if (remove) parts.push(`${remove.toLocaleString('en-US')} removal${remove === 1 ? '' : 's'}`);
  return parts.join(', ') || 'nothing';
}

export function QueueView({
  selected,
  onCountsChange,
  dialogOpen,
}: {
  selected: string | null;
  onCountsChange: () => void;
  dialogOpen: boolean;
}) {
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, QueueItem[]>>(new Map());
  const snapshot = useRef<string | null>(null);
  const loading = useRef(new Set<number>());
  const [error, setError] = useState<string | null>(null);
  const [filterError, setFilterError] = useState<string | null>(null);
  const [stateFilter, setStateFilter] = useState<StateFilter>('pending');
  const [flagFilter, setFlagFilter] = useState<FlagFilter>('any');
  const [text, setText] = useState('');
  const [whereText, setWhereText] = useState('');
  const [generation, setGeneration] = useState(0);
  const [detail, setDetail] = useState<QueueDetail | null>(null);
  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [expandAll, setExpandAll] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  const where = whereOf(stateFilter, flagFilter, whereText);
  // A new object per filter or reload: the list effects below follow it.
  const query = useMemo(() => ({ where, q: text.trim(), generation }), [where, text, generation]);

  // A new filter (or a reload) takes a fresh list; pages already shown keep their entries while
  // decisions change their states, so a decided entry stays in place until the filter changes.
  const currentQuery = useRef(query);
  useEffect(() => {
    currentQuery.current = query;
    snapshot.current = null;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
  }, [query]);

  const loadPage = useCallback(
    (page: number, force = false) => {
      if (loading.current.has(page) && !force) return;
      loading.current.add(page);
      get<QueuePage>('queue', {
        where: query.where,
        q: query.q,
        offset: page * PAGE,
        limit: PAGE,
        snapshot: snapshot.current ?? undefined,
      })
        .then((result) => {
          if (currentQuery.current !== query) return;
          snapshot.current = result.snapshot;
          setCounts(result.counts);
          setTotal(result.total);
          setPages((old) => new Map(old).set(page, result.items));
          setFilterError(null);
          setError(null);
        })
        .catch((e: Error) => {
          if (currentQuery.current !== query) return;
          loading.current.delete(page);
          if (page === 0) setTotal(0);
          if (/where|filter/i.test(e.message)) setFilterError(e.message);
          else setError(e.message);
        });
    },
    [query],
  );
  useEffect(() => loadPage(0), [loadPage]);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  /** Fetch the pages on screen again (same list, current states). */
  const refresh = useCallback(() => {
    for (const page of pagesRef.current.keys()) loadPage(page, true);
  }, [loadPage]);

  const itemAt = useCallback(
    (index: number): QueueItem | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE],
    [pages],
  );
  const indexOf = (id: string | null): number => {
    if (id === null) return -1;
    for (const [page, items] of pages) {
      const at = items.findIndex((item) => item.id === id);
      if (at >= 0) return page * PAGE + at;
    }
    return -1;
  };

  const currentId = selected ?? itemAt(0)?.id ?? null;
  const index = indexOf(currentId);

  useEffect(() => {
    setRejecting(false);
    setNote('');
    setExpandAll(null);
    if (!currentId) {
      setDetail(null);
      return;
    }
    let stale = false;
    get<QueueDetail>('queue/item', { id: currentId })
      .then((d) => {
        if (!stale) setDetail(d);
      })
      .catch((e: Error) => {
        if (!stale) setError(e.message);
      });
    return () => {
      stale = true;
    };
  }, [currentId]);

  const select = useCallback((id: string | null) => navigate({ view: 'queue', id }, true), []);
  const move = useCallback(
    (step: number) => {
      if (!total) return;
      const next = index < 0 ? 0 : Math.min(total - 1, Math.max(0, index + step));
      const item = itemAt(next);
      if (item) select(item.id);
      else loadPage(Math.floor(next / PAGE));
    },
    [total, index, itemAt, select, loadPage],
  );

  const flash = (message: string) => {
    setToast(message);
    window.setTimeout(() => setToast((current) => (current === message ? null : current)), 3500);
  };

  const applyResponse = (response: DecisionResponse) => {
    setCounts(response.counts);
    const byId = new Map(response.items.map((item) => [item.id, item]));
    setPages((old) => {
      const next = new Map<number, QueueItem[]>();
      for (const [page, items] of old)
        next.set(
          page,
          items.map((item) => byId.get(item.id) ?? item),
        );
      return next;
    });
    setDetail((old) => {
      const updated = old && response.items.find((item) => item.id === old.item.id);
      return old && updated ? { ...old, item: updated } : old;
    });
    onCountsChange();
  };

  const decide = async (action: DecisionAction, ids: string[], label: string, noteText?: string) => {
    if (ids.length === 0 || busy) return;
    const byId = new Map([...pages.values()].flat().map((item) => [item.id, item]));
    const previous = ids.map((id) => ({
      id,
      state: byId.get(id)?.state ?? 'pending',
      note: byId.get(id)?.note ?? null,
    }));
    setBusy(true);
    try {
      const response = await post<DecisionResponse>('decisions', { action, ids, note: noteText });
      applyResponse(response);
      setUndo((stack) => [...stack, { kind: 'decision', label, previous }]);
      flash(`${label} — press u to undo`);
    } catch (e) {
      flash(`Failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const nextAfter = (id: string | null) => {
    const at = indexOf(id);
    for (let i = at + 1; i < (total ?? 0); i += 1) {
      const item = itemAt(i);
      if (!item) break;
      if (item.state === 'pending') return item.id;
    }
    return itemAt(at + 1)?.id ?? id;
  };

  const accept = async () => {
    if (!currentId) return;
    const next = nextAfter(currentId);
    await decide('accept', [currentId], 'Accepted 1 document');
    select(next);
  };

  const reject = async () => {
    if (!currentId) return;
    const next = nextAfter(currentId);
    await decide('reject', [currentId], 'Rejected 1 document', note.trim() || undefined);
    setRejecting(false);
    setNote('');
    select(next);
  };

  const undoLast = async () => {
    const entry = undo.at(-1);
    if (!entry || busy) return;
    setBusy(true);
    try {
      if (entry.kind === 'decision') {
        let response: DecisionResponse | null = null;
        for (const state of ['pending', 'accepted', 'rejected'] as const) {
          for (const group of groupByNote(entry.previous.filter((p) => p.state === state))) {
            const action: DecisionAction =
              state === 'accepted' ? 'accept' : state === 'rejected' ? 'reject' : 'pending';
            response = await post<DecisionResponse>('decisions', {
              action,
              ids: group.ids,
              note: group.note ?? undefined,
            });
            applyResponse(response);
          }
        }
        if (entry.previous.length === 1) select(entry.previous[0]!.id);
      } else if (entry.kind === 'bulk') {
        for (let i = 0; i < entry.ids.length; i += UNDO_CHUNK) {
          applyResponse(
            await post<DecisionResponse>('decisions', { action: 'pending', ids: entry.ids.slice(i, i + UNDO_CHUNK) }),
          );
        }
        refresh();
      } else {
        const restored = await post<QueueDetail>('restore/undo', { id: entry.id });
        if (restored.item.id === currentId) setDetail(restored);
        select(entry.id);
      }
      setUndo((stack) => stack.slice(0, -1));
      flash(`Undone: ${entry.label}`);
    } catch (e) {
      flash(`Undo failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (removal: number) => {
    if (!detail) return;
    try {
      const updated = await post<QueueDetail>('restore', { id: detail.item.id, removal });
      setDetail(updated);
      setUndo((stack) => [...stack, { kind: 'restore', label: 'Restored a removed block', id: updated.item.id }]);
      flash('Restored the block into the text — press u to undo');
    } catch (e) {
      flash(`Restore failed: ${(e as Error).message}`);
    }
  };

  const bulkAccepted = (response: BulkDecisionResponse) => {
    setCounts(response.counts);
    refresh();
    onCountsChange();
    const label = `Accepted ${response.ids.length.toLocaleString('en-US')} document${response.ids.length === 1 ? '' : 's'}`;
    setUndo((stack) => [...stack, { kind: 'bulk', label, ids: response.ids }]);
    flash(`${label} — press u to undo`);
  };
  const reload = () => {
    setGeneration((g) => g + 1);
    onCountsChange();
  };
  const anyDialog = dialogOpen || confirmBulk || committing;

  useShortcuts(
    {
      j: () => move(1),
      k: () => move(-1),
      a: () => void accept(),
      r: () => currentId && setRejecting(true),
      s: () => {
        select(nextAfter(currentId));
        flash('Skipped');
      },
      u: () => void undoLast(),
      e: () => setExpandAll((open) => !open),
    },
    !anyDialog,
  );

  if (error && !counts) return <div className="empty error">Could not load the queue: {error}</div>;
  if (!counts) return <div className="empty">Loading the review queue…</div>;

  return (
    <div className="queue-layout">
      <aside className="queue-list">
        <div className="filters">
          <div className="filter-row search-row">
            <input
              type="search"
              placeholder="Filter by title or id"
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-label="Filter by title or id"
            />
            <button
              type="button"
              className="ghost reload"
              title="Reload the staging area (after ingesting from the shell)"
              aria-label="Reload"
              onClick={reload}
            >
              ↻
            </button>
          </div>
          <div className="filter-row">
            <select
              value={stateFilter}
              onChange={(e) => setStateFilter(e.target.value as StateFilter)}
              aria-label="State"
            >
              <option value="pending">Pending ({counts.pending})</option>
              <option value="accepted">Accepted ({counts.accepted})</option>
              <option value="rejected">Rejected ({counts.rejected})</option>
              <option value="all">All ({counts.total})</option>
            </select>
            <select value={flagFilter} onChange={(e) => setFlagFilter(e.target.value as FlagFilter)} aria-label="Flags">
              <option value="any">Any status</option>
              <option value="suspect">Warnings</option>
              <option value="findings">Duplicates</option>
              <option value="clean">No warnings</option>
            </select>
          </div>
          <div className="filter-row">
            <button type="button" onClick={() => setConfirmBulk(true)} disabled={!total} data-testid="bulk-accept">
              Accept shown…
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => setCommitting(true)}
              disabled={counts.accepted === 0}
              data-testid="commit-open"
            >
              Commit ({counts.accepted})
            </button>
          </div>
        </div>
        <div className="filter-row where-row">
          <input
            type="search"
            placeholder="where: e.g. site:example.com -suspect"
            value={whereText}
            onChange={(event) => setWhereText(event.target.value)}
            aria-label="Filter with --where terms"
            title="The CLI's --where terms: state, kind, site, finding, flag, status, type, lang, published, staged, title, id; -term negates"
          />
        </div>
        {filterError && (
          <div className="filter-error" role="alert">
            {filterError}
          </div>
        )}
        <div className="muted list-count" data-testid="queue-total">
          {total === null ? 'Loading…' : `${total.toLocaleString('en-US')} shown`}
        </div>
        <QueueList
          total={total ?? 0}
          itemAt={itemAt}
          loadPage={loadPage}
          current={currentId}
          index={index}
          onSelect={select}
        />
      </aside>
      <section className="queue-detail">
        {!currentId && (
          <div className="empty">
            {counts.total === 0 ? (
              <>
                Nothing is staged. Stage pages with <code>corpuskit ingest PATH</code>.
              </>
            ) : (
              <>No document matches the filter.</>
            )}
          </div>
        )}
        {currentId && detail && detail.item.id === currentId && (
          <>
            <div className="actionbar">
              <div className="position">
                {index >= 0 ? index + 1 : '–'} / {total ?? 0}
              </div>
              <button type="button" className="accept" onClick={() => void accept()} disabled={busy}>
                Accept <kbd>a</kbd>
              </button>
              <button type="button" className="reject" onClick={() => setRejecting(true)} disabled={busy}>
                Reject <kbd>r</kbd>
              </button>
              <button type="button" onClick={() => select(nextAfter(currentId))}>
                Skip <kbd>s</kbd>
              </button>
              <button type="button" onClick={() => void undoLast()} disabled={undo.length === 0 || busy}>
                Undo <kbd>u</kbd>
              </button>
              <span className="spacer" />
              <button type="button" className="ghost" onClick={() => move(-1)} aria-label="Previous">
                ↑ <kbd>k</kbd>
              </button>
              <button type="button" className="ghost" onClick={() => move(1)} aria-label="Next">
                ↓ <kbd>j</kbd>
              </button>
            </div>
            {rejecting && (
              <form
                className="reject-box"
                onSubmit={(event) => {
                  event.preventDefault();
                  void reject();
                }}
              >
                <label htmlFor="reject-note">Why reject? (optional; Enter rejects, Esc cancels)</label>
                <textarea
                  id="reject-note"
                  autoFocus
                  rows={2}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.shiftKey) {
                      event.preventDefault();
                      void reject();
                    } else if (event.key === 'Escape') {
                      event.preventDefault();
                      setRejecting(false);
                    }
                  }}
                />
                <div>
                  <button type="submit" className="reject">
                    Reject
                  </button>
                  <button type="button" onClick={() => setRejecting(false)}>
                    Cancel
                  </button>
                </div>
              </form>
            )}
            <DocumentPanel
              key={detail.item.id}
              detail={detail}
              onRestore={restore}
              expandAll={expandAll}
              onStaged={(response) => {
                flash(`Re-cleaned ${response.site}: ${response.staged} staged for review`);
                reload();
                void get<QueueDetail>('queue/item', { id: detail.item.id })
                  .then(setDetail)
                  .catch(() => undefined);
              }}
            />
          </>
        )}
      </section>
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
      {confirmBulk && snapshot.current && (
        <BulkDialog
          query={{ where: query.where, q: query.q }}
          snapshot={snapshot.current}
          onClose={() => setConfirmBulk(false)}
          onDone={(response) => {
            setConfirmBulk(false);
            bulkAccepted(response);
          }}
        />
      )}
      {committing && (
        <CommitDialog
          accepted={counts.accepted}
          onClose={() => setCommitting(false)}
          onDone={(version) => {
            setCommitting(false);
            setUndo([]);
            flash(`Committed version ${version.slice(0, 12)}`);
            reload();
            navigate({ view: 'versions' });
          }}
        />
      )}
    </div>
  );
}

function groupByNote(
  entries: Array<{ id: string; note: string | null }>,
): Array<{ note: string | null; ids: string[] }> {
  const groups = new Map<string | null, string[]>();
  for (const entry of entries) groups.set(entry.note, [...(groups.get(entry.note) ?? []), entry.id]);
  return [...groups].map(([note, ids]) => ({ note, ids }));
}

function QueueList({
  total,
  itemAt,
  loadPage,
  current,
  index,
  onSelect,
}: {
  total: number;
  itemAt: (index: number) => QueueItem | undefined;
  loadPage: (page: number) => void;
  current: string | null;
  index: number;
  onSelect: (id: string) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, virtualizer]);
  const rows = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const row of rows) if (!itemAt(row.index)) loadPage(Math.floor(row.index / PAGE));
  });

  return (
    <div ref={parent} className="list-scroll" role="listbox" aria-label="Staged documents">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = itemAt(row.index);
          if (!item) {
            return (
              <div
                key={`i${row.index}`}
                className="queue-row"
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                <div className="muted">…</div>
              </div>
            );
          }
          return (
            <div
              key={item.id}
              role="option"
              aria-selected={item.id === current}
              className={`queue-row state-${item.state}${item.id === current ? ' current' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onSelect(item.id)}
            >
              <div className="row-title">{item.title || item.id}</div>
              <div className="row-meta">
                <span className={`badge change-${item.change}`}>{item.change}</span>
                {item.state !== 'pending' && <span className={`badge ${item.state}`}>{item.state}</span>}
                {item.status && item.status !== 'ok' && <span className="badge warn">{item.status}</span>}
                {item.findings.length > 0 && (
                  <span className="badge dup" data-testid="row-finding">
                    {findingLabel(item.findings)}
                  </span>
                )}
                <span className="row-site">{item.site ?? item.id}</span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Which finding a queue row names when there are several: the one that most needs a look. */
const ROW_FINDING_ORDER = ['canonical-conflict', 'exact', 'near', 'not-article', 'revision'];

function findingLabel(findings: QueueItem['findings']): string {
  const rank = (kind: string) => {
    const at = ROW_FINDING_ORDER.indexOf(kind);
    return at < 0 ? ROW_FINDING_ORDER.length : at;
  };
  const kind = findings.map((finding) => finding.kind).sort((a, b) => rank(a) - rank(b))[0]!;
  if (kind === 'exact' || kind === 'near') return `${kind} duplicate`;
  return kind === 'canonical-conflict' ? 'canonical conflict' : kind;
}

/** What a bulk accept takes, named before it happens: how many, which changes, which findings. */
function BulkDialog({
  query,
  snapshot,
  onClose,
  onDone,
}: {
  query: { where: string; q: string };
  snapshot: string;
  onClose: () => void;
  onDone: (response: BulkDecisionResponse) => void;
}) {
  const [selection, setSelection] = useState<SelectionSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    get<SelectionSummary>('queue/selection', { ...query, snapshot })
      .then(setSelection)
      .catch((e: Error) => setError(e.message));
  }, [query.where, query.q, snapshot]);
  const count = selection?.total ?? 0;
  const flagged = selection ? selection.total - selection.clean : 0;
  return (
    <Dialog title="Accept the filtered documents?" onClose={onClose}>
      {!selection && !error && <p className="muted">Counting the selection…</p>}
      {selection && (
        <div data-testid="bulk-summary">
          <p>
            This accepts the <strong>{count.toLocaleString('en-US')}</strong> pending document{count === 1 ? '' : 's'}{' '}
            of the {selection.listed.toLocaleString('en-US')} shown ({describeChanges(selection)}). You can undo it with{' '}
            <kbd>u</kbd>.
          </p>
          {flagged > 0 ? (
            <p className="warning-box" data-testid="bulk-findings">
              The selection holds <strong>{describeFlags(selection)}</strong>.
            </p>
          ) : (
            <p className="muted" data-testid="bulk-findings">
              No finding or warning in the selection.
            </p>
          )}
        </div>
      )}
      {error && <p className="error">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="accept"
          data-testid="bulk-confirm"
          disabled={!selection || count === 0 || busy}
          onClick={() => {
            setBusy(true);
            post<BulkDecisionResponse>('decisions/bulk', { action: 'accept', ...query, snapshot })
              .then(onDone)
              .catch((e: Error) => setError(e.message))
              .finally(() => setBusy(false));
          }}
        >
          Accept {count.toLocaleString('en-US')}
        </button>
      </div>
    </Dialog>
  );
}

/** Number of accepted entries the commit dialog lists by title. */
const COMMIT_LIST = 1000;

function CommitDialog({
  accepted,
  onClose,
  onDone,
}: {
  accepted: number;
  onClose: () => void;
  onDone: (version: string) => void;
}) {
  const [message, setMessage] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<CommitPreview | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    get<CommitPreview>('queue/commit', { limit: COMMIT_LIST })
      .then(setPreview)
      .catch((e: Error) => setError(e.message));
  }, [generation]);
  const count = preview?.total ?? accepted;
  return (
    <Dialog
      title={`Commit ${count.toLocaleString('en-US')} accepted change${count === 1 ? '' : 's'}`}
      onClose={onClose}
    >
      <form
        className="commit-form"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          post<{ version: string }>('commit', { message, tag: tag.trim() || undefined, snapshot: preview?.snapshot })
            .then((r) => onDone(r.version))
            .catch((e: Error) => {
              setError(e.message);
              // The staging area moved: list again what a commit would take now.
              setGeneration((g) => g + 1);
            })
            .finally(() => setBusy(false));
        }}
      >
        {preview ? (
          <div className="commit-preview" data-testid="commit-preview">
            <p data-testid="commit-counts">
              <strong>{describeChanges(preview)}</strong>
              {preview.flags.length > 0 && <> · {describeFlags(preview)}</>}
            </p>
            <ul className="commit-list" data-testid="commit-list">
              {preview.items.map((item) => (
                <li key={item.id} data-testid="commit-item">
                  <span className={`badge change-${item.change}`}>{item.change}</span>{' '}
                  <span className="commit-title">{item.title || '(untitled)'}</span>
                  <div className="mono commit-id">{item.id}</div>
                </li>
              ))}
              {preview.total > preview.items.length && (
                <li className="muted">
                  and {(preview.total - preview.items.length).toLocaleString('en-US')} more (
                  <code>corpuskit status --where accepted</code> lists them all)
                </li>
              )}
            </ul>
          </div>
        ) : (
          <p className="muted">Listing the accepted changes…</p>
        )}
        <label>
          Message
          <input autoFocus required value={message} onChange={(e) => setMessage(e.target.value)} name="message" />
        </label>
        <label>
          Tag (optional)
          <input value={tag} onChange={(e) => setTag(e.target.value)} name="tag" />
        </label>
        {error && <p className="error">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !preview || message.trim() === ''}>
            Commit
          </button>
        </div>
      </form>
    </Dialog>
  );
}

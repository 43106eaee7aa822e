import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type {
  DecisionAction,
  DecisionResponse,
  QueueDetail,
  QueueItem,
  QueueResponse,
  ReviewState,
} from '../../server/api-types.js';
import { get, post } from './api.js';
import { Dialog } from './dialog.js';
import { DocumentPanel } from './document.js';
import { useShortcuts } from './keyboard.js';
import { navigate } from './router.js';

type StateFilter = 'all' | ReviewState;
type FlagFilter = 'any' | 'suspect' | 'findings' | 'clean';

/** One undoable step: the states a decision replaced, or a block restored into a document. */
type UndoEntry =
  | { kind: 'decision'; label: string; previous: Array<{ id: string; state: ReviewState; note: string | null }> }
  | { kind: 'restore'; label: string; id: string };

const ROW_HEIGHT = 58;

function matches(item: QueueItem, state: StateFilter, flag: FlagFilter, text: string): boolean {
  if (state !== 'all' && item.state !== state) return false;
  if (flag === 'suspect' && item.status === 'ok') return false;
  if (flag === 'findings' && item.findings.length === 0) return false;
  if (flag === 'clean' && (item.findings.length > 0 || (item.status !== 'ok' && item.status !== null))) return false;
  if (text) {
    const needle = text.toLowerCase();
    if (!item.id.toLowerCase().includes(needle) && !(item.title ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
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
  const [queue, setQueue] = useState<QueueResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stateFilter, setStateFilter] = useState<StateFilter>('pending');
  const [flagFilter, setFlagFilter] = useState<FlagFilter>('any');
  const [text, setText] = useState('');
  const [detail, setDetail] = useState<QueueDetail | null>(null);
  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [expandAll, setExpandAll] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  /** Items that left the filter because of a decision stay listed until the filter changes. */
  const [sticky, setSticky] = useState<Set<string>>(new Set());

  const load = useCallback(async () => {
    try {
      setQueue(await get<QueueResponse>('queue'));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(
    () => (queue?.items ?? []).filter((item) => sticky.has(item.id) || matches(item, stateFilter, flagFilter, text)),
    [queue, stateFilter, flagFilter, text, sticky],
  );
  useEffect(() => setSticky(new Set()), [stateFilter, flagFilter, text]);

  const currentId = selected ?? visible[0]?.id ?? null;
  const index = visible.findIndex((item) => item.id === currentId);

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
      if (visible.length === 0) return;
      const next = index < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, index + step));
      select(visible[next]!.id);
    },
    [visible, index, select],
  );

  const flash = (message: string) => {
    setToast(message);
    window.setTimeout(() => setToast((current) => (current === message ? null : current)), 3500);
  };

  const applyResponse = (response: DecisionResponse) => {
    setQueue((old) => {
      if (!old) return old;
      const byId = new Map(response.items.map((item) => [item.id, item]));
      return { counts: response.counts, items: old.items.map((item) => byId.get(item.id) ?? item) };
    });
    setDetail((old) => {
      const updated = old && response.items.find((item) => item.id === old.item.id);
      return old && updated ? { ...old, item: updated } : old;
    });
    onCountsChange();
  };

  const decide = async (action: DecisionAction, ids: string[], label: string, noteText?: string) => {
    if (!queue || ids.length === 0 || busy) return;
    const byId = new Map(queue.items.map((item) => [item.id, item]));
    const previous = ids.map((id) => ({
      id,
      state: byId.get(id)?.state ?? 'pending',
      note: byId.get(id)?.note ?? null,
    }));
    setBusy(true);
    try {
      const response = await post<DecisionResponse>('decisions', { action, ids, note: noteText });
      applyResponse(response);
      setSticky((old) => new Set([...old, ...ids]));
      setUndo((stack) => [...stack, { kind: 'decision', label, previous }]);
      flash(`${label} — press u to undo`);
    } catch (e) {
      flash(`Failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const nextAfter = (id: string | null) => {
    const at = visible.findIndex((item) => item.id === id);
    const after = visible.slice(at + 1).find((item) => item.state === 'pending') ?? visible[at + 1];
    return after?.id ?? id;
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

  const bulkIds = visible.filter((item) => item.state === 'pending').map((item) => item.id);
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

  if (error && !queue) return <div className="empty error">Could not load the queue: {error}</div>;
  if (!queue) return <div className="empty">Loading the review queue…</div>;

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
              onClick={() => {
                void load();
                onCountsChange();
              }}
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
              <option value="pending">Pending ({queue.counts.pending})</option>
              <option value="accepted">Accepted ({queue.counts.accepted})</option>
              <option value="rejected">Rejected ({queue.counts.rejected})</option>
              <option value="all">All ({queue.counts.total})</option>
            </select>
            <select value={flagFilter} onChange={(e) => setFlagFilter(e.target.value as FlagFilter)} aria-label="Flags">
              <option value="any">Any status</option>
              <option value="suspect">Warnings</option>
              <option value="findings">Duplicates</option>
              <option value="clean">No warnings</option>
            </select>
          </div>
          <div className="filter-row">
            <button
              type="button"
              onClick={() => setConfirmBulk(true)}
              disabled={bulkIds.length === 0}
              data-testid="bulk-accept"
            >
              Accept {bulkIds.length} shown…
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => setCommitting(true)}
              disabled={queue.counts.accepted === 0}
              data-testid="commit-open"
            >
              Commit ({queue.counts.accepted})
            </button>
          </div>
        </div>
        <QueueList items={visible} current={currentId} onSelect={select} />
      </aside>
      <section className="queue-detail">
        {!currentId && (
          <div className="empty">
            {queue.counts.total === 0 ? (
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
                {index >= 0 ? index + 1 : '–'} / {visible.length}
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
            <DocumentPanel key={detail.item.id} detail={detail} onRestore={restore} expandAll={expandAll} />
          </>
        )}
      </section>
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
      {confirmBulk && (
        <Dialog title="Accept the filtered documents?" onClose={() => setConfirmBulk(false)}>
          <p>
            This accepts <strong>{bulkIds.length}</strong> document{bulkIds.length === 1 ? '' : 's'} that match the
            current filter. You can undo it with <kbd>u</kbd>.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirmBulk(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="accept"
              data-testid="bulk-confirm"
              onClick={() => {
                setConfirmBulk(false);
                void decide('accept', bulkIds, `Accepted ${bulkIds.length} documents`);
              }}
            >
              Accept {bulkIds.length}
            </button>
          </div>
        </Dialog>
      )}
      {committing && (
        <CommitDialog
          accepted={queue.counts.accepted}
          onClose={() => setCommitting(false)}
          onDone={(version) => {
            setCommitting(false);
            setUndo([]);
            flash(`Committed version ${version.slice(0, 12)}`);
            void load();
            onCountsChange();
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
  items,
  current,
  onSelect,
}: {
  items: QueueItem[];
  current: string | null;
  onSelect: (id: string) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const currentIndex = items.findIndex((item) => item.id === current);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  return (
    <div ref={parent} className="list-scroll" role="listbox" aria-label="Staged documents">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
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
                  <span className="badge dup">
                    {item.findings[0]!.kind === 'revision' ? 'revision' : `${item.findings[0]!.kind} duplicate`}
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
  return (
    <Dialog title={`Commit ${accepted} accepted change${accepted === 1 ? '' : 's'}`} onClose={onClose}>
      <form
        className="commit-form"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          post<{ version: string }>('commit', { message, tag: tag.trim() || undefined })
            .then((r) => onDone(r.version))
            .catch((e: Error) => setError(e.message))
            .finally(() => setBusy(false));
        }}
      >
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
          <button type="submit" className="primary" disabled={busy || message.trim() === ''}>
            Commit
          </button>
        </div>
      </form>
    </Dialog>
  );
}

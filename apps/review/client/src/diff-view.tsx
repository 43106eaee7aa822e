import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ChangeType, VersionDiffItem, VersionDiffPage, VersionDiffSummary } from '../../server/api-types.js';
import { get } from './api.js';
import { DocumentDiffPanel } from './document-diff.js';
import { useShortcuts } from './keyboard.js';
import { navigate } from './router.js';

const TYPES: ChangeType[] = ['added', 'removed', 'modified', 'renamed'];
const TYPE_MARK: Record<ChangeType, string> = { added: 'A', removed: 'D', modified: 'M', renamed: 'R' };
const PAGE = 200;
const ROW_HEIGHT = 56;

const SIZES: Array<{ label: string; min?: number; max?: number }> = [
  { label: 'Any size of change' },
  { label: 'Small (under 10 words)', max: 9 },
  { label: '10 words or more', min: 10 },
  { label: '100 words or more', min: 100 },
  { label: '1,000 words or more', min: 1000 },
];

type Summary = VersionDiffSummary & { measured: number; total: number };

function short(ref: string): string {
  return /^[0-9a-f]{64}$/.test(ref) ? ref.slice(0, 12) : ref;
}

/**
 * A corpus diff: counts by change type (which double as filters), site and size filters, and
 * a virtualised list whose pages of 200 load when scrolled into view, so 10,000 changed
 * documents cost what is on screen. The selected document's diff shows on the right.
 */
export function DiffView({ oldRef, newRef, id }: { oldRef: string; newRef: string; id: string | null }) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [types, setTypes] = useState<Set<ChangeType>>(new Set());
  const [site, setSite] = useState('');
  const [size, setSize] = useState(0);
  const [text, setText] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, VersionDiffItem[]>>(new Map());
  const loading = useRef(new Set<number>());
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = () => {
      get<Summary>('diff', { old: oldRef, new: newRef })
        .then((next) => {
          if (stopped) return;
          setSummary((previous) => {
            // Titles and sizes arrive in the background: reload the list as they do.
            if (previous && previous.measured !== next.measured) setGeneration((g) => g + 1);
            return next;
          });
          if (next.measured < next.total) timer = window.setTimeout(poll, 1500);
        })
        .catch((e: Error) => !stopped && setError(e.message));
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [oldRef, newRef]);

  const filterKey = useMemo(
    () => JSON.stringify({ types: [...types].sort(), site, size, text, oldRef, newRef }),
    [types, site, size, text, oldRef, newRef],
  );
  useEffect(() => {
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
  }, [filterKey]);

  const loadPage = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const range = SIZES[size]!;
      get<VersionDiffPage>('diff/documents', {
        old: oldRef,
        new: newRef,
        types: [...types].join(','),
        site,
        q: text,
        minSize: range.min,
        maxSize: range.max,
        offset: page * PAGE,
        limit: PAGE,
      })
        .then((result) => {
          setTotal(result.total);
          setPages((old) => new Map(old).set(page, result.items));
        })
        .catch((e: Error) => setError(e.message));
    },
    [filterKey],
  );
  useEffect(() => loadPage(0), [loadPage]);
  // As titles and sizes arrive, refresh the pages already shown in place (keeping the scroll).
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  useEffect(() => {
    if (generation === 0) return;
    loading.current = new Set();
    for (const page of pagesRef.current.keys()) loadPage(page);
  }, [generation, loadPage]);

  const itemAt = (index: number): VersionDiffItem | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  const loaded = useMemo(() => [...pages.values()].flat(), [pages]);
  const currentIndex = id ? loaded.findIndex((item) => item.id === id) : -1;
  const current = currentIndex >= 0 ? loaded[currentIndex] : null;

  const select = (item: VersionDiffItem | undefined) =>
    item && navigate({ view: 'diff', old: oldRef, new: newRef, id: item.id }, true);
  useShortcuts({
    j: () => select(currentIndex < 0 ? loaded[0] : loaded[currentIndex + 1]),
    k: () => select(loaded[Math.max(0, currentIndex - 1)]),
  });

  if (error && !summary) return <div className="empty error">Could not compare the versions: {error}</div>;

  return (
    <div className="diff-layout">
      <aside className="diff-list">
        <div className="diff-summary">
          <div className="refs">
            <a href="#/versions">Versions</a> / <span className="mono">{short(oldRef)}</span> →{' '}
            <span className="mono">{short(newRef)}</span>
          </div>
          {summary ? (
            <div className="chips" data-testid="diff-counts">
              {TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  className={`chip type-${type}${types.size === 0 || types.has(type) ? ' active' : ''}`}
                  aria-pressed={types.has(type)}
                  onClick={() =>
                    setTypes((old) => {
                      const next = new Set(old);
                      if (next.has(type)) next.delete(type);
                      else next.add(type);
                      return next;
                    })
                  }
                >
                  {type} {summary.summary[type]}
                </button>
              ))}
              <span className="muted">{summary.summary.unchanged} unchanged</span>
            </div>
          ) : (
            <div className="muted">Comparing…</div>
          )}
          <div className="filter-row">
            <select value={site} onChange={(e) => setSite(e.target.value)} aria-label="Site">
              <option value="">All sites</option>
              {summary?.sites.map((entry) => (
                <option key={entry.site} value={entry.site}>
                  {entry.site} ({entry.count})
                </option>
              ))}
            </select>
            <select value={size} onChange={(e) => setSize(Number(e.target.value))} aria-label="Size of change">
              {SIZES.map((option, i) => (
                <option key={option.label} value={i}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <input
            type="search"
            placeholder="Filter by title or id"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label="Filter documents"
          />
          <div className="muted">
            {total === null ? 'Loading…' : `${total.toLocaleString()} document${total === 1 ? '' : 's'}`}
            {summary && summary.measured < summary.total && ` · measuring changes ${summary.measured}/${summary.total}`}
          </div>
        </div>
        <DiffList total={total ?? 0} itemAt={itemAt} loadPage={loadPage} current={id} onSelect={select} />
      </aside>
      <section className="diff-main">
        {id ? (
          <DocumentDiffPanel
            key={`${oldRef}:${newRef}:${id}`}
            endpoint="diff/document"
            params={{
              old: oldRef,
              new: newRef,
              id,
              from: current?.type === 'renamed' ? (current.from ?? undefined) : undefined,
            }}
            type={current?.type ?? null}
          />
        ) : (
          <div className="empty">Pick a document on the left (or press j) to see what changed in it.</div>
        )}
      </section>
    </div>
  );
}

function DiffList({
  total,
  itemAt,
  loadPage,
  current,
  onSelect,
}: {
  total: number;
  itemAt: (index: number) => VersionDiffItem | undefined;
  loadPage: (page: number) => void;
  current: string | null;
  onSelect: (item: VersionDiffItem) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const row of rows) if (!itemAt(row.index)) loadPage(Math.floor(row.index / PAGE));
  });

  return (
    <div ref={parent} className="list-scroll" data-testid="diff-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = itemAt(row.index);
          return (
            <div
              key={row.index}
              className={`diff-row${item && item.id === current ? ' current' : ''}`}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onClick={() => item && onSelect(item)}
              data-testid="diff-row"
            >
              {item ? (
                <>
                  <div className="row-title">
                    <span className={`type-badge ${item.type}`} title={item.type}>
                      {TYPE_MARK[item.type]}
                    </span>{' '}
                    {item.title || item.id}
                  </div>
                  <div className="row-meta">
                    <span className="row-site">{item.type === 'renamed' ? `from ${item.from}` : item.id}</span>
                    <span className="spacer" />
                    {item.size !== null && (
                      <span className="muted">
                        {item.size.toLocaleString()} word{item.size === 1 ? '' : 's'}
                      </span>
                    )}
                  </div>
                </>
              ) : (
                <div className="muted">…</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

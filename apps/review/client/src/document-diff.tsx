import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';

import { collapseRun } from '@corpuskit/diff';
import type { BlockOp, Segment } from '@corpuskit/diff';

import type { ChangeType, DocumentDiffResponse } from '../../server/api-types.js';
import { get } from './api.js';

type Mode = 'split' | 'inline';

/** Unchanged paragraphs shown around a change before the rest of a run is collapsed. */
const CONTEXT = 1;

/** One rendered row of the diff: a paragraph pair, a lone side, or a collapsed run. */
type Row =
  | { kind: 'equal'; old: number; new: number; text: string }
  | { kind: 'collapsed'; run: number; count: number; old: number; new: number }
  | { kind: 'insert'; new: number; text: string }
  | { kind: 'delete'; old: number; text: string }
  | { kind: 'change'; op: 'change' | 'split' | 'merge'; old: number; new: number; segments: Segment[] }
  | { kind: 'move-source'; id: string; old: number; to: number; text: string }
  | { kind: 'move-target'; id: string; from: number; new: number; segments: Segment[] };

function rowsOf(blocks: BlockOp[], expanded: Set<number> | 'all'): Row[] {
  const rows: Row[] = [];
  blocks.forEach((op, run) => {
    switch (op.op) {
      case 'equal': {
        const open = expanded === 'all' || expanded.has(run);
        const { head, hidden, tail } = collapseRun(op.count, CONTEXT, {
          first: run === 0,
          last: run === blocks.length - 1,
        });
        if (open || hidden === 0) {
          op.blocks.forEach((text, i) => rows.push({ kind: 'equal', old: op.old + i, new: op.new + i, text }));
          break;
        }
        for (let i = 0; i < head; i++)
          rows.push({ kind: 'equal', old: op.old + i, new: op.new + i, text: op.blocks[i]! });
        rows.push({ kind: 'collapsed', run, count: hidden, old: op.old + head, new: op.new + head });
        for (let i = op.count - tail; i < op.count; i++) {
          rows.push({ kind: 'equal', old: op.old + i, new: op.new + i, text: op.blocks[i]! });
        }
        break;
      }
      case 'insert':
        rows.push({ kind: 'insert', new: op.new, text: op.text });
        break;
      case 'delete':
        rows.push({ kind: 'delete', old: op.old, text: op.text });
        break;
      case 'change':
      case 'split':
      case 'merge':
        rows.push({ kind: 'change', op: op.op, old: op.old, new: op.new, segments: op.segments });
        break;
      case 'move-source':
        rows.push({ kind: 'move-source', id: op.id, old: op.old, to: op.to, text: op.text });
        break;
      case 'move-target':
        rows.push({ kind: 'move-target', id: op.id, from: op.from, new: op.new, segments: op.segments });
        break;
    }
  });
  return rows;
}

/** Segments of one side (`old` keeps deletions, `new` keeps insertions) or both (`inline`). */
function Segments({ segments, side }: { segments: Segment[]; side: 'old' | 'new' | 'inline' }) {
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.op === 'equal')
          return <span key={i}>{side === 'old' ? (segment.old ?? segment.text) : segment.text}</span>;
        if (segment.op === 'delete') {
          return side === 'new' ? null : (
            <del key={i} className="seg-del">
              {segment.text === '\n\n' ? '¶\n\n' : segment.text}
            </del>
          );
        }
        return side === 'old' ? null : (
          <ins key={i} className="seg-ins">
            {segment.text === '\n\n' ? '¶\n\n' : segment.text}
          </ins>
        );
      })}
    </>
  );
}

function Num({ n }: { n: number }) {
  return <span className="para-no">¶{n + 1}</span>;
}

/**
 * One document's diff, loaded from `endpoint` (the version diff's `diff/document`, or the
 * queue's `queue/diff`), rendered side by side or inline in a virtualised list of rows.
 */
export function DocumentDiffPanel({
  endpoint,
  params,
  type,
  embedded = false,
}: {
  endpoint: string;
  params: Record<string, string | undefined>;
  type: ChangeType | null;
  embedded?: boolean;
}) {
  const id = params.id ?? '';
  const [result, setResult] = useState<DocumentDiffResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(() =>
    localStorage.getItem('corpuskit.diffMode') === 'inline' ? 'inline' : 'split',
  );
  const [expanded, setExpanded] = useState<Set<number> | 'all'>(new Set());
  const [flash, setFlash] = useState<string | null>(null);

  const paramsKey = JSON.stringify(params);
  useEffect(() => {
    get<DocumentDiffResponse>(endpoint, JSON.parse(paramsKey) as typeof params)
      .then(setResult)
      .catch((e: Error) => setError(e.message));
  }, [endpoint, paramsKey]);

  useEffect(() => localStorage.setItem('corpuskit.diffMode', mode), [mode]);

  const rows = useMemo(() => (result ? rowsOf(result.diff.blocks, expanded) : []), [result, expanded]);
  const moveRows = useMemo(() => {
    const map = new Map<string, { source?: number; target?: number }>();
    rows.forEach((row, index) => {
      if (row.kind === 'move-source') map.set(row.id, { ...map.get(row.id), source: index });
      if (row.kind === 'move-target') map.set(row.id, { ...map.get(row.id), target: index });
    });
    return map;
  }, [rows]);

  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 80,
    overscan: 6,
  });

  const jump = (moveId: string, to: 'source' | 'target') => {
    const index = moveRows.get(moveId)?.[to];
    if (index === undefined) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    setFlash(`${moveId}:${to}`);
    window.setTimeout(() => setFlash(null), 1600);
  };

  if (error)
    return (
      <div className="empty error">
        Could not diff {id}: {error}
      </div>
    );
  if (!result) return <div className="empty">Diffing…</div>;
  const { diff } = result;
  const title = diff.new.title ?? diff.old.title ?? id;

  const render = (row: Row): ReactNode => {
    const split = mode === 'split';
    switch (row.kind) {
      case 'equal':
        return split ? (
          <div className="split">
            <div className="op equal">
              <Num n={row.old} />
              {row.text}
            </div>
            <div className="op equal">
              <Num n={row.new} />
              {row.text}
            </div>
          </div>
        ) : (
          <div className="op equal">
            <Num n={row.new} />
            {row.text}
          </div>
        );
      case 'collapsed':
        return (
          <div className="collapsed">
            <button
              type="button"
              className="small"
              onClick={() => setExpanded((old) => (old === 'all' ? old : new Set(old).add(row.run)))}
              data-testid="expand"
            >
              Show {row.count} unchanged paragraph{row.count === 1 ? '' : 's'}
            </button>
          </div>
        );
      case 'insert':
        return split ? (
          <div className="split">
            <div className="op placeholder" />
            <div className="op insert">
              <Num n={row.new} />
              <ins className="seg-ins">{row.text}</ins>
            </div>
          </div>
        ) : (
          <div className="op insert">
            <Num n={row.new} />
            <ins className="seg-ins">{row.text}</ins>
          </div>
        );
      case 'delete':
        return split ? (
          <div className="split">
            <div className="op delete">
              <Num n={row.old} />
              <del className="seg-del">{row.text}</del>
            </div>
            <div className="op placeholder" />
          </div>
        ) : (
          <div className="op delete">
            <Num n={row.old} />
            <del className="seg-del">{row.text}</del>
          </div>
        );
      case 'change':
        return split ? (
          <div className="split">
            <div className="op change">
              <Num n={row.old} />
              <Segments segments={row.segments} side="old" />
            </div>
            <div className="op change">
              <Num n={row.new} />
              <Segments segments={row.segments} side="new" />
            </div>
          </div>
        ) : (
          <div className="op change">
            <Num n={row.new} />
            <Segments segments={row.segments} side="inline" />
          </div>
        );
      case 'move-source': {
        const link = (
          <a
            href={`#move-${row.id}`}
            className="move-link"
            onClick={(event) => {
              event.preventDefault();
              jump(row.id, 'target');
            }}
            data-testid="move-source"
          >
            ↘ moved to ¶{row.to + 1}
          </a>
        );
        const body = (
          <div className={`op move${flash === `${row.id}:source` ? ' target-flash' : ''}`}>
            {link}
            <Num n={row.old} />
            <span className="muted">{row.text}</span>
          </div>
        );
        return split ? (
          <div className="split">
            {body}
            <div className="op placeholder" />
          </div>
        ) : (
          body
        );
      }
      case 'move-target': {
        const body = (
          <div className={`op move${flash === `${row.id}:target` ? ' target-flash' : ''}`}>
            <a
              href={`#move-${row.id}`}
              className="move-link"
              onClick={(event) => {
                event.preventDefault();
                jump(row.id, 'source');
              }}
              data-testid="move-target"
            >
              ↖ moved from ¶{row.from + 1}
            </a>
            <Num n={row.new} />
            <Segments segments={row.segments} side={split ? 'new' : 'inline'} />
          </div>
        );
        return split ? (
          <div className="split">
            <div className="op placeholder" />
            {body}
          </div>
        ) : (
          body
        );
      }
    }
  };

  return (
    <div className={embedded ? 'doc-diff embedded' : 'doc-diff'}>
      <div className="doc-diff-head">
        {!embedded && <h2 data-testid="diff-title">{title}</h2>}
        <div className="doc-id" hidden={embedded}>
          {result.from !== result.id ? (
            <>
              renamed from <span className="mono">{result.from}</span> to <span className="mono">{result.id}</span>
            </>
          ) : (
            result.id
          )}
        </div>
        <div className="toolbar">
          {type && <span className={`type-badge ${type}`}>{type[0]!.toUpperCase()}</span>}
          <span className="stat-ins">+{diff.stats.words.added} words</span>
          <span className="stat-del">−{diff.stats.words.removed} words</span>
          <span className="muted" data-testid="diff-similarity">
            similarity {result.similarityText}
          </span>
          <span className="muted" title="2 × unchanged words / (old words + new words)">
            {Math.round(diff.stats.similarity * 100)}% of words unchanged
          </span>
          {diff.stats.blocks.moved > 0 && <span className="muted">{diff.stats.blocks.moved} moved</span>}
          <span className="spacer" />
          <button type="button" className={mode === 'split' ? 'active' : ''} onClick={() => setMode('split')}>
            Side by side
          </button>
          <button type="button" className={mode === 'inline' ? 'active' : ''} onClick={() => setMode('inline')}>
            Inline
          </button>
          <button
            type="button"
            onClick={() => setExpanded((old) => (old === 'all' ? new Set() : 'all'))}
            data-testid="expand-all"
          >
            {expanded === 'all' ? 'Collapse unchanged' : 'Expand all'}
          </button>
        </div>
        {diff.metadata.length > 0 && (
          <details className="meta-details" open={diff.metadata.length <= 3}>
            <summary>
              {diff.metadata.length} metadata change{diff.metadata.length === 1 ? '' : 's'}
            </summary>
            <table className="meta meta-changes">
              <tbody>
                {diff.metadata.map((change) => (
                  <tr key={change.field}>
                    <th>{change.field}</th>
                    <td>
                      <del className="seg-del">{JSON.stringify(change.old)}</del> →{' '}
                      <ins className="seg-ins">{JSON.stringify(change.new)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
        {diff.fallbacks.length > 0 && (
          <div className="muted">
            Large change: some parts are compared by {diff.fallbacks.map((f) => f.used).join(', ')} only.
          </div>
        )}
      </div>
      <div className="doc-diff-body" ref={parent} data-testid="diff-body">
        {!diff.changed && <p className="muted">No difference in text or metadata.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="op-row"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {render(rows[item.index]!)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

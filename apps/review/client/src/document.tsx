import { Fragment, useEffect, useRef, useState } from 'react';

import type { PlacedRemoval, QueueDetail, RuleRecleanResponse } from '../../server/api-types.js';
import { DocumentDiffPanel } from './document-diff.js';
import { href } from './router.js';
import { RuleDialog } from './rule-dialog.js';
import type { RuleSource } from './rule-dialog.js';

const METADATA_ROWS: Array<[key: string, label: string]> = [
  ['title', 'Title'],
  ['byline', 'Byline'],
  ['authors', 'Authors'],
  ['publishedAt', 'Published'],
  ['modifiedAt', 'Modified'],
  ['siteName', 'Site'],
  ['canonicalUrl', 'Canonical URL'],
  ['description', 'Description'],
  ['language', 'Language'],
];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  return String(value);
}

/**
 * One staged document: warnings, duplicates side by side, the cleaned text with every removed
 * block in its place (collapsed, labelled by category, restorable), metadata with its sources.
 * Everything scraped is rendered as React text nodes: it can never become markup.
 */
export function DocumentPanel({
  detail,
  onRestore,
  expandAll,
  onStaged,
}: {
  detail: QueueDetail;
  onRestore: (removal: number) => void;
  expandAll: boolean | null;
  /** After "make a rule for this site" re-cleaned the site and staged its changes. */
  onStaged?: (response: RuleRecleanResponse) => void;
}) {
  const [ruleSource, setRuleSource] = useState<RuleSource | null>(null);
  const staged = useRef<RuleRecleanResponse | null>(null);
  const canMakeRules = /^https?:/.test(detail.item.id) && detail.item.change !== 'remove';
  const byPosition = new Map<number, PlacedRemoval[]>();
  for (const removal of detail.removed) {
    byPosition.set(removal.position, [...(byPosition.get(removal.position) ?? []), removal]);
  }
  const categories = new Map<string, number>();
  for (const removal of detail.removed) categories.set(removal.category, (categories.get(removal.category) ?? 0) + 1);
  const { item } = detail;
  const [view, setView] = useState<'text' | 'changes'>('text');
  const tabs = useRef<HTMLDivElement>(null);
  // Switching views brings the tabs (and the diff under them) to the top of the pane, below
  // the sticky action bar (the pane's scroll-padding), never under it.
  const switched = useRef(false);
  const switchView = (next: 'text' | 'changes') => {
    switched.current = true;
    setView(next);
  };
  useEffect(() => {
    if (switched.current) tabs.current?.scrollIntoView({ block: 'start' });
  }, [view]);
  const hasPrevious = item.change === 'update' || item.change === 'remove';

  return (
    <div className="document-grid">
      <article className="document" data-testid="document">
        <header className="doc-header">
          <h1 data-testid="doc-title">{detail.title ?? '(untitled)'}</h1>
          <div className="doc-id">{item.id}</div>
          <div className="row-meta">
            <span className={`badge change-${item.change}`}>{item.change}</span>
            <span className={`badge ${item.state}`} data-testid="doc-state">
              {item.state}
            </span>
            {detail.status && (
              <span className={`badge ${detail.status === 'ok' ? 'ok' : 'warn'}`}>{detail.status}</span>
            )}
            {item.note && <span className="note">note: {item.note}</span>}
            <a className="history-link" href={href({ view: 'history', id: item.id })} data-testid="history-link">
              History
            </a>
          </div>
        </header>

        {(detail.status !== 'ok' && detail.reasons.length > 0) || detail.warnings.length > 0 ? (
          <div className="warning-box" role="note">
            <strong>Check this document</strong>
            <ul>
              {detail.reasons.map((reason) => (
                <li key={reason.code}>
                  {reason.message} <code>{reason.code}</code>
                </li>
              ))}
              {detail.warnings.map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {detail.findings.map((finding, i) => (
          <Finding key={i} finding={finding} blocks={detail.blocks} self={item.id} />
        ))}

        {hasPrevious && (
          <div className="tabs" role="tablist" ref={tabs}>
            <button
              type="button"
              role="tab"
              aria-selected={view === 'text'}
              className={view === 'text' ? 'active' : ''}
              onClick={() => switchView('text')}
            >
              {item.change === 'remove' ? 'Corpus text' : 'Cleaned text'}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={view === 'changes'}
              className={view === 'changes' ? 'active' : ''}
              onClick={() => switchView('changes')}
              data-testid="changes-tab"
            >
              Changes since the corpus version
            </button>
          </div>
        )}

        {view === 'changes' && hasPrevious ? (
          <DocumentDiffPanel
            endpoint="queue/diff"
            params={{ id: item.id }}
            type={item.change === 'remove' ? 'removed' : 'modified'}
            embedded
          />
        ) : (
          <>
            {categories.size > 0 && (
              <div className="removed-summary">
                Removed:{' '}
                {[...categories].map(([category, count]) => (
                  <span key={category} className={`cat cat-${category}`}>
                    {category} ×{count}
                  </span>
                ))}
              </div>
            )}

            <div className="text" data-testid="doc-text">
              {detail.blocks.map((block, i) => (
                <Fragment key={i}>
                  {(byPosition.get(i) ?? []).map((removal) => (
                    <RemovedBlock
                      key={`r${removal.index}`}
                      removal={removal}
                      onRestore={onRestore}
                      expandAll={expandAll}
                      onRule={canMakeRules ? () => setRuleSource({ removal: removal.index }) : undefined}
                    />
                  ))}
                  <p className={canMakeRules ? 'kept-block' : undefined}>
                    {block}
                    {canMakeRules && (
                      <button
                        type="button"
                        className="block-rule"
                        aria-label="Make a rule for this site from this paragraph"
                        title="Make a rule for this site from this paragraph"
                        onClick={() => setRuleSource({ block: i })}
                        data-testid="make-rule-kept"
                      />
                    )}
                  </p>
                </Fragment>
              ))}
              {[...byPosition]
                .filter(([position]) => position >= detail.blocks.length)
                .flatMap(([, removals]) => removals)
                .map((removal) => (
                  <RemovedBlock
                    key={`r${removal.index}`}
                    removal={removal}
                    onRestore={onRestore}
                    expandAll={expandAll}
                    onRule={canMakeRules ? () => setRuleSource({ removal: removal.index }) : undefined}
                  />
                ))}
              {detail.blocks.length === 0 && <p className="muted">(no text was kept)</p>}
            </div>
          </>
        )}
      </article>

      <aside className="doc-side">
        <h2>Metadata</h2>
        <table className="meta">
          <tbody>
            {METADATA_ROWS.map(([key, label]) => {
              const value = key === 'title' ? detail.title : (detail.metadata as Record<string, unknown> | null)?.[key];
              const source = (detail.metadata?.sources as Record<string, string> | undefined)?.[key];
              return (
                <tr key={key}>
                  <th>{label}</th>
                  <td>
                    <div className="meta-value">{show(value)}</div>
                    {source && <div className="meta-source">from {source}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {detail.provenance && (
          <>
            <h2>Provenance</h2>
            <table className="meta">
              <tbody>
                {Object.entries(detail.provenance).map(([key, value]) => (
                  <tr key={key}>
                    <th>{key}</th>
                    <td className="mono">{show(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </aside>
      {ruleSource && (
        <RuleDialog
          id={detail.item.id}
          source={ruleSource}
          onClose={() => {
            setRuleSource(null);
            // The queue is refreshed once the dialog closes, so its result stays readable until then.
            if (staged.current) onStaged?.(staged.current);
            staged.current = null;
          }}
          onStaged={(response) => {
            staged.current = response;
          }}
        />
      )}
    </div>
  );
}

function RemovedBlock({
  removal,
  onRestore,
  expandAll,
  onRule,
}: {
  removal: PlacedRemoval;
  onRestore: (removal: number) => void;
  expandAll: boolean | null;
  onRule?: (() => void) | undefined;
}) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (expandAll !== null) setOpen(expandAll);
  }, [expandAll]);
  return (
    <div className={`removed cat-${removal.category}${open ? ' open' : ''}`} data-testid="removed-block">
      <div className="removed-head">
        <button type="button" className="ghost toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '▾' : '▸'} Removed <span className="cat">{removal.category}</span>
          <span className="muted">
            {removal.chars} chars · {removal.rule}
          </span>
        </button>
        <button type="button" className="small" onClick={() => onRestore(removal.index)} data-testid="restore">
          Restore
        </button>
        {onRule && (
          <button type="button" className="small" onClick={onRule} data-testid="make-rule">
            Rule for this site…
          </button>
        )}
      </div>
      {open && (
        <div className="removed-body">
          <div className="removed-reason">
            {removal.reason}
            {removal.siteRule && <span className="muted"> (per-site rule {removal.siteRule})</span>}
          </div>
          <div className="removed-text">{removal.text}</div>
        </div>
      )}
    </div>
  );
}

function Finding({
  finding,
  blocks,
  self,
}: {
  finding: QueueDetail['findings'][number];
  blocks: string[];
  self: string;
}) {
  const [open, setOpen] = useState(false);
  const other = finding.otherDocument;
  if (finding.kind === 'not-article') {
    // A page-type finding: no other document to compare with.
    return (
      <div className="finding" data-testid="finding">
        <div className="finding-head">
          <strong>Not an article</strong>
          <span className="muted">confidence {(finding.similarity * 100).toFixed(1)}%</span>
        </div>
        <div className="muted">{finding.reason}</div>
      </div>
    );
  }
  return (
    <div className="finding" data-testid="finding">
      <div className="finding-head">
        <strong>
          {finding.kind === 'exact'
            ? 'Exact duplicate'
            : finding.kind === 'near'
              ? 'Near duplicate'
              : finding.kind === 'canonical-conflict'
                ? 'Claims the canonical URL of another document'
                : 'Revision'}
        </strong>
        <span className="muted" data-testid="finding-similarity">
          similarity {finding.similarityText}
        </span>
        <button type="button" className="small" onClick={() => setOpen(!open)}>
          {open ? 'Hide comparison' : 'Compare side by side'}
        </button>
      </div>
      <div className="finding-other">
        {finding.kind === 'revision' ? 'of the version in the corpus: ' : 'of '}
        <span className="mono">{finding.other}</span>
        {other && other.where !== 'unknown' && finding.kind !== 'revision' && (
          <span className="muted"> (in the {other.where === 'corpus' ? 'corpus' : 'staging area'})</span>
        )}
      </div>
      <div className="muted">{finding.reason}</div>
      {open &&
        (other && other.where !== 'unknown' ? (
          <div className="finding-compare">
            <div className="compare-legend">
              <span>
                <del className="seg-del">{finding.kind === 'revision' ? 'corpus version' : 'the other document'}</del>
              </span>
              <span>
                <ins className="seg-ins">this document</ins>
              </span>
            </div>
            <DocumentDiffPanel
              endpoint="queue/compare"
              params={{ id: self, other: finding.other }}
              type={null}
              embedded
            />
          </div>
        ) : (
          <div className="side-by-side">
            <div>
              <h3>This document</h3>
              {blocks.map((block, i) => (
                <p key={i}>{block}</p>
              ))}
            </div>
            <div>
              <h3>{finding.other}</h3>
              <p className="muted">The other document is not in the corpus or the staging area.</p>
            </div>
          </div>
        ))}
    </div>
  );
}

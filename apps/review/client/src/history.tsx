import { useEffect, useState } from 'react';

import type { HistoryDecision, HistoryResponse, HistoryStepView } from '../../server/api-types.js';
import { get } from './api.js';
import { href } from './router.js';

function when(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

const short = (hash: string | null | undefined): string => (hash ? hash.slice(0, 7) : '—');

const CHANGE_TEXT: Record<HistoryStepView['change'], string> = {
  added: 'added',
  modified: 'modified',
  removed: 'removed',
  unchanged: 'not changed',
  staged: 'staged',
};

function DecisionRow({ decision }: { decision: HistoryDecision }) {
  return (
    <li className="history-decision" data-testid="history-decision">
      <span className={`badge ${decision.decision}`}>{decision.decision}</span>{' '}
      <span className="muted">{decision.change}</span> by <strong>{decision.by ?? 'unknown'}</strong>{' '}
      <span className="muted">{when(decision.at)}</span>{' '}
      <span className="mono" title={decision.contentHash}>
        content {short(decision.contentHash)}
      </span>
      {decision.previousContentHash && (
        <span className="mono muted" title={decision.previousContentHash}>
          {' '}
          (was {short(decision.previousContentHash)})
        </span>
      )}
      {decision.note && <div className="note">“{decision.note}”</div>}
    </li>
  );
}

function StagedStep({ step }: { step: HistoryStepView }) {
  const entry = step.staged;
  return (
    <>
      <div className="history-head">
        <span className="badge pending">staging area</span>
        {entry && (
          <>
            <span className={`badge change-${entry.change}`}>{entry.change}</span>
            <span className={`badge ${entry.state}`} data-testid="history-staged-state">
              {entry.state}
            </span>
            <span className="mono" title={entry.contentHash ?? ''}>
              content {short(entry.contentHash)}
            </span>
          </>
        )}
      </div>
      {entry?.decision && (
        <p>
          {entry.state} by <strong>{entry.decision.by ?? 'unknown'}</strong>{' '}
          <span className="muted">{when(entry.decision.at)}</span>
          {entry.decision.note && <span className="note"> “{entry.decision.note}”</span>}
          {entry.decision.remembered && (
            <span className="muted" data-testid="history-remembered">
              {' '}
              — previously {entry.decision.remembered.decision} (same content)
              {entry.decision.remembered.version ? ` in ${short(entry.decision.remembered.version)}` : ''}
            </span>
          )}
        </p>
      )}
      {entry?.stale && (
        <p className="warning-box" data-testid="history-stale">
          {entry.stale.state} by {entry.stale.by ?? 'unknown'} ({when(entry.stale.at)}) for content{' '}
          <span className="mono">{short(entry.stale.contentHash)}</span>: the content changed since, so that decision is
          stale and the document is pending again.
        </p>
      )}
      {step.decisions.length > 0 && (
        <>
          <p className="muted">Decided, not committed yet:</p>
          <ul className="history-decisions">
            {step.decisions.map((decision, i) => (
              <DecisionRow key={i} decision={decision} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function VersionStep({ id, step }: { id: string; step: HistoryStepView }) {
  const version = step.version!;
  return (
    <>
      <div className="history-head">
        <span className="mono" title={version}>
          {version.slice(0, 12)}
        </span>
        {step.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        <span className={`type-badge ${step.change}`}>{CHANGE_TEXT[step.change]}</span>
        <span className="muted">{when(step.time)}</span>
        {step.contentHash && (
          <span className="mono" title={step.contentHash}>
            content {short(step.contentHash)}
          </span>
        )}
        {step.parent && step.change !== 'unchanged' && (
          <a href={href({ view: 'diff', old: step.parent, new: version, id })}>what changed</a>
        )}
      </div>
      <p className="history-message">{step.message}</p>
      {step.decisions.length > 0 ? (
        <ul className="history-decisions">
          {step.decisions.map((decision, i) => (
            <DecisionRow key={i} decision={decision} />
          ))}
        </ul>
      ) : (
        <p className="muted">No decision recorded (a version made before decisions were kept).</p>
      )}
    </>
  );
}

/**
 * A document's history: every version that changed it or recorded a decision about it (who,
 * when, the note, the content hash decided on), and the staging area, newest first.
 */
export function HistoryView({ id }: { id: string }) {
  const [history, setHistory] = useState<HistoryResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setHistory(null);
    setError(null);
    get<HistoryResponse>('history', { id })
      .then(setHistory)
      .catch((e: Error) => setError(e.message));
  }, [id]);

  if (error) return <div className="empty error">Could not load the history: {error}</div>;
  if (!history) return <div className="empty">Loading the history…</div>;
  return (
    <div className="page history" data-testid="history">
      <h1>History</h1>
      <p>
        <strong data-testid="history-title">{history.title ?? '(untitled)'}</strong>
        <br />
        <span className="doc-id">{history.id}</span>
      </p>
      <ol className="history-steps">
        {history.steps.map((step) => (
          <li key={step.version ?? 'staged'} className="history-step" data-testid="history-step">
            {step.version === null ? <StagedStep step={step} /> : <VersionStep id={id} step={step} />}
          </li>
        ))}
      </ol>
    </div>
  );
}

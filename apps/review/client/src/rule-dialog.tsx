import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';

import type {
  RuleDraft,
  RulePreviewResponse,
  RuleProposalResponse,
  RuleRecleanResponse,
  RuleSavedResponse,
} from '../../server/api-types.js';
import { post } from './api.js';
import { Dialog } from './dialog.js';
import { DocumentDiffPanel } from './document-diff.js';

/** Which block of the document the rule is made from: a removed one (its index in `removed`) or a kept one. */
export type RuleSource = { removal: number } | { block: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One labelled text field of the rule form (`rule-NAME` is its id and test id), with what
 * follows it on the row. `code`: monospaced, no spell checking (selectors, patterns).
 */
function InputRow({
  name,
  label,
  value,
  onChange,
  code = false,
  placeholder,
  children,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  code?: boolean;
  placeholder?: string;
  children?: ReactNode;
}) {
  return (
    <div className="rule-row">
      <label className="rule-label" htmlFor={`rule-${name}`}>
        {label}
      </label>
      <input
        id={`rule-${name}`}
        {...(code ? { className: 'mono', spellCheck: false } : {})}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        data-testid={`rule-${name}`}
      />
      {children}
    </div>
  );
}

/**
 * "Make a rule for this site": a rule proposed from a block (a selector from its element, or a
 * pattern from its text), adjusted by the reviewer, previewed on the site's staged and committed
 * documents (what a re-clean would change, with diffs), saved to the corpus's rule file, and
 * applied by re-cleaning the site, which stages the changes for review.
 */
export function RuleDialog({
  id,
  source,
  onClose,
  onStaged,
}: {
  id: string;
  source: RuleSource;
  onClose: () => void;
  onStaged: (response: RuleRecleanResponse) => void;
}) {
  const [proposal, setProposal] = useState<RuleProposalResponse | null>(null);
  const [action, setAction] = useState<RuleDraft['action']>('remove');
  const [kind, setKind] = useState<'selector' | 'text'>('selector');
  const [selector, setSelector] = useState('');
  const [pattern, setPattern] = useState('');
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<RulePreviewResponse | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<RuleSavedResponse | null>(null);
  const [staged, setStaged] = useState<RuleRecleanResponse | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const sourceKey = JSON.stringify(source);
  useEffect(() => {
    post<RuleProposalResponse>('rules/propose', { id, ...(JSON.parse(sourceKey) as RuleSource) })
      .then((p) => {
        setProposal(p);
        setAction(p.action);
        setKind(p.kind);
        setSelector(p.selectors[0] ?? '');
        setPattern(p.text);
      })
      .catch((e: Error) => setError(e.message));
  }, [id, sourceKey]);

  const draft = (): RuleDraft | null => {
    if (!proposal) return null;
    const base = { site: proposal.site, action, ...(note.trim() ? { note: note.trim() } : {}) };
    if (kind === 'selector') return selector.trim() ? { ...base, selector: selector.trim() } : null;
    return pattern.trim() ? { ...base, text: pattern.trim() } : null;
  };
  // Any change to the rule makes the preview out of date.
  useEffect(() => {
    setPreview(null);
    setOpen(null);
  }, [action, kind, selector, pattern]);

  const run = async <T,>(label: string, fn: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const doPreview = async () => {
    const rule = draft();
    if (rule) setPreview(await run('Previewing…', () => post<RulePreviewResponse>('rules/preview', rule)));
  };
  const doSave = async () => {
    const rule = draft();
    if (rule) setSaved(await run('Saving…', () => post<RuleSavedResponse>('rules', rule)));
  };
  const doReclean = async () => {
    if (!proposal) return;
    const result = await run('Re-cleaning…', () => post<RuleRecleanResponse>('rules/reclean', { site: proposal.site }));
    if (result) {
      setStaged(result);
      onStaged(result);
    }
  };

  return (
    <Dialog title="Make a rule for this site" onClose={onClose}>
      <div className="rule-dialog" data-testid="rule-dialog">
        {error && (
          <div className="warning-box" role="alert" data-testid="rule-error">
            {error}
          </div>
        )}
        {!proposal ? (
          !error && <p className="muted">Proposing a rule…</p>
        ) : (
          <>
            <p className="rule-block">
              <span className="muted">From the {proposal.block.removed ? 'removed' : 'kept'} block</span>
              {proposal.block.rule && <code> {proposal.block.rule}</code>}
              {proposal.block.selector && <code className="rule-path"> {proposal.block.selector}</code>}
              <q>{proposal.block.text.length > 240 ? `${proposal.block.text.slice(0, 239)}…` : proposal.block.text}</q>
            </p>
            <fieldset disabled={saved !== null}>
              <div className="rule-row">
                <span className="rule-label">Site</span>
                <code data-testid="rule-site">{proposal.site}</code>
                <span className="muted">(and its subdomains)</span>
              </div>
              <div className="rule-row" role="radiogroup" aria-label="What the rule does">
                <span className="rule-label">Rule</span>
                <label>
                  <input type="radio" checked={action === 'remove'} onChange={() => setAction('remove')} /> remove
                </label>
                <label>
                  <input type="radio" checked={action === 'keep'} onChange={() => setAction('keep')} /> keep (no rule
                  removes it)
                </label>
              </div>
              <div className="rule-row" role="radiogroup" aria-label="What the rule matches">
                <span className="rule-label">Match</span>
                <label>
                  <input
                    type="radio"
                    checked={kind === 'selector'}
                    onChange={() => setKind('selector')}
                    data-testid="rule-kind-selector"
                  />{' '}
                  elements (CSS selector)
                </label>
                <label>
                  <input
                    type="radio"
                    checked={kind === 'text'}
                    onChange={() => setKind('text')}
                    data-testid="rule-kind-text"
                  />{' '}
                  text (pattern)
                </label>
              </div>
              {kind === 'selector' ? (
                <InputRow name="selector" label="Selector" value={selector} onChange={setSelector} code>
                  {proposal.selectors.length > 1 && (
                    <div className="rule-choices">
                      {proposal.selectors.map((candidate) => (
                        <button
                          key={candidate}
                          type="button"
                          className={`small${candidate === selector ? ' active' : ''}`}
                          onClick={() => setSelector(candidate)}
                        >
                          {candidate}
                        </button>
                      ))}
                    </div>
                  )}
                  {proposal.selectors.length === 0 && (
                    <span className="muted">
                      No class or id names this block's element: write a selector, or match text.
                    </span>
                  )}
                </InputRow>
              ) : (
                <InputRow name="text" label="Pattern" value={pattern} onChange={setPattern} code>
                  <span className="muted">A regular expression, matched (ignoring case) against each paragraph.</span>
                </InputRow>
              )}
              <InputRow
                name="note"
                label="Note"
                value={note}
                onChange={setNote}
                placeholder="why (kept with the rule)"
              />
            </fieldset>
            <div className="rule-actions">
              <button
                type="button"
                onClick={() => void doPreview()}
                disabled={busy !== null || draft() === null || saved !== null}
                data-testid="rule-preview"
              >
                Preview on {proposal.site}
              </button>
              <button
                type="button"
                className="accept"
                onClick={() => void doSave()}
                disabled={busy !== null || preview === null || saved !== null}
                data-testid="rule-save"
              >
                Save rule
              </button>
              {busy && <span className="muted">{busy}</span>}
            </div>
            {preview && (
              <div className="rule-preview" data-testid="rule-preview-result">
                <p data-testid="rule-preview-summary">
                  <strong>
                    {plural(preview.changed, 'document')} of {preview.checked} on {preview.site} would change
                  </strong>{' '}
                  ({preview.staged} staged, {preview.committed} committed) — rule <code>{preview.rule.id}</code>
                  {preview.failed.length > 0 && (
                    <span className="warn"> · {preview.failed.length} could not be re-cleaned</span>
                  )}
                </p>
                {preview.changed === 0 && (
                  <p className="muted">
                    Nothing on this site would change: the rule matches nothing, or only text already removed.
                  </p>
                )}
                <ul className="rule-docs">
                  {preview.documents.map((doc) => (
                    <li key={doc.id} data-testid="rule-preview-doc">
                      <button
                        type="button"
                        className="ghost"
                        onClick={() => setOpen(open === doc.id ? null : doc.id)}
                        aria-expanded={open === doc.id}
                      >
                        {open === doc.id ? '▾' : '▸'} {doc.title ?? doc.id}
                      </button>
                      <span className="muted">
                        {' '}
                        {doc.where === 'staged' ? `staged, ${doc.state ?? ''}` : 'committed'} · +{doc.words.added} −
                        {doc.words.removed} words
                      </span>
                      <div className="mono muted">{doc.id}</div>
                      {open === doc.id && (
                        <DocumentDiffPanel
                          endpoint="rules/preview/diff"
                          params={{ preview: preview.preview, id: doc.id }}
                          type="modified"
                          embedded
                        />
                      )}
                    </li>
                  ))}
                </ul>
                {preview.changed > preview.documents.length && (
                  <p className="muted">and {preview.changed - preview.documents.length} more</p>
                )}
              </div>
            )}
            {saved && (
              <div className="rule-saved" data-testid="rule-saved">
                <p>
                  Rule <code>{saved.rule.id}</code> saved to the corpus's rules; it goes with the next commit.
                </p>
                {!staged ? (
                  <button
                    type="button"
                    className="accept"
                    onClick={() => void doReclean()}
                    disabled={busy !== null}
                    data-testid="rule-reclean"
                  >
                    Re-clean {saved.rule.site} and stage the changes
                  </button>
                ) : (
                  <p data-testid="rule-staged">
                    Staged {plural(staged.staged, 'document')} of {staged.checked} on {staged.site} for review
                    {staged.failed.length > 0 ? ` (${staged.failed.length} failed)` : ''}.
                  </p>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

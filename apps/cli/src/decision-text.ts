import type { DecisionRecord, HistoryStep } from '@corpuskit/store';

import type { CommandContext } from './context.js';
import { shortId } from './corpus.js';

type Colors = CommandContext['log']['colors'];

/** Short content hashes, as in `status` (7 hex digits, like git). */
const shortHash = (hash: string | null | undefined): string => (hash ? hash.slice(0, 7) : '-');

/** One decision on one line: "accepted update by ana at 2026-... content 3fa9c1e (was 1b2c3d4): note". */
export function decisionLine(decision: DecisionRecord, colors: Colors, withId = true): string {
  const verb = decision.decision === 'accepted' ? colors.green('accepted') : colors.red('rejected');
  const was = decision.previousContentHash ? ` (was ${shortHash(decision.previousContentHash)})` : '';
  return (
    `${verb} ${decision.change.padEnd(6)} ${withId ? `${decision.id}  ` : ''}` +
    `by ${decision.by ?? '(unknown)'} at ${decision.at}  content ${shortHash(decision.contentHash)}${was}` +
    (decision.note ? `: ${decision.note}` : '')
  );
}

/** A document's history as text, newest first. */
export function historyLines(id: string, steps: HistoryStep[], colors: Colors): string[] {
  const lines = [`History of ${id} (newest first)`];
  for (const step of steps) {
    lines.push('');
    if (step.version === null) {
      const entry = step.staged;
      lines.push(
        colors.yellow('staging area') +
          (entry
            ? `  ${entry.change} ${entry.state}, content ${shortHash(entry.change === 'remove' ? null : entry.contentHash)}`
            : ''),
      );
      if (entry?.decision) {
        const d = entry.decision;
        const remembered = d.remembered
          ? ` (previously ${d.remembered.decision}${d.remembered.version ? ` in version ${shortId(d.remembered.version)}` : ''})`
          : '';
        lines.push(`  ${entry.state} by ${d.by ?? '(unknown)'} at ${d.at}${d.note ? `: ${d.note}` : ''}${remembered}`);
      }
      if (entry?.stale) {
        const s = entry.stale;
        lines.push(
          `  ${colors.yellow('stale')}: ${s.state} by ${s.by ?? '(unknown)'} at ${s.at} for content ${shortHash(s.contentHash)}; pending again`,
        );
      }
      for (const decision of step.decisions)
        lines.push(`  ${decisionLine(decision, colors, false)} (not committed yet)`);
      continue;
    }
    const tags = step.tags.length ? ` (${step.tags.join(', ')})` : '';
    lines.push(
      `${colors.yellow(`version ${shortId(step.version)}`)}${tags}  ${step.time}  ${step.message?.split('\n')[0] ?? ''}`,
    );
    lines.push(
      step.contentHash === null && step.change === 'unchanged'
        ? '  not in this version'
        : `  ${step.change}${step.contentHash ? `, content ${shortHash(step.contentHash)}` : ''}`,
    );
    for (const decision of step.decisions) lines.push(`  ${decisionLine(decision, colors, false)}`);
  }
  return lines;
}

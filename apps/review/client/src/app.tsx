import { useCallback, useEffect, useState } from 'react';

import type { QueueCounts } from '../../server/api-types.js';
import { get } from './api.js';
import { DiffView } from './diff-view.js';
import { HelpDialog } from './help.js';
import { HistoryView } from './history.js';
import { ReviewerField } from './reviewer-field.js';
import { useShortcuts } from './keyboard.js';
import { QueueView } from './queue.js';
import { href, useRoute } from './router.js';
import { VersionsView } from './versions.js';

export function App() {
  const route = useRoute();
  const [help, setHelp] = useState(false);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [version, setVersion] = useState(0);
  const refreshCounts = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    get<{ counts: QueueCounts }>('queue/counts')
      .then((r) => setCounts(r.counts))
      .catch(() => setCounts(null));
  }, [version]);

  useShortcuts({ '?': () => setHelp((open) => !open) });

  const reviewed = counts ? counts.accepted + counts.rejected : 0;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">corpuskit review</span>
        <nav>
          <a href={href({ view: 'queue', id: null })} className={route.view === 'queue' ? 'active' : ''}>
            Review
          </a>
          <a
            href={href({ view: 'versions' })}
            className={route.view === 'versions' || route.view === 'diff' ? 'active' : ''}
          >
            Versions
          </a>
        </nav>
        <span className="spacer" />
        <ReviewerField />
        {counts && (
          <span className="progress" data-testid="reviewed-count" title="reviewed = accepted or rejected">
            {reviewed.toLocaleString('en-US')} of {counts.total.toLocaleString('en-US')} reviewed
            <span className="bar">
              <span style={{ width: `${counts.total ? (100 * reviewed) / counts.total : 0}%` }} />
            </span>
          </span>
        )}
        <button type="button" className="ghost" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
          ?
        </button>
      </header>
      <main>
        {route.view === 'queue' && <QueueView selected={route.id} onCountsChange={refreshCounts} dialogOpen={help} />}
        {route.view === 'versions' && <VersionsView />}
        {route.view === 'diff' && <DiffView oldRef={route.old} newRef={route.new} id={route.id} />}
        {route.view === 'history' && <HistoryView id={route.id} />}
      </main>
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </div>
  );
}

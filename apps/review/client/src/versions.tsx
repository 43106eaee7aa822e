import { useEffect, useState } from 'react';

import type { VersionEntry } from '../../server/api-types.js';
import { get } from './api.js';
import { navigate } from './router.js';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The log, newest first, with two columns of radio buttons to pick the versions to compare. */
export function VersionsView() {
  const [versions, setVersions] = useState<VersionEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [oldRef, setOldRef] = useState<string | null>(null);
  const [newRef, setNewRef] = useState<string | null>(null);

  useEffect(() => {
    get<{ versions: VersionEntry[] }>('versions')
      .then(({ versions: list }) => {
        setVersions(list);
        setNewRef(list[0]?.id ?? null);
        setOldRef(list[1]?.id ?? null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  if (error) return <div className="empty error">Could not load the versions: {error}</div>;
  if (!versions) return <div className="empty">Loading versions…</div>;

  const rows: Array<{ id: string; label: string; entry: VersionEntry | null }> = [
    { id: 'staged', label: 'staged', entry: null },
    ...versions.map((entry) => ({ id: entry.id, label: entry.id.slice(0, 12), entry })),
  ];

  return (
    <div className="page">
      <h1>Versions</h1>
      {versions.length === 0 ? (
        <p className="muted">
          No versions yet. Accept documents in the review queue and commit them to make the first version.
        </p>
      ) : (
        <>
          <div className="compare-bar">
            <button
              type="button"
              className="primary"
              disabled={!oldRef || !newRef || oldRef === newRef}
              onClick={() => oldRef && newRef && navigate({ view: 'diff', old: oldRef, new: newRef, id: null })}
              data-testid="compare"
            >
              Compare {oldRef ? (oldRef === 'staged' ? 'staged' : oldRef.slice(0, 8)) : '…'} →{' '}
              {newRef ? (newRef === 'staged' ? 'staged' : newRef.slice(0, 8)) : '…'}
            </button>
            <span className="muted">Pick an old and a new version.</span>
          </div>
          <table className="log" data-testid="log">
            <thead>
              <tr>
                <th className="pick">Old</th>
                <th className="pick">New</th>
                <th>Version</th>
                <th>Message</th>
                <th>Time</th>
                <th>Documents</th>
                <th>Changes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, label, entry }) => (
                <tr key={id}>
                  <td className="pick">
                    <input
                      type="radio"
                      name="old"
                      aria-label={`old ${label}`}
                      checked={oldRef === id}
                      onChange={() => setOldRef(id)}
                    />
                  </td>
                  <td className="pick">
                    <input
                      type="radio"
                      name="new"
                      aria-label={`new ${label}`}
                      checked={newRef === id}
                      onChange={() => setNewRef(id)}
                    />
                  </td>
                  <td className="mono">
                    {label}
                    {entry?.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </td>
                  <td>
                    {entry ? entry.message : <span className="muted">HEAD plus accepted changes</span>}
                    {entry?.author && (
                      <span className="muted" data-testid="version-author">
                        {' '}
                        · by {entry.author}
                      </span>
                    )}
                  </td>
                  <td>{entry ? when(entry.time) : ''}</td>
                  <td>{entry?.counts.documents ?? ''}</td>
                  <td>
                    {entry && (
                      <>
                        <span className="stat-ins">+{entry.counts.added}</span>{' '}
                        <span className="muted">~{entry.counts.modified}</span>{' '}
                        <span className="stat-del">−{entry.counts.removed}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

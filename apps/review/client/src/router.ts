import { useSyncExternalStore } from 'react';

/**
 * Routes live in the hash (`#/queue`, `#/versions`, `#/diff/OLD/NEW`, `#/diff/OLD/NEW/ID`,
 * `#/history/ID`), each part URI-encoded.
 */
export type Route =
  | { view: 'queue'; id: string | null }
  | { view: 'versions' }
  | { view: 'history'; id: string }
  | { view: 'diff'; old: string; new: string; id: string | null };

function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });
  if (parts[0] === 'versions') return { view: 'versions' };
  if (parts[0] === 'history' && parts[1]) return { view: 'history', id: parts[1] };
  if (parts[0] === 'diff' && parts[1] && parts[2])
    return { view: 'diff', old: parts[1], new: parts[2], id: parts[3] || null };
  return { view: 'queue', id: parts[0] === 'queue' && parts[1] ? parts[1] : null };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'queue':
      return route.id ? `#/queue/${e(route.id)}` : '#/queue';
    case 'versions':
      return '#/versions';
    case 'history':
      return `#/history/${e(route.id)}`;
    case 'diff':
      return `#/diff/${e(route.old)}/${e(route.new)}${route.id ? `/${e(route.id)}` : ''}`;
  }
}

export function navigate(route: Route, replace = false): void {
  const target = href(route);
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}

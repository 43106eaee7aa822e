import { useSyncExternalStore } from 'react';

/*
 * The app's reviewer setting: the name recorded with each decision made here, kept in this
 * browser's localStorage. Empty means "whoever `corpuskit serve` was started as".
 */

const KEY = 'corpuskit.reviewer';
const listeners = new Set<() => void>();

export function reviewerSetting(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setReviewerSetting(name: string): void {
  try {
    if (name.trim() === '') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, name.trim().slice(0, 200));
  } catch {
    // Storage refused (private mode): the name applies to nothing; decisions use the server's default.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReviewerSetting(): string {
  return useSyncExternalStore(subscribe, reviewerSetting);
}

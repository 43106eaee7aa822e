import { useEffect, useState } from 'react';

import { get } from './api.js';
import { setReviewerSetting, useReviewerSetting } from './reviewer.js';

/**
 * The reviewer's name in the top bar: recorded with every decision made in this browser. Left
 * empty, decisions carry the name `corpuskit serve` was started with (shown as the placeholder).
 */
export function ReviewerField() {
  const saved = useReviewerSetting();
  const [value, setValue] = useState(saved);
  const [fallback, setFallback] = useState<string | null>(null);

  useEffect(() => setValue(saved), [saved]);
  useEffect(() => {
    get<{ reviewer?: string | null }>('session')
      .then((session) => setFallback(session.reviewer ?? null))
      .catch(() => setFallback(null));
  }, []);

  const commit = () => {
    if (value.trim() !== saved) setReviewerSetting(value);
  };
  return (
    <label className="reviewer-field" title="Recorded with each decision you make here">
      <span className="muted">Reviewer</span>
      <input
        type="text"
        value={value}
        maxLength={200}
        placeholder={fallback ?? 'your name'}
        aria-label="Reviewer name"
        data-testid="reviewer-name"
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            commit();
            (event.target as HTMLInputElement).blur();
          }
        }}
      />
    </label>
  );
}

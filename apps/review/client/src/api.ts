import type { ApiError } from '../../server/api-types.js';
import { reviewerSetting } from './reviewer.js';
import { withVisibleControls } from './visible-controls.js';

class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as T | ApiError | null;
  if (!response.ok) {
    const error = (body as ApiError | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`);
  }
  return withVisibleControls(body as T);
}

/** GET a JSON resource of the API; `params` become the query string. */
export async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return parse<T>(
    await fetch(`/api/${path}${suffix}`, { credentials: 'same-origin', headers: { accept: 'application/json' } }),
  );
}

/**
 * POST JSON to the API (the server checks the Origin and the content type). Every write says
 * who makes it: the reviewer setting goes in the `x-corpuskit-reviewer` header (URI-encoded).
 */
export async function post<T>(path: string, body: unknown): Promise<T> {
  const reviewer = reviewerSetting();
  return parse<T>(
    await fetch(`/api/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(reviewer ? { 'x-corpuskit-reviewer': encodeURIComponent(reviewer) } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

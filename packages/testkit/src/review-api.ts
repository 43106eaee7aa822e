/** What a test needs of a running review server: where it listens and its session token. */
interface ServerAddress {
  port: number;
  token: string;
}

export interface ApiRequest {
  method?: string;
  /** Sent as JSON (with its content type) when given. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A client for a review server's JSON API as the app calls it (bearer token, same origin): the
 * request helper the review server's tests each wrote out.
 */
export function reviewApi(server: ServerAddress) {
  const base = `http://127.0.0.1:${server.port}`;
  return async function api<T>(path: string, init: ApiRequest = {}): Promise<{ status: number; json: T }> {
    const response = await fetch(`${base}/api/${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${server.token}`,
        origin: base,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, json: (await response.json()) as T };
  };
}

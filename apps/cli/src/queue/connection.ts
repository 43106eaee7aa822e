import { CorpusKitError } from '@corpuskit/document';

/** The one BullMQ queue corpuskit uses; its Redis keys start with `bull:corpuskit-clean:`. */
export const QUEUE_NAME = 'corpuskit-clean';

/** BullMQ connection options for a `redis://` or `rediss://` URL. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null; lazyConnect?: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CorpusKitError('usage', 'cli.usage', `--redis must be a redis:// URL (got '${url}')`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new CorpusKitError('usage', 'cli.usage', `--redis must be a redis:// or rediss:// URL (got '${url}')`);
  }
  // Workers block on Redis; BullMQ asks for no per-request retry limit on their connections.
  return { url, maxRetriesPerRequest: null };
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Wait for a BullMQ client to connect, or fail with a clear error after `ms`. */
export async function connected(
  client: { waitUntilReady(): Promise<unknown> },
  url: string,
  ms = 10_000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CorpusKitError(
            'input',
            'queue.unreachable',
            `cannot reach Redis at ${redactedUrl(url)} (waited ${ms / 1000} s)`,
            {
              subject: redactedUrl(url),
            },
          ),
        ),
      ms,
    );
  });
  try {
    await Promise.race([client.waitUntilReady(), limit]);
  } finally {
    clearTimeout(timer);
  }
}

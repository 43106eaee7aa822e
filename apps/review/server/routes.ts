import type { Hono } from 'hono';

import type { BulkDecisionRequest, ChangeType, CommitRequest, DecisionRequest, RestoreRequest } from './api-types.js';
import { documentHistory } from './history.js';
import { REVIEWER_HEADER, reviewerOf } from './reviewer.js';
import { mountRuleRoutes } from './rule-routes.js';
import { checkRef } from './service.js';
import type { ReviewService } from './service.js';
import { reviewError } from './errors.js';

const CHANGE_TYPES = new Set<ChangeType>(['added', 'removed', 'modified', 'renamed']);

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) throw reviewError('review.invalid-query', `${name} must be a whole number`);
  return Number(value);
}

function optionalInteger(value: string | undefined, name: string): number | undefined {
  return value === undefined || value === '' ? undefined : integer(value, name, 0);
}

async function body<T>(request: { json(): Promise<unknown> }): Promise<Partial<T>> {
  const value = await request.json();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw reviewError('review.bad-json', 'the request body must be a JSON object');
  }
  return value as Partial<T>;
}

/** The JSON API under /api/ (the guard in front has already checked token, host and origin). */
export function mountApi(api: Hono, service: ReviewService, corpus: string): void {
  api.get('/session', async (c) =>
    c.json({ ok: true, corpus, head: (await service.store.head())?.id ?? null, reviewer: service.reviewer }),
  );

  api.get('/queue', async (c) =>
    c.json(
      await service.queue({
        where: c.req.query('where'),
        q: c.req.query('q'),
        snapshot: c.req.query('snapshot'),
        offset: integer(c.req.query('offset'), 'offset', 0),
        limit: integer(c.req.query('limit'), 'limit', 200),
      }),
    ),
  );
  api.get('/queue/selection', async (c) =>
    c.json(
      await service.selection({ where: c.req.query('where'), q: c.req.query('q'), snapshot: c.req.query('snapshot') }),
    ),
  );
  api.get('/queue/commit', async (c) =>
    c.json(await service.commitPreview(integer(c.req.query('limit'), 'limit', 1000))),
  );
  api.get('/queue/counts', async (c) => c.json({ counts: await service.counts() }));
  api.get('/queue/item', async (c) => c.json(await service.detail(c.req.query('id') ?? '')));
  api.get('/queue/diff', async (c) => c.json(await service.stagedDiff(c.req.query('id'))));
  api.get('/queue/compare', async (c) => c.json(await service.compareFinding(c.req.query('id'), c.req.query('other'))));

  api.post('/decisions/bulk', async (c) => {
    const request = await body<BulkDecisionRequest>(c.req);
    const reviewer = reviewerOf(c.req.header(REVIEWER_HEADER)) ?? request.reviewer;
    return c.json(await service.decideWhere(request.action, { ...request, reviewer }));
  });
  api.post('/decisions', async (c) => {
    const request = await body<DecisionRequest>(c.req);
    const reviewer = reviewerOf(c.req.header(REVIEWER_HEADER)) ?? request.reviewer;
    return c.json(
      await service.decide(request.action as DecisionRequest['action'], request.ids, request.note, reviewer),
    );
  });
  api.get('/history', async (c) => c.json(await documentHistory(service.store, c.req.query('id'))));
  api.post('/restore', async (c) => {
    const request = await body<RestoreRequest>(c.req);
    return c.json(await service.restore(request.id, request.removal));
  });
  api.post('/restore/undo', async (c) => {
    const request = await body<RestoreRequest>(c.req);
    return c.json(await service.undoRestore(request.id));
  });
  api.post('/commit', async (c) => {
    const request = await body<CommitRequest>(c.req);
    const reviewer = reviewerOf(c.req.header(REVIEWER_HEADER)) ?? request.reviewer;
    return c.json(await service.commit(request.message, request.tag, request.snapshot, reviewer));
  });

  api.get('/versions', async (c) => c.json({ versions: await service.log() }));

  api.get('/diff', async (c) => {
    const old = checkRef(c.req.query('old'));
    const next = checkRef(c.req.query('new'));
    return c.json(await service.versionDiffs.summary(old, next));
  });
  api.get('/diff/documents', async (c) => {
    const old = checkRef(c.req.query('old'));
    const next = checkRef(c.req.query('new'));
    const types = (c.req.query('types') ?? '')
      .split(',')
      .filter((type) => type !== '')
      .map((type) => {
        if (!CHANGE_TYPES.has(type as ChangeType)) {
          throw reviewError('review.invalid-query', `unknown change type ${JSON.stringify(type)}`);
        }
        return type as ChangeType;
      });
    const site = c.req.query('site');
    const text = c.req.query('q');
    return c.json(
      await service.versionDiffs.page(old, next, {
        types,
        ...(site ? { site } : {}),
        ...(text ? { text } : {}),
        minSize: optionalInteger(c.req.query('minSize'), 'minSize'),
        maxSize: optionalInteger(c.req.query('maxSize'), 'maxSize'),
        offset: integer(c.req.query('offset'), 'offset', 0),
        limit: integer(c.req.query('limit'), 'limit', 200),
      }),
    );
  });
  api.get('/diff/document', async (c) =>
    c.json(
      await service.documentDiff(
        c.req.query('old') ?? '',
        c.req.query('new') ?? '',
        c.req.query('id'),
        c.req.query('from'),
      ),
    ),
  );

  mountRuleRoutes(api, service.store, service.reviewer);
}

import type { Hono } from 'hono';

import type { Store } from '@corpuskit/store';

import type { RuleDraft } from './api-types.js';
import { REVIEWER_HEADER, reviewerOf } from './reviewer.js';
import { RuleService } from './rules.js';
import { reviewError } from './errors.js';

async function body(request: { json(): Promise<unknown> }): Promise<Record<string, unknown>> {
  const value = await request.json();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw reviewError('review.bad-json', 'the request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * The rule routes under /api/rules: list, propose from a block, preview, save, re-clean a site.
 * A saved rule records the reviewer the app names (its reviewer header), else `defaultReviewer`.
 */
export function mountRuleRoutes(api: Hono, store: Store, defaultReviewer: string | null = null): void {
  const rules = new RuleService(store);
  api.get('/rules', async (c) => c.json(await rules.list()));
  api.post('/rules/propose', async (c) => {
    const request = await body(c.req);
    return c.json(await rules.propose(request.id, request.removal, request.block));
  });
  api.post('/rules/preview', async (c) => c.json(await rules.preview((await body(c.req)) as Partial<RuleDraft>)));
  api.get('/rules/preview/diff', (c) => c.json(rules.previewDiff(c.req.query('preview'), c.req.query('id'))));
  api.post('/rules', async (c) =>
    c.json(
      await rules.save(
        (await body(c.req)) as Partial<RuleDraft>,
        reviewerOf(c.req.header(REVIEWER_HEADER)) ?? defaultReviewer,
      ),
    ),
  );
  api.post('/rules/reclean', async (c) => c.json(await rules.reclean((await body(c.req)).site)));
}

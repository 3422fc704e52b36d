import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import type { CategoryRuleTable } from '../db/schema';
import type { AppEnv } from '../http/env';
import { notFound, validationFailed } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';
import type { ScopedDb } from '../tenancy/scoped-db';
import { applyRules } from './engine';

const ruleFields = {
  category_id: z.uuid().nullish(),
  metric: z.enum(['visits_count', 'total_sold', 'total_paid', 'days_since_first_visit', 'average_check']),
  operator: z.enum(['gte', 'lte']),
  threshold: z.number().int().min(0).max(1_000_000_000_000),
  discount: z.number().int().min(0).max(100).nullish(),
  active: z.boolean().optional(),
};
const createRuleBody = z
  .strictObject(ruleFields)
  .refine((r) => r.category_id || r.discount != null, { message: 'A rule assigns a category, a discount, or both.' });
const updateRuleBody = z.strictObject(ruleFields).partial();

function ruleView(row: Selectable<CategoryRuleTable>) {
  return {
    id: row.id,
    category_id: row.category_id,
    metric: row.metric,
    operator: row.operator,
    threshold: row.threshold,
    discount: row.discount,
    active: row.active,
  };
}

async function checkCategory(tenant: ScopedDb, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const found = await tenant.selectFrom('categories').select('id').where('id', '=', categoryId).executeTakeFirst();
  if (!found) throw validationFailed([{ field: 'category_id', message: 'Unknown category.' }]);
}

// A changed rule is applied to the whole base in the same transaction, so lists never show a stale state.
export const ruleRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('clients_read'), async (c) => {
    const rows = await c
      .get('tenant')
      .selectFrom('category_rules')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return c.json({ items: rows.map(ruleView), total: rows.length }, 200);
  })
  .post('/', requirePermission('categories_manage'), jsonBody(createRuleBody), async (c) => {
    const body = c.req.valid('json');
    const row = await c.get('tenant').transaction(async (tenant) => {
      await checkCategory(tenant, body.category_id);
      const created = await tenant.insertInto('category_rules', body).returningAll().executeTakeFirstOrThrow();
      await applyRules(tenant, c.get('now'));
      return created;
    });
    return c.json(ruleView(row), 201);
  })
  .patch('/:id', requirePermission('categories_manage'), idParam('Rule'), jsonBody(updateRuleBody), async (c) => {
    const body = c.req.valid('json');
    const row = await c.get('tenant').transaction(async (tenant) => {
      await checkCategory(tenant, body.category_id);
      const updated = await tenant
        .updateTable('category_rules')
        .set(body)
        .where('id', '=', c.req.valid('param').id)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw notFound('Rule');
      await applyRules(tenant, c.get('now'));
      return updated;
    });
    return c.json(ruleView(row), 200);
  })
  .delete('/:id', requirePermission('categories_manage'), idParam('Rule'), async (c) => {
    await c.get('tenant').transaction(async (tenant) => {
      const result = await tenant
        .deleteFrom('category_rules')
        .where('id', '=', c.req.valid('param').id)
        .executeTakeFirst();
      if (!result.numDeletedRows) throw notFound('Rule');
      await applyRules(tenant, c.get('now'));
    });
    return c.body(null, 204);
  });

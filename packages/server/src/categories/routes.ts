import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import type { CategoryTable } from '../db/schema';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';

export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb.');
const categoryBody = z.strictObject({ name: z.string().trim().min(1).max(60), color });

export function categoryView(row: Selectable<CategoryTable>) {
  return { id: row.id, name: row.name, color: row.color, system: row.system_key !== null };
}

export const categoryRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('clients_read'), async (c) => {
    const rows = await c.get('tenant').selectFrom('categories').selectAll().orderBy('name').orderBy('id').execute();
    return c.json({ items: rows.map(categoryView), total: rows.length }, 200);
  })
  .post('/', requirePermission('categories_manage'), jsonBody(categoryBody), async (c) => {
    const row = await c
      .get('tenant')
      .insertInto('categories', c.req.valid('json'))
      .returningAll()
      .executeTakeFirstOrThrow();
    return c.json(categoryView(row), 201);
  })
  .patch(
    '/:id',
    requirePermission('categories_manage'),
    idParam('Category'),
    jsonBody(categoryBody.partial()),
    async (c) => {
      const row = await c
        .get('tenant')
        .updateTable('categories')
        .set(c.req.valid('json'))
        .where('id', '=', c.req.valid('param').id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('Category');
      return c.json(categoryView(row), 200);
    },
  )
  .delete('/:id', requirePermission('categories_manage'), idParam('Category'), async (c) => {
    const tenant = c.get('tenant');
    const row = await tenant
      .selectFrom('categories')
      .select('system_key')
      .where('id', '=', c.req.valid('param').id)
      .executeTakeFirst();
    if (!row) throw notFound('Category');
    // Booking rules and automatic assignment rely on the system categories existing.
    if (row.system_key) throw new ApiError(409, 'system_category', 'System categories cannot be deleted.');
    await tenant.deleteFrom('categories').where('id', '=', c.req.valid('param').id).execute();
    return c.body(null, 204);
  });

// Saved segments: a named filter (and search text) staff reopen with one click.
import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientFilter } from '../clients/filter';
import { checkCustomFieldValues } from '../custom-fields/values';
import type { SegmentTable } from '../db/schema';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';

const segmentBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  query: z.string().trim().max(200).nullish(),
  filter: clientFilter,
});

function segmentView(row: Selectable<SegmentTable>) {
  return { id: row.id, name: row.name, query: row.query, filter: row.filter, created_at: row.created_at.toISOString() };
}

export const segmentRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('clients_read'), async (c) => {
    const rows = await c.get('tenant').selectFrom('segments').selectAll().orderBy('name').orderBy('id').execute();
    return c.json({ items: rows.map(segmentView), total: rows.length }, 200);
  })
  .post('/', requirePermission('segments_manage'), jsonBody(segmentBody), async (c) => {
    const body = c.req.valid('json');
    const tenant = c.get('tenant');
    await checkCustomFieldValues(tenant, body.filter.custom_fields ?? {}, 'filter.custom_fields');
    const principal = c.get('principal');
    const row = await tenant
      .insertInto('segments', {
        name: body.name,
        query: body.query ?? null,
        filter: JSON.stringify(body.filter),
        created_by: principal.kind === 'session' ? principal.user.id : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return c.json(segmentView(row), 201);
  })
  .delete('/:id', requirePermission('segments_manage'), idParam('Segment'), async (c) => {
    const result = await c
      .get('tenant')
      .deleteFrom('segments')
      .where('id', '=', c.req.valid('param').id)
      .executeTakeFirst();
    if (!result.numDeletedRows) throw notFound('Segment');
    return c.body(null, 204);
  });

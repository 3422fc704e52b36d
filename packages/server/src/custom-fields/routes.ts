// Definitions of the business's additional client fields; values live in clients.custom_fields.
import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import type { CustomFieldDefinitionTable } from '../db/schema';
import type { AppEnv } from '../http/env';
import { notFound, validationFailed } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';

const definitionBody = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'Lower-case letters, digits and _; starting with a letter.'),
    label: z.string().trim().min(1).max(80),
    type: z.enum(['text', 'number', 'date', 'select']),
    options: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .refine((d) => d.type !== 'select' || (d.options?.length ?? 0) > 0, {
    path: ['options'],
    message: 'A select field needs at least one option.',
  });

const updateBody = z.strictObject({
  label: z.string().trim().min(1).max(80).optional(),
  options: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

export function definitionView(row: Selectable<CustomFieldDefinitionTable>) {
  return { id: row.id, key: row.key, label: row.label, type: row.type, options: row.options, position: row.position };
}

export const customFieldRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('clients_read'), async (c) => {
    const rows = await c
      .get('tenant')
      .selectFrom('custom_field_definitions')
      .selectAll()
      .orderBy('position')
      .orderBy('label')
      .execute();
    return c.json({ items: rows.map(definitionView), total: rows.length }, 200);
  })
  .post('/', requirePermission('categories_manage'), jsonBody(definitionBody), async (c) => {
    const row = await c
      .get('tenant')
      .insertInto('custom_field_definitions', c.req.valid('json'))
      .returningAll()
      .executeTakeFirstOrThrow();
    return c.json(definitionView(row), 201);
  })
  .patch('/:id', requirePermission('categories_manage'), idParam('Custom field'), jsonBody(updateBody), async (c) => {
    const tenant = c.get('tenant');
    const id = c.req.valid('param').id;
    const current = await tenant
      .selectFrom('custom_field_definitions')
      .select('type')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound('Custom field');
    const change = c.req.valid('json');
    if (change.options && current.type !== 'select') {
      throw validationFailed([{ field: 'options', message: 'Only select fields have options.' }]);
    }
    const row = await tenant
      .updateTable('custom_field_definitions')
      .set(change)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return c.json(definitionView(row), 200);
  })
  .delete('/:id', requirePermission('categories_manage'), idParam('Custom field'), async (c) => {
    const result = await c
      .get('tenant')
      .deleteFrom('custom_field_definitions')
      .where('id', '=', c.req.valid('param').id)
      .executeTakeFirst();
    if (!result.numDeletedRows) throw notFound('Custom field');
    return c.body(null, 204);
  });

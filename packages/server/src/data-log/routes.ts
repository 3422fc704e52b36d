// GET /v1/data-log: who exported, imported, deleted or mass-messaged what and when, newest first.
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { paged, paging } from '../http/paging';
import { queryParams } from '../http/validate';

const instant = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((value) => new Date(value));

const logQuery = z.strictObject({
  ...paging,
  action: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'One or more actions, comma-separated.')
    .transform((value) => value.split(','))
    .optional(),
  user_id: z.uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export const dataLogRoutes = new Hono<AppEnv>().get(
  '/',
  requirePermission('data_log_read'),
  queryParams(logQuery),
  async (c) => {
    const { offset, limit, action, user_id, from, to } = c.req.valid('query');
    let query = c.get('tenant').selectFrom('data_log');
    if (action) query = query.where('action', 'in', action);
    if (user_id) query = query.where('user_id', '=', user_id);
    if (from) query = query.where('created_at', '>=', from);
    if (to) query = query.where('created_at', '<', to);
    const page = await paged(
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'),
      { offset, limit },
      (row) => ({
        id: row.id,
        user_id: row.user_id,
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        row_count: row.row_count,
        details: row.details,
        created_at: row.created_at.toISOString(),
      }),
    );
    return c.json(page, 200);
  },
);

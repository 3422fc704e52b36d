import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requirePermission, requireSecretKey } from '../auth/middleware';
import type { UserTable } from '../db/schema';
import type { AppEnv } from '../http/env';
import { notFound, validationFailed } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';
import type { ScopedDb } from '../tenancy/scoped-db';

const role = z.enum(['owner', 'admin', 'receptionist']);
const createUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role,
  location_ids: z.array(z.uuid()).max(100).optional(),
});
const updateUserBody = createUserBody.partial();

export function userView(user: Selectable<UserTable>) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, location_ids: user.location_ids };
}

/** Location ids in a body must be this business's; another business's look unknown. */
async function checkLocations(tenant: ScopedDb, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await tenant.selectFrom('locations').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size)
    throw validationFailed([{ field: 'location_ids', message: 'Unknown location.' }]);
}

export const userRoutes = new Hono<AppEnv>()
  .post('/', requireSecretKey, jsonBody(createUserBody), async (c) => {
    const body = c.req.valid('json');
    const tenant = c.get('tenant');
    await checkLocations(tenant, body.location_ids);
    const user = await tenant.insertInto('users', body).returningAll().executeTakeFirstOrThrow();
    return c.json(userView(user), 201);
  })
  .get('/', requirePermission('users_manage'), async (c) => {
    const users = await c.get('tenant').selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
    return c.json({ items: users.map(userView), total: users.length }, 200);
  })
  .get('/:id', requirePermission('users_manage'), idParam('User'), async (c) => {
    const user = await c
      .get('tenant')
      .selectFrom('users')
      .selectAll()
      .where('id', '=', c.req.valid('param').id)
      .executeTakeFirst();
    if (!user) throw notFound('User');
    return c.json(userView(user), 200);
  })
  .patch('/:id', requireSecretKey, idParam('User'), jsonBody(updateUserBody), async (c) => {
    const body = c.req.valid('json');
    const tenant = c.get('tenant');
    await checkLocations(tenant, body.location_ids);
    const user = await tenant
      .updateTable('users')
      .set(body)
      .where('id', '=', c.req.valid('param').id)
      .returningAll()
      .executeTakeFirst();
    if (!user) throw notFound('User');
    return c.json(userView(user), 200);
  })
  .delete('/:id', requireSecretKey, idParam('User'), async (c) => {
    const result = await c
      .get('tenant')
      .deleteFrom('users')
      .where('id', '=', c.req.valid('param').id)
      .executeTakeFirst();
    if (!result.numDeletedRows) throw notFound('User');
    return c.body(null, 204);
  });

// What the embedded components need to know about their session: who, which business, what is allowed.
import { Hono } from 'hono';
import { z } from 'zod';
import { PERMISSIONS } from '../auth/permissions';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { jsonBody, pathParams } from '../http/validate';

const preferenceKey = z.object({ key: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/) });
const MAX_PREFERENCE_BYTES = 16 * 1024;
const preferenceBody = z.strictObject({
  value: z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= MAX_PREFERENCE_BYTES, {
    message: `A JSON value of at most ${MAX_PREFERENCE_BYTES} bytes.`,
  }),
});

export const meRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const principal = c.get('principal');
    const tenant = c.get('tenant');
    const business = await tenant.db
      .selectFrom('businesses')
      .select(['id', 'name', 'country', 'currency', 'timezone', 'shared_client_base'])
      .where('id', '=', tenant.businessId)
      .executeTakeFirstOrThrow();
    const permissions = principal.kind === 'publishable' ? [] : PERMISSIONS.filter((p) => principal.permissions.has(p));
    return c.json(
      {
        user: principal.kind === 'session' ? principal.user : null,
        business,
        permissions,
        features: principal.kind === 'session' ? principal.features : {},
      },
      200,
    );
  })
  .get('/preferences/:key', pathParams(preferenceKey), async (c) => {
    const { key } = c.req.valid('param');
    const userId = sessionUser(c.get('principal'));
    const row = await c
      .get('tenant')
      .selectFrom('user_preferences')
      .select('value')
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return c.json({ key, value: row?.value ?? null }, 200);
  })
  .put('/preferences/:key', pathParams(preferenceKey), jsonBody(preferenceBody), async (c) => {
    const { key } = c.req.valid('param');
    const userId = sessionUser(c.get('principal'));
    const value = JSON.stringify(c.req.valid('json').value);
    await c
      .get('tenant')
      .insertInto('user_preferences', { user_id: userId, key, value })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ value, updated_at: new Date() }))
      .execute();
    return c.json({ key, value: c.req.valid('json').value }, 200);
  });

function sessionUser(principal: AppEnv['Variables']['principal']): string {
  if (principal.kind !== 'session') {
    throw new ApiError(403, 'forbidden', 'Preferences belong to a user: call this with a component session.');
  }
  return principal.user.id;
}

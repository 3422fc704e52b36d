// Component sessions, as Stripe's embedded components do it: the host's backend mints a short-lived
// secret with its secret key; the browser only ever holds that.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireSecretKey } from '../auth/middleware';
import { FEATURES } from '../auth/permissions';
import { hashToken, newToken } from '../auth/tokens';
import type { AppDeps, AppEnv } from '../http/env';
import { validationFailed } from '../http/errors';
import { jsonBody } from '../http/validate';

const featureKeys = Object.keys(FEATURES) as [keyof typeof FEATURES, ...(keyof typeof FEATURES)[]];

const createSessionBody = z.strictObject({
  user_id: z.uuid(),
  features: z.partialRecord(z.enum(featureKeys), z.boolean()).optional(),
  ttl_minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
});

export const sessionRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post('/', requireSecretKey, jsonBody(createSessionBody), async (c) => {
    const body = c.req.valid('json');
    const tenant = c.get('tenant');
    const user = await tenant.selectFrom('users').select('id').where('id', '=', body.user_id).executeTakeFirst();
    if (!user) throw validationFailed([{ field: 'user_id', message: 'Unknown user.' }]);
    const session = newToken('cs');
    const now = deps.now?.() ?? new Date();
    const expiresAt = new Date(now.getTime() + (body.ttl_minutes ?? deps.config.sessionTtlMinutes) * 60_000);
    await tenant
      .insertInto('component_sessions', {
        user_id: user.id,
        token_hash: hashToken(session),
        features: JSON.stringify(body.features ?? {}),
        expires_at: expiresAt,
      })
      .execute();
    return c.json({ session, expires_at: expiresAt.toISOString() }, 201);
  });

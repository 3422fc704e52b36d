import { Hono } from 'hono';
import { sql } from 'kysely';
import { requirePermission } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { jsonBody } from '../http/validate';
import { updateBusinessBody } from './schema';
import { businessView } from './service';

export const businessRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const business = await c
      .get('tenant')
      .db.selectFrom('businesses')
      .selectAll()
      .where('id', '=', c.get('tenant').businessId)
      .executeTakeFirstOrThrow();
    return c.json(businessView(business), 200);
  })
  .patch('/', requirePermission('business_manage'), jsonBody(updateBusinessBody), async (c) => {
    const { booking, ...change } = c.req.valid('json');
    const business = await c
      .get('tenant')
      .db.updateTable('businesses')
      .set({
        ...change,
        ...(booking && {
          settings: sql<string>`jsonb_set(settings, '{booking}', coalesce(settings->'booking', '{}') || ${JSON.stringify(booking)}::jsonb)`,
        }),
        ...(change.country && { country: change.country.toUpperCase() }),
        ...(change.currency && { currency: change.currency.toUpperCase() }),
      })
      .where('id', '=', c.get('tenant').businessId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return c.json(businessView(business), 200);
  });

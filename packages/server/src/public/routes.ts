// /v1/public/*: what a salon's website may read and do with its publishable key.
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

export const publicRoutes = new Hono<AppEnv>().get('/booking/config', async (c) => {
  const tenant = c.get('tenant');
  const [business, locations, services, staff] = await Promise.all([
    tenant.db
      .selectFrom('businesses')
      .select(['name', 'phone', 'currency'])
      .where('id', '=', tenant.businessId)
      .executeTakeFirstOrThrow(),
    tenant.selectFrom('locations').select(['id', 'name', 'timezone', 'address', 'phone']).orderBy('name').execute(),
    tenant
      .selectFrom('services')
      .select(['id', 'name', 'duration_minutes', 'price'])
      .where('active', '=', true)
      .where('online_booking', '=', true)
      .orderBy('name')
      .execute(),
    tenant
      .selectFrom('staff')
      .select(['id', 'name', 'location_ids', 'service_ids'])
      .where('active', '=', true)
      .orderBy('name')
      .execute(),
  ]);
  return c.json({ business, locations, services, staff }, 200);
});

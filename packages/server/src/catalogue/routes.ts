// Read side of the catalogue (branches, staff, services) for pickers; managing it comes with bookings.
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import type { AppEnv } from '../http/env';

export const locationRoutes = new Hono<AppEnv>().get('/', requirePermission('clients_read'), async (c) => {
  const items = await c
    .get('tenant')
    .selectFrom('locations')
    .select(['id', 'name', 'timezone', 'address', 'phone'])
    .orderBy('name')
    .execute();
  return c.json({ items, total: items.length }, 200);
});

export const staffRoutes = new Hono<AppEnv>().get('/', requirePermission('clients_read'), async (c) => {
  const items = await c
    .get('tenant')
    .selectFrom('staff')
    .select(['id', 'name', 'position', 'location_ids', 'service_ids', 'working_hours', 'active'])
    .orderBy('name')
    .execute();
  return c.json({ items, total: items.length }, 200);
});

export const serviceRoutes = new Hono<AppEnv>().get('/', requirePermission('clients_read'), async (c) => {
  const items = await c
    .get('tenant')
    .selectFrom('services')
    .select(['id', 'name', 'duration_minutes', 'price', 'buffer_minutes', 'online_booking', 'active'])
    .orderBy('name')
    .execute();
  return c.json({ items, total: items.length }, 200);
});

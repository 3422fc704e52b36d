// /v1/public/*: what a salon's website may read and do with its publishable key.
import { Hono } from 'hono';
import { loadAvailability, loadFreeDays } from '../booking/availability';
import { daysQuery, slotsQuery } from '../booking/query';
import type { AppEnv } from '../http/env';
import { idempotencyKey, idempotent } from '../http/idempotency';
import { jsonBody, queryParams } from '../http/validate';
import { bookingBody, bookOnline } from './booking';

export const publicRoutes = new Hono<AppEnv>()
  .get('/booking/config', async (c) => {
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
  })
  // Only free times and who is free: nothing about who booked the rest.
  .get('/booking/slots', queryParams(slotsQuery), async (c) => {
    const q = c.req.valid('query');
    const { slots } = await loadAvailability(
      c.get('tenant'),
      { locationId: q.location_id, serviceIds: q.service_ids, staffId: q.staff_id, date: q.date },
      c.get('now'),
    );
    return c.json({ slots: slots.map((s) => ({ starts_at: s.starts_at.toISOString(), staff_id: s.staff_id })) }, 200);
  })
  // Which dates have any free time, so a date strip needs one request, not one per day.
  .get('/booking/days', queryParams(daysQuery), async (c) => {
    const q = c.req.valid('query');
    const query = {
      locationId: q.location_id,
      serviceIds: q.service_ids,
      staffId: q.staff_id,
      from: q.from,
      days: q.days,
    };
    return c.json({ days: await loadFreeDays(c.get('tenant'), query, c.get('now')) }, 200);
  })
  .post('/booking/appointments', jsonBody(bookingBody), async (c) => {
    const request = c.req.valid('json');
    const answer = await idempotent(c.get('tenant'), idempotencyKey(c), request, async (tx) => ({
      status: 201 as const,
      body: await bookOnline(tx, request, c.get('now')),
    }));
    if (answer.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer.body, answer.status);
  });

// Services: what can be booked, how long it takes and what it costs (minor units).
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ServiceTable } from '../db/schema';
import { notFound } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { name, patchOf } from './fields';
import { dropServiceFromStaff } from './staff';

export const serviceBody = z.strictObject({
  name,
  duration_minutes: z.number().int().min(5).max(720).multipleOf(5, 'A multiple of 5 minutes.'),
  price: z.number().int().min(0),
  /** Time blocked after the service (cleaning, setting up), not shown to the client. */
  buffer_minutes: z.number().int().min(0).max(240).optional(),
  online_booking: z.boolean().optional(),
  active: z.boolean().optional(),
});
export const servicePatch = patchOf(serviceBody);

export function serviceView(row: Selectable<ServiceTable>) {
  return {
    id: row.id,
    name: row.name,
    duration_minutes: row.duration_minutes,
    price: row.price,
    buffer_minutes: row.buffer_minutes,
    online_booking: row.online_booking,
    active: row.active,
  };
}

export async function listServices(tenant: ScopedDb) {
  const rows = await tenant.selectFrom('services').selectAll().orderBy('name').orderBy('id').execute();
  return { items: rows.map(serviceView), total: rows.length };
}

export async function getService(tenant: ScopedDb, id: string) {
  const row = await tenant.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Service');
  return serviceView(row);
}

export async function createService(tenant: ScopedDb, input: z.output<typeof serviceBody>) {
  return serviceView(await tenant.insertInto('services', input).returningAll().executeTakeFirstOrThrow());
}

export async function updateService(tenant: ScopedDb, id: string, input: z.output<typeof servicePatch>) {
  const row = await tenant.updateTable('services').set(input).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('Service');
  return serviceView(row);
}

/**
 * Takes a service out of the catalogue and off every staff member. One that appointments name is
 * archived (returned, active: false) so their history keeps it; one never booked is removed (null).
 */
export async function deleteService(tenant: ScopedDb, id: string) {
  return tenant.transaction(async (trx) => {
    // Locked first: a booking of this service waits, so none slips in after the check.
    const row = await trx.selectFrom('services').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Service');
    await dropServiceFromStaff(trx, id);
    const booked = await trx
      .selectFrom('appointment_items')
      .select('id')
      .where('service_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (!booked) {
      await trx.deleteFrom('services').where('id', '=', id).execute();
      return null;
    }
    const archived = await trx
      .updateTable('services')
      .set({ active: false })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return serviceView(archived);
  });
}

// Staff: who works where, which services they give, and their week.
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { StaffTable } from '../db/schema';
import { type FieldError, notFound, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { ids, name, optionalText, patchOf } from './fields';
import { holdsId } from './sql';
import { hoursOutsideLocations, orderedHours, workingHours } from './working-hours';

export const staffBody = z.strictObject({
  name,
  position: optionalText(200),
  location_ids: ids.optional(),
  service_ids: ids.optional(),
  working_hours: workingHours.optional(),
  active: z.boolean().optional(),
});
export const staffPatch = patchOf(staffBody);
type StaffPatch = z.output<typeof staffPatch>;

export function staffView(row: Selectable<StaffTable>) {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    location_ids: row.location_ids,
    service_ids: row.service_ids,
    working_hours: orderedHours(row.working_hours),
    active: row.active,
  };
}

/** Ids that are not this business's (another business's look unknown too). */
async function unknownIds(
  tenant: ScopedDb,
  table: 'locations' | 'services',
  field: string,
  wanted: string[],
): Promise<FieldError[]> {
  if (!wanted.length) return [];
  // Key-share locks: a delete of one of these waits for this save, and a save after a delete finds it gone.
  const found = await tenant.selectFrom(table).select('id').where('id', 'in', wanted).forKeyShare().execute();
  const known = new Set(found.map((row) => row.id));
  return wanted.filter((id) => !known.has(id)).map((id) => ({ field, message: `Unknown id ${id}.` }));
}

/** Checks what a body sets against the stored rest (a PATCH may send hours and branches separately). */
async function checkReferences(tenant: ScopedDb, change: StaffPatch, current?: Selectable<StaffTable>) {
  const locationIds = change.location_ids ?? current?.location_ids ?? [];
  const hours = change.working_hours ?? current?.working_hours ?? [];
  const errors = [
    ...(change.location_ids || change.working_hours ? hoursOutsideLocations(hours, locationIds) : []),
    ...(await unknownIds(tenant, 'locations', 'location_ids', change.location_ids ?? [])),
    ...(await unknownIds(tenant, 'services', 'service_ids', change.service_ids ?? [])),
  ];
  if (errors.length) throw validationFailed(errors);
}

function toColumns<T extends StaffPatch>({ working_hours, ...rest }: T) {
  return { ...rest, ...(working_hours && { working_hours: JSON.stringify(orderedHours(working_hours)) }) };
}

export async function listStaff(tenant: ScopedDb) {
  const rows = await tenant.selectFrom('staff').selectAll().orderBy('name').orderBy('id').execute();
  return { items: rows.map(staffView), total: rows.length };
}

export async function getStaff(tenant: ScopedDb, id: string) {
  const row = await tenant.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Staff member');
  return staffView(row);
}

export async function createStaff(tenant: ScopedDb, input: z.output<typeof staffBody>) {
  return tenant.transaction(async (trx) => {
    await checkReferences(trx, input);
    const row = await trx.insertInto('staff', toColumns(input)).returningAll().executeTakeFirstOrThrow();
    return staffView(row);
  });
}

export async function updateStaff(tenant: ScopedDb, id: string, change: StaffPatch) {
  return tenant.transaction(async (trx) => {
    // No-key lock: concurrent edits queue, bookings naming this person do not.
    const current = await trx.selectFrom('staff').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
    if (!current) throw notFound('Staff member');
    await checkReferences(trx, change, current);
    const row = await trx
      .updateTable('staff')
      .set(toColumns(change))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return staffView(row);
  });
}

/**
 * Removes a staff member nobody was ever booked with (their time off goes too); one in appointment
 * history is archived instead and returned, so the history keeps its person.
 */
export async function deleteStaff(tenant: ScopedDb, id: string) {
  return tenant.transaction(async (trx) => {
    // Locked first: a booking with this person waits, so none slips in after the check.
    const row = await trx.selectFrom('staff').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Staff member');
    // An item can name another person than its appointment (two stylists on one visit).
    const booked =
      (await trx.selectFrom('appointments').select('id').where('staff_id', '=', id).limit(1).executeTakeFirst()) ??
      (await trx.selectFrom('appointment_items').select('id').where('staff_id', '=', id).limit(1).executeTakeFirst());
    if (!booked) {
      await trx.deleteFrom('staff').where('id', '=', id).execute();
      return null;
    }
    const archived = await trx
      .updateTable('staff')
      .set({ active: false })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return staffView(archived);
  });
}

/** A removed service is no longer offered by anyone. */
export async function dropServiceFromStaff(tenant: ScopedDb, serviceId: string) {
  await tenant
    .updateTable('staff')
    .set({ service_ids: sql<string[]>`array_remove(service_ids, ${serviceId}::uuid)` })
    .where(holdsId('service_ids', serviceId))
    .execute();
}

/** A removed branch leaves archived staff's lists and hours (active staff keep a branch from removal). */
export async function dropLocationFromArchivedStaff(tenant: ScopedDb, locationId: string) {
  await tenant
    .updateTable('staff')
    .set({
      location_ids: sql<string[]>`array_remove(location_ids, ${locationId}::uuid)`,
      working_hours: sql<string>`coalesce((select jsonb_agg(day) from jsonb_array_elements(working_hours) day
        where day->>'location_id' <> ${locationId}), '[]'::jsonb)`,
    })
    .where('active', '=', false)
    .where(holdsId('location_ids', locationId))
    .execute();
}

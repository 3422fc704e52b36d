// Branches: where staff work and appointments happen, each in its own time zone.
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { timezone } from '../business/schema';
import type { LocationTable } from '../db/schema';
import { conflict, notFound, validationFailed } from '../http/errors';
import { normalizePhone } from '../phones/normalize';
import type { ScopedDb } from '../tenancy/scoped-db';
import { name, optionalText, patchOf } from './fields';
import { holdsId } from './sql';
import { dropLocationFromArchivedStaff } from './staff';

export const locationBody = z.strictObject({ name, timezone, address: optionalText(500), phone: optionalText(40) });
export const locationPatch = patchOf(locationBody);

export function locationView(row: Selectable<LocationTable>) {
  return { id: row.id, name: row.name, timezone: row.timezone, address: row.address, phone: row.phone };
}

function withE164<T extends { phone?: string | null }>(tenant: ScopedDb, input: T): T {
  if (!input.phone) return input;
  const phone = normalizePhone(input.phone, tenant.business.country);
  if (!phone)
    throw validationFailed([
      { field: 'phone', message: `Not a possible phone number for ${tenant.business.country}.` },
    ]);
  return { ...input, phone };
}

export async function listLocations(tenant: ScopedDb) {
  const rows = await tenant.selectFrom('locations').selectAll().orderBy('name').orderBy('id').execute();
  return { items: rows.map(locationView), total: rows.length };
}

export async function getLocation(tenant: ScopedDb, id: string) {
  const row = await tenant.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Location');
  return locationView(row);
}

export async function createLocation(tenant: ScopedDb, input: z.output<typeof locationBody>) {
  const row = await tenant.insertInto('locations', withE164(tenant, input)).returningAll().executeTakeFirstOrThrow();
  return locationView(row);
}

export async function updateLocation(tenant: ScopedDb, id: string, input: z.output<typeof locationPatch>) {
  const row = await tenant
    .updateTable('locations')
    .set(withE164(tenant, input))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Location');
  return locationView(row);
}

/** What still points at a branch. Users count: dropping their only branch would widen what they see. */
async function referencesTo(tenant: ScopedDb, id: string): Promise<string[]> {
  const first = (query: { limit(n: number): { executeTakeFirst(): Promise<unknown> } }) =>
    query.limit(1).executeTakeFirst();
  const checks: Record<string, () => Promise<unknown>> = {
    appointments: () => first(tenant.selectFrom('appointments').select('id').where('location_id', '=', id)),
    // clients.location_ids includes the branch a client was created at.
    clients: () => first(tenant.selectFrom('clients').select('id').where(holdsId('location_ids', id))),
    staff: () =>
      first(tenant.selectFrom('staff').select('id').where('active', '=', true).where(holdsId('location_ids', id))),
    users: () => first(tenant.selectFrom('users').select('id').where(holdsId('location_ids', id))),
  };
  const found: string[] = [];
  for (const [kind, exists] of Object.entries(checks)) if (await exists()) found.push(kind);
  return found;
}

/** Deletes a branch nothing refers to; archived staff lose it from their lists and hours. */
export async function deleteLocation(tenant: ScopedDb, id: string) {
  await tenant.transaction(async (trx) => {
    // Locked first: a booking or a staff save naming this branch waits, so none slips in after the check.
    const row = await trx.selectFrom('locations').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Location');
    const referencedBy = await referencesTo(trx, id);
    if (referencedBy.length) {
      throw conflict('location_in_use', `The location is still used by ${referencedBy.join(', ')}.`, {
        referenced_by: referencedBy,
      });
    }
    await dropLocationFromArchivedStaff(trx, id);
    await trx.deleteFrom('locations').where('id', '=', id).execute();
  });
}

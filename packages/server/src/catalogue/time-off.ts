// A staff member's days off (holidays, sick leave): instants, so they hold across branches' time zones.

import { validator } from 'hono/validator';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { StaffTimeOffTable } from '../db/schema';
import { notFound } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { optionalText } from './fields';

const instant = z.iso.datetime({ offset: true, message: 'An ISO 8601 time with offset, e.g. 2030-01-31T09:00:00Z.' });

export const timeOffBody = z
  .strictObject({ starts_at: instant, ends_at: instant, reason: optionalText(500) })
  // Written as "not ≤" so an unparsable time (already reported above) adds no second complaint.
  .refine((value) => !(Date.parse(value.ends_at) <= Date.parse(value.starts_at)), {
    path: ['ends_at'],
    message: 'Must be after starts_at.',
  });

/** `/:id/time-off/:timeOffId`: ids that cannot be ours answer 404, like any unknown id. */
export const timeOffParams = validator('param', (value: Record<string, string>) => {
  const parsed = z.object({ id: z.uuid(), timeOffId: z.uuid() }).safeParse(value);
  if (!parsed.success) throw notFound('Time off');
  return { staffId: parsed.data.id.toLowerCase(), timeOffId: parsed.data.timeOffId.toLowerCase() };
});

export function timeOffView(row: Selectable<StaffTimeOffTable>) {
  return {
    id: row.id,
    staff_id: row.staff_id,
    starts_at: row.starts_at.toISOString(),
    ends_at: row.ends_at.toISOString(),
    reason: row.reason,
  };
}

async function assertStaff(tenant: ScopedDb, staffId: string) {
  const staff = await tenant.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst();
  if (!staff) throw notFound('Staff member');
}

export async function listTimeOff(tenant: ScopedDb, staffId: string) {
  await assertStaff(tenant, staffId);
  const rows = await tenant
    .selectFrom('staff_time_off')
    .selectAll()
    .where('staff_id', '=', staffId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return { items: rows.map(timeOffView), total: rows.length };
}

export async function addTimeOff(tenant: ScopedDb, staffId: string, input: z.output<typeof timeOffBody>) {
  await assertStaff(tenant, staffId);
  const row = await tenant
    .insertInto('staff_time_off', { staff_id: staffId, ...input })
    .returningAll()
    .executeTakeFirstOrThrow();
  return timeOffView(row);
}

export async function removeTimeOff(tenant: ScopedDb, staffId: string, timeOffId: string) {
  await assertStaff(tenant, staffId);
  const result = await tenant
    .deleteFrom('staff_time_off')
    .where('id', '=', timeOffId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound('Time off');
}

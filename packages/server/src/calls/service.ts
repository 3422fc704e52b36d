// Calls reported by the telephony webhook: one row per provider call id, matched to a client by phone.
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { CallTable } from '../db/schema';
import { type Paging, paged } from '../http/paging';
import { normalizePhone } from '../phones/normalize';
import type { ScopedDb } from '../tenancy/scoped-db';

export const callEvent = z.strictObject({
  external_id: z.string().trim().min(1).max(200),
  direction: z.enum(['inbound', 'outbound']),
  // Not necessarily a possible number: withheld numbers arrive as "anonymous" and are kept as sent.
  phone: z.string().trim().min(1).max(40),
  // Providers differ (answered, missed, busy, voicemail…): any snake_case word, shown as is.
  status: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'A lower-case word such as answered, missed or busy.'),
  started_at: z.iso.datetime({ offset: true }),
  duration_seconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600),
  // Shown as a link on the card, so only web addresses (no javascript: URLs).
  recording_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
});

export type CallEvent = z.output<typeof callEvent>;
type CallRow = Selectable<CallTable>;

export function callView(row: CallRow) {
  return {
    id: row.id,
    client_id: row.client_id,
    external_id: row.external_id,
    direction: row.direction,
    phone: row.phone,
    status: row.status,
    started_at: row.started_at.toISOString(),
    duration_seconds: row.duration_seconds,
    recording_url: row.recording_url,
    created_at: row.created_at.toISOString(),
  };
}

async function clientWithPhone(tenant: ScopedDb, phone: string | null): Promise<string | null> {
  if (!phone) return null;
  const row = await tenant
    .selectFrom('clients')
    .select('id')
    .where((eb) => eb.or([eb('phone', '=', phone), eb('additional_phone', '=', phone)]))
    // A client's main number wins over someone else's additional one.
    .orderBy(sql`phone = ${phone}`, 'desc')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Stores the call, or updates it when the provider reports the same call again. */
export async function upsertCall(tenant: ScopedDb, event: CallEvent) {
  const e164 = normalizePhone(event.phone, tenant.business.country);
  const columns = {
    direction: event.direction,
    phone: e164 ?? event.phone,
    status: event.status,
    started_at: event.started_at,
    duration_seconds: event.duration_seconds,
    recording_url: event.recording_url ?? null,
    client_id: await clientWithPhone(tenant, e164),
  };
  const row = await tenant
    .insertInto('calls', { external_id: event.external_id, ...columns })
    .onConflict((oc) => oc.columns(['business_id', 'external_id']).doUpdateSet(columns))
    .returningAll()
    // xmax is 0 only for a row this statement inserted.
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirstOrThrow();
  const { inserted, ...call } = row;
  return { call: callView(call), created: inserted };
}

export function listClientCalls(tenant: ScopedDb, clientId: string, paging: Paging) {
  const query = tenant
    .selectFrom('calls')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc');
  return paged(query, paging, callView);
}

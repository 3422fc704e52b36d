// The aggregates kept on each client row recomputed from the facts: visits and spend from appointments
// and payments, the balance from the account ledger, the branches/staff/services of visits, the end of
// the membership from the cards. Whatever changes those facts calls refreshAggregates for the clients
// it touched, inside its own transaction, so lists and filters read exact figures without history joins.
import { type RawBuilder, sql } from 'kysely';
import { applyRules } from '../rules/engine';
import type { ScopedDb } from '../tenancy/scoped-db';

/** Only arrived appointments are visits; cancelled and no-show ones count for nothing here. */
const ARRIVED = sql`a.status = 'arrived'`;

/** `update clients c set <assignments>` for `clientIds` of the tenant; the assignments read `c`. */
async function updateClients(tenant: ScopedDb, clientIds: readonly string[], assignments: RawBuilder<unknown>) {
  if (!clientIds.length) return;
  await sql`update clients c set ${assignments}
    where c.business_id = ${tenant.businessId} and c.id = any(${[...clientIds]}::uuid[])`.execute(tenant.db);
}

/** Visits, first and last visit, sold, paid and account balance. */
export function refreshTotals(tenant: ScopedDb, clientIds: readonly string[], now: Date) {
  const arrived = (select: RawBuilder<unknown>) =>
    sql`(select ${select} from appointments a where a.client_id = c.id and ${ARRIVED})`;
  return updateClients(
    tenant,
    clientIds,
    sql`visits_count = ${arrived(sql`count(*)`)},
      first_visit_at = ${arrived(sql`min(a.starts_at)`)},
      last_visit_at = ${arrived(sql`max(a.starts_at)`)},
      total_sold = ${arrived(sql`coalesce(sum(a.total), 0)`)},
      total_paid = (select coalesce(sum(p.amount), 0) from payments p where p.client_id = c.id),
      balance = (select coalesce(sum(case t.kind when 'charge' then -t.amount else t.amount end), 0)
                 from account_transactions t where t.client_id = c.id),
      updated_at = ${now}`,
  );
}

/** The kept sets: branches (created at, or visited), staff and services of arrived visits. */
export function refreshPlaceSets(tenant: ScopedDb, clientIds: readonly string[]) {
  return updateClients(
    tenant,
    clientIds,
    sql`location_ids = array(
        select c.created_location_id where c.created_location_id is not null
        union select a.location_id from appointments a where a.client_id = c.id and ${ARRIVED}
        order by 1),
      staff_ids = array(
        select distinct a.staff_id from appointments a where a.client_id = c.id and ${ARRIVED} order by 1),
      service_ids = array(
        select distinct i.service_id from appointments a join appointment_items i on i.appointment_id = a.id
        where a.client_id = c.id and ${ARRIVED} and i.service_id is not null order by 1)`,
  );
}

/** When the last of the client's live memberships ends. */
export function refreshMembership(tenant: ScopedDb, clientIds: readonly string[]) {
  return updateClients(
    tenant,
    clientIds,
    sql`membership_expires_at = (select max(l.expires_at) from loyalty_cards l
      where l.client_id = c.id and l.kind = 'membership' and l.deleted_at is null)`,
  );
}

/** Every kept aggregate of `clientIds`, then the automatic rules over them. */
export async function refreshAggregates(tenant: ScopedDb, clientIds: readonly string[], now: Date): Promise<void> {
  if (!clientIds.length) return;
  await refreshTotals(tenant, clientIds, now);
  await refreshPlaceSets(tenant, clientIds);
  await refreshMembership(tenant, clientIds);
  await applyRules(tenant, now, [...clientIds]);
}

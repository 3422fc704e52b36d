// Frozen. More of a client's history kept on its row, so segment filters are one indexed condition on
// the row instead of a probe into millions of appointments or cards per client (which made "visited
// branch 2" and "received a balayage" totals take ~0.6 s and "membership expires this month" pages
// ~80 ms at 1M clients): the sets of branches, staff and services, and when the membership ends.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clients
    add column location_ids uuid[] not null default '{}',
    add column staff_ids uuid[] not null default '{}',
    add column service_ids uuid[] not null default '{}',
    add column membership_expires_at timestamptz`.execute(db);
  await sql`comment on column clients.location_ids is
    'Branches the client belongs to: where created, and every location of an arrived visit'`.execute(db);
  await sql`comment on column clients.staff_ids is 'Staff of arrived visits'`.execute(db);
  await sql`comment on column clients.service_ids is 'Services received in arrived visits'`.execute(db);
  await sql`comment on column clients.membership_expires_at is
    'When the last of the client''s memberships (not deleted) ends'`.execute(db);

  // Backfill set-based (one pass per fact table), not one subquery per client.
  await sql`update clients c set location_ids = array[c.created_location_id] where c.created_location_id is not null`.execute(
    db,
  );
  await sql`update clients c set
      location_ids = array(select distinct l from unnest(c.location_ids || v.locations) l order by 1),
      staff_ids = v.staff
    from (
      select client_id, array_agg(distinct location_id) as locations,
        array_agg(distinct staff_id order by staff_id) as staff
      from appointments where status = 'arrived' group by client_id
    ) v
    where c.id = v.client_id`.execute(db);
  await sql`update clients c set service_ids = v.services
    from (
      select a.client_id, array_agg(distinct i.service_id order by i.service_id) as services
      from appointments a join appointment_items i on i.appointment_id = a.id
      where a.status = 'arrived' and i.service_id is not null group by a.client_id
    ) v
    where c.id = v.client_id`.execute(db);
  await sql`update clients c set membership_expires_at = v.ends
    from (
      select client_id, max(expires_at) as ends from loyalty_cards
      where kind = 'membership' and deleted_at is null group by client_id
    ) v
    where c.id = v.client_id`.execute(db);

  for (const column of ['location_ids', 'staff_ids', 'service_ids'])
    await sql`create index ${sql.raw(`clients_${column}`)} on clients using gin (${sql.ref(column)})`.execute(db);
  await sql`create index clients_membership_expires on clients (business_id, membership_expires_at)
    where membership_expires_at is not null`.execute(db);
  // Rare values a segment picks out: a page of them is collected through these, not found by walking.
  await sql`create index clients_online_booking_disabled on clients (business_id) where online_booking_disabled`.execute(
    db,
  );
  await sql`create index clients_importance on clients (business_id, importance) where importance > 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clients drop column location_ids, drop column staff_ids, drop column service_ids,
    drop column membership_expires_at`.execute(db);
}

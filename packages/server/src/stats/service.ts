// A client's figures over a period, for the card's stats section. Four aggregate queries, whatever
// the length of the history: the database sums, the server only fills in the months without visits.
import { sql } from 'kysely';
import type { ClientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type StatsRange, statsRange } from './range';
import type { StatsQuery } from './schema';

const FAVOURITES = 5;
const ARRIVED = sql`appointments.status = 'arrived'`;
/** Most often first; equal counts by the money, then by name so the order is stable. */
const FAVOURITE_ORDER = sql`"count" desc, "amount" desc, "name", "id"`;

/** The client's appointments starting within the range, in any status. */
function appointmentsIn(tenant: ScopedDb, clientId: string, range: StatsRange) {
  return tenant
    .selectFrom('appointments')
    .where('appointments.client_id', '=', clientId)
    .where('appointments.starts_at', '>=', range.start)
    .where('appointments.starts_at', '<', range.end);
}

function visitsIn(tenant: ScopedDb, clientId: string, range: StatsRange) {
  return appointmentsIn(tenant, clientId, range).where('appointments.status', '=', 'arrived');
}

function byMonth(tenant: ScopedDb, clientId: string, range: StatsRange) {
  // Months of the business's calendar: a visit at 00:30 on the 1st local time belongs to that month.
  const month = sql<string>`to_char(appointments.starts_at at time zone ${tenant.business.timezone}, 'YYYY-MM')`;
  return visitsIn(tenant, clientId, range)
    .select([
      month.as('month'),
      sql<number>`count(*)`.as('visits'),
      sql<number>`sum(appointments.total)`.as('sold'),
      sql<number>`sum(appointments.paid)`.as('paid'),
    ])
    .groupBy(sql`1`)
    .execute();
}

function summary(tenant: ScopedDb, clientId: string, range: StatsRange) {
  return appointmentsIn(tenant, clientId, range)
    .select([
      sql<number>`count(*) filter (where ${ARRIVED})`.as('visits'),
      sql<number>`coalesce(sum(appointments.total) filter (where ${ARRIVED}), 0)`.as('sold'),
      sql<number>`coalesce(sum(appointments.paid) filter (where ${ARRIVED}), 0)`.as('paid'),
      // Average days from one visit to the next: the span from first to last over the gaps between them.
      sql<number | null>`round((extract(epoch from max(appointments.starts_at) filter (where ${ARRIVED})
          - min(appointments.starts_at) filter (where ${ARRIVED})) / 86400
          / nullif(count(*) filter (where ${ARRIVED}) - 1, 0))::numeric, 1)`.as('visit_frequency_days'),
      sql<number>`count(*) filter (where appointments.status = 'no_show')`.as('no_shows'),
      sql<number>`count(*) filter (where appointments.status = 'cancelled')`.as('cancellations'),
    ])
    .executeTakeFirstOrThrow();
}

function favouriteServices(tenant: ScopedDb, clientId: string, range: StatsRange) {
  return visitsIn(tenant, clientId, range)
    .innerJoin('appointment_items', 'appointment_items.appointment_id', 'appointments.id')
    .innerJoin('services', 'services.id', 'appointment_items.service_id')
    .select([
      'services.id',
      'services.name',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(appointment_items.amount)`.as('amount'),
    ])
    .groupBy(['services.id', 'services.name'])
    .orderBy(FAVOURITE_ORDER)
    .limit(FAVOURITES)
    .execute();
}

function favouriteStaff(tenant: ScopedDb, clientId: string, range: StatsRange) {
  return visitsIn(tenant, clientId, range)
    .innerJoin('staff', 'staff.id', 'appointments.staff_id')
    .select([
      'staff.id',
      'staff.name',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(appointments.total)`.as('amount'),
    ])
    .groupBy(['staff.id', 'staff.name'])
    .orderBy(FAVOURITE_ORDER)
    .limit(FAVOURITES)
    .execute();
}

export async function clientStats(access: ClientAccess, clientId: string, query: StatsQuery) {
  const { tenant } = access;
  const range = statsRange(query, tenant.business.timezone, access.now);
  await assertVisibleClient(access, clientId);
  const [months, totals, services, staff] = await Promise.all([
    byMonth(tenant, clientId, range),
    summary(tenant, clientId, range),
    favouriteServices(tenant, clientId, range),
    favouriteStaff(tenant, clientId, range),
  ]);
  const monthly = new Map(months.map((row) => [row.month, row]));
  const { visits, sold, paid, visit_frequency_days, no_shows, cancellations } = totals;
  return {
    from: range.from,
    to: range.to,
    revenue_by_month: range.months.map((month) => {
      const row = monthly.get(month);
      return { month, visits: row?.visits ?? 0, sold: row?.sold ?? 0, paid: row?.paid ?? 0 };
    }),
    totals: { visits, sold, paid },
    // Rounded down, as the client's own average_check is.
    average_check: visits ? Math.floor(sold / visits) : null,
    favourite_services: services,
    favourite_staff: staff,
    visit_frequency_days,
    no_shows,
    cancellations,
  };
}

// A client's visit history for the card: every appointment with who, where, what was sold and how it was
// paid. After the visibility check a page costs four queries (page, totals, lines, payments), whatever its size.
import { sql } from 'kysely';
import type { ClientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import type { ScopedDb } from '../tenancy/scoped-db';
import type { VisitsQuery, VisitType } from './schema';
import { type LineRow, type PaymentRow, type VisitRow, visitView } from './view';

const ARRIVED = sql`appointments.status = 'arrived'`;

/** The client's appointments of a type. Money is owed only once the client came, hence `arrived`. */
function appointmentsOf(tenant: ScopedDb, clientId: string, type: VisitType) {
  const all = tenant.selectFrom('appointments').where('appointments.client_id', '=', clientId);
  if (type === 'all') return all;
  const arrived = all.where('appointments.status', '=', 'arrived');
  return type === 'unpaid'
    ? arrived.where('appointments.paid', '=', 0).where('appointments.total', '>', 0)
    : arrived.where((eb) => eb('appointments.paid', '<', eb.ref('appointments.total')));
}

function pageOf(tenant: ScopedDb, clientId: string, query: VisitsQuery): Promise<VisitRow[]> {
  return appointmentsOf(tenant, clientId, query.type)
    .innerJoin('locations', 'locations.id', 'appointments.location_id')
    .innerJoin('staff', 'staff.id', 'appointments.staff_id')
    .select([
      'appointments.id',
      'appointments.status',
      'appointments.starts_at',
      'appointments.ends_at',
      'appointments.source',
      'appointments.comment',
      'appointments.total',
      'appointments.paid',
      'appointments.location_id',
      'locations.name as location_name',
      'appointments.staff_id',
      'staff.name as staff_name',
    ])
    .orderBy('appointments.starts_at', 'desc')
    .orderBy('appointments.id', 'desc')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
}

/** The count and the money of every appointment of the type, not only the page's. */
function totalsOf(tenant: ScopedDb, clientId: string, type: VisitType) {
  return appointmentsOf(tenant, clientId, type)
    .select([
      sql<number>`count(*)`.as('count'),
      sql<number>`count(*) filter (where ${ARRIVED})`.as('visits'),
      sql<number>`coalesce(sum(appointments.total) filter (where ${ARRIVED}), 0)`.as('sold'),
      sql<number>`coalesce(sum(appointments.paid), 0)`.as('paid'),
      sql<number>`coalesce(sum(appointments.total - appointments.paid) filter (where ${ARRIVED}), 0)`.as('due'),
    ])
    .executeTakeFirstOrThrow();
}

function linesOf(tenant: ScopedDb, appointmentIds: string[]): Promise<LineRow[]> {
  if (!appointmentIds.length) return Promise.resolve([]);
  // Lines keep no position; by name, as the appointment routes order them.
  return tenant
    .selectFrom('appointment_items')
    .leftJoin('staff', 'staff.id', 'appointment_items.staff_id')
    .select([
      'appointment_items.id',
      'appointment_items.appointment_id',
      'appointment_items.kind',
      'appointment_items.service_id',
      'appointment_items.product_id',
      'appointment_items.name',
      'appointment_items.staff_id',
      'staff.name as staff_name',
      'appointment_items.quantity',
      'appointment_items.price',
      'appointment_items.discount',
      'appointment_items.amount',
    ])
    .where('appointment_items.appointment_id', 'in', appointmentIds)
    .orderBy('appointment_items.name')
    .orderBy('appointment_items.id')
    .execute();
}

function paymentsOf(tenant: ScopedDb, appointmentIds: string[]): Promise<PaymentRow[]> {
  if (!appointmentIds.length) return Promise.resolve([]);
  return tenant
    .selectFrom('payments')
    .select(['id', 'appointment_id', 'method', 'amount', 'created_at'])
    .where('appointment_id', 'in', appointmentIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** `rows` grouped by appointment, each group in the rows' order. */
function byAppointment<T extends { appointment_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.appointment_id, [...(groups.get(row.appointment_id) ?? []), row]);
  return groups;
}

export async function listVisits(access: ClientAccess, clientId: string, query: VisitsQuery) {
  const { tenant } = access;
  await assertVisibleClient(access, clientId);
  const [rows, totals] = await Promise.all([pageOf(tenant, clientId, query), totalsOf(tenant, clientId, query.type)]);
  const ids = rows.map((row) => row.id);
  const [lines, payments] = await Promise.all([linesOf(tenant, ids), paymentsOf(tenant, ids)]);
  const linesBy = byAppointment(lines);
  const paymentsBy = byAppointment(payments);
  const { count, ...money } = totals;
  return {
    items: rows.map((row) => visitView(row, linesBy.get(row.id) ?? [], paymentsBy.get(row.id) ?? [])),
    total: count,
    totals: money,
  };
}

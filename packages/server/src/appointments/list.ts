// Reception's calendar: appointments with what the front desk must see at a glance (the client's
// categories such as VIP or a blacklist, the account balance, money already paid in advance). Details
// are loaded per table for the whole page, never per row, so a busy day costs a handful of queries.
import type { Selectable } from 'kysely';
import { loadCategories } from '../clients/service';
import { type CategoryChip, clientView } from '../clients/view';
import type { AppointmentTable } from '../db/schema';
import { notFound, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { addDays, startOfDay } from '../time/zoned';
import { type AppointmentView, appointmentView } from './create';
import { serviceIdsOf } from './lines';
import type { ListQuery } from './schema';

const MAX_RANGE_DAYS = 31;
// An hour more, so that a month of whole dates still fits when the clocks go back within it.
const MAX_RANGE_MS = (MAX_RANGE_DAYS * 24 + 1) * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface AppointmentClient {
  id: string;
  name: string;
  phone: string | null;
  categories: CategoryChip[];
  balance: number;
  online_booking_disabled: boolean;
}

export interface AdminAppointment extends AppointmentView {
  /** Paid on an appointment the client has not arrived for: a deposit or prepayment. */
  prepaid: number;
  client: AppointmentClient;
}

type AppointmentRow = Selectable<AppointmentTable>;

async function clientsOf(tenant: ScopedDb, clientIds: string[]): Promise<Map<string, AppointmentClient>> {
  if (!clientIds.length) return new Map();
  const [rows, categories] = await Promise.all([
    tenant.selectFrom('clients').selectAll().where('id', 'in', clientIds).execute(),
    loadCategories(tenant, clientIds),
  ]);
  return new Map(
    rows.map((row) => {
      const { id, name, phone, balance, online_booking_disabled } = clientView(row, []);
      return [id, { id, name, phone, categories: categories.get(id) ?? [], balance, online_booking_disabled }];
    }),
  );
}

/** The admin view of `rows`, in their order. */
export async function withDetails(tenant: ScopedDb, rows: AppointmentRow[]): Promise<AdminAppointment[]> {
  const [services, clients] = await Promise.all([
    serviceIdsOf(
      tenant,
      rows.map((row) => row.id),
    ),
    clientsOf(tenant, [...new Set(rows.map((row) => row.client_id))]),
  ]);
  return rows.map((row) => ({
    ...appointmentView(row, services.get(row.id) ?? []),
    prepaid: row.status === 'arrived' ? 0 : row.paid,
    client: clients.get(row.client_id) as AppointmentClient,
  }));
}

export async function getAppointment(tenant: ScopedDb, id: string): Promise<AdminAppointment> {
  const row = await tenant.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Appointment');
  return (await withDetails(tenant, [row]))[0] as AdminAppointment;
}

/** A date bound covers its whole day in the business's zone: `from` its start, `to` its end. */
function rangeOf(tenant: ScopedDb, query: ListQuery): { from: Date; to: Date } {
  const zone = tenant.business.timezone;
  const from = DATE_ONLY.test(query.from) ? startOfDay(query.from, zone) : new Date(query.from);
  const to = DATE_ONLY.test(query.to) ? startOfDay(addDays(query.to, 1), zone) : new Date(query.to);
  if (to <= from) throw validationFailed([{ field: 'to', message: 'Must be after from.' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS)
    throw validationFailed([{ field: 'to', message: `At most ${MAX_RANGE_DAYS} days after from.` }]);
  return { from, to };
}

/** Appointments starting in [from, to), every status, in calendar order. */
export async function listAppointments(tenant: ScopedDb, query: ListQuery) {
  const { from, to } = rangeOf(tenant, query);
  let select = tenant.selectFrom('appointments').selectAll().where('starts_at', '>=', from).where('starts_at', '<', to);
  if (query.location_id) select = select.where('location_id', '=', query.location_id);
  if (query.staff_id) select = select.where('staff_id', '=', query.staff_id);
  const rows = await select.orderBy('starts_at').orderBy('id').execute();
  return { items: await withDetails(tenant, rows), total: rows.length };
}

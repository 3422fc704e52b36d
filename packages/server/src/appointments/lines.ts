// Service lines of an appointment: what was booked, at the catalogue's price of the day it was booked.
// Creating and rescheduling both build lines here, so a line always looks the same.
import type { Insertable } from 'kysely';
import type { AppointmentItemTable } from '../db/schema';
import type { ScopedDb } from '../tenancy/scoped-db';

export interface CatalogueService {
  id: string;
  name: string;
  price: number;
  duration_minutes: number;
  active: boolean;
}

/** The business's services among `ids`, by id; ids of other businesses are simply absent. */
export async function findServices(tenant: ScopedDb, ids: readonly string[]): Promise<Map<string, CatalogueService>> {
  if (!ids.length) return new Map();
  const rows = await tenant
    .selectFrom('services')
    .select(['id', 'name', 'price', 'duration_minutes', 'active'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Back to back: the time the services take together. */
export const durationMs = (services: readonly CatalogueService[]) =>
  services.reduce((sum, service) => sum + service.duration_minutes, 0) * 60_000;

export function serviceLine(
  appointmentId: string,
  staffId: string,
  service: CatalogueService,
): Omit<Insertable<AppointmentItemTable>, 'business_id'> {
  return {
    appointment_id: appointmentId,
    kind: 'service',
    service_id: service.id,
    staff_id: staffId,
    name: service.name,
    price: service.price,
    amount: service.price,
  };
}

/** Each appointment's booked service ids (one query for all of them). */
export async function serviceIdsOf(
  tenant: ScopedDb,
  appointmentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byAppointment = new Map<string, string[]>();
  if (!appointmentIds.length) return byAppointment;
  // Lines keep no position, so their order is by name: stable across reads.
  const rows = await tenant
    .selectFrom('appointment_items')
    .select(['appointment_id', 'service_id'])
    .where('appointment_id', 'in', [...appointmentIds])
    .where('kind', '=', 'service')
    .orderBy('name')
    .orderBy('id')
    .execute();
  for (const { appointment_id, service_id } of rows) {
    if (service_id) byAppointment.set(appointment_id, [...(byAppointment.get(appointment_id) ?? []), service_id]);
  }
  return byAppointment;
}

export interface ServiceLine {
  id: string;
  service_id: string;
}

export async function serviceLinesOf(tenant: ScopedDb, appointmentId: string): Promise<ServiceLine[]> {
  const rows = await tenant
    .selectFrom('appointment_items')
    .select(['id', 'service_id'])
    .where('appointment_id', '=', appointmentId)
    .where('kind', '=', 'service')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows as ServiceLine[];
}

/**
 * Makes the appointment's service lines match `services`. A line of a service still booked stays as it
 * is (its price and any discount given); a new service comes at today's price.
 */
export async function replaceServiceLines(
  tenant: ScopedDb,
  appointmentId: string,
  lines: readonly ServiceLine[],
  services: readonly CatalogueService[],
  staffId: string,
): Promise<void> {
  const kept = new Set<string>();
  const added: CatalogueService[] = [];
  for (const service of services) {
    const line = lines.find((candidate) => candidate.service_id === service.id && !kept.has(candidate.id));
    if (line) kept.add(line.id);
    else added.push(service);
  }
  const dropped = lines.filter((line) => !kept.has(line.id)).map((line) => line.id);
  if (dropped.length) await tenant.deleteFrom('appointment_items').where('id', 'in', dropped).execute();
  if (added.length)
    await tenant
      .insertInto(
        'appointment_items',
        added.map((service) => serviceLine(appointmentId, staffId, service)),
      )
      .execute();
}

/** What the appointment's lines (services and products) come to. */
export async function linesTotal(tenant: ScopedDb, appointmentId: string): Promise<number> {
  const row = await tenant
    .selectFrom('appointment_items')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('total'))
    .where('appointment_id', '=', appointmentId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

// Writing a new appointment with its service lines, for reception and for online booking alike. The
// database's exclusion constraint is what makes a double booking impossible: a lost race surfaces as
// 409 slot_taken through the error handler, whatever was checked before.
import type { Selectable } from 'kysely';
import type { AppointmentStatus, AppointmentTable, ClientSource } from '../db/schema';
import { validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type CatalogueService, durationMs, findServices, serviceLine } from './lines';

export interface NewAppointment {
  clientId: string;
  locationId: string;
  staffId: string;
  serviceIds: string[];
  startsAt: Date;
  /** When omitted: the start plus the services' durations. */
  endsAt?: Date;
  status: AppointmentStatus;
  source: ClientSource;
  comment?: string | null;
}

export interface AppointmentView {
  id: string;
  status: AppointmentStatus;
  starts_at: string;
  ends_at: string;
  location_id: string;
  staff_id: string;
  service_ids: string[];
  client_id: string;
  source: ClientSource;
  comment: string | null;
  total: number;
  paid: number;
  created_at: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function appointmentView(row: Selectable<AppointmentTable>, serviceIds: string[]): AppointmentView {
  return {
    id: row.id,
    status: row.status,
    starts_at: iso(row.starts_at),
    ends_at: iso(row.ends_at),
    location_id: row.location_id,
    staff_id: row.staff_id,
    service_ids: serviceIds,
    client_id: row.client_id,
    source: row.source,
    comment: row.comment,
    total: row.total,
    paid: row.paid,
    created_at: iso(row.created_at),
  };
}

/** Inserts the appointment and one line per service at today's price; call inside a transaction. */
export async function insertAppointment(tenant: ScopedDb, input: NewAppointment): Promise<AppointmentView> {
  const byId = await findServices(tenant, input.serviceIds);
  const ordered = input.serviceIds.map((id) => byId.get(id));
  if (ordered.some((service) => !service))
    throw validationFailed([{ field: 'service_ids', message: 'Unknown service.' }]);
  const services = ordered as CatalogueService[];
  const row = await tenant
    .insertInto('appointments', {
      client_id: input.clientId,
      location_id: input.locationId,
      staff_id: input.staffId,
      starts_at: input.startsAt,
      ends_at: input.endsAt ?? new Date(input.startsAt.getTime() + durationMs(services)),
      status: input.status,
      source: input.source,
      comment: input.comment ?? null,
      total: services.reduce((sum, service) => sum + service.price, 0),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tenant
    .insertInto(
      'appointment_items',
      services.map((service) => serviceLine(row.id, input.staffId, service)),
    )
    .execute();
  return appointmentView(row, input.serviceIds);
}

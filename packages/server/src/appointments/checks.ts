// What reception's bookings are checked against before anything is written. Working hours are not:
// reception may book outside them (an early opening, an extra shift); the staff member's branches and
// services are, because a booking the person cannot take is a mistake, not an exception.
import { type FieldError, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type CatalogueService, findServices } from './lines';

/** Longer than a day is a typing mistake, and would block the staff member's calendar for it. */
const MAX_LENGTH_MS = 24 * 60 * 60_000;

export interface Participants {
  /** Checked only when booking: an existing appointment's client is fixed. */
  clientId?: string;
  locationId: string;
  staffId: string;
  serviceIds: string[];
  /** What the appointment holds now, when changing one. */
  booked?: { staffId: string; serviceIds: string[] };
}

export interface CheckedBooking {
  timezone: string;
  /** In the order given. */
  services: CatalogueService[];
}

/** One 422 naming every field whose id is not this business's or that the staff member cannot take. */
export async function checkParticipants(tenant: ScopedDb, booking: Participants): Promise<CheckedBooking> {
  const [client, location, staff, servicesById] = await Promise.all([
    booking.clientId
      ? tenant.selectFrom('clients').select('id').where('id', '=', booking.clientId).executeTakeFirst()
      : { id: null },
    tenant.selectFrom('locations').select('timezone').where('id', '=', booking.locationId).executeTakeFirst(),
    // Shared lock: a concurrent edit of this person's branches or services waits for the booking.
    tenant
      .selectFrom('staff')
      .select(['active', 'location_ids', 'service_ids'])
      .where('id', '=', booking.staffId)
      .forShare()
      .executeTakeFirst(),
    findServices(tenant, booking.serviceIds),
  ]);

  const errors: FieldError[] = [];
  if (!client) errors.push({ field: 'client_id', message: 'Unknown client.' });
  if (!location) errors.push({ field: 'location_id', message: 'Unknown location.' });
  if (!staff) errors.push({ field: 'staff_id', message: 'Unknown staff member.' });
  else if (!staff.active) errors.push({ field: 'staff_id', message: 'This staff member is archived.' });
  else if (location && !staff.location_ids.includes(booking.locationId))
    errors.push({ field: 'staff_id', message: 'This staff member does not work at this location.' });

  // A service already booked stays unchecked while archived (nobody performs it any more, history keeps
  // it) or while its staff member stays: it was valid when booked, and later catalogue edits don't undo that.
  const { booked } = booking;
  const stays = (service: CatalogueService) =>
    booked?.serviceIds.includes(service.id) && (!service.active || booked.staffId === booking.staffId);
  const services: CatalogueService[] = [];
  const unknown: string[] = [];
  const notPerformed: string[] = [];
  for (const serviceId of booking.serviceIds) {
    const service = servicesById.get(serviceId);
    if (service) services.push(service);
    if (service && stays(service)) continue;
    if (!service?.active) unknown.push(serviceId);
    else if (staff?.active && !staff.service_ids.includes(serviceId)) notPerformed.push(serviceId);
  }
  if (unknown.length) errors.push({ field: 'service_ids', message: `Unknown or archived: ${unknown.join(', ')}.` });
  else if (notPerformed.length)
    errors.push({ field: 'service_ids', message: `Not performed by this staff member: ${notPerformed.join(', ')}.` });

  if (errors.length || !location) throw validationFailed(errors);
  return { timezone: location.timezone, services };
}

export function checkEndsAt(startsAt: Date, endsAt: Date): void {
  const length = endsAt.getTime() - startsAt.getTime();
  if (length <= 0) throw validationFailed([{ field: 'ends_at', message: 'Must be after starts_at.' }]);
  if (length > MAX_LENGTH_MS)
    throw validationFailed([{ field: 'ends_at', message: 'At most 24 hours after starts_at.' }]);
}

export async function locationZone(tenant: ScopedDb, locationId: string): Promise<string> {
  const row = await tenant
    .selectFrom('locations')
    .select('timezone')
    .where('id', '=', locationId)
    .executeTakeFirstOrThrow();
  return row.timezone;
}

// An online booking from a salon's website: the visitor is matched to a client by phone (any spelling)
// or email (any case), a client whose online booking is disabled is refused before anything is written,
// a new visitor becomes a client (source online), and the database decides who wins a contested slot.
import { sql } from 'kysely';
import { z } from 'zod';
import { type AppointmentView, insertAppointment } from '../appointments/create';
import { isSlotFree } from '../booking/availability';
import { createClient } from '../clients/service';
import { ApiError, conflict, validationFailed } from '../http/errors';
import { normalizePhone, phoneText } from '../phones/normalize';
import type { ScopedDb } from '../tenancy/scoped-db';

export const bookingBody = z.strictObject({
  location_id: z.uuid(),
  service_ids: z.array(z.uuid()).min(1).max(5),
  staff_id: z.uuid().optional(),
  starts_at: z.iso.datetime({ offset: true }),
  client: z.strictObject({
    name: z.string().trim().min(1).max(200),
    phone: phoneText,
    email: z.email().max(254).optional(),
    /** The visitor ticked "send me offers": recorded as marketing consent. */
    marketing_allowed: z.boolean().optional(),
  }),
  comment: z.string().trim().max(1000).optional(),
});

export type BookingRequest = z.output<typeof bookingBody>;

/** The refusal tells the visitor what to do and nothing about the client. */
const refused = () =>
  new ApiError(
    403,
    'online_booking_disabled',
    'Online booking is not available for this contact. Please contact the salon to book.',
  );

interface Match {
  id: string;
  phone: string | null;
  additional_phone: string | null;
  email: string | null;
  online_booking_disabled: boolean;
}

/** Every client this phone or email could be; any of them with online booking disabled refuses. */
async function clientsWithContact(tx: ScopedDb, phone: string, email: string | undefined): Promise<Match[]> {
  return tx
    .selectFrom('clients')
    .select(['id', 'phone', 'additional_phone', 'email', 'online_booking_disabled'])
    .where((eb) =>
      eb.or([
        eb('phone', '=', phone),
        eb('additional_phone', '=', phone),
        ...(email ? [eb(sql`lower(email)`, '=', email)] : []),
      ]),
    )
    .execute();
}

function splitName(name: string): { first_name: string; last_name?: string } {
  const [first, ...rest] = name.split(/\s+/);
  return rest.length ? { first_name: first as string, last_name: rest.join(' ') } : { first_name: first as string };
}

async function requiresConfirmation(tx: ScopedDb, clientId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('client_categories')
    .innerJoin('categories', 'categories.id', 'client_categories.category_id')
    .select('categories.id')
    .where('client_categories.client_id', '=', clientId)
    .where('categories.system_key', '=', 'requires_confirmation')
    .executeTakeFirst();
  return row !== undefined;
}

/** Books `request` inside the caller's transaction (tx); throws the contract's errors. */
export async function bookOnline(tx: ScopedDb, request: BookingRequest, now: Date): Promise<AppointmentView> {
  const phone = normalizePhone(request.client.phone, tx.business.country);
  if (!phone)
    throw validationFailed([
      { field: 'client.phone', message: `Not a possible phone number for ${tx.business.country}.` },
    ]);
  const email = request.client.email?.toLowerCase();
  const startsAt = new Date(request.starts_at);

  const matches = await clientsWithContact(tx, phone, email);
  if (matches.some((client) => client.online_booking_disabled)) throw refused();

  const slot = { locationId: request.location_id, serviceIds: request.service_ids, startsAt };
  const staffId = await isSlotFree(tx, { ...slot, staffId: request.staff_id }, now);
  if (!staffId) throw conflict('slot_taken', 'This time is no longer free. Please choose another time.');

  const known =
    matches.find((client) => client.phone === phone) ??
    matches.find((client) => client.additional_phone === phone) ??
    matches.find((client) => client.email === email);
  let clientId: string;
  if (known) {
    clientId = known.id;
    if (request.client.marketing_allowed)
      await tx.updateTable('clients').set({ marketing_allowed: true }).where('id', '=', clientId).execute();
  } else {
    const access = { tenant: tx, locationIds: null, now };
    const input = {
      ...splitName(request.client.name),
      phone,
      email,
      marketing_allowed: request.client.marketing_allowed,
    };
    clientId = (await createClient(access, input, 'online', request.location_id)).id;
  }

  return insertAppointment(tx, {
    clientId,
    locationId: request.location_id,
    staffId,
    serviceIds: request.service_ids,
    startsAt,
    status: (await requiresConfirmation(tx, clientId)) ? 'pending' : 'confirmed',
    source: 'online',
    comment: request.comment,
  });
}

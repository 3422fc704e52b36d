// A booking made by reception. Unlike online booking it takes any client, online booking disabled or
// not (the salon decided to see them), and any time: the front desk knows about early openings.
import type { ScopedDb } from '../tenancy/scoped-db';
import { checkEndsAt, checkParticipants } from './checks';
import { insertAppointment } from './create';
import { type AdminAppointment, getAppointment } from './list';
import type { CreateBody } from './schema';

export async function bookAppointment(tenant: ScopedDb, input: CreateBody): Promise<AdminAppointment> {
  const startsAt = new Date(input.starts_at);
  const endsAt = input.ends_at ? new Date(input.ends_at) : undefined;
  if (endsAt) checkEndsAt(startsAt, endsAt);
  return tenant.transaction(async (trx) => {
    await checkParticipants(trx, {
      clientId: input.client_id,
      locationId: input.location_id,
      staffId: input.staff_id,
      serviceIds: input.service_ids,
    });
    const { id } = await insertAppointment(trx, {
      clientId: input.client_id,
      locationId: input.location_id,
      staffId: input.staff_id,
      serviceIds: input.service_ids,
      startsAt,
      endsAt,
      status: input.status,
      source: 'admin',
      comment: input.comment,
    });
    return getAppointment(trx, id);
  });
}

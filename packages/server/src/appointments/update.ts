// Changing a booking: moving it, changing who or what, its status or comment. One transaction with the
// appointment row locked, so two front-desk screens editing it at once apply one after the other.
import { refreshAggregates } from '../clients/aggregates';
import { notFound, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type CheckedBooking, checkEndsAt, checkParticipants, locationZone } from './checks';
import { durationMs, linesTotal, replaceServiceLines, serviceLinesOf } from './lines';
import { type AdminAppointment, withDetails } from './list';
import type { UpdateBody } from './schema';
import { checkOutcomeDate, checkTransition, isOutcome } from './status';

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export async function updateAppointment(
  tenant: ScopedDb,
  id: string,
  change: UpdateBody,
  now: Date,
): Promise<AdminAppointment> {
  return tenant.transaction(async (trx) => {
    const current = await trx
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Appointment');
    // Visits, spend and history belong to the client who came; another client needs their own booking.
    if (change.client_id && change.client_id !== current.client_id)
      throw validationFailed([
        {
          field: 'client_id',
          message: 'The client of an appointment cannot change; cancel it and book the other client.',
        },
      ]);
    const status = change.status ?? current.status;
    checkTransition(current.status, status);

    const lines = await serviceLinesOf(trx, id);
    const bookedServiceIds = lines.map((line) => line.service_id);
    const next = {
      locationId: change.location_id ?? current.location_id,
      staffId: change.staff_id ?? current.staff_id,
      serviceIds: change.service_ids ?? bookedServiceIds,
      booked: { staffId: current.staff_id, serviceIds: bookedServiceIds },
    };
    const servicesChanged = !sameIds(next.serviceIds, bookedServiceIds);
    const staffChanged = next.staffId !== current.staff_id;
    // An untouched booking is not re-checked: a comment can still be added after its staff member left.
    const reassigned = servicesChanged || staffChanged || next.locationId !== current.location_id;
    const checked: CheckedBooking | null = reassigned ? await checkParticipants(trx, next) : null;

    const startsAt = change.starts_at ? new Date(change.starts_at) : current.starts_at;
    const endsAt = change.ends_at
      ? new Date(change.ends_at)
      : checked && servicesChanged
        ? new Date(startsAt.getTime() + durationMs(checked.services))
        : // Moved without new services: it keeps its length, which reception may have stretched.
          new Date(startsAt.getTime() + (current.ends_at.getTime() - current.starts_at.getTime()));
    checkEndsAt(startsAt, endsAt);
    const rescheduled = startsAt.getTime() !== current.starts_at.getTime();
    if (isOutcome(status) && (status !== current.status || rescheduled)) {
      const timezone = checked?.timezone ?? (await locationZone(trx, next.locationId));
      checkOutcomeDate(status, startsAt, timezone, now);
    }

    let total = current.total;
    if (checked && servicesChanged) {
      await replaceServiceLines(trx, id, lines, checked.services, next.staffId);
      total = await linesTotal(trx, id);
      if (total < current.paid)
        throw validationFailed([
          { field: 'service_ids', message: `The new total ${total} is below the ${current.paid} already paid.` },
        ]);
    }
    if (staffChanged)
      await trx
        .updateTable('appointment_items')
        .set({ staff_id: next.staffId })
        .where('appointment_id', '=', id)
        .where('kind', '=', 'service')
        .execute();

    // A clash with another live booking fails here, on the exclusion constraint: 409 slot_taken.
    const row = await trx
      .updateTable('appointments')
      .set({
        status,
        location_id: next.locationId,
        staff_id: next.staffId,
        starts_at: startsAt,
        ends_at: endsAt,
        total,
        ...(change.comment !== undefined && { comment: change.comment || null }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();

    // Only arrived appointments are visits: the client's figures and rules move when one is involved.
    const visitChanged = status !== current.status || reassigned || rescheduled;
    if (visitChanged && (current.status === 'arrived' || status === 'arrived'))
      await refreshAggregates(trx, [current.client_id], now);
    return (await withDetails(trx, [row]))[0] as AdminAppointment;
  });
}

// Which status changes reception may make. Outcomes (arrived, no_show) are final except for undoing a
// mistake; a cancellation can be restored, and the exclusion constraint answers 409 slot_taken when the
// time was given to someone else meanwhile (as it does for undoing a no-show).
import type { AppointmentStatus } from '../db/schema';
import { conflict, validationFailed } from '../http/errors';
import { localDate } from '../time/zoned';

const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending: ['confirmed', 'arrived', 'no_show', 'cancelled'],
  confirmed: ['pending', 'arrived', 'no_show', 'cancelled'],
  // A check-in made by mistake goes back to a booking; from there it can be marked a no-show.
  arrived: ['confirmed'],
  // A no-show marked by mistake, or a client who turned up late after all.
  no_show: ['confirmed', 'arrived'],
  cancelled: ['pending', 'confirmed'],
};

export function checkTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (from === to || NEXT[from].includes(to)) return;
  throw conflict('invalid_transition', `An appointment that is ${from} cannot become ${to}.`, {
    from,
    to,
    allowed: NEXT[from],
  });
}

export const isOutcome = (status: AppointmentStatus) => status === 'arrived' || status === 'no_show';

/** An outcome is known on the appointment's day at the earliest (in the branch's time zone). */
export function checkOutcomeDate(status: AppointmentStatus, startsAt: Date, timezone: string, now: Date): void {
  if (isOutcome(status) && localDate(startsAt, timezone) > localDate(now, timezone)) {
    throw validationFailed([{ field: 'status', message: `An appointment on a later day cannot be ${status} yet.` }]);
  }
}

import type { Appointment } from './api.js';

/** `cb-booking-created`: the booking was made; `appointment.status` is `confirmed`, or `pending` until the salon confirms. */
export interface BookingCreatedDetail {
  appointment: Appointment;
}

/** `cb-booking-refused`: the salon does not take online bookings from this visitor (`online_booking_disabled`). */
export interface BookingRefusedDetail {
  code: string;
}

declare global {
  interface HTMLElementEventMap {
    'cb-booking-created': CustomEvent<BookingCreatedDetail>;
    'cb-booking-refused': CustomEvent<BookingRefusedDetail>;
  }
}

/** Events of the public contract bubble and cross shadow roots, so a host listens on any ancestor. */
export function emit<T>(target: EventTarget, type: keyof HTMLElementEventMap, detail: T): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

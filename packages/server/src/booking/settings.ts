// Online booking rules per business, stored in businesses.settings.booking. Every field has a default so
// a business that never configured booking still gets sensible slots.
import { z } from 'zod';

const minutes = (max: number) => z.number().int().min(0).max(max);

/** What PATCH /v1/business accepts under `booking`: any subset of the fields. */
export const bookingSettingsPatch = z.strictObject({
  /** Start times lie on this grid, counted from the start of each working period. */
  slot_step_minutes: z.number().int().min(5).max(240).optional(),
  /** No start earlier than now + this. */
  min_lead_minutes: minutes(60 * 24 * 30).optional(),
  /** Bookable dates: today (location time) through today + this many days. */
  horizon_days: z.number().int().min(0).max(730).optional(),
});

export const BOOKING_DEFAULTS = { slot_step_minutes: 15, min_lead_minutes: 60, horizon_days: 60 } as const;

export type BookingSettings = { [K in keyof typeof BOOKING_DEFAULTS]: number };

// Stored values are read leniently: a field that is missing or out of range falls back to its default
// instead of breaking every slot request of the business.
const stored = z.object({
  slot_step_minutes: bookingSettingsPatch.shape.slot_step_minutes.unwrap().catch(BOOKING_DEFAULTS.slot_step_minutes),
  min_lead_minutes: bookingSettingsPatch.shape.min_lead_minutes.unwrap().catch(BOOKING_DEFAULTS.min_lead_minutes),
  horizon_days: bookingSettingsPatch.shape.horizon_days.unwrap().catch(BOOKING_DEFAULTS.horizon_days),
});

/** The booking settings inside a business's `settings` JSON, defaults filled in. */
export function readBookingSettings(settings: unknown): BookingSettings {
  const booking = settings && typeof settings === 'object' ? (settings as { booking?: unknown }).booking : undefined;
  return stored.parse(booking && typeof booking === 'object' ? booking : {});
}

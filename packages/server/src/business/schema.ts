import { z } from 'zod';
import { bookingSettingsPatch } from '../booking/settings';

const isTimezone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const timezone = z.string().refine(isTimezone, 'Not an IANA time zone, e.g. "Europe/London".');
export const country = z.string().regex(/^[A-Za-z]{2}$/, 'An ISO 3166 two-letter country code, e.g. "GB".');
export const currency = z.string().regex(/^[A-Za-z]{3}$/, 'An ISO 4217 currency code, e.g. "GBP".');

/** An exact origin, or one with `*` standing for a port or one subdomain label. */
export const originPattern = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[A-Za-z0-9.*-]+(:(\d{1,5}|\*))?$/, 'An origin like "https://salon.example" (no path).');

export const createBusinessBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country,
  currency,
  timezone,
  phone: z.string().trim().max(40).nullish(),
  email: z.email().nullish(),
  allowed_origins: z.array(originPattern).max(50).optional(),
  shared_client_base: z.boolean().optional(),
});

// `booking` changes only the fields it names; the rest keep their stored values or defaults.
export const updateBusinessBody = createBusinessBody
  .extend({ booking: bookingSettingsPatch })
  .partial()
  .refine((v) => Object.keys(v).length > 0, {
    message: 'Send at least one field to change.',
  });

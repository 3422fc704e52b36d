// Phone normalisation in one place: stored E.164, so every spelling of a number finds one client.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';

const NOT_A_PHONE = 'Not a possible phone number.';
/** A phone as typed, before normalizePhone reads it in the business's country. */
export const phoneText = z.string().trim().min(3, NOT_A_PHONE).max(40, NOT_A_PHONE);

/** E.164 for a possible number (read in `country` when it has no + code), else null. */
export function normalizePhone(input: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(input, country.toUpperCase() as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

/** How people read a stored E.164 number: "+44 7400 900123". */
export function displayPhone(e164: string | null): string | null {
  if (!e164) return null;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export function digitsOf(input: string): string {
  return input.replace(/\D/g, '');
}

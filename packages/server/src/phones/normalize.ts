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

/** The transform of a typed phone to E.164 in `country`, or an issue on the field (so it joins the others). */
const toE164 = (country: string) => (value: string, ctx: z.RefinementCtx<string>) => {
  const phone = normalizePhone(value, country);
  if (phone) return phone;
  ctx.addIssue({ code: 'custom', message: `Not a possible phone number for ${country.toUpperCase()}.` });
  return z.NEVER;
};

/**
 * A phone checked while the request is validated, read in the business's `country` and given as E.164, so a
 * bad phone is reported with every other bad field of the body. Normalising an E.164 number again is a no-op.
 */
export const phoneIn = (country: string) => phoneText.transform(toE164(country));

/** An optional phone: empty text means none (null). */
export const optionalPhoneIn = (country: string) =>
  z
    .string()
    .trim()
    .max(40, NOT_A_PHONE)
    .transform((value, ctx) => (value === '' ? null : toE164(country)(value, ctx)))
    .nullish();

/** How people read a stored E.164 number: "+44 7400 900123". */
export function displayPhone(e164: string | null): string | null {
  if (!e164) return null;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export function digitsOf(input: string): string {
  return input.replace(/\D/g, '');
}

// `{first_name}`-style placeholders in message templates. A misspelt placeholder is refused rather than
// sent to a client as literal braces.
import { PLACEHOLDERS, type Placeholder } from '@clientbase/shared/placeholders';
import { validationFailed } from '../http/errors';
export type PlaceholderValues = Record<Placeholder, string>;

// Only identifier-like names count, so other braces ("{ }", JSON in an email) pass through untouched.
const PATTERN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The template with every placeholder filled; an unknown one → 422 naming it, on `field`. */
export function fillPlaceholders(template: string, values: PlaceholderValues, field: string): string {
  const unknown = [...template.matchAll(PATTERN)].map((m) => m[1] ?? '').filter((name) => !isPlaceholder(name));
  if (unknown.length) {
    const names = [...new Set(unknown)].map((name) => `{${name}}`).join(', ');
    throw validationFailed([
      {
        field,
        message: `Unknown placeholder ${names}; use ${PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`,
      },
    ]);
  }
  return template.replace(PATTERN, (_, name: Placeholder) => values[name]);
}

/** The likely locale of a business's country: "GB" → "en-Latn-GB". */
export const localeOf = (country: string) => new Intl.Locale('und', { region: country }).maximize().baseName;

/** Minor units as the business's money: 1250 GBP in GB → "£12.50". */
export function formatMoney(minorUnits: number, currency: string, country: string): string {
  const format = new Intl.NumberFormat(localeOf(country), { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Intl separates with no-break spaces ("12,50 €"), which are not GSM-7: one would make an SMS UCS-2.
  return format.format(minorUnits / 10 ** digits).replace(/[\u00a0\u202f]/g, ' ');
}

/** A locale tag Intl accepts: `tag` if valid, else English. */
export function intlLocale(tag: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Formats a price given in minor units. With the business currency, as currency in that currency's own number of
 * decimals (JPY has none); without it, as a plain number assuming two decimals.
 */
export function formatPrice(minorUnits: number, locale: string, currency?: string | null): string {
  if (currency) {
    try {
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(minorUnits / 10 ** digits);
    } catch {
      // An unknown currency code falls through to the plain number.
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(minorUnits / 100);
}

/** `45 min`, `1 h 30 min` (or the locale's words for them). */
export function formatDuration(minutes: number, locale: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

// Intl helpers. Times are always shown in the LOCATION's time zone (a visitor abroad books the salon's 10:00), and
// calendar dates are `YYYY-MM-DD` strings of that zone, computed without the visitor's own offset getting in.

/** A locale tag Intl accepts: `tag` if valid, else English. */
export function intlLocale(tag: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(tag || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached DateTimeFormat: a time grid renders dozens of times with the same options. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
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

/** `30 seconds`, `30 Sekunden`. */
export function formatSeconds(seconds: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(seconds);
}

/** `10:30` or `10:30 AM` at the location. */
export function formatTime(instant: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant));
}

/** `Thursday, 26 November 2026` at the location. */
export function formatLongDate(instant: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(instant),
  );
}

/** The location's calendar date of an instant, `YYYY-MM-DD`. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = dateFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(
    instant,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The hour (0–23) at the location: which part of the day a slot is in. */
export function hourInZone(instant: string, timeZone: string): number {
  return Number(dateFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date(instant))) % 24;
}

/** A `YYYY-MM-DD` date as an instant at noon UTC, for formatting the date alone (with timeZone UTC). */
function noon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(noon(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Parts of a calendar date: `{ weekday: 'Thu', day: '26', label: 'Thursday, 26 November' }`. */
export function dayParts(date: string, locale: string): { weekday: string; day: string; label: string } {
  const at = noon(date);
  const utc = (options: Intl.DateTimeFormatOptions) => dateFormat(locale, { ...options, timeZone: 'UTC' }).format(at);
  return {
    weekday: utc({ weekday: 'short' }),
    day: utc({ day: 'numeric' }),
    label: utc({ weekday: 'long', day: 'numeric', month: 'long' }),
  };
}

/** `November 2026`, or `Nov – Dec 2026` when the dates span two months. */
export function monthRange(first: string, last: string, locale: string): string {
  const month = first.slice(0, 7) === last.slice(0, 7) ? 'long' : 'short';
  const format = dateFormat(locale, { month, year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(noon(first), noon(last));
}

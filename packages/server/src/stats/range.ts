// The period the stats cover: whole days in the business's zone, split into the business's calendar
// months. By default the last 12 months: this month and the 11 before it, up to today.
import { validationFailed } from '../http/errors';
import { addDays, localDate, startOfDay } from '../time/zoned';

const MAX_YEARS = 5;
const DEFAULT_MONTHS = 12;

export interface StatsRange {
  from: string;
  to: string;
  /** [start, end) as instants: the start of `from` and the end of `to` in the zone. */
  start: Date;
  end: Date;
  /** Every month the range touches, 'YYYY-MM', oldest first. */
  months: string[];
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function statsRange(query: { from?: string; to?: string }, timezone: string, now: Date): StatsRange {
  const to = query.to ?? localDate(now, timezone);
  const from = query.from ?? `${monthOf(monthIndex(to) - DEFAULT_MONTHS + 1)}-01`;
  if (to < from) throw validationFailed([{ field: 'to', message: 'Must not be before from.' }]);
  // Compared as text, so a Feb 29 start simply bounds the range at Feb 28 five years on.
  const limit = `${Number(from.slice(0, 4)) + MAX_YEARS}${from.slice(4)}`;
  if (to >= limit) throw validationFailed([{ field: 'to', message: `At most ${MAX_YEARS} years after from.` }]);
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthOf(i));
  return { from, to, start: startOfDay(from, timezone), end: startOfDay(addDays(to, 1), timezone), months };
}

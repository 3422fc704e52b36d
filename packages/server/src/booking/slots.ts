// Pure slot computation: no database, no clock. Times are epoch milliseconds.
import type { WorkingHours } from '../db/schema';
import { covers, type Interval, normalize, subtract } from './intervals';
import { isoWeekday, parseClock } from './local-time';

const MINUTE = 60_000;

/** One staff member's day as the slot computation sees it. */
export interface StaffDay {
  staffId: string;
  /** Working periods; each anchors its own grid of start times at its start. */
  periods: Interval[];
  breaks: Interval[];
  /** Time off, and existing live appointments extended by their buffer. */
  busy: Interval[];
}

export interface SlotRules {
  /** The booking itself: the services back to back. */
  durationMs: number;
  /** Blocked after the booking; must also fit in free working time. */
  bufferMs: number;
  stepMs: number;
  /** Earliest allowed start (now + lead time). */
  notBefore: number;
}

/**
 * A staff member's working periods and breaks at one location on one date. `instant(date, minutes)`
 * turns location wall-clock minutes into instants. Shifts end on the day they start (as the catalogue
 * validates): an entry or break whose end is not after its start is ignored, never read as a night shift.
 */
export function workingDay(
  hours: readonly WorkingHours[],
  locationId: string,
  date: string,
  instant: (date: string, minutes: number) => number,
): { periods: Interval[]; breaks: Interval[] } {
  const weekday = isoWeekday(date);
  const periods: Interval[] = [];
  const breaks: Interval[] = [];
  for (const entry of hours) {
    if (entry.location_id !== locationId || entry.weekday !== weekday) continue;
    const start = parseClock(entry.start);
    const end = parseClock(entry.end);
    if (start === null || end === null || end <= start) continue;
    periods.push({ start: instant(date, start), end: instant(date, end) });
    for (const pause of entry.breaks ?? []) {
      const from = parseClock(pause.start);
      const to = parseClock(pause.end);
      if (from !== null && to !== null && to > from)
        breaks.push({ start: instant(date, from), end: instant(date, to) });
    }
  }
  return { periods, breaks };
}

/** Start times on the grid where the booking and its buffer fit in free working time. Sorted. */
export function freeStarts(day: StaffDay, rules: SlotRules): number[] {
  const free = subtract(subtract(normalize(day.periods), normalize(day.breaks)), normalize(day.busy));
  if (!free.length) return [];
  const need = rules.durationMs + rules.bufferMs;
  const lastEnd = free[free.length - 1]!.end;
  const starts = new Set<number>();
  for (const period of day.periods) {
    const skip = rules.notBefore > period.start ? Math.ceil((rules.notBefore - period.start) / rules.stepMs) : 0;
    for (let t = period.start + skip * rules.stepMs; t < period.end && t + need <= lastEnd; t += rules.stepMs) {
      if (covers(free, t, t + need)) starts.add(t);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

export interface StaffStarts {
  staffId: string;
  starts: number[];
}

/** One list for "any staff": by time, then in the order the staff were given; a time free for two appears twice. */
export function mergeStarts(perStaff: readonly StaffStarts[]): { startsAt: number; staffId: string }[] {
  const all: { startsAt: number; staffId: string; rank: number }[] = [];
  perStaff.forEach(({ staffId, starts }, rank) => {
    for (const startsAt of starts) all.push({ startsAt, staffId, rank });
  });
  all.sort((a, b) => a.startsAt - b.startsAt || a.rank - b.rank);
  return all.map(({ startsAt, staffId }) => ({ startsAt, staffId }));
}

export const minutes = (n: number) => n * MINUTE;

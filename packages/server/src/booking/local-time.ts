// Location wall-clock times → instants, with one deliberate rule for the two DST edge cases:
// - a local time that does not exist (spring-forward gap) moves forward by the gap: 01:30 → 02:30 BST;
// - a local time that happens twice (fall-back overlap) means its first occurrence: 01:30 → 01:30 BST.
// (This is what Temporal calls the "compatible" disambiguation.)
import { wallClock } from '../time/zoned';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant of `minutes` after local midnight of `date` ('YYYY-MM-DD'); minutes ≥ 1440 run into later days. */
export function localInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  // Offsets a day either side bracket any transition near this wall time.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = before === after ? [wall - before] : [wall - before, wall - after];
  const real = candidates.filter((t) => offsetAt(t, timeZone) === wall - t);
  if (real.length) return Math.min(...real);
  // In the gap: read with the offset in force before it, which lands after the gap.
  return wall - before;
}

/** A memoised localInstant for one zone: many staff share the same hours, and Intl calls are the cost. */
export function localClock(timeZone: string): (date: string, minutes: number) => number {
  const memo = new Map<string, number>();
  return (date, minutes) => {
    const key = `${date} ${minutes}`;
    let t = memo.get(key);
    if (t === undefined) {
      t = localInstant(date, minutes, timeZone);
      memo.set(key, t);
    }
    return t;
  };
}

/** ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** Minutes after midnight of "HH:MM" (00:00–24:00), or null when malformed. */
export function parseClock(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

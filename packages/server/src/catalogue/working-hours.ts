// Pure rules for a staff member's week: each entry's hours, its breaks, and never two places at once.
import { z } from 'zod';
import type { WorkingHours } from '../db/schema';
import type { FieldError } from '../http/errors';

// 24:00 is the end of the day, so a shift can run until midnight; shifts never cross it.
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const clockTime = z.string().regex(CLOCK, 'A time as HH:MM, 00:00 to 24:00.');
const WEEKDAY = 'An ISO weekday: 1 (Monday) to 7 (Sunday).';

const workingDay = z.strictObject({
  location_id: z.uuid().transform((id) => id.toLowerCase()),
  weekday: z.number().int().min(1, WEEKDAY).max(7, WEEKDAY),
  start: clockTime,
  end: clockTime,
  breaks: z
    .array(z.strictObject({ start: clockTime, end: clockTime }))
    .max(12)
    .optional(),
});

type WorkingDay = z.output<typeof workingDay>;
type Path = (string | number)[];

interface Interval {
  start: number;
  end: number;
  path: Path;
}

function minutes(time: string): number | null {
  return CLOCK.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : null;
}

// zod runs refinements even when a field already failed, so a malformed time yields no interval here.
function interval(span: { start: string; end: string }, path: Path): Interval | null {
  const start = minutes(span.start);
  const end = minutes(span.end);
  return start === null || end === null ? null : { start, end, path };
}

/** Each interval that starts before an earlier one ends (touching is fine), with the one it overlaps. */
function overlaps(intervals: Interval[]): { later: Interval; earlier: Interval }[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const found: { later: Interval; earlier: Interval }[] = [];
  let reach: Interval | undefined;
  for (const current of sorted) {
    if (reach && current.start < reach.end) found.push({ later: current, earlier: reach });
    if (!reach || current.end > reach.end) reach = current;
  }
  return found;
}

function breakIssues(day: WorkingDay, hours: Interval) {
  const issues: { path: Path; message: string }[] = [];
  const inside: Interval[] = [];
  (day.breaks ?? []).forEach((span, j) => {
    const own = interval(span, [...hours.path, 'breaks', j]);
    if (!own) return;
    if (own.end <= own.start) issues.push({ path: [...own.path, 'end'], message: 'Must be after the start.' });
    else if (own.start < hours.start || own.end > hours.end)
      issues.push({ path: own.path, message: `Must lie within the day's hours, ${day.start} to ${day.end}.` });
    else inside.push(own);
  });
  for (const { later } of overlaps(inside)) issues.push({ path: later.path, message: 'Overlaps another break.' });
  return issues;
}

/** What is wrong with a week of hours, as paths relative to the list. */
export function scheduleIssues(days: WorkingDay[]): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  const byWeekday = new Map<number, Interval[]>();
  days.forEach((day, i) => {
    const hours = interval(day, [i]);
    if (!hours) return;
    if (hours.end <= hours.start) {
      issues.push({ path: [i, 'end'], message: 'Must be after the start (shifts end on the day they start).' });
      return;
    }
    issues.push(...breakIssues(day, hours));
    byWeekday.set(day.weekday, [...(byWeekday.get(day.weekday) ?? []), hours]);
  });
  for (const sameDay of byWeekday.values()) {
    for (const { later, earlier } of overlaps(sameDay)) {
      issues.push({
        path: later.path,
        message: `Overlaps entry ${earlier.path[0]} on the same weekday: one person cannot work in two places at once.`,
      });
    }
  }
  return issues;
}

export const workingHours = z
  .array(workingDay)
  .max(50)
  .superRefine((days, ctx) => {
    for (const issue of scheduleIssues(days)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** Entries at a branch the person is not assigned to (the two lists can change in separate requests). */
export function hoursOutsideLocations(days: WorkingHours[], locationIds: string[]): FieldError[] {
  const assigned = new Set(locationIds);
  return days.flatMap((day, i) =>
    assigned.has(day.location_id)
      ? []
      : [{ field: `working_hours.${i}.location_id`, message: "Not one of the staff member's location_ids." }],
  );
}

/** One stable shape: ordered by weekday and time, `breaks` always a list. */
export function orderedHours(days: WorkingHours[]): Required<WorkingHours>[] {
  return days
    .map((day) => ({
      location_id: day.location_id,
      weekday: day.weekday,
      start: day.start,
      end: day.end,
      breaks: [...(day.breaks ?? [])]
        .sort((a, b) => a.start.localeCompare(b.start))
        .map(({ start, end }) => ({ start, end })),
    }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

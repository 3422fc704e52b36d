// Days, location time zones and a per-staff occupancy grid: every generated appointment gets a free
// slot inside its staff member's working hours, so the no-double-booking constraint holds by construction.
import type { LocationPlan, ServicePlan, StaffPlan } from './catalogue';
import type { Random } from './random';

export const DAY_MS = 86_400_000;
const CELL_MINUTES = 15;
const CELLS_PER_DAY = (24 * 60) / CELL_MINUTES;

/** Days since 1970-01-01 (a calendar date, whatever the zone). */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

export function offsetMinutes(timeZone: string, utcMs: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  );
  return Math.round((local - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** Local wall-clock times at each location → UTC, with the offset of each day (DST changes at night). */
export class Calendar {
  private readonly offsets: Int16Array[];

  constructor(
    locations: readonly LocationPlan[],
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    const cache = new Map<string, Int16Array>();
    this.offsets = locations.map((location) => {
      let offsets = cache.get(location.timezone);
      if (!offsets) {
        offsets = new Int16Array(lastDay - firstDay + 1);
        for (let day = firstDay; day <= lastDay; day++) {
          offsets[day - firstDay] = offsetMinutes(location.timezone, day * DAY_MS + 12 * 3_600_000);
        }
        cache.set(location.timezone, offsets);
      }
      return offsets;
    });
  }

  toUtc(location: number, day: number, minutes: number): number {
    const offset = this.offsets[location]?.[day - this.firstDay] ?? 0;
    return day * DAY_MS + (minutes - offset) * 60_000;
  }
}

export interface Placement {
  staff: number;
  location: number;
  day: number;
  startMinutes: number;
}

export class Schedule {
  private readonly days: number;
  private readonly busy: Uint32Array;
  /** [location][weekday][service] → staff indexes working there that day and doing the service. */
  private readonly candidates: number[][][][];

  constructor(
    private readonly staff: readonly StaffPlan[],
    locationCount: number,
    services: readonly ServicePlan[],
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    this.days = lastDay - firstDay + 1;
    this.busy = new Uint32Array(Math.ceil((staff.length * this.days * CELLS_PER_DAY) / 32));
    this.candidates = Array.from({ length: locationCount }, () =>
      Array.from({ length: 8 }, () => Array.from({ length: services.length }, () => [] as number[])),
    );
    staff.forEach((member, index) => {
      member.days.forEach((day, weekday) => {
        if (!day) return;
        for (const service of member.services) this.candidates[day.location]?.[weekday]?.[service]?.push(index);
      });
    });
  }

  /** Staff members who could ever do this service at this location. */
  offers(location: number, service: number): boolean {
    return this.candidates[location]?.some((byService) => (byService[service]?.length ?? 0) > 0) ?? false;
  }

  private isFree(base: number, from: number, cells: number): boolean {
    for (let cell = from; cell < from + cells; cell++) {
      const bit = base + cell;
      if (((this.busy[bit >>> 5] as number) >>> (bit & 31)) & 1) return false;
    }
    return true;
  }

  private take(base: number, from: number, cells: number) {
    for (let cell = from; cell < from + cells; cell++) {
      const bit = base + cell;
      this.busy[bit >>> 5] = (this.busy[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  /**
   * A free slot of `minutes` for the service at the location, on `desiredDay` or the nearest day
   * within [minDay, maxDay] that has one; null when none is found within a month either way.
   */
  place(
    random: Random,
    desiredDay: number,
    minDay: number,
    maxDay: number,
    location: number,
    service: number,
    minutes: number,
  ): Placement | null {
    const cells = Math.ceil(minutes / CELL_MINUTES);
    const low = Math.max(minDay, this.firstDay);
    const high = Math.min(maxDay, this.lastDay);
    for (let step = 0; step <= 60; step++) {
      const day = desiredDay + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
      if (day < low || day > high) continue;
      const staffIndexes = this.candidates[location]?.[isoWeekday(day)]?.[service];
      if (!staffIndexes || staffIndexes.length === 0) continue;
      const first = random.int(0, staffIndexes.length - 1);
      for (let k = 0; k < staffIndexes.length; k++) {
        const staffIndex = staffIndexes[(first + k) % staffIndexes.length] as number;
        const hours = (this.staff[staffIndex] as StaffPlan).days[isoWeekday(day)];
        if (!hours) continue;
        const earliest = Math.ceil(hours.start / CELL_MINUTES);
        const latest = Math.floor(hours.end / CELL_MINUTES) - cells;
        if (latest < earliest) continue;
        const breakFrom = Math.floor(hours.breakStart / CELL_MINUTES);
        const breakTo = Math.ceil(hours.breakEnd / CELL_MINUTES);
        const base = (staffIndex * this.days + (day - this.firstDay)) * CELLS_PER_DAY;
        const span = latest - earliest + 1;
        const offset = random.int(0, span - 1);
        for (let j = 0; j < span; j++) {
          const from = earliest + ((offset + j) % span);
          if (from < breakTo && from + cells > breakFrom) continue;
          if (!this.isFree(base, from, cells)) continue;
          this.take(base, from, cells);
          return { staff: staffIndex, location, day, startMinutes: from * CELL_MINUTES };
        }
      }
    }
    return null;
  }
}

// Free booking slots: loads what they depend on (one query per table, never per staff member) and
// applies the pure rules of slots.ts. The booking endpoint uses isSlotFree to check a start with the
// very same rules before it inserts.
import { sql } from 'kysely';
import type { WorkingHours } from '../db/schema';
import { type FieldError, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { addDays, localDate } from '../time/zoned';
import type { Interval } from './intervals';
import { localClock } from './local-time';
import { type BookingSettings, readBookingSettings } from './settings';
import { freeStarts, mergeStarts, minutes, type SlotRules, type StaffStarts, workingDay } from './slots';

const LIVE_STATUSES = ['pending', 'confirmed', 'arrived'] as const;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_SERVICES = 10;
/** An earlier appointment's buffer can reach into the day; buffers longer than this are not looked for. */
const BUFFER_LOOKBACK_MS = 24 * 60 * 60_000;

export interface SlotQuery {
  locationId: string;
  serviceIds: string[];
  staffId?: string;
  /** 'YYYY-MM-DD' in the location's time zone. */
  date: string;
}

export interface SlotCheck {
  locationId: string;
  serviceIds: string[];
  staffId?: string;
  startsAt: Date;
}

export interface Slot {
  starts_at: Date;
  staff_id: string;
}

export interface BookableService {
  id: string;
  name: string;
  duration_minutes: number;
  buffer_minutes: number;
  price: number;
}

export interface Availability {
  date: string;
  timezone: string;
  settings: BookingSettings;
  /** In the order requested: the order they are done in. */
  services: BookableService[];
  duration_minutes: number;
  buffer_minutes: number;
  slots: Slot[];
}

interface StaffMember {
  id: string;
  name: string;
  working_hours: WorkingHours[];
}

interface Context {
  locationId: string;
  timezone: string;
  settings: BookingSettings;
  services: BookableService[];
  /** Active staff who work at the location and perform every service, by name then id. */
  staff: StaffMember[];
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Where a booking of these services ends: the services back to back, buffer not included. */
export function bookingEndsAt(startsAt: Date, services: readonly { duration_minutes: number }[]): Date {
  return new Date(startsAt.getTime() + minutes(services.reduce((sum, s) => sum + s.duration_minutes, 0)));
}

/** One clean-up after the last service: the largest buffer of the services, not their sum. */
export function bookingBufferMinutes(services: readonly { buffer_minutes: number }[]): number {
  return services.reduce((max, s) => Math.max(max, s.buffer_minutes), 0);
}

function distinctIds(ids: readonly string[]): string[] | null {
  const lower = ids.map((id) => id.trim().toLowerCase());
  const ok = lower.length > 0 && lower.length <= MAX_SERVICES && lower.every((id) => UUID.test(id));
  return ok && new Set(lower).size === lower.length ? lower : null;
}

const SERVICE_COLUMNS = [
  'id',
  'name',
  'duration_minutes',
  'buffer_minutes',
  'price',
  'active',
  'online_booking',
] as const;

function bookableServices<S extends { id: string; active: boolean; online_booking: boolean }>(
  ids: string[] | null,
  rows: S[],
  errors: FieldError[],
): S[] {
  if (!ids) {
    errors.push({ field: 'service_ids', message: `One to ${MAX_SERVICES} distinct service ids, comma-separated.` });
    return [];
  }
  const byId = new Map(rows.filter((s) => s.active && s.online_booking).map((s) => [s.id, s]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) {
    errors.push({ field: 'service_ids', message: `Unknown or not bookable online: ${missing.join(', ')}.` });
    return [];
  }
  return ids.map((id) => byId.get(id)!);
}

const toService = ({ id, name, duration_minutes, buffer_minutes, price }: BookableService): BookableService => ({
  id,
  name,
  duration_minutes,
  buffer_minutes,
  price: Number(price),
});

/** The services, active and bookable online, in the order given; 422 naming `service_ids` otherwise. */
export async function loadBookableServices(tenant: ScopedDb, serviceIds: string[]): Promise<BookableService[]> {
  const ids = distinctIds(serviceIds);
  const rows = ids ? await tenant.selectFrom('services').select(SERVICE_COLUMNS).where('id', 'in', ids).execute() : [];
  const errors: FieldError[] = [];
  const services = bookableServices(ids, rows, errors);
  if (errors.length) throw validationFailed(errors);
  return services.map(toService);
}

/** Validates the ids (all problems in one 422) and loads settings, location, services and eligible staff. */
async function loadContext(
  tenant: ScopedDb,
  query: Omit<SlotQuery, 'date'>,
  errors: FieldError[] = [],
): Promise<Context> {
  const locationId = UUID.test(query.locationId) ? query.locationId.toLowerCase() : null;
  const staffId =
    query.staffId === undefined ? undefined : UUID.test(query.staffId) ? query.staffId.toLowerCase() : null;
  const serviceIds = distinctIds(query.serviceIds);

  let staffQuery = tenant
    .selectFrom('staff')
    .select(['id', 'name', 'location_ids', 'service_ids', 'working_hours'])
    .where('active', '=', true)
    .orderBy('name')
    .orderBy('id');
  if (typeof staffId === 'string') staffQuery = staffQuery.where('id', '=', staffId);
  else if (locationId) staffQuery = staffQuery.where(sql<boolean>`location_ids @> array[${locationId}]::uuid[]`);

  const [location, serviceRows, staffRows] = await Promise.all([
    // The business's settings come with its location: one round trip fewer.
    locationId
      ? tenant
          .selectFrom('locations')
          .innerJoin('businesses', 'businesses.id', 'locations.business_id')
          .select(['locations.id', 'locations.timezone', 'businesses.settings'])
          .where('locations.id', '=', locationId)
          .executeTakeFirst()
      : undefined,
    serviceIds ? tenant.selectFrom('services').select(SERVICE_COLUMNS).where('id', 'in', serviceIds).execute() : [],
    staffId === null || (staffId === undefined && !locationId) ? [] : staffQuery.execute(),
  ]);

  if (!location) errors.push({ field: 'location_id', message: 'Unknown location.' });
  const services = bookableServices(serviceIds, serviceRows, errors);
  const eligible = staffRows.filter(
    (s) => location && s.location_ids.includes(location.id) && services.every((svc) => s.service_ids.includes(svc.id)),
  );
  if (staffId !== undefined) {
    if (!staffRows.length) errors.push({ field: 'staff_id', message: 'Unknown staff member.' });
    else if (location && services.length && !eligible.length) {
      errors.push({ field: 'staff_id', message: 'This staff member does not offer these services at this location.' });
    }
  }
  if (errors.length || !location) throw validationFailed(errors);

  return {
    locationId: location.id,
    timezone: location.timezone,
    settings: readBookingSettings(location.settings),
    services: services.map(toService),
    staff: eligible.map(({ id, name, working_hours }) => ({ id, name, working_hours })),
  };
}

function isBookableDate(ctx: Context, date: string, now: Date): boolean {
  const today = localDate(now, ctx.timezone);
  return date >= today && date <= addDays(today, ctx.settings.horizon_days);
}

interface DayStarts {
  perStaff: StaffStarts[];
  /** Minutes already booked per staff member that day (any location): "any staff" favours the least busy. */
  bookedMs: Map<string, number>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Free starts per eligible staff member on a date: two queries whatever the number of staff. */
async function computeStarts(tenant: ScopedDb, ctx: Context, date: string, now: Date): Promise<DayStarts> {
  const clock = localClock(ctx.timezone);
  const staff = ctx.staff
    .map((member) => ({ member, ...workingDay(member.working_hours, ctx.locationId, date, clock) }))
    .filter((d) => d.periods.length > 0);
  const periods = staff.flatMap((s) => s.periods);
  if (!periods.length) return { perStaff: [], bookedMs: new Map() };

  const from = new Date(Math.min(...periods.map((p) => p.start)));
  const to = new Date(Math.max(...periods.map((p) => p.end)));
  // One array parameter, not one per staff member: cheaper to bind, one plan for any number of staff.
  const staffIds = staff.map((s) => s.member.id);
  const [timeOff, appointments] = await Promise.all([
    tenant
      .selectFrom('staff_time_off')
      .select(['staff_id', 'starts_at', 'ends_at'])
      .where(sql<boolean>`staff_id = any(${staffIds}::uuid[])`)
      .where('starts_at', '<', to)
      .where('ends_at', '>', from)
      .execute(),
    // Each appointment's buffer is the largest of its services' (same rule as a new booking). The range
    // test matches the exclusion constraint's gist index.
    tenant
      .selectFrom('appointments')
      .select([
        'staff_id',
        'starts_at',
        'ends_at',
        sql<number>`(select coalesce(max(s.buffer_minutes), 0)::int from appointment_items i
          join services s on s.id = i.service_id where i.appointment_id = appointments.id)`.as('buffer_minutes'),
      ])
      .where(sql<boolean>`staff_id = any(${staffIds}::uuid[])`)
      .where('status', 'in', LIVE_STATUSES)
      .where(
        sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${new Date(+from - BUFFER_LOOKBACK_MS)}::timestamptz, ${to}::timestamptz)`,
      )
      .execute(),
  ]);

  const busy = new Map<string, Interval[]>();
  for (const off of timeOff) pushTo(busy, off.staff_id, { start: +off.starts_at, end: +off.ends_at });
  for (const a of appointments) {
    pushTo(busy, a.staff_id, { start: +a.starts_at, end: +a.ends_at + minutes(Number(a.buffer_minutes)) });
  }

  const rules: SlotRules = {
    durationMs: minutes(ctx.services.reduce((sum, s) => sum + s.duration_minutes, 0)),
    bufferMs: minutes(bookingBufferMinutes(ctx.services)),
    stepMs: minutes(ctx.settings.slot_step_minutes),
    notBefore: now.getTime() + minutes(ctx.settings.min_lead_minutes),
  };
  const dayStart = clock(date, 0);
  const dayEnd = clock(addDays(date, 1), 0);
  const bookedMs = new Map<string, number>();
  for (const a of appointments) {
    const overlap = Math.min(+a.ends_at, dayEnd) - Math.max(+a.starts_at, dayStart);
    if (overlap > 0) bookedMs.set(a.staff_id, (bookedMs.get(a.staff_id) ?? 0) + overlap);
  }
  const perStaff = staff.map(({ member, periods, breaks }) => ({
    staffId: member.id,
    starts: freeStarts({ staffId: member.id, periods, breaks, busy: busy.get(member.id) ?? [] }, rules),
  }));
  return { perStaff, bookedMs };
}

/**
 * Free slots on a date at a location for the services done back to back by one staff member, for one
 * staff member or merged over all who qualify. Unknown ids (or a malformed date) → 422 naming the field;
 * a date before today or beyond the horizon has no slots.
 */
export async function loadAvailability(tenant: ScopedDb, query: SlotQuery, now: Date): Promise<Availability> {
  const errors: FieldError[] = isCalendarDate(query.date) ? [] : [{ field: 'date', message: 'A date as YYYY-MM-DD.' }];
  const ctx = await loadContext(tenant, query, errors);
  const day = isBookableDate(ctx, query.date, now) ? await computeStarts(tenant, ctx, query.date, now) : undefined;
  return {
    date: query.date,
    timezone: ctx.timezone,
    settings: ctx.settings,
    services: ctx.services,
    duration_minutes: ctx.services.reduce((sum, s) => sum + s.duration_minutes, 0),
    buffer_minutes: bookingBufferMinutes(ctx.services),
    slots: day
      ? mergeStarts(day.perStaff).map(({ startsAt, staffId }) => ({ starts_at: new Date(startsAt), staff_id: staffId }))
      : [],
  };
}

/** How many free starts each of `days` dates from `from` has: one request for a week strip in the widget. */
export async function loadFreeDays(
  tenant: ScopedDb,
  query: Omit<SlotQuery, 'date'> & { from: string; days: number },
  now: Date,
): Promise<{ date: string; free: number }[]> {
  const errors: FieldError[] = isCalendarDate(query.from) ? [] : [{ field: 'from', message: 'A date as YYYY-MM-DD.' }];
  const ctx = await loadContext(tenant, query, errors);
  const out: { date: string; free: number }[] = [];
  for (let i = 0; i < query.days; i++) {
    const date = addDays(query.from, i);
    const day = isBookableDate(ctx, date, now) ? await computeStarts(tenant, ctx, date, now) : undefined;
    out.push({ date, free: day ? mergeStarts(day.perStaff).length : 0 });
  }
  return out;
}

/**
 * Whether a booking may start at `startsAt` under the same rules as the slot list (grid, lead time,
 * horizon, hours, breaks, time off, appointments and buffers). Returns the staff member who takes it, or
 * null when the time is not free. Without `staffId`, "any staff" picks the qualifying member with the
 * fewest minutes booked that day, then by name. Unknown ids → 422 as for loadAvailability.
 */
export async function isSlotFree(tenant: ScopedDb, check: SlotCheck, now: Date): Promise<string | null> {
  const ctx = await loadContext(tenant, check);
  const t = check.startsAt.getTime();
  if (Number.isNaN(t)) return null;
  // Shifts end on the day they start, so the start's local date is the only day to look at.
  const date = localDate(check.startsAt, ctx.timezone);
  if (!isBookableDate(ctx, date, now)) return null;
  const day = await computeStarts(tenant, ctx, date, now);
  // perStaff keeps the name order, so a strict `<` leaves a tie to the first by name.
  let best: { staffId: string; booked: number } | undefined;
  for (const { staffId, starts } of day.perStaff) {
    if (!starts.includes(t)) continue;
    const booked = day.bookedMs.get(staffId) ?? 0;
    if (!best || booked < best.booked) best = { staffId, booked };
  }
  return best?.staffId ?? null;
}

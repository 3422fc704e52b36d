import { describe, expect, it } from 'vitest';
import { bookingEndsAt, isSlotFree, loadAvailability, loadBookableServices } from '../src/booking/availability';
import { covers, normalize, subtract } from '../src/booking/intervals';
import { localInstant } from '../src/booking/local-time';
import { readBookingSettings } from '../src/booking/settings';
import { freeStarts, mergeStarts, workingDay } from '../src/booking/slots';
import type { AppointmentStatus, WorkingHours } from '../src/db/schema';
import { type TestBusiness, useTestApp } from './harness';

// The app reads this clock on every request; tests move it.
let clock = new Date('2026-03-01T12:00:00Z'); // a Sunday; London is on GMT until 29 March
const t = await useTestApp({ now: () => clock });

const MONDAY = '2026-03-02';

// --- fixtures ------------------------------------------------------------------------------------

interface Salon {
  biz: TestBusiness;
  soho: string;
  berlin: string;
  client: string;
  names: Map<string, string>;
}

async function salon(): Promise<Salon> {
  const biz = await t.newBusiness();
  const location = async (name: string, timezone: string) =>
    (await biz.tenant.insertInto('locations', { name, timezone }).returning('id').executeTakeFirstOrThrow()).id;
  const client = await biz.tenant
    .insertInto('clients', { first_name: 'Client' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    biz,
    soho: await location('Soho', 'Europe/London'),
    berlin: await location('Mitte', 'Europe/Berlin'),
    client: client.id,
    names: new Map(),
  };
}

async function service(
  s: Salon,
  name: string,
  duration_minutes: number,
  extra: { buffer_minutes?: number; online_booking?: boolean; active?: boolean } = {},
): Promise<string> {
  const row = await s.biz.tenant
    .insertInto('services', { name, duration_minutes, price: 3000, ...extra })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const hours = (location_id: string, weekday: number, start: string, end: string, breaks?: WorkingHours['breaks']) => ({
  location_id,
  weekday,
  start,
  end,
  ...(breaks && { breaks }),
});

async function staff(
  s: Salon,
  name: string,
  opts: { services: string[]; hours: WorkingHours[]; locations?: string[]; active?: boolean },
): Promise<string> {
  const row = await s.biz.tenant
    .insertInto('staff', {
      name,
      location_ids: opts.locations ?? [...new Set(opts.hours.map((h) => h.location_id))],
      service_ids: opts.services,
      working_hours: JSON.stringify(opts.hours),
      active: opts.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  s.names.set(row.id, name);
  return row.id;
}

async function book(
  s: Salon,
  a: { staff: string; start: string; end: string; service?: string; status?: AppointmentStatus; location?: string },
) {
  const row = await s.biz.tenant
    .insertInto('appointments', {
      location_id: a.location ?? s.soho,
      staff_id: a.staff,
      client_id: s.client,
      starts_at: a.start,
      ends_at: a.end,
      status: a.status ?? 'confirmed',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (a.service) {
    await s.biz.tenant
      .insertInto('appointment_items', {
        appointment_id: row.id,
        kind: 'service',
        service_id: a.service,
        name: 'Service',
        price: 3000,
        amount: 3000,
      })
      .execute();
  }
}

async function timeOff(s: Salon, staff_id: string, starts_at: string, ends_at: string) {
  await s.biz.tenant.insertInto('staff_time_off', { staff_id, starts_at, ends_at }).execute();
}

async function settings(s: Salon, booking: Record<string, number>) {
  const res = await t.call('PATCH', '/v1/business', { token: s.biz.secretKey, body: { booking } });
  expect(res.status).toBe(200);
}

async function slots(s: Salon, query: Record<string, string | undefined>) {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  return t.call('GET', `/v1/public/booking/slots?${params}`, {
    headers: { 'X-Publishable-Key': s.biz.publishableKey },
  });
}

/** "HH:MM Name" in UTC, which is London's wall clock before 29 March. */
async function list(s: Salon, query: Record<string, string | undefined>): Promise<string[]> {
  const res = await slots(s, { location_id: s.soho, date: MONDAY, ...query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.slots.map(
    (slot: { starts_at: string; staff_id: string }) => `${slot.starts_at.slice(11, 16)} ${s.names.get(slot.staff_id)}`,
  );
}

async function isoList(s: Salon, query: Record<string, string | undefined>): Promise<string[]> {
  const res = await slots(s, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.slots.map((slot: { starts_at: string }) => slot.starts_at);
}

function fieldOf(res: { status: number; body: { error: { details: { field: string }[] } } }) {
  return [res.status, res.body.error.details.map((d) => d.field)];
}

// --- pure parts ----------------------------------------------------------------------------------

describe('intervals', () => {
  const iv = (start: number, end: number) => ({ start, end });

  it('normalises: sorts, merges overlapping and touching, drops empty', () => {
    expect(normalize([iv(5, 7), iv(1, 3), iv(3, 4), iv(9, 9), iv(6, 8)])).toEqual([iv(1, 4), iv(5, 8)]);
  });

  it('subtracts busy periods, including ones spanning several free pieces', () => {
    expect(subtract([iv(0, 10), iv(20, 30)], [iv(2, 4), iv(8, 22), iv(25, 26)])).toEqual([
      iv(0, 2),
      iv(4, 8),
      iv(22, 25),
      iv(26, 30),
    ]);
    expect(subtract([iv(0, 10)], [])).toEqual([iv(0, 10)]);
    expect(subtract([iv(0, 10)], [iv(-5, 15)])).toEqual([]);
  });

  it('finds whether a range lies inside one interval', () => {
    const list = [iv(0, 10), iv(20, 30)];
    expect(covers(list, 0, 10)).toBe(true);
    expect(covers(list, 20, 25)).toBe(true);
    expect(covers(list, 5, 21)).toBe(false);
    expect(covers(list, 10, 12)).toBe(false);
    expect(covers(list, 29, 31)).toBe(false);
    expect(covers([], 0, 1)).toBe(false);
  });
});

describe('slot grid', () => {
  const min = (n: number) => n * 60_000;
  const day = { staffId: 'a', periods: [{ start: 0, end: min(240) }], breaks: [], busy: [] };

  it('steps from the start of each working period and needs duration plus buffer free', () => {
    const starts = freeStarts(
      { ...day, breaks: [{ start: min(120), end: min(150) }], busy: [{ start: min(30), end: min(40) }] },
      { durationMs: min(30), bufferMs: min(10), stepMs: min(30), notBefore: 0 },
    );
    // 0 collides with the busy 30–40, 60 ends at 100, 90+40 reaches the break, 150+40 fits, 210+40 runs past the end.
    expect(starts.map((s) => s / min(1))).toEqual([60, 150, 180]);
  });

  it('keeps the grid when the earliest start falls between grid points', () => {
    const starts = freeStarts(day, { durationMs: min(60), bufferMs: 0, stepMs: min(15), notBefore: min(50) });
    expect(starts.map((s) => s / min(1))).toEqual([60, 75, 90, 105, 120, 135, 150, 165, 180]);
  });

  it('merges staff by time, in the given staff order, one entry per staff member', () => {
    expect(
      mergeStarts([
        { staffId: 'b', starts: [10, 30] },
        { staffId: 'a', starts: [10, 20] },
      ]),
    ).toEqual([
      { startsAt: 10, staffId: 'b' },
      { startsAt: 10, staffId: 'a' },
      { startsAt: 20, staffId: 'a' },
      { startsAt: 30, staffId: 'b' },
    ]);
  });

  it('reads working hours of the weekday at the location, ignoring entries that do not end after they start', () => {
    const at = (date: string, minutes: number) => localInstant(date, minutes, 'Europe/London');
    const week: WorkingHours[] = [
      hours('L', 1, '09:00', '12:00', [{ start: '10:00', end: '10:15' }]),
      hours('L', 1, '22:00', '02:00'),
      hours('M', 1, '13:00', '17:00'),
      hours('L', 2, '09:00', '17:00'),
    ];
    expect(workingDay(week, 'L', MONDAY, at)).toEqual({
      periods: [{ start: Date.parse('2026-03-02T09:00Z'), end: Date.parse('2026-03-02T12:00Z') }],
      breaks: [{ start: Date.parse('2026-03-02T10:00Z'), end: Date.parse('2026-03-02T10:15Z') }],
    });
  });
});

describe('local wall-clock times', () => {
  const london = (date: string, time: string) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return new Date(localInstant(date, h * 60 + m, 'Europe/London')).toISOString();
  };

  it('reads ordinary times with the offset of the day', () => {
    expect(london('2026-03-28', '09:00')).toBe('2026-03-28T09:00:00.000Z');
    expect(london('2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(london('2026-03-29', '24:00')).toBe('2026-03-29T23:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    // 01:30 does not exist on 29 March: read as 02:30 BST.
    expect(london('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(london('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a time that happens twice as its first occurrence', () => {
    // 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT) on 25 October.
    expect(london('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(london('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('booking settings', () => {
  it('fills defaults and ignores stored values out of range', () => {
    expect(readBookingSettings({})).toEqual({ slot_step_minutes: 15, min_lead_minutes: 60, horizon_days: 60 });
    expect(readBookingSettings({ booking: { slot_step_minutes: 30, horizon_days: -1 } })).toEqual({
      slot_step_minutes: 30,
      min_lead_minutes: 60,
      horizon_days: 60,
    });
  });

  it('are changed field by field through PATCH /v1/business and validated', async () => {
    const s = await salon();
    const token = s.biz.secretKey;
    await t.call('PATCH', '/v1/business', { token, body: { booking: { slot_step_minutes: 30 } } });
    const res = await t.call('PATCH', '/v1/business', { token, body: { booking: { horizon_days: 14 } } });
    expect(res.body.booking).toEqual({ slot_step_minutes: 30, min_lead_minutes: 60, horizon_days: 14 });
    expect((await t.call('GET', '/v1/business', { token })).body.booking.horizon_days).toBe(14);
    const bad = await t.call('PATCH', '/v1/business', { token, body: { booking: { slot_step_minutes: 0 } } });
    expect(fieldOf(bad)).toEqual([422, ['booking.slot_step_minutes']]);
    const unknown = await t.call('PATCH', '/v1/business', { token, body: { booking: { step: 5 } } });
    expect(unknown.status).toBe(422);
    // Other fields still change on their own and leave the booking settings alone.
    const renamed = await t.call('PATCH', '/v1/business', { token, body: { name: 'Renamed' } });
    expect([renamed.body.name, renamed.body.booking.horizon_days]).toEqual(['Renamed', 14]);
    expect((await t.call('PATCH', '/v1/business', { token, body: {} })).status).toBe(422);
  });
});

// --- slots over the API --------------------------------------------------------------------------

describe('GET /v1/public/booking/slots', () => {
  it('lists a simple day on the default 15-minute grid, free times only', async () => {
    const s = await salon();
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 1, '09:00', '12:00')] });
    const res = await slots(s, { location_id: s.soho, service_ids: cut, date: MONDAY });
    expect(Object.keys(res.body)).toEqual(['slots']);
    expect(Object.keys(res.body.slots[0]).sort()).toEqual(['staff_id', 'starts_at']);
    expect(res.body.slots[0].starts_at).toBe('2026-03-02T09:00:00.000Z');
    expect(await list(s, { service_ids: cut })).toEqual(
      ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'].map((x) => `${x} Alice`),
    );
    // Tuesday: no hours.
    expect(await list(s, { service_ids: cut, date: '2026-03-03' })).toEqual([]);
  });

  it('leaves out breaks', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 30 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', {
      services: [cut],
      hours: [hours(s.soho, 1, '09:00', '13:00', [{ start: '11:00', end: '11:30' }])],
    });
    expect(await list(s, { service_ids: cut })).toEqual(
      ['09:00', '09:30', '10:00', '11:30', '12:00'].map((x) => `${x} Alice`),
    );
  });

  it('leaves out existing live appointments at any location, with their buffer and the new one’s', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 30 });
    const cut = await service(s, 'Cut', 60, { buffer_minutes: 15 });
    const colour = await service(s, 'Colour touch-up', 30, { buffer_minutes: 30 });
    const alice = await staff(s, 'Alice', {
      services: [cut, colour],
      hours: [hours(s.soho, 1, '09:00', '13:00')],
      locations: [s.soho, s.berlin],
    });
    // Busy 10:30–11:30 (30 minutes of buffer after the touch-up).
    await book(s, { staff: alice, start: '2026-03-02T10:30Z', end: '2026-03-02T11:00Z', service: colour });
    // Cancelled and no-show appointments free their time.
    await book(s, { staff: alice, start: '2026-03-02T09:00Z', end: '2026-03-02T10:00Z', status: 'cancelled' });
    await book(s, { staff: alice, start: '2026-03-02T09:00Z', end: '2026-03-02T09:30Z', status: 'no_show' });
    // A booking needs 75 minutes (60 + 15 of buffer): 09:00 ends its buffer at 10:15; 11:30 at 12:45;
    // 12:00 would run past 13:00.
    expect(await list(s, { service_ids: cut })).toEqual(['09:00 Alice', '11:30 Alice']);

    // The same person booked at the other branch is not free here either.
    await book(s, { staff: alice, start: '2026-03-02T12:00Z', end: '2026-03-02T12:15Z', location: s.berlin });
    expect(await list(s, { service_ids: cut })).toEqual(['09:00 Alice']);
  });

  it('leaves out time off', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 60 });
    const cut = await service(s, 'Cut', 60);
    const alice = await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 1, '09:00', '13:00')] });
    const bob = await staff(s, 'Bob', { services: [cut], hours: [hours(s.soho, 1, '09:00', '13:00')] });
    await timeOff(s, alice, '2026-03-02T10:30Z', '2026-03-02T11:15Z');
    await timeOff(s, bob, '2026-02-28T00:00Z', '2026-03-07T00:00Z'); // a week's holiday
    expect(await list(s, { service_ids: cut })).toEqual(['09:00 Alice', '12:00 Alice']);
  });

  it('books several services back to back with one person who performs them all', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 30 });
    const cut = await service(s, 'Cut', 60);
    const blowDry = await service(s, 'Blow-dry', 45, { buffer_minutes: 15 });
    await staff(s, 'Alice', { services: [cut, blowDry], hours: [hours(s.soho, 1, '09:00', '13:00')] });
    const bob = await staff(s, 'Bob', { services: [cut], hours: [hours(s.soho, 1, '09:00', '13:00')] });
    // 105 minutes plus 15 of buffer = 2 hours; only Alice does both.
    expect(await list(s, { service_ids: `${cut},${blowDry}` })).toEqual(
      ['09:00', '09:30', '10:00', '10:30', '11:00'].map((x) => `${x} Alice`),
    );
    const repeated = await t.call(
      'GET',
      `/v1/public/booking/slots?location_id=${s.soho}&service_ids=${cut}&service_ids=${blowDry}&date=${MONDAY}`,
      { headers: { 'X-Publishable-Key': s.biz.publishableKey } },
    );
    expect(repeated.body.slots).toHaveLength(5);
    const refused = await slots(s, {
      location_id: s.soho,
      service_ids: `${cut},${blowDry}`,
      staff_id: bob,
      date: MONDAY,
    });
    expect(fieldOf(refused)).toEqual([422, ['staff_id']]);
  });

  it('merges staff for "any staff": a time free for two appears once per person', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 60 });
    const cut = await service(s, 'Cut', 60);
    const bob = await staff(s, 'Bob', { services: [cut], hours: [hours(s.soho, 1, '09:00', '11:00')] });
    await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 1, '09:00', '11:00')] });
    await book(s, { staff: bob, start: '2026-03-02T10:00Z', end: '2026-03-02T11:00Z', service: cut });
    expect(await list(s, { service_ids: cut })).toEqual(['09:00 Alice', '09:00 Bob', '10:00 Alice']);
    expect(await list(s, { service_ids: cut, staff_id: bob })).toEqual(['09:00 Bob']);
    // An empty staff_id (a form's "any") means any staff.
    expect(await list(s, { service_ids: cut, staff_id: '' })).toHaveLength(3);
  });

  it('starts no earlier than now plus the lead time', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 30 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 1, '09:00', '13:00')] });
    const saved = clock;
    try {
      clock = new Date('2026-03-02T09:20:00Z'); // lead 60 → nothing before 10:20, next grid point 10:30
      expect(await list(s, { service_ids: cut })).toEqual(
        ['10:30', '11:00', '11:30', '12:00'].map((x) => `${x} Alice`),
      );
      await settings(s, { min_lead_minutes: 0 });
      expect(await list(s, { service_ids: cut })).toEqual(
        ['09:30', '10:00', '10:30', '11:00', '11:30', '12:00'].map((x) => `${x} Alice`),
      );
    } finally {
      clock = saved;
    }
  });

  it('answers no slots for past dates and dates beyond the horizon', async () => {
    const s = await salon();
    await settings(s, { horizon_days: 7 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', {
      services: [cut],
      hours: [hours(s.soho, 1, '09:00', '10:00'), hours(s.soho, 7, '09:00', '10:00')],
    });
    // Today is Sunday 1 March: the 8th is the last bookable day, Monday the 9th is one too far.
    expect(await list(s, { service_ids: cut, date: '2026-03-08' })).toEqual(['09:00 Alice']);
    expect(await list(s, { service_ids: cut, date: '2026-03-09' })).toEqual([]);
    expect(await list(s, { service_ids: cut, date: '2026-02-23' })).toEqual([]);
    await settings(s, { horizon_days: 8 });
    expect(await list(s, { service_ids: cut, date: '2026-03-09' })).toEqual(['09:00 Alice']);
  });

  it('counts the free starts of each day of a range in one request (GET /booking/days)', async () => {
    const s = await salon();
    await settings(s, { horizon_days: 7, slot_step_minutes: 30 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', {
      services: [cut],
      hours: [hours(s.soho, 1, '09:00', '11:00'), hours(s.soho, 3, '09:00', '10:00')],
    });
    const res = await t.call(
      'GET',
      `/v1/public/booking/days?location_id=${s.soho}&service_ids=${cut}&from=2026-02-28&days=10`,
      { headers: { 'X-Publishable-Key': s.biz.publishableKey } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Today is Sunday 1 March: the 28th is past, Mondays have 09:00/09:30/10:00, Wednesday 09:00, the 9th is
    // beyond the horizon.
    expect(res.body.days).toEqual([
      { date: '2026-02-28', free: 0 },
      { date: '2026-03-01', free: 0 },
      { date: '2026-03-02', free: 3 },
      { date: '2026-03-03', free: 0 },
      { date: '2026-03-04', free: 1 },
      { date: '2026-03-05', free: 0 },
      { date: '2026-03-06', free: 0 },
      { date: '2026-03-07', free: 0 },
      { date: '2026-03-08', free: 0 },
      { date: '2026-03-09', free: 0 },
    ]);
    const bad = await t.call('GET', `/v1/public/booking/days?location_id=${s.soho}&service_ids=${cut}&from=x&days=99`, {
      headers: { 'X-Publishable-Key': s.biz.publishableKey },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['days', 'from']);
  });

  it('keeps local 09:00–17:00 across the spring-forward change and handles the skipped hour', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 60 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 7, '09:00', '17:00')] });
    const q = { location_id: s.soho, service_ids: cut, date: '2026-03-29' };
    // BST from 01:00Z: local 09:00 is 08:00Z, eight one-hour slots, the last at local 16:00.
    const day = await isoList(s, q);
    expect(day).toHaveLength(8);
    expect([day[0], day[7]]).toEqual(['2026-03-29T08:00:00.000Z', '2026-03-29T15:00:00.000Z']);

    // Hours over the change: 00:00–04:00 lasts three real hours; the grid counts real time.
    const night = await staff(s, 'Nora', { services: [cut], hours: [hours(s.soho, 7, '00:00', '04:00')] });
    expect(await isoList(s, { ...q, staff_id: night })).toEqual([
      '2026-03-29T00:00:00.000Z', // 00:00 GMT
      '2026-03-29T01:00:00.000Z', // 02:00 BST: 01:00 does not exist
      '2026-03-29T02:00:00.000Z', // 03:00 BST
    ]);
    // A start inside the gap (01:30) is read as 02:30 BST; the day ends at 04:00 BST.
    const gap = await staff(s, 'Gus', { services: [cut], hours: [hours(s.soho, 7, '01:30', '04:00')] });
    expect(await isoList(s, { ...q, staff_id: gap })).toEqual(['2026-03-29T01:30:00.000Z']);
  });

  it('keeps local 09:00–17:00 across the fall-back change and offers the repeated hour twice', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 60 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 7, '09:00', '17:00')] });
    const night = await staff(s, 'Nora', { services: [cut], hours: [hours(s.soho, 7, '00:00', '04:00')] });
    const twice = await staff(s, 'Gus', { services: [cut], hours: [hours(s.soho, 7, '01:30', '03:00')] });
    const saved = clock;
    try {
      clock = new Date('2026-10-20T12:00:00Z');
      const q = { location_id: s.soho, service_ids: cut, date: '2026-10-25' };
      const day = await isoList(s, { ...q, staff_id: undefined });
      const alice = day.filter((iso) => iso >= '2026-10-25T05:00');
      expect(alice).toHaveLength(8);
      expect([alice[0], alice[7]]).toEqual(['2026-10-25T09:00:00.000Z', '2026-10-25T16:00:00.000Z']);
      // 00:00–04:00 lasts five real hours; local 01:00 comes round twice and is offered both times.
      expect(await isoList(s, { ...q, staff_id: night })).toEqual([
        '2026-10-24T23:00:00.000Z', // 00:00 BST
        '2026-10-25T00:00:00.000Z', // 01:00 BST
        '2026-10-25T01:00:00.000Z', // 01:00 GMT
        '2026-10-25T02:00:00.000Z', // 02:00 GMT
        '2026-10-25T03:00:00.000Z', // 03:00 GMT
      ]);
      // A start at the repeated 01:30 means its first occurrence (BST).
      expect(await isoList(s, { ...q, staff_id: twice })).toEqual([
        '2026-10-25T00:30:00.000Z',
        '2026-10-25T01:30:00.000Z',
      ]);
    } finally {
      clock = saved;
    }
  });

  it('reads hours and dates in the location’s zone, not the business’s', async () => {
    const s = await salon(); // business in Europe/London
    await settings(s, { slot_step_minutes: 60, min_lead_minutes: 0, horizon_days: 0 });
    const cut = await service(s, 'Cut', 60);
    await staff(s, 'Alice', { services: [cut], hours: [hours(s.berlin, 1, '09:00', '12:00')] });
    await staff(s, 'Bob', { services: [cut], hours: [hours(s.soho, 1, '09:00', '12:00')] });
    const saved = clock;
    try {
      // 23:30 on Sunday in London is already Monday 00:30 in Berlin: "today" there, tomorrow in London.
      clock = new Date('2026-03-01T23:30:00Z');
      expect(await isoList(s, { location_id: s.berlin, service_ids: cut, date: MONDAY })).toEqual([
        '2026-03-02T08:00:00.000Z',
        '2026-03-02T09:00:00.000Z',
        '2026-03-02T10:00:00.000Z',
      ]);
      expect(await isoList(s, { location_id: s.soho, service_ids: cut, date: MONDAY })).toEqual([]);
    } finally {
      clock = saved;
    }
  });

  it('offers only active services bookable online, and only active staff', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 60 });
    const cut = await service(s, 'Cut', 60);
    const retired = await service(s, 'Perm', 60, { active: false });
    const phoneOnly = await service(s, 'Bridal', 60, { online_booking: false });
    const everything = [cut, retired, phoneOnly];
    await staff(s, 'Alice', { services: everything, hours: [hours(s.soho, 1, '09:00', '10:00')] });
    const gone = await staff(s, 'Bob', {
      services: everything,
      hours: [hours(s.soho, 1, '09:00', '10:00')],
      active: false,
    });
    expect(await list(s, { service_ids: cut })).toEqual(['09:00 Alice']);
    for (const id of [retired, phoneOnly]) {
      expect(fieldOf(await slots(s, { location_id: s.soho, service_ids: id, date: MONDAY }))).toEqual([
        422,
        ['service_ids'],
      ]);
    }
    expect(fieldOf(await slots(s, { location_id: s.soho, service_ids: cut, staff_id: gone, date: MONDAY }))).toEqual([
      422,
      ['staff_id'],
    ]);
  });

  it('refuses unknown, malformed and other businesses’ ids and bad dates with 422 naming the field', async () => {
    const s = await salon();
    const other = await salon();
    const cut = await service(s, 'Cut', 60);
    const alice = await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 1, '09:00', '10:00')] });
    const theirCut = await service(other, 'Cut', 60);
    const theirStaff = await staff(other, 'Zed', {
      services: [theirCut],
      hours: [hours(other.soho, 1, '09:00', '10:00')],
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ok = { location_id: s.soho, service_ids: cut, staff_id: alice, date: MONDAY };
    const cases: [Record<string, string | undefined>, string[]][] = [
      [{ location_id: unknown }, ['location_id']],
      [{ location_id: other.soho }, ['location_id']],
      [{ location_id: 'soho' }, ['location_id']],
      [{ location_id: undefined }, ['location_id']],
      [{ service_ids: unknown }, ['service_ids']],
      [{ service_ids: theirCut }, ['service_ids']],
      [{ service_ids: `${cut},${cut}` }, ['service_ids']],
      [{ service_ids: `${cut},nope` }, ['service_ids']],
      [{ service_ids: '' }, ['service_ids']],
      [{ staff_id: unknown }, ['staff_id']],
      [{ staff_id: theirStaff }, ['staff_id']],
      [{ date: '2026-02-30' }, ['date']],
      [{ date: '2026-3-2' }, ['date']],
      [{ date: undefined }, ['date']],
      [
        { location_id: other.soho, service_ids: theirCut, staff_id: theirStaff },
        ['location_id', 'service_ids', 'staff_id'],
      ],
    ];
    for (const [change, fields] of cases) {
      const res = await slots(s, { ...ok, ...change });
      expect(fieldOf(res), JSON.stringify(change)).toEqual([422, fields]);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await slots(s, ok)).status).toBe(200);
  });

  it('answers only with the publishable key', async () => {
    const s = await salon();
    const cut = await service(s, 'Cut', 60);
    const path = `/v1/public/booking/slots?location_id=${s.soho}&service_ids=${cut}&date=${MONDAY}`;
    expect((await t.call('GET', path)).status).toBe(401);
    expect((await t.call('GET', path, { token: s.biz.secretKey })).status).toBe(401);
    expect((await t.call('GET', path, { headers: { 'X-Publishable-Key': s.biz.secretKey } })).status).toBe(401);
    expect((await t.call('GET', `${path}&key=${s.biz.publishableKey}`)).status).toBe(200);
    expect((await t.call('GET', path, { headers: { 'X-Publishable-Key': s.biz.publishableKey } })).status).toBe(200);
  });
});

// --- the functions the booking endpoint uses -----------------------------------------------------

describe('isSlotFree and the booking end', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('accepts exactly the listed starts and names who takes them', async () => {
    const s = await salon();
    await settings(s, { slot_step_minutes: 30 });
    const cut = await service(s, 'Cut', 60, { buffer_minutes: 15 });
    const alice = await staff(s, 'Alice', { services: [cut], hours: [hours(s.soho, 1, '09:00', '12:00')] });
    const bob = await staff(s, 'Bob', { services: [cut], hours: [hours(s.soho, 1, '09:00', '12:00')] });
    const base = { locationId: s.soho, serviceIds: [cut] };
    const at = (iso: string) => new Date(iso);

    // Both free and equally busy: the first by name.
    expect(await isSlotFree(s.biz.tenant, { ...base, startsAt: at('2026-03-02T09:00Z') }, now)).toBe(alice);
    // Alice gets busier: "any staff" now picks Bob, the least booked that day.
    await book(s, { staff: alice, start: '2026-03-02T11:00Z', end: '2026-03-02T12:00Z', service: cut });
    expect(await isSlotFree(s.biz.tenant, { ...base, startsAt: at('2026-03-02T09:00Z') }, now)).toBe(bob);
    expect(await isSlotFree(s.biz.tenant, { ...base, staffId: alice, startsAt: at('2026-03-02T09:00Z') }, now)).toBe(
      alice,
    );
    // 10:00 + 60 + 15 of buffer reaches Alice's 11:00 appointment; Bob is free.
    expect(await isSlotFree(s.biz.tenant, { ...base, staffId: alice, startsAt: at('2026-03-02T10:00Z') }, now)).toBe(
      null,
    );
    expect(await isSlotFree(s.biz.tenant, { ...base, startsAt: at('2026-03-02T10:00Z') }, now)).toBe(bob);
    // Off the grid, outside hours, in the past, beyond the horizon: not free.
    for (const iso of ['2026-03-02T09:10Z', '2026-03-02T08:30Z', '2026-02-23T09:00Z', '2026-06-01T09:00Z']) {
      expect(await isSlotFree(s.biz.tenant, { ...base, startsAt: at(iso) }, now), iso).toBe(null);
    }

    // Same rules as the list: every listed slot is free for its staff member, and the list agrees.
    const day = await loadAvailability(s.biz.tenant, { ...base, date: MONDAY }, now);
    expect(day.duration_minutes).toBe(60);
    expect(day.buffer_minutes).toBe(15);
    for (const slot of day.slots) {
      expect(await isSlotFree(s.biz.tenant, { ...base, staffId: slot.staff_id, startsAt: slot.starts_at }, now)).toBe(
        slot.staff_id,
      );
    }
  });

  it('throws the 422 for unknown ids', async () => {
    const s = await salon();
    const cut = await service(s, 'Cut', 60);
    const check = isSlotFree(
      s.biz.tenant,
      { locationId: s.soho, serviceIds: [cut], staffId: '00000000-0000-4000-8000-000000000000', startsAt: new Date() },
      now,
    );
    await expect(check).rejects.toMatchObject({ status: 422, details: [{ field: 'staff_id' }] });
    await expect(loadBookableServices(s.biz.tenant, ['x'])).rejects.toMatchObject({ status: 422 });
  });

  it('ends a booking after its services back to back, buffer not included', async () => {
    const s = await salon();
    const cut = await service(s, 'Cut', 60, { buffer_minutes: 15 });
    const blowDry = await service(s, 'Blow-dry', 45, { buffer_minutes: 10 });
    const services = await loadBookableServices(s.biz.tenant, [blowDry, cut]);
    expect(services.map((x) => x.name)).toEqual(['Blow-dry', 'Cut']);
    expect(bookingEndsAt(new Date('2026-03-02T09:00:00Z'), services).toISOString()).toBe('2026-03-02T10:45:00.000Z');
  });
});

// --- speed ---------------------------------------------------------------------------------------

describe('speed', () => {
  it('computes a day of 30 staff and hundreds of appointments in a few milliseconds', async () => {
    const s = await salon();
    const cut = await service(s, 'Cut', 30, { buffer_minutes: 5 });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(
        await staff(s, `Stylist ${String(i).padStart(2, '0')}`, {
          services: [cut],
          hours: [hours(s.soho, 1, '08:00', '20:00', [{ start: '13:00', end: '13:45' }])],
        }),
      );
    }
    // Ten 30-minute appointments each, every 70 minutes from 08:00: 300 in all.
    const rows = ids.flatMap((staff_id) =>
      Array.from({ length: 10 }, (_, k) => ({
        location_id: s.soho,
        staff_id,
        client_id: s.client,
        starts_at: new Date(Date.parse('2026-03-02T08:00Z') + k * 70 * 60_000).toISOString(),
        ends_at: new Date(Date.parse('2026-03-02T08:30Z') + k * 70 * 60_000).toISOString(),
      })),
    );
    await s.biz.tenant.insertInto('appointments', rows).execute();

    const query = { locationId: s.soho, serviceIds: [cut], date: MONDAY };
    const first = await loadAvailability(s.biz.tenant, query, clock);
    // Per person: one 35-minute booking fits in each 40-minute gap but not across the lunch break.
    expect(first.slots.length).toBeGreaterThan(200);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await loadAvailability(s.biz.tenant, query, clock);
    const perRequest = (performance.now() - started) / runs;
    console.info(`30 staff, 300 appointments: ${perRequest.toFixed(2)} ms per request with its 5 queries`);
    // Generous: PGlite is WebAssembly and this machine is shared; the computation itself is checked below.
    expect(perRequest).toBeLessThan(100);
  });

  it('computes the free starts of 30 staff with 300 busy periods in well under a millisecond', () => {
    const min = (n: number) => n * 60_000;
    const days = Array.from({ length: 30 }, (_, i) => ({
      staffId: `s${i}`,
      periods: [{ start: min(8 * 60), end: min(20 * 60) }],
      breaks: [{ start: min(13 * 60), end: min(13 * 60 + 45) }],
      busy: Array.from({ length: 10 }, (_, k) => ({ start: min(8 * 60 + k * 70), end: min(8 * 60 + k * 70 + 35) })),
    }));
    const rules = { durationMs: min(30), bufferMs: min(5), stepMs: min(15), notBefore: 0 };
    const compute = () => mergeStarts(days.map((d) => ({ staffId: d.staffId, starts: freeStarts(d, rules) })));
    compute();
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) compute();
    const perDay = (performance.now() - started) / runs;
    console.info(`pure slot computation for 30 staff: ${perDay.toFixed(3)} ms`);
    expect(perDay).toBeLessThan(5);
  });
});

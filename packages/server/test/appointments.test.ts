// Admin appointments: reception's calendar, bookings, status changes with their effect on the client's
// figures, and payments that never take a balance below zero. Times are UTC; the business is in London,
// which is on UTC in November and December, so "a day" there is the UTC day.
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listAppointments } from '../src/appointments/list';
import { refreshAggregates } from '../src/clients/aggregates';
import { ScopedDb } from '../src/tenancy/scoped-db';
import { type BusinessOwnedTable, useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const other = await t.newBusiness();
const token = biz.secretKey;

async function created(path: string, body: unknown, as = token): Promise<string> {
  const res = await t.call('POST', path, { token: as, body });
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body.id;
}

const soho = await created('/v1/locations', { name: 'Soho', timezone: 'Europe/London' });
const mitte = await created('/v1/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
const cut = await created('/v1/services', { name: 'Cut', duration_minutes: 30, price: 3000 });
const colour = await created('/v1/services', { name: 'Colour', duration_minutes: 90, price: 9000 });
const massage = await created('/v1/services', { name: 'Massage', duration_minutes: 60, price: 5000 });
const ana = await created('/v1/staff', { name: 'Ana', location_ids: [soho], service_ids: [cut, colour, massage] });
const ben = await created('/v1/staff', { name: 'Ben', location_ids: [soho, mitte], service_ids: [cut] });
// Cleo's calendar holds the status and payment scenarios, so they never collide with the booking ones.
const cleo = await created('/v1/staff', { name: 'Cleo', location_ids: [soho], service_ids: [cut, colour, massage] });
const otherLocation = await created('/v1/locations', { name: 'Elsewhere', timezone: 'Europe/London' }, other.secretKey);
const otherService = await created(
  '/v1/services',
  { name: 'Elsewhere', duration_minutes: 30, price: 1 },
  other.secretKey,
);

const categories = (await t.call('GET', '/v1/categories', { token })).body.items as {
  id: string;
  name: string;
  color: string;
}[];
const vip = categories.find((c) => c.name === 'VIP')!;
const regular = categories.find((c) => c.name === 'Regular')!;

let phoneSuffix = 0;
async function newClient(first_name: string, last_name: string, extra: object = {}): Promise<string> {
  phoneSuffix += 1;
  const phone = `07400 9050${String(phoneSuffix).padStart(2, '0')}`;
  return created('/v1/clients', { first_name, last_name, phone, ...extra });
}

interface Booking {
  client_id: string;
  starts_at: string;
  location_id?: string;
  staff_id?: string;
  service_ids?: string[];
  [field: string]: unknown;
}

const booking = (body: Booking) => ({ location_id: soho, staff_id: cleo, service_ids: [cut], ...body });
const book = (body: Booking, as = token) => t.call('POST', '/v1/appointments', { token: as, body: booking(body) });
async function booked(body: Booking): Promise<string> {
  const res = await book(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const patch = (id: string, body: unknown, as = token) => t.call('PATCH', `/v1/appointments/${id}`, { token: as, body });
const pay = (id: string, body: unknown, as = token) =>
  t.call('POST', `/v1/appointments/${id}/payments`, { token: as, body });
const getClient = async (id: string) => (await t.call('GET', `/v1/clients/${id}`, { token })).body;
const fields = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field).sort();

async function topUp(clientId: string, amount: number) {
  await t.db
    .insertInto('account_transactions')
    .values({ business_id: biz.id, client_id: clientId, kind: 'top_up', amount, balance_after: amount })
    .execute();
  await refreshAggregates(biz.tenant, [clientId], now);
}

async function counts() {
  const count = (table: BusinessOwnedTable) => t.rowCount(table, biz.id);
  return {
    appointments: await count('appointments'),
    payments: await count('payments'),
    ledger: await count('account_transactions'),
    loyalty: await count('loyalty_transactions'),
  };
}

describe('POST /v1/appointments', () => {
  it('books any client, one whose online booking is disabled too', async () => {
    const bo = await newClient('Bo', 'Blocked', { phone: '07400 905999', online_booking_disabled: true });
    const res = await book({
      client_id: bo,
      staff_id: ana,
      service_ids: [colour, cut],
      starts_at: '2026-12-01T10:00:00+00:00',
      comment: 'Call first',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      status: 'confirmed',
      starts_at: '2026-12-01T10:00:00.000Z',
      // 90 + 30 minutes back to back.
      ends_at: '2026-12-01T12:00:00.000Z',
      location_id: soho,
      staff_id: ana,
      service_ids: [colour, cut],
      client_id: bo,
      source: 'admin',
      comment: 'Call first',
      total: 12000,
      paid: 0,
      prepaid: 0,
      created_at: expect.any(String),
      client: {
        id: bo,
        name: 'Bo Blocked',
        phone: '+447400905999',
        categories: [],
        balance: 0,
        online_booking_disabled: true,
      },
    });
    expect((await t.call('GET', `/v1/appointments/${res.body.id}`, { token })).body).toEqual(res.body);
  });

  it('takes an explicit end and a pending status', async () => {
    const ida = await newClient('Ida', 'Pending');
    const res = await book({
      client_id: ida,
      staff_id: ana,
      starts_at: '2026-12-01T13:00:00Z',
      ends_at: '2026-12-01T14:00:00Z',
      status: 'pending',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', ends_at: '2026-12-01T14:00:00.000Z', total: 3000 });
  });

  it('names each invalid field and writes nothing', async () => {
    const ida = await newClient('Ida', 'Invalid');
    const before = await counts();
    const at = '2026-12-01T16:00:00Z';
    const cases: [object, string[]][] = [
      [{}, ['client_id', 'location_id', 'service_ids', 'staff_id', 'starts_at']],
      [
        booking({ client_id: crypto.randomUUID(), location_id: otherLocation, starts_at: at }),
        ['client_id', 'location_id'],
      ],
      // Ana works only in Soho; Ben does only cuts.
      [booking({ client_id: ida, location_id: mitte, staff_id: ana, starts_at: at }), ['staff_id']],
      [booking({ client_id: ida, staff_id: ben, service_ids: [colour], starts_at: at }), ['service_ids']],
      [booking({ client_id: ida, service_ids: [otherService], starts_at: at }), ['service_ids']],
      [booking({ client_id: ida, service_ids: [cut, cut], starts_at: at }), ['service_ids']],
      [booking({ client_id: ida, staff_id: crypto.randomUUID(), starts_at: at }), ['staff_id']],
      [booking({ client_id: ida, starts_at: at, ends_at: '2026-12-01T15:59:00Z' }), ['ends_at']],
      [booking({ client_id: ida, starts_at: at, ends_at: '2026-12-02T16:01:00Z' }), ['ends_at']],
      [booking({ client_id: ida, starts_at: '2026-12-01T16:00:00' }), ['starts_at']],
      [booking({ client_id: ida, starts_at: at, status: 'arrived' }), ['status']],
      [booking({ client_id: ida, starts_at: at, colour: 'red' }), ['colour']],
    ];
    for (const [body, expected] of cases) {
      const res = await t.call('POST', '/v1/appointments', { token, body });
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([422, 'validation_failed']);
      expect(fields(res), JSON.stringify(body)).toEqual(expected);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a second live booking of the same staff member at the same time: 409 slot_taken', async () => {
    const [ida, jo] = [await newClient('Ida', 'First'), await newClient('Jo', 'Second')];
    const first = await booked({ client_id: ida, staff_id: ana, starts_at: '2026-12-02T10:00:00Z' });
    const clash = await book({ client_id: jo, staff_id: ana, starts_at: '2026-12-02T10:15:00Z' });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'slot_taken']);
    // Another staff member, or the same one right after (ranges are half-open), is free.
    expect((await book({ client_id: jo, staff_id: ben, starts_at: '2026-12-02T10:15:00Z' })).status).toBe(201);
    expect((await book({ client_id: jo, staff_id: ana, starts_at: '2026-12-02T10:30:00Z' })).status).toBe(201);

    // A cancelled booking frees its time; it cannot come back once the time is taken.
    expect((await patch(first, { status: 'cancelled' })).body.status).toBe('cancelled');
    await booked({ client_id: jo, staff_id: ana, starts_at: '2026-12-02T10:00:00Z' });
    const restore = await patch(first, { status: 'confirmed' });
    expect([restore.status, restore.body.error.code]).toEqual([409, 'slot_taken']);
    expect((await t.call('GET', `/v1/appointments/${first}`, { token })).body.status).toBe('cancelled');
  });
});

// Three bookings on 3 December and two just outside it.
const lia = await newClient('Lia', 'Vip', { category_ids: [vip.id] });
const max = await newClient('Max', 'Blocked', { online_booking_disabled: true });
await topUp(lia, 2500);
const a = await booked({ client_id: lia, staff_id: ana, starts_at: '2026-12-03T09:00:00Z' });
const b = await booked({ client_id: max, location_id: mitte, staff_id: ben, starts_at: '2026-12-03T11:00:00Z' });
const c = await booked({ client_id: lia, staff_id: ben, starts_at: '2026-12-03T10:00:00Z' });
// Outside 3 December in London: just before and just after.
await booked({ client_id: lia, staff_id: ana, starts_at: '2026-12-02T23:30:00Z' });
await booked({ client_id: lia, staff_id: ana, starts_at: '2026-12-04T00:00:00Z' });

describe('GET /v1/appointments', () => {
  const list = async (query: string) => t.call('GET', `/v1/appointments?${query}`, { token });
  const ids = async (query: string) => (await list(query)).body.items.map((item: { id: string }) => item.id);

  it('lists a day in calendar order with the client at a glance', async () => {
    const res = await list('from=2026-12-03&to=2026-12-03');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([a, c, b]);
    expect(res.body.items[0].client).toEqual({
      id: lia,
      name: 'Lia Vip',
      phone: expect.stringMatching(/^\+447400905/),
      categories: [{ id: vip.id, name: 'VIP', color: vip.color, system_key: 'vip', assigned_by: 'manual' }],
      balance: 2500,
      online_booking_disabled: false,
    });
    expect(res.body.items[2].client).toMatchObject({ id: max, categories: [], online_booking_disabled: true });
    expect(res.body.items[2]).toMatchObject({ location_id: mitte, staff_id: ben, service_ids: [cut], prepaid: 0 });
  });

  it('filters by location and staff, and takes instants as a half-open range', async () => {
    expect(await ids(`from=2026-12-03&to=2026-12-03&location_id=${soho}`)).toEqual([a, c]);
    expect(await ids(`from=2026-12-03&to=2026-12-03&staff_id=${ben}`)).toEqual([c, b]);
    expect(await ids(`from=2026-12-03&to=2026-12-03&staff_id=${ben}&location_id=${mitte}`)).toEqual([b]);
    expect(await ids('from=2026-12-03T09:30:00Z&to=2026-12-03T11:00:00Z')).toEqual([c]);
    expect(
      (await t.call('GET', '/v1/appointments?from=2026-12-03&to=2026-12-03', { token: other.secretKey })).body,
    ).toEqual({ items: [], total: 0 });
  });

  it('needs both bounds, in order, at most 31 days apart', async () => {
    expect((await list('from=2026-12-01&to=2026-12-31')).status).toBe(200);
    const cases: [string, string[]][] = [
      ['from=2026-12-01&to=2027-01-01', ['to']],
      ['from=2026-12-03&to=2026-12-02', ['to']],
      ['from=2026-12-03T10:00:00Z&to=2026-12-03T10:00:00Z', ['to']],
      ['to=2026-12-03', ['from']],
      ['from=2026-02-30&to=2026-12-03', ['from']],
      ['from=2026-12-03&to=2026-12-03&location_id=x', ['location_id']],
    ];
    for (const [query, expected] of cases) {
      const res = await list(query);
      expect([res.status, fields(res)], query).toEqual([422, expected]);
    }
  });

  it('reads a page with one query per table, however many appointments it holds', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = new ScopedDb(t.db.withPlugin(counter), biz.tenant.business);
    const day = await listAppointments(counted, { from: '2026-12-03', to: '2026-12-03' });
    expect([day.total, queries]).toEqual([3, 4]);
    queries = 0;
    const month = await listAppointments(counted, { from: '2026-11-20', to: '2026-12-20' });
    expect(month.total).toBeGreaterThan(10);
    // Appointments, their service lines, their clients, the clients' categories.
    expect(queries).toBe(4);
  });
});

describe('PATCH /v1/appointments/:id: status', () => {
  it('arrival counts a visit at once, with the rule-assigned category; undoing it takes both back', async () => {
    const rule = await t.call('POST', '/v1/category-rules', {
      token,
      body: { category_id: regular.id, metric: 'visits_count', operator: 'gte', threshold: 1 },
    });
    expect(rule.status).toBe(201);
    const ava = await newClient('Ava', 'Arrives');
    const id = await booked({ client_id: ava, starts_at: '2026-11-25T09:00:00Z' });
    expect(await getClient(ava)).toMatchObject({ visits_count: 0, categories: [] });

    const arrived = await patch(id, { status: 'arrived' });
    expect(arrived.status).toBe(200);
    expect(arrived.body.status).toBe('arrived');
    expect(arrived.body.client.categories).toEqual([
      { id: regular.id, name: 'Regular', color: regular.color, system_key: 'regular', assigned_by: 'rule' },
    ]);
    expect(await getClient(ava)).toMatchObject({
      visits_count: 1,
      first_visit_at: '2026-11-25T09:00:00.000Z',
      last_visit_at: '2026-11-25T09:00:00.000Z',
      total_sold: 3000,
      categories: [{ id: regular.id, name: 'Regular', color: regular.color, system_key: 'regular' }],
    });

    // What was done changes on the arrived visit: the client's spend follows.
    const more = await patch(id, { service_ids: [cut, massage] });
    expect(more.body).toMatchObject({ total: 8000, ends_at: '2026-11-25T10:30:00.000Z' });
    expect((await getClient(ava)).total_sold).toBe(8000);

    const undone = await patch(id, { status: 'confirmed' });
    expect(undone.body.status).toBe('confirmed');
    expect(await getClient(ava)).toMatchObject({
      visits_count: 0,
      first_visit_at: null,
      last_visit_at: null,
      total_sold: 0,
      categories: [],
    });

    // A no-show marked by mistake: the client turned up late after all.
    expect((await patch(id, { status: 'no_show' })).body.status).toBe('no_show');
    expect((await getClient(ava)).visits_count).toBe(0);
    expect((await patch(id, { status: 'arrived' })).body.status).toBe('arrived');
    expect(await getClient(ava)).toMatchObject({ visits_count: 1, total_sold: 8000 });
  });

  it('allows only the transitions reception needs', async () => {
    const eve = await newClient('Eve', 'Transitions');
    const id = await booked({ client_id: eve, starts_at: '2026-11-24T09:00:00Z' });
    await patch(id, { status: 'arrived' });
    const refused = await patch(id, { status: 'no_show' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'arrived', to: 'no_show', allowed: ['confirmed'] },
    });
    expect((await patch(id, { status: 'cancelled' })).status).toBe(409);
    expect((await patch(id, { status: 'confirmed' })).status).toBe(200);
    expect((await patch(id, { status: 'cancelled' })).status).toBe(200);
    expect((await patch(id, { status: 'arrived' })).body.error.code).toBe('invalid_transition');
    expect((await patch(id, { status: 'pending' })).body.status).toBe('pending');
  });

  it('marks arrival or no-show on the appointment day at the earliest, in the branch time zone', async () => {
    const fay = await newClient('Fay', 'Future');
    const tomorrow = await booked({ client_id: fay, starts_at: '2026-11-26T09:00:00Z' });
    for (const status of ['arrived', 'no_show']) {
      const res = await patch(tomorrow, { status });
      expect([res.status, fields(res)]).toEqual([422, ['status']]);
    }
    // Later today in London: the client may come early.
    const tonight = await booked({ client_id: fay, starts_at: '2026-11-25T18:00:00Z' });
    expect((await patch(tonight, { status: 'arrived' })).status).toBe(200);
    // 23:30 UTC is already the 26th in Berlin.
    const berlin = await booked({
      client_id: fay,
      location_id: mitte,
      staff_id: ben,
      starts_at: '2026-11-25T23:30:00Z',
    });
    expect((await patch(berlin, { status: 'arrived' })).status).toBe(422);
  });
});

describe('PATCH /v1/appointments/:id: changes', () => {
  it('reschedules, recomputing end, lines and total, and keeps lines still booked', async () => {
    const gus = await newClient('Gus', 'Moves');
    const id = await booked({ client_id: gus, starts_at: '2026-12-07T10:00:00Z', ends_at: '2026-12-07T11:00:00Z' });

    // Moved: it keeps the hour reception gave it.
    const moved = await patch(id, { starts_at: '2026-12-07T14:00:00Z' });
    expect(moved.body).toMatchObject({ starts_at: '2026-12-07T14:00:00.000Z', ends_at: '2026-12-07T15:00:00.000Z' });

    const recoloured = await patch(id, { service_ids: [colour] });
    expect(recoloured.body).toMatchObject({ service_ids: [colour], total: 9000, ends_at: '2026-12-07T15:30:00.000Z' });

    const benRefused = await patch(id, { staff_id: ben });
    expect([benRefused.status, fields(benRefused)]).toEqual([422, ['service_ids']]);
    const toBen = await patch(id, { staff_id: ben, service_ids: [cut] });
    expect(toBen.body).toMatchObject({ staff_id: ben, total: 3000, ends_at: '2026-12-07T14:30:00.000Z' });
    const lineStaff = await t.db
      .selectFrom('appointment_items')
      .select('staff_id')
      .where('appointment_id', '=', id)
      .execute();
    expect(lineStaff).toEqual([{ staff_id: ben }]);
    expect((await patch(id, { location_id: mitte })).body.location_id).toBe(mitte);

    // A discount given on the cut stays when a service is added next to it.
    await t.db
      .updateTable('appointment_items')
      .set({ discount: 20, amount: 2400 })
      .where('appointment_id', '=', id)
      .execute();
    const both = await patch(id, { location_id: soho, staff_id: cleo, service_ids: [cut, massage] });
    expect(both.body).toMatchObject({ total: 2400 + 5000, ends_at: '2026-12-07T15:30:00.000Z' });
  });

  it('keeps a service archived since on the appointment, but books it no more', async () => {
    const toner = await created('/v1/services', { name: 'Toner', duration_minutes: 15, price: 1500 });
    const dee = await created('/v1/staff', { name: 'Dee', location_ids: [soho], service_ids: [cut, toner] });
    const nia = await newClient('Nia', 'Toner');
    const id = await booked({ client_id: nia, staff_id: dee, service_ids: [toner], starts_at: '2026-12-12T10:00:00Z' });
    // Booked, so archived rather than removed, and taken off Dee's services.
    expect((await t.call('DELETE', `/v1/services/${toner}`, { token })).body.active).toBe(false);

    const added = await patch(id, { service_ids: [toner, cut] });
    expect(added.body).toMatchObject({ total: 1500 + 3000, ends_at: '2026-12-12T10:45:00.000Z' });
    expect((await patch(id, { staff_id: cleo })).status).toBe(200);
    await patch(id, { service_ids: [cut] });
    const again = await patch(id, { service_ids: [cut, toner] });
    expect([again.status, fields(again)]).toEqual([422, ['service_ids']]);
    const fresh = await book({
      client_id: nia,
      staff_id: dee,
      service_ids: [toner],
      starts_at: '2026-12-12T12:00:00Z',
    });
    expect([fresh.status, fields(fresh)]).toEqual([422, ['service_ids']]);
  });

  it('keeps the client, edits the comment, and refuses a clash or a total below what was paid', async () => {
    const hal = await newClient('Hal', 'Edits');
    const ivy = await newClient('Ivy', 'Other');
    const id = await booked({ client_id: hal, starts_at: '2026-12-08T09:00:00Z', service_ids: [colour] });
    const busy = await booked({ client_id: ivy, starts_at: '2026-12-08T12:00:00Z' });

    const swap = await patch(id, { client_id: ivy });
    expect([swap.status, fields(swap)]).toEqual([422, ['client_id']]);
    expect((await patch(id, { client_id: hal, comment: 'Allergic to ammonia' })).body.comment).toBe(
      'Allergic to ammonia',
    );
    expect((await patch(id, { comment: null })).body.comment).toBeNull();
    expect((await patch(id, {})).status).toBe(422);

    const clash = await patch(id, { starts_at: '2026-12-08T11:00:00Z' });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'slot_taken']);
    expect((await patch(busy, { starts_at: '2026-12-08T10:00:00Z' })).body.error.code).toBe('slot_taken');

    expect((await pay(id, { method: 'cash', amount: 5000 })).status).toBe(201);
    const below = await patch(id, { service_ids: [cut] });
    expect([below.status, fields(below)]).toEqual([422, ['service_ids']]);
    const kept = (await t.call('GET', `/v1/appointments/${id}`, { token })).body;
    expect(kept).toMatchObject({
      starts_at: '2026-12-08T09:00:00.000Z',
      service_ids: [colour],
      total: 9000,
      paid: 5000,
      prepaid: 5000,
    });
  });
});

// Pia's booking collects every kind of payment, test after test.
const pia = await newClient('Pia', 'Pays');
const piaBooking = await booked({ client_id: pia, starts_at: '2026-12-09T09:00:00Z', service_ids: [colour, massage] });
const card = async (kind: string, number: string, balance: number, extra: object = {}, clientId = pia) =>
  (
    await t.db
      .insertInto('loyalty_cards')
      .values({ business_id: biz.id, client_id: clientId, kind: kind as 'loyalty', number, balance, ...extra })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

describe('POST /v1/appointments/:id/payments', () => {
  it('takes cash and card up to what is due', async () => {
    const cash = await pay(piaBooking, { method: 'cash', amount: 2000 });
    expect(cash.status).toBe(201);
    expect(cash.body).toMatchObject({
      id: expect.any(String),
      appointment_id: piaBooking,
      client_id: pia,
      method: 'cash',
      amount: 2000,
      loyalty_card_id: null,
      appointment: { id: piaBooking, total: 14000, paid: 2000, prepaid: 2000 },
    });
    expect((await pay(piaBooking, { method: 'card', amount: 1000 })).body.appointment.paid).toBe(3000);
    const tooMuch = await pay(piaBooking, { method: 'card', amount: 11001 });
    expect([tooMuch.status, fields(tooMuch)]).toEqual([422, ['amount']]);
    expect((await pay(piaBooking, { method: 'card', amount: 0 })).status).toBe(422);
    expect((await getClient(pia)).total_paid).toBe(3000);
  });

  it('charges the account with the balance it leaves, and refuses more than it holds', async () => {
    await topUp(pia, 5000);
    const charged = await pay(piaBooking, { method: 'account', amount: 4000 });
    expect(charged.status).toBe(201);
    expect(charged.body.appointment.client.balance).toBe(1000);
    const ledger = await t.db
      .selectFrom('account_transactions')
      .select(['kind', 'amount', 'balance_after', 'appointment_id'])
      .where('client_id', '=', pia)
      .orderBy('balance_after', 'desc')
      .execute();
    expect(ledger).toEqual([
      { kind: 'top_up', amount: 5000, balance_after: 5000, appointment_id: null },
      { kind: 'charge', amount: 4000, balance_after: 1000, appointment_id: piaBooking },
    ]);
    expect(await getClient(pia)).toMatchObject({ balance: 1000, total_paid: 7000 });

    const before = await counts();
    const refused = await pay(piaBooking, { method: 'account', amount: 1500 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'insufficient_balance', details: { balance: 1000 } });
    expect(await counts()).toEqual(before);
    expect(await getClient(pia)).toMatchObject({ balance: 1000, total_paid: 7000 });
  });

  it('redeems loyalty points and gift cards of the client that are live and hold enough', async () => {
    const loyalty = await card('loyalty', 'L-1', 500);
    const gift = await card('gift_card', 'G-1', 2000, { expires_at: new Date('2027-06-01T00:00:00Z') });
    const expired = await card('gift_card', 'G-2', 1000, { expires_at: new Date('2026-11-01T00:00:00Z') });
    const deleted = await card('gift_card', 'G-3', 1000, { deleted_at: now });
    const someoneElses = await card('gift_card', 'G-4', 1000, {}, await newClient('Quinn', 'Else'));

    const points = await pay(piaBooking, { method: 'loyalty', amount: 300, loyalty_card_id: loyalty });
    expect([points.status, points.body.loyalty_card_id]).toEqual([201, loyalty]);
    const before = await counts();
    const short = await pay(piaBooking, { method: 'loyalty', amount: 300, loyalty_card_id: loyalty });
    expect([short.status, short.body.error.code, short.body.error.details]).toEqual([
      409,
      'insufficient_balance',
      { balance: 200 },
    ]);
    const expiredRes = await pay(piaBooking, { method: 'gift_card', amount: 100, loyalty_card_id: expired });
    expect([expiredRes.status, expiredRes.body.error.code]).toEqual([409, 'card_expired']);
    for (const body of [
      { method: 'gift_card', amount: 100, loyalty_card_id: loyalty },
      { method: 'gift_card', amount: 100, loyalty_card_id: deleted },
      { method: 'gift_card', amount: 100, loyalty_card_id: someoneElses },
      { method: 'gift_card', amount: 100, loyalty_card_id: crypto.randomUUID() },
      { method: 'gift_card', amount: 100 },
      { method: 'cash', amount: 100, loyalty_card_id: gift },
    ]) {
      const res = await pay(piaBooking, body);
      expect([res.status, fields(res)], JSON.stringify(body)).toEqual([422, ['loyalty_card_id']]);
    }
    expect(await counts()).toEqual(before);

    expect((await pay(piaBooking, { method: 'gift_card', amount: 2000, loyalty_card_id: gift })).status).toBe(201);
    const balances = await t.db
      .selectFrom('loyalty_cards')
      .select(['number', 'balance'])
      .where('id', 'in', [loyalty, gift])
      .orderBy('number')
      .execute();
    expect(balances).toEqual([
      { number: 'G-1', balance: 0 },
      { number: 'L-1', balance: 200 },
    ]);
    const redeemed = await t.db
      .selectFrom('loyalty_transactions')
      .select(['kind', 'amount', 'appointment_id'])
      .where('card_id', 'in', [loyalty, gift])
      .orderBy('amount')
      .execute();
    expect(redeemed).toEqual([
      { kind: 'redeem', amount: 300, appointment_id: piaBooking },
      { kind: 'redeem', amount: 2000, appointment_id: piaBooking },
    ]);
    // 2000 cash + 1000 card + 4000 account + 300 points + 2000 gift card.
    expect((await t.call('GET', `/v1/appointments/${piaBooking}`, { token })).body.paid).toBe(9300);
    expect((await getClient(pia)).total_paid).toBe(9300);
  });

  it('refuses payments on a cancelled appointment, an unknown one or another business one', async () => {
    const cancelled = await booked({ client_id: pia, starts_at: '2026-12-09T15:00:00Z' });
    await patch(cancelled, { status: 'cancelled' });
    const res = await pay(cancelled, { method: 'cash', amount: 100 });
    expect([res.status, res.body.error.code]).toEqual([409, 'appointment_cancelled']);
    expect((await pay(crypto.randomUUID(), { method: 'cash', amount: 100 })).status).toBe(404);
    expect((await pay(piaBooking, { method: 'cash', amount: 100 }, other.secretKey)).status).toBe(404);
    expect((await t.call('GET', `/v1/appointments/${piaBooking}`, { token: other.secretKey })).status).toBe(404);
    expect((await patch(piaBooking, { comment: 'x' }, other.secretKey)).status).toBe(404);
  });

  it('never takes the account below zero, however many charges race', async () => {
    const cas = await newClient('Cas', 'Races');
    await topUp(cas, 5000);
    const target = await booked({
      client_id: cas,
      starts_at: '2026-12-10T09:00:00Z',
      service_ids: [colour, massage, cut],
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => pay(target, { method: 'account', amount: 700 })),
    );
    const succeeded = results.filter((res) => res.status === 201);
    const refused = results.filter((res) => res.status !== 201);
    // 7 × 700 = 4900 fits in 5000; an eighth would need 5600.
    expect(succeeded.length).toBe(7);
    expect(refused.map((res) => [res.status, res.body.error.code])).toEqual(
      Array.from({ length: 13 }, () => [409, 'insufficient_balance']),
    );
    const ledger = await t.db
      .selectFrom('account_transactions')
      .select(['kind', 'amount', 'balance_after'])
      .where('client_id', '=', cas)
      .execute();
    const charges = ledger.filter((row) => row.kind === 'charge');
    expect(charges.reduce((sum, row) => sum + row.amount, 0)).toBe(4900);
    expect(Math.min(...ledger.map((row) => row.balance_after))).toBe(100);
    expect((await getClient(cas)).balance).toBe(100);
    expect((await t.call('GET', `/v1/appointments/${target}`, { token })).body.paid).toBe(4900);
  });
});

describe('permissions', () => {
  it('lets a receptionist book, change and take payments', async () => {
    const desk = await t.sessionFor(biz, 'receptionist');
    const kim = await newClient('Kim', 'Desk');
    const res = await book({ client_id: kim, starts_at: '2026-12-11T09:00:00Z' }, desk);
    expect(res.status).toBe(201);
    expect((await patch(res.body.id, { comment: 'Running late' }, desk)).status).toBe(200);
    expect((await pay(res.body.id, { method: 'cash', amount: 3000 }, desk)).status).toBe(201);
    const list = await t.call('GET', '/v1/appointments?from=2026-12-11&to=2026-12-11', { token: desk });
    expect(list.body.items.map((item: { paid: number }) => item.paid)).toEqual([3000]);
  });

  it('refuses payments when the session switched them off, and publishable keys everywhere', async () => {
    const noPayments = await t.sessionFor(biz, 'owner', { payments: false });
    const lou = await newClient('Lou', 'Narrow');
    const res = await book({ client_id: lou, starts_at: '2026-12-11T11:00:00Z' }, noPayments);
    expect(res.status).toBe(201);
    const refused = await pay(res.body.id, { method: 'cash', amount: 100 }, noPayments);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    const pk = await t.call('GET', '/v1/appointments?from=2026-12-11&to=2026-12-11', { token: biz.publishableKey });
    expect(pk.status).toBe(403);
  });
});

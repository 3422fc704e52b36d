import type { Updateable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { refreshMembership, refreshPlaceSets } from '../src/clients/aggregates';
import type { ClientTable } from '../src/db/schema';
import { useTestApp } from './harness';

// Tuesday 29 December 2026, 10:00 in London: the birthday window of a week crosses New Year.
let clock = new Date('2026-12-29T10:00:00Z');
const t = await useTestApp({ now: () => clock });
const biz = await t.newBusiness({ timezone: 'Europe/London' });
const token = biz.secretKey;

const [l1, l2] = await t.db
  .insertInto('locations')
  .values([
    { business_id: biz.id, name: 'Soho', timezone: 'Europe/London' },
    { business_id: biz.id, name: 'Mitte', timezone: 'Europe/Berlin' },
  ])
  .returning('id')
  .execute();
const [s1, s2] = await t.db
  .insertInto('staff')
  .values([
    { business_id: biz.id, name: 'Ana' },
    { business_id: biz.id, name: 'Ben' },
  ])
  .returning('id')
  .execute();
const [cut, colour] = await t.db
  .insertInto('services')
  .values([
    { business_id: biz.id, name: 'Cut', duration_minutes: 30, price: 3000 },
    { business_id: biz.id, name: 'Colour', duration_minutes: 90, price: 9000 },
  ])
  .returning('id')
  .execute();
const categories = Object.fromEntries(
  (await t.call('GET', '/v1/categories', { token })).body.items.map((c: { name: string; id: string }) => [
    c.name,
    c.id,
  ]),
);
await t.call('POST', '/v1/custom-fields', {
  token,
  body: { key: 'hair_type', label: 'Hair type', type: 'select', options: ['curly', 'straight'] },
});

type Facts = Updateable<ClientTable>;
const names: Record<string, string> = {};
let phone = 900500;

async function client(name: string, body: Record<string, unknown> = {}, facts: Facts = {}) {
  const res = await t.call('POST', '/v1/clients', {
    token,
    body: { first_name: name, phone: `07400 ${phone++}`, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (Object.keys(facts).length) await t.db.updateTable('clients').set(facts).where('id', '=', res.body.id).execute();
  names[res.body.id] = name;
  return res.body.id as string;
}

let slot = 0;
async function visit(clientId: string, location: string, staff: string, service: string, status = 'arrived') {
  const starts = new Date(Date.UTC(2026, 5, 1, 8) + slot++ * 3_600_000);
  const appointment = await t.db
    .insertInto('appointments')
    .values({
      business_id: biz.id,
      client_id: clientId,
      location_id: location,
      staff_id: staff,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 1_800_000),
      status: status as 'arrived',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('appointment_items')
    .values({
      business_id: biz.id,
      appointment_id: appointment.id,
      kind: 'service',
      service_id: service,
      name: 'x',
      price: 1,
      amount: 1,
    })
    .execute();
  // Only the kept sets: these clients' other aggregates are set by hand above, independent of history.
  await refreshPlaceSets(biz.tenant, [clientId]);
}

const at = (iso: string) => new Date(iso);
const ann = await client(
  'Ann',
  {
    birth_date: '1990-12-31',
    gender: 'female',
    category_ids: [categories.VIP, categories.Regular],
    email: 'ann@example.com',
  },
  {
    visits_count: 12,
    total_sold: 120_000,
    total_paid: 120_000,
    last_visit_at: at('2026-12-20T10:00:00Z'),
    first_visit_at: at('2024-01-05T10:00:00Z'),
    balance: 5_000,
    created_at: at('2024-01-05T10:00:00Z'),
  },
);
const bob = await client(
  'Bob',
  { birth_date: '1985-01-01', gender: 'male', category_ids: [categories.Regular], online_booking_disabled: true },
  {
    visits_count: 5,
    total_sold: 20_000,
    total_paid: 15_000,
    last_visit_at: at('2026-09-01T10:00:00Z'),
    first_visit_at: at('2025-03-01T10:00:00Z'),
    created_at: at('2025-03-01T10:00:00Z'),
  },
);
const cleo = await client(
  'Cleo',
  { birth_date: '2000-01-05', custom_fields: { hair_type: 'curly' }, marketing_allowed: true, importance: 3 },
  {
    visits_count: 1,
    total_sold: 9_000,
    total_paid: 9_000,
    last_visit_at: at('2026-12-28T23:30:00Z'),
    first_visit_at: at('2026-12-28T23:30:00Z'),
    source: 'online',
    created_at: at('2026-12-28T23:30:00Z'),
  },
);
const dan = await client('Dan', { birth_date: '1970-01-06', push_enabled: true }, { mobile_app_platform: 'ios' });
const eve = await client(
  'Eve',
  { birth_date: '1996-02-29', email: 'eve@example.com' },
  {
    visits_count: 2,
    total_sold: 4_000,
    total_paid: 4_000,
    last_visit_at: at('2025-06-01T10:00:00Z'),
    source: 'import',
  },
);
const fay = await client('Fay', { birth_date: '1999-12-28' });
await visit(ann, l1!.id, s1!.id, cut!.id);
await visit(bob, l2!.id, s2!.id, colour!.id);
await visit(cleo, l1!.id, s2!.id, colour!.id);
await visit(dan, l2!.id, s1!.id, cut!.id, 'cancelled');
await t.db
  .insertInto('loyalty_cards')
  .values([
    { business_id: biz.id, client_id: eve, kind: 'membership', number: 'M-1', expires_at: at('2027-01-10T12:00:00Z') },
    { business_id: biz.id, client_id: fay, kind: 'membership', number: 'M-2', expires_at: at('2027-03-10T12:00:00Z') },
    { business_id: biz.id, client_id: dan, kind: 'gift_card', number: 'G-1', expires_at: at('2027-01-02T12:00:00Z') },
  ])
  .execute();
await refreshMembership(biz.tenant, [eve, fay, dan]);

async function search(filter: Record<string, unknown>, query?: string) {
  const res = await t.call('POST', '/v1/clients/search', {
    token,
    body: { filter, query, sort: 'name:asc', limit: 500 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.total).toBe(res.body.items.length);
  return res.body.items.map((c: { id: string }) => names[c.id]);
}

describe('client filters', () => {
  it.each([
    [{}, ['Ann', 'Bob', 'Cleo', 'Dan', 'Eve', 'Fay']],
    [{ categories: { any: [categories.VIP, categories.Regular] } }, ['Ann', 'Bob']],
    [{ categories: { all: [categories.VIP, categories.Regular] } }, ['Ann']],
    [{ categories: { none: [categories.Regular] } }, ['Cleo', 'Dan', 'Eve', 'Fay']],
    [{ last_visit_before: '2026-09-02' }, ['Bob', 'Eve']],
    [{ last_visit_after: '2026-12-20' }, ['Ann', 'Cleo']],
    [{ last_visit_after: '2026-12-20T10:00:01Z' }, ['Cleo']],
    [{ no_visit_for_days: 60 }, ['Bob', 'Eve']],
    [{ no_visit_for_days: 1 }, ['Ann', 'Bob', 'Eve']],
    [{ visits_min: 2, visits_max: 5 }, ['Bob', 'Eve']],
    [{ total_sold_min: 10_000 }, ['Ann', 'Bob']],
    [{ total_sold_max: 0 }, ['Dan', 'Fay']],
    [{ average_check_min: 9_000 }, ['Ann', 'Cleo']],
    [{ average_check_max: 4_000 }, ['Bob', 'Eve']],
    [{ balance_min: 1 }, ['Ann']],
    [{ has_debt: true }, ['Bob']],
    [{ birthday_within_days: 7 }, ['Ann', 'Bob', 'Cleo']],
    [{ birthday_within_days: 0 }, []],
    [{ birthday_from: '12-30', birthday_to: '01-05' }, ['Ann', 'Bob', 'Cleo']],
    [{ birthday_from: '02-01', birthday_to: '03-01' }, ['Eve']],
    [{ membership_expires_within_days: 14 }, ['Eve']],
    [{ gender: 'male' }, ['Bob']],
    [{ gender: 'unspecified' }, ['Cleo', 'Dan', 'Eve', 'Fay']],
    [{ online_booking_disabled: true }, ['Bob']],
    [{ location_ids: [l1!.id] }, ['Ann', 'Cleo']],
    [{ location_ids: [l2!.id] }, ['Bob']],
    [{ staff_ids: [s2!.id] }, ['Bob', 'Cleo']],
    [{ service_ids: [cut!.id] }, ['Ann']],
    [{ service_ids: [colour!.id], staff_ids: [s2!.id], location_ids: [l1!.id] }, ['Cleo']],
    [{ created_after: '2026-12-28' }, ['Cleo']],
    [{ created_after: '2026-11-01' }, ['Cleo', 'Dan', 'Eve', 'Fay']],
    [{ created_before: '2025-01-01' }, ['Ann']],
    [{ source: 'online' }, ['Cleo']],
    [{ source: 'import' }, ['Eve']],
    [{ has_email: true }, ['Ann', 'Eve']],
    [{ has_email: false, has_phone: true }, ['Bob', 'Cleo', 'Dan', 'Fay']],
    [{ has_phone: false }, []],
    [{ has_mobile_app: true }, ['Dan']],
    [{ importance: 3 }, ['Cleo']],
    [{ marketing_allowed: true }, ['Cleo']],
    [{ push_enabled: true }, ['Dan']],
    [{ custom_fields: { hair_type: 'curly' } }, ['Cleo']],
    [{ gender: 'female', categories: { any: [categories.VIP] }, birthday_within_days: 3 }, ['Ann']],
  ])('%j', async (filter, expected) => {
    expect(await search(filter)).toEqual(expected);
  });

  it('reads "last visit after" a date at the start of that day in the business zone', async () => {
    // Cleo's last visit, 23:30 UTC on the 28th, is already the 28th in London (GMT) but the 29th in Berlin.
    expect(await search({ last_visit_after: '2026-12-28', last_visit_before: '2026-12-29' })).toEqual(['Cleo']);
  });

  it('celebrates Feb 29 birthdays on Feb 28 in common years', async () => {
    clock = new Date('2027-02-26T09:00:00Z');
    try {
      expect(await search({ birthday_within_days: 2 })).toEqual(['Eve']);
      expect(await search({ birthday_within_days: 1 })).toEqual([]);
    } finally {
      clock = new Date('2026-12-29T10:00:00Z');
    }
  });

  it('combines a filter with a search query', async () => {
    expect(await search({ categories: { any: [categories.Regular] } }, 'bo')).toEqual(['Bob']);
  });

  it.each([
    [{ visits_min: -1 }, 'filter.visits_min'],
    [{ gender: 'other' }, 'filter.gender'],
    [{ birthday_from: '13-01', birthday_to: '01-01' }, 'filter.birthday_from'],
    [{ birthday_from: '01-01' }, 'filter.birthday_to'],
    [{ last_visit_before: 'yesterday' }, 'filter.last_visit_before'],
    [{ categories: { any: ['nope'] } }, 'filter.categories.any.0'],
    [{ total_sold_min: 10.5 }, 'filter.total_sold_min'],
    [{ favourite_colour: 'red' }, 'filter'],
    [{ custom_fields: { shoe_size: 42 } }, 'filter.custom_fields.shoe_size'],
  ])('refuses %j with 422 naming %s', async (filter, field) => {
    const res = await t.call('POST', '/v1/clients/search', { token, body: { filter } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('sorts on every column in both directions, nulls last, ties by id', async () => {
    const all = (await t.call('POST', '/v1/clients/search', { token, body: { limit: 500 } })).body.items;
    const fields = [
      'name',
      'total_sold',
      'total_paid',
      'visits_count',
      'first_visit_at',
      'last_visit_at',
      'discount',
      'balance',
      'birth_date',
      'created_at',
      'average_check',
    ];
    for (const field of fields) {
      for (const direction of ['asc', 'desc'] as const) {
        const res = await t.call('POST', '/v1/clients/search', {
          token,
          body: { sort: `${field}:${direction}`, limit: 500 },
        });
        const key = (c: Record<string, unknown>) => {
          const value = c[field];
          return field === 'name' ? String(value).toLowerCase() : value;
        };
        const expected = [...all].sort((x, y) => {
          const a = key(x);
          const b = key(y);
          if (a === null && b !== null) return 1;
          if (b === null && a !== null) return -1;
          const order = a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
          const tie = x.id < y.id ? -1 : 1;
          return direction === 'asc' ? order || tie : -order || -tie;
        });
        expect(
          res.body.items.map((c: { id: string }) => names[c.id]),
          `${field}:${direction}`,
        ).toEqual(expected.map((c: { id: string }) => names[c.id]));
      }
    }
  });
});

describe('branch network', () => {
  const receptionistAt = async (locationIds: string[]) =>
    (await t.newStaff(biz, 'receptionist', { locationIds })).session;

  it('shows a location-scoped user only the clients of their branches when the base is not shared', async () => {
    await t.call('PATCH', '/v1/business', { token, body: { shared_client_base: false } });
    const soho = await receptionistAt([l1!.id]);
    const list = await t.call('POST', '/v1/clients/search', { token: soho, body: { sort: 'name:asc' } });
    expect(list.body.items.map((c: { id: string }) => names[c.id])).toEqual(['Ann', 'Cleo']);
    expect((await t.call('GET', `/v1/clients/${bob}`, { token: soho })).status).toBe(404);
    expect((await t.call('PATCH', `/v1/clients/${bob}`, { token: soho, body: { note: 'x' } })).status).toBe(404);
    // A client the Soho desk creates belongs to Soho, so they keep seeing it.
    const created = await t.call('POST', '/v1/clients', {
      token: soho,
      body: { first_name: 'Gus', phone: '07400 900999' },
    });
    expect((await t.call('GET', `/v1/clients/${created.body.id}`, { token: soho })).status).toBe(200);
    // The owner's secret key and unscoped users see everyone.
    expect((await t.call('POST', '/v1/clients/search', { token, body: {} })).body.total).toBe(7);

    await t.call('PATCH', '/v1/business', { token, body: { shared_client_base: true } });
    const shared = await t.call('POST', '/v1/clients/search', { token: soho, body: {} });
    expect(shared.body.total).toBe(7);
    await t.call('DELETE', `/v1/clients/${created.body.id}`, { token });
  });
});

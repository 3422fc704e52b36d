// GET /v1/clients/:id/visits: a client's history with lines and payments, its filters, paging and
// totals; and the card's sections hidden from a desk of another branch. Facts come through the API
// (bookings, check-ins, payments), except a product line: no route sells products yet.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const other = await t.newBusiness();
const token = biz.secretKey;

async function created(path: string, body: unknown): Promise<string> {
  const res = await t.call('POST', path, { token, body });
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body.id;
}

const soho = await created('/v1/locations', { name: 'Soho', timezone: 'Europe/London' });
const mitte = await created('/v1/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
const cut = await created('/v1/services', { name: 'Cut', duration_minutes: 30, price: 3000 });
const colour = await created('/v1/services', { name: 'Colour', duration_minutes: 90, price: 9000 });
const ana = await created('/v1/staff', { name: 'Ana', location_ids: [soho, mitte], service_ids: [cut, colour] });
const ben = await created('/v1/staff', { name: 'Ben', location_ids: [soho, mitte], service_ids: [cut] });

let phone = 900700;
const newClient = (first_name: string) => created('/v1/clients', { first_name, phone: `07400 ${phone++}` });

interface Visit {
  client: string;
  at: string;
  staff?: string;
  location?: string;
  services?: string[];
  status?: 'arrived' | 'no_show' | 'cancelled';
  comment?: string;
  payments?: { method: string; amount: number }[];
}

async function visit(v: Visit): Promise<string> {
  const id = await created('/v1/appointments', {
    client_id: v.client,
    location_id: v.location ?? soho,
    staff_id: v.staff ?? ana,
    service_ids: v.services ?? [cut],
    starts_at: v.at,
    comment: v.comment,
  });
  if (v.status) {
    const res = await t.call('PATCH', `/v1/appointments/${id}`, { token, body: { status: v.status } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  for (const payment of v.payments ?? []) {
    const res = await t.call('POST', `/v1/appointments/${id}/payments`, { token, body: payment });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return id;
}

const vera = await newClient('Vera');
const paidInFull = await visit({
  client: vera,
  at: '2026-09-10T10:00:00Z',
  services: [cut, colour],
  status: 'arrived',
  payments: [
    { method: 'card', amount: 2000 },
    { method: 'cash', amount: 10000 },
  ],
});
// A product sold at the visit: 2 × 1500 at 10% off = 2700, so the visit comes to 5700.
const partlyPaid = await visit({ client: vera, at: '2026-10-05T10:00:00Z', staff: ben, location: mitte });
const shampoo = await t.db
  .insertInto('products')
  .values({ business_id: biz.id, name: 'Shampoo', price: 1500 })
  .returning('id')
  .executeTakeFirstOrThrow();
const shampooLine = await t.db
  .insertInto('appointment_items')
  .values({
    business_id: biz.id,
    appointment_id: partlyPaid,
    kind: 'product',
    product_id: shampoo.id,
    staff_id: ana,
    name: 'Shampoo',
    quantity: 2,
    price: 1500,
    discount: 10,
    amount: 2700,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await t.db.updateTable('appointments').set({ total: 5700 }).where('id', '=', partlyPaid).execute();
// Checked in after the sale, so the client's figures count the product too.
await t.call('PATCH', `/v1/appointments/${partlyPaid}`, { token, body: { status: 'arrived' } });
await t.call('POST', `/v1/appointments/${partlyPaid}/payments`, { token, body: { method: 'cash', amount: 1000 } });
const unpaid = await visit({ client: vera, at: '2026-11-01T10:00:00Z', services: [colour], status: 'arrived' });
const noShow = await visit({ client: vera, at: '2026-11-10T10:00:00Z', status: 'no_show' });
const cancelled = await visit({ client: vera, at: '2026-11-12T10:00:00Z', staff: ben, status: 'cancelled' });
// Paid ahead: a deposit on a visit still to come is received money, not a settled debt.
const upcoming = await visit({
  client: vera,
  at: '2026-12-01T10:00:00Z',
  comment: 'Bring photos',
  payments: [{ method: 'card', amount: 500 }],
});

// Someone else's history never shows in Vera's.
const olga = await newClient('Olga');
await visit({ client: olga, at: '2026-10-20T10:00:00Z', status: 'arrived' });

const visits = (clientId: string, query = '', as = token) =>
  t.call('GET', `/v1/clients/${clientId}/visits${query}`, { token: as });
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((item) => item.id);

describe('GET /v1/clients/:id/visits', () => {
  it('lists every appointment newest first with lines, payments, place and staff', async () => {
    const res = await visits(vera);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([upcoming, cancelled, noShow, unpaid, partlyPaid, paidInFull]);
    expect(res.body.total).toBe(6);
    // Arrived: 12000 + 5700 + 9000 sold; received 12000 + 1000 + the 500 deposit; owed 4700 + 9000.
    expect(res.body.totals).toEqual({ visits: 3, sold: 26700, paid: 13500, due: 13700 });

    const byId = Object.fromEntries(res.body.items.map((item: { id: string }) => [item.id, item]));
    const cutLine = byId[partlyPaid].services[0];
    expect(byId[partlyPaid]).toEqual({
      id: partlyPaid,
      status: 'arrived',
      starts_at: '2026-10-05T10:00:00.000Z',
      ends_at: '2026-10-05T10:30:00.000Z',
      source: 'admin',
      comment: null,
      location: { id: mitte, name: 'Mitte' },
      staff: { id: ben, name: 'Ben' },
      services: [
        {
          id: cutLine.id,
          service_id: cut,
          name: 'Cut',
          staff: { id: ben, name: 'Ben' },
          quantity: 1,
          price: 3000,
          discount: 0,
          amount: 3000,
        },
      ],
      products: [
        {
          id: shampooLine.id,
          product_id: shampoo.id,
          name: 'Shampoo',
          staff: { id: ana, name: 'Ana' },
          quantity: 2,
          price: 1500,
          discount: 10,
          amount: 2700,
        },
      ],
      payments: [{ id: expect.any(String), method: 'cash', amount: 1000, at: expect.any(String) }],
      total: 5700,
      paid: 1000,
      due: 4700,
    });
    // Lines by name, payments in the order they were taken.
    expect(byId[paidInFull].services.map((line: { name: string }) => line.name)).toEqual(['Colour', 'Cut']);
    expect(byId[paidInFull].payments.map((p: { method: string; amount: number }) => [p.method, p.amount])).toEqual([
      ['card', 2000],
      ['cash', 10000],
    ]);
    expect([byId[paidInFull].total, byId[paidInFull].paid, byId[paidInFull].due]).toEqual([12000, 12000, 0]);
    expect(byId[upcoming]).toMatchObject({ status: 'confirmed', comment: 'Bring photos', paid: 500, due: 0 });
    expect(byId[noShow]).toMatchObject({ status: 'no_show', total: 3000, paid: 0, due: 0, products: [] });
    expect(byId[cancelled].staff).toEqual({ id: ben, name: 'Ben' });

    // The totals of `all` are the client's own kept figures.
    const card = (await t.call('GET', `/v1/clients/${vera}`, { token })).body;
    expect([card.visits_count, card.total_sold, card.total_paid]).toEqual([3, 26700, 13500]);
  });

  it('type=unpaid: arrived visits nothing was paid for', async () => {
    const res = await visits(vera, '?type=unpaid');
    expect(ids(res)).toEqual([unpaid]);
    expect(res.body.total).toBe(1);
    expect(res.body.totals).toEqual({ visits: 1, sold: 9000, paid: 0, due: 9000 });
  });

  it('type=debt: arrived visits not paid in full', async () => {
    const res = await visits(vera, '?type=debt');
    expect(ids(res)).toEqual([unpaid, partlyPaid]);
    expect(res.body.totals).toEqual({ visits: 2, sold: 14700, paid: 1000, due: 13700 });
    expect(res.body.items.map((item: { due: number }) => item.due)).toEqual([9000, 4700]);
  });

  it('pages with offset and limit; total and totals cover the whole filter', async () => {
    const page = await visits(vera, '?limit=2&offset=1');
    expect(ids(page)).toEqual([cancelled, noShow]);
    expect(page.body.total).toBe(6);
    expect(page.body.totals).toEqual({ visits: 3, sold: 26700, paid: 13500, due: 13700 });
    const past = await visits(vera, '?offset=6');
    expect([past.body.items, past.body.total]).toEqual([[], 6]);
    expect((await visits(vera, '?limit=100')).body.items).toHaveLength(6);
    const fresh = await newClient('Fresh');
    expect((await visits(fresh)).body).toEqual({
      items: [],
      total: 0,
      totals: { visits: 0, sold: 0, paid: 0, due: 0 },
    });
  });

  it('answers 422 naming the field for a bad query', async () => {
    for (const [query, field] of [
      ['?type=old', 'type'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?offset=-1', 'offset'],
      ['?page=2', 'page'],
    ]) {
      const res = await visits(vera, query);
      expect([query, res.status, res.body.error.code]).toEqual([query, 422, 'validation_failed']);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
  });

  it('answers 404 for another business client, an unknown id and a non-id; 403 for a publishable key', async () => {
    expect((await visits(vera, '', other.secretKey)).status).toBe(404);
    expect((await visits('6f1c1f0e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await visits('vera')).status).toBe(404);
    expect((await visits(vera, '', biz.publishableKey)).status).toBe(403);
  });
});

describe('a branch-scoped desk', () => {
  it('gets 404 on every card section for a client of another branch, and writes nothing', async () => {
    const max = await newClient('Max');
    await visit({ client: max, at: '2026-11-02T10:00:00Z', location: mitte, status: 'arrived' });
    await t.call('PATCH', '/v1/business', { token, body: { shared_client_base: false } });
    const { session: desk } = await t.newStaff(biz, 'receptionist', { locationIds: [soho] });
    const sections = (clientId: string) => [
      ['GET', `/v1/clients/${clientId}/visits`],
      ['GET', `/v1/clients/${clientId}/stats`],
      ['GET', `/v1/clients/${clientId}/account`],
      ['POST', `/v1/clients/${clientId}/account/transactions`],
    ];
    const body = { kind: 'top_up', amount: 100 };
    for (const [method, path] of sections(max)) {
      const res = await t.call(method as string, path as string, {
        token: desk,
        body: method === 'POST' ? body : undefined,
      });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    // Vera visited Soho, so the Soho desk sees her card.
    for (const [method, path] of sections(vera)) {
      const res = await t.call(method as string, path as string, {
        token: desk,
        body: method === 'POST' ? body : undefined,
      });
      expect([method, path, res.status]).toEqual([method, path, method === 'POST' ? 201 : 200]);
    }
    const ledger = await t.db
      .selectFrom('account_transactions')
      .select('client_id')
      .where('business_id', '=', biz.id)
      .execute();
    expect(ledger.map((row) => row.client_id)).toEqual([vera]);
    await t.call('PATCH', '/v1/business', { token, body: { shared_client_base: true } });
  });
});

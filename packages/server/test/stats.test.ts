// GET /v1/clients/:id/stats. The business is in Berlin (UTC+1 in winter), so a visit at 23:30 UTC on
// 31 December is New Year's Day there and counts for January: months are the business's.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

const now = new Date('2026-03-15T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness({ timezone: 'Europe/Berlin', country: 'DE' });
const other = await t.newBusiness();
const token = biz.secretKey;

async function created(path: string, body: unknown): Promise<string> {
  const res = await t.call('POST', path, { token, body });
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body.id;
}

const mitte = await created('/v1/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
const cut = await created('/v1/services', { name: 'Cut', duration_minutes: 30, price: 3000 });
const colour = await created('/v1/services', { name: 'Colour', duration_minutes: 90, price: 9000 });
const ana = await created('/v1/staff', { name: 'Ana', location_ids: [mitte], service_ids: [cut, colour] });
const ben = await created('/v1/staff', { name: 'Ben', location_ids: [mitte], service_ids: [cut] });

let phone = 1_512_3456_700;
const newClient = (first_name: string) => created('/v1/clients', { first_name, phone: `+49${phone++}` });

async function visit(
  client: string,
  at: string,
  options: { staff?: string; services?: string[]; status?: string; paid?: number } = {},
) {
  const id = await created('/v1/appointments', {
    client_id: client,
    location_id: mitte,
    staff_id: options.staff ?? ana,
    service_ids: options.services ?? [cut],
    starts_at: at,
  });
  if (options.status) {
    const res = await t.call('PATCH', `/v1/appointments/${id}`, { token, body: { status: options.status } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  if (options.paid) {
    const res = await t.call('POST', `/v1/appointments/${id}/payments`, {
      token,
      body: { method: 'cash', amount: options.paid },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

const zoe = await newClient('Zoe');
await visit(zoe, '2024-06-01T09:00:00Z', { services: [colour], status: 'arrived', paid: 9000 });
await visit(zoe, '2025-11-20T10:00:00Z', { status: 'arrived', paid: 3000 });
await visit(zoe, '2025-12-31T23:30:00Z', { services: [cut, colour], status: 'arrived', paid: 5000 });
await visit(zoe, '2026-01-20T10:00:00Z', { staff: ben, status: 'arrived' });
await visit(zoe, '2026-02-10T10:00:00Z', { status: 'no_show' });
await visit(zoe, '2026-02-11T10:00:00Z', { staff: ben, status: 'cancelled' });
await visit(zoe, '2026-03-02T10:00:00Z', { status: 'arrived', paid: 3000 });
await visit(zoe, '2026-03-20T10:00:00Z');

const stats = (clientId: string, query = '', as = token) =>
  t.call('GET', `/v1/clients/${clientId}/stats${query}`, { token: as });
const month = (m: string, visits = 0, sold = 0, paid = 0) => ({ month: m, visits, sold, paid });

describe('GET /v1/clients/:id/stats', () => {
  it('covers the last 12 months by default, every month listed, in the business zone', async () => {
    const res = await stats(zoe);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2025-04-01',
      to: '2026-03-15',
      revenue_by_month: [
        ...['04', '05', '06', '07', '08', '09', '10'].map((m) => month(`2025-${m}`)),
        month('2025-11', 1, 3000, 3000),
        // The New Year's Eve visit at 23:30 UTC is 00:30 on 1 January in Berlin.
        month('2025-12'),
        month('2026-01', 2, 15000, 5000),
        month('2026-02'),
        month('2026-03', 1, 3000, 3000),
      ],
      totals: { visits: 4, sold: 21000, paid: 11000 },
      average_check: 5250,
      favourite_services: [
        { id: cut, name: 'Cut', count: 4, amount: 12000 },
        { id: colour, name: 'Colour', count: 1, amount: 9000 },
      ],
      favourite_staff: [
        { id: ana, name: 'Ana', count: 3, amount: 18000 },
        { id: ben, name: 'Ben', count: 1, amount: 3000 },
      ],
      // 20 November 10:00 to 2 March 10:00 is 102 days, over 3 gaps.
      visit_frequency_days: 34,
      no_shows: 1,
      cancellations: 1,
    });
  });

  it('takes whole local days from..to inclusive, across the year boundary', async () => {
    const res = await stats(zoe, '?from=2025-11-21&to=2026-02-10');
    expect(res.body.revenue_by_month).toEqual([
      month('2025-11'),
      month('2025-12'),
      month('2026-01', 2, 15000, 5000),
      month('2026-02'),
    ]);
    expect(res.body).toMatchObject({
      totals: { visits: 2, sold: 15000, paid: 5000 },
      average_check: 7500,
      // The no-show on the last day counts; the cancellation the day after does not.
      no_shows: 1,
      cancellations: 0,
    });
    // 00:30 local on 1 January: the range starting that day includes it, the one ending the day before not.
    expect((await stats(zoe, '?from=2026-01-01&to=2026-01-01')).body.totals.visits).toBe(1);
    expect((await stats(zoe, '?from=2025-12-01&to=2025-12-31')).body.totals.visits).toBe(0);
  });

  it('defaults the start to 12 months before `to`, and `to` to today', async () => {
    const res = await stats(zoe, '?to=2025-01-31');
    expect([res.body.from, res.body.to, res.body.revenue_by_month.length]).toEqual(['2024-02-01', '2025-01-31', 12]);
    expect(res.body.revenue_by_month.find((m: { month: string }) => m.month === '2024-06')).toEqual(
      month('2024-06', 1, 9000, 9000),
    );
    expect(res.body.visit_frequency_days).toBeNull();
    const long = await stats(zoe, '?from=2024-01-01');
    expect([long.body.to, long.body.revenue_by_month.length, long.body.totals.visits]).toEqual(['2026-03-15', 27, 5]);
  });

  it('answers nulls and empty lists for a client without visits', async () => {
    const res = await stats(await newClient('Nora'));
    expect(res.body).toMatchObject({
      totals: { visits: 0, sold: 0, paid: 0 },
      average_check: null,
      favourite_services: [],
      favourite_staff: [],
      visit_frequency_days: null,
      no_shows: 0,
      cancellations: 0,
    });
    expect(res.body.revenue_by_month).toHaveLength(12);
  });

  it('keeps the top five services, most often first, then by money', async () => {
    const prices = [100, 200, 300, 400, 500, 600];
    const services: string[] = [];
    for (const price of prices)
      services.push(await created('/v1/services', { name: `Extra ${price}`, duration_minutes: 5, price }));
    const cleo = await created('/v1/staff', { name: 'Cleo', location_ids: [mitte], service_ids: [cut, ...services] });
    const max = await newClient('Max');
    await visit(max, '2026-03-01T09:00:00Z', { staff: cleo, services, status: 'arrived' });
    await visit(max, '2026-03-02T09:00:00Z', { staff: cleo, services: [services[0] as string], status: 'arrived' });
    const res = await stats(max);
    expect(res.body.favourite_services.map((s: { name: string; count: number }) => [s.name, s.count])).toEqual([
      ['Extra 100', 2],
      ['Extra 600', 1],
      ['Extra 500', 1],
      ['Extra 400', 1],
      ['Extra 300', 1],
    ]);
    expect(res.body.favourite_staff).toEqual([{ id: cleo, name: 'Cleo', count: 2, amount: 2200 }]);
    expect(res.body.visit_frequency_days).toBe(1);
  });

  it('allows up to five years and answers 422 naming the field beyond or for bad dates', async () => {
    expect((await stats(zoe, '?from=2021-03-16&to=2026-03-15')).body.revenue_by_month).toHaveLength(61);
    for (const [query, field] of [
      ['?from=2021-03-15&to=2026-03-15', 'to'],
      ['?from=2026-03-01&to=2026-02-28', 'to'],
      ['?from=2026-02-30', 'from'],
      ['?to=15.03.2026', 'to'],
      ['?from=2026-01-01T00:00:00Z', 'from'],
      ['?month=3', 'month'],
    ]) {
      const res = await stats(zoe, query);
      expect([query, res.status, res.body.error.code]).toEqual([query, 422, 'validation_failed']);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
  });

  it('answers 404 for another business client, an unknown id and a non-id', async () => {
    expect((await stats(zoe, '', other.secretKey)).status).toBe(404);
    expect((await stats('6f1c1f0e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await stats('zoe')).status).toBe(404);
    expect((await stats(zoe, '', biz.session)).status).toBe(200);
  });
});

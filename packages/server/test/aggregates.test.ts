// refreshAggregates: a client's kept figures recomputed from hand-made history, exactly, with the rules
// re-run; and the list filters that read those figures see the change.
import { describe, expect, it } from 'vitest';
import { refreshAggregates } from '../src/clients/aggregates';
import { useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const token = biz.secretKey;
const other = await t.newBusiness();

const insertReturning = async <T extends 'locations' | 'staff' | 'services'>(table: T, rows: object[]) =>
  (
    await t.db
      .insertInto(table)
      .values(rows.map((row) => ({ business_id: biz.id, ...row })) as never)
      .returning('id')
      .execute()
  ).map((row) => row.id);
const [soho, mitte] = await insertReturning('locations', [
  { name: 'Soho', timezone: 'Europe/London' },
  { name: 'Mitte', timezone: 'Europe/Berlin' },
]);
const [ana, ben] = await insertReturning('staff', [{ name: 'Ana' }, { name: 'Ben' }]);
const [cut, colour] = await insertReturning('services', [
  { name: 'Cut', duration_minutes: 30, price: 3000 },
  { name: 'Colour', duration_minutes: 90, price: 9000 },
]);

async function appointment(
  clientId: string,
  at: string,
  status: 'arrived' | 'cancelled' | 'no_show',
  place: { location: string; staff: string; service: string; total: number },
) {
  const starts = new Date(at);
  const row = await t.db
    .insertInto('appointments')
    .values({
      business_id: biz.id,
      client_id: clientId,
      location_id: place.location,
      staff_id: place.staff,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
      status,
      total: place.total,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('appointment_items')
    .values({
      business_id: biz.id,
      appointment_id: row.id,
      kind: 'service',
      service_id: place.service,
      name: 'x',
      price: place.total,
      amount: place.total,
    })
    .execute();
  return row.id;
}

describe('refreshAggregates', () => {
  it('recomputes visits, spend, balance and the kept sets from the history, and re-runs the rules', async () => {
    const rule = { category_id: null as string | null, metric: 'visits_count', operator: 'gte', threshold: 2 };
    const categories = (await t.call('GET', '/v1/categories', { token })).body.items;
    rule.category_id = categories.find((c: { name: string }) => c.name === 'Regular').id;
    expect((await t.call('POST', '/v1/category-rules', { token, body: rule })).status).toBe(201);

    const created = await t.call('POST', '/v1/clients', { token, body: { first_name: 'Ida', phone: '07400 904001' } });
    const id = created.body.id as string;
    const first = await appointment(id, '2026-03-01T10:00:00Z', 'arrived', {
      location: soho as string,
      staff: ana as string,
      service: cut as string,
      total: 3000,
    });
    await appointment(id, '2026-06-01T10:00:00Z', 'arrived', {
      location: mitte as string,
      staff: ben as string,
      service: colour as string,
      total: 9000,
    });
    // Neither a cancelled nor a missed appointment is a visit, nor puts its branch in the client's set.
    await appointment(id, '2026-09-01T10:00:00Z', 'cancelled', {
      location: mitte as string,
      staff: ana as string,
      service: cut as string,
      total: 3000,
    });
    await appointment(id, '2026-10-01T10:00:00Z', 'no_show', {
      location: soho as string,
      staff: ben as string,
      service: colour as string,
      total: 9000,
    });
    await t.db
      .insertInto('payments')
      .values({ business_id: biz.id, appointment_id: first, client_id: id, method: 'cash', amount: 3000 })
      .execute();
    await t.db
      .insertInto('account_transactions')
      .values([
        { business_id: biz.id, client_id: id, kind: 'top_up', amount: 5000, balance_after: 5000 },
        { business_id: biz.id, client_id: id, kind: 'charge', amount: 1200, balance_after: 3800 },
      ])
      .execute();

    await t.db
      .insertInto('loyalty_cards')
      .values([
        {
          business_id: biz.id,
          client_id: id,
          kind: 'membership',
          number: 'M-1',
          expires_at: new Date('2026-12-01T00:00:00Z'),
        },
        {
          business_id: biz.id,
          client_id: id,
          kind: 'membership',
          number: 'M-2',
          expires_at: new Date('2027-12-01T00:00:00Z'),
          deleted_at: now,
        },
        {
          business_id: biz.id,
          client_id: id,
          kind: 'gift_card',
          number: 'G-1',
          expires_at: new Date('2028-01-01T00:00:00Z'),
        },
      ])
      .execute();

    // Another business's call for this id changes nothing: the refresh is tenant-scoped.
    await refreshAggregates(other.tenant, [id], now);
    expect((await t.call('GET', `/v1/clients/${id}`, { token })).body.visits_count).toBe(0);

    await refreshAggregates(biz.tenant, [id], now);
    const card = (await t.call('GET', `/v1/clients/${id}`, { token })).body;
    expect(card).toMatchObject({
      visits_count: 2,
      first_visit_at: '2026-03-01T10:00:00.000Z',
      last_visit_at: '2026-06-01T10:00:00.000Z',
      total_sold: 12_000,
      total_paid: 3000,
      average_check: 6000,
      balance: 3800,
    });
    expect(card.categories.map((c: { name: string }) => c.name)).toEqual(['Regular']);
    const sets = await t.db
      .selectFrom('clients')
      .select(['location_ids', 'staff_ids', 'service_ids', 'membership_expires_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sets.location_ids.sort()).toEqual([soho, mitte].sort());
    expect(sets.staff_ids.sort()).toEqual([ana, ben].sort());
    expect(sets.service_ids.sort()).toEqual([cut, colour].sort());
    // The deleted membership and the gift card do not count.
    expect(sets.membership_expires_at?.toISOString()).toBe('2026-12-01T00:00:00.000Z');

    const found = async (filter: object) =>
      (await t.call('POST', '/v1/clients/search', { token, body: { filter } })).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await found({ location_ids: [mitte], service_ids: [colour], has_debt: true })).toEqual([id]);
    expect(await found({ membership_expires_within_days: 7 })).toEqual([id]);
  });

  it('does nothing for an empty list', async () => {
    await expect(refreshAggregates(biz.tenant, [], now)).resolves.toBeUndefined();
  });
});

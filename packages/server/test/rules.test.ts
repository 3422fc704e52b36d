import { describe, expect, it } from 'vitest';
import { applyRules } from '../src/rules/engine';
import { useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const token = biz.secretKey;
const tenant = biz.tenant;
const category = Object.fromEntries(
  (await t.call('GET', '/v1/categories', { token })).body.items.map((c: { name: string; id: string }) => [
    c.name,
    c.id,
  ]),
);

let phone = 903000;
async function client(facts: {
  visits_count?: number;
  total_sold?: number;
  first_visit_at?: Date | null;
  discount?: number;
}) {
  const res = await t.call('POST', '/v1/clients', { token, body: { first_name: 'R', phone: `07400 ${phone++}` } });
  await t.db.updateTable('clients').set(facts).where('id', '=', res.body.id).execute();
  return res.body.id as string;
}

const chips = async (id: string) =>
  (await t.call('GET', `/v1/clients/${id}`, { token })).body.categories.map((c: { name: string }) => c.name).sort();
const discount = async (id: string) => (await t.call('GET', `/v1/clients/${id}`, { token })).body.discount;

describe('automatic rules', () => {
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  let loyal: string;
  let newcomer: string;
  let bigSpender: string;

  it('applies a new rule to the existing base at once', async () => {
    loyal = await client({ visits_count: 7, total_sold: 40_000, first_visit_at: days(400) });
    newcomer = await client({ visits_count: 1, total_sold: 5_000, first_visit_at: days(10) });
    bigSpender = await client({ visits_count: 3, total_sold: 250_000, first_visit_at: days(90), discount: 15 });
    const rules = [
      { category_id: category.Regular, metric: 'visits_count', operator: 'gte', threshold: 5 },
      { category_id: category['New client'], metric: 'days_since_first_visit', operator: 'lte', threshold: 30 },
      { category_id: category.VIP, metric: 'total_sold', operator: 'gte', threshold: 200_000 },
      { metric: 'total_sold', operator: 'gte', threshold: 30_000, discount: 5 },
      { metric: 'total_sold', operator: 'gte', threshold: 200_000, discount: 10 },
    ];
    for (const body of rules) expect((await t.call('POST', '/v1/category-rules', { token, body })).status).toBe(201);
    expect(await chips(loyal)).toEqual(['Regular']);
    expect(await chips(newcomer)).toEqual(['New client']);
    expect(await chips(bigSpender)).toEqual(['VIP']);
    expect(await discount(loyal)).toBe(5);
    expect(await discount(newcomer)).toBe(0);
    expect(await discount(bigSpender)).toBe(15); // a higher manual discount stays
  });

  it('re-evaluates one client when its aggregates change, leaving manual categories alone', async () => {
    await t.call('PATCH', `/v1/clients/${newcomer}`, { token, body: { category_ids: [category.VIP] } });
    await t.db
      .updateTable('clients')
      .set({ visits_count: 5, total_sold: 31_000, first_visit_at: days(45) })
      .where('id', '=', newcomer)
      .execute();
    await applyRules(tenant, now, [newcomer]);
    expect(await chips(newcomer)).toEqual(['Regular', 'VIP']);
    expect(await discount(newcomer)).toBe(5);
  });

  it('releases rule categories when a rule goes, and validates rules', async () => {
    const rules = (await t.call('GET', '/v1/category-rules', { token })).body.items;
    const regular = rules.find((r: { category_id: string }) => r.category_id === category.Regular);
    expect((await t.call('DELETE', `/v1/category-rules/${regular.id}`, { token })).status).toBe(204);
    expect(await chips(loyal)).toEqual([]);
    expect(await chips(newcomer)).toEqual(['VIP']); // manual
    const bad = [
      { metric: 'visits_count', operator: 'gte', threshold: 5 },
      { category_id: category.VIP, metric: 'height', operator: 'gte', threshold: 5 },
      { category_id: '00000000-0000-4000-8000-000000000000', metric: 'visits_count', operator: 'gte', threshold: 5 },
    ];
    for (const body of bad) expect((await t.call('POST', '/v1/category-rules', { token, body })).status).toBe(422);
  });
});

// The client list at scale: the first page for every sort in both directions and for each single filter,
// the exact total for each filter, search text, a deep page, and whether each sort's plan reads an index.
import type { ClientAccess } from '../src/clients/access';
import type { ClientFilter } from '../src/clients/filter';
import { SORTABLE, type SortField } from '../src/clients/schema';
import { pageQuery } from '../src/clients/service';
import { ScopedDb } from '../src/tenancy/scoped-db';
import type { Bench } from './harness';
import { clientSearch, type SeededTarget } from './targets';

interface Plan {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: Plan[];
}

function planNodes(plan: Plan): Plan[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

export async function clientList(target: SeededTarget, bench: Bench, iterations: number): Promise<void> {
  const search = clientSearch(target);

  const pick = async (table: 'locations' | 'staff' | 'services') =>
    (
      await target.db
        .selectFrom(table)
        .select('id')
        .where('business_id', '=', target.businessId)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
  const vip = await target.db
    .selectFrom('categories')
    .select('id')
    .where('business_id', '=', target.businessId)
    .where('system_key', '=', 'vip')
    .executeTakeFirstOrThrow();
  const regular = await target.db
    .selectFrom('categories')
    .select('id')
    .where('business_id', '=', target.businessId)
    .where('system_key', '=', 'regular')
    .executeTakeFirstOrThrow();
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const filters: [string, ClientFilter][] = [
    ['category VIP', { categories: { any: [vip.id] } }],
    ['not Regular', { categories: { none: [regular.id] } }],
    ['last visit before 180 days ago', { last_visit_before: daysAgo(180) }],
    ['last visit in the last 30 days', { last_visit_after: daysAgo(30) }],
    ['not visited for 60 days', { no_visit_for_days: 60 }],
    ['visits ≥ 5', { visits_min: 5 }],
    ['total sold ≥ 100.00', { total_sold_min: 10_000 }],
    ['average check ≥ 100.00', { average_check_min: 10_000 }],
    ['balance > 0', { balance_min: 1 }],
    ['has debt', { has_debt: true }],
    ['birthday in 7 days', { birthday_within_days: 7 }],
    ['birthday 12-28..01-05', { birthday_from: '12-28', birthday_to: '01-05' }],
    ['membership expires in 30 days', { membership_expires_within_days: 30 }],
    ['gender female', { gender: 'female' }],
    ['online booking disabled', { online_booking_disabled: true }],
    ['visited location', { location_ids: [await pick('locations')] }],
    ['served by staff', { staff_ids: [await pick('staff')] }],
    ['received service', { service_ids: [await pick('services')] }],
    ['created in the last 90 days', { created_after: daysAgo(90) }],
    ['source online', { source: 'online' }],
    ['no email', { has_email: false }],
    ['has mobile app', { has_mobile_app: true }],
    ['importance 3', { importance: 3 }],
    ['marketing allowed', { marketing_allowed: true }],
    ['custom field hair_type=curly', { custom_fields: { hair_type: 'curly' } }],
  ];

  const business = await target.db
    .selectFrom('businesses')
    .select(['id', 'country', 'currency', 'timezone', 'shared_client_base'])
    .where('id', '=', target.businessId)
    .executeTakeFirstOrThrow();
  const access: ClientAccess = { tenant: new ScopedDb(target.db, business), locationIds: null, now: new Date() };

  for (const field of Object.keys(SORTABLE) as SortField[]) {
    for (const direction of ['asc', 'desc'] as const) {
      const params = { sort: { field, direction }, offset: 0, limit: 100 };
      const explained = (await (await pageQuery(access, params)).explain('json')) as {
        'QUERY PLAN': [{ Plan: Plan }];
      }[];
      const nodes = planNodes(explained[0]?.['QUERY PLAN'][0].Plan as Plan);
      const index = nodes.find((n) => n['Index Name'])?.['Index Name'];
      const sorted = nodes.some((n) => n['Node Type'] === 'Sort');
      await bench.measure(
        target.label,
        `page sort ${field}:${direction}`,
        () => search({ sort: `${field}:${direction}`, limit: 100, with_total: false }),
        iterations,
        2,
        sorted ? 'plan sorts rows (no index order)' : `index ${index ?? '?'}`,
      );
    }
  }
  const { total: all } = await search({ limit: 1 });
  await bench.measure(
    target.label,
    'total, no filter',
    () => search({ limit: 1 }),
    iterations,
    2,
    `${all?.toLocaleString('en')}`,
  );
  for (const [name, filter] of filters) {
    const { total } = await search({ filter, limit: 1 });
    await bench.measure(
      target.label,
      `page filter ${name}`,
      () => search({ filter, sort: 'name:asc', limit: 100, with_total: false }),
      iterations,
      2,
    );
    await bench.measure(
      target.label,
      `total filter ${name}`,
      () => search({ filter, limit: 1 }),
      iterations,
      2,
      `total ${total?.toLocaleString('en')}`,
    );
  }
  const sample = await search({ filter: { has_email: true }, sort: 'created_at:desc', limit: 1 });
  const emailPrefix = sample.items[0]?.email?.slice(0, 6) ?? 'ann';
  for (const [name, query] of [
    ['q name "mar"', 'mar'],
    [`q email "${emailPrefix}"`, emailPrefix],
    ['q phone "7400 9"', '7400 9'],
  ] as const) {
    const { total } = await search({ query, limit: 1 });
    await bench.measure(
      target.label,
      `page ${name}`,
      () => search({ query, sort: 'name:asc', limit: 100, with_total: false }),
      iterations,
      2,
    );
    await bench.measure(
      target.label,
      `total ${name}`,
      () => search({ query, limit: 1 }),
      iterations,
      2,
      `total ${total?.toLocaleString('en')}`,
    );
  }
  const deep = Math.floor(target.clients / 2);
  await bench.measure(
    target.label,
    `deep page offset ${deep.toLocaleString('en')}`,
    () => search({ sort: 'name:asc', offset: deep, limit: 100, with_total: false }),
    Math.min(iterations, 10),
    1,
  );
}

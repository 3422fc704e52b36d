// POST /v1/clients/search, first page (limit 100), through the real app with the business secret key.
import type { Bench } from './harness';
import { clientSearch, type SeededTarget } from './targets';

export async function searchLatency(target: SeededTarget, bench: Bench, iterations: number): Promise<void> {
  const search = clientSearch(target);

  // A real client's phone, so the phone fragment finds someone.
  const sample = await search({ sort: 'created_at:desc', limit: 1 });
  const phone = sample.items[0]?.phone ?? '+447400000000';
  const cases: [string, Record<string, unknown>][] = [
    ['sort name:asc', { sort: 'name:asc', limit: 100 }],
    ['sort last_visit_at:desc', { sort: 'last_visit_at:desc', limit: 100 }],
    ['sort total_sold:desc', { sort: 'total_sold:desc', limit: 100 }],
    ['query "jos" (name)', { query: 'jos', sort: 'name:asc', limit: 100 }],
    [`query "${phone.slice(-6)}" (phone end)`, { query: phone.slice(-6), sort: 'name:asc', limit: 100 }],
  ];
  for (const [name, body] of cases) {
    const { total } = await search(body);
    await bench.measure(
      target.label,
      `search ${name}`,
      () => search(body),
      iterations,
      3,
      `total ${total?.toLocaleString('en')}`,
    );
  }
}

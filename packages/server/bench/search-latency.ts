// POST /v1/clients/search, first page (limit 100), through the real app with the business secret key.
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/http/logging';
import type { Bench } from './harness';
import type { SeededTarget } from './targets';

export async function searchLatency(target: SeededTarget, bench: Bench, iterations: number): Promise<void> {
  const app = createApp({ db: target.db, config: loadConfig({}), logger: createLogger('silent') });
  const search = async (body: Record<string, unknown>) => {
    const response = await app.request('/v1/clients/search', {
      method: 'POST',
      headers: { Authorization: `Bearer ${target.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`search ${JSON.stringify(body)} → ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as { items: { phone: string; first_name: string }[]; total: number };
  };

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
      `total ${total.toLocaleString('en')}`,
    );
  }
}

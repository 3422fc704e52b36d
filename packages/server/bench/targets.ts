// Where benchmarks run: a fresh, migrated PostgreSQL database (cb_bench_*) or an in-memory PGlite,
// seeded through seedBusiness, with the seed's throughput recorded as a figure.
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createApp } from '../src/app';
import { hashToken, newToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { connect, type DatabaseHandle, type Driver } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import type { Database } from '../src/db/schema';
import { createLogger } from '../src/http/logging';
import { seedBusiness } from '../src/seed/seed';
import type { Bench } from './harness';

export interface SeededTarget {
  label: string;
  driver: Driver;
  db: Kysely<Database>;
  businessId: string;
  secretKey: string;
  publishableKey: string;
  clients: number;
  close(): Promise<void>;
}

export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(baseUrl: string): Promise<string | null> {
  try {
    await admin(baseUrl, (client) => client.query('select 1'));
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

const short = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * A PostgreSQL bench database kept by an earlier `--keep` run, when it holds a business with `clients`
 * clients: seeding 1M takes minutes, so `--reuse` measures it again without reseeding.
 */
export async function reusedTarget(baseUrl: string, database: string, clients: number): Promise<SeededTarget | null> {
  const exists = await admin(baseUrl, (client) =>
    client.query('select 1 from pg_database where datname = $1', [database]),
  );
  if (!exists.rowCount) return null;
  const handle = await connect({ databaseUrl: databaseUrl(baseUrl, database), poolSize: 4 });
  const business = await handle.db
    .selectFrom('clients')
    .select(['business_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('business_id')
    .having((eb) => eb.fn.countAll(), '=', clients)
    .executeTakeFirst();
  if (!business) {
    await handle.close();
    return null;
  }
  const secretKey = newToken('sk');
  const publishableKey = newToken('pk');
  await handle.db
    .insertInto('api_keys')
    .values([
      { business_id: business.business_id, kind: 'secret', key_hash: hashToken(secretKey), display_prefix: 'bench' },
      {
        business_id: business.business_id,
        kind: 'publishable',
        key_hash: hashToken(publishableKey),
        display_prefix: 'bench',
      },
    ])
    .execute();
  console.log(`\npostgres ${short(clients)}: reusing ${database}`);
  return {
    label: `postgres ${short(clients)}`,
    driver: 'postgres',
    db: handle.db,
    businessId: business.business_id,
    secretKey,
    publishableKey,
    clients,
    close: () => handle.close(),
  };
}

/** Seeds `clients` into a fresh target and records clients/s. */
export async function seededTarget(
  bench: Bench,
  kind: { driver: 'postgres'; baseUrl: string; database: string } | { driver: 'pglite' },
  clients: number,
): Promise<SeededTarget> {
  const label = `${kind.driver} ${short(clients)}`;
  let handle: DatabaseHandle;
  let drop = async () => {};
  if (kind.driver === 'postgres') {
    const { baseUrl, database } = kind;
    if (!/^cb_bench_[a-z0-9_]+$/.test(database))
      throw new Error(`refusing to recreate ${database}: not a cb_bench_* name`);
    await admin(baseUrl, async (client) => {
      await client.query(`drop database if exists ${database} with (force)`);
      await client.query(`create database ${database}`);
    });
    handle = await connect({ databaseUrl: databaseUrl(baseUrl, database), poolSize: 4 });
    drop = () =>
      admin(baseUrl, (client) => client.query(`drop database if exists ${database} with (force)`)).then(() => {});
  } else {
    handle = await connect({});
  }
  await migrateToLatest(handle.db);
  console.log(`\n${label}: seeding ${clients.toLocaleString('en')} clients…`);
  let lastLog = performance.now();
  const result = await seedBusiness(handle.db, {
    clients,
    seed: 'bench',
    onProgress: (p) => {
      if (performance.now() - lastLog < 15_000 && p.clients < p.total) return;
      lastLog = performance.now();
      console.log(
        `  ${p.clients.toLocaleString('en')} / ${p.total.toLocaleString('en')} (${Math.round(p.clients / (p.ms / 1000)).toLocaleString('en')} clients/s)`,
      );
    },
  });
  const seconds = result.ms / 1000;
  const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  bench.record({
    target: label,
    name: 'seed throughput',
    value: Math.round(clients / seconds),
    unit: 'clients/s',
    note: `${seconds.toFixed(1)} s, ${rows.toLocaleString('en')} rows`,
  });
  if (!result.secretKey || !result.publishableKey) throw new Error('the seed did not create a business');
  return {
    label,
    driver: handle.driver,
    db: handle.db,
    businessId: result.businessId,
    secretKey: result.secretKey,
    publishableKey: result.publishableKey,
    clients,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

export interface SearchAnswer {
  items: { phone: string | null; email: string | null; first_name: string }[];
  total: number | null;
}

/** POST /v1/clients/search through the real app with the target business's secret key. */
export function clientSearch(target: SeededTarget): (body: Record<string, unknown>) => Promise<SearchAnswer> {
  const app = createApp({ db: target.db, config: loadConfig({}), logger: createLogger('silent') });
  return async (body) => {
    const response = await app.request('/v1/clients/search', {
      method: 'POST',
      headers: { Authorization: `Bearer ${target.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`search ${JSON.stringify(body)} → ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as SearchAnswer;
  };
}

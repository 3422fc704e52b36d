// Each test file gets its own database: a fresh in-memory PGlite, or a PostgreSQL database cloned
// from a template that the global setup migrated once. Files can therefore run in parallel.
import { randomBytes } from 'node:crypto';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { connect, createPGlite, type DatabaseHandle } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import type { Database } from '../src/db/schema';

export const TEMPLATE_DATABASE = 'cb_test_template';

export function testDriver(): 'postgres' | 'pglite' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  return url;
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDriver() === 'pglite') {
    const pglite = await createPGlite();
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db);
    return { db, driver: 'pglite', jobsBackend: { kind: 'pglite', pglite }, close: () => db.destroy() };
  }
  const name = `cb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
  const handle = await connect({ databaseUrl: urlFor(name), poolSize: 8 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Vitest global setup for PostgreSQL: migrate the template once per run. */
export async function prepareTemplate(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await client.query(`create database ${TEMPLATE_DATABASE}`);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlFor(TEMPLATE_DATABASE), max: 1 }) }),
  });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

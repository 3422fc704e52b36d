// A real API on an in-memory PGlite for browser tests of the components (packages/components): migrated, seeded,
// with an owner and a ready component session. Not used by the server itself.
import { Kysely, PGliteDialect, sql } from 'kysely';
import { createApp } from '../src/app';
import { createBusiness } from '../src/business/service';
import { loadConfig } from '../src/config';
import { createPGlite } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import type { Database } from '../src/db/schema';
import { createLogger } from '../src/http/logging';
import { seedBusiness } from '../src/seed/seed';

export interface TestApi {
  /** Answers a request the way the HTTP server would. */
  fetch: (request: Request) => Promise<Response>;
  session: string;
  secretKey: string;
  businessId: string;
  ownerId: string;
  clients: number;
  /** A session for a new owner user: tests that persist preferences do not see each other's. */
  mintSession: () => Promise<string>;
  close: () => Promise<void>;
}

const ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

async function openApp(
  db: Kysely<Database>,
  businessId: string,
  secretKey: string,
  clients: number,
  close: () => Promise<void>,
): Promise<TestApi> {
  const app = createApp({
    db,
    config: { ...loadConfig({}), platformKey: 'platform_test_key' },
    logger: createLogger('silent'),
  });
  let users = 0;
  const newOwner = () =>
    db
      .insertInto('users')
      .values({ business_id: businessId, email: `owner${++users}@test.example`, name: 'Test Owner', role: 'owner' })
      .returning('id')
      .executeTakeFirstOrThrow();
  const owner = await newOwner();
  const mintSession = async (user = owner) => {
    const response = await app.request('/v1/component-sessions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_id: user.id, ttl_minutes: 240 }),
    });
    if (response.status !== 201) throw new Error(`Could not mint a session: ${await response.text()}`);
    return ((await response.json()) as { session: string }).session;
  };
  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    session: await mintSession(),
    secretKey,
    businessId,
    ownerId: owner.id,
    clients,
    mintSession: async () => mintSession(await newOwner()),
    close,
  };
}

async function openDatabase() {
  const pglite = await createPGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  return db;
}

/** A business seeded with realistic clients (deterministic: seed 1, a fixed day). */
export async function startSeededApi(clients = 2000): Promise<TestApi> {
  const db = await openDatabase();
  const seeded = await seedBusiness(db, { clients, seed: 1, now: new Date('2026-06-15T12:00:00Z') });
  await sql`update businesses set allowed_origins = ${JSON.stringify(ORIGINS)}::jsonb where id = ${seeded.businessId}`
    .execute(db)
    .catch(() => undefined);
  return openApp(db, seeded.businessId, seeded.secretKey as string, clients, () => db.destroy());
}

/**
 * A business with `clients` bare clients (name and phone only), inserted with one `generate_series` statement.
 * The client indexes other than the name sort are dropped first: this database only backs DOM-size tests.
 */
export async function startBulkApi(clients = 1_000_000): Promise<TestApi> {
  const db = await openDatabase();
  const created = await createBusiness(db, {
    name: 'Bulk salon',
    country: 'GB',
    currency: 'GBP',
    timezone: 'Europe/London',
    allowed_origins: ORIGINS,
  });
  const { rows } = await sql<{ indexname: string }>`
    select i.indexname from pg_indexes i
    where i.tablename = 'clients' and i.indexname like 'clients\\_%'
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  for (const { indexname } of rows) await sql`drop index ${sql.id(indexname)}`.execute(db);
  await sql`
    insert into clients (business_id, first_name, last_name, phone, search_name)
    select ${created.business.id}::uuid, 'Client', lpad(n::text, 7, '0'), '+4470' || lpad(n::text, 8, '0'),
           'client ' || lpad(n::text, 7, '0')
    from generate_series(1, ${clients}::int) as n`.execute(db);
  await sql`create index clients_sort_name_sort on clients (business_id, name_sort, id)`.execute(db);
  await sql`analyze clients`.execute(db);
  return openApp(db, created.business.id, created.secret_key, clients, () => db.destroy());
}

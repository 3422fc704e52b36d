// A real API on an in-memory PGlite for browser tests of the components (packages/components): migrated, seeded,
// with an owner and a ready component session. Not used by the server itself.
import { Kysely, PGliteDialect, sql } from 'kysely';
import { createApp } from '../src/app';
import { hashToken } from '../src/auth/tokens';
import { createBusiness } from '../src/business/service';
import { loadConfig } from '../src/config';
import { createPGlite } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import type { Database } from '../src/db/schema';
import { createLogger } from '../src/http/logging';
import { JobQueue } from '../src/jobs/queue';
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
  /** A real session of the owner whose expiry has passed: the API answers it with 401 session_expired. */
  expiredSession: () => Promise<string>;
  close: () => Promise<void>;
}

const ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

async function openApp(
  { db, pglite }: Awaited<ReturnType<typeof openDatabase>>,
  businessId: string,
  secretKey: string,
  clients: number,
): Promise<TestApi> {
  const logger = createLogger('silent');
  // Bulk actions run as real jobs, polled quickly so the bar's progress can be followed in a test.
  const jobs = new JobQueue(db, { kind: 'pglite', pglite }, logger, { pollingSeconds: 0.5, retryDelaySeconds: 1 });
  // SMS paced at 10 a second (as a provider would be), so a bulk send lasts long enough to be stopped.
  // Category changes of more than 3 clients run as jobs here, so the bar's job path is tested with a few.
  const config = { ...loadConfig({}), platformKey: 'platform_test_key', smsRatePerSecond: 10, bulkInlineRows: 3 };
  const app = createApp({ db, config, logger, jobs });
  const close = async () => {
    await jobs.stop();
    await db.destroy();
  };
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
    expiredSession: async () => {
      const session = await mintSession();
      await db
        .updateTable('component_sessions')
        .set({ expires_at: new Date(Date.now() - 60_000) })
        .where('token_hash', '=', hashToken(session))
        .execute();
      return session;
    },
    close,
  };
}

async function openDatabase() {
  const pglite = await createPGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  return { db, pglite };
}

/** A business seeded with realistic clients (deterministic: seed 1, a fixed day). */
export async function startSeededApi(clients = 2000): Promise<TestApi> {
  const database = await openDatabase();
  const seeded = await seedBusiness(database.db, { clients, seed: 1, now: new Date('2026-06-15T12:00:00Z') });
  return openApp(database, seeded.businessId, seeded.secretKey as string, clients);
}

/**
 * A business with `clients` bare clients (name and phone only), inserted with one `generate_series` statement.
 * The client indexes other than the name sort are dropped first: this database only backs DOM-size tests.
 */
export async function startBulkApi(clients = 1_000_000): Promise<TestApi> {
  const database = await openDatabase();
  const { db } = database;
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
  return openApp(database, created.business.id, created.secret_key, clients);
}

export interface BookingApi {
  fetch: (request: Request) => Promise<Response>;
  /** Publishable keys: a Berlin salon charging in euros, and a Tokyo one in yen (no minor digits). */
  keys: { euro: string; yen: string };
  /** Location ids of the euro salon, by name. */
  locations: Record<string, string>;
  /** Service ids of the euro salon, by name. */
  services: Record<string, string>;
  /** Staff ids of the euro salon, by name. */
  staff: Record<string, string>;
  /** The euro salon's phone as the widget shows it to a refused visitor. */
  salonPhone: string;
  /**
   * Clients of the euro salon (phones in E.164): one with online booking disabled, and one in the
   * "Requires booking confirmation" category, whose online bookings are answered `pending`.
   */
  clients: { blacklisted: { phone: string }; needsConfirmation: { phone: string } };
  close: () => Promise<void>;
}

/** Every day of the week, 09:00–18:00 at the location: slots exist whatever day the tests run. */
const everyDay = (locationId: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    location_id: locationId,
    weekday,
    start: '09:00',
    end: '18:00',
    breaks: [],
  }));

/**
 * Two businesses with a small, known catalogue, for the public booking widget's browser tests. Staff work
 * 09:00–18:00 daily; the public rate limit is off (the widget suite makes many requests from one address).
 */
export async function startBookingApi(): Promise<BookingApi> {
  const { db } = await openDatabase();
  const catalogue = async (
    business: { name: string; country: string; currency: string; timezone: string; phone: string },
    locations: string[],
    services: { name: string; duration_minutes: number; price: number }[],
    staff: { name: string; location: string; services: string[] }[],
  ) => {
    const created = await createBusiness(db, { ...business, allowed_origins: ORIGINS });
    const business_id = created.business.id;
    const locationRows = await db
      .insertInto('locations')
      .values(locations.map((name) => ({ business_id, name, timezone: business.timezone })))
      .returning(['id', 'name'])
      .execute();
    const serviceRows = await db
      .insertInto('services')
      .values(services.map((service) => ({ business_id, ...service })))
      .returning(['id', 'name'])
      .execute();
    const locationIds = Object.fromEntries(locationRows.map((row) => [row.name, row.id]));
    const serviceIds = Object.fromEntries(serviceRows.map((row) => [row.name, row.id]));
    const staffRows = await db
      .insertInto('staff')
      .values(
        staff.map((member) => {
          const locationId = locationIds[member.location] as string;
          return {
            business_id,
            name: member.name,
            location_ids: [locationId],
            service_ids: member.services.map((name) => serviceIds[name] as string),
            working_hours: JSON.stringify(everyDay(locationId)),
          };
        }),
      )
      .returning(['id', 'name'])
      .execute();
    const staffIds = Object.fromEntries(staffRows.map((row) => [row.name, row.id]));
    return { businessId: business_id, key: created.publishable_key, locationIds, serviceIds, staffIds };
  };
  const euro = await catalogue(
    { name: 'Salon Aurora', country: 'DE', currency: 'EUR', timezone: 'Europe/Berlin', phone: '+49 30 123456' },
    ['Mitte', 'Kreuzberg'],
    [
      { name: 'Haircut', duration_minutes: 45, price: 3000 },
      { name: 'Colouring', duration_minutes: 90, price: 8550 },
      { name: 'Beard trim', duration_minutes: 20, price: 1500 },
    ],
    [
      { name: 'Ana', location: 'Mitte', services: ['Haircut', 'Colouring'] },
      { name: 'Ben', location: 'Kreuzberg', services: ['Beard trim'] },
      { name: 'Cleo', location: 'Mitte', services: ['Haircut'] },
    ],
  );
  const yen = await catalogue(
    { name: 'Studio Sakura', country: 'JP', currency: 'JPY', timezone: 'Asia/Tokyo', phone: '+81 3 1234 5678' },
    ['Shibuya'],
    [{ name: 'Cut', duration_minutes: 60, price: 5500 }],
    [{ name: 'Yui', location: 'Shibuya', services: ['Cut'] }],
  );

  const clients = { blacklisted: { phone: '+4915112345678' }, needsConfirmation: { phone: '+4915187654321' } };
  const [, needsConfirmation] = await db
    .insertInto('clients')
    .values([
      {
        business_id: euro.businessId,
        first_name: 'Blocked',
        last_name: 'Visitor',
        search_name: 'blocked visitor',
        phone: clients.blacklisted.phone,
        online_booking_disabled: true,
      },
      {
        business_id: euro.businessId,
        first_name: 'Careful',
        last_name: 'Client',
        search_name: 'careful client',
        phone: clients.needsConfirmation.phone,
      },
    ])
    .returning('id')
    .execute();
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('business_id', '=', euro.businessId)
    .where('system_key', '=', 'requires_confirmation')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('client_categories')
    .values({ business_id: euro.businessId, client_id: needsConfirmation!.id, category_id: category.id })
    .execute();

  const app = createApp({
    db,
    // Both public limits off: the suite makes many requests from one address with one key.
    config: loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' }),
    logger: createLogger('silent'),
  });
  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    keys: { euro: euro.key, yen: yen.key },
    locations: euro.locationIds,
    services: euro.serviceIds,
    staff: euro.staffIds,
    salonPhone: '+49 30 123456',
    clients,
    close: () => db.destroy(),
  };
}

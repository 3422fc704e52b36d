// seedBusiness: a business (new or given) filled with a catalogue and N clients with plausible,
// self-consistent history. Same seed → same data; written in chunks so memory stays flat at any N.
import { type Kysely, sql } from 'kysely';
import { createBusiness, type NewBusiness } from '../business/service';
import type { Database, SystemCategoryKey } from '../db/schema';
import { DAY_MS } from './calendar';
import {
  CUSTOM_FIELDS,
  DEFAULT_LOCATIONS,
  DEFAULT_PRODUCTS,
  DEFAULT_SERVICES,
  type LocationPlan,
  type ProductPlan,
  planStaff,
  ROLE_COUNT,
  type ServiceGroup,
  type ServicePlan,
  workingHoursJson,
} from './catalogue';
import {
  APPOINTMENTS_PER_CLIENT,
  APPOINTMENTS_PER_STAFF,
  type CategoryIds,
  ClientGenerator,
  HISTORY_DAYS,
} from './generate';
import { Random, uuidV4, uuidV7 } from './random';
import { type ChunkRows, emptyChunk } from './rows';
import { writeChunk } from './write';

export const MAX_CLIENTS = 10_000_000;
const DEFAULT_CHUNK = 5_000;
/** Clients generated between two turns of the event loop, so the previous chunk's writes keep flowing. */
const SLICE = 250;

export interface SeedProgress {
  clients: number;
  total: number;
  ms: number;
}

export interface SeedOptions {
  clients: number;
  seed?: number | string;
  /** Fill this business (it must exist) instead of creating one. */
  businessId?: string;
  /** The day the history ends; defaults to today. Pass a fixed date for byte-identical reruns on any day. */
  now?: Date;
  /** Clients per transaction. */
  chunkSize?: number;
  /** Chunks written at once on PostgreSQL (default 2; PGlite always 1). */
  writers?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  businessId: string;
  /** Only when the seed created the business. */
  secretKey?: string;
  publishableKey?: string;
  clients: number;
  ms: number;
  staff: number;
  rows: Record<string, number>;
}

export const SEED_BUSINESS: NewBusiness = {
  name: 'Studio Lumière',
  country: 'GB',
  currency: 'GBP',
  timezone: 'Europe/London',
  allowed_origins: ['http://localhost:*', 'http://127.0.0.1:*'],
};

/** Enough staff for the history to fit their working hours at a comfortable utilisation. */
export function staffCountFor(clients: number): number {
  const groups = Math.ceil((clients * APPOINTMENTS_PER_CLIENT) / (APPOINTMENTS_PER_STAFF * ROLE_COUNT));
  return ROLE_COUNT * Math.max(1, groups);
}

async function isPGlite(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ version: string }>`select version() as version`.execute(db);
  return rows[0]?.version.includes('PGlite') ?? false;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function businessFor(db: Kysely<Database>, seed: string, businessId: string | undefined) {
  if (businessId) {
    const business = await db
      .selectFrom('businesses')
      .select(['id', 'name'])
      .where('id', '=', businessId)
      .executeTakeFirst();
    if (!business) throw new SeedError(`No business with id ${businessId}.`);
    return { business, secretKey: undefined, publishableKey: undefined };
  }
  // A seed-derived id makes a rerun on a fresh database identical, ids included; the next free one
  // is taken when a previous run already used it.
  for (let attempt = 0; ; attempt++) {
    const id = uuidV4(new Random(`${seed}/business/${attempt}`));
    const taken = await db.selectFrom('businesses').select('id').where('id', '=', id).executeTakeFirst();
    if (taken) continue;
    // createBusiness passes the fields it is given to the insert, the id among them.
    const input: NewBusiness & { id: string } = { ...SEED_BUSINESS, id };
    const created = await createBusiness(db, input);
    return {
      business: { id: created.business.id, name: created.business.name },
      secretKey: created.secret_key,
      publishableKey: created.publishable_key,
    };
  }
}

export class SeedError extends Error {}

export async function seedBusiness(db: Kysely<Database>, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const total = options.clients;
  if (!Number.isInteger(total) || total < 0 || total > MAX_CLIENTS) {
    throw new SeedError(`clients must be an integer from 0 to ${MAX_CLIENTS}, got ${total}.`);
  }
  const seed = String(options.seed ?? 1);
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const now = options.now ?? new Date();
  const anchorMs = Math.floor(now.getTime() / DAY_MS) * DAY_MS;

  const { business, secretKey, publishableKey } = await businessFor(db, seed, options.businessId);
  const businessId = business.id;
  const existing = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('business_id', '=', businessId)
    .executeTakeFirstOrThrow();
  const existingClients = Number(existing.n);
  const idSalt = `${businessId}/${existingClients}`;
  const catalogueIds = new Random(`${seed}/catalogue-ids/${idSalt}`);
  let catalogueSequence = 0;
  const catalogueId = () => uuidV7(anchorMs - (HISTORY_DAYS + 1) * DAY_MS + catalogueSequence++, catalogueIds);
  const catalogueRandom = new Random(`${seed}/catalogue`);

  const catalogue = await ensureCatalogue(db, businessId, catalogueId);
  const staff = planStaff(
    staffCountFor(total),
    catalogue.locations.length,
    catalogue.services,
    catalogueRandom,
    catalogueId,
  );
  if (staff.length) {
    await db
      .insertInto('staff')
      .values(
        staff.map((member) => ({
          id: member.id,
          business_id: businessId,
          name: member.name,
          position: member.position,
          location_ids: member.locations.map((l) => (catalogue.locations[l] as LocationPlan).id),
          service_ids: member.services.map((s) => (catalogue.services[s] as ServicePlan).id),
          working_hours: JSON.stringify(workingHoursJson(member, catalogue.locations)),
        })),
      )
      .execute();
  }

  const categoryRows = await db
    .selectFrom('categories')
    .select(['id', 'system_key'])
    .where('business_id', '=', businessId)
    .where('system_key', 'is not', null)
    .execute();
  const categories: CategoryIds = {};
  for (const row of categoryRows) categories[row.system_key as SystemCategoryKey] = row.id;

  // Filling a business that already has clients: skip the phones and card numbers it uses.
  let takenPhones: Set<string> | undefined;
  let takenCardNumbers: Set<string> | undefined;
  if (existingClients > 0) {
    const phones = await db
      .selectFrom('clients')
      .select('phone')
      .where('business_id', '=', businessId)
      .where('phone', 'like', '+4474%')
      .execute();
    takenPhones = new Set(phones.flatMap((row) => (row.phone ? [row.phone] : [])));
    const cards = await db.selectFrom('loyalty_cards').select('number').where('business_id', '=', businessId).execute();
    takenCardNumbers = new Set(cards.map((row) => row.number));
  }

  const generator = new ClientGenerator({
    seed,
    idSalt,
    total,
    anchorMs,
    businessName: business.name,
    locations: catalogue.locations,
    services: catalogue.services,
    products: catalogue.products,
    staff,
    categories,
    takenPhones,
    takenCardNumbers,
  });

  const rows: Record<string, number> = {};
  const count = (chunk: ChunkRows) => {
    for (const [table, list] of Object.entries(chunk)) rows[table] = (rows[table] ?? 0) + list.length;
  };
  // Generation of the next chunk overlaps the writing of earlier ones. PostgreSQL takes two chunks at
  // once on separate connections; PGlite is one connection, so more would only queue.
  const inFlight = new Set<Promise<void>>();
  const concurrency = (await isPGlite(db)) ? 1 : Math.max(1, options.writers ?? 2);
  let written = 0;
  while (generator.generated < total) {
    const chunk = emptyChunk();
    while (chunk.clients.length < chunkSize && generator.generated < total) {
      generator.generate(Math.min(SLICE, chunkSize - chunk.clients.length), chunk);
      await tick();
    }
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    count(chunk);
    const writing: Promise<void> = writeChunk(db, businessId, chunk).then(() => {
      inFlight.delete(writing);
      written += chunk.clients.length;
      options.onProgress?.({ clients: written, total, ms: performance.now() - started });
    });
    // A failure surfaces at the next await of the set; this only keeps it from counting as unhandled meanwhile.
    writing.catch(() => {});
    inFlight.add(writing);
  }
  await Promise.all(inFlight);
  // A bulk load leaves the visibility map empty, so index-only scans (list totals) would visit the heap
  // until autovacuum gets round to it; vacuum now so the base is in its steady state at once.
  await sql`vacuum (analyze) clients, client_categories, appointments, appointment_items, payments, account_transactions, loyalty_cards, loyalty_transactions, messages`.execute(
    db,
  );

  return {
    businessId,
    ...(secretKey ? { secretKey, publishableKey } : {}),
    clients: total,
    ms: Math.round(performance.now() - started),
    staff: staff.length,
    rows,
  };
}

interface Catalogue {
  locations: LocationPlan[];
  services: ServicePlan[];
  products: ProductPlan[];
}

/** Locations, services, products and custom fields: written only when the business has none. */
async function ensureCatalogue(db: Kysely<Database>, businessId: string, nextId: () => string): Promise<Catalogue> {
  let locations: LocationPlan[] = await db
    .selectFrom('locations')
    .select(['id', 'name', 'timezone', 'address', 'phone'])
    .where('business_id', '=', businessId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (locations.length === 0) {
    locations = DEFAULT_LOCATIONS.map((location) => ({ id: nextId(), ...location }));
    await db
      .insertInto('locations')
      .values(locations.map((location) => ({ ...location, business_id: businessId })))
      .execute();
  }

  const groupOf = new Map<string, ServiceGroup>(DEFAULT_SERVICES.map((s) => [s.name, s.group]));
  let services: ServicePlan[] = (
    await db
      .selectFrom('services')
      .select(['id', 'name', 'duration_minutes', 'price'])
      .where('business_id', '=', businessId)
      .where('active', '=', true)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map((s) => ({
    id: s.id,
    name: s.name,
    group: groupOf.get(s.name) ?? 'any',
    durationMinutes: s.duration_minutes,
    price: s.price,
  }));
  if (services.length === 0) {
    services = DEFAULT_SERVICES.map((service) => ({ id: nextId(), ...service }));
    await db
      .insertInto('services')
      .values(
        services.map((s) => ({
          id: s.id,
          business_id: businessId,
          name: s.name,
          duration_minutes: s.durationMinutes,
          price: s.price,
        })),
      )
      .execute();
  }

  let products: ProductPlan[] = await db
    .selectFrom('products')
    .select(['id', 'name', 'sku', 'price'])
    .where('business_id', '=', businessId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (products.length === 0) {
    products = DEFAULT_PRODUCTS.map((product) => ({ id: nextId(), ...product }));
    await db
      .insertInto('products')
      .values(products.map((product) => ({ ...product, business_id: businessId })))
      .execute();
  }

  await db
    .insertInto('custom_field_definitions')
    .values(
      CUSTOM_FIELDS.map((field, position) => ({
        id: nextId(),
        business_id: businessId,
        key: field.key,
        label: field.label,
        type: field.type,
        options: [...field.options],
        position,
      })),
    )
    .onConflict((oc) => oc.columns(['business_id', 'key']).doNothing())
    .execute();

  return { locations, services, products };
}

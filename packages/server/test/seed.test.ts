// The seed: deterministic, self-consistent (aggregates = facts), covering the edge cases the lists and
// filters need, and visible through the API.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../src/phones/normalize';
import { parseCliArgs } from '../src/seed/args';
import { DEFAULT_LOCATIONS, DEFAULT_PRODUCTS, DEFAULT_SERVICES, planStaff } from '../src/seed/catalogue';
import { ClientGenerator } from '../src/seed/generate';
import { Random, uuidV7 } from '../src/seed/random';
import { emptyChunk } from '../src/seed/rows';
import { type SeedResult, seedBusiness } from '../src/seed/seed';
import { foldForSearch } from '../src/text/search';
import { useTestApp } from './harness';

const t = await useTestApp();
const N = 300;
const now = new Date('2026-06-15T09:30:00Z');
let first: SeedResult;
let second: SeedResult;
let other: SeedResult;

beforeAll(async () => {
  first = await seedBusiness(t.db, { clients: N, seed: 'alpha', now, chunkSize: 120 });
  second = await seedBusiness(t.db, { clients: N, seed: 'alpha', now });
  other = await seedBusiness(t.db, { clients: N, seed: 'beta', now });
}, 180_000);

async function fingerprint(businessId: string) {
  const { rows } = await sql<Record<string, unknown>>`
    select first_name, middle_name, last_name, phone, email, birth_date, gender, discount, card_number,
           visits_count, first_visit_at, last_visit_at, total_sold, total_paid, balance, created_at,
           (select count(*) from appointments a where a.client_id = c.id) as appointments,
           (select array_agg(cat.system_key order by cat.system_key) from client_categories cc
              join categories cat on cat.id = cc.category_id where cc.client_id = c.id) as categories
    from clients c where business_id = ${businessId} order by created_at, phone`.execute(t.db);
  return rows;
}

describe('determinism', () => {
  it('the same seed gives the same clients, history and aggregates in another business', async () => {
    const a = await fingerprint(first.businessId);
    const b = await fingerprint(second.businessId);
    expect(a).toHaveLength(N);
    expect(b).toEqual(a);
    expect(first.rows).toEqual(second.rows);
  });

  it('a different seed gives different data', async () => {
    const a = await fingerprint(first.businessId);
    const c = await fingerprint(other.businessId);
    expect(c).toHaveLength(N);
    expect(c.map((row) => row.phone)).not.toEqual(a.map((row) => row.phone));
    expect(c.map((row) => row.first_name)).not.toEqual(a.map((row) => row.first_name));
  });

  it('generates identical rows, ids included, from the same seed, salt and catalogue', () => {
    const make = () => {
      const ids = new Random('ids');
      let n = 0;
      const nextId = () => uuidV7(1_700_000_000_000 + n++, ids);
      const locations = DEFAULT_LOCATIONS.map((l) => ({ id: nextId(), ...l }));
      const services = DEFAULT_SERVICES.map((s) => ({ id: nextId(), ...s }));
      const products = DEFAULT_PRODUCTS.map((p) => ({ id: nextId(), ...p }));
      const staff = planStaff(6, 2, services, new Random('staff'), nextId);
      const generator = new ClientGenerator({
        seed: 's',
        idSalt: 'salt',
        total: 200,
        anchorMs: Date.UTC(2026, 5, 15),
        businessName: 'Studio',
        locations,
        services,
        products,
        staff,
        categories: { vip: nextId() },
      });
      const chunk = emptyChunk();
      generator.generate(200, chunk);
      return chunk;
    };
    const a = make();
    expect(make()).toEqual(a);
    expect(a.clients).toHaveLength(200);
    expect(new Set(a.clients.map((c) => c.id)).size).toBe(200);
    // Client ids follow creation time (v7-shaped), so they are inserted in index order.
    const ids = a.clients.map((c) => c.id);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('consistency', () => {
  it('client aggregates equal what the appointments, payments and ledger say', async () => {
    const { rows } = await sql<Record<string, number>>`
      with a as (
        select client_id,
               count(*) filter (where status = 'arrived') as visits,
               min(starts_at) filter (where status = 'arrived') as first_visit,
               max(starts_at) filter (where status = 'arrived') as last_visit,
               coalesce(sum(total) filter (where status = 'arrived'), 0) as sold
        from appointments where business_id = ${first.businessId} group by client_id),
      p as (select client_id, sum(amount) as paid from payments where business_id = ${first.businessId} group by client_id),
      l as (select client_id, sum(case kind when 'charge' then -amount else amount end) as balance
            from account_transactions where business_id = ${first.businessId} group by client_id)
      select count(*)::int as clients,
             count(*) filter (where c.visits_count <> coalesce(a.visits, 0))::int as bad_visits,
             count(*) filter (where c.first_visit_at is distinct from a.first_visit)::int as bad_first,
             count(*) filter (where c.last_visit_at is distinct from a.last_visit)::int as bad_last,
             count(*) filter (where c.total_sold <> coalesce(a.sold, 0))::int as bad_sold,
             count(*) filter (where c.total_paid <> coalesce(p.paid, 0))::int as bad_paid,
             count(*) filter (where c.balance <> coalesce(l.balance, 0))::int as bad_balance,
             count(*) filter (where c.location_ids <> array(
               select c.created_location_id union select location_id from appointments x
               where x.client_id = c.id and x.status = 'arrived' order by 1))::int as bad_locations,
             count(*) filter (where c.staff_ids <> array(
               select distinct staff_id from appointments x
               where x.client_id = c.id and x.status = 'arrived' order by 1))::int as bad_staff,
             count(*) filter (where c.service_ids <> array(
               select distinct i.service_id from appointments x join appointment_items i on i.appointment_id = x.id
               where x.client_id = c.id and x.status = 'arrived' and i.service_id is not null order by 1))::int as bad_services,
             count(*) filter (where c.membership_expires_at is distinct from (
               select max(expires_at) from loyalty_cards m
               where m.client_id = c.id and m.kind = 'membership' and m.deleted_at is null))::int as bad_membership,
             count(*) filter (where c.visits_count > 0)::int as with_visits,
             count(*) filter (where c.total_paid < c.total_sold)::int as in_debt,
             count(*) filter (where c.balance > 0)::int as with_balance
      from clients c left join a on a.client_id = c.id left join p on p.client_id = c.id left join l on l.client_id = c.id
      where c.business_id = ${first.businessId}`.execute(t.db);
    expect(rows[0]).toMatchObject({
      clients: N,
      bad_visits: 0,
      bad_first: 0,
      bad_last: 0,
      bad_sold: 0,
      bad_paid: 0,
      bad_balance: 0,
      bad_locations: 0,
      bad_staff: 0,
      bad_services: 0,
      bad_membership: 0,
    });
    expect(rows[0]?.with_visits).toBeGreaterThan(N / 2);
    expect(rows[0]?.in_debt).toBeGreaterThan(0);
    expect(rows[0]?.with_balance).toBeGreaterThan(0);
  });

  it('appointment totals, payments, ledger and card balances add up', async () => {
    const b = first.businessId;
    const { rows } = await sql<Record<string, number>>`
      select
        (select count(*) from appointments ap where business_id = ${b}
           and total <> (select coalesce(sum(amount), 0) from appointment_items i where i.appointment_id = ap.id))::int as bad_total,
        (select count(*) from appointments ap where business_id = ${b}
           and paid <> (select coalesce(sum(amount), 0) from payments p where p.appointment_id = ap.id))::int as bad_paid,
        (select count(*) from payments p join appointments ap on ap.id = p.appointment_id
           where p.business_id = ${b} and (ap.status <> 'arrived' or ap.client_id <> p.client_id))::int as stray_payments,
        (select count(*) from appointments where business_id = ${b} and paid > total)::int as overpaid,
        (select count(*) from (
           select balance_after, sum(case kind when 'charge' then -amount else amount end)
                    over (partition by client_id order by created_at, id) as running
           from account_transactions where business_id = ${b}) x where balance_after <> running)::int as bad_ledger,
        (select count(*) from loyalty_cards lc where business_id = ${b} and balance <>
           (select coalesce(sum(case kind when 'accrue' then amount else -amount end), 0)
            from loyalty_transactions t where t.card_id = lc.id))::int as bad_cards,
        (select count(*) from payments p where business_id = ${b} and method = 'account' and not exists (
           select 1 from account_transactions t where t.appointment_id = p.appointment_id and t.kind = 'charge' and t.amount = p.amount))::int as unmatched_account_payments,
        (select count(*) from appointments a join appointments o on o.staff_id = a.staff_id and o.id < a.id
           and tstzrange(a.starts_at, a.ends_at) && tstzrange(o.starts_at, o.ends_at)
           where a.business_id = ${b} and a.status in ('pending','confirmed','arrived') and o.status in ('pending','confirmed','arrived'))::int as double_booked
      `.execute(t.db);
    expect(rows[0]).toEqual({
      bad_total: 0,
      bad_paid: 0,
      stray_payments: 0,
      overpaid: 0,
      bad_ledger: 0,
      bad_cards: 0,
      unmatched_account_payments: 0,
      double_booked: 0,
    });
  });

  it('appointments fall inside their staff member’s working hours, in the location’s time zone', async () => {
    const { rows } = await sql<{ outside: number; upcoming: number; past: number }>`
      select count(*) filter (where not exists (
               select 1 from jsonb_array_elements(s.working_hours) wh
               where (wh->>'location_id')::uuid = a.location_id
                 and (wh->>'weekday')::int = extract(isodow from a.starts_at at time zone l.timezone)
                 and (a.starts_at at time zone l.timezone)::time >= (wh->>'start')::time
                 and (a.ends_at at time zone l.timezone)::time <= (wh->>'end')::time))::int as outside,
             count(*) filter (where a.starts_at > ${now})::int as upcoming,
             count(*) filter (where a.starts_at < ${now})::int as past
      from appointments a join staff s on s.id = a.staff_id join locations l on l.id = a.location_id
      where a.business_id = ${first.businessId}`.execute(t.db);
    expect(rows[0]?.outside).toBe(0);
    expect(rows[0]?.past).toBeGreaterThan(N);
    expect(rows[0]?.upcoming).toBeGreaterThan(0);
  });
});

describe('coverage of edge cases', () => {
  it('birthdays include Dec 31, Jan 1 and Feb 29; some clients are blocked online, some have no e-mail', async () => {
    const { rows } = await sql<Record<string, number>>`
      select count(*) filter (where to_char(birth_date, 'MM-DD') = '12-31')::int as dec31,
             count(*) filter (where to_char(birth_date, 'MM-DD') = '01-01')::int as jan1,
             count(*) filter (where to_char(birth_date, 'MM-DD') = '02-29')::int as feb29,
             count(distinct extract(month from birth_date))::int as months,
             count(*) filter (where birth_date is null)::int as no_birthday,
             count(*) filter (where online_booking_disabled and online_booking_disabled_reason is not null)::int as blocked,
             count(*) filter (where online_booking_disabled and online_booking_disabled_reason is null)::int as blocked_without_reason,
             count(*) filter (where email is null)::int as no_email,
             count(*) filter (where marketing_allowed)::int as marketing,
             count(*) filter (where mobile_app_platform is not null)::int as app,
             count(distinct gender)::int as genders,
             count(*) filter (where discount > 0)::int as discounted,
             count(*) filter (where importance > 0)::int as important,
             count(*) filter (where card_number is not null)::int as cards,
             count(*) filter (where custom_fields ? 'hair_type')::int as hair_type
      from clients where business_id = ${first.businessId}`.execute(t.db);
    const r = rows[0] as Record<string, number>;
    expect(r.dec31).toBeGreaterThan(0);
    expect(r.jan1).toBeGreaterThan(0);
    expect(r.feb29).toBeGreaterThan(0);
    expect(r.months).toBe(12);
    expect(r.no_birthday).toBeGreaterThan(0);
    expect(r.blocked).toBeGreaterThan(0);
    expect(r.blocked).toBeLessThan(N * 0.03);
    expect(r.blocked_without_reason).toBe(0);
    expect(r.no_email).toBeGreaterThan(N * 0.05);
    expect(r.no_email).toBeLessThan(N * 0.3);
    for (const key of ['marketing', 'app', 'discounted', 'important', 'cards', 'hair_type'])
      expect(r[key], key).toBeGreaterThan(0);
    expect(r.genders).toBe(3);
  });

  it('every phone is E.164, possible, unique in the business; search_name is the folded name', async () => {
    const clients = await t.db
      .selectFrom('clients')
      .select(['phone', 'first_name', 'middle_name', 'last_name', 'search_name'])
      .where('business_id', '=', first.businessId)
      .execute();
    expect(new Set(clients.map((c) => c.phone)).size).toBe(N);
    for (const client of clients) {
      expect(client.phone).toMatch(/^\+[1-9]\d{7,14}$/);
      expect(normalizePhone(client.phone as string, 'GB')).toBe(client.phone);
      expect(client.search_name).toBe(foldForSearch(client.first_name, client.middle_name, client.last_name));
    }
    // Accented names are in the mix: search has to fold them.
    expect(clients.some((c) => /\p{M}/u.test(`${c.first_name}${c.last_name}`.normalize('NFD')))).toBe(true);
  });

  it('writes a catalogue, all categories, every kind of card and a mix of messages', async () => {
    const b = first.businessId;
    const locations = await t.db
      .selectFrom('locations')
      .select(['id', 'timezone'])
      .where('business_id', '=', b)
      .execute();
    expect(locations).toHaveLength(2);
    expect(new Set(locations.map((l) => l.timezone)).size).toBe(2);
    const staff = await t.db.selectFrom('staff').selectAll().where('business_id', '=', b).execute();
    expect(staff.length).toBeGreaterThanOrEqual(6);
    for (const member of staff) {
      expect(member.service_ids.length).toBeGreaterThan(0);
      expect(member.working_hours.length).toBeGreaterThan(0);
      for (const day of member.working_hours) {
        expect(member.location_ids).toContain(day.location_id);
        expect(day.weekday).toBeGreaterThanOrEqual(1);
        expect(day.weekday).toBeLessThanOrEqual(7);
        expect(day.start).toMatch(/^\d\d:\d\d$/);
      }
    }
    const count = async (table: 'services' | 'products' | 'custom_field_definitions') =>
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('business_id', '=', b)
          .executeTakeFirstOrThrow()
      ).n;
    expect(Number(await count('services'))).toBe(DEFAULT_SERVICES.length);
    expect(Number(await count('products'))).toBe(DEFAULT_PRODUCTS.length);
    expect(Number(await count('custom_field_definitions'))).toBe(3);

    const { rows } = await sql<Record<string, unknown>>`
      select
        (select array_agg(distinct c.system_key) from client_categories cc join categories c on c.id = cc.category_id where cc.business_id = ${b}) as categories,
        (select array_agg(distinct kind) from loyalty_cards where business_id = ${b}) as card_kinds,
        (select count(*) from loyalty_cards where business_id = ${b} and kind = 'membership' and deleted_at is null
           and expires_at between ${now} and ${now}::timestamptz + interval '30 days')::int as memberships_expiring,
        (select array_agg(distinct status) from messages where business_id = ${b}) as message_statuses,
        (select array_agg(distinct channel) from messages where business_id = ${b}) as channels,
        (select array_agg(distinct status) from appointments where business_id = ${b}) as appointment_statuses,
        (select array_agg(distinct method) from payments where business_id = ${b}) as methods,
        (select count(*) from appointment_items where business_id = ${b} and kind = 'product')::int as products_sold,
        (select count(*) from appointment_items where business_id = ${b} and discount > 0)::int as discounted_items`.execute(
      t.db,
    );
    const r = rows[0] as Record<string, unknown>;
    expect([...(r.categories as string[])].sort()).toEqual(['new_client', 'regular', 'requires_confirmation', 'vip']);
    expect([...(r.card_kinds as string[])].sort()).toEqual(['gift_card', 'loyalty', 'membership']);
    expect(r.memberships_expiring).toBeGreaterThan(0);
    expect(r.message_statuses).toEqual(expect.arrayContaining(['delivered', 'failed']));
    expect([...(r.channels as string[])].sort()).toEqual(['email', 'sms']);
    expect(r.appointment_statuses).toEqual(expect.arrayContaining(['arrived', 'no_show', 'cancelled', 'confirmed']));
    expect(r.methods).toEqual(expect.arrayContaining(['card', 'cash', 'account']));
    expect(r.products_sold).toBeGreaterThan(0);
    expect(r.discounted_items).toBeGreaterThan(0);
  });
});

describe('existing business', () => {
  it('adds clients to a given business without reusing its phones or card numbers', async () => {
    const more = await seedBusiness(t.db, { clients: 50, seed: 'alpha', businessId: first.businessId, now });
    expect(more.businessId).toBe(first.businessId);
    expect(more.secretKey).toBeUndefined();
    const { rows } = await sql<{ n: number; phones: number; staff: number; locations: number }>`
      select count(*)::int as n, count(distinct phone)::int as phones,
             (select count(*) from staff where business_id = ${first.businessId})::int as staff,
             (select count(*) from locations where business_id = ${first.businessId})::int as locations
      from clients where business_id = ${first.businessId}`.execute(t.db);
    expect(rows[0]).toMatchObject({ n: N + 50, phones: N + 50, locations: 2 });
  });

  it('refuses a business that does not exist', async () => {
    await expect(
      seedBusiness(t.db, { clients: 1, businessId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toThrow(/No business/);
  });
});

describe('through the API', () => {
  it('lists and finds the seeded clients with the business secret key', async () => {
    const list = await t.call('GET', '/v1/clients?limit=5', { token: other.secretKey });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(N);
    expect(list.body.items).toHaveLength(5);

    const top = await t.call('POST', '/v1/clients/search', {
      token: other.secretKey,
      body: { sort: 'total_sold:desc', limit: 1 },
    });
    expect(top.status).toBe(200);
    const phone: string = top.body.items[0].phone;
    const found = await t.call('POST', '/v1/clients/search', {
      token: other.secretKey,
      body: { query: phone.slice(-7) },
    });
    expect(found.body.items.map((c: { phone: string }) => c.phone)).toContain(phone);
  });
});

describe('command-line arguments', () => {
  it('reads --clients N, --clients=N and a pnpm "--" separator', () => {
    expect(parseCliArgs(['--clients', '5'])).toMatchObject({ clients: 5, seed: '1' });
    expect(parseCliArgs(['--clients=1_000_000', '--seed=x'])).toMatchObject({ clients: 1_000_000, seed: 'x' });
    expect(parseCliArgs(['--', '--clients', '7', '--business', '0190a0b0-0000-7000-8000-000000000001'])).toMatchObject({
      clients: 7,
      business: '0190a0b0-0000-7000-8000-000000000001',
    });
    expect(parseCliArgs(['--help'])).toBe('help');
  });

  it('explains bad input', () => {
    expect(() => parseCliArgs([])).toThrow(/--clients is required/);
    expect(() => parseCliArgs(['--clients', 'lots'])).toThrow(/whole number/);
    expect(() => parseCliArgs(['--clients', '0'])).toThrow(/whole number/);
    expect(() => parseCliArgs(['--clients', '5', '--business', 'acme'])).toThrow(/UUID/);
    expect(() => parseCliArgs(['--clients', '5', '--colour', 'red'])).toThrow(/colour/);
    expect(() => parseCliArgs(['--clients', '5', '--now', '2026-13-45'])).toThrow(/YYYY-MM-DD/);
  });
});

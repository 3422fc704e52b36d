// Online booking through the public API: new visitors become clients, the blacklist holds for every
// spelling of a phone and every case of an email with nothing written, confirmation-required clients
// get pending bookings, Idempotency-Key replays, and a contested slot has exactly one winner.
import { describe, expect, it } from 'vitest';
import { type BusinessOwnedTable, type TestBusiness, useTestApp } from './harness';

// Monday 23 November 2026, 08:00 in London; bookings go to Tuesday.
const now = new Date('2026-11-23T08:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness({ timezone: 'Europe/London', phone: '+44 20 7946 0000' });
const other = await t.newBusiness({ name: 'Other salon' });

async function created(path: string, body: unknown, business: TestBusiness = biz) {
  const res = await t.call('POST', path, { token: business.secretKey, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const week = [1, 2, 3, 4, 5, 6, 7];
async function salon(business: TestBusiness) {
  const location = await created('/v1/locations', { name: 'Soho', timezone: 'Europe/London' }, business);
  const cut = await created('/v1/services', { name: 'Cut', duration_minutes: 60, price: 4500 }, business);
  const hours = (locationId: string) =>
    week.map((weekday) => ({ location_id: locationId, weekday, start: '09:00', end: '18:00' }));
  const ana = await created(
    '/v1/staff',
    { name: 'Ana', location_ids: [location.id], service_ids: [cut.id], working_hours: hours(location.id) },
    business,
  );
  return { location: location.id, cut: cut.id, ana: ana.id };
}
const { location, cut, ana } = await salon(biz);
const elsewhere = await salon(other);

const at = (hhmm: string) => `2026-11-24T${hhmm}:00Z`; // London is on UTC in November
function book(client: Record<string, unknown>, startsAt = at('10:00'), headers: Record<string, string> = {}) {
  return t.call('POST', '/v1/public/booking/appointments', {
    headers: { 'X-Publishable-Key': biz.publishableKey, ...headers },
    body: { location_id: location, service_ids: [cut], staff_id: ana, starts_at: startsAt, client },
  });
}

async function counts() {
  const n = (table: BusinessOwnedTable) => t.rowCount(table, biz.id);
  return {
    clients: await n('clients'),
    appointments: await n('appointments'),
    items: await n('appointment_items'),
    keys: await n('idempotency_keys'),
  };
}

describe('online booking', () => {
  it('books a new visitor: a new online client, a confirmed appointment at list price', async () => {
    const res = await book({ name: 'Nora  Lind', phone: '07400 910001', email: 'Nora@Example.com' }, at('09:00'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      starts_at: '2026-11-24T09:00:00.000Z',
      ends_at: '2026-11-24T10:00:00.000Z',
      location_id: location,
      staff_id: ana,
      service_ids: [cut],
      source: 'online',
      total: 4500,
    });
    const client = (await t.call('GET', `/v1/clients/${res.body.client_id}`, { token: biz.secretKey })).body;
    expect(client).toMatchObject({
      first_name: 'Nora',
      last_name: 'Lind',
      phone: '+447400910001',
      email: 'nora@example.com',
      source: 'online',
      marketing_allowed: false,
    });
  });

  it('books a known client found by another spelling of the phone, without touching the card', async () => {
    const before = await counts();
    const res = await book({ name: 'N. L.', phone: '+44 7400 910001' }, at('11:00'));
    expect(res.status).toBe(201);
    const after = await counts();
    expect(after.clients).toBe(before.clients);
    const client = (await t.call('GET', `/v1/clients/${res.body.client_id}`, { token: biz.secretKey })).body;
    expect(client.first_name).toBe('Nora');
  });

  it('lets any staff member be chosen when none is named', async () => {
    const res = await t.call('POST', '/v1/public/booking/appointments', {
      headers: { 'X-Publishable-Key': biz.publishableKey },
      body: {
        location_id: location,
        service_ids: [cut],
        starts_at: at('13:00'),
        client: { name: 'Omar', phone: '07400 910002' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.staff_id).toBe(ana);
  });

  describe('blacklist', () => {
    it('refuses a client with online booking disabled by any phone spelling or email case, writing nothing', async () => {
      const banned = await t.call('POST', '/v1/clients', {
        token: biz.secretKey,
        body: {
          first_name: 'Bella',
          phone: '+447400910123',
          email: 'bella@example.com',
          online_booking_disabled: true,
          online_booking_disabled_reason: 'Three no-shows',
        },
      });
      expect(banned.status).toBe(201);
      const before = await counts();
      const attempts = [
        { name: 'Bella', phone: '+44 7400 910123' },
        { name: 'B', phone: '07400910123' },
        { name: 'B', phone: '(07400) 910-123' },
        { name: 'B', phone: '07999 000111', email: 'BELLA@Example.COM' },
      ];
      for (const [i, client] of attempts.entries()) {
        const res = await book(client, at('15:00'), { 'Idempotency-Key': `banned-${i}` });
        expect(res.status, JSON.stringify(client)).toBe(403);
        expect(res.body.error.code).toBe('online_booking_disabled');
        expect(res.body.error.details).toBeNull();
        expect(JSON.stringify(res.body)).not.toMatch(/Bella|no-show|910123/i);
      }
      expect(await counts()).toEqual(before);
    });

    it('lets reception book the same client through the admin API', async () => {
      const bella = await t.db
        .selectFrom('clients')
        .select('id')
        .where('phone', '=', '+447400910123')
        .executeTakeFirstOrThrow();
      const res = await t.call('POST', '/v1/appointments', {
        token: biz.secretKey,
        body: { client_id: bella.id, location_id: location, staff_id: ana, service_ids: [cut], starts_at: at('16:00') },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    });
  });

  it('books a client who requires confirmation as pending', async () => {
    const categories = (await t.call('GET', '/v1/categories', { token: biz.secretKey })).body.items;
    const confirm = categories.find((c: { name: string }) => c.name === 'Requires booking confirmation');
    await t.call('POST', '/v1/clients', {
      token: biz.secretKey,
      body: { first_name: 'Pia', phone: '07400 910200', category_ids: [confirm.id] },
    });
    const res = await book({ name: 'Pia', phone: '+447400910200' }, at('12:00'));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
  });

  describe('Idempotency-Key', () => {
    it('answers a repeated key with the first booking and writes nothing more, also when sent at once', async () => {
      const client = { name: 'Ida', phone: '07400 910300' };
      const first = await book(client, at('14:00'), { 'Idempotency-Key': 'ida-1' });
      expect(first.status).toBe(201);
      const before = await counts();
      const again = await Promise.all(
        Array.from({ length: 5 }, () => book(client, at('14:00'), { 'Idempotency-Key': 'ida-1' })),
      );
      for (const res of again) {
        expect(res.status).toBe(201);
        expect(res.body).toEqual(first.body);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a key reused for another request', async () => {
      const res = await book({ name: 'Ida', phone: '07400 910300' }, at('17:00'), { 'Idempotency-Key': 'ida-1' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('idempotency_key_reused');
    });

    it('rejects a malformed key', async () => {
      const res = await book({ name: 'Ida', phone: '07400 910300' }, at('17:00'), { 'Idempotency-Key': 'a b' });
      expect(res.status).toBe(422);
    });
  });

  it('gives a contested slot to exactly one of 50 concurrent visitors; the others get slot_taken', async () => {
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        book(
          { name: `Racer ${i}`, phone: `07400 92${String(i).padStart(4, '0')}` },
          at('10:00').replace('10:00', '17:00'),
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const res of results.filter((r) => r.status === 409)) expect(res.body.error.code).toBe('slot_taken');
    const after = await counts();
    expect(after.appointments).toBe(before.appointments + 1);
    expect(after.clients).toBe(before.clients + 1); // the losers' new clients were rolled back
  });

  it('refuses a time that is not free (taken, outside hours, before the lead time) with slot_taken', async () => {
    for (const startsAt of [at('09:30'), at('20:00'), '2026-11-23T08:30:00Z']) {
      const res = await book({ name: 'Late', phone: '07400 910400' }, startsAt);
      expect(res.status, startsAt).toBe(409);
      expect(res.body.error.code).toBe('slot_taken');
    }
  });

  it('validates the request and names the field; nothing written', async () => {
    const before = await counts();
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await t.call('POST', '/v1/public/booking/appointments', {
        headers: { 'X-Publishable-Key': biz.publishableKey },
        body: {
          location_id: location,
          service_ids: [cut],
          starts_at: at('15:00'),
          client: { name: 'V', phone: '07400 910500' },
          ...body,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad({ client: { name: 'V', phone: '12' } }, 'client.phone');
    await bad({ client: { name: 'V', phone: '07400 910500', email: 'not-an-email' } }, 'client.email');
    await bad({ client: { name: '', phone: '07400 910500' } }, 'client.name');
    await bad({ starts_at: 'tomorrow' }, 'starts_at');
    await bad({ service_ids: [] }, 'service_ids');
    await bad({ location_id: elsewhere.location }, 'location_id');
    await bad({ service_ids: [elsewhere.cut] }, 'service_ids');
    await bad({ staff_id: elsewhere.ana }, 'staff_id');
    await bad({ extra: true }, 'extra');
    expect(await counts()).toEqual(before);
  });

  it('takes only a publishable key', async () => {
    const res = await t.call('POST', '/v1/public/booking/appointments', {
      token: biz.secretKey,
      body: {},
    });
    expect(res.status).toBe(401);
  });
});

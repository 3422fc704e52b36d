// Per-client notification switches: the full matrix with defaults, upserts, the marketing consent rule,
// and notificationAllowed, which automatic and bulk sends honour.
import { describe, expect, it } from 'vitest';
import { notificationAllowed, notificationsAllowed } from '../src/notifications/settings';
import { NOTIFICATION_TYPES } from '../src/notifications/types';
import { useTestApp } from './harness';

const t = await useTestApp();
const biz = await t.newBusiness();
const other = await t.newBusiness();
const token = biz.secretKey;

let phone = 900700;
async function newClient(body: Record<string, unknown> = {}, as = token): Promise<string> {
  const res = await t.call('POST', '/v1/clients', {
    token: as,
    body: { first_name: 'Ann', phone: `07400 ${phone++}`, ...body },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const read = (clientId: string, as = token) =>
  t.call('GET', `/v1/clients/${clientId}/notification-settings`, { token: as });
const save = (clientId: string, body: unknown, as = token) =>
  t.call('PUT', `/v1/clients/${clientId}/notification-settings`, { token: as, body });

/** The matrix as "type:channel" → enabled. */
const matrix = (settings: { type: string; channel: string; enabled: boolean }[]) =>
  Object.fromEntries(settings.map((s) => [`${s.type}:${s.channel}`, s.enabled]));

/** Every switch on, except those listed. */
function allOnExcept(off: string[]) {
  const expected: Record<string, boolean> = {};
  for (const type of NOTIFICATION_TYPES)
    for (const channel of ['sms', 'email', 'push'])
      expected[`${type}:${channel}`] = !off.includes(`${type}:${channel}`);
  return expected;
}
const MARKETING = ['marketing:sms', 'marketing:email', 'marketing:push'];

const storedRows = () => t.rowCount('notification_settings', biz.id);

describe('reading the switches', () => {
  it('fills every type × channel with its default: on, marketing only with consent', async () => {
    const ann = await newClient();
    const res = await read(ann);
    expect(res.status).toBe(200);
    expect(res.body.marketing_allowed).toBe(false);
    expect(res.body.channels).toEqual(['sms', 'email', 'push']);
    expect(res.body.types.map((type: { type: string }) => type.type)).toEqual([
      'booking_confirmation',
      'reminder',
      'birthday',
      'marketing',
      'loyalty',
    ]);
    for (const type of res.body.types) expect(type.description).toMatch(/^[A-Z].{10,}\.$/);
    expect(res.body.settings).toHaveLength(15);
    expect(res.body.settings[0]).toEqual({ type: 'booking_confirmation', channel: 'sms', enabled: true });
    expect(matrix(res.body.settings)).toEqual(allOnExcept(MARKETING));

    const bea = await newClient({ marketing_allowed: true });
    expect(matrix((await read(bea)).body.settings)).toEqual(allOnExcept([]));
  });
});

describe('changing the switches', () => {
  it('upserts what is sent, keeps the rest, and answers the whole matrix', async () => {
    const cara = await newClient({ marketing_allowed: true });
    const first = await save(cara, {
      settings: [
        { type: 'reminder', channel: 'sms', enabled: false },
        { type: 'marketing', channel: 'email', enabled: false },
      ],
    });
    expect(first.status).toBe(200);
    expect(matrix(first.body.settings)).toEqual(allOnExcept(['reminder:sms', 'marketing:email']));
    const second = await save(cara, {
      settings: [
        { type: 'reminder', channel: 'sms', enabled: true },
        { type: 'birthday', channel: 'push', enabled: false },
      ],
    });
    expect(matrix(second.body.settings)).toEqual(allOnExcept(['marketing:email', 'birthday:push']));
    expect((await read(cara)).body).toEqual(second.body);
    const rows = await t.db
      .selectFrom('notification_settings')
      .select(['type', 'channel', 'enabled'])
      .where('client_id', '=', cara)
      .orderBy('type')
      .execute();
    expect(rows).toEqual([
      { type: 'birthday', channel: 'push', enabled: false },
      { type: 'marketing', channel: 'email', enabled: false },
      { type: 'reminder', channel: 'sms', enabled: true },
    ]);

    // Withdrawing consent turns marketing off on every channel; stored switches cannot outrank it.
    await t.call('PATCH', `/v1/clients/${cara}`, { token, body: { marketing_allowed: false } });
    expect(matrix((await read(cara)).body.settings)).toEqual(allOnExcept([...MARKETING, 'birthday:push']));
  });

  it('answers 422 naming the field for bad input, and writes nothing', async () => {
    const dan = await newClient();
    const before = await storedRows();
    const ok = { type: 'reminder', channel: 'sms', enabled: false };
    for (const [body, field] of [
      [{}, 'settings'],
      [{ settings: [] }, 'settings'],
      [{ settings: [{ ...ok, type: 'newsletter' }] }, 'settings.0.type'],
      [{ settings: [ok, { ...ok, channel: 'fax' }] }, 'settings.1.channel'],
      [{ settings: [{ ...ok, enabled: 'no' }] }, 'settings.0.enabled'],
      [{ settings: [{ type: 'reminder', channel: 'sms' }] }, 'settings.0.enabled'],
      [{ settings: [{ ...ok, note: 'x' }] }, 'settings.0'],
      [{ settings: [ok, { ...ok, enabled: true }] }, 'settings.1'],
      // No marketing without consent: that is recorded on the client, not here.
      [{ settings: [ok, { type: 'marketing', channel: 'sms', enabled: true }] }, 'settings.1.enabled'],
      [{ settings: [ok], extra: true }, 'extra'],
    ] as const) {
      const res = await save(dan, body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body),
        422,
        'validation_failed',
      ]);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect((await save(dan, '{"settings": ')).status).toBe(400);
    expect(await storedRows()).toBe(before);
    // Switching marketing off needs no consent.
    const off = await save(dan, { settings: [{ type: 'marketing', channel: 'sms', enabled: false }] });
    expect(off.status).toBe(200);
  });
});

describe('notificationAllowed', () => {
  it('answers what the matrix shows, for one client or many', async () => {
    const eve = await newClient({ marketing_allowed: true });
    const fay = await newClient();
    await save(eve, { settings: [{ type: 'reminder', channel: 'sms', enabled: false }] });
    expect(await notificationAllowed(biz.tenant, eve, 'reminder', 'sms')).toBe(false);
    expect(await notificationAllowed(biz.tenant, eve, 'reminder', 'email')).toBe(true);
    expect(await notificationAllowed(biz.tenant, eve, 'marketing', 'sms')).toBe(true);
    expect(await notificationAllowed(biz.tenant, fay, 'marketing', 'sms')).toBe(false);
    expect(await notificationsAllowed(biz.tenant, [eve, fay], 'reminder', 'sms')).toEqual(new Set([fay]));
    expect(await notificationsAllowed(biz.tenant, [eve, fay], 'marketing', 'email')).toEqual(new Set([eve]));
    // Another business's client is nobody's recipient here.
    expect(await notificationAllowed(other.tenant, eve, 'reminder', 'email')).toBe(false);
    expect(await notificationsAllowed(biz.tenant, [], 'loyalty', 'push')).toEqual(new Set());
  });
});

describe('access', () => {
  it('answers 404 for another business, unknown and non-ids, writing nothing', async () => {
    const gus = await newClient();
    const before = await storedRows();
    const body = { settings: [{ type: 'reminder', channel: 'sms', enabled: false }] };
    for (const [clientId, as] of [
      [gus, other.secretKey],
      ['6f1c1f0e-0000-4000-8000-000000000000', token],
      ['gus', token],
    ] as const) {
      expect((await read(clientId, as)).status).toBe(404);
      expect((await save(clientId, body, as)).status).toBe(404);
    }
    expect(await storedRows()).toBe(before);
  });

  it('needs clients_write to change (a receptionist has it; edit_clients: false takes it away)', async () => {
    const hal = await newClient();
    const session = (role: string, features?: Record<string, boolean>) => t.sessionFor(biz, role, features);
    const body = { settings: [{ type: 'loyalty', channel: 'push', enabled: false }] };
    const readOnly = await session('owner', { edit_clients: false });
    expect((await save(hal, body, readOnly)).status).toBe(403);
    expect((await read(hal, readOnly)).status).toBe(200);
    expect((await save(hal, body, await session('receptionist'))).status).toBe(200);
  });

  it('answers 404 to a branch user for a client of another branch', async () => {
    const branched = await t.newBusiness();
    const key = branched.secretKey;
    const soho = (
      await t.call('POST', '/v1/locations', { token: key, body: { name: 'Soho', timezone: 'Europe/London' } })
    ).body.id;
    await t.call('PATCH', '/v1/business', { token: key, body: { shared_client_base: false } });
    const { session: desk } = await t.newStaff(branched, 'receptionist', { locationIds: [soho] });
    const hidden = await newClient({}, key);
    const body = { settings: [{ type: 'reminder', channel: 'sms', enabled: false }] };
    expect((await read(hidden, desk)).status).toBe(404);
    expect((await save(hidden, body, desk)).status).toBe(404);
    expect(await notificationAllowed(branched.tenant, hidden, 'reminder', 'sms')).toBe(true);
    const seen = await newClient({}, desk);
    expect((await save(seen, body, desk)).status).toBe(200);
  });
});

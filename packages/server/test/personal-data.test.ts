// A client's personal data: everything held on them as one JSON download, and deletion; both recorded in
// the data log with who did it.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const other = await t.newBusiness({ name: 'Other salon' });
const token = biz.session;

async function created(path: string, body: unknown) {
  const res = await t.call('POST', path, { token: biz.secretKey, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const location = await created('/v1/locations', { name: 'Soho', timezone: 'Europe/London' });
const cut = await created('/v1/services', { name: 'Cut', duration_minutes: 60, price: 4500 });
const ana = await created('/v1/staff', { name: 'Ana', location_ids: [location.id], service_ids: [cut.id] });
const client = await created('/v1/clients', { first_name: 'Ida', last_name: 'Lind', phone: '07400 905001' });
const visit = await created('/v1/appointments', {
  client_id: client.id,
  location_id: location.id,
  staff_id: ana.id,
  service_ids: [cut.id],
  starts_at: '2026-11-26T10:00:00Z',
});
await created(`/v1/clients/${client.id}/account/transactions`, { kind: 'top_up', amount: 5000 });

async function log(action: string) {
  return t.db
    .selectFrom('data_log')
    .select(['actor', 'user_id', 'entity', 'row_count', 'details'])
    .where('business_id', '=', biz.id)
    .where('action', '=', action)
    .execute();
}

describe('personal data', () => {
  it('downloads everything held on the client as JSON, and logs who did', async () => {
    const res = await t.call('GET', `/v1/clients/${client.id}/personal-data`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="client-${client.id}.json"`);
    expect(res.body.client).toMatchObject({ id: client.id, first_name: 'Ida', phone: '+447400905001', balance: 5000 });
    expect(res.body.appointments).toHaveLength(1);
    expect(res.body.appointments[0]).toMatchObject({ id: visit.id, status: 'confirmed' });
    expect(res.body.appointments[0].items.map((i: { name: string }) => i.name)).toEqual(['Cut']);
    expect(res.body.account_transactions.map((x: { kind: string; amount: number }) => [x.kind, x.amount])).toEqual([
      ['top_up', 5000],
    ]);
    for (const key of ['loyalty_cards', 'messages', 'calls', 'notification_settings', 'files', 'push_subscriptions'])
      expect(Array.isArray(res.body[key]), key).toBe(true);
    const entries = await log('personal_data_export');
    expect(entries).toEqual([
      {
        actor: `user:owner-${biz.id}@example.com`,
        user_id: biz.ownerId,
        entity: 'client',
        row_count: 1,
        details: { client_id: client.id },
      },
    ]);
  });

  it('is not given to a role without export rights, nor for another business’s client', async () => {
    const desk = await t.sessionFor(biz, 'receptionist');
    expect((await t.call('GET', `/v1/clients/${client.id}/personal-data`, { token: desk })).status).toBe(403);
    expect((await t.call('GET', `/v1/clients/${client.id}/personal-data`, { token: other.secretKey })).status).toBe(
      404,
    );
    expect(await log('personal_data_export')).toHaveLength(1);
  });

  it('logs a deletion with the name of the client deleted', async () => {
    expect((await t.call('DELETE', `/v1/clients/${client.id}`, { token })).status).toBe(204);
    const entries = await log('client_delete');
    expect(entries).toEqual([
      expect.objectContaining({
        entity: 'client',
        row_count: 1,
        details: { client_id: client.id, name: 'Ida Lind', files: 0 },
      }),
    ]);
    expect((await t.call('GET', `/v1/clients/${client.id}/personal-data`, { token })).status).toBe(404);
  });
});

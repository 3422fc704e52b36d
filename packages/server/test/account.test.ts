// The client's account: balance and ledger, top-ups, charges and refunds, and the proof that charges
// racing each other never take the balance below zero. On PGlite requests run one at a time, so the
// race test proves the locking only on PostgreSQL; it must hold on both.
import { describe, expect, it } from 'vitest';
import { type BusinessOwnedTable, useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const other = await t.newBusiness();
const token = biz.secretKey;

let phone = 900800;
async function newClient(first_name: string): Promise<string> {
  const res = await t.call('POST', '/v1/clients', { token, body: { first_name, phone: `07400 ${phone++}` } });
  expect(res.status).toBe(201);
  return res.body.id;
}

const post = (clientId: string, body: unknown, as = token) =>
  t.call('POST', `/v1/clients/${clientId}/account/transactions`, { token: as, body });
const account = (clientId: string, query = '', as = token) =>
  t.call('GET', `/v1/clients/${clientId}/account${query}`, { token: as });

/** Rows written for the business: nothing may change on a refused request. */
async function written() {
  const count = (table: BusinessOwnedTable) => t.rowCount(table, biz.id);
  return { ledger: await count('account_transactions'), log: await count('data_log') };
}

describe('the account ledger', () => {
  it('starts empty, then records top-ups, charges and refunds newest first', async () => {
    const ann = await newClient('Ann');
    expect((await account(ann)).body).toEqual({ balance: 0, items: [], total: 0 });

    const topUp = await post(ann, { kind: 'top_up', amount: 10000, comment: '  Gift from her sister  ' }, biz.session);
    expect(topUp.status).toBe(201);
    expect(topUp.body).toEqual({
      id: expect.any(String),
      kind: 'top_up',
      amount: 10000,
      balance_after: 10000,
      comment: 'Gift from her sister',
      appointment_id: null,
      created_by: biz.ownerId,
      created_at: expect.any(String),
      balance: 10000,
    });
    const charge = await post(ann, { kind: 'charge', amount: 2500 });
    expect(charge.body).toMatchObject({ kind: 'charge', balance_after: 7500, balance: 7500, created_by: null });
    const refund = await post(ann, { kind: 'refund', amount: 500, comment: '' });
    expect(refund.body).toMatchObject({ kind: 'refund', balance_after: 8000, balance: 8000, comment: null });

    const res = await account(ann);
    expect(res.body.balance).toBe(8000);
    expect(res.body.total).toBe(3);
    expect(res.body.items).toEqual([refund.body, charge.body, topUp.body].map(({ balance: _, ...row }) => row));
    const page = await account(ann, '?offset=1&limit=1');
    expect([page.body.items.map((row: { id: string }) => row.id), page.body.total]).toEqual([[charge.body.id], 3]);
    // The client's kept balance follows in the same transaction.
    expect((await t.call('GET', `/v1/clients/${ann}`, { token })).body.balance).toBe(8000);

    const log = await t.db
      .selectFrom('data_log')
      .select(['user_id', 'actor', 'action', 'entity', 'row_count', 'details'])
      .where('business_id', '=', biz.id)
      .where('action', '=', 'account_transaction')
      .orderBy('created_at')
      .execute();
    expect(log.filter((row) => (row.details as { client_id: string }).client_id === ann)).toHaveLength(3);
    expect(log[0]).toEqual({
      user_id: biz.ownerId,
      actor: `user:owner-${biz.id}@example.com`,
      action: 'account_transaction',
      entity: 'client',
      row_count: 1,
      details: { client_id: ann, transaction_id: topUp.body.id, kind: 'top_up', amount: 10000 },
    });
  });

  it('refuses a charge beyond the balance with 409 insufficient_balance and writes nothing', async () => {
    const bea = await newClient('Bea');
    await post(bea, { kind: 'top_up', amount: 3000 });
    const before = await written();
    const res = await post(bea, { kind: 'charge', amount: 3001 });
    expect([res.status, res.body.error.code, res.body.error.details]).toEqual([
      409,
      'insufficient_balance',
      { balance: 3000 },
    ]);
    expect(await written()).toEqual(before);
    // The whole balance can be charged, to zero.
    expect((await post(bea, { kind: 'charge', amount: 3000 })).body.balance).toBe(0);
    expect((await post(bea, { kind: 'charge', amount: 1 })).status).toBe(409);
  });

  it('shows charges of appointment payments from the account in the same ledger', async () => {
    const location = (
      await t.call('POST', '/v1/locations', { token, body: { name: 'Soho', timezone: 'Europe/London' } })
    ).body.id;
    const service = (
      await t.call('POST', '/v1/services', { token, body: { name: 'Cut', duration_minutes: 30, price: 3000 } })
    ).body.id;
    const staff = (
      await t.call('POST', '/v1/staff', {
        token,
        body: { name: 'Ana', location_ids: [location], service_ids: [service] },
      })
    ).body.id;
    const cara = await newClient('Cara');
    await post(cara, { kind: 'top_up', amount: 5000 });
    const appointment = await t.call('POST', '/v1/appointments', {
      token,
      body: {
        client_id: cara,
        location_id: location,
        staff_id: staff,
        service_ids: [service],
        starts_at: '2026-11-25T09:00:00Z',
      },
    });
    const paid = await t.call('POST', `/v1/appointments/${appointment.body.id}/payments`, {
      token,
      body: { method: 'account', amount: 3000 },
    });
    expect(paid.status).toBe(201);
    const res = await account(cara);
    expect(res.body.balance).toBe(2000);
    expect(res.body.items[0]).toMatchObject({
      kind: 'charge',
      amount: 3000,
      balance_after: 2000,
      appointment_id: appointment.body.id,
    });
    expect((await post(cara, { kind: 'charge', amount: 2001 })).body.error.details).toEqual({ balance: 2000 });
  });

  it('answers 422 naming the field for a bad body, 400 for one that is not JSON, and writes nothing', async () => {
    const dan = await newClient('Dan');
    const before = await written();
    for (const [body, field] of [
      [{ kind: 'gift', amount: 100 }, 'kind'],
      [{ amount: 100 }, 'kind'],
      [{ kind: 'top_up' }, 'amount'],
      [{ kind: 'top_up', amount: 0 }, 'amount'],
      [{ kind: 'top_up', amount: -5 }, 'amount'],
      [{ kind: 'top_up', amount: 1.5 }, 'amount'],
      [{ kind: 'top_up', amount: '100' }, 'amount'],
      [{ kind: 'top_up', amount: 10_000_000_001 }, 'amount'],
      [{ kind: 'top_up', amount: 100, comment: 'x'.repeat(501) }, 'comment'],
      [{ kind: 'top_up', amount: 100, comment: 7 }, 'comment'],
      [{ kind: 'top_up', amount: 100, created_by: 'me' }, 'created_by'],
    ] as const) {
      const res = await post(dan, body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body),
        422,
        'validation_failed',
      ]);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    const notJson = await post(dan, '{"kind": ');
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'invalid_body']);
    for (const query of ['?limit=101', '?offset=x', '?kind=charge'])
      expect((await account(dan, query)).status).toBe(422);
    expect(await written()).toEqual(before);
    const biggest = await post(dan, { kind: 'top_up', amount: 10_000_000_000, comment: 'x'.repeat(500) });
    expect(biggest.body.balance).toBe(10_000_000_000);
  });

  it('answers 404 for another business client, unknown and non-ids, writing nothing', async () => {
    const eve = await newClient('Eve');
    const before = await written();
    for (const [clientId, as] of [
      [eve, other.secretKey],
      ['6f1c1f0e-0000-4000-8000-000000000000', token],
      ['eve', token],
    ] as const) {
      expect((await account(clientId, '', as)).status).toBe(404);
      expect((await post(clientId, { kind: 'top_up', amount: 100 }, as)).status).toBe(404);
    }
    expect(await written()).toEqual(before);
  });

  it('needs account_write to write and clients_read to read', async () => {
    const fay = await newClient('Fay');
    const desk = await t.newStaff(biz, 'receptionist');
    const topUp = await post(fay, { kind: 'top_up', amount: 700 }, desk.session);
    expect([topUp.status, topUp.body.created_by]).toEqual([201, desk.userId]);
    const noPayments = await t.newStaff(biz, 'owner', { features: { payments: false } });
    const before = await written();
    const refused = await post(fay, { kind: 'top_up', amount: 100 }, noPayments.session);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect(await written()).toEqual(before);
    expect((await account(fay, '', noPayments.session)).body.balance).toBe(700);
    expect((await account(fay, '', biz.publishableKey)).status).toBe(403);
  });
});

describe('concurrent charges', () => {
  it('never take the balance below zero, and every balance_after is the running sum', async () => {
    const gus = await newClient('Gus');
    const start = 1000;
    const charge = 70;
    await post(gus, { kind: 'top_up', amount: start });
    // 30 × 70 = 2100 asked of 1000: exactly 14 fit.
    const results = await Promise.all(
      Array.from({ length: 30 }, () => post(gus, { kind: 'charge', amount: charge }, biz.session)),
    );
    const ok = results.filter((res) => res.status === 201);
    const refused = results.filter((res) => res.status !== 201);
    expect(ok).toHaveLength(14);
    for (const res of refused) {
      expect([res.status, res.body.error.code]).toEqual([409, 'insufficient_balance']);
      expect(res.body.error.details.balance).toBeLessThan(charge);
    }

    const final = (await account(gus, '?limit=100')).body;
    expect(final.balance).toBe(start - charge * ok.length);
    expect(final.balance).toBeGreaterThanOrEqual(0);
    expect(final.total).toBe(ok.length + 1);
    // Oldest first, each row's balance_after is what the rows before it sum to.
    let running = 0;
    for (const row of [...final.items].reverse()) {
      running += row.kind === 'charge' ? -row.amount : row.amount;
      expect(row.balance_after).toBe(running);
    }
    expect(running).toBe(final.balance);
    expect((await t.call('GET', `/v1/clients/${gus}`, { token })).body.balance).toBe(final.balance);
  });
});

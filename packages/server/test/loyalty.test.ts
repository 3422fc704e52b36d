// The loyalty section of the client card: issuing and deleting cards, accruing and writing off bonuses,
// what each card was used for, bonuses due to expire (FIFO), and the proof that racing write-offs never
// take a balance below zero. On PGlite requests run one at a time, so the race test proves the locking
// only on PostgreSQL; it must hold on both.
import { describe, expect, it } from 'vitest';
import { expiringBonuses, type LedgerEntry, totalsOf, unspentAccruals } from '../src/loyalty/fifo';
import { type BusinessOwnedTable, useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness();
const other = await t.newBusiness();
const token = biz.secretKey;

let phone = 900500;
async function newClient(body: Record<string, unknown> = {}, as = token): Promise<string> {
  const res = await t.call('POST', '/v1/clients', {
    token: as,
    body: { first_name: 'Ann', phone: `07400 ${phone++}`, ...body },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const issue = (clientId: string, body: unknown, as = token) =>
  t.call('POST', `/v1/clients/${clientId}/loyalty-cards`, { token: as, body });
const post = (cardId: string, body: unknown, as = token) =>
  t.call('POST', `/v1/loyalty-cards/${cardId}/transactions`, { token: as, body });
const remove = (cardId: string, as = token) => t.call('DELETE', `/v1/loyalty-cards/${cardId}`, { token: as });
const loyalty = (clientId: string, as = token) => t.call('GET', `/v1/clients/${clientId}/loyalty`, { token: as });

/** Rows written for the business: nothing may change on a refused request. */
async function written() {
  const count = (table: BusinessOwnedTable) => t.rowCount(table, biz.id);
  const balances = await t.db
    .selectFrom('loyalty_cards')
    .select(['id', 'balance', 'deleted_at'])
    .where('business_id', '=', biz.id)
    .orderBy('id')
    .execute();
  return {
    cards: await count('loyalty_cards'),
    transactions: await count('loyalty_transactions'),
    log: await count('data_log'),
    balances,
  };
}

const membershipEnd = async (clientId: string) =>
  (
    await t.db
      .selectFrom('clients')
      .select('membership_expires_at')
      .where('id', '=', clientId)
      .executeTakeFirstOrThrow()
  ).membership_expires_at;

describe('issuing and deleting cards', () => {
  it('issues a loyalty card with a generated number and fills the client card number', async () => {
    const ann = await newClient();
    const res = await issue(ann, { kind: 'loyalty', name: '  Rewards  ', discount: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      client_id: ann,
      kind: 'loyalty',
      number: expect.stringMatching(/^LC\d{8}$/),
      name: 'Rewards',
      balance: 0,
      visits_left: null,
      discount: 3,
      expires_at: null,
      issued_at: now.toISOString(),
      deleted_at: null,
      deleted: false,
      expired: false,
    });
    expect((await t.call('GET', `/v1/clients/${ann}`, { token })).body.card_number).toBe(res.body.number);
    const log = await t.db
      .selectFrom('data_log')
      .select(['user_id', 'actor', 'action', 'entity', 'details'])
      .where('business_id', '=', biz.id)
      .where('action', '=', 'loyalty_card_issued')
      .execute();
    expect(log).toContainEqual({
      user_id: null,
      actor: 'secret_key',
      action: 'loyalty_card_issued',
      entity: 'loyalty_card',
      details: { client_id: ann, card_id: res.body.id, kind: 'loyalty', number: res.body.number },
    });

    // One live loyalty card per client; after deleting it a new one can be issued.
    const before = await written();
    const second = await issue(ann, { kind: 'loyalty' });
    expect([second.status, second.body.error.code, second.body.error.details]).toEqual([
      409,
      'loyalty_card_exists',
      { card_id: res.body.id },
    ]);
    expect(await written()).toEqual(before);
    expect((await remove(res.body.id)).status).toBe(200);
    const replacement = await issue(ann, { kind: 'loyalty' });
    expect(replacement.status).toBe(201);
    expect(replacement.body.number).not.toBe(res.body.number);
    // The client's card number is kept: it was not empty any more.
    expect((await t.call('GET', `/v1/clients/${ann}`, { token })).body.card_number).toBe(res.body.number);
  });

  it('issues a gift card whose value is its first accrual, and a membership that sets the membership end', async () => {
    const bea = await newClient();
    const gift = await issue(bea, { kind: 'gift_card', balance: 5000, expires_at: '2027-11-25T00:00:00+00:00' });
    expect(gift.status).toBe(201);
    expect(gift.body).toMatchObject({
      kind: 'gift_card',
      number: expect.stringMatching(/^GC\d{8}$/),
      name: null,
      balance: 5000,
      discount: 0,
      expires_at: '2027-11-25T00:00:00.000Z',
    });
    const history = await t.db
      .selectFrom('loyalty_transactions')
      .selectAll()
      .where('card_id', '=', gift.body.id)
      .execute();
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'accrue',
        amount: 5000,
        comment: 'Initial value',
        expires_at: new Date('2027-11-25T00:00:00Z'),
      }),
    ]);
    // A gift card does not become the client's card number.
    expect((await t.call('GET', `/v1/clients/${bea}`, { token })).body.card_number).toBeNull();

    const membership = await issue(bea, {
      kind: 'membership',
      name: '10 blow-dries',
      visits_left: 10,
      discount: 15,
      expires_at: '2027-05-25T12:00:00Z',
    });
    expect(membership.body).toMatchObject({
      kind: 'membership',
      number: expect.stringMatching(/^MB\d{8}$/),
      visits_left: 10,
      balance: 0,
      discount: 15,
    });
    expect(await membershipEnd(bea)).toEqual(new Date('2027-05-25T12:00:00Z'));

    const deleted = await remove(membership.body.id);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: membership.body.id, deleted: true, deleted_at: now.toISOString() });
    expect(await membershipEnd(bea)).toBeNull();
    // Deleting again changes nothing.
    const before = await written();
    expect((await remove(membership.body.id)).body).toEqual(deleted.body);
    expect(await written()).toEqual(before);
  });

  it('answers 422 naming the field for a bad card, and writes nothing', async () => {
    const cid = await newClient();
    const before = await written();
    for (const [body, field] of [
      [{}, 'kind'],
      [{ kind: 'voucher' }, 'kind'],
      [{ kind: 'loyalty', balance: 100 }, 'balance'],
      [{ kind: 'gift_card', balance: -1 }, 'balance'],
      [{ kind: 'gift_card', visits_left: 3 }, 'visits_left'],
      [{ kind: 'membership', visits_left: 1.5 }, 'visits_left'],
      [{ kind: 'loyalty', discount: 101 }, 'discount'],
      [{ kind: 'loyalty', name: 'x'.repeat(101) }, 'name'],
      [{ kind: 'loyalty', expires_at: '2027-01-01' }, 'expires_at'],
      [{ kind: 'loyalty', expires_at: '2026-11-25T11:59:59Z' }, 'expires_at'],
      [{ kind: 'loyalty', number: 'LC1' }, 'number'],
    ] as const) {
      const res = await issue(cid, body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body),
        422,
        'validation_failed',
      ]);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect((await issue(cid, '{"kind": ')).status).toBe(400);
    expect(await written()).toEqual(before);
  });
});

describe('accruing and writing off', () => {
  it('keeps the balance, the history and the bonuses due to expire (FIFO)', async () => {
    const cara = await newClient({ first_name: 'Cara' });
    const card = (await issue(cara, { kind: 'loyalty' })).body.id as string;
    const first = await post(card, {
      kind: 'accrue',
      amount: 500,
      expires_at: '2027-01-31T00:00:00Z',
      comment: ' Welcome ',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      card_id: card,
      kind: 'accrue',
      amount: 500,
      comment: 'Welcome',
      promotion: null,
      expires_at: '2027-01-31T00:00:00.000Z',
      appointment: null,
      created_at: expect.any(String),
      balance: 500,
    });
    await post(card, { kind: 'accrue', amount: 300, expires_at: '2026-12-31T00:00:00Z' });
    await post(card, { kind: 'accrue', amount: 200 });
    const writeOff = await post(card, { kind: 'write_off', amount: 600, comment: '' });
    expect(writeOff.body).toMatchObject({
      kind: 'write_off',
      amount: 600,
      comment: null,
      expires_at: null,
      balance: 400,
    });

    // Beyond the balance: 409 with the balance, nothing written.
    const before = await written();
    const refused = await post(card, { kind: 'write_off', amount: 401 });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([
      409,
      'insufficient_balance',
      { balance: 400 },
    ]);
    expect(await written()).toEqual(before);

    const res = await loyalty(cara);
    expect(res.status).toBe(200);
    const item = res.body.items[0];
    expect(item).toMatchObject({ id: card, balance: 400, payments_total: 0, visits_count: 0, discount_given: 0 });
    expect(item.totals).toEqual({ accrued: 1000, redeemed: 0, written_off: 600, expired: 0 });
    // The write-off used up the oldest accrual (500, Jan 31) and 100 of the next (300, Dec 31); the 200
    // without an expiry never expires.
    expect(item.expiring).toEqual([{ expires_at: '2026-12-31T00:00:00.000Z', amount: 200 }]);
    expect(item.transactions.map((row: { kind: string; amount: number }) => [row.kind, row.amount])).toEqual([
      ['write_off', 600],
      ['accrue', 200],
      ['accrue', 300],
      ['accrue', 500],
    ]);
    expect(res.body.status).toEqual({
      loyalty_card_id: card,
      card_number: item.number,
      bonus_balance: 400,
      discount: 0,
    });
    // The whole balance can be written off, to zero.
    expect((await post(card, { kind: 'write_off', amount: 400 })).body.balance).toBe(0);
    expect((await loyalty(cara)).body.items[0].expiring).toEqual([]);

    const log = await t.db
      .selectFrom('data_log')
      .select('details')
      .where('business_id', '=', biz.id)
      .where('action', '=', 'loyalty_transaction')
      .execute();
    expect(log.map((row) => row.details)).toContainEqual({
      client_id: cara,
      card_id: card,
      transaction_id: writeOff.body.id,
      kind: 'write_off',
      amount: 600,
    });
  });

  it('refuses memberships, deleted cards and accruals on an expired card with 409, writing nothing', async () => {
    const dan = await newClient();
    const membership = (await issue(dan, { kind: 'membership', visits_left: 5 })).body.id;
    const gift = (await issue(dan, { kind: 'gift_card', balance: 1000 })).body.id;
    const loyal = (await issue(dan, { kind: 'loyalty' })).body.id;
    await post(loyal, { kind: 'accrue', amount: 50 });
    await remove(loyal);
    await t.db
      .updateTable('loyalty_cards')
      .set({ expires_at: new Date('2026-11-01T00:00:00Z') })
      .where('id', '=', gift)
      .execute();
    const before = await written();
    for (const [card, body, code] of [
      [membership, { kind: 'accrue', amount: 1 }, 'card_has_no_balance'],
      [loyal, { kind: 'write_off', amount: 1 }, 'card_deleted'],
      [gift, { kind: 'accrue', amount: 1 }, 'card_expired'],
    ] as const) {
      const res = await post(card, body);
      expect([res.status, res.body.error.code]).toEqual([409, code]);
    }
    expect(await written()).toEqual(before);
    // What is left on an expired gift card can still be written off.
    expect((await post(gift, { kind: 'write_off', amount: 1000 })).body.balance).toBe(0);
  });

  it('answers 422 naming the field for a bad transaction, and writes nothing', async () => {
    const eve = await newClient();
    const card = (await issue(eve, { kind: 'loyalty' })).body.id;
    const before = await written();
    for (const [body, field] of [
      [{ amount: 100 }, 'kind'],
      [{ kind: 'redeem', amount: 100 }, 'kind'],
      [{ kind: 'accrue' }, 'amount'],
      [{ kind: 'accrue', amount: 0 }, 'amount'],
      [{ kind: 'accrue', amount: 1.5 }, 'amount'],
      [{ kind: 'accrue', amount: '100' }, 'amount'],
      [{ kind: 'accrue', amount: 10_000_000_001 }, 'amount'],
      [{ kind: 'accrue', amount: 1, comment: 'x'.repeat(501) }, 'comment'],
      [{ kind: 'write_off', amount: 1, expires_at: '2027-01-01T00:00:00Z' }, 'expires_at'],
      [{ kind: 'accrue', amount: 1, expires_at: '2026-11-25T12:00:00Z' }, 'expires_at'],
      [{ kind: 'accrue', amount: 1, expires_at: 'soon' }, 'expires_at'],
      [{ kind: 'accrue', amount: 1, promotion: 'x' }, 'promotion'],
    ] as const) {
      const res = await post(card, body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body),
        422,
        'validation_failed',
      ]);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect(await written()).toEqual(before);
  });
});

describe('the loyalty section', () => {
  it('lists every card ever issued with payments, visits, discount given and the appointment in the history', async () => {
    const fay = await newClient({ first_name: 'Fay', discount: 5 });
    const location = (
      await t.call('POST', '/v1/locations', { token, body: { name: 'Soho', timezone: 'Europe/London' } })
    ).body.id;
    const service = (
      await t.call('POST', '/v1/services', { token, body: { name: 'Cut', duration_minutes: 30, price: 4000 } })
    ).body.id;
    const staff = (
      await t.call('POST', '/v1/staff', {
        token,
        body: { name: 'Ana', location_ids: [location], service_ids: [service] },
      })
    ).body.id;
    const appointment = await t.call('POST', '/v1/appointments', {
      token,
      body: {
        client_id: fay,
        location_id: location,
        staff_id: staff,
        service_ids: [service],
        starts_at: '2026-11-25T09:00:00Z',
      },
    });
    expect(appointment.status).toBe(201);
    // A 10% discount on the line: 4000 listed, 3600 charged.
    await t.db
      .updateTable('appointment_items')
      .set({ discount: 10, amount: 3600 })
      .where('appointment_id', '=', appointment.body.id)
      .execute();
    await t.db.updateTable('appointments').set({ total: 3600 }).where('id', '=', appointment.body.id).execute();
    expect(
      (await t.call('PATCH', `/v1/appointments/${appointment.body.id}`, { token, body: { status: 'arrived' } })).status,
    ).toBe(200);

    const loyal = (await issue(fay, { kind: 'loyalty', discount: 3 })).body;
    const gift = (await issue(fay, { kind: 'gift_card', balance: 5000 })).body;
    const membership = (
      await issue(fay, { kind: 'membership', discount: 15, visits_left: 4, expires_at: '2027-02-01T00:00:00Z' })
    ).body;
    const oldMembership = (await issue(fay, { kind: 'membership', discount: 50 })).body;
    await remove(oldMembership.id);
    const paid = await t.call('POST', `/v1/appointments/${appointment.body.id}/payments`, {
      token,
      body: { method: 'gift_card', amount: 3000, loyalty_card_id: gift.id },
    });
    expect(paid.status).toBe(201);
    await post(loyal.id, { kind: 'accrue', amount: 180 });

    const res = await loyalty(fay);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((card: { id: string }) => card.id).sort()).toEqual(
      [loyal.id, gift.id, membership.id, oldMembership.id].sort(),
    );
    const byId = (id: string) => res.body.items.find((card: { id: string }) => card.id === id);
    expect(byId(gift.id)).toMatchObject({
      balance: 2000,
      payments_total: 3000,
      visits_count: 1,
      discount_given: 400,
      totals: { accrued: 5000, redeemed: 3000, written_off: 0, expired: 0 },
      expiring: [],
    });
    expect(byId(gift.id).transactions[0]).toMatchObject({
      kind: 'redeem',
      amount: 3000,
      appointment: { id: appointment.body.id, starts_at: '2026-11-25T09:00:00.000Z', status: 'arrived' },
    });
    expect(byId(oldMembership.id)).toMatchObject({ deleted: true, deleted_at: now.toISOString(), transactions: [] });
    expect(byId(loyal.id)).toMatchObject({ balance: 180, payments_total: 0, visits_count: 0, discount_given: 0 });
    // The best discount in force: the membership's 15 (the deleted one's 50 no longer counts).
    expect(res.body.status).toEqual({
      loyalty_card_id: loyal.id,
      card_number: loyal.number,
      bonus_balance: 180,
      discount: 15,
    });
    await remove(membership.id);
    expect((await loyalty(fay)).body.status.discount).toBe(5);
  });

  it('answers a client without cards with an empty section', async () => {
    const gus = await newClient({ discount: 7 });
    expect((await loyalty(gus)).body).toEqual({
      status: { loyalty_card_id: null, card_number: null, bonus_balance: 0, discount: 7 },
      items: [],
      total: 0,
    });
  });
});

describe('access', () => {
  it('answers 404 for another business, unknown and non-ids, writing nothing', async () => {
    const hal = await newClient();
    const card = (await issue(hal, { kind: 'loyalty' })).body.id;
    await post(card, { kind: 'accrue', amount: 10 });
    const before = await written();
    const unknown = '6f1c1f0e-0000-4000-8000-000000000000';
    for (const [clientId, cardId, as] of [
      [hal, card, other.secretKey],
      [unknown, unknown, token],
      ['hal', 'card', token],
    ] as const) {
      expect((await loyalty(clientId, as)).status).toBe(404);
      expect((await issue(clientId, { kind: 'gift_card' }, as)).status).toBe(404);
      expect((await post(cardId, { kind: 'write_off', amount: 1 }, as)).status).toBe(404);
      expect((await remove(cardId, as)).status).toBe(404);
    }
    expect(await written()).toEqual(before);
  });

  it('needs loyalty_write to write and clients_read to read', async () => {
    const ivy = await newClient();
    const card = (await issue(ivy, { kind: 'loyalty' })).body.id;
    const desk = await t.sessionFor(biz, 'receptionist');
    const noPayments = await t.sessionFor(biz, 'owner', { payments: false });
    const before = await written();
    for (const session of [desk, noPayments]) {
      expect((await issue(ivy, { kind: 'gift_card' }, session)).status).toBe(403);
      expect((await post(card, { kind: 'accrue', amount: 1 }, session)).status).toBe(403);
      expect((await remove(card, session)).status).toBe(403);
      expect((await loyalty(ivy, session)).status).toBe(200);
    }
    expect((await loyalty(ivy, biz.publishableKey)).status).toBe(403);
    expect(await written()).toEqual(before);
    // An owner's session writes, and the data log names the user.
    const owner = await post(card, { kind: 'accrue', amount: 5 }, biz.session);
    expect(owner.status).toBe(201);
    const log = await t.db
      .selectFrom('data_log')
      .select(['user_id', 'actor', 'details'])
      .where('business_id', '=', biz.id)
      .where('action', '=', 'loyalty_transaction')
      .execute();
    expect(log.find((row) => row.details.transaction_id === owner.body.id)).toMatchObject({
      user_id: biz.ownerId,
      actor: `user:owner-${biz.id}@example.com`,
    });
  });

  it('answers 404 to a branch user for a client of another branch', async () => {
    const branched = await t.newBusiness();
    const soho = (
      await t.call('POST', '/v1/locations', {
        token: branched.secretKey,
        body: { name: 'Soho', timezone: 'Europe/London' },
      })
    ).body.id;
    await t.call('PATCH', '/v1/business', { token: branched.secretKey, body: { shared_client_base: false } });
    const { session: desk } = await t.newStaff(branched, 'admin', { locationIds: [soho] });
    // Created by the key at no branch: the Soho desk cannot see her. Created by the desk: at Soho.
    const hidden = await newClient({}, branched.secretKey);
    const seen = await newClient({}, desk);
    const hiddenCard = (await issue(hidden, { kind: 'gift_card', balance: 100 }, branched.secretKey)).body.id;
    expect((await loyalty(hidden, desk)).status).toBe(404);
    expect((await issue(hidden, { kind: 'loyalty' }, desk)).status).toBe(404);
    expect((await post(hiddenCard, { kind: 'write_off', amount: 1 }, desk)).status).toBe(404);
    expect((await remove(hiddenCard, desk)).status).toBe(404);
    const card = await issue(seen, { kind: 'gift_card', balance: 100 }, desk);
    expect(card.status).toBe(201);
    expect((await post(card.body.id, { kind: 'write_off', amount: 1 }, desk)).body.balance).toBe(99);
    expect((await loyalty(seen, desk)).body.total).toBe(1);
    const hiddenBalance = await t.db
      .selectFrom('loyalty_cards')
      .select('balance')
      .where('id', '=', hiddenCard)
      .executeTakeFirstOrThrow();
    expect(hiddenBalance.balance).toBe(100);
  });
});

describe('concurrent write-offs', () => {
  it('never take the balance below zero: the final balance is the start less the successful ones', async () => {
    const jo = await newClient();
    const card = (await issue(jo, { kind: 'loyalty' })).body.id;
    const start = 1000;
    const amount = 70;
    await post(card, { kind: 'accrue', amount: start });
    // 30 × 70 = 2100 asked of 1000: exactly 14 fit.
    const results = await Promise.all(
      Array.from({ length: 30 }, () => post(card, { kind: 'write_off', amount }, biz.session)),
    );
    const ok = results.filter((res) => res.status === 201);
    expect(ok).toHaveLength(14);
    for (const res of results.filter((r) => r.status !== 201)) {
      expect([res.status, res.body.error.code]).toEqual([409, 'insufficient_balance']);
      expect(res.body.error.details.balance).toBeLessThan(amount);
    }
    const item = (await loyalty(jo)).body.items[0];
    expect(item.balance).toBe(start - amount * ok.length);
    expect(item.balance).toBeGreaterThanOrEqual(0);
    expect(item.totals).toEqual({ accrued: start, redeemed: 0, written_off: amount * ok.length, expired: 0 });
    // Each successful write-off saw the balance the previous one left.
    expect(ok.map((res) => res.body.balance).sort((a, b) => b - a)).toEqual(
      Array.from({ length: 14 }, (_, k) => start - amount * (k + 1)),
    );
  });
});

describe('FIFO expiry', () => {
  const at = (iso: string) => new Date(iso);
  const entries: LedgerEntry[] = [
    { kind: 'accrue', amount: 100, expires_at: at('2026-11-01T00:00:00Z') },
    { kind: 'accrue', amount: 100, expires_at: at('2027-03-01T00:00:00Z') },
    { kind: 'redeem', amount: 150, expires_at: null },
    { kind: 'accrue', amount: 40, expires_at: at('2027-03-01T00:00:00Z') },
    { kind: 'accrue', amount: 60, expires_at: at('2027-01-01T00:00:00Z') },
    { kind: 'expire', amount: 10, expires_at: null },
  ];

  it('uses up the oldest accruals first, whatever their expiry', () => {
    // The redeem takes the first 100 and 50 of the second; the expire 10 more of the second.
    expect(unspentAccruals(entries)).toEqual([
      { kind: 'accrue', amount: 40, expires_at: at('2027-03-01T00:00:00Z') },
      { kind: 'accrue', amount: 40, expires_at: at('2027-03-01T00:00:00Z') },
      { kind: 'accrue', amount: 60, expires_at: at('2027-01-01T00:00:00Z') },
    ]);
    expect(totalsOf(entries)).toEqual({ accrued: 300, redeemed: 150, written_off: 0, expired: 10 });
  });

  it('lists what is due to expire after now, summed per time, soonest first', () => {
    expect(expiringBonuses(entries, now)).toEqual([
      { expires_at: '2027-01-01T00:00:00.000Z', amount: 60 },
      { expires_at: '2027-03-01T00:00:00.000Z', amount: 80 },
    ]);
    expect(expiringBonuses(entries, at('2027-02-01T00:00:00Z'))).toEqual([
      { expires_at: '2027-03-01T00:00:00.000Z', amount: 80 },
    ]);
    // Debits beyond what was accrued (imported history) use up everything and no more.
    expect(unspentAccruals([...entries, { kind: 'write_off', amount: 1000, expires_at: null }])).toEqual([]);
  });
});

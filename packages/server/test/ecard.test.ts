// The e-card: a revocable link to the client's loyalty card, sent by SMS or email, whose public read shows
// that card and nothing else.
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { encodeCode128B, symbolWidths } from '../src/ecard/code128';
import { type BusinessOwnedTable, openTestApp, useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now, config: { publicBaseUrl: 'https://cards.salon.example' } });
const biz = await t.newBusiness({ name: 'Salon Aurora' });
const other = await t.newBusiness();
const token = biz.secretKey;

let phone = 900600;
async function newClient(body: Record<string, unknown> = {}, as = token): Promise<{ id: string; phone: string }> {
  const res = await t.call('POST', '/v1/clients', {
    token: as,
    body: { first_name: 'Ann', last_name: 'Smith', phone: `07400 ${phone++}`, ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function loyaltyCard(clientId: string, as = token) {
  const res = await t.call('POST', `/v1/clients/${clientId}/loyalty-cards`, {
    token: as,
    body: { kind: 'loyalty', discount: 5 },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; number: string };
}

const send = (clientId: string, sendVia: string, as = token) =>
  t.call('POST', `/v1/clients/${clientId}/e-card`, { token: as, body: { send_via: sendVia } });
const revoke = (clientId: string, as = token) => t.call('DELETE', `/v1/clients/${clientId}/e-card`, { token: as });
const read = (ecardToken: string, headers: Record<string, string> = {}) =>
  t.call('GET', `/v1/public/e-card/${ecardToken}`, { headers });
const tokenOf = (url: string) => url.split('/').pop() as string;

async function written() {
  const count = (table: BusinessOwnedTable) => t.rowCount(table, biz.id);
  return { tokens: await count('ecard_tokens'), messages: await count('messages') };
}

describe('sending and reading the e-card', () => {
  it('sends the link, shows only the card, and revokes the old link on a new issue and on DELETE', async () => {
    const ann = await newClient({ email: 'ann@example.com', discount: 20, note: 'Allergic to latex' });
    const card = await loyaltyCard(ann.id);
    await t.call('POST', `/v1/loyalty-cards/${card.id}/transactions`, { token, body: { kind: 'accrue', amount: 250 } });

    const sms = await send(ann.id, 'sms');
    expect(sms.status).toBe(201);
    expect(sms.body.url).toMatch(/^https:\/\/cards\.salon\.example\/e-card\/[A-Za-z0-9_-]{43}$/);
    expect(sms.body.card).toMatchObject({ id: card.id, number: card.number, balance: 250, discount: 5 });
    expect(sms.body.message).toMatchObject({
      client_id: ann.id,
      channel: 'sms',
      kind: 'ecard',
      status: 'sent',
      to_address: ann.phone,
      provider: 'dev',
      body: `Salon Aurora: hi Ann, your loyalty card ${card.number}: ${sms.body.url}`,
    });
    const history = await t.call('GET', `/v1/clients/${ann.id}/messages`, { token });
    expect(history.body.items[0]).toMatchObject({ id: sms.body.message.id, kind: 'ecard' });
    // Only the hash is stored.
    const first = tokenOf(sms.body.url);
    const stored = await t.db.selectFrom('ecard_tokens').selectAll().where('card_id', '=', card.id).execute();
    expect(stored).toEqual([expect.objectContaining({ token_hash: hashToken(first), revoked_at: null })]);

    // No key needed; exactly the card's public fields.
    const card1 = await read(first);
    expect(card1.status).toBe(200);
    expect(card1.body).toEqual({
      number: card.number,
      first_name: 'Ann',
      discount: 5,
      bonus_balance: 250,
      business_name: 'Salon Aurora',
      expires_at: null,
    });
    expect(card1.headers.get('cache-control')).toBe('no-store');

    const email = await send(ann.id, 'email');
    expect(email.status).toBe(201);
    expect(email.body.message).toMatchObject({
      channel: 'email',
      to_address: 'ann@example.com',
      subject: 'Your Salon Aurora loyalty card',
    });
    expect(email.body.message.body).toContain(email.body.url);
    const second = tokenOf(email.body.url);
    expect(second).not.toBe(first);
    expect((await read(first)).status).toBe(404);
    expect((await read(second)).status).toBe(200);

    expect((await revoke(ann.id)).status).toBe(204);
    expect((await read(second)).status).toBe(404);
    const live = await t.db
      .selectFrom('ecard_tokens')
      .select('id')
      .where('card_id', '=', card.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    // Revoking with nothing live is fine.
    expect((await revoke(ann.id)).status).toBe(204);
  });

  it("stops answering once the card is deleted, and follows the card's balance", async () => {
    const bea = await newClient({ first_name: 'Bea' });
    const card = await loyaltyCard(bea.id);
    const link = tokenOf((await send(bea.id, 'sms')).body.url);
    await t.call('POST', `/v1/loyalty-cards/${card.id}/transactions`, { token, body: { kind: 'accrue', amount: 40 } });
    expect((await read(link)).body.bonus_balance).toBe(40);
    await t.call('DELETE', `/v1/loyalty-cards/${card.id}`, { token });
    expect((await read(link)).status).toBe(404);
  });

  it('answers 404 for unknown, malformed or revoked tokens', async () => {
    for (const value of ['x', 'a'.repeat(43), `${'a'.repeat(43)}b`, '%00'])
      expect((await read(encodeURIComponent(value))).status).toBe(404);
  });

  it("grants CORS to the business's origins only", async () => {
    const cara = await newClient({ first_name: 'Cara' });
    await loyaltyCard(cara.id);
    const link = tokenOf((await send(cara.id, 'sms')).body.url);
    const allowed = await read(link, { Origin: 'https://salon.example' });
    expect([allowed.status, allowed.headers.get('access-control-allow-origin')]).toEqual([
      200,
      'https://salon.example',
    ]);
    const elsewhere = await read(link, { Origin: 'https://evil.example' });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'origin_not_allowed']);
  });
});

describe('refusals write nothing', () => {
  it('needs an address for the channel (422 channel_unavailable) and a loyalty card (409)', async () => {
    const dan = await newClient();
    const before = await written();
    const noCard = await send(dan.id, 'sms');
    expect([noCard.status, noCard.body.error.code]).toEqual([409, 'no_loyalty_card']);
    await loyaltyCard(dan.id);
    const noEmail = await send(dan.id, 'email');
    expect([noEmail.status, noEmail.body.error.code, noEmail.body.error.details]).toEqual([
      422,
      'channel_unavailable',
      { channel: 'email' },
    ]);
    for (const body of [{}, { send_via: 'push' }, { send_via: 'sms', to: 'x' }]) {
      const res = await t.call('POST', `/v1/clients/${dan.id}/e-card`, { token, body });
      expect([res.status, res.body.error.code]).toEqual([422, 'validation_failed']);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
        'send_via' in body && body.send_via === 'sms' ? 'to' : 'send_via',
      ]);
    }
    expect(await written()).toEqual(before);
  });

  it('answers 404 for another business, unknown and non-ids; 403 without messages_send', async () => {
    const eve = await newClient();
    await loyaltyCard(eve.id);
    const before = await written();
    for (const [clientId, as] of [
      [eve.id, other.secretKey],
      ['6f1c1f0e-0000-4000-8000-000000000000', token],
      ['eve', token],
    ] as const) {
      expect((await send(clientId, 'sms', as)).status).toBe(404);
      expect((await revoke(clientId, as)).status).toBe(404);
    }
    const quiet = await t.sessionFor(biz, 'owner', { messages: false });
    expect((await send(eve.id, 'sms', quiet)).status).toBe(403);
    expect((await revoke(eve.id, quiet)).status).toBe(403);
    expect(await written()).toEqual(before);
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
    await loyaltyCard(hidden.id, key);
    expect((await send(hidden.id, 'sms', desk)).status).toBe(404);
    expect((await revoke(hidden.id, desk)).status).toBe(404);
    const seen = await newClient({}, desk);
    await loyaltyCard(seen.id, key);
    expect((await send(seen.id, 'sms', desk)).status).toBe(201);
  });
});

/** The rectangles of a path made of `M x y h w v h h -w z` runs. */
function rectangles(path: string) {
  const found = [...path.matchAll(/M(\d+) (\d+)h(\d+)v(\d+)h-\3z/g)].map(([, x, y, width, height]) => ({
    x: Number(x),
    y: Number(y),
    width: Number(width),
    height: Number(height),
  }));
  // Nothing in the path but those rectangles.
  expect(found.map(({ x, y, width, height }) => `M${x} ${y}h${width}v${height}h-${width}z`).join('')).toBe(path);
  return found;
}

const codes = (clientId: string, as = token) => t.call('GET', `/v1/clients/${clientId}/e-card`, { token: as });

describe('GET /v1/clients/:id/e-card', () => {
  it('answers the card facts with the QR code and barcode as geometry', async () => {
    const gil = await newClient({ first_name: 'Gil', discount: 30 });
    const card = await loyaltyCard(gil.id);
    await t.call('POST', `/v1/loyalty-cards/${card.id}/transactions`, { token, body: { kind: 'accrue', amount: 120 } });
    const res = await codes(gil.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      number: card.number,
      discount: 5,
      bonus_balance: 120,
      expires_at: null,
      expired: false,
      link_active: false,
      qr: { size: expect.any(Number), path: expect.any(String) },
      barcode: { width: expect.any(Number), height: expect.any(Number), path: expect.any(String) },
    });

    // The barcode: the encoder's symbols as bars, after a 10-module quiet zone and before another.
    const expected: { x: number; width: number }[] = [];
    let x = 10;
    for (const value of encodeCode128B(card.number))
      symbolWidths(value).forEach((width, index) => {
        if (index % 2 === 0) expected.push({ x, width });
        x += width;
      });
    const { barcode } = res.body;
    expect(barcode.width).toBe(x + 10);
    expect(barcode.height).toBeGreaterThanOrEqual(barcode.width / 8);
    const bars = rectangles(barcode.path);
    expect(bars.map(({ x, width }) => ({ x, width }))).toEqual(expected);
    expect(bars.every((bar) => bar.y === 0 && bar.height === barcode.height)).toBe(true);

    // The QR code: the dark modules of the number's symbol, quiet zone included, and nothing else.
    const symbol = encode(card.number, { ecc: 'M', border: 4 });
    const { qr } = res.body;
    expect(qr.size).toBe(symbol.size);
    const drawn = Array.from({ length: qr.size }, () => Array<boolean>(qr.size).fill(false));
    for (const run of rectangles(qr.path)) {
      expect(run.height).toBe(1);
      for (let i = 0; i < run.width; i++) {
        const row = drawn[run.y] as boolean[];
        expect(row[run.x + i]).toBe(false);
        row[run.x + i] = true;
      }
    }
    expect(drawn).toEqual(symbol.data);
    for (let i = 0; i < 4; i++) expect(drawn[i]?.some(Boolean)).toBe(false);

    // The page draws the same geometry.
    const link = tokenOf((await send(gil.id, 'sms')).body.url);
    const page = await t.call('GET', `/e-card/${link}`);
    expect(page.body).toContain(`d="${qr.path}"`);
    expect(page.body).toContain(`viewBox="0 0 ${barcode.width} 64"`);
    expect((await codes(gil.id)).body.link_active).toBe(true);
    await revoke(gil.id);
    expect((await codes(gil.id)).body.link_active).toBe(false);
  });

  it('answers 404 no_loyalty_card without a card or once it is deleted, writing nothing', async () => {
    const hal = await newClient({ first_name: 'Hal' });
    const none = await codes(hal.id);
    expect([none.status, none.body.error.code]).toEqual([404, 'no_loyalty_card']);
    const card = await loyaltyCard(hal.id);
    expect((await codes(hal.id)).status).toBe(200);
    await t.call('DELETE', `/v1/loyalty-cards/${card.id}`, { token });
    const deleted = await codes(hal.id);
    expect([deleted.status, deleted.body.error.code]).toEqual([404, 'no_loyalty_card']);
  });

  it('shows the expiry, and answers not_found for another business, unknown ids and hidden clients', async () => {
    const ivy = await newClient({ first_name: 'Ivy' });
    await t.call('POST', `/v1/clients/${ivy.id}/loyalty-cards`, {
      token,
      body: { kind: 'loyalty', expires_at: '2026-12-01T00:00:00Z' },
    });
    expect((await codes(ivy.id)).body).toMatchObject({ expires_at: '2026-12-01T00:00:00.000Z', expired: false });
    for (const [clientId, as] of [
      [ivy.id, other.secretKey],
      ['6f1c1f0e-0000-4000-8000-000000000000', token],
      ['ivy', token],
    ] as const) {
      const res = await codes(clientId, as);
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
  });
});

describe('the link base', () => {
  it('is PUBLIC_BASE_URL without a trailing slash, else the origin the request came to', async () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://salon.example/cards/' }).publicBaseUrl).toBe(
      'https://salon.example/cards',
    );
    expect(loadConfig({}).publicBaseUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'salon.example' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://salon.example/?x=1' })).toThrow(/PUBLIC_BASE_URL/);

    const plain = await openTestApp({ now: () => now });
    try {
      const key = (await plain.newBusiness()).secretKey;
      const client = await plain.call('POST', '/v1/clients', {
        token: key,
        body: { first_name: 'Fay', phone: '07400 900699' },
      });
      await plain.call('POST', `/v1/clients/${client.body.id}/loyalty-cards`, {
        token: key,
        body: { kind: 'loyalty' },
      });
      const res = await plain.call('POST', `/v1/clients/${client.body.id}/e-card`, {
        token: key,
        body: { send_via: 'sms' },
      });
      expect(res.body.url).toMatch(/^http:\/\/localhost\/e-card\/[A-Za-z0-9_-]{43}$/);
    } finally {
      await plain.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../src/calls/signature';
import { useTestApp } from './harness';

const OPERATOR_SECRET = 'operator-wide-secret-0123456789abcdef';
const t = await useTestApp({ config: { callsWebhookSecret: OPERATOR_SECRET } });
const a = await t.newBusiness({ name: 'Salon A' });
const b = await t.newBusiness({ name: 'Salon B' });

async function secretOf(business: typeof a): Promise<string> {
  const res = await t.call('GET', '/v1/business/webhook-secret', { token: business.secretKey });
  expect(res.status).toBe(200);
  return res.body.secret;
}

let callSeq = 0;
function event(overrides: Record<string, unknown> = {}) {
  callSeq += 1;
  return {
    external_id: `call-${callSeq}`,
    direction: 'inbound',
    phone: '+44 (7400) 930-001',
    status: 'ringing',
    started_at: '2030-03-01T10:00:00+01:00',
    duration_seconds: 0,
    ...overrides,
  };
}

/** Posts `body` as the telephony provider would: the signature covers the exact bytes sent. */
function deliver(body: unknown, options: { business?: string; secret?: string; signature?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.business !== undefined) headers['X-Clientbase-Business'] = options.business;
  const signature = options.signature ?? (options.secret ? signBody(options.secret, raw) : undefined);
  if (signature !== undefined) headers['X-Clientbase-Signature'] = signature;
  return t.call('POST', '/v1/webhooks/calls', { body: raw, headers });
}

const callRows = () => t.db.selectFrom('calls').selectAll().execute();

describe('the webhook secret', () => {
  it('is made once per business, shown to owners only, and can be rotated', async () => {
    const first = await secretOf(a);
    expect(first).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(await secretOf(a)).toBe(first);
    expect(await secretOf(b)).not.toBe(first);
    const owner = await t.call('GET', '/v1/business/webhook-secret', { token: a.session });
    expect(owner.body.secret).toBe(first);

    const desk = await t.sessionFor(a, 'receptionist');
    expect((await t.call('GET', '/v1/business/webhook-secret', { token: desk })).status).toBe(403);
    expect((await t.call('GET', '/v1/business')).status).toBe(401);
    const business = await t.call('GET', '/v1/business', { token: a.secretKey });
    expect(JSON.stringify(business.body)).not.toContain(first);

    const rotated = await t.call('POST', '/v1/business/webhook-secret/rotate', { token: a.secretKey });
    expect(rotated.body.secret).not.toBe(first);
    const old = await deliver(event(), { business: a.id, secret: first });
    expect(old.status).toBe(401);
    expect((await deliver(event(), { business: a.id, secret: rotated.body.secret })).status).toBe(201);
  });
});

describe('POST /v1/webhooks/calls', () => {
  it('stores a signed call and matches the client by phone in another format', async () => {
    const client = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'Caller', phone: '07400 930001' },
    });
    const secret = await secretOf(a);
    const body = event({ recording_url: 'https://calls.example/rec/1.mp3' });
    const res = await deliver(body, { business: a.id, secret });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      client_id: client.body.id,
      external_id: body.external_id,
      direction: 'inbound',
      phone: '+447400930001',
      status: 'ringing',
      started_at: '2030-03-01T09:00:00.000Z',
      duration_seconds: 0,
      recording_url: 'https://calls.example/rec/1.mp3',
    });

    const list = await t.call('GET', `/v1/clients/${client.body.id}/calls`, { token: a.session });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toEqual(res.body);
  });

  it('updates the call when the same external id arrives again', async () => {
    const secret = await secretOf(a);
    const first = event({ phone: '+447400930001' });
    const created = await deliver(first, { business: a.id, secret });
    expect(created.status).toBe(201);
    const again = await deliver(
      { ...first, status: 'answered', duration_seconds: 184, recording_url: 'https://calls.example/r.mp3' },
      { business: a.id, secret },
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.body.id, status: 'answered', duration_seconds: 184 });
    const rows = (await callRows()).filter((row) => row.external_id === first.external_id);
    expect(rows).toHaveLength(1);
    // The same provider id in another business is another call.
    const other = await deliver(first, { business: b.id, secret: await secretOf(b) });
    expect(other.status).toBe(201);
    expect(other.body.client_id).toBeNull();
  });

  it('keeps calls from unknown or withheld numbers without a client', async () => {
    const secret = await secretOf(a);
    const unknown = await deliver(event({ phone: '+44 20 7946 0999', direction: 'outbound' }), {
      business: a.id,
      secret,
    });
    expect([unknown.status, unknown.body.client_id, unknown.body.phone]).toEqual([201, null, '+442079460999']);
    const withheld = await deliver(event({ phone: 'anonymous', status: 'missed' }), { business: a.id, secret });
    expect([withheld.status, withheld.body.client_id, withheld.body.phone]).toEqual([201, null, 'anonymous']);
  });

  it('refuses a bad, missing or foreign signature with 401 and writes nothing', async () => {
    const secret = await secretOf(a);
    const before = (await callRows()).length;
    const body = event();
    const raw = JSON.stringify(body);
    const attempts = [
      deliver(body, { business: a.id }),
      deliver(body, { business: a.id, signature: 'sha256=nothex' }),
      deliver(body, { business: a.id, signature: signBody(secret, raw).replace(/.$/, (c) => (c === '0' ? '1' : '0')) }),
      deliver(body, { business: a.id, signature: signBody(secret, raw).replace('sha256=', '') }),
      deliver(body, { business: a.id, secret: 'a guess' }),
      deliver(body, { business: a.id, secret: await secretOf(b) }),
      deliver(body, { business: '00000000-0000-0000-0000-000000000000', secret }),
      deliver(body, { secret }),
      // Signed body, different body sent.
      deliver({ ...body, duration_seconds: 999 }, { business: a.id, signature: signBody(secret, raw) }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, res.body.error.code]).toEqual([401, 'invalid_signature']);
    }
    expect((await callRows()).length).toBe(before);
  });

  it('validates a signed body: 400 for non-JSON, 422 for bad values, nothing written', async () => {
    const secret = await secretOf(a);
    const before = (await callRows()).length;
    expect((await deliver('{"external_id":', { business: a.id, secret })).status).toBe(400);
    const bad = await deliver(
      event({
        direction: 'sideways',
        started_at: 'yesterday',
        duration_seconds: -1,
        recording_url: 'javascript:alert(1)',
        status: 'Not A Word',
      }),
      { business: a.id, secret },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['direction', 'duration_seconds', 'recording_url', 'started_at', 'status'].sort(),
    );
    const extra = await deliver(event({ caller_name: 'x' }), { business: a.id, secret });
    expect(extra.status).toBe(422);
    expect((await callRows()).length).toBe(before);
  });

  it('accepts the operator-wide CALLS_WEBHOOK_SECRET for any business', async () => {
    const res = await deliver(event(), { business: b.id, secret: OPERATOR_SECRET });
    expect(res.status).toBe(201);
  });
});

describe('GET /v1/clients/:id/calls', () => {
  it('lists newest first with paging and hides other businesses', async () => {
    const client = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'Frequent', phone: '07400 930555' },
    });
    const secret = await secretOf(a);
    for (const hour of ['09', '11', '10']) {
      const res = await deliver(event({ phone: '07400930555', started_at: `2030-04-01T${hour}:00:00Z` }), {
        business: a.id,
        secret,
      });
      expect(res.status).toBe(201);
    }
    const list = await t.call('GET', `/v1/clients/${client.body.id}/calls?limit=2`, { token: a.secretKey });
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((c: { started_at: string }) => c.started_at)).toEqual([
      '2030-04-01T11:00:00.000Z',
      '2030-04-01T10:00:00.000Z',
    ]);
    expect((await t.call('GET', `/v1/clients/${client.body.id}/calls`, { token: b.secretKey })).status).toBe(404);
    expect((await t.call('GET', '/v1/clients/not-an-id/calls', { token: a.secretKey })).status).toBe(404);
  });
});

describe('verifySignature', () => {
  it('takes any of several secrets and nothing malformed', () => {
    const body = Buffer.from('{"a":1}');
    const signature = signBody('second', body);
    expect(verifySignature(signature, body, ['first', 'second'])).toBe(true);
    expect(verifySignature(signature.toUpperCase().replace('SHA256=', 'sha256='), body, ['second'])).toBe(true);
    expect(verifySignature(signature, body, [])).toBe(false);
    expect(verifySignature(undefined, body, ['second'])).toBe(false);
    expect(verifySignature(`${signature}00`, body, ['second'])).toBe(false);
  });
});

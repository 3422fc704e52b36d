import { smsSegments } from '@clientbase/shared/sms-segments';
import { describe, expect, it } from 'vitest';
import { DevTransport } from '../src/messaging/dev-transport';
import { fillPlaceholders, formatMoney } from '../src/messaging/placeholders';
import { useTestApp } from './harness';

const t = await useTestApp();
const a = await t.newBusiness({ name: 'Salon Aurora' });
const b = await t.newBusiness({ name: 'Salon B' });

let phoneSeq = 0;
async function newClient(extra: Record<string, unknown> = {}, token = a.secretKey) {
  phoneSeq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token,
    body: { first_name: 'Ann', last_name: 'Smith', phone: `07400 92${String(phoneSeq).padStart(4, '0')}`, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; phone: string };
}

const send = (clientId: string, body: unknown, token = a.session) =>
  t.call('POST', `/v1/clients/${clientId}/messages`, { token, body });

const messageCount = async (clientId: string) =>
  (await t.db.selectFrom('messages').select('id').where('client_id', '=', clientId).execute()).length;

describe('sending from the client card', () => {
  it('sends an SMS through the dev transport with every placeholder filled', async () => {
    const client = await newClient({ discount: 10 });
    await t.db.updateTable('clients').set({ balance: 1250 }).where('id', '=', client.id).execute();
    const res = await send(client.id, {
      channel: 'sms',
      body: 'Hi {first_name} {last_name}: {discount} off and {balance} on account at {salon_name}.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      client_id: client.id,
      channel: 'sms',
      kind: 'manual',
      status: 'sent',
      to_address: client.phone,
      subject: null,
      body: 'Hi Ann Smith: 10% off and £12.50 on account at Salon Aurora.',
      provider: 'dev',
      error: null,
      segments: 1,
      sms: { encoding: 'gsm7', segments: 1, per_segment: 160 },
    });
    expect(res.body.provider_message_id).toMatch(/^dev_/);
    expect(Date.parse(res.body.sent_at)).not.toBeNaN();
    const row = await t.db.selectFrom('messages').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ business_id: a.id, status: 'sent', provider: 'dev' });
  });

  it('counts a long or non-GSM SMS in the right number of parts', async () => {
    const client = await newClient();
    const gsm = await send(client.id, { channel: 'sms', body: 'x'.repeat(161) });
    expect([gsm.body.segments, gsm.body.sms.encoding, gsm.body.sms.per_segment]).toEqual([2, 'gsm7', 153]);
    const cyrillic = await send(client.id, { channel: 'sms', body: `Здравствуйте, {first_name}! ${'я'.repeat(60)}` });
    expect([cyrillic.body.segments, cyrillic.body.sms.encoding]).toEqual([2, 'ucs2']);
  });

  it('refuses an SMS longer than 1600 characters once filled', async () => {
    const client = await newClient({ first_name: 'A'.repeat(100) });
    const res = await send(client.id, { channel: 'sms', body: `${'x'.repeat(1550)} {first_name}` });
    expect([res.status, res.body.error.details[0].field]).toEqual([422, 'body']);
    expect(await messageCount(client.id)).toBe(0);
  });

  it('sends an email with a filled subject, and needs an address and a subject', async () => {
    const without = await newClient();
    const noAddress = await send(without.id, { channel: 'email', subject: 'Hello', body: 'Hi' });
    expect([noAddress.status, noAddress.body.error.code]).toEqual([422, 'channel_unavailable']);
    expect(noAddress.body.error.details).toEqual({ channel: 'email' });

    const client = await newClient({ email: 'Ann@Example.com' });
    const noSubject = await send(client.id, { channel: 'email', body: 'Hi' });
    expect([noSubject.status, noSubject.body.error.details[0].field]).toEqual([422, 'subject']);
    const res = await send(client.id, {
      channel: 'email',
      subject: 'News from {salon_name}',
      body: 'Dear {first_name}',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'email',
      to_address: 'ann@example.com',
      subject: 'News from Salon Aurora',
      body: 'Dear Ann',
      status: 'sent',
      segments: null,
      sms: null,
    });
    expect(await messageCount(without.id)).toBe(0);
  });

  it('sends push only to a client with a subscribed device', async () => {
    const client = await newClient();
    const none = await send(client.id, { channel: 'push', body: 'Your visit is tomorrow' });
    expect([none.status, none.body.error.code]).toEqual([422, 'channel_unavailable']);
    await t.db
      .insertInto('push_subscriptions')
      .values({
        business_id: a.id,
        client_id: client.id,
        endpoint: 'https://push.example/device-1',
        p256dh: 'key',
        auth: 'secret',
      })
      .execute();
    const res = await send(client.id, { channel: 'push', subject: '{salon_name}', body: 'See you, {first_name}' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'push',
      to_address: 'https://push.example/device-1',
      subject: 'Salon Aurora',
      body: 'See you, Ann',
    });
  });

  it('refuses an unknown placeholder, naming it, and writes nothing', async () => {
    const client = await newClient();
    const res = await send(client.id, { channel: 'sms', body: 'Hi {first_name}, {nickname} and {Balance}!' });
    expect([res.status, res.body.error.code]).toEqual([422, 'validation_failed']);
    expect(res.body.error.details[0].field).toBe('body');
    expect(res.body.error.details[0].message).toContain('{nickname}, {Balance}');
    const subject = await send(client.id, { channel: 'email', subject: 'Hi {name}', body: 'x' });
    expect(subject.body.error.details[0]).toMatchObject({ field: 'subject' });
    expect(await messageCount(client.id)).toBe(0);
  });

  it('validates the body', async () => {
    const client = await newClient();
    for (const body of [{ channel: 'fax', body: 'x' }, { channel: 'sms', body: '  ' }, { channel: 'sms' }]) {
      expect((await send(client.id, body)).status).toBe(422);
    }
  });

  it('previews the filled text and its parts without sending', async () => {
    const client = await newClient();
    const res = await t.call('POST', `/v1/clients/${client.id}/messages/preview`, {
      token: a.session,
      body: { channel: 'sms', body: 'Merci {first_name} — à bientôt! 😀' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      channel: 'sms',
      to_address: client.phone,
      channel_available: true,
      subject: null,
      body: 'Merci Ann — à bientôt! 😀',
      characters: 24,
      max_characters: 1600,
      segments: 1,
      sms: { encoding: 'ucs2', units: 25, segments: 1, per_segment: 70 },
    });
    const email = await t.call('POST', `/v1/clients/${client.id}/messages/preview`, {
      token: a.session,
      body: { channel: 'email', body: 'Hi {first_name}' },
    });
    expect(email.body).toMatchObject({ to_address: null, channel_available: false, body: 'Hi Ann', segments: null });
    const unknown = await t.call('POST', `/v1/clients/${client.id}/messages/preview`, {
      token: a.session,
      body: { channel: 'sms', body: '{oops}' },
    });
    expect(unknown.status).toBe(422);
    expect(await messageCount(client.id)).toBe(0);
  });
});

describe('the message history', () => {
  it('lists every field, newest first, with paging', async () => {
    const client = await newClient({ email: 'list@example.com' });
    for (const body of ['first', 'second', 'third']) await send(client.id, { channel: 'sms', body });
    await send(client.id, { channel: 'email', subject: 'Re', body: 'fourth' });
    const list = await t.call('GET', `/v1/clients/${client.id}/messages`, { token: a.session });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items.map((m: { body: string }) => m.body)).toEqual(['fourth', 'third', 'second', 'first']);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(
      [
        'id',
        'client_id',
        'campaign_id',
        'channel',
        'kind',
        'status',
        'to_address',
        'subject',
        'body',
        'provider',
        'provider_message_id',
        'error',
        'created_at',
        'sent_at',
      ].sort(),
    );
    const page = await t.call('GET', `/v1/clients/${client.id}/messages?offset=1&limit=2`, { token: a.session });
    expect(page.body.items.map((m: { body: string }) => m.body)).toEqual(['third', 'second']);
    expect(page.body.total).toBe(4);
    expect((await t.call('GET', `/v1/clients/${client.id}/messages?limit=0`, { token: a.session })).status).toBe(422);
  });

  it("answers 404 for another business's client and for clients a branch user cannot see", async () => {
    const client = await newClient();
    expect((await t.call('GET', `/v1/clients/${client.id}/messages`, { token: b.secretKey })).status).toBe(404);
    expect((await send(client.id, { channel: 'sms', body: 'x' }, b.secretKey)).status).toBe(404);

    const chain = await t.newBusiness({ name: 'Chain', shared_client_base: false });
    const north = await t.call('POST', '/v1/locations', {
      token: chain.secretKey,
      body: { name: 'North', timezone: 'Europe/London' },
    });
    const { session: branch } = await t.newStaff(chain, 'receptionist', { locationIds: [north.body.id] });
    const hidden = await newClient({}, chain.secretKey);
    expect((await t.call('GET', `/v1/clients/${hidden.id}/messages`, { token: branch })).status).toBe(404);
    expect((await send(hidden.id, { channel: 'sms', body: 'x' }, branch)).status).toBe(404);
    expect(
      (
        await t.call('POST', `/v1/clients/${hidden.id}/messages/preview`, {
          token: branch,
          body: { channel: 'sms', body: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('needs messages_send to send; reading needs only clients_read', async () => {
    const client = await newClient();
    const token = await t.sessionFor(a, 'admin', { messages: false });
    expect((await send(client.id, { channel: 'sms', body: 'x' }, token)).status).toBe(403);
    expect((await t.call('GET', `/v1/clients/${client.id}/messages`, { token })).status).toBe(200);
  });
});

describe('smsSegments', () => {
  it('counts GSM-7 in 160, then 153 per part', () => {
    expect(smsSegments('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0, per_segment: 160 });
    expect(smsSegments('a'.repeat(160))).toMatchObject({ segments: 1, units: 160 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, per_segment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters as two septets and never splits them', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('{}[]~^|\\€').units).toBe(18);
    // 306 septets would fit two parts, but the euro sign cannot straddle the first part's end.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
  });

  it('switches to UCS-2 for any character outside GSM-7: 70, then 67 per part', () => {
    expect(smsSegments('Façade')).toMatchObject({ encoding: 'ucs2', units: 6, segments: 1, per_segment: 70 });
    expect(smsSegments('Ça va? Über £5 @ Åre')).toMatchObject({ encoding: 'gsm7' });
    expect(smsSegments('я'.repeat(70)).segments).toBe(1);
    expect(smsSegments('я'.repeat(71))).toMatchObject({ segments: 2, per_segment: 67 });
    expect(smsSegments('я'.repeat(134)).segments).toBe(2);
    expect(smsSegments('я'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 units kept in one part', () => {
    expect(smsSegments('😀')).toMatchObject({ encoding: 'ucs2', units: 2, segments: 1 });
    expect(smsSegments(`${'я'.repeat(66)}😀${'я'.repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });
});

describe('placeholders and money', () => {
  const values = { first_name: 'Ann', last_name: '', discount: '5%', balance: '£0.00', salon_name: 'S' };

  it('fills known placeholders once and leaves other braces alone', () => {
    expect(fillPlaceholders('{first_name}{first_name} { } {{x y}} {"a": 1}', values, 'body')).toBe(
      'AnnAnn { } {{x y}} {"a": 1}',
    );
    expect(fillPlaceholders('{first_name}', { ...values, first_name: '{balance}' }, 'body')).toBe('{balance}');
  });

  it("formats minor units in the business's currency without no-break spaces", () => {
    expect(formatMoney(1250, 'GBP', 'GB')).toBe('£12.50');
    expect(formatMoney(1250, 'EUR', 'DE')).toBe('12,50 €');
    expect(formatMoney(1250, 'JPY', 'US')).toBe('¥1,250');
  });

  it('the dev transport records what it sends', async () => {
    const transport = new DevTransport();
    const result = await transport.send({ id: 'm1', channel: 'sms', to: '+1', toName: null, subject: null, body: 'x' });
    expect(result.provider).toBe('dev');
    expect(transport.sent).toHaveLength(1);
  });
});

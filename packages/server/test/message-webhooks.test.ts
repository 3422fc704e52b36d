import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeResend } from './fakes/resend';
import { startFakeTwilio } from './fakes/twilio';
import { useTestApp } from './harness';

const RESEND_KEY = 're_test_key_0123456789';
const WEBHOOK_SECRET = `whsec_${Buffer.from('resend webhook signing key 0123').toString('base64')}`;
const ACCOUNT_SID = `AC${'2'.repeat(32)}`;
const AUTH_TOKEN = 'twilio_auth_token_abcdef012345';

const resend = await startFakeResend({ apiKey: RESEND_KEY, webhookSecret: WEBHOOK_SECRET });
const twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
afterAll(() => Promise.all([resend.close(), twilio.close()]));

const t = await useTestApp({
  config: {
    resendApiKey: RESEND_KEY,
    resendBaseUrl: resend.url,
    emailFrom: 'hello@aurora.example',
    resendWebhookSecret: WEBHOOK_SECRET,
    smsProvider: 'twilio',
    twilioAccountSid: ACCOUNT_SID,
    twilioAuthToken: AUTH_TOKEN,
    twilioFrom: '+447700900123',
    twilioBaseUrl: twilio.url,
    publicBaseUrl: 'https://clientbase.test',
  },
});
const a = await t.newBusiness({ name: 'Salon Aurora' });

let seq = 0;
async function newClient() {
  seq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token: a.secretKey,
    body: { first_name: 'Ann', phone: `07400 96${String(seq).padStart(4, '0')}`, email: `ann${seq}@example.com` },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function sentEmail() {
  const client = await newClient();
  const res = await t.call('POST', `/v1/clients/${client.id}/messages`, {
    token: a.session,
    body: { channel: 'email', subject: 'Hi', body: 'Hello {first_name}' },
  });
  expect(res.body.status).toBe('sent');
  const email = resend.emails.at(-1);
  if (!email) throw new Error('no email reached the fake');
  return { id: res.body.id as string, email };
}

async function sentSms() {
  const client = await newClient();
  const res = await t.call('POST', `/v1/clients/${client.id}/messages`, {
    token: a.session,
    body: { channel: 'sms', body: 'Hello {first_name}' },
  });
  expect(res.body.status).toBe('sent');
  const sms = twilio.messages.at(-1);
  if (!sms) throw new Error('no SMS reached the fake');
  return { id: res.body.id as string, sms };
}

const post = (path: string, hook: { body: string; headers: Record<string, string> }) =>
  t.call('POST', path, { body: hook.body, headers: hook.headers });

const message = (id: string) =>
  t.db
    .selectFrom('messages')
    .select(['status', 'error', 'provider_message_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('Resend delivery webhooks', () => {
  it('marks an email delivered, and a late "sent" does not move it back', async () => {
    const { id, email } = await sentEmail();
    const delivered = await post('/v1/webhooks/resend', resend.webhook('email.delivered', email));
    expect([delivered.status, delivered.body]).toEqual([200, { result: 'updated' }]);
    expect(await message(id)).toEqual({ status: 'delivered', error: null, provider_message_id: email.id });
    const late = await post('/v1/webhooks/resend', resend.webhook('email.sent', email));
    expect([late.status, late.body]).toEqual([200, { result: 'unchanged' }]);
    expect((await message(id)).status).toBe('delivered');
  });

  it('marks a bounced email failed with the bounce text', async () => {
    const { id, email } = await sentEmail();
    const bounce = { bounce: { type: 'Permanent', subType: 'General', message: 'The mailbox does not exist.' } };
    expect((await post('/v1/webhooks/resend', resend.webhook('email.bounced', email, bounce))).status).toBe(200);
    expect(await message(id)).toMatchObject({
      status: 'failed',
      error: 'Bounced (Permanent): The mailbox does not exist.',
    });
    await post('/v1/webhooks/resend', resend.webhook('email.delivered', email));
    expect((await message(id)).status).toBe('failed');
  });

  it('refuses a missing, wrong or stale signature with 401 and changes nothing', async () => {
    const { id, email } = await sentEmail();
    const good = resend.webhook('email.delivered', email);
    const tampered = { ...good, body: good.body.replace('email.delivered', 'email.bounced') };
    const stale = resend.webhook('email.delivered', email, {}, new Date(Date.now() - 6 * 60_000));
    const { 'svix-signature': _, ...unsigned } = good.headers;
    const otherSecret = await startFakeResend({
      apiKey: RESEND_KEY,
      webhookSecret: `whsec_${Buffer.from('another key entirely, 32 bytes!!').toString('base64')}`,
    });
    const foreign = otherSecret.webhook('email.delivered', email);
    await otherSecret.close();
    for (const hook of [tampered, stale, { body: good.body, headers: unsigned }, foreign]) {
      const res = await post('/v1/webhooks/resend', hook);
      expect([res.status, res.body.error.code]).toEqual([401, 'invalid_signature']);
    }
    expect((await message(id)).status).toBe('sent');
  });

  it('answers 200 for reports it has no use for: unknown messages and events that do not change delivery', async () => {
    const { email } = await sentEmail();
    const stranger = { ...email, body: { ...email.body, tags: [{ name: 'message_id', value: randomUUID() }] } };
    const unknown = await post('/v1/webhooks/resend', resend.webhook('email.delivered', stranger));
    expect([unknown.status, unknown.body]).toEqual([200, { result: 'unknown_message' }]);
    const untagged = await post(
      '/v1/webhooks/resend',
      resend.webhook('email.delivered', { ...email, body: { ...email.body, tags: [] } }),
    );
    expect([untagged.status, untagged.body.result]).toEqual([200, 'ignored']);
    const opened = await post('/v1/webhooks/resend', resend.webhook('email.opened', email));
    expect([opened.status, opened.body.result]).toEqual([200, 'ignored']);
  });

  it('cannot touch a message of another channel', async () => {
    const { id } = await sentSms();
    const { email } = await sentEmail();
    const pointed = { ...email, body: { ...email.body, tags: [{ name: 'message_id', value: id }] } };
    const res = await post('/v1/webhooks/resend', resend.webhook('email.delivered', pointed));
    expect(res.body).toEqual({ result: 'unknown_message' });
    expect((await message(id)).status).toBe('sent');
  });
});

describe('Twilio status callbacks', () => {
  it('moves an SMS to delivered and never back', async () => {
    const { id, sms } = await sentSms();
    const sent = twilio.statusCallback(sms, 'sent');
    expect(sent.path).toBe(`/v1/webhooks/twilio?message_id=${id}`);
    expect((await post(sent.path, sent)).body).toEqual({ result: 'unchanged' });
    const delivered = await post(sent.path, twilio.statusCallback(sms, 'delivered'));
    expect([delivered.status, delivered.body]).toEqual([200, { result: 'updated' }]);
    expect(await message(id)).toEqual({ status: 'delivered', error: null, provider_message_id: sms.sid });
    await post(sent.path, twilio.statusCallback(sms, 'sent'));
    expect((await message(id)).status).toBe('delivered');
  });

  it("marks an undelivered SMS failed with Twilio's error code", async () => {
    const { id, sms } = await sentSms();
    const hook = twilio.statusCallback(sms, 'undelivered', { ErrorCode: '30003' });
    expect((await post(hook.path, hook)).status).toBe(200);
    expect(await message(id)).toMatchObject({ status: 'failed', error: 'Twilio error 30003 (undelivered)' });
  });

  it('refuses a callback signed with another token, or for another URL, with 401', async () => {
    const { id, sms } = await sentSms();
    const foreign = twilio.statusCallback(sms, 'delivered', {}, 'some_other_auth_token_123456');
    const good = twilio.statusCallback(sms, 'delivered');
    const { id: otherId } = await sentSms();
    const redirected = { ...good, path: good.path.replace(id, otherId) };
    for (const hook of [foreign, redirected, { ...good, headers: { 'Content-Type': good.headers['Content-Type'] } }]) {
      const res = await post(hook.path, hook);
      expect([res.status, res.body.error.code]).toEqual([401, 'invalid_signature']);
    }
    expect((await message(id)).status).toBe('sent');
    expect((await message(otherId)).status).toBe('sent');
  });

  it('answers 200 for a message it does not know', async () => {
    const { sms } = await sentSms();
    const stranger = {
      ...sms,
      params: {
        ...sms.params,
        StatusCallback: `https://clientbase.test/v1/webhooks/twilio?message_id=${randomUUID()}`,
      },
    };
    const hook = twilio.statusCallback(stranger, 'delivered');
    const res = await post(hook.path, hook);
    expect([res.status, res.body]).toEqual([200, { result: 'unknown_message' }]);
  });
});

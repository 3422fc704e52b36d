import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createChannels } from '../src/messaging/channels';
import { DevTransport } from '../src/messaging/dev-transport';
import { startFakeResend } from './fakes/resend';
import { useTestApp } from './harness';

const API_KEY = 're_test_key_0123456789';
const FROM = 'Salon Aurora <hello@aurora.example>';
const resend = await startFakeResend({ apiKey: API_KEY });
afterAll(() => resend.close());

const t = await useTestApp({ config: { resendApiKey: API_KEY, resendBaseUrl: resend.url, emailFrom: FROM } });
const a = await t.newBusiness({ name: 'Salon Aurora' });

let seq = 0;
async function newClient(extra: Record<string, unknown> = {}) {
  seq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token: a.secretKey,
    body: { first_name: 'Ann', last_name: 'Smith', phone: `07400 93${String(seq).padStart(4, '0')}`, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const sendEmail = (clientId: string, subject = 'News from {salon_name}', body = 'Dear {first_name}, see you soon.') =>
  t.call('POST', `/v1/clients/${clientId}/messages`, { token: a.session, body: { channel: 'email', subject, body } });

const row = (id: string) => t.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('email through Resend', () => {
  it('sends what Resend expects, tagged with our message id under an idempotency key', async () => {
    const client = await newClient({ email: 'Ann@Example.com' });
    const res = await sendEmail(client.id);
    expect(res.status).toBe(201);
    const email = resend.emails.at(-1);
    expect(email).toBeDefined();
    expect(email?.body).toEqual({
      from: FROM,
      to: ['"Ann Smith" <ann@example.com>'],
      subject: 'News from Salon Aurora',
      text: 'Dear Ann, see you soon.',
      tags: [{ name: 'message_id', value: res.body.id }],
      headers: { 'X-Clientbase-Message-Id': res.body.id },
    });
    expect(email?.idempotencyKey).toBe(`clientbase-message-${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'sent', provider: 'resend', provider_message_id: email?.id, error: null });
    expect(await row(res.body.id)).toMatchObject({
      status: 'sent',
      provider: 'resend',
      provider_message_id: email?.id,
    });
  });

  it('quotes a display name so it cannot break the To header', async () => {
    const client = await newClient({ first_name: 'Ann "Annie"', last_name: "O'Neil", email: 'annie@example.com' });
    const res = await sendEmail(client.id);
    expect(res.body.status).toBe('sent');
    expect(resend.emails.at(-1)?.body.to).toEqual(['"Ann \\"Annie\\" O\'Neil" <annie@example.com>']);
  });

  it('retries a send whose answer was lost under the same key, so the email goes out once', async () => {
    const client = await newClient({ email: 'lost@example.com' });
    const [requests, emails] = [resend.requests, resend.emails.length];
    resend.loseNextResponse = true;
    const res = await sendEmail(client.id);
    expect(res.body.status).toBe('sent');
    expect(resend.requests - requests).toBe(2);
    expect(resend.emails.length - emails).toBe(1);
    expect(res.body.provider_message_id).toBe(resend.emails.at(-1)?.id);
  });

  it("records Resend's refusal on the message instead of failing the request", async () => {
    const client = await newClient({ email: 'refused@example.com' });
    const emails = resend.emails.length;
    resend.apiKey = 're_rotated_key';
    try {
      const res = await sendEmail(client.id);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'failed', provider: null, sent_at: null });
      expect(res.body.error).toBe('Resend refused the email (403 invalid_api_key): API key is invalid');
      expect(resend.emails.length).toBe(emails);
    } finally {
      resend.apiKey = API_KEY;
    }
  });

  it('reports a body Resend rejects (422) with its message', async () => {
    const channels = createChannels({
      ...t.config,
      emailFrom: 'not an address',
    });
    await expect(
      channels.email.send({
        id: crypto.randomUUID(),
        channel: 'email',
        to: 'x@example.com',
        toName: null,
        subject: 'Hi',
        body: 'x',
      }),
    ).rejects.toThrow(/^Resend refused the email \(422 validation_error\): Invalid `from` field/);
  });
});

describe('email configuration', () => {
  it('uses the dev transport until RESEND_API_KEY is set, and then needs EMAIL_FROM', () => {
    expect(createChannels(loadConfig({})).email).toBeInstanceOf(DevTransport);
    expect(() => loadConfig({ RESEND_API_KEY: 're_x' })).toThrow(/EMAIL_FROM/);
    expect(() => loadConfig({ RESEND_BASE_URL: 'ftp://x' })).toThrow(/RESEND_BASE_URL/);
    expect(() => loadConfig({ RESEND_WEBHOOK_SECRET: 'secret' })).toThrow(/whsec_/);
  });

  it('exposes a send rate for bulk pacing: Resend 5/s unless told otherwise, none for dev', () => {
    const resendConfig = loadConfig({ RESEND_API_KEY: 're_x', EMAIL_FROM: 'a@example.com' });
    expect(createChannels(resendConfig).email.ratePerSecond).toBe(5);
    const paced = loadConfig({ RESEND_API_KEY: 're_x', EMAIL_FROM: 'a@example.com', EMAIL_RATE_PER_SECOND: '2' });
    expect(createChannels(paced).email.ratePerSecond).toBe(2);
    expect(createChannels(loadConfig({})).email.ratePerSecond).toBeUndefined();
    expect(() => loadConfig({ EMAIL_RATE_PER_SECOND: '0' })).toThrow(/positive/);
  });
});

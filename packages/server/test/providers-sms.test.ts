import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createChannels } from '../src/messaging/channels';
import { DevTransport } from '../src/messaging/dev-transport';
import { startFakeTwilio } from './fakes/twilio';
import { useTestApp } from './harness';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'twilio_auth_token_0123456789';
const FROM = '+447700900123';
const twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
afterAll(() => twilio.close());

const twilioConfig = {
  smsProvider: 'twilio' as const,
  twilioAccountSid: ACCOUNT_SID,
  twilioAuthToken: AUTH_TOKEN,
  twilioFrom: FROM,
  twilioBaseUrl: twilio.url,
  publicBaseUrl: 'https://clientbase.test',
};
const t = await useTestApp({ config: twilioConfig });
const a = await t.newBusiness({ name: 'Salon Aurora' });

let seq = 0;
async function newClient() {
  seq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token: a.secretKey,
    body: { first_name: 'Ann', phone: `07400 94${String(seq).padStart(4, '0')}` },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; phone: string };
}

const sendSms = (clientId: string, body = 'Hi {first_name}, see you at {salon_name}!') =>
  t.call('POST', `/v1/clients/${clientId}/messages`, { token: a.session, body: { channel: 'sms', body } });

describe('SMS through Twilio', () => {
  it('posts the form Twilio expects with basic auth and a status callback naming the message', async () => {
    const client = await newClient();
    const res = await sendSms(client.id);
    expect(res.status).toBe(201);
    const sms = twilio.messages.at(-1);
    expect(sms?.accountSid).toBe(ACCOUNT_SID);
    expect(sms?.params).toEqual({
      To: client.phone,
      From: FROM,
      Body: 'Hi Ann, see you at Salon Aurora!',
      StatusCallback: `https://clientbase.test/v1/webhooks/twilio?message_id=${res.body.id}`,
    });
    expect(res.body).toMatchObject({ status: 'sent', provider: 'twilio', provider_message_id: sms?.sid, error: null });
    const row = await t.db.selectFrom('messages').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', provider: 'twilio', provider_message_id: sms?.sid });
  });

  it("records Twilio's refusal, code and text, on the message", async () => {
    const client = await newClient();
    const count = twilio.messages.length;
    twilio.refuseNext.push({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const res = await sendSms(client.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'failed', provider: null, sent_at: null });
    expect(res.body.error).toBe('Twilio refused the SMS (400 21610): Attempt to send to unsubscribed recipient');
    expect(twilio.messages.length).toBe(count);
  });

  it('fails the message on bad credentials', async () => {
    const client = await newClient();
    twilio.authToken = 'rotated_token_0123456789';
    try {
      const res = await sendSms(client.id);
      expect(res.body.status).toBe('failed');
      expect(res.body.error).toBe('Twilio refused the SMS (401 20003): Authenticate');
    } finally {
      twilio.authToken = AUTH_TOKEN;
    }
  });

  it('tries once more after a 429, which Twilio answers without taking the message', async () => {
    const client = await newClient();
    const requests = twilio.requests;
    twilio.refuseNext.push({ status: 429, code: 20429, message: 'Too Many Requests' });
    const res = await sendSms(client.id);
    expect(res.body.status).toBe('sent');
    expect(twilio.requests - requests).toBe(2);
  });

  it('sends from a messaging service when TWILIO_FROM is one, and without a callback when there is no public URL', async () => {
    const service = `MG${'a'.repeat(32)}`;
    const channels = createChannels({ ...t.config, twilioFrom: service, publicBaseUrl: undefined });
    const id = crypto.randomUUID();
    const sent = await channels.sms.send({
      id,
      channel: 'sms',
      to: '+447400950001',
      toName: null,
      subject: null,
      body: 'x',
    });
    expect(sent.provider).toBe('twilio');
    expect(twilio.messages.at(-1)?.params).toEqual({ To: '+447400950001', MessagingServiceSid: service, Body: 'x' });
  });
});

describe('SMS configuration', () => {
  it('stays on the dev transport unless SMS_PROVIDER=twilio, which needs its credentials', () => {
    expect(createChannels(loadConfig({})).sms).toBeInstanceOf(DevTransport);
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM/);
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER/);
    expect(() =>
      loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'x', TWILIO_FROM: FROM }),
    ).toThrow(/TWILIO_ACCOUNT_SID/);
  });

  it('paces Twilio to 1/s by default, or SMS_RATE_PER_SECOND', () => {
    const env = { SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'x', TWILIO_FROM: FROM };
    expect(createChannels(loadConfig(env)).sms.ratePerSecond).toBe(1);
    expect(createChannels(loadConfig({ ...env, SMS_RATE_PER_SECOND: '10' })).sms.ratePerSecond).toBe(10);
    expect(createChannels(loadConfig({ SMS_RATE_PER_SECOND: '0.5' })).sms.ratePerSecond).toBe(0.5);
    expect(createChannels(loadConfig({})).sms.ratePerSecond).toBeUndefined();
  });
});

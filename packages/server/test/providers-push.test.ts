import { afterAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { loadConfig } from '../src/config';
import { createChannels } from '../src/messaging/channels';
import { endpointProblem } from '../src/push/endpoint';
import { vapidKeySource } from '../src/push/vapid';
import { type FakeDevice, startFakePushService } from './fakes/push-service';
import { useTestApp } from './harness';

const pushService = await startFakePushService();
afterAll(() => pushService.close());

const t = await useTestApp({ config: { pushProvider: 'web-push', pushAllowLoopback: true } });
const a = await t.newBusiness({ name: 'Salon Aurora' });
const b = await t.newBusiness({ name: 'Salon B' });

let seq = 0;
async function newClient(token = a.secretKey) {
  seq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token,
    body: { first_name: 'Ann', phone: `07400 95${String(seq).padStart(4, '0')}` },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const subscribe = (clientId: string, body: unknown, token = a.session) =>
  t.call('POST', `/v1/clients/${clientId}/push-subscriptions`, { token, body });

const asSubscription = (device: FakeDevice) => ({ endpoint: device.endpoint, keys: device.keys, expirationTime: null });

const devicesOf = (clientId: string) =>
  t.db.selectFrom('push_subscriptions').select(['endpoint', 'business_id']).where('client_id', '=', clientId).execute();

const sendPush = (clientId: string) =>
  t.call('POST', `/v1/clients/${clientId}/messages`, {
    token: a.session,
    body: { channel: 'push', subject: '{salon_name}', body: 'See you tomorrow, {first_name}' },
  });

describe('the VAPID key', () => {
  it('is made on first use, kept in app_settings and answered the same every time', async () => {
    expect((await t.call('GET', '/v1/push/vapid-public-key')).status).toBe(401);
    const first = await t.call('GET', '/v1/push/vapid-public-key', { token: a.session });
    expect(first.status).toBe(200);
    expect(Buffer.from(first.body.public_key, 'base64url')).toHaveLength(65);
    const again = await t.call('GET', '/v1/push/vapid-public-key', { token: b.secretKey });
    expect(again.body.public_key).toBe(first.body.public_key);
    const stored = await t.db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', 'web_push_vapid_keys')
      .executeTakeFirstOrThrow();
    expect((stored.value as { publicKey: string }).publicKey).toBe(first.body.public_key);
  });

  it('comes from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when given, which must be one pair', async () => {
    const pair = webpush.generateVAPIDKeys();
    const other = webpush.generateVAPIDKeys();
    const env = {
      VAPID_PUBLIC_KEY: pair.publicKey,
      VAPID_PRIVATE_KEY: pair.privateKey,
      VAPID_SUBJECT: 'https://salon.example',
    };
    expect(await vapidKeySource(loadConfig(env), undefined)()).toEqual({ ...pair, subject: 'https://salon.example' });
    const mismatched = loadConfig({ ...env, VAPID_PRIVATE_KEY: other.privateKey });
    expect(() => vapidKeySource(mismatched, undefined)).toThrow(/not the private key/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/together/);
    expect(() => loadConfig({ ...env, VAPID_PUBLIC_KEY: 'short' })).toThrow(/VAPID_PUBLIC_KEY must be 65 bytes/);
    expect(() => loadConfig({ ...env, VAPID_SUBJECT: 'salon' })).toThrow(/VAPID_SUBJECT/);
    expect(createChannels(loadConfig({})).push.constructor.name).toBe('DevTransport');
  });
});

describe('push subscriptions', () => {
  it("registers a browser's subscription once, and lists it", async () => {
    const client = await newClient();
    const device = pushService.newDevice();
    const created = await subscribe(client.id, asSubscription(device));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ client_id: client.id, endpoint: device.endpoint });
    // The same browser again (e.g. on every page load): one row, keys refreshed.
    const again = await subscribe(client.id, asSubscription(device));
    expect([again.status, again.body.id]).toEqual([200, created.body.id]);
    const list = await t.call('GET', `/v1/clients/${client.id}/push-subscriptions`, { token: a.session });
    expect(list.body).toEqual({ items: [created.body], total: 1 });
  });

  it('refuses endpoints that are not https push services and keys of the wrong size, writing nothing', async () => {
    const client = await newClient();
    const device = pushService.newDevice();
    const cases: [unknown, string][] = [
      [{ ...asSubscription(device), endpoint: 'http://push.example/x' }, 'endpoint'],
      [{ ...asSubscription(device), endpoint: 'https://10.0.0.7/push' }, 'endpoint'],
      [{ ...asSubscription(device), endpoint: 'not a url' }, 'endpoint'],
      [{ endpoint: device.endpoint, keys: { ...device.keys, p256dh: device.keys.p256dh.slice(0, 40) } }, 'keys.p256dh'],
      [
        { endpoint: device.endpoint, keys: { ...device.keys, p256dh: `C${device.keys.p256dh.slice(1)}` } },
        'keys.p256dh',
      ],
      [{ endpoint: device.endpoint, keys: { ...device.keys, auth: 'c2hvcnQ' } }, 'keys.auth'],
      [{ endpoint: device.endpoint }, 'keys'],
    ];
    for (const [body, field] of cases) {
      const res = await subscribe(client.id, body);
      expect([res.status, res.body.error?.details[0].field]).toEqual([422, field]);
    }
    expect(await devicesOf(client.id)).toEqual([]);
  });

  it('accepts loopback endpoints only where configured (dev and tests)', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', false)).toBeNull();
    expect(endpointProblem('http://127.0.0.1:9/push', false)).toMatch(/this server/);
    expect(endpointProblem('https://localhost/push', false)).toMatch(/this server/);
    expect(endpointProblem('http://127.0.0.1:9/push', true)).toBeNull();
    expect(endpointProblem('https://[::1]/push', true)).toBeNull();
    expect(endpointProblem('https://user:pw@push.example/x', false)).toMatch(/credentials/);
    expect(endpointProblem('https://192.168.1.4/x', true)).toMatch(/private/);
  });

  it("answers 404 for another business's client, and 409 for an endpoint another business holds", async () => {
    const client = await newClient();
    const device = pushService.newDevice();
    expect((await subscribe(client.id, asSubscription(device), b.secretKey)).status).toBe(404);
    expect((await subscribe(client.id, asSubscription(device))).status).toBe(201);
    const clientOfB = await newClient(b.secretKey);
    const taken = await subscribe(clientOfB.id, asSubscription(device), b.secretKey);
    expect([taken.status, taken.body.error.code]).toEqual([409, 'push_endpoint_in_use']);
    expect(await devicesOf(client.id)).toEqual([{ endpoint: device.endpoint, business_id: a.id }]);
  });

  it('removes a subscription by endpoint', async () => {
    const client = await newClient();
    const device = pushService.newDevice();
    await subscribe(client.id, asSubscription(device));
    const path = `/v1/clients/${client.id}/push-subscriptions`;
    const query = `?endpoint=${encodeURIComponent(device.endpoint)}`;
    expect((await t.call('DELETE', `${path}${query}`, { token: b.secretKey })).status).toBe(404);
    expect((await t.call('DELETE', path, { token: a.session })).status).toBe(422);
    expect((await t.call('DELETE', `${path}${query}`, { token: a.session })).status).toBe(204);
    expect(await devicesOf(client.id)).toEqual([]);
    expect((await t.call('DELETE', `${path}${query}`, { token: a.session })).status).toBe(404);
  });
});

describe('sending push notifications', () => {
  it('sends an encrypted, VAPID-signed notification to every device of the client', async () => {
    const client = await newClient();
    const phone = pushService.newDevice();
    const laptop = pushService.newDevice();
    await subscribe(client.id, asSubscription(phone));
    await subscribe(client.id, asSubscription(laptop));
    const res = await sendPush(client.id);
    expect(res.status).toBe(201);
    expect(pushService.rejected).toEqual([]);
    const expected = { title: 'Salon Aurora', body: 'See you tomorrow, Ann', message_id: res.body.id };
    expect(phone.received).toEqual([expected]);
    expect(laptop.received).toEqual([expected]);
    const { public_key } = (await t.call('GET', '/v1/push/vapid-public-key', { token: a.session })).body;
    expect(phone.vapid).toMatchObject({ publicKey: public_key, claims: { aud: pushService.url } });
    expect(phone.vapid?.claims.sub).toMatch(/^mailto:/);
    expect(res.body).toMatchObject({ status: 'sent', provider: 'web-push', error: null });
    expect(res.body.provider_message_id).toMatch(new RegExp(`^${pushService.url}/message/`));
  });

  it('forgets a device the push service no longer knows (410), and is sent if another device took it', async () => {
    const client = await newClient();
    const gone = pushService.newDevice();
    const kept = pushService.newDevice();
    await subscribe(client.id, asSubscription(gone));
    await subscribe(client.id, asSubscription(kept));
    gone.answer = 410;
    const res = await sendPush(client.id);
    expect(res.body.status).toBe('sent');
    expect(kept.received).toHaveLength(1);
    expect((await devicesOf(client.id)).map((d) => d.endpoint)).toEqual([kept.endpoint]);

    kept.answer = 404;
    const last = await sendPush(client.id);
    expect(last.status).toBe(201);
    expect(last.body.status).toBe('failed');
    expect(last.body.error).toMatch(
      /^No device accepted the notification: 127\.0\.0\.1:\d+: the device unsubscribed \(404\)$/,
    );
    expect(await devicesOf(client.id)).toEqual([]);
  });

  it('keeps a device the push service refused for another reason', async () => {
    const client = await newClient();
    const device = pushService.newDevice();
    await subscribe(client.id, asSubscription(device));
    device.answer = 500;
    const res = await sendPush(client.id);
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toMatch(/answered 500/);
    expect(await devicesOf(client.id)).toHaveLength(1);
  });
});

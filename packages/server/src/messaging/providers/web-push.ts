// Push notifications to every device of the client. web-push encrypts the payload (aes128gcm) and signs the
// VAPID header; we make the request ourselves with fetch, so a slow push service times out and redirects are
// refused. A device the push service no longer knows (404/410) is forgotten.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { Database } from '../../db/schema';
import { endpointProblem } from '../../push/endpoint';
import type { VapidKeys } from '../../push/vapid';
import type { Channel, OutgoingMessage, PushTarget, SendResult } from '../channel';

const TIMEOUT_MS = 10_000;
/** A reminder that arrives a day late is no use; push services drop it after this. */
const TTL_SECONDS = 24 * 3600;

export interface WebPushOptions {
  db: Kysely<Database>;
  vapidKeys: () => Promise<VapidKeys>;
  allowLoopback: boolean;
}

type DeviceOutcome = { accepted: true; location: string | null } | { accepted: false; error: string };

/** What the service worker receives: `event.data.json()`. */
export function notificationPayload(message: OutgoingMessage) {
  return { title: message.subject ?? '', body: message.body, message_id: message.id };
}

export class WebPush implements Channel {
  constructor(private readonly options: WebPushOptions) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const devices = message.push ?? [];
    if (!devices.length) throw new Error('No device of the client is subscribed to push notifications.');
    const keys = await this.options.vapidKeys();
    const payload = JSON.stringify(notificationPayload(message));
    const outcomes = await Promise.all(devices.map((device) => this.deliver(device, payload, keys, message.id)));
    const accepted = outcomes.find((outcome) => outcome.accepted);
    if (accepted) return { provider: 'web-push', provider_message_id: accepted.location ?? `push_${randomUUID()}` };
    const errors = outcomes.map((outcome) => (outcome.accepted ? '' : outcome.error));
    throw new Error(`No device accepted the notification: ${errors.join('; ')}`);
  }

  private async deliver(
    device: PushTarget,
    payload: string,
    keys: VapidKeys,
    messageId: string,
  ): Promise<DeviceOutcome> {
    const host = URL.parse(device.endpoint)?.host ?? 'device';
    const problem = endpointProblem(device.endpoint, this.options.allowLoopback);
    if (problem) return { accepted: false, error: `${host}: ${problem}` };
    let response: Response;
    try {
      const request = webpush.generateRequestDetails(
        { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
        payload,
        { vapidDetails: keys, TTL: TTL_SECONDS, contentEncoding: 'aes128gcm' },
      );
      const headers = Object.fromEntries(
        Object.entries(request.headers)
          // fetch computes the length itself.
          .filter(([name]) => name.toLowerCase() !== 'content-length')
          .map(([name, value]) => [name, String(value)]),
      );
      response = await fetch(request.endpoint, {
        method: 'POST',
        headers,
        body: new Uint8Array(request.body),
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { accepted: false, error: `${host}: ${error instanceof Error ? error.message : String(error)}` };
    }
    await response.body?.cancel();
    if (response.ok) return { accepted: true, location: response.headers.get('location') };
    if (response.status === 404 || response.status === 410) {
      await this.forget(device.endpoint, messageId);
      return { accepted: false, error: `${host}: the device unsubscribed (${response.status})` };
    }
    return { accepted: false, error: `${host}: the push service answered ${response.status} ${response.statusText}` };
  }

  // The channel has no tenant of its own: the message row (written before sending) names the business.
  private async forget(endpoint: string, messageId: string) {
    const { db } = this.options;
    await db
      .deleteFrom('push_subscriptions')
      .where('endpoint', '=', endpoint)
      .where('business_id', '=', (eb) => eb.selectFrom('messages').select('business_id').where('id', '=', messageId))
      .execute();
  }
}

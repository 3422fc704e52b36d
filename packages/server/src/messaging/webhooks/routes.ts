// Delivery reports from the providers, mounted under /webhooks outside the API-key guard: each provider's
// signature is the credential. A report about a message we do not know answers 200 (providers retry on
// errors, and retrying cannot make it known); a bad signature answers 401 and changes nothing.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError, unauthorized, validationFailed, zodDetails } from '../../http/errors';
import { MESSAGE_ID_TAG } from '../providers/resend';
import { CALLBACK_MESSAGE_PARAM } from '../providers/twilio';
import { verifySvix, verifyTwilio } from './signatures';
import { applyDeliveryReport, type DeliveryStatus } from './status';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notConfigured = (what: string) =>
  unauthorized('webhook_not_configured', `${what} is not configured on this server, so no report can be verified.`);

// Resend's email events; the rest (opened, clicked, delivery_delayed, complained…) do not change delivery.
const RESEND_STATUS: Record<string, DeliveryStatus> = {
  'email.sent': 'sent',
  'email.delivered': 'delivered',
  'email.bounced': 'failed',
  'email.failed': 'failed',
  'email.suppressed': 'failed',
};

const resendEvent = z.object({
  type: z.string(),
  data: z.object({
    email_id: z.string().max(200).optional(),
    // An object in webhook payloads; the send API's array form is accepted too.
    tags: z
      .union([z.record(z.string(), z.string()), z.array(z.object({ name: z.string(), value: z.string() }))])
      .optional(),
    bounce: z.object({ message: z.string().optional(), type: z.string().optional() }).optional(),
    failed: z.object({ reason: z.string().optional() }).optional(),
    suppressed: z.object({ message: z.string().optional(), type: z.string().optional() }).optional(),
  }),
});

type ResendEvent = z.output<typeof resendEvent>;

function taggedMessageId(tags: ResendEvent['data']['tags']): string | undefined {
  if (Array.isArray(tags)) return tags.find((tag) => tag.name === MESSAGE_ID_TAG)?.value;
  return tags?.[MESSAGE_ID_TAG];
}

function resendError({ type, data }: ResendEvent): string {
  if (data.bounce)
    return `Bounced${data.bounce.type ? ` (${data.bounce.type})` : ''}: ${data.bounce.message ?? ''}`.trim();
  if (data.failed) return `Failed: ${data.failed.reason ?? 'no reason given'}`;
  if (data.suppressed) return `Suppressed: ${data.suppressed.message ?? 'the address is on the suppression list'}`;
  return `Resend reported ${type}`;
}

// Twilio's MessageStatus values that change delivery; queued, sending, accepted… do not.
const TWILIO_STATUS: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
};

const ignored = (reason: string) => ({ result: 'ignored', reason });

export const messageWebhookRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/resend', async (c) => {
      const secret = deps.config.resendWebhookSecret;
      if (!secret) throw notConfigured('RESEND_WEBHOOK_SECRET');
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const headers = {
        id: c.req.header('svix-id'),
        timestamp: c.req.header('svix-timestamp'),
        signature: c.req.header('svix-signature'),
      };
      // Nothing of the body is trusted, not even its JSON, before the signature holds.
      if (!verifySvix(secret, headers, raw, c.get('now')))
        throw unauthorized('invalid_signature', 'The svix-signature does not match, or svix-timestamp is too old.');
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(raw));
      } catch {
        throw new ApiError(400, 'invalid_body', 'The body is not JSON.');
      }
      const event = resendEvent.safeParse(json);
      if (!event.success) throw validationFailed(zodDetails(event.error));
      const status = RESEND_STATUS[event.data.type];
      if (!status) return c.json(ignored(`${event.data.type} does not change delivery`), 200);
      const messageId = taggedMessageId(event.data.data.tags);
      if (!messageId || !UUID.test(messageId)) return c.json(ignored('not a message of ours'), 200);
      const result = await applyDeliveryReport(deps.db, {
        messageId: messageId.toLowerCase(),
        channel: 'email',
        provider: 'resend',
        providerMessageId: event.data.data.email_id ?? null,
        status,
        error: status === 'failed' ? resendError(event.data) : null,
        at: c.get('now'),
      });
      return c.json({ result }, 200);
    })
    .post('/twilio', async (c) => {
      const { twilioAuthToken, twilioAccountSid, publicBaseUrl } = deps.config;
      if (!twilioAuthToken) throw notConfigured('Twilio');
      const params = new URLSearchParams(await c.req.text());
      const requested = new URL(c.req.url);
      // Twilio signs the URL it was given: ours under PUBLIC_BASE_URL, whatever a proxy made of it since.
      const url = publicBaseUrl ? `${publicBaseUrl}${requested.pathname}${requested.search}` : requested.toString();
      if (!verifyTwilio(twilioAuthToken, c.req.header('x-twilio-signature'), url, params))
        throw unauthorized('invalid_signature', 'The X-Twilio-Signature does not match this URL and body.');
      if (params.get('AccountSid') !== twilioAccountSid) return c.json(ignored('another account'), 200);
      const reported = params.get('MessageStatus') ?? params.get('SmsStatus') ?? '';
      const status = TWILIO_STATUS[reported];
      if (!status) return c.json(ignored(`${reported || 'no status'} does not change delivery`), 200);
      const messageId = requested.searchParams.get(CALLBACK_MESSAGE_PARAM);
      if (!messageId || !UUID.test(messageId)) return c.json(ignored('not a message of ours'), 200);
      const code = params.get('ErrorCode');
      const detail = params.get('ErrorMessage');
      const error = code
        ? `Twilio error ${code}${detail ? `: ${detail}` : ''} (${reported})`
        : `Twilio reported the SMS ${reported}`;
      const result = await applyDeliveryReport(deps.db, {
        messageId: messageId.toLowerCase(),
        channel: 'sms',
        provider: 'twilio',
        providerMessageId: params.get('MessageSid') ?? params.get('SmsSid'),
        status,
        error: status === 'failed' ? error : null,
        at: c.get('now'),
      });
      return c.json({ result }, 200);
    });

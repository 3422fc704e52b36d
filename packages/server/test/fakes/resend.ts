// A fake of Resend's email API (POST /emails) that checks what the real one checks: the bearer key, the
// body's shape, tags' characters, and Idempotency-Key (a replay answers the first answer; the same key with
// another body is refused). It can also sign delivery webhooks as Resend's Svix does.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type FakeRequest, sendJson, startFakeServer } from './http';

export interface ReceivedEmail {
  id: string;
  idempotencyKey: string | undefined;
  body: {
    from: string;
    to: string | string[];
    subject: string;
    text?: string;
    html?: string;
    tags?: { name: string; value: string }[];
    headers?: Record<string, string>;
  };
}

const MAILBOX =
  /^(?:(?:"(?:[^"\\]|\\.)*"|[^<>"]*)\s*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s"@]+@[^<>\s"@]+\.[^<>\s"@]+)$/;
const TAG = /^[A-Za-z0-9_-]{1,256}$/;

// Svix's scheme, written out here rather than taken from the code under test.
export function svixSign(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

const error = (response: ServerResponse, statusCode: number, name: string, message: string) =>
  sendJson(response, statusCode, { statusCode, name, message });

function problem(body: Record<string, unknown>): [number, string, string] | null {
  for (const field of ['from', 'to', 'subject'])
    if (body[field] === undefined) return [422, 'missing_required_field', `Missing \`${field}\` field.`];
  if (typeof body.from !== 'string' || !MAILBOX.test(body.from))
    return [
      422,
      'validation_error',
      'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
    ];
  const to = Array.isArray(body.to) ? body.to : [body.to];
  if (!to.length || to.length > 50 || !to.every((address) => typeof address === 'string' && MAILBOX.test(address)))
    return [
      422,
      'validation_error',
      'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
    ];
  if (typeof body.subject !== 'string') return [422, 'validation_error', 'The `subject` field must be a `string`.'];
  if (typeof body.text !== 'string' && typeof body.html !== 'string')
    return [422, 'missing_required_field', 'Missing `html` or `text` field.'];
  if (body.tags !== undefined) {
    const tags = body.tags as { name?: unknown; value?: unknown }[];
    if (!Array.isArray(tags) || !tags.every((tag) => TAG.test(String(tag.name)) && TAG.test(String(tag.value))))
      return [422, 'validation_error', 'Tags should only contain ASCII letters, numbers, underscores, or dashes.'];
  }
  if (body.headers !== undefined) {
    const headers = body.headers as Record<string, unknown>;
    if (typeof headers !== 'object' || !Object.values(headers).every((value) => typeof value === 'string'))
      return [422, 'validation_error', 'The `headers` field must be an object of strings.'];
  }
  return null;
}

export async function startFakeResend(options: { apiKey: string; webhookSecret?: string }) {
  const state = {
    apiKey: options.apiKey,
    /** Every email accepted, once per idempotency key. */
    emails: [] as ReceivedEmail[],
    /** Every POST /emails that arrived, accepted or not. */
    requests: 0,
    /** Accept the next email, then drop the connection before answering (a lost response). */
    loseNextResponse: false,
  };
  const byKey = new Map<string, { hash: string; id: string }>();

  const server = await startFakeServer((request: FakeRequest, response) => {
    if (request.path !== '/emails') return error(response, 404, 'not_found', 'The requested endpoint does not exist.');
    if (request.method !== 'POST') return error(response, 405, 'method_not_allowed', 'Method is not allowed.');
    state.requests += 1;
    const auth = request.headers.authorization ?? '';
    if (!auth.startsWith('Bearer '))
      return error(response, 401, 'missing_api_key', 'Missing API key in the authorization header.');
    if (auth.slice(7) !== state.apiKey) return error(response, 403, 'invalid_api_key', 'API key is invalid');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return error(response, 422, 'validation_error', 'Invalid JSON body.');
    }
    const refused = problem(body);
    if (refused) return error(response, ...refused);
    const key = request.headers['idempotency-key'] as string | undefined;
    const hash = createHash('sha256').update(request.body).digest('hex');
    if (key !== undefined) {
      if (key.length < 1 || key.length > 256)
        return error(response, 400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
      const earlier = byKey.get(key);
      if (earlier && earlier.hash !== hash)
        return error(
          response,
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload.',
        );
      if (earlier) return sendJson(response, 200, { id: earlier.id });
    }
    const id = randomUUID();
    if (key !== undefined) byKey.set(key, { hash, id });
    state.emails.push({ id, idempotencyKey: key, body: body as unknown as ReceivedEmail['body'] });
    if (state.loseNextResponse) {
      state.loseNextResponse = false;
      return void response.socket?.destroy();
    }
    sendJson(response, 200, { id });
  });

  /** A delivery webhook as Resend would post it: the raw body and its Svix headers. */
  function webhook(type: string, email: ReceivedEmail, extra: Record<string, unknown> = {}, at = new Date()) {
    if (!options.webhookSecret) throw new Error('no webhook secret');
    const tags = Object.fromEntries((email.body.tags ?? []).map((tag) => [tag.name, tag.value]));
    const body = JSON.stringify({
      type,
      created_at: at.toISOString(),
      data: {
        created_at: at.toISOString(),
        email_id: email.id,
        from: email.body.from,
        to: Array.isArray(email.body.to) ? email.body.to : [email.body.to],
        subject: email.body.subject,
        tags,
        ...extra,
      },
    });
    const id = `msg_${randomUUID().replaceAll('-', '')}`;
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return {
      body,
      headers: {
        'Content-Type': 'application/json',
        'svix-id': id,
        'svix-timestamp': timestamp,
        'svix-signature': svixSign(options.webhookSecret, id, timestamp, body),
      },
    };
  }

  return Object.assign(state, { url: server.url, close: server.close, webhook });
}

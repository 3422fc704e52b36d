// Email through Resend. Our message id travels as a tag (delivery webhooks map back by it) and keys the
// request's idempotency, so a retried send — ours here, or a bulk job's after a crash — is sent once.
import { type ErrorResponse, Resend } from 'resend';
import type { Channel, OutgoingMessage, SendResult } from '../channel';
import { retryAfterMs, sleep } from './retry';

export const RESEND_DEFAULT_RATE_PER_SECOND = 5;
/** The tag and header that carry our message id. */
export const MESSAGE_ID_TAG = 'message_id';
export const MESSAGE_ID_HEADER = 'X-Clientbase-Message-Id';

const TIMEOUT_MS = 15_000;

export interface ResendOptions {
  apiKey: string;
  from: string;
  baseUrl?: string | undefined;
  ratePerSecond?: number | undefined;
  /** Waits before each retry of a send that may not have arrived; tests shorten them. */
  retryDelaysMs?: number[];
}

/** "Ann Smith" <ann@example.com>, with the name quoted and nothing in it that could break the header. */
export function mailbox(address: string, name: string | null): string {
  const clean = (name ?? '').replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim();
  if (!clean) return address;
  return `"${clean.replace(/["\\]/g, (ch) => `\\${ch}`)}" <${address}>`;
}

// Unknown outcomes (no answer, 5xx), rate limits and a concurrent request with our key are worth another
// try; the idempotency key makes the retry safe. Anything else is a refusal of this email.
const retryable = (error: ErrorResponse) =>
  error.statusCode === null ||
  error.statusCode === 429 ||
  error.statusCode >= 500 ||
  error.name === 'concurrent_idempotent_requests';

export class ResendEmail implements Channel {
  readonly ratePerSecond: number;
  private readonly client: Resend;
  private readonly from: string;
  private readonly retryDelaysMs: number[];

  constructor(options: ResendOptions) {
    this.client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
    this.from = options.from;
    this.ratePerSecond = options.ratePerSecond ?? RESEND_DEFAULT_RATE_PER_SECOND;
    this.retryDelaysMs = options.retryDelaysMs ?? [500, 2_000];
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const email = {
      from: this.from,
      to: [mailbox(message.to, message.toName)],
      subject: message.subject ?? '',
      text: message.body,
      tags: [{ name: MESSAGE_ID_TAG, value: message.id }],
      headers: { [MESSAGE_ID_HEADER]: message.id },
    };
    for (let attempt = 0; ; attempt++) {
      const { data, error, headers } = await this.client.emails.send(email, {
        idempotencyKey: `clientbase-message-${message.id}`,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (data) return { provider: 'resend', provider_message_id: data.id };
      const delay = this.retryDelaysMs[attempt];
      if (delay === undefined || !retryable(error)) {
        const status = error.statusCode === null ? 'no answer' : `${error.statusCode} ${error.name}`;
        throw new Error(`Resend refused the email (${status}): ${error.message}`);
      }
      await sleep(Math.max(delay, retryAfterMs(headers?.['retry-after'])));
    }
  }
}

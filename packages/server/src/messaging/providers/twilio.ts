// SMS through Twilio's REST API (or any service speaking it). Twilio has no idempotency key for sending, so
// only a refusal that says the message was not taken (429) is retried; anything unclear fails the message
// rather than risk a second SMS.
import type { Channel, OutgoingMessage, SendResult } from '../channel';
import { retryAfterMs, sleep } from './retry';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';
/** A long code sends about one SMS a second; Twilio queues the rest, then drops what waited too long. */
export const TWILIO_DEFAULT_RATE_PER_SECOND = 1;
/** The query parameter of our status callback URL that names the message. */
export const CALLBACK_MESSAGE_PARAM = 'message_id';

const TIMEOUT_MS = 15_000;

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl?: string | undefined;
  /** Where Twilio reports delivery; without it, messages stay 'sent'. */
  statusCallbackUrl?: string | undefined;
  ratePerSecond?: number | undefined;
  retryDelaysMs?: number[];
}

interface TwilioError {
  code?: number;
  message?: string;
}

export class TwilioSms implements Channel {
  readonly ratePerSecond: number;
  private readonly retryDelaysMs: number[];

  constructor(private readonly options: TwilioOptions) {
    this.ratePerSecond = options.ratePerSecond ?? TWILIO_DEFAULT_RATE_PER_SECOND;
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000];
  }

  private form(message: OutgoingMessage): URLSearchParams {
    const { from, statusCallbackUrl } = this.options;
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    // A messaging service picks the sender from its pool; otherwise From is the number or sender id.
    form.set(/^MG[0-9a-f]{32}$/i.test(from) ? 'MessagingServiceSid' : 'From', from);
    if (statusCallbackUrl) {
      const callback = new URL(statusCallbackUrl);
      callback.searchParams.set(CALLBACK_MESSAGE_PARAM, message.id);
      form.set('StatusCallback', callback.toString());
    }
    return form;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const { accountSid, authToken, baseUrl } = this.options;
    const url = `${baseUrl ?? TWILIO_DEFAULT_BASE_URL}/2010-04-01/Accounts/${accountSid}/Messages.json`;
    const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    const body = this.form(message);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { Authorization: authorization, Accept: 'application/json' },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new Error(`Twilio could not be reached: ${error instanceof Error ? error.message : String(error)}`);
      }
      const answer = (await response.json().catch(() => ({}))) as { sid?: string } & TwilioError;
      if (response.ok && typeof answer.sid === 'string') return { provider: 'twilio', provider_message_id: answer.sid };
      const delay = this.retryDelaysMs[attempt];
      if (response.status === 429 && delay !== undefined) {
        await sleep(Math.max(delay, retryAfterMs(response.headers.get('retry-after'))));
        continue;
      }
      const code = answer.code ? ` ${answer.code}` : '';
      throw new Error(`Twilio refused the SMS (${response.status}${code}): ${answer.message ?? response.statusText}`);
    }
  }
}

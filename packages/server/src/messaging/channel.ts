// One interface for every way a message leaves: email (Resend), push (web-push), SMS (a provider behind
// this same interface). Each has a dev transport that records instead of sending.
import type { Channel as ChannelName } from '../db/schema';

export type { ChannelName };

export const CHANNEL_NAMES = ['sms', 'email', 'push'] as const satisfies readonly ChannelName[];

/** The keys web-push encrypts a notification with (from the browser's PushSubscription). */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface OutgoingMessage {
  /** Our message id: providers echo it back in delivery reports. */
  id: string;
  channel: ChannelName;
  /** E.164 phone, email address, or push endpoint. */
  to: string;
  /** The recipient's name, for an email's To header. */
  toName: string | null;
  /** Email subject or push notification title. */
  subject: string | null;
  body: string;
  /** Every device of the recipient, for push. */
  push?: PushTarget[];
}

export interface SendResult {
  provider: string;
  provider_message_id: string;
}

export interface Channel {
  send(message: OutgoingMessage): Promise<SendResult>;
  /** At most this many sends per second are accepted by the provider: a bulk sender paces to it. Unset: no limit. */
  readonly ratePerSecond?: number;
}

export type Channels = Record<ChannelName, Channel>;

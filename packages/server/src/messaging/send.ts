// Writing to one client from the card: the template is filled for that client, checked for the channel,
// recorded in `messages`, then handed to the channel. Bulk sends and e-cards build on the same steps.

import { type SmsSegments, smsSegments } from '@clientbase/shared/sms-segments';
import type { Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import { type ClientAccess, visibleClients } from '../clients/access';
import type { Client, MessageTable } from '../db/schema';
import { ApiError, notFound, validationFailed } from '../http/errors';
import { CHANNEL_NAMES, type ChannelName, type Channels, type PushTarget } from './channel';
import { fillPlaceholders, formatMoney, type PlaceholderValues } from './placeholders';

export const SMS_MAX_CHARACTERS = 1600;

/** What a message is made of, for one client or many. */
export const messageFields = {
  channel: z.enum(CHANNEL_NAMES),
  subject: z.string().trim().max(200).nullish(),
  // The SMS limit applies to the filled text; this bounds what any channel takes.
  body: z.string().trim().min(1).max(10_000),
};

export interface MessageInput {
  channel: ChannelName;
  subject?: string | null | undefined;
  body: string;
}

export interface Recipient {
  address: string | null;
  name: string | null;
  push?: PushTarget[];
}

export interface ComposedMessage {
  channel: ChannelName;
  recipient: Recipient;
  subject: string | null;
  body: string;
  /** Characters (code points) of the filled body. */
  characters: number;
  sms: SmsSegments | null;
}

/** The business's display name: the `{salon_name}` placeholder. */
export async function salonName(tenant: ClientAccess['tenant']): Promise<string> {
  const salon = await tenant.db
    .selectFrom('businesses')
    .select('name')
    .where('id', '=', tenant.business.id)
    .executeTakeFirstOrThrow();
  return salon.name;
}

/** One client's placeholder values; bulk sends call it for each recipient with the salon read once. */
export function placeholderValues(
  business: ClientAccess['tenant']['business'],
  salon: string,
  client: Pick<Client, 'first_name' | 'last_name' | 'discount' | 'balance'>,
): PlaceholderValues {
  return {
    first_name: client.first_name,
    last_name: client.last_name ?? '',
    discount: `${client.discount}%`,
    balance: formatMoney(client.balance, business.currency, business.country),
    salon_name: salon,
  };
}

async function recipientOf(access: ClientAccess, client: Client, channel: ChannelName): Promise<Recipient> {
  const name = [client.first_name, client.last_name].filter(Boolean).join(' ');
  if (channel === 'sms') return { address: client.phone, name };
  if (channel === 'email') return { address: client.email, name };
  const devices = await access.tenant
    .selectFrom('push_subscriptions')
    .select(['endpoint', 'p256dh', 'auth'])
    .where('client_id', '=', client.id)
    .orderBy('created_at', 'desc')
    .execute();
  // The newest device stands for the message in the history; the notification goes to all of them.
  return { address: devices[0]?.endpoint ?? null, name, push: devices };
}

/** Fills and measures a message for one client without sending it (the composer's preview). */
export async function composeMessage(
  access: ClientAccess,
  clientId: string,
  input: MessageInput,
): Promise<ComposedMessage> {
  const client = await visibleClients(access).selectAll().where('id', '=', clientId).executeTakeFirst();
  if (!client) throw notFound('Client');
  const values = placeholderValues(access.tenant.business, await salonName(access.tenant), client);
  const body = fillPlaceholders(input.body, values, 'body');
  // SMS has no subject; a composer switching channels may still send one along.
  const subject = input.channel === 'sms' || !input.subject ? null : fillPlaceholders(input.subject, values, 'subject');
  return {
    channel: input.channel,
    recipient: await recipientOf(access, client, input.channel),
    subject,
    body,
    characters: Array.from(body).length,
    sms: input.channel === 'sms' ? smsSegments(body) : null,
  };
}

const ADDRESS_NAMES: Record<ChannelName, string> = {
  sms: 'a phone number',
  email: 'an email address',
  push: 'a device subscribed to push notifications',
};

/** What sending needs beyond a preview: an address for the channel, a subject for email, SMS length. */
export function assertSendable(message: ComposedMessage): string {
  if (message.channel === 'email' && !message.subject?.trim()) {
    throw validationFailed([{ field: 'subject', message: 'An email needs a subject.' }]);
  }
  if (message.channel === 'sms' && message.characters > SMS_MAX_CHARACTERS) {
    throw validationFailed([
      { field: 'body', message: `An SMS may have at most ${SMS_MAX_CHARACTERS} characters once filled.` },
    ]);
  }
  if (!message.recipient.address) {
    throw new ApiError(
      422,
      'channel_unavailable',
      `The client has no ${ADDRESS_NAMES[message.channel]}, so ${message.channel} cannot reach them.`,
      { channel: message.channel },
    );
  }
  return message.recipient.address;
}

export type MessageRow = Selectable<MessageTable>;

/**
 * Records the message, then sends it. The row exists before the provider is called, so a crash
 * mid-send leaves a `queued` trace instead of a message nobody knows went out.
 */
export async function sendComposed(
  access: ClientAccess,
  channels: Channels,
  /** null: a message to a staff member (an export's link), not to a client. */
  clientId: string | null,
  message: ComposedMessage,
  kind = 'manual',
): Promise<MessageRow> {
  const to = assertSendable(message);
  const { tenant } = access;
  const queued = await tenant
    .insertInto('messages', {
      client_id: clientId,
      channel: message.channel,
      kind,
      status: 'queued',
      to_address: to,
      subject: message.subject,
      body: message.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return deliver(tenant, channels, queued.id, message, to, access.now);
}

/** Hands a recorded message to its channel and records the outcome on its row. */
export async function deliver(
  tenant: ClientAccess['tenant'],
  channels: Channels,
  id: string,
  message: Pick<ComposedMessage, 'channel' | 'recipient' | 'subject' | 'body'>,
  to: string,
  now: Date,
): Promise<MessageRow> {
  let outcome: Updateable<MessageTable>;
  try {
    const sent = await channels[message.channel].send({
      id,
      channel: message.channel,
      to,
      toName: message.recipient.name,
      subject: message.subject,
      body: message.body,
      push: message.recipient.push,
    });
    outcome = { status: 'sent', ...sent, sent_at: now };
  } catch (error) {
    // A provider's refusal is part of the message's history, not a server error.
    outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  // Only a row still in flight: a delivery report may already have moved it on.
  const settled = await tenant
    .updateTable('messages')
    .set({ ...outcome, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'sending'])
    .returningAll()
    .executeTakeFirst();
  return settled ?? tenant.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

// Writing to one client from the card: the template is filled for that client, checked for the channel,
// recorded in `messages`, then handed to the channel. Bulk sends and e-cards build on the same steps.
import type { Selectable, Updateable } from 'kysely';
import { type ClientAccess, visibleClients } from '../clients/access';
import type { Client, MessageTable } from '../db/schema';
import { ApiError, notFound, validationFailed } from '../http/errors';
import type { ChannelName, Channels, PushTarget } from './channel';
import { fillPlaceholders, formatMoney, type PlaceholderValues } from './placeholders';
import { type SmsSegments, smsSegments } from './sms-segments';

export const SMS_MAX_CHARACTERS = 1600;

export interface MessageInput {
  channel: ChannelName;
  subject?: string | null | undefined;
  body: string;
}

interface Recipient {
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

async function placeholderValues(access: ClientAccess, client: Client): Promise<PlaceholderValues> {
  const { business } = access.tenant;
  const salon = await access.tenant.db
    .selectFrom('businesses')
    .select('name')
    .where('id', '=', business.id)
    .executeTakeFirstOrThrow();
  return {
    first_name: client.first_name,
    last_name: client.last_name ?? '',
    discount: `${client.discount}%`,
    balance: formatMoney(client.balance, business.currency, business.country),
    salon_name: salon.name,
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
  const values = await placeholderValues(access, client);
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
  clientId: string,
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
  let outcome: Updateable<MessageTable>;
  try {
    const sent = await channels[message.channel].send({
      id: queued.id,
      channel: message.channel,
      to,
      toName: message.recipient.name,
      subject: message.subject,
      body: message.body,
      push: message.recipient.push,
    });
    outcome = { status: 'sent', ...sent, sent_at: access.now };
  } catch (error) {
    // A provider's refusal is part of the message's history, not a server error.
    outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  return tenant
    .updateTable('messages')
    .set({ ...outcome, updated_at: access.now })
    .where('id', '=', queued.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// A message to a whole selection. Every recipient gets one `messages` row of this campaign (a unique
// index) before anything is sent, and a row moves queued → sending before it is handed to the provider:
// a job resumed after a crash sends the rows still queued and never retries one left sending, so
// nobody gets a second copy. Bulk messages
// count as marketing: no consent, the channel switched off in the card, or no address → skipped, with
// the reason on the row.
import { setTimeout as sleep } from 'node:timers/promises';
import { smsSegments } from '@clientbase/shared/sms-segments';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ClientAccess } from '../clients/access';
import { countDataLog } from '../data-log/record';
import type { JobContext } from '../jobs/queue';
import { CHANNEL_NAMES, type ChannelName, type Channels, type PushTarget } from '../messaging/channel';
import { fillPlaceholders } from '../messaging/placeholders';
import { assertSendable, type ComposedMessage, deliver, placeholderValues, salonName } from '../messaging/send';
import type { ScopedDb } from '../tenancy/scoped-db';
import { jobAccess, jobAccessSchema } from './job-access';
import { type Selection, selectedClients, selectedIdBatches, selectionSchema } from './selection';

const BATCH = 200;

export const SKIP_REASONS = ['no_consent', 'channel_off', 'no_address'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

const REASON_TEXT: Record<SkipReason, string> = {
  no_consent: 'The client has not agreed to marketing messages.',
  channel_off: 'The client switched these messages off for this channel.',
  no_address: 'The client has no address for this channel.',
};

const STOPPED = 'The send was stopped before this message went out.';

const INTERRUPTED =
  'Interrupted by a restart before the provider confirmed it; not sent again, so it cannot arrive twice.';

export const sendParams = z.object({
  selection: selectionSchema,
  access: jobAccessSchema,
  campaign_id: z.uuid(),
  data_log_id: z.uuid(),
  channel: z.enum(CHANNEL_NAMES),
  subject: z.string().nullable(),
  body: z.string(),
  total: z.number().int().min(0),
});

/**
 * Why a client is skipped for a bulk message on `channel`, or null: the one rule, in SQL, so the estimate and the
 * send read it alike. No consent first, then the card's switch for marketing on the channel, then an address.
 */
function skipReasonOf(channel: ChannelName) {
  const address =
    channel === 'sms'
      ? sql<boolean>`clients.phone is not null`
      : channel === 'email'
        ? sql<boolean>`clients.email is not null`
        : sql<boolean>`exists (select 1 from push_subscriptions p where p.client_id = clients.id)`;
  const switchedOff = sql<boolean>`exists (select 1 from notification_settings s where s.client_id = clients.id
    and s.type = 'marketing' and s.channel = ${channel} and s.enabled = false)`;
  return sql<SkipReason | null>`case when not clients.marketing_allowed then 'no_consent'
    when ${switchedOff} then 'channel_off' when not ${address} then 'no_address' end`;
}

interface Candidate {
  id: string;
  first_name: string;
  last_name: string | null;
  discount: number;
  balance: number;
  phone: string | null;
  email: string | null;
  skip_reason: SkipReason | null;
}

/** The batch's clients with what the message needs, and why each is skipped, if it is. */
async function candidates(tenant: ScopedDb, ids: string[], channel: ChannelName): Promise<Candidate[]> {
  return tenant
    .selectFrom('clients')
    .select([
      'clients.id',
      'clients.first_name',
      'clients.last_name',
      'clients.discount',
      'clients.balance',
      'clients.phone',
      'clients.email',
      skipReasonOf(channel).as('skip_reason'),
    ])
    .where('clients.id', 'in', ids)
    .orderBy('clients.id')
    .execute();
}

async function devices(tenant: ScopedDb, ids: string[]): Promise<Map<string, PushTarget[]>> {
  const rows = await tenant
    .selectFrom('push_subscriptions')
    .select(['client_id', 'endpoint', 'p256dh', 'auth'])
    .where('client_id', 'in', ids)
    .orderBy('created_at', 'desc')
    .execute();
  const byClient = new Map<string, PushTarget[]>();
  for (const { client_id, ...device } of rows) byClient.set(client_id, [...(byClient.get(client_id) ?? []), device]);
  return byClient;
}

function addressOf(client: Candidate, channel: ChannelName, push: Map<string, PushTarget[]>): string | null {
  if (channel === 'sms') return client.phone;
  if (channel === 'email') return client.email;
  return push.get(client.id)?.[0]?.endpoint ?? null;
}

interface Template {
  channel: ChannelName;
  subject: string | null;
  body: string;
}

/** Checks the template once against a sample client, so a bad placeholder or an over-long SMS is a 422 up front. */
export async function checkTemplate(access: ClientAccess, template: Template): Promise<void> {
  const sample = { first_name: 'Alexandra', last_name: 'Example', discount: 100, balance: 99_999_99 };
  const values = placeholderValues(access.tenant.business, await salonName(access.tenant), sample);
  const body = fillPlaceholders(template.body, values, 'body');
  const subject =
    template.channel === 'sms' || !template.subject ? null : fillPlaceholders(template.subject, values, 'subject');
  assertSendable({
    channel: template.channel,
    recipient: { address: 'sample', name: null },
    subject,
    body,
    characters: Array.from(body).length,
    sms: template.channel === 'sms' ? smsSegments(body) : null,
  });
}

/** Who would receive the message and who would be skipped, and why, without sending anything. */
export async function estimateSend(access: ClientAccess, selection: Selection, channel: ChannelName) {
  const rows = await (await selectedClients(access, selection))
    .select([skipReasonOf(channel).as('reason'), sql<number>`count(*)`.as('n')])
    .groupBy(sql`1`)
    .execute();
  const skipped: Record<SkipReason, number> = { no_consent: 0, channel_off: 0, no_address: 0 };
  let selected = 0;
  for (const { reason, n } of rows) {
    selected += Number(n);
    if (reason) skipped[reason] += Number(n);
  }
  const recipients = selected - skipped.no_consent - skipped.channel_off - skipped.no_address;
  return { selected, recipients, skipped };
}

/** The campaign's outcome, counted from its rows: right however many attempts it took. */
async function campaignCounts(tenant: ScopedDb, campaignId: string) {
  const rows = await tenant
    .selectFrom('messages')
    .select(['status', 'error', sql<number>`count(*)`.as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['status', 'error'])
    .execute();
  const skipped: Record<SkipReason, number> = { no_consent: 0, channel_off: 0, no_address: 0 };
  const counts = { sent: 0, delivered: 0, failed: 0, queued: 0, sending: 0, stopped: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.status === 'skipped' && row.error === STOPPED) counts.stopped += n;
    else if (row.status === 'skipped') {
      const reason = SKIP_REASONS.find((r) => REASON_TEXT[r] === row.error);
      if (reason) skipped[reason] += n;
    } else counts[row.status] += n;
  }
  return { ...counts, skipped };
}

export async function runBulkSend(context: JobContext, channels: Channels) {
  const params = sendParams.parse(context.job.params);
  const { tenant } = context;
  const access = jobAccess(tenant, params.access);
  const channel = channels[params.channel];
  // The provider's pace: one message per 1/rate seconds, so a campaign never trips its rate limit.
  const pause = channel.ratePerSecond ? 1000 / channel.ratePerSecond : 0;
  if (context.attempt > 0) {
    // A row still sending was handed over by an attempt that died before the answer: the provider may have it.
    await tenant
      .updateTable('messages')
      .set({ status: 'failed', error: INTERRUPTED, updated_at: new Date() })
      .where('campaign_id', '=', params.campaign_id)
      .where('status', '=', 'sending')
      .execute();
  }
  const salon = await salonName(tenant);
  let processed = 0;
  let stopped = false;
  for await (const ids of selectedIdBatches(access, params.selection, BATCH)) {
    if (stopped) break;
    const clients = await candidates(tenant, ids, params.channel);
    const push = params.channel === 'push' ? await devices(tenant, ids) : new Map<string, PushTarget[]>();
    const rows = clients.map((client) => {
      const address = addressOf(client, params.channel, push);
      const reason = client.skip_reason;
      const values = placeholderValues(tenant.business, salon, client);
      const message: Omit<ComposedMessage, 'characters' | 'sms'> = {
        channel: params.channel,
        recipient: {
          address,
          name: [client.first_name, client.last_name].filter(Boolean).join(' '),
          push: push.get(client.id),
        },
        subject: params.subject === null ? null : fillPlaceholders(params.subject, values, 'subject'),
        body: fillPlaceholders(params.body, values, 'body'),
      };
      return { client, reason, message };
    });
    await tenant.transaction(async (tx) => {
      const inserted = await tx
        .insertInto(
          'messages',
          rows.map(({ client, reason, message }) => ({
            client_id: client.id,
            campaign_id: params.campaign_id,
            channel: params.channel,
            kind: 'bulk',
            status: reason ? ('skipped' as const) : ('queued' as const),
            error: reason ? REASON_TEXT[reason] : null,
            to_address: message.recipient.address,
            subject: message.subject,
            body: message.body,
          })),
        )
        .onConflict((oc) => oc.columns(['campaign_id', 'client_id']).where('campaign_id', 'is not', null).doNothing())
        .returning('status')
        .execute();
      await countDataLog(tx, params.data_log_id, inserted.filter((row) => row.status === 'queued').length);
    });
    // This attempt's rows and any an earlier attempt recorded but never handed over.
    const pending = await tenant
      .selectFrom('messages')
      .select(['id', 'client_id'])
      .where('campaign_id', '=', params.campaign_id)
      .where('client_id', 'in', ids)
      .where('status', '=', 'queued')
      .orderBy('client_id')
      .execute();
    const byClient = new Map(rows.map((row) => [row.client.id, row.message]));
    for (const [index, row] of pending.entries()) {
      if (await context.stopRequested()) {
        stopped = true;
        break;
      }
      const message = byClient.get(row.client_id as string);
      if (!message?.recipient.address) continue;
      // The claim: only the attempt that moves the row to sending may hand it to the provider.
      const claimed = await tenant
        .updateTable('messages')
        .set({ status: 'sending', updated_at: new Date() })
        .where('id', '=', row.id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (!claimed.numUpdatedRows) continue;
      await deliver(tenant, channels, row.id, message, message.recipient.address, new Date());
      // Per message, not per batch: a paced batch of 200 SMS takes minutes.
      await context.progress(params.total ? (processed + index + 1) / params.total : 0);
      if (pause) await sleep(pause);
    }
    processed += ids.length;
    await context.progress(params.total ? processed / params.total : 1);
  }
  if (stopped) {
    // Recorded but never handed over: they say so, rather than waiting in the queue forever.
    await tenant
      .updateTable('messages')
      .set({ status: 'skipped', error: STOPPED, updated_at: new Date() })
      .where('campaign_id', '=', params.campaign_id)
      .where('status', '=', 'queued')
      .execute();
  }
  const counts = await campaignCounts(tenant, params.campaign_id);
  await tenant
    .updateTable('campaigns')
    .set({ status: stopped ? 'stopped' : 'done', counts: JSON.stringify(counts) })
    .where('id', '=', params.campaign_id)
    .execute();
  await countDataLog(tenant, params.data_log_id, 0, { result: counts });
  return { action: 'send_message', campaign_id: params.campaign_id, ...counts };
}

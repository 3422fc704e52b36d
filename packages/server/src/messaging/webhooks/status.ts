// A provider's delivery report applied to the message row. Reports arrive late, twice and out of order, so a
// status only moves forward: queued → sending → sent → delivered | failed, and the final ones are never replaced.
import type { Kysely, Selectable } from 'kysely';
import type { Database, MessageTable } from '../../db/schema';
import type { ChannelName } from '../channel';

export type DeliveryStatus = 'sent' | 'delivered' | 'failed';
type MessageStatus = Selectable<MessageTable>['status'];

const MOVES_FROM: Record<DeliveryStatus, MessageStatus[]> = {
  sent: ['queued', 'sending'],
  delivered: ['queued', 'sending', 'sent'],
  failed: ['queued', 'sending', 'sent'],
};

export interface DeliveryReport {
  messageId: string;
  channel: ChannelName;
  provider: string;
  providerMessageId: string | null;
  status: DeliveryStatus;
  error: string | null;
  at: Date;
}

export type ReportOutcome = 'updated' | 'unchanged' | 'unknown_message';

/**
 * Provider accounts are the operator's, shared by every business, so a report is not tied to a tenant: the
 * message id it carries, which we gave the provider with the message, names the row.
 */
export async function applyDeliveryReport(db: Kysely<Database>, report: DeliveryReport): Promise<ReportOutcome> {
  // Only a message this provider carries: a report cannot touch another channel's or provider's row.
  const ours = { id: report.messageId, channel: report.channel, provider: report.provider };
  const updated = await db
    .updateTable('messages')
    .set((eb) => ({
      status: report.status,
      error: report.status === 'failed' ? report.error : eb.ref('error'),
      provider: eb.fn.coalesce('provider', eb.val(report.provider)),
      provider_message_id: eb.fn.coalesce('provider_message_id', eb.val(report.providerMessageId)),
      sent_at: report.status === 'failed' ? eb.ref('sent_at') : eb.fn.coalesce('sent_at', eb.val(report.at)),
      updated_at: report.at,
    }))
    .where('id', '=', ours.id)
    .where('channel', '=', ours.channel)
    .where((eb) => eb.or([eb('provider', 'is', null), eb('provider', '=', ours.provider)]))
    .where('status', 'in', MOVES_FROM[report.status])
    .where((eb) =>
      report.providerMessageId === null
        ? eb.lit(true)
        : eb.or([eb('provider_message_id', 'is', null), eb('provider_message_id', '=', report.providerMessageId)]),
    )
    .executeTakeFirst();
  if (updated.numUpdatedRows > 0n) return 'updated';
  const known = await db
    .selectFrom('messages')
    .select('id')
    .where('id', '=', ours.id)
    .where('channel', '=', ours.channel)
    .executeTakeFirst();
  return known ? 'unchanged' : 'unknown_message';
}

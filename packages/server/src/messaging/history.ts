// A client's messages as the card lists them: newest first, every field.
import { type Paging, paged } from '../http/paging';
import type { ScopedDb } from '../tenancy/scoped-db';
import type { MessageRow } from './send';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function messageView(row: MessageRow) {
  return {
    id: row.id,
    client_id: row.client_id,
    campaign_id: row.campaign_id,
    channel: row.channel,
    kind: row.kind,
    status: row.status,
    to_address: row.to_address,
    subject: row.subject,
    body: row.body,
    provider: row.provider,
    provider_message_id: row.provider_message_id,
    error: row.error,
    created_at: iso(row.created_at),
    sent_at: iso(row.sent_at),
  };
}

export function listClientMessages(tenant: ScopedDb, clientId: string, paging: Paging) {
  const query = tenant
    .selectFrom('messages')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  return paged(query, paging, messageView);
}

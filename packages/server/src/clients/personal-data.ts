// "Download this client's data": everything the business holds on one client as one JSON document, for a
// subject-access request. Stored files are listed (name, type, size, date); their bytes are downloaded
// one by one through /v1/files/:id. The export itself is recorded in the data log.
import { type Author, recordDataLog } from '../data-log/record';
import type { ClientAccess } from './access';
import { getClient } from './service';

export async function personalData(access: ClientAccess, clientId: string, author: Author) {
  const client = await getClient(access, clientId); // 404 for a client the caller cannot see
  const { tenant } = access;
  const of = (table: 'account_transactions' | 'loyalty_cards' | 'messages' | 'calls' | 'notification_settings') =>
    tenant
      .selectFrom(table)
      .selectAll()
      // biome-ignore lint/suspicious/noExplicitAny: every one of these tables has client_id
      .where('client_id' as any, '=', clientId)
      .execute();
  const appointments = await tenant
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('starts_at')
    .execute();
  const appointmentIds = appointments.map((a) => a.id);
  const [items, payments, ledger, cards, messages, calls, notifications, files, pushes] = await Promise.all([
    appointmentIds.length
      ? tenant.selectFrom('appointment_items').selectAll().where('appointment_id', 'in', appointmentIds).execute()
      : [],
    tenant.selectFrom('payments').selectAll().where('client_id', '=', clientId).execute(),
    of('account_transactions'),
    of('loyalty_cards'),
    of('messages'),
    of('calls'),
    of('notification_settings'),
    tenant
      .selectFrom('files')
      .select(['id', 'name', 'mime_type', 'size_bytes', 'created_at'])
      .where('client_id', '=', clientId)
      .execute(),
    tenant.selectFrom('push_subscriptions').select(['id', 'created_at']).where('client_id', '=', clientId).execute(),
  ]);
  const cardIds = cards.map((card) => card.id);
  const loyaltyTransactions = cardIds.length
    ? await tenant.selectFrom('loyalty_transactions').selectAll().where('card_id', 'in', cardIds).execute()
    : [];
  await recordDataLog(tenant, author, {
    action: 'personal_data_export',
    entity: 'client',
    rowCount: 1,
    details: { client_id: clientId },
  });
  return {
    exported_at: access.now.toISOString(),
    business: { id: tenant.business.id },
    client,
    appointments: appointments.map((a) => ({
      ...a,
      items: items.filter((i) => i.appointment_id === a.id),
      payments: payments.filter((p) => p.appointment_id === a.id),
    })),
    account_transactions: ledger,
    loyalty_cards: cards.map((card) => ({
      ...card,
      transactions: loyaltyTransactions.filter((t) => t.card_id === card.id),
    })),
    messages,
    calls,
    notification_settings: notifications,
    push_subscriptions: pushes,
    files,
  };
}

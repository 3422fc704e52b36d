// The client card's loyalty section: the client's loyalty status and every card ever issued to them
// (deleted ones too, flagged), each with what it was used for and its full history.
import { sql } from 'kysely';
import { type ClientAccess, visibleClients } from '../clients/access';
import { notFound } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type CardRow, cardView, isExpired } from './cards';
import { expiringBonuses, totalsOf } from './fifo';
import { type TransactionRow, transactionView } from './transactions';

interface Usage {
  payments_total: number;
  visits_count: number;
  discount_given: number;
}

/** Every transaction of the cards, oldest first (the order FIFO reads them in). */
function historyOf(tenant: ScopedDb, cardIds: string[]): Promise<TransactionRow[]> {
  return tenant
    .selectFrom('loyalty_transactions')
    .leftJoin('appointments', 'appointments.id', 'loyalty_transactions.appointment_id')
    .selectAll('loyalty_transactions')
    .select(['appointments.starts_at as appointment_starts_at', 'appointments.status as appointment_status'])
    .where('loyalty_transactions.card_id', 'in', cardIds)
    .orderBy('loyalty_transactions.created_at')
    .orderBy('loyalty_transactions.id')
    .execute();
}

/**
 * Per card: what was paid with it, and the visits (arrived appointments) it was used on, by a payment or a
 * transaction naming the appointment, with the discount given on those visits (list price less amount).
 */
async function usageOf(tenant: ScopedDb, cardIds: string[]): Promise<Map<string, Usage>> {
  const [payments, used] = await Promise.all([
    tenant
      .selectFrom('payments')
      .select(['loyalty_card_id', (eb) => eb.fn.sum<number>('amount').as('total')])
      .where('loyalty_card_id', 'in', cardIds)
      .groupBy('loyalty_card_id')
      .execute(),
    tenant
      .selectFrom('payments')
      .select(['loyalty_card_id as card_id', 'appointment_id'])
      .where('loyalty_card_id', 'in', cardIds)
      .union(
        tenant
          .selectFrom('loyalty_transactions')
          .select(['card_id', sql<string>`appointment_id`.as('appointment_id')])
          .where('card_id', 'in', cardIds)
          .where('appointment_id', 'is not', null),
      )
      .execute(),
  ]);
  const appointmentIds = [...new Set(used.map((row) => row.appointment_id))];
  const visits = appointmentIds.length
    ? await tenant
        .selectFrom('appointments')
        .leftJoin('appointment_items', 'appointment_items.appointment_id', 'appointments.id')
        .select([
          'appointments.id',
          sql<number>`coalesce(sum(greatest(appointment_items.price * appointment_items.quantity - appointment_items.amount, 0)), 0)`.as(
            'discount',
          ),
        ])
        .where('appointments.id', 'in', appointmentIds)
        .where('appointments.status', '=', 'arrived')
        .groupBy('appointments.id')
        .execute()
    : [];
  const discountOf = new Map(visits.map((visit) => [visit.id, Number(visit.discount)]));

  const usage = new Map(cardIds.map((id) => [id, { payments_total: 0, visits_count: 0, discount_given: 0 }]));
  for (const row of payments) {
    const card = usage.get(row.loyalty_card_id ?? '');
    if (card) card.payments_total = Number(row.total);
  }
  for (const row of used) {
    const card = usage.get(row.card_id ?? '');
    const discount = discountOf.get(row.appointment_id);
    if (!card || discount === undefined) continue;
    card.visits_count += 1;
    card.discount_given += discount;
  }
  return usage;
}

/** The best discount the client has: their own, or that of a card still in force. */
function bestDiscount(clientDiscount: number, cards: CardRow[], now: Date): number {
  const inForce = cards.filter((card) => !card.deleted_at && !isExpired(card, now));
  return Math.max(clientDiscount, ...inForce.map((card) => card.discount));
}

export async function loyaltyOverview(access: ClientAccess, clientId: string) {
  const { tenant, now } = access;
  const client = await visibleClients(access).select('discount').where('id', '=', clientId).executeTakeFirst();
  if (!client) throw notFound('Client');
  const cards = await tenant
    .selectFrom('loyalty_cards')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const cardIds = cards.map((card) => card.id);
  const [history, usage] = cardIds.length
    ? await Promise.all([historyOf(tenant, cardIds), usageOf(tenant, cardIds)])
    : [[], new Map<string, Usage>()];

  const items = cards.map((card) => {
    const entries = history.filter((row) => row.card_id === card.id);
    return {
      ...cardView(card, now),
      ...(usage.get(card.id) as Usage),
      totals: totalsOf(entries),
      expiring: expiringBonuses(entries, now),
      transactions: entries.map(transactionView).reverse(),
    };
  });
  const loyaltyCard = cards.find((card) => card.kind === 'loyalty' && !card.deleted_at);
  return {
    status: {
      loyalty_card_id: loyaltyCard?.id ?? null,
      card_number: loyaltyCard?.number ?? null,
      bonus_balance: loyaltyCard?.balance ?? 0,
      discount: bestDiscount(client.discount, cards, now),
    },
    items,
    total: items.length,
  };
}

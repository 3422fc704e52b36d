// Accruing and writing off a card's balance (bonuses on a loyalty card, value on a gift card). The card
// row is locked first, as payments from it are, so concurrent writers queue and each one checks the
// balance the previous left: a write-off never takes it below zero, also under a race.
import { type Selectable, sql } from 'kysely';
import type { ClientAccess } from '../clients/access';
import type { AppointmentStatus, LoyaltyTransactionTable } from '../db/schema';
import { conflict, validationFailed } from '../http/errors';
import { type Author, logLoyalty } from './audit';
import { isExpired, lockVisibleCard } from './cards';
import type { CardTransactionBody } from './schema';

export type TransactionRow = Selectable<LoyaltyTransactionTable> & {
  appointment_starts_at: Date | null;
  appointment_status: AppointmentStatus | null;
};

export function transactionView(row: TransactionRow) {
  return {
    id: row.id,
    card_id: row.card_id,
    kind: row.kind,
    amount: row.amount,
    comment: row.comment,
    promotion: row.promotion,
    expires_at: row.expires_at ? row.expires_at.toISOString() : null,
    appointment:
      row.appointment_id && row.appointment_starts_at
        ? { id: row.appointment_id, starts_at: row.appointment_starts_at.toISOString(), status: row.appointment_status }
        : null,
    created_at: row.created_at.toISOString(),
  };
}

export async function addCardTransaction(
  access: ClientAccess,
  cardId: string,
  input: CardTransactionBody,
  author: Author,
) {
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && expiresAt <= access.now)
    throw validationFailed([{ field: 'expires_at', message: 'Bonuses must expire in the future.' }]);
  return access.tenant.transaction(async (trx) => {
    const card = await lockVisibleCard(access, trx, cardId);
    if (card.deleted_at) throw conflict('card_deleted', 'This card was deleted; its balance cannot change.');
    if (card.kind === 'membership')
      throw conflict('card_has_no_balance', 'A membership counts visits; it has no balance to accrue or write off.');
    if (input.kind === 'accrue' && isExpired(card, access.now))
      throw conflict('card_expired', 'This card has expired; nothing more can be accrued on it.');
    const change = input.kind === 'accrue' ? input.amount : -input.amount;
    if (card.balance + change < 0)
      throw conflict(
        'insufficient_balance',
        `The balance is ${card.balance}, less than the ${input.amount} to write off.`,
        { balance: card.balance },
      );
    const row = await trx
      .insertInto('loyalty_transactions', {
        card_id: cardId,
        kind: input.kind,
        amount: input.amount,
        comment: input.comment,
        expires_at: expiresAt,
        // Taken after the lock, so the history's order is the order the writers queued in (FIFO relies on it).
        created_at: sql`clock_timestamp()` as unknown as Date,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('loyalty_cards')
      .set((eb) => ({ balance: eb('balance', '+', change) }))
      .where('id', '=', cardId)
      .returning('balance')
      .executeTakeFirstOrThrow();
    await logLoyalty(trx, author, 'loyalty_transaction', {
      client_id: card.client_id,
      card_id: cardId,
      transaction_id: row.id,
      kind: row.kind,
      amount: row.amount,
    });
    return {
      ...transactionView({ ...row, appointment_starts_at: null, appointment_status: null }),
      balance: updated.balance,
    };
  });
}

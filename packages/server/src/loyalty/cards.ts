// Loyalty cards, gift cards and memberships: issuing one with a number unique in the business, and
// deleting one softly, so its history stays on the client's card.
import { randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import { type ClientAccess, visibleClients } from '../clients/access';
import { refreshMembership } from '../clients/aggregates';
import type { LoyaltyCardTable } from '../db/schema';
import { conflict, notFound, validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { type Author, logLoyalty } from './audit';
import type { CardKind, IssueCardBody } from './schema';

export type CardRow = Selectable<LoyaltyCardTable>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const isExpired = (card: Pick<CardRow, 'expires_at'>, now: Date) =>
  card.expires_at !== null && card.expires_at <= now;

export function cardView(card: CardRow, now: Date) {
  return {
    id: card.id,
    client_id: card.client_id,
    kind: card.kind,
    number: card.number,
    name: card.name,
    balance: card.balance,
    visits_left: card.visits_left,
    discount: card.discount,
    expires_at: iso(card.expires_at),
    issued_at: card.issued_at.toISOString(),
    deleted_at: iso(card.deleted_at),
    deleted: card.deleted_at !== null,
    expired: isExpired(card, now),
  };
}
export type CardView = ReturnType<typeof cardView>;

/** The client's loyalty card: the one not deleted (issuing refuses a second while it lives). */
export function loyaltyCardOf(tenant: ScopedDb, clientId: string) {
  return tenant
    .selectFrom('loyalty_cards')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('kind', '=', 'loyalty')
    .where('deleted_at', 'is', null)
    .orderBy('issued_at', 'desc')
    .executeTakeFirst();
}

/**
 * The card locked FOR UPDATE inside `trx`, or 404 when it is not the business's or its client is not one
 * the caller can see. Payments lock the card the same way, so every writer of its balance queues here.
 */
export async function lockVisibleCard(access: ClientAccess, trx: ScopedDb, cardId: string): Promise<CardRow> {
  const card = await trx
    .selectFrom('loyalty_cards')
    .selectAll()
    .where('id', '=', cardId)
    .where('client_id', 'in', visibleClients({ ...access, tenant: trx }).select('id'))
    .forUpdate()
    .executeTakeFirst();
  if (!card) throw notFound('Loyalty card');
  return card;
}

// Same shape as the seeded cards (LC00012345), so numbers read alike whoever issued them.
const NUMBER_PREFIX: Record<CardKind, string> = { loyalty: 'LC', gift_card: 'GC', membership: 'MB' };
const CANDIDATES = 8;

/** A number no card of the business has; the unique constraint settles the unlikely race for one. */
async function freeCardNumber(trx: ScopedDb, kind: CardKind): Promise<string> {
  const candidates = Array.from(
    { length: CANDIDATES },
    () => `${NUMBER_PREFIX[kind]}${String(randomInt(100_000_000)).padStart(8, '0')}`,
  );
  const taken = await trx.selectFrom('loyalty_cards').select('number').where('number', 'in', candidates).execute();
  const takenNumbers = new Set(taken.map((row) => row.number));
  const free = candidates.find((number) => !takenNumbers.has(number));
  if (!free) throw new Error('No free card number among the candidates.');
  return free;
}

export async function issueCard(access: ClientAccess, clientId: string, input: IssueCardBody, author: Author) {
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && expiresAt <= access.now)
    throw validationFailed([{ field: 'expires_at', message: 'A new card must expire in the future.' }]);
  return access.tenant.transaction(async (trx) => {
    // Locked so two desks issuing a loyalty card at once queue, and the client ends up with one.
    const client = await visibleClients({ ...access, tenant: trx })
      .select(['id', 'card_number'])
      .where('id', '=', clientId)
      .forUpdate()
      .executeTakeFirst();
    if (!client) throw notFound('Client');
    if (input.kind === 'loyalty') {
      const live = await loyaltyCardOf(trx, clientId);
      if (live)
        throw conflict('loyalty_card_exists', `The client already has loyalty card ${live.number}; delete it first.`, {
          card_id: live.id,
        });
    }
    const card = await trx
      .insertInto('loyalty_cards', {
        client_id: clientId,
        kind: input.kind,
        number: await freeCardNumber(trx, input.kind),
        name: input.name,
        balance: input.balance ?? 0,
        visits_left: input.visits_left ?? null,
        discount: input.discount,
        expires_at: expiresAt,
        issued_at: access.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // A gift card's value is its first accrual, so the history always sums to the balance.
    if (card.balance > 0)
      await trx
        .insertInto('loyalty_transactions', {
          card_id: card.id,
          kind: 'accrue',
          amount: card.balance,
          comment: 'Initial value',
          expires_at: card.expires_at,
        })
        .execute();
    if (card.kind === 'membership') await refreshMembership(trx, [clientId]);
    // The client's card number is what search finds them by; a loyalty card fills it when it is empty.
    if (card.kind === 'loyalty' && !client.card_number)
      await trx
        .updateTable('clients')
        .set({ card_number: card.number, updated_at: access.now })
        .where('id', '=', clientId)
        .execute();
    await logLoyalty(trx, author, 'loyalty_card_issued', {
      client_id: clientId,
      card_id: card.id,
      kind: card.kind,
      number: card.number,
    });
    return cardView(card, access.now);
  });
}

/** Soft delete: the card keeps its history and shows as deleted; deleting it again changes nothing. */
export async function deleteCard(access: ClientAccess, cardId: string, author: Author) {
  return access.tenant.transaction(async (trx) => {
    const card = await lockVisibleCard(access, trx, cardId);
    if (card.deleted_at) return cardView(card, access.now);
    const deleted = await trx
      .updateTable('loyalty_cards')
      .set({ deleted_at: access.now })
      .where('id', '=', cardId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (card.kind === 'membership') await refreshMembership(trx, [card.client_id]);
    await logLoyalty(trx, author, 'loyalty_card_deleted', {
      client_id: card.client_id,
      card_id: card.id,
      kind: card.kind,
      number: card.number,
    });
    return cardView(deleted, access.now);
  });
}

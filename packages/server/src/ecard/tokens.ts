// E-card links carry a random 32-byte token: it is the only credential of the public page, so it is
// stored hashed (a leaked table opens no card) and a card has at most one live token at a time.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import type { ScopedDb } from '../tenancy/scoped-db';

/** 32 bytes in base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const newEcardToken = () => randomBytes(32).toString('base64url');

export const isEcardToken = (value: string) => TOKEN_SHAPE.test(value);

/** Stores `token` for the card and revokes the card's earlier ones. Run with the card row locked. */
export async function replaceCardToken(trx: ScopedDb, cardId: string, token: string, now: Date) {
  await trx
    .updateTable('ecard_tokens')
    .set({ revoked_at: now })
    .where('card_id', '=', cardId)
    .where('revoked_at', 'is', null)
    .execute();
  await trx.insertInto('ecard_tokens', { card_id: cardId, token_hash: hashToken(token), created_at: now }).execute();
}

/** Revokes every live token of the client's cards; answers how many there were. */
export async function revokeClientTokens(tenant: ScopedDb, clientId: string, now: Date): Promise<number> {
  const revoked = await tenant
    .updateTable('ecard_tokens')
    .set({ revoked_at: now })
    .where('revoked_at', 'is', null)
    .where('card_id', 'in', tenant.selectFrom('loyalty_cards').select('id').where('client_id', '=', clientId))
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows);
}

// What the e-card page may show to whoever holds the link: that one card, and nothing about the client
// beyond their first name.
import type { Kysely } from 'kysely';
import { hashToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { notFound } from '../http/errors';
import { ScopedDb, TENANT_BUSINESS_COLUMNS } from '../tenancy/scoped-db';
import { isEcardToken } from './tokens';

/** The card behind a live token, with the origins its business allows; unknown, revoked or deleted → 404. */
export async function readEcard(db: Kysely<Database>, token: string) {
  if (!isEcardToken(token)) throw notFound('E-card');
  // The token is the credential: it names the business, as a key does in authentication.
  const found = await db
    .selectFrom('ecard_tokens')
    .innerJoin('businesses', 'businesses.id', 'ecard_tokens.business_id')
    .select([...TENANT_BUSINESS_COLUMNS, 'businesses.name', 'ecard_tokens.card_id'])
    .where('ecard_tokens.token_hash', '=', hashToken(token))
    .where('ecard_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw notFound('E-card');
  const card = await new ScopedDb(db, found)
    .selectFrom('loyalty_cards')
    .innerJoin('clients', 'clients.id', 'loyalty_cards.client_id')
    .select([
      'loyalty_cards.number',
      'clients.first_name',
      'loyalty_cards.discount',
      'loyalty_cards.balance',
      'loyalty_cards.expires_at',
    ])
    .where('loyalty_cards.id', '=', found.card_id)
    .where('loyalty_cards.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!card) throw notFound('E-card');
  return {
    allowedOrigins: found.allowed_origins,
    /** For formatting the card on the page. */
    business: { country: found.country, currency: found.currency, timezone: found.timezone },
    ecard: {
      number: card.number,
      first_name: card.first_name,
      discount: card.discount,
      bonus_balance: card.balance,
      business_name: found.name,
      expires_at: card.expires_at ? card.expires_at.toISOString() : null,
    },
  };
}

// loyalty_transactions and loyalty_cards keep no author, so the data log is where "who wrote off these
// bonuses" is answered.
import type { actorOf } from '../auth/principal';
import type { ScopedDb } from '../tenancy/scoped-db';

export type Author = ReturnType<typeof actorOf>;

export async function logLoyalty(trx: ScopedDb, author: Author, action: string, details: Record<string, unknown>) {
  await trx
    .insertInto('data_log', {
      user_id: author.user_id,
      actor: author.actor,
      action,
      entity: 'loyalty_card',
      row_count: 1,
      details: JSON.stringify(details),
    })
    .execute();
}

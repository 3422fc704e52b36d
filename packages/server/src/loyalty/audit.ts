// loyalty_transactions and loyalty_cards keep no author, so the data log is where "who wrote off these
// bonuses" is answered.
import { type Author, recordDataLog } from '../data-log/record';
import type { ScopedDb } from '../tenancy/scoped-db';

export type { Author };

export function logLoyalty(trx: ScopedDb, author: Author, action: string, details: Record<string, unknown>) {
  return recordDataLog(trx, author, { action, entity: 'loyalty_card', rowCount: 1, details });
}

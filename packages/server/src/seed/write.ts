// Bulk writes: one array parameter per column, `insert … select … from unnest(…)`. A few statements
// per thousands of rows, and the same SQL on PostgreSQL and PGlite.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import {
  ACCOUNT_TRANSACTIONS,
  APPOINTMENT_ITEMS,
  APPOINTMENTS,
  type ChunkRows,
  CLIENT_CATEGORIES,
  CLIENTS,
  LOYALTY_CARDS,
  LOYALTY_TRANSACTIONS,
  MESSAGES,
  PAYMENTS,
  type TableSpec,
} from './rows';

/** Rows per statement: large enough to amortise a round trip, small enough to keep parameters modest. */
export const ROWS_PER_STATEMENT = 10_000;

export async function insertRows<Row>(
  db: Kysely<Database>,
  businessId: string,
  spec: TableSpec<Row>,
  rows: readonly Row[],
): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const slice = rows.slice(from, from + ROWS_PER_STATEMENT);
    const arrays = spec.columns.map(([column, type]) => {
      const values = new Array<unknown>(slice.length);
      for (let i = 0; i < slice.length; i++) values[i] = (slice[i] as Row)[column];
      return sql`${values}::${sql.raw(`${type}[]`)}`;
    });
    const columns = sql.join([sql.ref('business_id'), ...spec.columns.map(([column]) => sql.ref(column))]);
    await sql`insert into ${sql.table(spec.table)} (${columns})
      select ${businessId}::uuid, * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

/** Writes one chunk in foreign-key order, in one transaction: a chunk is all there or not at all. */
export async function writeChunk(db: Kysely<Database>, businessId: string, rows: ChunkRows) {
  await db.transaction().execute(async (trx) => {
    // A seed can be re-run: losing the last chunks in a crash costs nothing, waiting for each WAL flush does.
    await sql`set local synchronous_commit = off`.execute(trx);
    await insertRows(trx, businessId, CLIENTS, rows.clients);
    await insertRows(trx, businessId, CLIENT_CATEGORIES, rows.clientCategories);
    await insertRows(trx, businessId, APPOINTMENTS, rows.appointments);
    await insertRows(trx, businessId, APPOINTMENT_ITEMS, rows.appointmentItems);
    await insertRows(trx, businessId, PAYMENTS, rows.payments);
    await insertRows(trx, businessId, ACCOUNT_TRANSACTIONS, rows.accountTransactions);
    await insertRows(trx, businessId, LOYALTY_CARDS, rows.loyaltyCards);
    await insertRows(trx, businessId, LOYALTY_TRANSACTIONS, rows.loyaltyTransactions);
    await insertRows(trx, businessId, MESSAGES, rows.messages);
  });
}

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
    // unnest flattens nested arrays, so an array column travels as array literals and is cast back per row.
    const arrays = spec.columns.map(([column, type]) => {
      const values = new Array<unknown>(slice.length);
      for (let i = 0; i < slice.length; i++) {
        const value = (slice[i] as Row)[column];
        values[i] = type.endsWith('[]') ? `{${(value as string[]).join(',')}}` : value;
      }
      return sql`${values}::${sql.raw(type.endsWith('[]') ? 'text[]' : `${type}[]`)}`;
    });
    const columns = spec.columns.map(([column]) => sql.ref(column));
    const selected = spec.columns.map(([column, type]) =>
      type.endsWith('[]') ? sql`${sql.ref(`u.${column}`)}::${sql.raw(type)}` : sql.ref(`u.${column}`),
    );
    await sql`insert into ${sql.table(spec.table)} (${sql.join([sql.ref('business_id'), ...columns])})
      select ${businessId}::uuid, ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(columns)})`.execute(
      db,
    );
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

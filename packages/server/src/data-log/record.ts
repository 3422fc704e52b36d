// The data log: who did what to how many rows, for the business's own audit ("who deleted Ann?",
// "who exported the base?"). One writer, so every entry has the same shape.
import { sql } from 'kysely';
import type { actorOf } from '../auth/principal';
import type { ScopedDb } from '../tenancy/scoped-db';

export type Author = ReturnType<typeof actorOf>;

export interface DataLogEntry {
  action: string;
  entity: string;
  rowCount: number;
  details: Record<string, unknown>;
}

/** Call in the transaction of the change, so the entry exists exactly when the change does. */
export async function recordDataLog(tenant: ScopedDb, author: Author, entry: DataLogEntry): Promise<string> {
  const row = await tenant
    .insertInto('data_log', {
      user_id: author.user_id,
      actor: author.actor,
      action: entry.action,
      entity: entry.entity,
      row_count: entry.rowCount,
      details: JSON.stringify(entry.details),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A background action's entry is written when it is asked for and counts up as it goes (call in each
 * batch's transaction), so the log holds exactly what was done even if the job stops halfway.
 */
export async function countDataLog(tenant: ScopedDb, id: string, rows: number, details?: Record<string, unknown>) {
  await tenant
    .updateTable('data_log')
    .set((eb) => ({
      row_count: eb('row_count', '+', rows),
      ...(details ? { details: sql`details || ${JSON.stringify(details)}::jsonb` } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

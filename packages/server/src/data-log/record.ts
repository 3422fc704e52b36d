// The data log: who did what to how many rows, for the business's own audit ("who deleted Ann?",
// "who exported the base?"). One writer, so every entry has the same shape.
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
export async function recordDataLog(tenant: ScopedDb, author: Author, entry: DataLogEntry): Promise<void> {
  await tenant
    .insertInto('data_log', {
      user_id: author.user_id,
      actor: author.actor,
      action: entry.action,
      entity: entry.entity,
      row_count: entry.rowCount,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

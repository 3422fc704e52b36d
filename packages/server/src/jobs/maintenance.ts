// Hourly housekeeping, run by one process at a time through the job queue's schedule: expired exports
// (rows and bytes), idempotency keys past the window a client may retry in, and upload temp files or
// import scratch folders a crashed request left behind.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { deleteExpiredExports } from '../exports/store';
import { type FileStorage, uploadTempDir } from '../files/storage';

/** Retrying with the same Idempotency-Key after a day is a new request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** An upload or an import parse takes seconds to minutes; a temp entry this old belongs to no request any more. */
const TEMP_FILE_MAX_AGE_MS = 6 * 60 * 60 * 1000;

async function sweepTempFiles(config: Config, now: Date): Promise<number> {
  const folder = uploadTempDir(config);
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    // Files are uploads in flight; folders, an import parser's scratch space.
    if (info && now.getTime() - info.mtimeMs > TEMP_FILE_MAX_AGE_MS) {
      await rm(path, { force: true, recursive: true });
      removed++;
    }
  }
  return removed;
}

export async function runMaintenance(db: Kysely<Database>, storage: FileStorage, config: Config, now = new Date()) {
  const exports = await deleteExpiredExports(db, storage, now);
  const keys = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))
    .executeTakeFirst();
  const tempFiles = await sweepTempFiles(config, now);
  return { exports, idempotency_keys: Number(keys.numDeletedRows), temp_files: tempFiles };
}

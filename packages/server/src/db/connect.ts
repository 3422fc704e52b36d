// One factory for both drivers: PostgreSQL through pg when a URL is given, embedded PGlite otherwise.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import type { Database } from './schema';

export type Driver = 'postgres' | 'pglite';

/** What the job queue (pg-boss) connects through: its own small pool, or the one embedded instance. */
export type JobsBackend = { kind: 'postgres'; url: string } | { kind: 'pglite'; pglite: PGlite };

export interface DatabaseHandle {
  db: Kysely<Database>;
  driver: Driver;
  jobsBackend: JobsBackend;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Money and counts fit comfortably in a double; dates stay 'YYYY-MM-DD' so no timezone shifts them.
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (value) => Number(value),
  [NUMERIC]: (value) => Number(value),
  [DATE]: (value) => value,
};

export function pgliteExtensions() {
  return { btree_gist, pg_trgm };
}

export async function createPGlite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: pgliteExtensions(), parsers });
}

export interface ConnectOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; omitted means in memory. */
  dataDir?: string;
  poolSize?: number;
}

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Requests are many short queries: JIT compilation (~200 ms when a plan's cost crosses the threshold)
      // costs more than it saves for any of them.
      options: '-c jit=off',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection can be cut by the server (restart, failover, a forced drop): pg then emits an
    // 'error' on the pool, which would crash the process without a listener. The next query reconnects.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL connection lost: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      driver: 'postgres',
      jobsBackend: { kind: 'postgres', url: options.databaseUrl },
      close: () => db.destroy(),
    };
  }
  let release = async () => {};
  let path: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
    path = join(options.dataDir, 'pg');
  }
  const pglite = await createPGlite(path);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    driver: 'pglite',
    jobsBackend: { kind: 'pglite', pglite },
    close: async () => {
      await db.destroy();
      await release();
    },
  };
}

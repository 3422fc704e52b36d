import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { JobQueue } from '../jobs/queue';
import type { ScopedDb } from '../tenancy/scoped-db';

/** What createApp needs from the outside world; nothing is opened at import time. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  now?: () => Date;
  /** Background jobs; without it (benchmarks that never start one) bulk jobs answer 503. */
  jobs?: JobQueue;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal;
    tenant: ScopedDb;
    /** The request's clock reading; tests pin it through deps.now. */
    now: Date;
  };
}

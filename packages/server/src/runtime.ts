// Opening the database and building the app from the environment: shared by main.ts and the demo.
import { createApp } from './app';
import type { Config } from './config';
import { connect, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createLogger } from './http/logging';
import { JobQueue } from './jobs/queue';

export interface Runtime {
  handle: DatabaseHandle;
  app: ReturnType<typeof createApp>;
  jobs: JobQueue;
  /** Stops the workers (an unfinished job resumes at the next start), then the database. */
  close(): Promise<void>;
  logger: ReturnType<typeof createLogger>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const logger = createLogger(config.logLevel);
  const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  logger.info({ driver: handle.driver }, 'database ready');
  const jobs = new JobQueue(handle.db, handle.jobsBackend, logger, {
    heartbeatSeconds: config.jobsHeartbeatSeconds,
    superviseSeconds: config.jobsSuperviseSeconds,
  });
  const app = createApp({ db: handle.db, config, logger, jobs });
  // At boot, not on first use: work a previous process left unfinished resumes now.
  await jobs.start();
  const close = async () => {
    await jobs.stop();
    await handle.close();
  };
  return { handle, app, jobs, logger, close };
}

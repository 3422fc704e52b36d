// Opening the database and building the app from the environment: shared by main.ts and the demo.
import { createApp } from './app';
import type { Config } from './config';
import { connect, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createLogger } from './http/logging';

export interface Runtime {
  handle: DatabaseHandle;
  app: ReturnType<typeof createApp>;
  logger: ReturnType<typeof createLogger>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const logger = createLogger(config.logLevel);
  const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  logger.info({ driver: handle.driver }, 'database ready');
  const app = createApp({ db: handle.db, config, logger });
  return { handle, app, logger };
}

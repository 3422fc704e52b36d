export { type AppType, createApp } from './app';
export { type CreatedBusiness, createBusiness } from './business/service';
export { type Config, loadConfig } from './config';
export { connect, type DatabaseHandle, type Driver } from './db/connect';
export { migrateToLatest } from './db/migrate';
export type { Database } from './db/schema';
export { createLogger } from './http/logging';
export { openRuntime, type Runtime } from './runtime';
export { type SeedOptions, type SeedResult, seedBusiness } from './seed/seed';

import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as domain from './migrations/2026_11_25_0001_domain';
import * as userPreferences from './migrations/2026_11_25_0002_user_preferences';
import * as clientKeptHistory from './migrations/2026_11_25_0003_client_kept_history';
import * as lookupIndexes from './migrations/2026_11_25_0004_lookup_indexes';
import * as messageSending from './migrations/2026_11_25_0005_message_sending';
import * as jobCancel from './migrations/2026_11_25_0006_job_cancel';
import * as exportSize from './migrations/2026_11_25_0007_export_size';
import type { Database } from './schema';

// Listed statically so bundling or a changed working directory cannot lose a migration.
const migrations: Record<string, Migration> = {
  '2026_11_25_0001_domain': domain,
  '2026_11_25_0002_user_preferences': userPreferences,
  '2026_11_25_0003_client_kept_history': clientKeptHistory,
  '2026_11_25_0004_lookup_indexes': lookupIndexes,
  '2026_11_25_0005_message_sending': messageSending,
  '2026_11_25_0006_job_cancel': jobCancel,
  '2026_11_25_0007_export_size': exportSize,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const which = failed ? `Migration ${failed.migrationName}` : 'Migrating';
    throw new Error(`${which} failed: ${String(error)}`, { cause: error });
  }
}

// Every kind of background job and what runs it; createApp registers them with the app's services.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { runBulkCategory } from '../bulk/categories';
import { runBulkDelete } from '../bulk/delete';
import { runBulkExport } from '../bulk/export';
import { runBulkSend } from '../bulk/send';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { FileStorage } from '../files/storage';
import { commitImport } from '../imports/commit';
import type { Channels } from '../messaging/channel';
import { runMaintenance } from './maintenance';
import { type JobQueue, JobStopped } from './queue';

const importParams = z.object({
  import_id: z.uuid(),
  author: z.object({ actor: z.string(), user_id: z.uuid().nullable() }),
});

export interface JobServices {
  db: Kysely<Database>;
  config: Config;
  channels: Channels;
  storage: FileStorage;
}

export function registerJobHandlers(jobs: JobQueue, services: JobServices): void {
  jobs.register('bulk_send', (context) => runBulkSend(context, services.channels));
  jobs.register('bulk_delete', (context) => runBulkDelete(context, services.storage));
  jobs.register('bulk_category', runBulkCategory);
  jobs.register('export', (context) => runBulkExport(context, services));
  jobs.every('maintenance', '17 * * * *', () => runMaintenance(services.db, services.storage, services.config));
  jobs.register('import', (context) => {
    const params = importParams.parse(context.job.params);
    return commitImport(context.tenant, params.import_id, {
      config: services.config,
      storage: services.storage,
      author: params.author,
      onProgress: async (fraction) => {
        // Batches already committed stay (running the import again updates them, it does not duplicate).
        if (await context.stopRequested()) throw new JobStopped();
        await context.progress(fraction);
      },
    });
  });
}

// Deleting a selection in the background: batch by batch, each batch's rows, its data-log count and
// nothing else in one transaction; the stored files' bytes go after each commit. A retry after a crash
// simply continues: what was deleted is no longer selected.
import { z } from 'zod';
import { countDataLog } from '../data-log/record';
import type { FileStorage } from '../files/storage';
import type { JobContext } from '../jobs/queue';
import { jobAccess, jobAccessSchema } from './job-access';
import { selectedIdBatches, selectionSchema } from './selection';

const BATCH = 200;

export const deleteParams = z.object({
  selection: selectionSchema,
  access: jobAccessSchema,
  data_log_id: z.uuid(),
  total: z.number().int().min(0),
});

export async function runBulkDelete(context: JobContext, storage: FileStorage) {
  const params = deleteParams.parse(context.job.params);
  const access = jobAccess(context.tenant, params.access);
  let deleted = 0;
  let files = 0;
  for await (const ids of selectedIdBatches(access, params.selection, BATCH)) {
    if (await context.stopRequested()) break;
    const keys = await context.tenant.transaction(async (tx) => {
      const stored = await tx.selectFrom('files').select('storage_key').where('client_id', 'in', ids).execute();
      const result = await tx.deleteFrom('clients').where('id', 'in', ids).executeTakeFirst();
      const count = Number(result.numDeletedRows);
      await countDataLog(tx, params.data_log_id, count);
      deleted += count;
      return stored.map((file) => file.storage_key);
    });
    // Bytes cannot be rolled back, so they go only once their rows surely have.
    for (const key of keys) await storage.delete(key);
    files += keys.length;
    await context.progress(params.total ? deleted / params.total : 1);
  }
  return { action: 'delete', deleted, files };
}

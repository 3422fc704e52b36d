// POST /imports (multipart field `file`, .xlsx or .csv) → the preview; GET /imports/:id; PUT /imports/:id/mapping.
// POST /imports/:id/commit starts the commit (commit.ts) as a job.
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { actorOf } from '../auth/principal';
import type { Config } from '../config';
import { sanitizeFileName } from '../files/names';
import { receiveUpload } from '../files/receive';
import { discardUpload } from '../files/service';
import { type FileStorage, uploadTempDir } from '../files/storage';
import type { AppEnv } from '../http/env';
import { conflict } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';
import type { JobQueue } from '../jobs/queue';
import { committableMapping } from './commit';
import { IMPORT_FIELDS, type ImportField, type Mapping } from './fields';
import { createImport, findImport, importKindOf, importView, remapImport } from './service';

const UPLOAD_PATH = /^\/v1\/imports\/?$/;

/** The upload streams its own body with its own limit, so the app's JSON body limit skips it. */
export function isImportUpload(method: string, path: string): boolean {
  return method === 'POST' && UPLOAD_PATH.test(path);
}

const column = z.number().int().min(0).max(199).nullable().optional();
const mappingBody = z.strictObject({
  mapping: z.strictObject(
    Object.fromEntries(IMPORT_FIELDS.map((field) => [field, column])) as Record<ImportField, typeof column>,
  ),
});

/** null or absent: the field is not imported. */
function mappingOf(body: z.output<typeof mappingBody>): Mapping {
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const index = body.mapping[field];
    if (typeof index === 'number') mapping[field] = index;
  }
  return mapping;
}

/** Mounted under /imports behind `authenticate` (passed in, so the mount is one line). */
export const importRoutes = (
  config: Config,
  storage: FileStorage,
  jobs: JobQueue,
  authenticate: MiddlewareHandler<AppEnv>,
) =>
  new Hono<AppEnv>()
    .use('*', authenticate)
    .post('/', requirePermission('import'), async (c) => {
      const upload = await receiveUpload(
        c.req.raw,
        uploadTempDir(config),
        (filename) => {
          const clean = sanitizeFileName(filename);
          importKindOf(clean.name);
          return clean;
        },
        config.importMaxBytes,
      );
      const principal = c.get('principal');
      try {
        const created = await createImport(
          c.get('tenant'),
          config,
          storage,
          upload,
          principal.kind === 'session' ? principal.user.id : null,
        );
        return c.json(created, 201);
      } finally {
        await discardUpload(upload);
      }
    })
    .get('/:id', requirePermission('import'), idParam('Import'), async (c) => {
      return c.json(importView(await findImport(c.get('tenant'), c.req.valid('param').id)), 200);
    })
    .put('/:id/mapping', requirePermission('import'), idParam('Import'), jsonBody(mappingBody), async (c) => {
      const view = await remapImport(
        c.get('tenant'),
        config,
        storage,
        c.req.valid('param').id,
        mappingOf(c.req.valid('json')),
      );
      return c.json(view, 200);
    })
    .post('/:id/commit', requirePermission('import'), idParam('Import'), async (c) => {
      const tenant = c.get('tenant');
      const { id } = c.req.valid('param');
      committableMapping(await findImport(tenant, id));
      const author = actorOf(c.get('principal'));
      const job = await jobs.enqueue(tenant, 'import', author.user_id, async (tx) => {
        // Claimed in the job's transaction: two commits of one import cannot both start.
        const claimed = await tx
          .updateTable('imports')
          .set({ status: 'queued' })
          .where('id', '=', id)
          .where((eb) =>
            eb.or([
              eb('status', 'in', ['previewed', 'failed']),
              // Its commit was stopped before a worker took it up: nothing ran, it may be committed again.
              eb.and([
                eb('status', '=', 'queued'),
                eb('job_id', 'in', tx.selectFrom('jobs').select('id').where('status', '=', 'cancelled')),
              ]),
            ]),
          )
          .executeTakeFirst();
        if (!claimed.numUpdatedRows) {
          throw conflict('import_committed', 'This import is already committed or being committed.');
        }
        return { import_id: id, author };
      });
      await tenant.updateTable('imports').set({ job_id: job.id }).where('id', '=', id).execute();
      return c.json({ job }, 202);
    });

// Imports as stored: the uploaded file in the FileStorage under a random key, a row in `imports` with the
// mapping and the bounded preview. Every read goes through the tenant, so another business's id is 404.
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Selectable } from 'kysely';
import type { Config } from '../config';
import type { ImportTable } from '../db/schema';
import type { CleanName } from '../files/names';
import type { ReceivedFile } from '../files/receive';
import { type FileStorage, newStorageKey, uploadTempDir } from '../files/storage';
import { conflict, notFound } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { IMPORT_FIELDS, type Mapping } from './fields';
import { IMPORT_EXTENSIONS, unsupportedImportType } from './parse';
import { cleanMapping, type ImportPreview, previewFile } from './preview';
import type { ImportKind } from './protocol';
import type { ImportReport } from './report';

type ImportRow = Selectable<ImportTable>;

/** What is kept in `imports.preview`: the preview and, once committed, the commit's report. */
export interface StoredPreview extends Omit<ImportPreview, 'mapping'> {
  report?: ImportReport;
}

export function importKindOf(fileName: string): ImportKind {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const kind =
    fileName.includes('.') && Object.hasOwn(IMPORT_EXTENSIONS, extension) ? IMPORT_EXTENSIONS[extension] : undefined;
  if (!kind) throw unsupportedImportType('Import an .xlsx workbook or a .csv file (UTF-8).');
  return kind;
}

export function importView(row: ImportRow) {
  const stored = row.preview as StoredPreview;
  return {
    id: row.id,
    file_name: row.file_name,
    status: row.status,
    /** The client fields a column can fill, in our order: the mapping's keys, so a client need not keep a copy. */
    fields: [...IMPORT_FIELDS],
    mapping: cleanMapping(row.mapping, IMPORT_FIELDS),
    mapping_errors: stored.mapping_errors ?? [],
    columns: stored.columns ?? [],
    rows: stored.rows ?? [],
    errors: stored.errors ?? [],
    error_count: stored.error_count ?? 0,
    row_count: stored.row_count ?? 0,
    invalid_row_count: stored.invalid_row_count ?? 0,
    job_id: row.job_id,
    report: stored.report ?? null,
    created_at: row.created_at.toISOString(),
  };
}

export type ImportView = ReturnType<typeof importView>;

function stored(preview: ImportPreview): StoredPreview {
  const { mapping: _mapping, ...rest } = preview;
  return rest;
}

/** Previews a received upload, then keeps the file and the preview; a refused file leaves nothing behind. */
export async function createImport(
  tenant: ScopedDb,
  config: Config,
  storage: FileStorage,
  upload: ReceivedFile<CleanName>,
  createdBy: string | null,
): Promise<ImportView> {
  const kind = importKindOf(upload.accepted.name);
  const preview = await previewFile(upload.path, kind, config, tenant.business.country);
  const key = newStorageKey(tenant.businessId);
  await storage.put(key, upload.path);
  try {
    const row = await tenant
      .insertInto('imports', {
        file_name: upload.accepted.name,
        storage_key: key,
        mapping: JSON.stringify(preview.mapping),
        preview: JSON.stringify(stored(preview)),
        created_by: createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return importView(row);
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}

export async function findImport(tenant: ScopedDb, id: string): Promise<ImportRow> {
  const row = await tenant.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

/** The stored file as a local temporary file for the parser (the store may be remote), removed after `work`. */
export async function withImportFile<T>(
  config: Config,
  storage: FileStorage,
  row: ImportRow,
  work: (path: string, kind: ImportKind) => Promise<T>,
): Promise<T> {
  const kind = importKindOf(row.file_name);
  const dir = uploadTempDir(config);
  await mkdir(dir, { recursive: true });
  const path = join(dir, randomUUID());
  try {
    const handle = await open(path, 'wx', 0o600);
    await pipeline(await storage.get(row.storage_key), handle.createWriteStream());
    return await work(path, kind);
  } finally {
    await rm(path, { force: true });
  }
}

/** Re-reads the file with the user's mapping and keeps the new preview. */
export async function remapImport(
  tenant: ScopedDb,
  config: Config,
  storage: FileStorage,
  id: string,
  mapping: Mapping,
): Promise<ImportView> {
  const row = await findImport(tenant, id);
  if (row.status !== 'previewed' && row.status !== 'failed') {
    throw conflict('import_committed', 'This import was committed; upload the file again to import it anew.');
  }
  const preview = await withImportFile(config, storage, row, (path, kind) =>
    previewFile(path, kind, config, tenant.business.country, mapping),
  );
  const updated = await tenant
    .updateTable('imports')
    .set({ mapping: JSON.stringify(preview.mapping), preview: JSON.stringify({ ...stored(preview) }) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return importView(updated);
}

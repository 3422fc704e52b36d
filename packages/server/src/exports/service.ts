// One client export from start to finish, for the export job: the selection's pages → an .xlsx in the file
// store's temporary folder → stored and recorded with its download link.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SelectQueryBuilder } from 'kysely';
import type { ClientAccess } from '../clients/access';
import type { Config } from '../config';
import type { Author } from '../data-log/record';
import type { Database } from '../db/schema';
import { type FileStorage, uploadTempDir } from '../files/storage';
import type { ExportColumn } from './columns';
import { clientPages } from './pages';
import { type StoredExport, storeExport } from './store';
import { writeClientsXlsx } from './xlsx';

export interface ExportRequest {
  jobId: string;
  requestedBy: string | null;
  author: Author;
  /** From resolveColumns. */
  columns: readonly ExportColumn[];
  /** The selected clients, scoped to what the requester may see (bulk's selectedClients). */
  selected: SelectQueryBuilder<Database, 'clients', object>;
  baseUrl: string;
  onRows?: (rows: number) => void | Promise<void>;
  signal?: AbortSignal;
}

export async function exportClients(
  access: ClientAccess,
  storage: FileStorage,
  config: Config,
  request: ExportRequest,
): Promise<StoredExport & { rows: number }> {
  // Beside the store's root, so taking the file over is a rename (as for uploads).
  const folder = uploadTempDir(config);
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${randomUUID()}.xlsx`);
  try {
    const { rows } = await writeClientsXlsx(file, request.columns, clientPages(access, request.selected), {
      timezone: access.tenant.business.timezone,
      currency: access.tenant.business.currency,
      onRows: request.onRows,
      signal: request.signal,
    });
    const stored = await storeExport(access.tenant, storage, config, {
      jobId: request.jobId,
      requestedBy: request.requestedBy,
      author: request.author,
      file,
      rows,
      columns: request.columns.map((c) => c.id),
      baseUrl: request.baseUrl,
      now: new Date(),
    });
    return { ...stored, rows };
  } finally {
    // Gone already when the store took it over; left behind only by a failure.
    await rm(file, { force: true });
  }
}

// Client documents: rows in `files` for what the card lists, bytes in a FileStorage under random keys.
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import { type ClientAccess, visibleClients } from '../clients/access';
import type { FileTable } from '../db/schema';
import { notFound } from '../http/errors';
import { type Paging, paged } from '../http/paging';
import type { ScopedDb } from '../tenancy/scoped-db';
import type { CleanName } from './names';
import type { ReceivedFile } from './receive';
import { type FileStorage, newStorageKey } from './storage';
import { verifiedMimeType } from './types';

type FileRow = Selectable<FileTable>;

export function fileView(row: FileRow) {
  return {
    id: row.id,
    client_id: row.client_id,
    name: row.name,
    mime_type: row.mime_type,
    size_bytes: Number(row.size_bytes),
    uploaded_by: row.uploaded_by,
    created_at: row.created_at.toISOString(),
  };
}

export type FileView = ReturnType<typeof fileView>;

export function listClientFiles(tenant: ScopedDb, clientId: string, paging: Paging) {
  const query = tenant
    .selectFrom('files')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  return paged(query, paging, fileView);
}

/** Checks a received upload by content, moves it into storage and records it. */
export async function storeUpload(
  tenant: ScopedDb,
  storage: FileStorage,
  clientId: string,
  upload: ReceivedFile<CleanName>,
  uploadedBy: string | null,
): Promise<FileView> {
  let mimeType: string;
  const handle = await open(upload.path, 'r');
  try {
    mimeType = await verifiedMimeType(handle, upload.size, upload.accepted.extension);
  } finally {
    await handle.close();
  }
  const key = newStorageKey(tenant.businessId);
  await storage.put(key, upload.path);
  try {
    const row = await tenant
      .insertInto('files', {
        client_id: clientId,
        name: upload.accepted.name,
        mime_type: mimeType,
        size_bytes: upload.size,
        storage_key: key,
        uploaded_by: uploadedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return fileView(row);
  } catch (error) {
    // The client may have been deleted meanwhile: leave no bytes without a row.
    await storage.delete(key);
    throw error;
  }
}

/** A file of a client the caller can see; any other id is not found. */
export async function findFile(access: ClientAccess, id: string): Promise<FileRow> {
  const row = await access.tenant
    .selectFrom('files')
    .selectAll()
    .where('id', '=', id)
    .where('client_id', 'in', visibleClients(access).select('clients.id'))
    .executeTakeFirst();
  if (!row) throw notFound('File');
  return row;
}

export async function openFile(
  access: ClientAccess,
  storage: FileStorage,
  id: string,
): Promise<{ file: FileRow; content: Readable }> {
  const file = await findFile(access, id);
  return { file, content: await storage.get(file.storage_key) };
}

export async function deleteFile(access: ClientAccess, storage: FileStorage, id: string): Promise<void> {
  const file = await findFile(access, id);
  await access.tenant.deleteFrom('files').where('id', '=', file.id).execute();
  // After the row: a failure here leaves unreachable bytes, never a listed file without content.
  await storage.delete(file.storage_key);
}

/**
 * Removes the files of clients about to be deleted, rows and bytes. Call it before deleting the clients
 * (the rows would cascade away, but the bytes in storage would be orphaned).
 */
export async function deleteClientFiles(tenant: ScopedDb, clientIds: string[], storage: FileStorage): Promise<number> {
  if (clientIds.length === 0) return 0;
  const removed = await tenant
    .deleteFrom('files')
    .where('client_id', 'in', clientIds)
    .returning('storage_key')
    .execute();
  for (const { storage_key } of removed) await storage.delete(storage_key);
  return removed.length;
}

/** Removes a temporary upload that never made it into storage. */
export const discardUpload = (upload: ReceivedFile) => rm(upload.path, { force: true });

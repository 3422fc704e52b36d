import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import type { Config } from '../config';
import type { AppEnv } from '../http/env';
import { paging } from '../http/paging';
import { idParam, queryParams } from '../http/validate';
import { attachmentDisposition, sanitizeFileName } from './names';
import { receiveUpload } from './receive';
import { deleteFile, discardUpload, listClientFiles, openFile, storeUpload } from './service';
import { type FileStorage, uploadTempDir } from './storage';
import { assertAllowedExtension } from './types';

const pageQuery = z.strictObject(paging);

const UPLOAD_PATH = /^\/v1\/clients\/[^/]+\/files\/?$/;

/** The upload streams its own body with its own limit, so the app's JSON body limit skips it. */
export function isFileUpload(method: string, path: string): boolean {
  return method === 'POST' && UPLOAD_PATH.test(path);
}

/** Mounted under /clients: GET|POST /clients/:id/files. */
export const clientFileRoutes = (config: Config, storage: FileStorage) =>
  new Hono<AppEnv>()
    .get('/:id/files', requirePermission('clients_read'), idParam('Client'), queryParams(pageQuery), async (c) => {
      const access = clientAccess(c);
      const clientId = c.req.valid('param').id;
      await assertVisibleClient(access, clientId);
      return c.json(await listClientFiles(access.tenant, clientId, c.req.valid('query')), 200);
    })
    .post('/:id/files', requirePermission('files_write'), idParam('Client'), async (c) => {
      const access = clientAccess(c);
      const clientId = c.req.valid('param').id;
      // Before reading a byte of the body: nobody streams into a client they cannot see.
      await assertVisibleClient(access, clientId);
      const upload = await receiveUpload(c.req.raw, uploadTempDir(config), (filename) => {
        const clean = sanitizeFileName(filename);
        assertAllowedExtension(clean.extension);
        return clean;
      });
      const principal = c.get('principal');
      try {
        const file = await storeUpload(
          access.tenant,
          storage,
          clientId,
          upload,
          principal.kind === 'session' ? principal.user.id : null,
        );
        return c.json(file, 201);
      } finally {
        await discardUpload(upload);
      }
    });

/** Mounted under /files: GET|DELETE /files/:id. */
export const fileRoutes = (storage: FileStorage) =>
  new Hono<AppEnv>()
    .get('/:id', requirePermission('clients_read'), idParam('File'), async (c) => {
      const { file, content } = await openFile(clientAccess(c), storage, c.req.valid('param').id);
      return c.body(Readable.toWeb(content) as ReadableStream, 200, {
        'Content-Type': file.mime_type,
        'Content-Length': String(file.size_bytes),
        'Content-Disposition': attachmentDisposition(file.name),
        'X-Content-Type-Options': 'nosniff',
        // Even if a browser were talked into rendering it, the document could run nothing.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      });
    })
    .delete('/:id', requirePermission('files_write'), idParam('File'), async (c) => {
      await deleteFile(clientAccess(c), storage, c.req.valid('param').id);
      return c.body(null, 204);
    });

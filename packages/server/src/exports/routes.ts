// GET /v1/exports/:id/download. The emailed link carries `?token=`, its own credential: it needs no key or
// session, so this module is mounted before the admin middleware and authenticates only token-less requests
// (the requester's session, or the business's secret key).
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { assertPermission, authenticate } from '../auth/middleware';
import { attachmentDisposition } from '../files/names';
import type { FileStorage } from '../files/storage';
import type { AppDeps, AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { idParam } from '../http/validate';
import { localDate } from '../time/zoned';
import { type Download, downloadByToken, downloadForPrincipal } from './store';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The link is opened from an email, in a browser: a page says what happened where JSON would only puzzle.
const EXPIRED_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Download not available</title>
<h1>Download not available</h1>
<p>This export link has expired or is not valid. Export the clients again to get a new link.</p>
</html>`;

export const exportRoutes = (deps: AppDeps, storage: FileStorage) => {
  const admin = authenticate(deps);
  return new Hono<AppEnv>().get(
    '/:id/download',
    // The URL is a credential: no cache keeps it and no Referer passes it on, on errors as well.
    async (c, next) => {
      c.header('Cache-Control', 'private, no-store');
      c.header('Referrer-Policy', 'no-referrer');
      await next();
    },
    idParam('Export'),
    (c, next) => (c.req.query('token') === undefined ? admin(c, next) : next()),
    async (c) => {
      const id = c.req.valid('param').id;
      const token = c.req.query('token');
      let download: Download;
      if (token !== undefined) {
        try {
          download = await downloadByToken(deps.db, id, token, c.get('now'));
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404 && c.req.header('Accept')?.includes('text/html')))
            throw error;
          return c.html(EXPIRED_PAGE, 404, { 'Content-Security-Policy': "default-src 'none'" });
        }
      } else {
        const principal = c.get('principal');
        if (principal.kind === 'session') assertPermission(principal, 'export');
        download = await downloadForPrincipal(c.get('tenant'), principal, id, c.get('now'));
      }
      const content = await storage.get(download.storageKey);
      return c.body(Readable.toWeb(content) as ReadableStream, 200, {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachmentDisposition(
          `clients-${localDate(download.createdAt, download.timezone)}.xlsx`,
        ),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
        ...(download.sizeBytes === null ? {} : { 'Content-Length': String(download.sizeBytes) }),
      });
    },
  );
};

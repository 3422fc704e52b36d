// GET /v1/clients/:id/e-card (clients_read: the card with its codes, for the client card), POST|DELETE
// /v1/clients/:id/e-card (messages_send: sending the link is a message), and the public read
// GET /v1/public/e-card/:token, which takes no key: the token is the credential; and the page that link
// opens, GET /e-card/:token, outside /v1.
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import type { Config } from '../config';
import { checkOrigin } from '../http/cors';
import type { AppDeps, AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';
import type { Channels } from '../messaging/channel';
import { clientEcard } from './codes';
import { ecardPage, missingPage, newNonce, pageHeaders } from './page';
import { readEcard } from './public';
import { revokeEcard, sendEcard } from './send';

const sendBody = z.strictObject({ send_via: z.enum(['sms', 'email']) });

/** Mounted under /clients. */
export const clientEcardRoutes = (channels: Channels, config: Config) =>
  new Hono<AppEnv>()
    .get('/:id/e-card', requirePermission('clients_read'), idParam('Client'), async (c) => {
      return c.json(await clientEcard(clientAccess(c), c.req.valid('param').id), 200);
    })
    .post('/:id/e-card', requirePermission('messages_send'), idParam('Client'), jsonBody(sendBody), async (c) => {
      // Behind a proxy the request's origin may be an internal one: PUBLIC_BASE_URL names the public site.
      const baseUrl = config.publicBaseUrl ?? new URL(c.req.url).origin;
      const sent = await sendEcard(
        clientAccess(c),
        channels,
        c.req.valid('param').id,
        c.req.valid('json').send_via,
        baseUrl,
      );
      return c.json(sent, 201);
    })
    .delete('/:id/e-card', requirePermission('messages_send'), idParam('Client'), async (c) => {
      await revokeEcard(clientAccess(c), c.req.valid('param').id);
      return c.body(null, 204);
    });

/** Mounted at /public/e-card, before the publishable-key check. */
export const publicEcardRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/:token', async (c) => {
    // The balance changes and the URL is a credential: nothing may keep a copy.
    c.header('Cache-Control', 'no-store');
    const { allowedOrigins, ecard } = await readEcard(deps.db, c.req.param('token'));
    checkOrigin(c, allowedOrigins);
    return c.json(ecard, 200);
  });

/** Mounted at /e-card: the HTML page itself. Anything that is not a live card is one plain 404 page. */
export const ecardPageRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/:token', async (c) => {
    const nonce = newNonce();
    for (const [name, value] of Object.entries(pageHeaders(nonce))) c.header(name, value);
    try {
      const read = await readEcard(deps.db, c.req.param('token'));
      return c.html(ecardPage(read, nonce, c.get('now')), 200);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return c.html(missingPage(nonce), 404);
      throw error;
    }
  });

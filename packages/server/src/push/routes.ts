import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import type { AppDeps, AppEnv } from '../http/env';
import { notFound, validationFailed, zodDetails } from '../http/errors';
import { idParam, jsonBody } from '../http/validate';
import { removeSubscription, saveSubscription, subscriptionBody, subscriptionView } from './subscriptions';
import { vapidKeySource } from './vapid';

const removeQuery = z.strictObject({ endpoint: z.string().trim().min(1).max(2048) });

/** Mounted under /clients: GET|POST|DELETE /clients/:id/push-subscriptions (DELETE takes ?endpoint=). */
export const clientPushRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/:id/push-subscriptions', requirePermission('clients_read'), idParam('Client'), async (c) => {
      const access = clientAccess(c);
      const clientId = c.req.valid('param').id;
      await assertVisibleClient(access, clientId);
      const rows = await access.tenant
        .selectFrom('push_subscriptions')
        .select(['id', 'client_id', 'endpoint', 'created_at'])
        .where('client_id', '=', clientId)
        .orderBy('created_at', 'desc')
        .execute();
      return c.json({ items: rows.map(subscriptionView), total: rows.length }, 200);
    })
    .post(
      '/:id/push-subscriptions',
      requirePermission('clients_write'),
      idParam('Client'),
      jsonBody(subscriptionBody(deps.config.pushAllowLoopback)),
      async (c) => {
        const access = clientAccess(c);
        const clientId = c.req.valid('param').id;
        await assertVisibleClient(access, clientId);
        const { subscription, created } = await saveSubscription(access.tenant, clientId, c.req.valid('json'));
        return c.json(subscription, created ? 201 : 200);
      },
    )
    .delete('/:id/push-subscriptions', requirePermission('clients_write'), idParam('Client'), async (c) => {
      const access = clientAccess(c);
      const clientId = c.req.valid('param').id;
      // The client first: another business's client is unknown whatever the query says.
      await assertVisibleClient(access, clientId);
      const query = removeQuery.safeParse(c.req.query());
      if (!query.success) throw validationFailed(zodDetails(query.error));
      if (!(await removeSubscription(access.tenant, clientId, query.data.endpoint)))
        throw notFound('Push subscription');
      return c.body(null, 204);
    });

/** Mounted under /push: the key a browser subscribes with (`applicationServerKey`). */
export const pushRoutes = (deps: AppDeps) => {
  const vapidKeys = vapidKeySource(deps.config, deps.db);
  return new Hono<AppEnv>().get('/vapid-public-key', async (c) =>
    c.json({ public_key: (await vapidKeys()).publicKey }, 200),
  );
};

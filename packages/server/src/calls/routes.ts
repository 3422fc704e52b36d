import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import type { AppDeps, AppEnv } from '../http/env';
import { ApiError, unauthorized, validationFailed, zodDetails } from '../http/errors';
import { paging } from '../http/paging';
import { idParam, queryParams } from '../http/validate';
import { ScopedDb, TENANT_BUSINESS_COLUMNS } from '../tenancy/scoped-db';
import { ensureWebhookSecret, readWebhookSecret, rotateWebhookSecret } from './secret';
import { callEvent, listClientCalls, upsertCall } from './service';
import { BUSINESS_HEADER, SIGNATURE_HEADER, verifySignature } from './signature';

const pageQuery = z.strictObject(paging);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounted under /clients: GET /clients/:id/calls. */
export const clientCallRoutes = new Hono<AppEnv>().get(
  '/:id/calls',
  requirePermission('clients_read'),
  idParam('Client'),
  queryParams(pageQuery),
  async (c) => {
    const access = clientAccess(c);
    const clientId = c.req.valid('param').id;
    await assertVisibleClient(access, clientId);
    return c.json(await listClientCalls(access.tenant, clientId, c.req.valid('query')), 200);
  },
);

/** Mounted under /business (admin): the secret a telephony integration signs its webhooks with. */
export const webhookSecretRoutes = new Hono<AppEnv>()
  .get('/webhook-secret', requirePermission('business_manage'), async (c) => {
    const tenant = c.get('tenant');
    return c.json({ secret: await ensureWebhookSecret(tenant.db, tenant.businessId) }, 200);
  })
  .post('/webhook-secret/rotate', requirePermission('business_manage'), async (c) => {
    const tenant = c.get('tenant');
    return c.json({ secret: await rotateWebhookSecret(tenant.db, tenant.businessId) }, 200);
  });

const badSignature = () =>
  unauthorized('invalid_signature', `Sign the raw body with the business's webhook secret in ${SIGNATURE_HEADER}.`);

/** Mounted under /webhooks, outside the API-key guard: the signature is the credential. */
export const webhookRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().post('/calls', async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const businessId = c.req.header(BUSINESS_HEADER) ?? '';
    const business = UUID.test(businessId)
      ? await deps.db
          .selectFrom('businesses')
          .select(TENANT_BUSINESS_COLUMNS)
          .where('id', '=', businessId)
          .executeTakeFirst()
      : undefined;
    const secrets = [
      business ? await readWebhookSecret(deps.db, business.id) : null,
      deps.config.callsWebhookSecret ?? null,
    ].filter((secret): secret is string => secret !== null);
    // Nothing of the body is trusted, not even its JSON, before the signature holds.
    if (!business || !verifySignature(c.req.header(SIGNATURE_HEADER), raw, secrets)) throw badSignature();

    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      throw new ApiError(400, 'invalid_body', 'The body is not JSON.');
    }
    const event = callEvent.safeParse(json);
    if (!event.success) throw validationFailed(zodDetails(event.error));
    const { call, created } = await upsertCall(new ScopedDb(deps.db, business), event.data);
    return c.json(call, created ? 201 : 200);
  });

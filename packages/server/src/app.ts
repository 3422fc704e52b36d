// createApp(deps): composes the route modules. No I/O happens here or at import time.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { appointmentRoutes } from './appointments/routes';
import { authenticate, authenticatePlatform, authenticatePublic } from './auth/middleware';
import { bulkRoutes } from './bulk/routes';
import { businessRoutes } from './business/routes';
import { clientCallRoutes, webhookRoutes, webhookSecretRoutes } from './calls/routes';
import { locationRoutes, serviceRoutes, staffRoutes } from './catalogue/routes';
import { categoryRoutes } from './categories/routes';
import { clientRoutes } from './clients/routes';
import { customFieldRoutes } from './custom-fields/routes';
import { dataLogRoutes } from './data-log/routes';
import { clientEcardRoutes, ecardPageRoutes, publicEcardRoutes } from './ecard/routes';
import { exportRoutes } from './exports/routes';
import { clientFileRoutes, fileRoutes, isFileUpload } from './files/routes';
import { createFileStorage } from './files/storage';
import { preflight } from './http/cors';
import type { AppDeps, AppEnv } from './http/env';
import { ApiError, handleError } from './http/errors';
import { requestLog } from './http/logging';
import { clientAddress, rateLimit } from './http/rate-limit';
import { importRoutes, isImportUpload } from './imports/routes';
import { registerJobHandlers } from './jobs/handlers';
import { JobQueue } from './jobs/queue';
import { jobRoutes } from './jobs/routes';
import { loyaltyCardRoutes } from './loyalty/routes';
import { meRoutes } from './me/routes';
import { createChannels } from './messaging/channels';
import { clientMessageRoutes } from './messaging/routes';
import { messageWebhookRoutes } from './messaging/webhooks/routes';
import { platformRoutes } from './platform/routes';
import { publicRoutes } from './public/routes';
import { clientPushRoutes, pushRoutes } from './push/routes';
import { ruleRoutes } from './rules/routes';
import { segmentRoutes } from './segments/routes';
import { sessionRoutes } from './sessions/routes';
import { userRoutes } from './users/routes';

const JSON_BODY_LIMIT = 1024 * 1024;
const jsonBodyLimit = bodyLimit({
  maxSize: JSON_BODY_LIMIT,
  onError: () => {
    throw new ApiError(413, 'payload_too_large', `The request body is larger than ${JSON_BODY_LIMIT} bytes.`);
  },
});

export function createApp(deps: AppDeps) {
  const admin = authenticate(deps);
  const fileStorage = createFileStorage(deps.config);
  const channels = createChannels(deps.config, deps.db);
  // A benchmark's app may have no queue: asking it for a job answers 503, nothing else changes.
  const jobs = deps.jobs ?? new JobQueue(deps.db, null, deps.logger);
  registerJobHandlers(jobs, { db: deps.db, channels, storage: fileStorage, config: deps.config });
  // Each admin module is guarded by name, so unknown paths stay 404 and public/platform stay unguarded.
  const v1 = new Hono<AppEnv>()
    .use('/platform/*', authenticatePlatform(deps))
    .route('/platform', platformRoutes(deps))
    // Per address before the key is checked (so guessing keys is limited too), then per business key.
    .use(
      '/public/*',
      rateLimit(deps, deps.config.publicRateLimitPerMinute, (c) => `ip:${clientAddress(c, deps.config.trustProxy)}`),
    )
    // The e-card's token is its own credential: counted per address, answered before the key check.
    .route('/public/e-card', publicEcardRoutes(deps))
    .use('/public/*', authenticatePublic(deps))
    .use(
      '/public/*',
      rateLimit(deps, deps.config.publicKeyRateLimitPerMinute, (c) => `key:${c.get('tenant').businessId}`),
    )
    .route('/public', publicRoutes)
    // Signed per business instead of an API key.
    .route('/webhooks', webhookRoutes(deps))
    .route('/webhooks', messageWebhookRoutes(deps))
    // An export's emailed link carries its own token; without one the route asks for a key or session itself.
    .route('/exports', exportRoutes(deps, fileStorage))
    .use('/business/*', admin)
    .route('/business', businessRoutes)
    .route('/business', webhookSecretRoutes)
    .use('/users/*', admin)
    .route('/users', userRoutes)
    .use('/component-sessions/*', admin)
    .route('/component-sessions', sessionRoutes(deps))
    .use('/me/*', admin)
    .route('/me', meRoutes)
    .use('/clients/*', admin)
    .route('/clients', bulkRoutes(jobs, deps.config))
    .route('/clients', clientRoutes(fileStorage))
    .route('/clients', clientFileRoutes(deps.config, fileStorage))
    .route('/clients', clientMessageRoutes(channels))
    .route('/clients', clientPushRoutes(deps))
    .route('/clients', clientCallRoutes)
    .route('/clients', clientEcardRoutes(channels, deps.config))
    .use('/loyalty-cards/*', admin)
    .route('/loyalty-cards', loyaltyCardRoutes)
    .use('/files/*', admin)
    .route('/files', fileRoutes(fileStorage))
    .use('/categories/*', admin)
    .route('/categories', categoryRoutes)
    .use('/custom-fields/*', admin)
    .route('/custom-fields', customFieldRoutes)
    .use('/category-rules/*', admin)
    .route('/category-rules', ruleRoutes)
    .use('/segments/*', admin)
    .route('/segments', segmentRoutes)
    .use('/locations/*', admin)
    .route('/locations', locationRoutes)
    .use('/staff/*', admin)
    .route('/staff', staffRoutes)
    .use('/push/*', admin)
    .route('/push', pushRoutes(deps))
    .use('/services/*', admin)
    .route('/services', serviceRoutes)
    .use('/jobs/*', admin)
    .route('/jobs', jobRoutes)
    .use('/data-log/*', admin)
    .route('/data-log', dataLogRoutes)
    .route('/imports', importRoutes(deps.config, fileStorage, jobs, admin))
    .use('/appointments/*', admin)
    .route('/appointments', appointmentRoutes);

  const app = new Hono<AppEnv>()
    .use(requestId({ headerName: 'X-Request-Id' }))
    .use(requestLog(deps.logger))
    .use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
    .use(async (c, next) => {
      c.set('now', deps.now?.() ?? new Date());
      await next();
    })
    .use('/v1/*', preflight)
    // File uploads and imports stream through their own limits instead of being buffered here.
    .use('/v1/*', (c, next) =>
      isFileUpload(c.req.method, c.req.path) || isImportUpload(c.req.method, c.req.path)
        ? next()
        : jsonBodyLimit(c, next),
    )
    .get('/health', (c) => c.json({ status: 'ok' }, 200))
    // The page an e-card link opens: its token is the credential, counted per address like /v1/public.
    .use(
      '/e-card/*',
      rateLimit(deps, deps.config.publicRateLimitPerMinute, (c) => `ip:${clientAddress(c, deps.config.trustProxy)}`),
    )
    .route('/e-card', ecardPageRoutes(deps))
    .route('/v1', v1);

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such route.', details: null } }, 404));
  app.onError(handleError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;

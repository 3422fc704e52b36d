// GET /v1/clients/:id/stats: figures the card already shows in aggregate, so reading the client suffices.
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import type { AppEnv } from '../http/env';
import { idParam, queryParams } from '../http/validate';
import { statsQuery } from './schema';
import { clientStats } from './service';

export const statsRoutes = new Hono<AppEnv>().get(
  '/',
  requirePermission('clients_read'),
  idParam('Client'),
  queryParams(statsQuery),
  async (c) => {
    return c.json(await clientStats(clientAccess(c), c.req.valid('param').id, c.req.valid('query')), 200);
  },
);

// GET /v1/clients/:id/visits: the card's visit history. It lists appointments, so it needs the
// appointments permission as well as the client's.
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import type { AppEnv } from '../http/env';
import { idParam, queryParams } from '../http/validate';
import { visitsQuery } from './schema';
import { listVisits } from './service';

export const visitRoutes = new Hono<AppEnv>().get(
  '/',
  requirePermission('clients_read'),
  requirePermission('appointments_read'),
  idParam('Client'),
  queryParams(visitsQuery),
  async (c) => {
    return c.json(await listVisits(clientAccess(c), c.req.valid('param').id, c.req.valid('query')), 200);
  },
);

import { type Context, Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import { actorOf } from '../auth/principal';
import { clientCardRoutes } from '../client-card/routes';
import type { FileStorage } from '../files/storage';
import type { AppEnv } from '../http/env';
import { idParam, jsonBody, queryParams } from '../http/validate';
import { clientAccess } from './access';
import { personalData } from './personal-data';
import { clientBodies, listQuery, searchBody } from './schema';
import { createClient, deleteClient, getClient, listClients, updateClient } from './service';

// Phones are read in the caller's business's country, so the bodies are that country's.
const createBody = (c: Context<AppEnv>) => clientBodies(c.get('tenant').business.country).create;
const updateBody = (c: Context<AppEnv>) => clientBodies(c.get('tenant').business.country).update;

/** `storage`: deleting a client also deletes its stored files. */
export const clientRoutes = (storage: FileStorage) =>
  new Hono<AppEnv>()
    .get('/', requirePermission('clients_read'), queryParams(listQuery), async (c) => {
      const { q, ...rest } = c.req.valid('query');
      return c.json(await listClients(clientAccess(c), { query: q, ...rest }), 200);
    })
    .post('/search', requirePermission('clients_read'), jsonBody(searchBody), async (c) => {
      return c.json(await listClients(clientAccess(c), c.req.valid('json')), 200);
    })
    .post('/', requirePermission('clients_write'), jsonBody(createBody), async (c) => {
      return c.json(await createClient(clientAccess(c), c.req.valid('json'), 'admin'), 201);
    })
    .get('/:id', requirePermission('clients_read'), idParam('Client'), async (c) => {
      return c.json(await getClient(clientAccess(c), c.req.valid('param').id), 200);
    })
    .patch('/:id', requirePermission('clients_write'), idParam('Client'), jsonBody(updateBody), async (c) => {
      return c.json(await updateClient(clientAccess(c), c.req.valid('param').id, c.req.valid('json')), 200);
    })
    .get('/:id/personal-data', requirePermission('export'), idParam('Client'), async (c) => {
      const { id } = c.req.valid('param');
      const data = await personalData(clientAccess(c), id, actorOf(c.get('principal')));
      c.header('Content-Disposition', `attachment; filename="client-${id}.json"`);
      c.header('Cache-Control', 'private, no-store');
      return c.json(data, 200);
    })
    .delete('/:id', requirePermission('clients_delete'), idParam('Client'), async (c) => {
      await deleteClient(clientAccess(c), c.req.valid('param').id, storage, actorOf(c.get('principal')));
      return c.body(null, 204);
    })
    .route('/:id', clientCardRoutes);

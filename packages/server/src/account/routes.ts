// /v1/clients/:id/account: the client's balance and ledger; writing needs account_write (a session's
// `payments: false` switches it off).
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import { actorOf } from '../auth/principal';
import { clientAccess } from '../clients/access';
import type { AppEnv } from '../http/env';
import { idParam, jsonBody, queryParams } from '../http/validate';
import { addTransaction, getAccount } from './ledger';
import { accountQuery, transactionBody } from './schema';

export const accountRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('clients_read'), idParam('Client'), queryParams(accountQuery), async (c) => {
    return c.json(await getAccount(clientAccess(c), c.req.valid('param').id, c.req.valid('query')), 200);
  })
  .post(
    '/transactions',
    requirePermission('account_write'),
    idParam('Client'),
    jsonBody(transactionBody),
    async (c) => {
      const author = actorOf(c.get('principal'));
      return c.json(await addTransaction(clientAccess(c), c.req.valid('param').id, c.req.valid('json'), author), 201);
    },
  );

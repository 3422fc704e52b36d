// The loyalty section of the client card, and the cards themselves at /v1/loyalty-cards/:id. Writing needs
// loyalty_write (a session's `payments: false` switches it off).
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import { actorOf } from '../auth/principal';
import { clientAccess } from '../clients/access';
import type { AppEnv } from '../http/env';
import { idParam, jsonBody } from '../http/validate';
import { deleteCard, issueCard } from './cards';
import { loyaltyOverview } from './overview';
import { cardTransactionBody, issueCardBody } from './schema';
import { addCardTransaction } from './transactions';

/** Mounted at /clients/:id/loyalty. */
export const clientLoyaltyRoutes = new Hono<AppEnv>().get(
  '/',
  requirePermission('clients_read'),
  idParam('Client'),
  async (c) => c.json(await loyaltyOverview(clientAccess(c), c.req.valid('param').id), 200),
);

/** Mounted at /clients/:id/loyalty-cards. */
export const clientCardIssueRoutes = new Hono<AppEnv>().post(
  '/',
  requirePermission('loyalty_write'),
  idParam('Client'),
  jsonBody(issueCardBody),
  async (c) => {
    const card = await issueCard(
      clientAccess(c),
      c.req.valid('param').id,
      c.req.valid('json'),
      actorOf(c.get('principal')),
    );
    return c.json(card, 201);
  },
);

/** Mounted at /loyalty-cards. */
export const loyaltyCardRoutes = new Hono<AppEnv>()
  .post(
    '/:id/transactions',
    requirePermission('loyalty_write'),
    idParam('Loyalty card'),
    jsonBody(cardTransactionBody),
    async (c) => {
      const author = actorOf(c.get('principal'));
      const row = await addCardTransaction(clientAccess(c), c.req.valid('param').id, c.req.valid('json'), author);
      return c.json(row, 201);
    },
  )
  .delete('/:id', requirePermission('loyalty_write'), idParam('Loyalty card'), async (c) => {
    return c.json(await deleteCard(clientAccess(c), c.req.valid('param').id, actorOf(c.get('principal'))), 200);
  });

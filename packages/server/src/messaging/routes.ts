import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import type { AppEnv } from '../http/env';
import { paging } from '../http/paging';
import { idParam, jsonBody, queryParams } from '../http/validate';
import type { Channels } from './channel';
import { listClientMessages, messageView } from './history';
import { composeMessage, messageFields, SMS_MAX_CHARACTERS, sendComposed } from './send';

const pageQuery = z.strictObject(paging);

const messageBody = z.strictObject(messageFields);

/** Mounted under /clients: GET|POST /clients/:id/messages, POST /clients/:id/messages/preview. */
export const clientMessageRoutes = (channels: Channels) =>
  new Hono<AppEnv>()
    .get('/:id/messages', requirePermission('clients_read'), idParam('Client'), queryParams(pageQuery), async (c) => {
      const access = clientAccess(c);
      const clientId = c.req.valid('param').id;
      await assertVisibleClient(access, clientId);
      return c.json(await listClientMessages(access.tenant, clientId, c.req.valid('query')), 200);
    })
    .post(
      '/:id/messages/preview',
      requirePermission('messages_send'),
      idParam('Client'),
      jsonBody(messageBody),
      async (c) => {
        const composed = await composeMessage(clientAccess(c), c.req.valid('param').id, c.req.valid('json'));
        return c.json(
          {
            channel: composed.channel,
            to_address: composed.recipient.address,
            channel_available: composed.recipient.address !== null,
            subject: composed.subject,
            body: composed.body,
            characters: composed.characters,
            max_characters: composed.channel === 'sms' ? SMS_MAX_CHARACTERS : null,
            segments: composed.sms?.segments ?? null,
            sms: composed.sms,
          },
          200,
        );
      },
    )
    .post('/:id/messages', requirePermission('messages_send'), idParam('Client'), jsonBody(messageBody), async (c) => {
      const access = clientAccess(c);
      const clientId = c.req.valid('param').id;
      const composed = await composeMessage(access, clientId, c.req.valid('json'));
      const row = await sendComposed(access, channels, clientId, composed);
      return c.json({ ...messageView(row), segments: composed.sms?.segments ?? null, sms: composed.sms }, 201);
    });

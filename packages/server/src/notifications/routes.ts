// /v1/clients/:id/notification-settings: reading needs clients_read, changing clients_write.
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../auth/middleware';
import { clientAccess } from '../clients/access';
import type { AppEnv } from '../http/env';
import { idParam, jsonBody } from '../http/validate';
import { readSettings, saveSettings } from './settings';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from './types';

const settingsBody = z.strictObject({
  settings: z
    .array(
      z.strictObject({
        type: z.enum(NOTIFICATION_TYPES),
        channel: z.enum(NOTIFICATION_CHANNELS),
        enabled: z.boolean(),
      }),
    )
    .min(1)
    .max(NOTIFICATION_TYPES.length * NOTIFICATION_CHANNELS.length),
});

/** Mounted at /clients/:id/notification-settings. */
export const notificationSettingRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('clients_read'), idParam('Client'), async (c) => {
    return c.json(await readSettings(clientAccess(c), c.req.valid('param').id), 200);
  })
  .put('/', requirePermission('clients_write'), idParam('Client'), jsonBody(settingsBody), async (c) => {
    const { settings } = c.req.valid('json');
    return c.json(await saveSettings(clientAccess(c), c.req.valid('param').id, settings), 200);
  });

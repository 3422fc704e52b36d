// The client card's sections under /v1/clients/:id, each in its own module. Every section answers 404
// for a client the caller cannot see (clients/visible.ts; the ledger checks it under its lock).
import { Hono } from 'hono';
import { accountRoutes } from '../account/routes';
import type { AppEnv } from '../http/env';
import { clientCardIssueRoutes, clientLoyaltyRoutes } from '../loyalty/routes';
import { notificationSettingRoutes } from '../notifications/routes';
import { statsRoutes } from '../stats/routes';
import { visitRoutes } from '../visits/routes';

export const clientCardRoutes = new Hono<AppEnv>()
  .route('/visits', visitRoutes)
  .route('/stats', statsRoutes)
  .route('/account', accountRoutes)
  .route('/loyalty', clientLoyaltyRoutes)
  .route('/loyalty-cards', clientCardIssueRoutes)
  .route('/notification-settings', notificationSettingRoutes);

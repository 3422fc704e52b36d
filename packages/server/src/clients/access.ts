// Which clients a caller may see. In a branch network without a shared client base, a user scoped to
// some locations sees only clients who visited or were created there; everyone else sees the business.
import type { Context } from 'hono';
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/env';
import type { ScopedDb } from '../tenancy/scoped-db';
import { clientsAtLocations } from './filter';

export interface ClientAccess {
  tenant: ScopedDb;
  /** null: every client of the business. */
  locationIds: string[] | null;
  now: Date;
}

export function clientAccess(c: Context<AppEnv>): ClientAccess {
  const tenant = c.get('tenant');
  const principal = c.get('principal');
  const scoped =
    !tenant.business.shared_client_base && principal.kind === 'session' && principal.user.location_ids.length > 0;
  return { tenant, locationIds: scoped ? principal.user.location_ids : null, now: c.get('now') };
}

export function visibleClients(access: ClientAccess): SelectQueryBuilder<Database, 'clients', object> {
  const clients = access.tenant.selectFrom('clients');
  const locationIds = access.locationIds;
  return locationIds ? clients.where(clientsAtLocations(locationIds)) : clients;
}

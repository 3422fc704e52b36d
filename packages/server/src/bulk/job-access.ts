// A job acts with the access of whoever asked for it: a branch-scoped user's bulk action reaches only
// the clients they could see when they asked.
import { z } from 'zod';
import type { ClientAccess } from '../clients/access';
import type { Author } from '../data-log/record';
import type { ScopedDb } from '../tenancy/scoped-db';

export const jobAccessSchema = z.object({
  location_ids: z.array(z.uuid()).nullable(),
  actor: z.string(),
  user_id: z.uuid().nullable(),
});

export type JobAccess = z.output<typeof jobAccessSchema>;

export function jobAccessOf(access: ClientAccess, author: Author): JobAccess {
  return { location_ids: access.locationIds, actor: author.actor, user_id: author.user_id };
}

export function jobAccess(tenant: ScopedDb, stored: JobAccess): ClientAccess {
  return { tenant, locationIds: stored.location_ids, now: new Date() };
}

export function jobAuthor(stored: JobAccess): Author {
  return { actor: stored.actor, user_id: stored.user_id };
}

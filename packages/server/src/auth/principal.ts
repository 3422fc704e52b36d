import type { Role } from '../db/schema';
import type { Feature, Permission } from './permissions';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  location_ids: string[];
}

/** Who is calling, resolved once per request by the auth middleware. */
export type Principal =
  | { kind: 'secret'; businessId: string; permissions: ReadonlySet<Permission> }
  | {
      kind: 'session';
      businessId: string;
      user: SessionUser;
      features: Partial<Record<Feature, boolean>>;
      permissions: ReadonlySet<Permission>;
    }
  | { kind: 'publishable'; businessId: string };

export function actorOf(principal: Principal): { actor: string; user_id: string | null } {
  return principal.kind === 'session'
    ? { actor: `user:${principal.user.email}`, user_id: principal.user.id }
    : { actor: `${principal.kind}_key`, user_id: null };
}

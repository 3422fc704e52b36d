// Resolves the caller's credential to a Principal and a tenant-scoped database, once per request.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { checkOrigin, grant } from '../http/cors';
import type { AppDeps, AppEnv } from '../http/env';
import { ApiError, forbidden, unauthorized } from '../http/errors';
import { ScopedDb, TENANT_BUSINESS_COLUMNS } from '../tenancy/scoped-db';
import { type Feature, type Permission, permissionsFor, ROLE_PERMISSIONS } from './permissions';
import type { Principal } from './principal';
import { hashToken, tokenKind } from './tokens';

function bearer(c: Context): string {
  const header = c.req.header('Authorization');
  if (!header) throw unauthorized('missing_credential', 'Send a key or session as "Authorization: Bearer …".');
  const match = /^Bearer\s+(\S+)$/.exec(header);
  if (!match?.[1]) throw unauthorized('malformed_credential', 'The Authorization header must be "Bearer <key>".');
  return match[1];
}

// A 401 says nothing about any business, so any origin may read it (the client needs it to refresh).
function withOpenErrors<E extends AppEnv>(handler: MiddlewareHandler<E>): MiddlewareHandler<E> {
  return async (c, next) => {
    try {
      await handler(c, next);
    } catch (error) {
      const origin = c.req.header('Origin');
      if (origin && error instanceof ApiError && error.status === 401) grant(c, origin);
      throw error;
    }
  };
}

/** Admin routes: a secret key or a component session. */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const now = deps.now ?? (() => new Date());
  return withOpenErrors(
    createMiddleware<AppEnv>(async (c, next) => {
      const token = bearer(c);
      const kind = tokenKind(token);
      if (!kind) throw unauthorized('malformed_credential', 'This is not a Clientbase key or session.');
      if (kind === 'pk') throw forbidden('A publishable key can only call /v1/public/* routes.');
      const hash = hashToken(token);

      if (kind === 'sk') {
        const business = await deps.db
          .selectFrom('api_keys')
          .innerJoin('businesses', 'businesses.id', 'api_keys.business_id')
          .select(TENANT_BUSINESS_COLUMNS)
          .where('api_keys.key_hash', '=', hash)
          .where('api_keys.kind', '=', 'secret')
          .where('api_keys.revoked_at', 'is', null)
          .executeTakeFirst();
        if (!business) throw unauthorized('invalid_credential', 'Unknown or revoked key.');
        // A secret key belongs on a server; one sent by a browser has leaked.
        if (c.req.header('Origin'))
          throw forbidden('Secret keys must not be used from a browser; use a component session.');
        c.set('principal', { kind: 'secret', businessId: business.id, permissions: ROLE_PERMISSIONS.owner });
        c.set('tenant', new ScopedDb(deps.db, business));
        return next();
      }

      const session = await deps.db
        .selectFrom('component_sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('businesses as b', 'b.id', 's.business_id')
        .select([
          's.features',
          's.expires_at',
          'u.id as user_id',
          'u.email',
          'u.name',
          'u.role',
          'u.location_ids',
          'b.id',
          'b.country',
          'b.currency',
          'b.timezone',
          'b.shared_client_base',
          'b.allowed_origins',
        ])
        .where('s.token_hash', '=', hash)
        .executeTakeFirst();
      if (!session) throw unauthorized('invalid_credential', 'Unknown session.');
      if (session.expires_at <= now())
        throw unauthorized('session_expired', 'The session has expired; mint a new one.');
      checkOrigin(c, session.allowed_origins);
      const features = session.features as Partial<Record<Feature, boolean>>;
      c.set('principal', {
        kind: 'session',
        businessId: session.id,
        user: {
          id: session.user_id,
          email: session.email,
          name: session.name,
          role: session.role,
          location_ids: session.location_ids,
        },
        features,
        permissions: permissionsFor(session.role, features),
      });
      c.set('tenant', new ScopedDb(deps.db, session));
      return next();
    }),
  );
}

/** Public routes: a publishable key in X-Publishable-Key or ?key=. */
export function authenticatePublic(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return withOpenErrors(
    createMiddleware<AppEnv>(async (c, next) => {
      const token = c.req.header('X-Publishable-Key') ?? c.req.query('key');
      if (!token) throw unauthorized('missing_credential', 'Send the publishable key in X-Publishable-Key.');
      if (tokenKind(token) !== 'pk') throw unauthorized('malformed_credential', 'This is not a publishable key.');
      const business = await deps.db
        .selectFrom('api_keys')
        .innerJoin('businesses', 'businesses.id', 'api_keys.business_id')
        .select(TENANT_BUSINESS_COLUMNS)
        .where('api_keys.key_hash', '=', hashToken(token))
        .where('api_keys.kind', '=', 'publishable')
        .where('api_keys.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!business) throw unauthorized('invalid_credential', 'Unknown or revoked publishable key.');
      checkOrigin(c, business.allowed_origins);
      c.set('principal', { kind: 'publishable', businessId: business.id });
      c.set('tenant', new ScopedDb(deps.db, business));
      return next();
    }),
  );
}

/** Operator routes: the PLATFORM_KEY from the environment, compared in constant time. */
export function authenticatePlatform(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return withOpenErrors(
    createMiddleware<AppEnv>(async (c, next) => {
      const token = bearer(c);
      const expected = deps.config.platformKey;
      const given = Buffer.from(token);
      if (!expected || given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
        throw unauthorized('invalid_credential', 'Unknown platform key.');
      }
      return next();
    }),
  );
}

/** For a route whose needed permission depends on its body (a bulk action): the check requirePermission makes. */
export function assertPermission(principal: Principal, permission: Permission): void {
  if (principal.kind === 'publishable' || !principal.permissions.has(permission)) {
    throw forbidden(`This needs the "${permission}" permission.`);
  }
}

export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertPermission(c.get('principal'), permission);
    return next();
  });
}

/** Routes only a host's backend may call (minting sessions, managing keys and users). */
export const requireSecretKey: MiddlewareHandler<AppEnv> = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('principal').kind !== 'secret') throw forbidden('This route needs the secret key.');
  return next();
});

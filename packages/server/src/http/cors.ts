// CORS per business: a browser may call the API only from origins the business lists. The preflight
// carries no credentials, so it is answered for any origin; the real request is then refused (403, no
// grant) before it does anything when its Origin is not one of the business's allowed_origins.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Publishable-Key, Idempotency-Key';
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, Content-Disposition';

/** `http://localhost:*` allows any port; `https://*.example.com` one subdomain level. */
export function originMatches(origin: string, pattern: string): boolean {
  if (pattern === origin) return true;
  if (!pattern.includes('*')) return false;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[A-Za-z0-9-]+');
  return new RegExp(`^${escaped}$`).test(origin);
}

export function grant(c: Context, origin: string) {
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

export const preflight: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('Vary', 'Origin', { append: true });
  const origin = c.req.header('Origin');
  if (c.req.method === 'OPTIONS' && origin && c.req.header('Access-Control-Request-Method')) {
    grant(c, origin);
    c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  }
  await next();
};

/** Called once the caller's business is known. Requests without Origin (servers, curl) pass. */
export function checkOrigin(c: Context, allowedOrigins: readonly string[]) {
  const origin = c.req.header('Origin');
  if (!origin) return;
  if (!allowedOrigins.some((pattern) => originMatches(origin, pattern))) {
    throw new ApiError(403, 'origin_not_allowed', `Calls from ${origin} are not allowed for this business.`);
  }
  grant(c, origin);
}

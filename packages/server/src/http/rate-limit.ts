// Fixed one-minute windows counted in PostgreSQL (rate_limit_counters), so every server process behind
// a load balancer shares the same counts; an in-memory limiter would multiply the limit by the processes.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sql } from 'kysely';
import { grant } from './cors';
import type { AppDeps, AppEnv } from './env';
import { ApiError } from './errors';

const WINDOW_MS = 60_000;

/** The caller's address: the socket's, or the proxy's first X-Forwarded-For entry when trusted. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (app.request in tests)
  }
}

/**
 * Counts the request in the bucket `bucketOf` names and answers 429 with Retry-After once the bucket has
 * seen `limit` requests in the current minute.
 */
export function rateLimit(
  deps: AppDeps,
  limit: number,
  bucketOf: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (limit === 0) return next(); // 0 switches the limit off
    const now = (deps.now?.() ?? new Date()).getTime();
    const windowStart = new Date(now - (now % WINDOW_MS));
    const bucket = bucketOf(c);
    const { rows } = await sql<{ count: number }>`
      insert into rate_limit_counters (bucket, window_start, count) values (${bucket}, ${windowStart}, 1)
      on conflict (bucket, window_start) do update set count = rate_limit_counters.count + 1
      returning count`.execute(deps.db);
    const count = Number(rows[0]?.count ?? 1);
    // A bucket's first request in a window clears every past window: the table holds about one minute.
    if (count === 1) await deps.db.deleteFrom('rate_limit_counters').where('window_start', '<', windowStart).execute();
    if (count > limit) {
      // Granted to any origin: the refusal holds nothing private, and without a grant the browser reports
      // a network error, so a widget could not tell its visitor how long to wait.
      const origin = c.req.header('Origin');
      if (origin) grant(c, origin);
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
      throw new ApiError(
        429,
        'rate_limited',
        `Too many requests; try again in ${retryAfter} s.`,
        { limit, window_seconds: WINDOW_MS / 1000 },
        { 'Retry-After': String(retryAfter) },
      );
    }
    return next();
  });
}

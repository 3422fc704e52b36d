// Every environment variable the server reads, parsed in one place.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  platformKey: string | undefined;
  /** Per client address on /v1/public/*. */
  publicRateLimitPerMinute: number;
  /** Per publishable key: every visitor of a salon's site shares it, so it is a multiple of the above. */
  publicKeyRateLimitPerMinute: number;
  /** Behind a reverse proxy: take the client's address from the first X-Forwarded-For entry. */
  trustProxy: boolean;
  sessionTtlMinutes: number;
  logLevel: string;
  /** Operator-wide secret for /v1/webhooks/calls, accepted for every business besides each one's own. */
  callsWebhookSecret: string | undefined;
  /** Where links sent to clients (e-cards) point; without it, the origin the request came to. */
  publicBaseUrl: string | undefined;
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

// An origin plus an optional path prefix, without a trailing slash, so paths can be appended.
function baseUrl(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash)
    throw new Error(`${name} must be an http(s) URL without query or fragment, got "${value}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

// A short shared secret could be guessed offline from one signed request.
function secret(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new Error(`${name} must have at least 32 characters`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const perAddress = integer(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 120, 'PUBLIC_RATE_LIMIT_PER_MINUTE');
  return {
    port: integer(env.PORT, 8787, 'PORT'),
    // pnpm runs package scripts inside the package; INIT_CWD is where the user typed the command.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    platformKey: env.PLATFORM_KEY || undefined,
    publicRateLimitPerMinute: perAddress,
    publicKeyRateLimitPerMinute: integer(
      env.PUBLIC_KEY_RATE_LIMIT_PER_MINUTE,
      perAddress * 20,
      'PUBLIC_KEY_RATE_LIMIT_PER_MINUTE',
    ),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    sessionTtlMinutes: integer(env.SESSION_TTL_MINUTES, 30, 'SESSION_TTL_MINUTES'),
    logLevel: env.LOG_LEVEL || 'info',
    callsWebhookSecret: secret(env.CALLS_WEBHOOK_SECRET, 'CALLS_WEBHOOK_SECRET'),
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL, 'PUBLIC_BASE_URL'),
  };
}

// Every environment variable the server reads, parsed in one place.
import { resolve } from 'node:path';

export interface Config {
  /** A bulk category change of more clients than this runs as a job instead of answering at once. */
  bulkInlineRows: number;
  /** A job worker silent this long is presumed dead and its job retried (pg-boss heartbeat, ≥ 10). */
  jobsHeartbeatSeconds: number;
  /** How often the job supervisor looks for such jobs. */
  jobsSuperviseSeconds: number;
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
  /** Client imports: the largest upload, and the most data rows one file may have. */
  importMaxBytes: number;
  importMaxRows: number;
  /** What an .xlsx may unpack to in all (zip bombs are refused by this, not by the upload size). */
  importMaxUnpackedBytes: number;
  /** Parsing time and heap of the disposable worker that reads an import file. */
  importParseTimeoutMs: number;
  importWorkerHeapMb: number;
  /** How long an export's emailed download link (and the file behind it) lives. */
  exportLinkTtlHours: number;
  /** Email goes through Resend when set; without it the dev transport records emails. */
  resendApiKey: string | undefined;
  /** Resend's API origin (a local fake in tests); unset: https://api.resend.com. */
  resendBaseUrl: string | undefined;
  /** Every email's From: an address on a domain verified with Resend, optionally "Name <address>". */
  emailFrom: string | undefined;
  /** Verifies Resend's (Svix-signed) delivery webhooks: "whsec_…". */
  resendWebhookSecret: string | undefined;
  /** Pacing for bulk sends; unset: the provider's own limit (Resend 5/s, Twilio 1/s), none for dev. */
  emailRatePerSecond: number | undefined;
  smsRatePerSecond: number | undefined;
  smsProvider: 'dev' | 'twilio';
  twilioAccountSid: string | undefined;
  twilioAuthToken: string | undefined;
  /** A phone number, alphanumeric sender or messaging service SID (MG…). */
  twilioFrom: string | undefined;
  /** Twilio's API origin (a local fake in tests); unset: https://api.twilio.com. */
  twilioBaseUrl: string | undefined;
  pushProvider: 'dev' | 'web-push';
  /** VAPID keys (base64url); unset: generated on first use and kept in app_settings. */
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  /** Who push services contact about our traffic: a mailto: or https: URL. */
  vapidSubject: string | undefined;
  /** Dev and tests only: push endpoints on this machine (plain http allowed). Off: https on public hosts only. */
  pushAllowLoopback: boolean;
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

function rate(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return parsed;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T {
  const chosen = value || allowed[0];
  if (!allowed.includes(chosen as T)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return chosen as T;
}

function required(env: NodeJS.ProcessEnv, names: string[], reason: string): void {
  const missing = names.filter((name) => !env[name]);
  if (missing.length) throw new Error(`${missing.join(', ')} must be set ${reason}`);
}

// Svix secrets are "whsec_" + base64 of the HMAC key.
function svixSecret(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const key = value.startsWith('whsec_') ? value.slice(6) : '';
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(key)) throw new Error(`${name} must look like "whsec_<base64>"`);
  return value;
}

function base64urlKey(value: string | undefined, bytes: number, name: string): string | undefined {
  if (!value) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(value) || Buffer.from(value, 'base64url').length !== bytes)
    throw new Error(`${name} must be ${bytes} bytes in URL-safe base64 without padding`);
  return value;
}

function vapidSubject(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || !['mailto:', 'https:'].includes(url.protocol))
    throw new Error(`VAPID_SUBJECT must be a mailto: or https: URL, got "${value}"`);
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
    importMaxBytes: integer(env.IMPORT_MAX_BYTES, 10 * 1024 * 1024, 'IMPORT_MAX_BYTES'),
    importMaxRows: integer(env.IMPORT_MAX_ROWS, 100_000, 'IMPORT_MAX_ROWS'),
    importMaxUnpackedBytes: integer(env.IMPORT_MAX_UNPACKED_BYTES, 256 * 1024 * 1024, 'IMPORT_MAX_UNPACKED_BYTES'),
    importParseTimeoutMs: integer(env.IMPORT_PARSE_TIMEOUT_MS, 60_000, 'IMPORT_PARSE_TIMEOUT_MS'),
    importWorkerHeapMb: integer(env.IMPORT_WORKER_HEAP_MB, 256, 'IMPORT_WORKER_HEAP_MB'),
    exportLinkTtlHours: integer(env.EXPORT_LINK_TTL_HOURS, 168, 'EXPORT_LINK_TTL_HOURS'),
    bulkInlineRows: integer(env.BULK_INLINE_ROWS, 10_000, 'BULK_INLINE_ROWS'),
    jobsHeartbeatSeconds: Math.max(10, integer(env.JOBS_HEARTBEAT_SECONDS, 30, 'JOBS_HEARTBEAT_SECONDS')),
    jobsSuperviseSeconds: Math.max(1, integer(env.JOBS_SUPERVISE_SECONDS, 30, 'JOBS_SUPERVISE_SECONDS')),
    ...providerConfig(env),
  };
}

// Providers are optional; once one is chosen, everything it needs must be there, so a typo fails at start
// instead of at the first message.
function providerConfig(env: NodeJS.ProcessEnv) {
  if (env.RESEND_API_KEY) required(env, ['EMAIL_FROM'], 'with RESEND_API_KEY');
  const smsProvider = oneOf(env.SMS_PROVIDER, ['dev', 'twilio'] as const, 'SMS_PROVIDER');
  if (smsProvider === 'twilio')
    required(env, ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'], 'with SMS_PROVIDER=twilio');
  if (env.TWILIO_ACCOUNT_SID && !/^AC[0-9a-f]{32}$/i.test(env.TWILIO_ACCOUNT_SID))
    throw new Error('TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits');
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY))
    throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together or not at all');
  return {
    resendApiKey: env.RESEND_API_KEY || undefined,
    resendBaseUrl: baseUrl(env.RESEND_BASE_URL, 'RESEND_BASE_URL'),
    emailFrom: env.EMAIL_FROM || undefined,
    resendWebhookSecret: svixSecret(env.RESEND_WEBHOOK_SECRET, 'RESEND_WEBHOOK_SECRET'),
    emailRatePerSecond: rate(env.EMAIL_RATE_PER_SECOND, 'EMAIL_RATE_PER_SECOND'),
    smsRatePerSecond: rate(env.SMS_RATE_PER_SECOND, 'SMS_RATE_PER_SECOND'),
    smsProvider,
    twilioAccountSid: env.TWILIO_ACCOUNT_SID || undefined,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN || undefined,
    twilioFrom: env.TWILIO_FROM || undefined,
    twilioBaseUrl: baseUrl(env.TWILIO_BASE_URL, 'TWILIO_BASE_URL'),
    pushProvider: oneOf(env.PUSH_PROVIDER, ['dev', 'web-push'] as const, 'PUSH_PROVIDER'),
    vapidPublicKey: base64urlKey(env.VAPID_PUBLIC_KEY, 65, 'VAPID_PUBLIC_KEY'),
    vapidPrivateKey: base64urlKey(env.VAPID_PRIVATE_KEY, 32, 'VAPID_PRIVATE_KEY'),
    vapidSubject: vapidSubject(env.VAPID_SUBJECT),
    pushAllowLoopback: env.PUSH_ALLOW_LOOPBACK === '1' || env.PUSH_ALLOW_LOOPBACK === 'true',
  };
}

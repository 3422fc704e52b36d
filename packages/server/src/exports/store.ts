// A finished export: its bytes in the file store, a row in `exports` with a download token kept only as a
// hash (the emailed link is the credential; a leaked table opens no file), and an expiry after which both go.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import type { Config } from '../config';
import { type Author, recordDataLog } from '../data-log/record';
import type { Database } from '../db/schema';
import { type FileStorage, newStorageKey } from '../files/storage';
import { notFound } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';

/** 32 random bytes in base64url, as e-card links. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const newExportToken = () => randomBytes(32).toString('base64url');

export interface NewExport {
  jobId: string;
  /** The user who asked (their session may download it); null when a secret key asked. */
  requestedBy: string | null;
  author: Author;
  /** A finished file under the store's temporary folder (uploadTempDir): the store takes it over. */
  file: string;
  rows: number;
  columns: string[];
  /** Where the link points: PUBLIC_BASE_URL, or the origin the export was requested at (exportBaseUrl). */
  baseUrl: string;
  now: Date;
}

export interface StoredExport {
  export_id: string;
  /** The download link with its token: shown once, emailed to the requester or put in the job's result. */
  url: string;
  expires_at: string;
}

/** Behind a proxy the request's origin may be an internal one: PUBLIC_BASE_URL names the public site. */
export function exportBaseUrl(config: Config, requestUrl: string): string {
  return config.publicBaseUrl ?? new URL(requestUrl).origin;
}

/**
 * Stores the file and records the export (and, once per job, the data log entry) in one transaction. A job
 * that runs again after a crash replaces its earlier export instead of leaving a second one behind.
 */
export async function storeExport(
  tenant: ScopedDb,
  storage: FileStorage,
  config: Config,
  input: NewExport,
): Promise<StoredExport> {
  const key = newStorageKey(tenant.businessId);
  const size = (await stat(input.file)).size;
  await storage.put(key, input.file);
  const token = newExportToken();
  const expiresAt = new Date(input.now.getTime() + config.exportLinkTtlHours * 3_600_000);
  let replaced: (string | null)[];
  let exportId: string;
  try {
    ({ replaced, exportId } = await tenant.transaction(async (tx) => {
      const earlier = await tx
        .deleteFrom('exports')
        .where('job_id', '=', input.jobId)
        .returning('storage_key')
        .execute();
      const row = await tx
        .insertInto('exports', {
          job_id: input.jobId,
          requested_by: input.requestedBy,
          storage_key: key,
          token_hash: hashToken(token),
          expires_at: expiresAt,
          created_at: input.now,
          size_bytes: size,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!earlier.length) {
        await recordDataLog(tx, input.author, {
          action: 'export',
          entity: 'client',
          rowCount: input.rows,
          details: { export_id: row.id, job_id: input.jobId, columns: input.columns, format: 'xlsx' },
        });
      }
      return { replaced: earlier.map((e) => e.storage_key), exportId: row.id };
    }));
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
  // After the commit, as for client files: bytes cannot be rolled back, so they go once the rows surely have.
  for (const old of replaced) if (old) await storage.delete(old);
  return {
    export_id: exportId,
    url: `${input.baseUrl}/v1/exports/${exportId}/download?token=${token}`,
    expires_at: expiresAt.toISOString(),
  };
}

export interface Download {
  storageKey: string;
  /** Null for exports made before sizes were kept. */
  sizeBytes: number | null;
  /** When it was made, for the file name (a date in the business's zone). */
  createdAt: Date;
  timezone: string;
}

const sameHash = (a: string, b: string) => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * The export `id` opened by its link's token, which is the only credential (it names the business, as a key
 * does). Anything else — unknown id, wrong token, expired, no file — is the same 404, so a guess learns nothing.
 */
export async function downloadByToken(db: Kysely<Database>, id: string, token: string, now: Date): Promise<Download> {
  const row = TOKEN_SHAPE.test(token)
    ? await db
        .selectFrom('exports')
        .innerJoin('businesses', 'businesses.id', 'exports.business_id')
        .select([
          'exports.token_hash',
          'exports.storage_key',
          'exports.size_bytes',
          'exports.expires_at',
          'exports.created_at',
        ])
        .select('businesses.timezone')
        .where('exports.id', '=', id)
        .executeTakeFirst()
    : undefined;
  // The row is found by id and the token compared in constant time, so timing tells nothing about a hash.
  if (!row?.token_hash || !row.storage_key || !sameHash(hashToken(token), row.token_hash) || row.expires_at <= now)
    throw notFound('Export');
  return { storageKey: row.storage_key, sizeBytes: row.size_bytes, createdAt: row.created_at, timezone: row.timezone };
}

/**
 * The export `id` for a caller with a key or session: the business's secret key may open any of its exports;
 * a session only the exports its own user asked for. Another user's export answers 404, like another
 * business's: an export is a private copy of the base, and others need not learn that it exists.
 */
export async function downloadForPrincipal(
  tenant: ScopedDb,
  principal: Principal,
  id: string,
  now: Date,
): Promise<Download> {
  const row = await tenant
    .selectFrom('exports')
    .select(['requested_by', 'storage_key', 'size_bytes', 'expires_at', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const allowed =
    principal.kind === 'secret' || (principal.kind === 'session' && row?.requested_by === principal.user.id);
  if (!row?.storage_key || !allowed || row.expires_at <= now) throw notFound('Export');
  return {
    storageKey: row.storage_key,
    sizeBytes: row.size_bytes,
    createdAt: row.created_at,
    timezone: tenant.business.timezone,
  };
}

/**
 * Deletes expired exports, bytes first and then rows, across all businesses (a periodic maintenance job, like
 * the authentication lookups it is not scoped to one tenant). Bytes first: a row whose bytes are gone is
 * already unusable (expired), while bytes without a row would never be found again. Answers how many.
 */
export async function deleteExpiredExports(
  db: Kysely<Database>,
  storage: FileStorage,
  now: Date,
  batchSize = 500,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const expired = await db
      .selectFrom('exports')
      .select(['id', 'storage_key'])
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(batchSize)
      .execute();
    if (!expired.length) return deleted;
    for (const row of expired) if (row.storage_key) await storage.delete(row.storage_key);
    await db
      .deleteFrom('exports')
      .where(
        'id',
        'in',
        expired.map((row) => row.id),
      )
      .execute();
    deleted += expired.length;
    if (expired.length < batchSize) return deleted;
  }
}

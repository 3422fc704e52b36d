// Idempotency-Key: the same key from the same business answers the first result and writes nothing new.
// The key is claimed by an insert in the work's own transaction: a concurrent request with the key waits
// on that row and then replays the stored answer; a failed first attempt rolls its claim back with it.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ScopedDb } from '../tenancy/scoped-db';
import { ApiError, validationFailed } from './errors';

export interface Answer<T> {
  status: ContentfulStatusCode;
  body: T;
}

/** The request's Idempotency-Key header: 1–255 visible ASCII characters, or undefined when absent. */
export function idempotencyKey(c: Context): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw validationFailed([{ field: 'Idempotency-Key', message: 'Use 1–255 visible ASCII characters.' }]);
  return key;
}

export async function idempotent<T>(
  tenant: ScopedDb,
  key: string | undefined,
  request: unknown,
  work: (tx: ScopedDb) => Promise<Answer<T>>,
): Promise<Answer<T> & { replayed: boolean }> {
  return tenant.transaction(async (tx) => {
    if (key === undefined) return { ...(await work(tx)), replayed: false };
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const claimed = await tx
      .insertInto('idempotency_keys', { key, request_hash: requestHash })
      .onConflict((oc) => oc.columns(['business_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await tx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.request_hash !== requestHash)
        throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was sent with a different request.');
      return { status: stored.status_code as ContentfulStatusCode, body: stored.response as T, replayed: true };
    }
    const answer = await work(tx);
    await tx
      .updateTable('idempotency_keys')
      .set({ status_code: answer.status, response: JSON.stringify(answer.body) })
      .where('key', '=', key)
      .execute();
    return { ...answer, replayed: false };
  });
}

// A client's devices subscribed to push: one row per browser PushSubscription, as the browser's
// `subscription.toJSON()` gives it ({ endpoint, keys: { p256dh, auth } }).
import { ECDH } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type { PushSubscriptionTable } from '../db/schema';
import { conflict } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { endpointProblem } from './endpoint';

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .trim()
    // Browsers give it unpadded; some libraries pad.
    .transform((value) => value.replace(/=+$/, ''))
    .refine(
      (value) => /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, 'base64url').length === bytes,
      `${what}: ${bytes} bytes in URL-safe base64.`,
    );

function isP256Point(value: string): boolean {
  try {
    ECDH.convertKey(Buffer.from(value, 'base64url'), 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

export const subscriptionBody = (allowLoopback: boolean) =>
  z.strictObject({
    endpoint: z
      .string()
      .trim()
      .superRefine((endpoint, ctx) => {
        const problem = endpointProblem(endpoint, allowLoopback);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    keys: z.object({
      // The browser's ECDH public key (uncompressed P-256 point) and the 16-byte auth secret.
      p256dh: base64url(65, 'An uncompressed P-256 public key').refine(isP256Point, 'Not a P-256 public key.'),
      auth: base64url(16, 'The auth secret'),
    }),
    // PushSubscription.toJSON() carries it; accepted so the browser's object can be posted as is.
    expirationTime: z.number().nullish(),
  });

export type SubscriptionInput = z.output<ReturnType<typeof subscriptionBody>>;

export function subscriptionView(
  row: Pick<Selectable<PushSubscriptionTable>, 'id' | 'client_id' | 'endpoint' | 'created_at'>,
) {
  return { id: row.id, client_id: row.client_id, endpoint: row.endpoint, created_at: row.created_at.toISOString() };
}

/**
 * Stores the device for the client. A device re-subscribing (new keys) or changing hands within the business
 * (a shared tablet) keeps one row. Endpoints are unique across businesses, and one held by another business
 * is not taken from it: 409.
 */
export async function saveSubscription(tenant: ScopedDb, clientId: string, input: SubscriptionInput) {
  const columns = { client_id: clientId, p256dh: input.keys.p256dh, auth: input.keys.auth };
  const row = await tenant
    .insertInto('push_subscriptions', { endpoint: input.endpoint, ...columns })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet(columns).where('push_subscriptions.business_id', '=', tenant.businessId),
    )
    .returning(['id', 'client_id', 'endpoint', 'created_at'])
    // xmax is 0 only for a row this statement inserted.
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirst();
  if (!row)
    throw conflict('push_endpoint_in_use', 'This push endpoint is registered elsewhere; subscribe the device again.');
  return { subscription: subscriptionView(row), created: row.inserted };
}

/** Removes the client's device; true when there was one. */
export async function removeSubscription(tenant: ScopedDb, clientId: string, endpoint: string): Promise<boolean> {
  const result = await tenant
    .deleteFrom('push_subscriptions')
    .where('client_id', '=', clientId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

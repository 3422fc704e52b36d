// Each business signs its telephony webhooks with its own secret, made on first request and kept in the
// business's settings (HMAC needs the secret itself, so it cannot be stored hashed like API keys).
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

const SETTING = 'calls_webhook_secret';

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function setSecret(db: Kysely<Database>, businessId: string, secret: string) {
  return db
    .updateTable('businesses')
    .set({ settings: sql<string>`jsonb_set(settings, ${sql.lit(`{${SETTING}}`)}, to_jsonb(${secret}::text))` })
    .where('id', '=', businessId);
}

/** The business's secret, or null when none was made yet. */
export async function readWebhookSecret(db: Kysely<Database>, businessId: string): Promise<string | null> {
  const row = await db
    .selectFrom('businesses')
    .select(sql<string | null>`settings->>${SETTING}`.as('secret'))
    .where('id', '=', businessId)
    .executeTakeFirst();
  return row?.secret ?? null;
}

/** The business's secret, made now if it has none; concurrent first calls agree on one. */
export async function ensureWebhookSecret(db: Kysely<Database>, businessId: string): Promise<string> {
  await setSecret(db, businessId, newSecret()).where(sql<boolean>`settings->>${SETTING} is null`).execute();
  return (await readWebhookSecret(db, businessId)) as string;
}

/** Replaces the secret at once: requests signed with the old one are refused from now on. */
export async function rotateWebhookSecret(db: Kysely<Database>, businessId: string): Promise<string> {
  const secret = newSecret();
  await setSecret(db, businessId, secret).execute();
  return secret;
}

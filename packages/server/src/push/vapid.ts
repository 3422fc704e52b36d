// The server's VAPID key pair: browsers subscribe with its public key, and push services accept only
// notifications signed with its private key. From the environment when given; otherwise made once and kept
// in app_settings, because a new pair would orphan every subscription made with the old one.
import { createECDH } from 'node:crypto';
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { Config } from '../config';
import type { Database } from '../db/schema';

const SETTING = 'web_push_vapid_keys';
/** Push services want a contact for a sender's traffic; set VAPID_SUBJECT to a real one in production. */
const DEFAULT_SUBJECT = 'mailto:push@clientbase.invalid';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** True when `privateKey` is the private half of `publicKey` (both base64url, P-256). */
export function isKeyPair(publicKey: string, privateKey: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    return ecdh.getPublicKey().equals(Buffer.from(publicKey, 'base64url'));
  } catch {
    return false;
  }
}

function isStoredPair(value: unknown): value is { publicKey: string; privateKey: string } {
  const pair = value as { publicKey?: unknown; privateKey?: unknown } | null;
  return typeof pair?.publicKey === 'string' && typeof pair.privateKey === 'string';
}

async function storedKeys(db: Kysely<Database>): Promise<{ publicKey: string; privateKey: string }> {
  const read = () => db.selectFrom('app_settings').select('value').where('key', '=', SETTING).executeTakeFirst();
  let row = await read();
  if (!row) {
    const { publicKey, privateKey } = webpush.generateVAPIDKeys();
    // Several processes may start at once: the first insert wins and everyone reads that one.
    await db
      .insertInto('app_settings')
      .values({ key: SETTING, value: JSON.stringify({ publicKey, privateKey }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await read();
  }
  if (!isStoredPair(row?.value)) throw new Error(`app_settings.${SETTING} does not hold a VAPID key pair`);
  return row.value;
}

/** Loads (or makes) the key pair on first use and remembers it; a failed load is tried again next time. */
export function vapidKeySource(config: Config, db: Kysely<Database> | undefined): () => Promise<VapidKeys> {
  const subject = config.vapidSubject ?? DEFAULT_SUBJECT;
  const { vapidPublicKey, vapidPrivateKey } = config;
  if (vapidPublicKey && vapidPrivateKey) {
    if (!isKeyPair(vapidPublicKey, vapidPrivateKey))
      throw new Error('VAPID_PRIVATE_KEY is not the private key of VAPID_PUBLIC_KEY');
    const keys = { publicKey: vapidPublicKey, privateKey: vapidPrivateKey, subject };
    return async () => keys;
  }
  let loading: Promise<VapidKeys> | undefined;
  return () => {
    if (!db) return Promise.reject(new Error('VAPID keys need the database or VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY'));
    loading ??= storedKeys(db).then(
      (pair) => ({ ...pair, subject }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}

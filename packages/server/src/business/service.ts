import type { Kysely, Selectable } from 'kysely';
import { displayPrefix, hashToken, newToken } from '../auth/tokens';
import { readBookingSettings } from '../booking/settings';
import type { BusinessTable, Database, SystemCategoryKey } from '../db/schema';

export const SYSTEM_CATEGORIES: { key: SystemCategoryKey; name: string; color: string }[] = [
  { key: 'regular', name: 'Regular', color: '#2e7d32' },
  { key: 'vip', name: 'VIP', color: '#b8860b' },
  { key: 'new_client', name: 'New client', color: '#1565c0' },
  { key: 'requires_confirmation', name: 'Requires booking confirmation', color: '#c62828' },
];

export interface NewBusiness {
  /** Normally generated; the seed passes one derived from its seed so reruns are identical. */
  id?: string;
  name: string;
  country: string;
  currency: string;
  timezone: string;
  phone?: string | null;
  email?: string | null;
  allowed_origins?: string[];
  shared_client_base?: boolean;
}

export interface CreatedBusiness {
  business: Selectable<BusinessTable>;
  secret_key: string;
  publishable_key: string;
}

/** A business always starts with its system categories and one key of each kind. */
export async function createBusiness(db: Kysely<Database>, input: NewBusiness): Promise<CreatedBusiness> {
  return db.transaction().execute(async (trx) => {
    const business = await trx
      .insertInto('businesses')
      .values({ ...input, country: input.country.toUpperCase(), currency: input.currency.toUpperCase() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('categories')
      .values(
        SYSTEM_CATEGORIES.map((c) => ({ business_id: business.id, name: c.name, color: c.color, system_key: c.key })),
      )
      .execute();
    const secret_key = newToken('sk');
    const publishable_key = newToken('pk');
    await trx
      .insertInto('api_keys')
      .values([
        {
          business_id: business.id,
          kind: 'secret',
          key_hash: hashToken(secret_key),
          display_prefix: displayPrefix(secret_key),
        },
        {
          business_id: business.id,
          kind: 'publishable',
          key_hash: hashToken(publishable_key),
          display_prefix: displayPrefix(publishable_key),
        },
      ])
      .execute();
    return { business, secret_key, publishable_key };
  });
}

export function businessView(business: Selectable<BusinessTable>) {
  return {
    id: business.id,
    name: business.name,
    country: business.country,
    currency: business.currency,
    timezone: business.timezone,
    phone: business.phone,
    email: business.email,
    allowed_origins: business.allowed_origins,
    shared_client_base: business.shared_client_base,
    booking: readBookingSettings(business.settings),
    created_at: business.created_at.toISOString(),
  };
}

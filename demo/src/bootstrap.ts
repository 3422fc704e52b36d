// First start: a demo business with seeded clients and an owner. Later starts reuse it from app_settings.
import { type DatabaseHandle, seedBusiness } from '@clientbase/server';

export interface DemoCredentials {
  business_id: string;
  secret_key: string;
  publishable_key: string;
  owner_id: string;
}

const KEY = 'demo_credentials';

export async function ensureDemoBusiness(db: DatabaseHandle['db'], clients: number, log: (line: string) => void) {
  const stored = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (stored) return stored.value as DemoCredentials;

  log(`First start: seeding a demo business with ${clients.toLocaleString('en')} clients…`);
  const started = Date.now();
  const seeded = await seedBusiness(db, { clients, seed: 1 });
  const owner = await db
    .insertInto('users')
    .values({ business_id: seeded.businessId, email: 'owner@demo.example', name: 'Demo Owner', role: 'owner' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const credentials: DemoCredentials = {
    business_id: seeded.businessId,
    // Kept in clear only for the demo, so a restart can print them again; real keys are shown once.
    secret_key: seeded.secretKey as string,
    publishable_key: seeded.publishableKey as string,
    owner_id: owner.id,
  };
  await db
    .insertInto('app_settings')
    .values({ key: KEY, value: JSON.stringify(credentials) })
    .execute();
  log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return credentials;
}

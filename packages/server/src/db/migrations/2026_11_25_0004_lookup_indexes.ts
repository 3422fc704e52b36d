// Frozen. Two lookups that scanned a table at scale: an online booking matches the visitor's phone
// against clients' additional phones too (~0.85 s at 1M clients without this), and deleting a client
// cascades to its payments, which had no index by client (a scan of every payment per deleted client).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index clients_additional_phone on clients (business_id, additional_phone)
    where additional_phone is not null`.execute(db);
  await sql`create index payments_client on payments (client_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index payments_client`.execute(db);
  await sql`drop index clients_additional_phone`.execute(db);
}

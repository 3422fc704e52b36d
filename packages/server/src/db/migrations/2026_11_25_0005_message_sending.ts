// Frozen. A bulk message is `sending` from the moment it is handed to the provider until the answer is
// recorded. A job resumed after a crash can then tell a message never tried (queued: send it) from one
// whose fate is unknown (sending: never again, so nobody gets it twice).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages drop constraint messages_status_check`.execute(db);
  await sql`alter table messages add constraint messages_status_check
    check (status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'skipped'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update messages set status = 'failed' where status = 'sending'`.execute(db);
  await sql`alter table messages drop constraint messages_status_check`.execute(db);
  await sql`alter table messages add constraint messages_status_check
    check (status in ('queued', 'sent', 'delivered', 'failed', 'skipped'))`.execute(db);
}

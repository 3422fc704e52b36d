// Frozen. Staff can stop a long job (a bulk send to the wrong segment): the request is a timestamp the
// running handler reads between steps, and a job stopped that way ends `cancelled`.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table jobs add column cancel_requested_at timestamptz`.execute(db);
  await sql`alter table jobs drop constraint jobs_status_check`.execute(db);
  await sql`alter table jobs add constraint jobs_status_check
    check (status in ('queued', 'running', 'done', 'failed', 'cancelled'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update jobs set status = 'failed' where status = 'cancelled'`.execute(db);
  await sql`alter table jobs drop constraint jobs_status_check`.execute(db);
  await sql`alter table jobs add constraint jobs_status_check
    check (status in ('queued', 'running', 'done', 'failed'))`.execute(db);
  await sql`alter table jobs drop column cancel_requested_at`.execute(db);
}

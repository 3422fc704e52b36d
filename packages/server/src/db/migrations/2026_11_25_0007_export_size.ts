// Frozen. An export's size, so its download says how long it is (Content-Length: a browser shows progress).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exports add column size_bytes bigint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exports drop column size_bytes`.execute(db);
}

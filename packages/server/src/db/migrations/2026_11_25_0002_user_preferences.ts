// Frozen. Per-user UI preferences (table columns, locks), kept server-side so they follow the user.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table user_preferences (
    business_id uuid not null,
    user_id uuid not null,
    key text not null,
    value jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, key),
    foreign key (business_id, user_id) references users (business_id, id) on delete cascade
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table user_preferences`.execute(db);
}

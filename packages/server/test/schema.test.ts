import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect';
import { useTestApp } from './harness';

const t = await useTestApp();

describe('schema', () => {
  // Both drivers are checked against the same snapshot, so the two schemas cannot drift apart silently.
  it('is the same on PGlite and PostgreSQL', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
      select table_name, column_name, data_type, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%' order by table_name, ordinal_position`.execute(
      t.db,
    );
    const constraints = await sql<{ table_name: string; conname: string; contype: string }>`
      select conrelid::regclass::text as table_name, conname, contype from pg_constraint
      where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'kysely_%'
        and contype <> 'n' -- PostgreSQL 18 lists NOT NULL as constraints; the columns already say it
      order by 1, 2`.execute(t.db);
    const indexes = await sql<{ indexname: string }>`
      select indexname from pg_indexes where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(
      t.db,
    );
    const schema = {
      columns: columns.rows.map(
        (c) => `${c.table_name}.${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}`,
      ),
      constraints: constraints.rows.map((c) => `${c.table_name} ${c.contype} ${c.conname}`),
      indexes: indexes.rows.map((i) => i.indexname),
    };
    await expect(JSON.stringify(schema, null, 1)).toMatchFileSnapshot('./__snapshots__/schema.json');
  });

  it('makes double booking of a staff member impossible in the database itself', async () => {
    const biz = await t.newBusiness();
    const db = t.db;
    const location = await db
      .insertInto('locations')
      .values({ business_id: biz.id, name: 'Main', timezone: 'Europe/London' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await db
      .insertInto('staff')
      .values({ business_id: biz.id, name: 'Sam' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const client = await t.call('POST', '/v1/clients', {
      token: biz.secretKey,
      body: { first_name: 'C', phone: '07400 901000' },
    });
    const book = (starts: string, ends: string, status: 'confirmed' | 'cancelled' = 'confirmed') =>
      db
        .insertInto('appointments')
        .values({
          business_id: biz.id,
          location_id: location.id,
          staff_id: staff.id,
          client_id: client.body.id,
          starts_at: starts,
          ends_at: ends,
          status,
        })
        .execute();
    await book('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z');
    await expect(book('2026-12-01T10:30:00Z', '2026-12-01T11:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    await book('2026-12-01T11:00:00Z', '2026-12-01T11:30:00Z'); // back to back is fine
    await book('2026-12-01T10:15:00Z', '2026-12-01T10:45:00Z', 'cancelled'); // cancelled ones do not hold the slot
  });

  it('refuses a row pointing at another business through the composite foreign keys', async () => {
    const a = await t.newBusiness();
    const b = await t.newBusiness();
    const clientOfA = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'A', phone: '07400 901001' },
    });
    const categoryOfB = await t.db
      .selectFrom('categories')
      .select('id')
      .where('business_id', '=', b.id)
      .executeTakeFirstOrThrow();
    await expect(
      t.db
        .insertInto('client_categories')
        .values({ business_id: a.id, client_id: clientOfA.body.id, category_id: categoryOfB.id })
        .execute(),
    ).rejects.toMatchObject({ code: '23503' });
  });
});

describe.runIf(t.driver === 'pglite')('embedded data folder', () => {
  it('is locked against a second process and reopens after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-lock-'));
    try {
      const first = await connect({ dataDir: dir });
      await first.db.selectNoFrom(sql<number>`1`.as('one')).execute();
      // Simulate another live process holding the lock: the parent of this test process is alive.
      await first.close();
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'clientbase.lock'), String(process.ppid));
      await expect(connect({ dataDir: dir })).rejects.toThrow(/in use by process/);
      writeFileSync(join(dir, 'clientbase.lock'), '999999999'); // a dead process: the stale lock is taken over
      const again = await connect({ dataDir: dir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

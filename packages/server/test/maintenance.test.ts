// Hourly housekeeping: expired exports (rows and bytes), stale idempotency keys and abandoned upload temp
// files go; anything still in use stays.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStorage, newStorageKey, uploadTempDir } from '../src/files/storage';
import { runMaintenance } from '../src/jobs/maintenance';
import { useTestApp } from './harness';

const t = await useTestApp();
const a = await t.newBusiness();
const storage = createFileStorage(t.config);
const now = new Date('2026-11-25T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

async function storedExport(expiresAt: Date) {
  const key = newStorageKey(a.id);
  const source = join(uploadTempDir(t.config), `${key.replace('/', '-')}.xlsx`);
  mkdirSync(uploadTempDir(t.config), { recursive: true });
  writeFileSync(source, 'xlsx bytes');
  await storage.put(key, source);
  const job = await a.tenant.insertInto('jobs', { kind: 'export' }).returning('id').executeTakeFirstOrThrow();
  await a.tenant.insertInto('exports', { job_id: job.id, storage_key: key, expires_at: expiresAt }).execute();
  return key;
}

describe('maintenance', () => {
  it('removes what expired and keeps what is live', async () => {
    const expiredKey = await storedExport(hoursAgo(1));
    const liveKey = await storedExport(hoursAgo(-24));
    await a.tenant
      .insertInto('idempotency_keys', [
        { key: 'old', request_hash: 'x', created_at: hoursAgo(25) },
        { key: 'recent', request_hash: 'x', created_at: hoursAgo(1) },
      ])
      .execute();
    const temp = uploadTempDir(t.config);
    writeFileSync(join(temp, 'abandoned.part'), 'half an upload');
    mkdirSync(join(temp, 'import-crashed'));
    writeFileSync(join(temp, 'import-crashed', 'spill.xml'), 'a parse cut off');
    utimesSync(join(temp, 'import-crashed'), hoursAgo(7), hoursAgo(7));
    writeFileSync(join(temp, 'in-flight.part'), 'an upload right now');
    utimesSync(join(temp, 'abandoned.part'), hoursAgo(7), hoursAgo(7));
    utimesSync(join(temp, 'in-flight.part'), now, now);

    const result = await runMaintenance(t.db, storage, t.config, now);
    expect(result).toEqual({ exports: 1, idempotency_keys: 1, temp_files: 2 });
    const exports = await a.tenant.selectFrom('exports').select('storage_key').execute();
    expect(exports).toEqual([{ storage_key: liveKey }]);
    await expect(storage.get(expiredKey)).rejects.toThrow();
    await expect(storage.get(liveKey)).resolves.toBeTruthy();
    const keys = await a.tenant.selectFrom('idempotency_keys').select('key').execute();
    expect(keys).toEqual([{ key: 'recent' }]);
    expect(existsSync(join(temp, 'abandoned.part'))).toBe(false);
    expect(existsSync(join(temp, 'import-crashed'))).toBe(false);
    expect(existsSync(join(temp, 'in-flight.part'))).toBe(true);
  });
});

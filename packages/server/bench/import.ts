// Client import throughput: a 100,000-row CSV and .xlsx, each previewed (parsed in the worker and checked)
// and committed into a fresh business of its own, as rows per second. The businesses are removed after.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createBusiness } from '../src/business/service';
import { loadConfig } from '../src/config';
import { createFileStorage, uploadTempDir } from '../src/files/storage';
import { commitImport } from '../src/imports/commit';
import { createImport } from '../src/imports/service';
import { ScopedDb } from '../src/tenancy/scoped-db';
import type { Bench } from './harness';
import type { SeededTarget } from './targets';

const ROWS = 100_000;
const HEADER = ['Vorname', 'Nachname', 'Handy', 'E-Mail', 'Geburtstag', 'Notiz'];
const FIRST = ['Anna', 'Jürgen', 'Mia', 'Lukas', 'Émilie', 'Noah', 'Zoë', 'Ben'];
const LAST = ['Müller', 'Schmidt', 'Smith', 'García', 'Nowak', 'Rossi', 'Brown', 'Öztürk'];

function row(i: number): string[] {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    FIRST[i % FIRST.length] as string,
    `${LAST[i % LAST.length]}-${i}`,
    `07400 ${String(100_000 + i).padStart(6, '0')}`,
    `client${i}@example.com`,
    `${day}.${month}.${1950 + (i % 50)}`,
    i % 10 === 0 ? 'Allergic to latex; prefers mornings' : '',
  ];
}

const csvCell = (value: string) => (/[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function writeCsv(path: string): void {
  const lines = [HEADER.join(',')];
  for (let i = 0; i < ROWS; i++) lines.push(row(i).map(csvCell).join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function writeXlsx(path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Kunden');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await book.commit();
}

export async function importThroughput(target: SeededTarget, bench: Bench, _iterations: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-bench-import-'));
  const config = { ...loadConfig({}), dataDir };
  const storage = createFileStorage(config);
  const businessIds: string[] = [];
  try {
    for (const kind of ['csv', 'xlsx'] as const) {
      mkdirSync(uploadTempDir(config), { recursive: true });
      const path = join(uploadTempDir(config), `bench.${kind}`);
      if (kind === 'csv') writeCsv(path);
      else await writeXlsx(path);
      const size = statSync(path).size;

      const created = await createBusiness(target.db, {
        name: `Import bench ${kind}`,
        country: 'GB',
        currency: 'GBP',
        timezone: 'Europe/London',
      });
      businessIds.push(created.business.id);
      const tenant = new ScopedDb(target.db, created.business);

      let started = performance.now();
      const preview = await createImport(
        tenant,
        config,
        storage,
        { path, size, accepted: { name: `bench.${kind}`, extension: kind } },
        null,
      );
      const previewSeconds = (performance.now() - started) / 1000;
      bench.record({
        target: target.label,
        name: `import ${kind} 100k: parse + preview`,
        value: Math.round(preview.row_count / previewSeconds),
        unit: 'rows/s',
        note: `${previewSeconds.toFixed(1)} s, ${(size / 1024 / 1024).toFixed(1)} MB, ${preview.error_count} errors`,
      });

      started = performance.now();
      const report = await commitImport(tenant, preview.id, { config, storage });
      const commitSeconds = (performance.now() - started) / 1000;
      bench.record({
        target: target.label,
        name: `import ${kind} 100k: commit into a fresh business`,
        value: Math.round((report.created + report.updated) / commitSeconds),
        unit: 'rows/s',
        note: `${commitSeconds.toFixed(1)} s, created ${report.created}, skipped ${report.skipped_count}`,
      });
      // Gone before the next file, so each import meets the same base (the seeded clients only).
      await target.db.deleteFrom('businesses').where('id', '=', created.business.id).execute();
      businessIds.pop();
    }
  } finally {
    if (businessIds.length) await target.db.deleteFrom('businesses').where('id', 'in', businessIds).execute();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

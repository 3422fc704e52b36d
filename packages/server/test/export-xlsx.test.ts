import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ClientAccess } from '../src/clients/access';
import { visibleClients } from '../src/clients/access';
import { type ClientRow, DEFAULT_COLUMNS, exportColumnsSchema, resolveColumns } from '../src/exports/columns';
import { clientPages } from '../src/exports/pages';
import { exportClients } from '../src/exports/service';
import { deleteExpiredExports } from '../src/exports/store';
import { writeClientsXlsx } from '../src/exports/xlsx';
import { createFileStorage, uploadTempDir } from '../src/files/storage';
import { readZipEntry } from '../src/files/zip';
import { ApiError } from '../src/http/errors';
import { type TestBusiness, useTestApp } from './harness';

const t = await useTestApp();
const a = await t.newBusiness({ name: 'Salon A' });
const b = await t.newBusiness({ name: 'Salon B' });
const storage = createFileStorage(t.config);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let phoneSeq = 0;
async function newClient(business: TestBusiness, body: Record<string, unknown>) {
  phoneSeq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token: business.secretKey,
    body: { phone: `07400 93${String(phoneSeq).padStart(4, '0')}`, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ClientRow;
}

const accessOf = (business: TestBusiness): ClientAccess => ({
  tenant: business.tenant,
  locationIds: null,
  now: new Date(),
});

async function newJob(business: TestBusiness) {
  const job = await business.tenant
    .insertInto('jobs', { kind: 'export', created_by: business.ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return job.id;
}

/** Runs an export of every client of the business, as the export job would. */
async function exportAll(business: TestBusiness, columnIds: string[], requestedBy: string | null = business.ownerId) {
  const access = accessOf(business);
  return exportClients(access, storage, t.config, {
    jobId: await newJob(business),
    requestedBy,
    author: requestedBy ? { actor: 'user:owner', user_id: requestedBy } : { actor: 'secret_key', user_id: null },
    columns: await resolveColumns(business.tenant, columnIds),
    selected: visibleClients(access),
    baseUrl: 'https://api.example',
  });
}

/** The path and query of a download link, for app.request. */
const pathOf = (url: string) => url.slice('https://api.example'.length);

async function download(path: string, headers: Record<string, string> = {}) {
  return t.app.request(path, { headers });
}

async function workbookOf(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.getWorksheet('Clients');
  if (!sheet) throw new Error('no Clients sheet');
  return sheet;
}

function rowOf(sheet: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(column).value === text) return row;
  }
  throw new Error(`no row with ${text}`);
}

await t.call('POST', '/v1/custom-fields', {
  token: a.secretKey,
  body: { key: 'hair_type', label: 'Hair type', type: 'text' },
});
await t.call('POST', '/v1/custom-fields', {
  token: a.secretKey,
  body: { key: 'visits_goal', label: 'Visits goal', type: 'number' },
});
const FORMULAS = ['=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)'];
for (const name of FORMULAS) await newClient(a, { first_name: name });
const systemCategories = await a.tenant
  .selectFrom('categories')
  .select('id')
  .where('system_key', 'in', ['vip', 'regular'])
  .execute();
const jurgen = await newClient(a, {
  category_ids: systemCategories.map((c) => c.id),
  first_name: 'Jürgen',
  last_name: 'Größe-Müßig',
  email: 'jurgen@example.com',
  birth_date: '1990-05-17',
  discount: 15,
  marketing_allowed: true,
  note: 'Prefers Ä-Z',
  custom_fields: { hair_type: '=1+1', visits_goal: 12 },
});
const topUp = await t.call('POST', `/v1/clients/${jurgen.id}/account/transactions`, {
  token: a.secretKey,
  body: { kind: 'top_up', amount: 123456 },
});
expect(topUp.status).toBe(201);
await newClient(b, { first_name: 'OnlyB' });

const COLUMNS = [
  'name',
  'phone',
  'email',
  'birth_date',
  'discount',
  'balance',
  'marketing_allowed',
  'created_at',
  'categories',
  'custom_fields.hair_type',
  'custom_fields.visits_goal',
];
const first = await exportAll(a, COLUMNS);
const firstFile = await download(pathOf(first.url));
const firstBytes = await firstFile.arrayBuffer();

describe('the xlsx file', () => {
  it('has a bold, filled, frozen header with an autofilter and widths, in the requested order', async () => {
    expect(firstFile.status).toBe(200);
    expect(first.rows).toBe(5);
    const sheet = await workbookOf(firstBytes);
    const header = sheet.getRow(1);
    expect(header.cellCount).toBe(COLUMNS.length);
    expect((header.values as unknown[]).slice(1)).toEqual([
      'Name',
      'Phone',
      'Email',
      'Birth date',
      'Discount, %',
      'Balance',
      'Marketing allowed',
      'Created',
      'Categories',
      'Hair type',
      'Visits goal',
    ]);
    for (let col = 1; col <= COLUMNS.length; col++) {
      const cell = header.getCell(col);
      expect(cell.font?.bold, `header ${col} bold`).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(sheet.getColumn(col).width ?? 0).toBeGreaterThan(5);
    }
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.autoFilter).toBe('A1:K6');
    expect(sheet.rowCount).toBe(6);
  });

  it('writes numbers, money, dates and booleans as real typed cells', async () => {
    const sheet = await workbookOf(firstBytes);
    const row = rowOf(sheet, 1, 'Jürgen Größe-Müßig');
    expect(row.getCell(2).value).toBe('+44 7400 930005');
    expect(row.getCell(3).value).toBe('jurgen@example.com');
    const birth = row.getCell(4);
    expect(birth.type).toBe(ExcelJS.ValueType.Date);
    expect((birth.value as Date).toISOString()).toBe('1990-05-17T00:00:00.000Z');
    expect(birth.numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(5).value).toBe(15);
    const balance = row.getCell(6);
    expect(balance.type).toBe(ExcelJS.ValueType.Number);
    expect(balance.value).toBe(1234.56);
    expect(balance.numFmt).toBe('#,##0.00');
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Boolean);
    expect(row.getCell(7).value).toBe(true);
    const created = row.getCell(8);
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    // London wall-clock time, to the minute.
    const createdAt = new Date(jurgen.created_at as string);
    const london = new Date(`${createdAt.toLocaleString('sv-SE', { timeZone: 'Europe/London' }).replace(' ', 'T')}Z`);
    expect(Math.abs((created.value as Date).getTime() - london.getTime())).toBeLessThanOrEqual(30_000);
    expect(row.getCell(9).value).toBe('Regular, VIP');
    expect(row.getCell(11).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(11).value).toBe(12);
  });

  it('keeps formula-looking text as plain strings, never formulas', async () => {
    const sheet = await workbookOf(firstBytes);
    for (const name of FORMULAS) {
      const cell = rowOf(sheet, 1, name).getCell(1);
      expect(cell.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, name).toBeUndefined();
      expect(cell.value, name).toBe(name);
    }
    const custom = rowOf(sheet, 1, 'Jürgen Größe-Müßig').getCell(10);
    expect([custom.type, custom.value]).toEqual([ExcelJS.ValueType.String, '=1+1']);
    // And in the file itself: no formula element at all.
    const path = join(t.config.dataDir, 'first.xlsx');
    await writeFile(path, Buffer.from(firstBytes));
    const handle = await open(path, 'r');
    try {
      const xml = (
        await readZipEntry(handle, firstBytes.byteLength, 'xl/worksheets/sheet1.xml', 10_000_000)
      )?.toString();
      expect(xml).toContain('state="frozen"');
      expect(xml).not.toMatch(/<f[ >]/);
    } finally {
      await handle.close();
    }
  });

  it('records the export in the data log with its row count and columns', async () => {
    const entries = await a.tenant.selectFrom('data_log').selectAll().where('action', '=', 'export').execute();
    const entry = entries.find((e) => e.details.export_id === first.export_id);
    expect(entry).toMatchObject({ entity: 'client', row_count: 5, user_id: a.ownerId });
    expect(entry?.details.columns).toEqual(COLUMNS);
  });

  it('shows instants in the business time zone and money in the currency decimals', async () => {
    const [row] = (await clientPages(accessOf(a), visibleClients(accessOf(a)).where('id', '=', jurgen.id)).next())
      .value as ClientRow[];
    const path = join(uploadTempDir(t.config), 'direct.xlsx');
    await mkdir(uploadTempDir(t.config), { recursive: true });
    const columns = await resolveColumns(a.tenant, ['last_visit_at', 'balance', 'birth_date']);
    async function* pages() {
      yield [{ ...(row as ClientRow), last_visit_at: '2026-07-01T10:30:00.000Z', birth_date: '1890-01-01' }];
    }
    const written = await writeClientsXlsx(path, columns, pages(), { timezone: 'Europe/Berlin', currency: 'JPY' });
    expect(written.rows).toBe(1);
    const sheet = await workbookOf(new Uint8Array(await readFile(path)).buffer);
    const cells = sheet.getRow(2);
    expect((cells.getCell(1).value as Date).toISOString()).toBe('2026-07-01T12:30:00.000Z');
    expect([cells.getCell(2).value, cells.getCell(2).numFmt]).toEqual([123456, '#,##0']);
    // Before 1900 Excel has no dates: the text stays.
    expect(cells.getCell(3).value).toBe('1890-01-01');
  });

  it('walks the selection in pages by name without losing or repeating a row', async () => {
    for (let i = 0; i < 5; i++) await newClient(b, { first_name: 'Ann' });
    const access = accessOf(b);
    const seen: string[] = [];
    for await (const page of clientPages(access, visibleClients(access), 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((row) => row.id));
    }
    expect(seen.length).toBe(6);
    expect(new Set(seen).size).toBe(6);
  });
});

describe('columns', () => {
  it('defaults to the default set and refuses unknown or repeated columns with the field', () => {
    expect(exportColumnsSchema.parse(undefined)).toEqual([...DEFAULT_COLUMNS]);
    const unknown = exportColumnsSchema.safeParse(['name', 'password']);
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.path).toEqual([1]);
    expect(exportColumnsSchema.safeParse(['name', 'name']).success).toBe(false);
    expect(exportColumnsSchema.safeParse([]).success).toBe(false);
  });

  it('answers 422 naming the column for a custom field the business does not have', async () => {
    const error = await resolveColumns(a.tenant, ['name', 'custom_fields.nope']).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.details]).toEqual([
      422,
      [{ field: 'columns.1', message: 'Unknown column "custom_fields.nope".' }],
    ]);
    // Business B has no hair_type: definitions are per business.
    await expect(resolveColumns(b.tenant, ['custom_fields.hair_type'])).rejects.toMatchObject({ status: 422 });
  });
});

describe('GET /v1/exports/:id/download', () => {
  const plain = `/v1/exports/${first.export_id}/download`;

  it('serves the file to the token without any key, as an xlsx attachment', async () => {
    expect(first.url).toMatch(/^https:\/\/api\.example\/v1\/exports\/[0-9a-f-]{36}\/download\?token=[\w-]{43}$/);
    expect(firstFile.headers.get('content-type')).toBe(XLSX_TYPE);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/London' });
    expect(firstFile.headers.get('content-disposition')).toContain(`attachment; filename="clients-${today}.xlsx"`);
    expect(firstFile.headers.get('x-content-type-options')).toBe('nosniff');
    expect(firstFile.headers.get('cache-control')).toBe('private, no-store');
    // Its length is known up front, so a browser can show the download's progress.
    expect(Number(firstFile.headers.get('content-length'))).toBe(firstBytes.byteLength);
    // The token is stored only as a hash.
    const row = await a.tenant.selectFrom('exports').selectAll().where('id', '=', first.export_id).executeTakeFirst();
    const token = new URL(first.url).searchParams.get('token') as string;
    expect(row?.token_hash).not.toContain(token);
    expect(row?.requested_by).toBe(a.ownerId);
  });

  it('answers 404 to a wrong, malformed or expired token, as a page for browsers', async () => {
    const wrong = await download(`${plain}?token=${'A'.repeat(43)}`);
    expect([wrong.status, ((await wrong.json()) as { error: { code: string } }).error.code]).toEqual([
      404,
      'not_found',
    ]);
    expect(wrong.headers.get('cache-control')).toBe('private, no-store');
    expect((await download(`${plain}?token=short`)).status).toBe(404);
    expect((await download(`${plain}?token=`)).status).toBe(404);
    const otherId = pathOf(first.url).replace(first.export_id, '00000000-0000-4000-8000-000000000000');
    expect((await download(otherId)).status).toBe(404);
    const page = await download(`${plain}?token=${'A'.repeat(43)}`, { Accept: 'text/html' });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('expired or is not valid');

    const expiring = await exportAll(a, ['name']);
    expect((await download(pathOf(expiring.url))).status).toBe(200);
    await a.tenant
      .updateTable('exports')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expiring.export_id)
      .execute();
    expect((await download(pathOf(expiring.url))).status).toBe(404);
  });

  it('without a token: the requester session and the secret key; another user 404, no export right 403', async () => {
    const own = await t.call('GET', plain, { token: a.session });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe(XLSX_TYPE);
    expect((await t.call('GET', plain, { token: a.secretKey })).status).toBe(200);
    expect((await t.call('GET', plain)).status).toBe(401);

    const sessionOf = (role: string, features?: Record<string, boolean>) => t.sessionFor(a, role, features);
    // Another admin of the same business: the export is the requester's private copy; it does not exist for them.
    expect((await t.call('GET', plain, { token: await sessionOf('admin') })).status).toBe(404);
    expect((await t.call('GET', plain, { token: await sessionOf('receptionist') })).status).toBe(403);
    expect((await t.call('GET', plain, { token: await sessionOf('owner', { export: false }) })).status).toBe(403);

    // Asked for with the secret key: no user owns it, so no session opens it.
    const byKey = await exportAll(a, ['name'], null);
    const keyPath = `/v1/exports/${byKey.export_id}/download`;
    expect((await t.call('GET', keyPath, { token: a.session })).status).toBe(404);
    expect((await t.call('GET', keyPath, { token: a.secretKey })).status).toBe(200);
  });

  it('answers 404 to another business, with its key or its session', async () => {
    expect((await t.call('GET', plain, { token: b.secretKey })).status).toBe(404);
    expect((await t.call('GET', plain, { token: b.session })).status).toBe(404);
    expect((await t.call('GET', '/v1/exports/not-an-id/download', { token: a.secretKey })).status).toBe(404);
  });
});

describe('expiry and retries', () => {
  it('deletes expired exports, bytes and rows, and nothing else', async () => {
    const old = await exportAll(a, ['name']);
    const fresh = await exportAll(a, ['name']);
    const keyOf = async (id: string) =>
      (await a.tenant.selectFrom('exports').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow())
        .storage_key as string;
    const oldKey = await keyOf(old.export_id);
    const freshKey = await keyOf(fresh.export_id);
    await a.tenant
      .updateTable('exports')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', old.export_id)
      .execute();
    const deleted = await deleteExpiredExports(t.db, storage, new Date());
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(t.config.dataDir, 'files', oldKey))).toBe(false);
    expect(existsSync(join(t.config.dataDir, 'files', freshKey))).toBe(true);
    const left = await a.tenant.selectFrom('exports').select('id').where('expires_at', '<=', new Date()).execute();
    expect(left).toEqual([]);
    expect((await download(pathOf(fresh.url))).status).toBe(200);
  });

  it('a job that runs again replaces its export and logs it once', async () => {
    const access = accessOf(a);
    const jobId = await newJob(a);
    const run = async () =>
      exportClients(access, storage, t.config, {
        jobId,
        requestedBy: a.ownerId,
        author: { actor: 'user:owner', user_id: a.ownerId },
        columns: await resolveColumns(a.tenant, ['name']),
        selected: visibleClients(access),
        baseUrl: 'https://api.example',
      });
    const once = await run();
    const twice = await run();
    const rows = await a.tenant.selectFrom('exports').select('id').where('job_id', '=', jobId).execute();
    expect(rows.map((r) => r.id)).toEqual([twice.export_id]);
    expect((await download(pathOf(once.url))).status).toBe(404);
    expect((await download(pathOf(twice.url))).status).toBe(200);
    const logged = await a.tenant.selectFrom('data_log').select('details').where('action', '=', 'export').execute();
    expect(logged.filter((e) => e.details.job_id === jobId)).toHaveLength(1);
  });
});

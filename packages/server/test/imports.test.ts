// Client imports over HTTP (upload → preview, mapping) and the commit function behind the import job.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { commitImport } from '../src/imports/commit';
import { IMPORT_FIELDS } from '../src/imports/fields';
import { type TestBusiness, useTestApp } from './harness';
import * as sample from './sample-files';

const t = await useTestApp({
  config: { importMaxRows: 40, importMaxBytes: 256 * 1024, importMaxUnpackedBytes: 1024 * 1024 },
});
const a = await t.newBusiness({ name: 'Salon A' });
const b = await t.newBusiness({ name: 'Salon B', country: 'DE', timezone: 'Europe/Berlin' });
const tempDir = join(t.config.dataDir, 'files', 'tmp');

async function upload(token: string, name: string, content: Buffer | string) {
  const form = new FormData();
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await t.app.request('/v1/imports', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kunden');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function counts(business: TestBusiness) {
  return { clients: await t.rowCount('clients', business.id), imports: await t.rowCount('imports', business.id) };
}

const good = await workbook([
  ['Vorname', 'Handy'],
  ['Ann', '07400 910301'],
]);

const tempFiles = () => (existsSync(tempDir) ? readdirSync(tempDir) : []);

describe('upload and preview', () => {
  it('answers an .xlsx upload with the detected mapping, first rows and row errors, and keeps it', async () => {
    const content = await workbook([
      ['Vorname', 'Nachname', 'Handy', 'E-Mail', 'Geburtstag'],
      ['Jürgen', 'Müller', '07400 910001', 'jm@example.com', '31.12.1990'],
      ['Anna', 'Schmidt', 'not a phone', '', '1990-01-01'],
      ['Eva', 'Braun', '+44 7400 910001', 'eva@example.com', '32.01.1990'],
    ]);
    const before = await counts(a);
    const res = await upload(a.session, 'Kunden Liste.xlsx', content);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      file_name: 'Kunden Liste.xlsx',
      status: 'previewed',
      // What a column can fill, so that a client lists them without a copy of its own.
      fields: [...IMPORT_FIELDS],
      columns: ['Vorname', 'Nachname', 'Handy', 'E-Mail', 'Geburtstag'],
      mapping: { first_name: 0, last_name: 1, phone: 2, email: 3, birth_date: 4 },
      mapping_errors: [],
      row_count: 3,
      error_count: 3,
      invalid_row_count: 2,
      report: null,
    });
    expect(res.body.rows[0]).toEqual({
      row: 2,
      cells: ['Jürgen', 'Müller', '07400 910001', 'jm@example.com', '31.12.1990'],
      values: {
        first_name: 'Jürgen',
        last_name: 'Müller',
        phone: '+447400910001',
        email: 'jm@example.com',
        birth_date: '1990-12-31',
      },
    });
    expect(res.body.errors[0]).toEqual({
      row: 3,
      field: 'phone',
      code: 'bad_phone',
      params: { value: expect.any(String), country: 'GB' },
      message: expect.stringContaining('not a possible phone number for GB'),
    });
    expect(res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:phone',
      '4:birth_date',
      '4:phone',
    ]);
    // Previewing writes no client; the import itself is kept.
    expect(await counts(a)).toEqual({ clients: before.clients, imports: before.imports + 1 });
    expect(tempFiles()).toEqual([]);

    const fetched = await t.call('GET', `/v1/imports/${res.body.id}`, { token: a.secretKey });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(res.body);
  });

  it('reads a semicolon CSV with a BOM in the business country', async () => {
    const csv = '\uFEFFVorname;Nachname;Telefon;Notiz\r\nJürgen;Größe;0151 23456789;Mag Kaffee\r\n';
    const res = await upload(b.secretKey, 'kunden.csv', csv);
    expect(res.status).toBe(201);
    expect(res.body.rows[0].values).toEqual({
      first_name: 'Jürgen',
      last_name: 'Größe',
      phone: '+4915123456789',
      note: 'Mag Kaffee',
    });
  });

  it('lets the user change the mapping and checks the rows again', async () => {
    const csv = 'Who,Number,Contact,Extra\nAnn Lee,07400 910101,ann@example.com,07400 910102\nBob,,,\n';
    const res = await upload(a.secretKey, 'odd.csv', csv);
    expect(res.status).toBe(201);
    expect(res.body.mapping).toEqual({});
    expect(res.body.mapping_errors.map((e: { field: string }) => e.field)).toEqual([
      'mapping.first_name',
      'mapping.phone',
    ]);

    const path = `/v1/imports/${res.body.id}/mapping`;
    const remapped = await t.call('PUT', path, {
      token: a.secretKey,
      body: { mapping: { name: 0, phone: 1, email: 2, additional_phone: 3, note: null } },
    });
    expect(remapped.status).toBe(200);
    expect(remapped.body.mapping).toEqual({ name: 0, phone: 1, email: 2, additional_phone: 3 });
    expect(remapped.body.mapping_errors).toEqual([]);
    expect(remapped.body.rows[0].values).toEqual({
      first_name: 'Ann',
      last_name: 'Lee',
      phone: '+447400910101',
      email: 'ann@example.com',
      additional_phone: '+447400910102',
    });
    expect(remapped.body.errors).toEqual([
      {
        row: 3,
        field: 'phone',
        code: 'phone_or_email_required',
        params: {},
        message: 'A phone number or an e-mail address is needed.',
      },
    ]);
    expect((await t.call('GET', `/v1/imports/${res.body.id}`, { token: a.secretKey })).body.mapping).toEqual(
      remapped.body.mapping,
    );

    for (const mapping of [
      { name: 0, phone: 9 },
      { name: 0, phone: 0 },
      { phone: 1 },
      { name: 0, phone: 1, nickname: 2 },
      { name: '0', phone: 1 },
    ]) {
      const bad = await t.call('PUT', path, { token: a.secretKey, body: { mapping } });
      expect([JSON.stringify(mapping), bad.status, bad.body.error.code]).toEqual([
        JSON.stringify(mapping),
        422,
        'validation_failed',
      ]);
    }
    expect((await t.call('PUT', path, { token: a.secretKey, body: 'nope' })).status).toBe(400);
  });

  it('keeps businesses apart and needs the import permission', async () => {
    const res = await upload(a.secretKey, 'a.csv', 'First name,Phone\nAnn,07400 910201\n');
    expect(res.status).toBe(201);
    expect((await t.call('GET', `/v1/imports/${res.body.id}`, { token: b.secretKey })).status).toBe(404);
    const remap = await t.call('PUT', `/v1/imports/${res.body.id}/mapping`, {
      token: b.secretKey,
      body: { mapping: { first_name: 0, phone: 1 } },
    });
    expect(remap.status).toBe(404);
    expect((await t.call('GET', '/v1/imports/not-an-id', { token: a.secretKey })).status).toBe(404);
    expect((await t.call('GET', `/v1/imports/${res.body.id}`)).status).toBe(401);

    const before = await counts(a);
    const receptionist = await t.sessionFor(a, 'receptionist');
    expect((await upload(receptionist, 'a.csv', 'First name,Phone\nAnn,07400 910202\n')).status).toBe(403);
    expect((await t.call('GET', `/v1/imports/${res.body.id}`, { token: receptionist })).status).toBe(403);
    const switchedOff = await t.sessionFor(a, 'admin', { import: false });
    expect((await upload(switchedOff, 'a.csv', 'First name,Phone\nAnn,07400 910203\n')).status).toBe(403);
    const admin = await t.sessionFor(a, 'admin');
    expect((await upload(admin, 'a.csv', 'First name,Phone\nAnn,07400 910204\n')).status).toBe(201);
    expect(await counts(a)).toEqual({ clients: before.clients, imports: before.imports + 1 });
  });
});

describe('broken and hostile files write nothing', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => `N${i},07400 9${String(20000 + i).padStart(5, '0')}`).join('\n');
  const cases: [string, string, Buffer | string, number, string][] = [
    ['a PNG named .xlsx', 'photo.xlsx', sample.png(), 415, 'unsupported_file_type'],
    ['a text file named .xlsx', 'list.xlsx', 'Vorname,Handy\nAnn,07400 910302\n', 415, 'unsupported_file_type'],
    ['a .txt file', 'list.txt', 'Vorname,Handy\nAnn,07400 910302\n', 415, 'unsupported_file_type'],
    ['an old .xls', 'list.xls', sample.ole2(), 415, 'unsupported_file_type'],
    ['a truncated .xlsx', 'cut.xlsx', good.subarray(0, good.length - 40), 422, 'invalid_file'],
    [
      'a zip bomb',
      'bomb.xlsx',
      sample.zip({
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml': '<workbook/>',
        'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${' '.repeat(3 * 1024 * 1024)}</sheetData></worksheet>`,
      }),
      422,
      'file_too_complex',
    ],
    ['10× the row bound', 'many.csv', `Vorname,Handy\n${rows(400)}`, 422, 'too_many_rows'],
    [
      'a Windows-1252 CSV with umlauts',
      'latin.csv',
      Buffer.from('Vorname;Nachname;Handy\nJürgen;Müller;07400 910303\n', 'latin1'),
      422,
      'invalid_encoding',
    ],
    [
      'a UTF-16 CSV',
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Vorname;Handy\nAnn;07400 910304\n', 'utf16le')]),
      422,
      'invalid_encoding',
    ],
    ['a CSV with only a header', 'header.csv', 'Vorname;Handy\n', 422, 'empty_file'],
    ['a CSV of blank lines', 'blank.csv', '\n\n\n', 422, 'empty_file'],
    ['an empty file', 'empty.csv', '', 422, 'validation_failed'],
    [
      'a file over the size bound',
      'big.csv',
      `Vorname,Note\n${'Ann,xxxxxxxxxx\n'.repeat(20_000)}`,
      413,
      'file_too_large',
    ],
  ];

  it.each(cases)('refuses %s', async (_what, name, content, status, code) => {
    const before = await counts(a);
    const res = await upload(a.session, name, content);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(res.body.error.message).toBeTruthy();
    expect(await counts(a)).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  it('tells the user to save a Windows-1252 CSV as UTF-8', async () => {
    const res = await upload(a.session, 'latin.csv', Buffer.from('Vorname;Handy\nJürgen;07400 910305\n', 'latin1'));
    expect(res.body.error.message).toMatch(/UTF-8/);
  });
});

describe('commitImport', () => {
  it('creates, updates by phone in another spelling, then by e-mail, and skips bad rows', async () => {
    const existingByPhone = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'Old', last_name: 'Name', phone: '07400 910401', note: 'keep me' },
    });
    const existingByEmail = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'Mia', phone: '07400 910402', email: 'Mia@Example.com' },
    });
    expect([existingByPhone.status, existingByEmail.status]).toEqual([201, 201]);
    const before = await counts(a);

    const content = await workbook([
      ['First name', 'Last name', 'Mobile', 'Email', 'Birthday', 'Gender', 'Discount', 'Client since'],
      ['Olga', 'Newname', '+44 (0)7400 910401', '', '1980-04-02', 'f', 5, '2020-01-15'],
      ['Mia', 'Berg', '', 'MIA@example.COM', null, null, null, null],
      ['Neu', 'Kunde', '07400 910403', 'neu@example.com', new Date(Date.UTC(1999, 0, 2)), 'm', '', '2021-06-01'],
      ['Nur', 'Mail', '', 'nobody@example.com', null, null, null, null],
      ['Bad', 'Phone', '123', '', null, null, null, null],
      ['Twice', 'Phone', '07400 910403', '', null, null, null, null],
    ]);
    const uploaded = await upload(a.session, 'clients.xlsx', content);
    expect(uploaded.status).toBe(201);
    expect(await counts(a)).toEqual({ clients: before.clients, imports: before.imports + 1 });

    const progress: number[] = [];
    const report = await commitImport(a.tenant, uploaded.body.id, {
      config: t.config,
      batchRows: 2,
      onProgress: (fraction) => {
        progress.push(fraction);
      },
    });
    expect(report).toEqual({
      created: 1,
      updated: 2,
      skipped: [
        {
          row: 5,
          code: 'needs_phone',
          reason: 'No client has this e-mail address, and a new client needs a phone number.',
        },
        {
          row: 6,
          reason: expect.stringContaining('phone: '),
          problems: [{ field: 'phone', code: 'bad_phone', params: { value: '123', country: 'GB' } }],
        },
        {
          row: 7,
          reason: 'phone: The same phone number as row 4.',
          problems: [{ field: 'phone', code: 'duplicate_phone', params: { row: 4 } }],
        },
      ],
      skipped_count: 3,
    });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(await counts(a)).toEqual({ clients: before.clients + 1, imports: before.imports + 1 });

    const updated = await t.call('GET', `/v1/clients/${existingByPhone.body.id}`, { token: a.secretKey });
    expect(updated.body).toMatchObject({
      first_name: 'Olga',
      last_name: 'Newname',
      phone: '+447400910401',
      birth_date: '1980-04-02',
      gender: 'female',
      discount: 5,
      note: 'keep me',
      source: 'admin',
    });
    const byEmail = await t.call('GET', `/v1/clients/${existingByEmail.body.id}`, { token: a.secretKey });
    expect(byEmail.body).toMatchObject({ first_name: 'Mia', last_name: 'Berg', phone: '+447400910402' });

    const found = await t.call('GET', '/v1/clients?q=kunde', { token: a.secretKey });
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      first_name: 'Neu',
      last_name: 'Kunde',
      phone: '+447400910403',
      email: 'neu@example.com',
      birth_date: '1999-01-02',
      gender: 'male',
      source: 'import',
      visits_count: 0,
    });
    // Joined at midnight in the business's time zone (London, summer time).
    expect(new Date(found.body.items[0].created_at).toISOString()).toBe('2021-05-31T23:00:00.000Z');
    expect((await t.call('GET', '/v1/clients?q=olga', { token: a.secretKey })).body.total).toBe(1);

    const stored = await t.call('GET', `/v1/imports/${uploaded.body.id}`, { token: a.secretKey });
    expect(stored.body).toMatchObject({ status: 'committed', report });
    const log = await t.db
      .selectFrom('data_log')
      .selectAll()
      .where('business_id', '=', a.id)
      .where('action', '=', 'import')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ entity: 'client', row_count: 3, actor: expect.stringMatching(/^user:owner-/) });
    expect(log[0]?.details).toMatchObject({ import_id: uploaded.body.id, created: 1, updated: 2, skipped: 3 });

    // A committed import's mapping stays as it was committed.
    const remap = await t.call('PUT', `/v1/imports/${uploaded.body.id}/mapping`, {
      token: a.secretKey,
      body: { mapping: { first_name: 0, phone: 2 } },
    });
    expect(remap.status).toBe(409);

    // Run again (a retry after a crash): everything matches what the first run wrote.
    const again = await commitImport(a.tenant, uploaded.body.id, { config: t.config });
    expect(again).toMatchObject({ created: 0, updated: 3, skipped_count: 3 });
    expect(await counts(a)).toEqual({ clients: before.clients + 1, imports: before.imports + 1 });
  });

  it('imports many rows in batches without duplicates, twice', async () => {
    const rows = Array.from(
      { length: 35 },
      (_, i) => `Person${i},Test,07400 93${String(i).padStart(4, '0')},p${i}@example.com`,
    );
    const uploaded = await upload(b.secretKey, 'many.csv', `Vorname,Nachname,Telefon,E-Mail\n${rows.join('\n')}\n`);
    expect(uploaded.status).toBe(201);
    const before = await counts(b);
    const first = await commitImport(b.tenant, uploaded.body.id, { config: t.config, batchRows: 10 });
    expect(first).toEqual({ created: 35, updated: 0, skipped: [], skipped_count: 0 });
    const second = await commitImport(b.tenant, uploaded.body.id, { config: t.config, batchRows: 10 });
    expect(second).toEqual({ created: 0, updated: 35, skipped: [], skipped_count: 0 });
    expect((await counts(b)).clients).toBe(before.clients + 35);
    // Phones read in Germany (the business's country), where the numbers are British only with +44.
    const sample = await t.db
      .selectFrom('clients')
      .select('phone')
      .where('business_id', '=', b.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(sample.phone).toMatch(/^\+49/);
  });

  it('refuses a mapping that cannot make clients, writing nothing', async () => {
    const uploaded = await upload(a.secretKey, 'odd.csv', 'Who,Number\nAnn,07400 910501\n');
    const before = await counts(a);
    await expect(commitImport(a.tenant, uploaded.body.id, { config: t.config })).rejects.toMatchObject({
      status: 422,
      code: 'mapping_incomplete',
    });
    await expect(commitImport(b.tenant, uploaded.body.id, { config: t.config })).rejects.toMatchObject({ status: 404 });
    expect(await counts(a)).toEqual(before);
  });
});

describe('POST /v1/imports/:id/commit', () => {
  it('commits as a job with a report, once; another business cannot commit it', async () => {
    const file = await workbook([
      ['First name', 'Phone', 'Email'],
      ['Jobina', '07400 910501', 'jobina@example.com'],
      ['Jobert', '07400 910502', ''],
      ['Broken', '12', ''],
    ]);
    const uploaded = await upload(a.session, 'job.xlsx', file);
    expect(uploaded.status).toBe(201);
    expect((await t.call('POST', `/v1/imports/${uploaded.body.id}/commit`, { token: b.secretKey })).status).toBe(404);
    const res = await t.call('POST', `/v1/imports/${uploaded.body.id}/commit`, { token: a.session });
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({ kind: 'import', status: 'queued' });
    const again = await t.call('POST', `/v1/imports/${uploaded.body.id}/commit`, { token: a.session });
    expect(again.status).toBe(409);
    const job = await t.jobEnded(res.body.job.id, a.session);
    expect(job).toMatchObject({ status: 'done', progress: 1, result: { created: 2, updated: 0, skipped_count: 1 } });
    const view = await t.call('GET', `/v1/imports/${uploaded.body.id}`, { token: a.session });
    expect(view.body).toMatchObject({ status: 'committed', job_id: res.body.job.id });
    const created = await t.db
      .selectFrom('clients')
      .select(['first_name', 'source'])
      .where('business_id', '=', a.id)
      .where('first_name', 'in', ['Jobina', 'Jobert'])
      .orderBy('first_name')
      .execute();
    expect(created).toEqual([
      { first_name: 'Jobert', source: 'import' },
      { first_name: 'Jobina', source: 'import' },
    ]);
  });
});

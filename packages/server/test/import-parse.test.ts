// Reading import files: the worker parser, header detection and row checks, and hostile files.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../src/config';
import { uploadTempDir } from '../src/files/storage';
import { ApiError } from '../src/http/errors';
import { detectMapping } from '../src/imports/fields';
import { parseImport } from '../src/imports/parse';
import { previewFile } from '../src/imports/preview';
import type { ImportKind } from '../src/imports/protocol';
import { parseDate } from '../src/imports/rows';
import * as sample from './sample-files';

const dir = mkdtempSync(join(tmpdir(), 'cb-import-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseConfig: Config = {
  ...loadConfig({}),
  dataDir: dir,
  importMaxRows: 1000,
  importMaxUnpackedBytes: 2 * 1024 * 1024,
  importParseTimeoutMs: 20_000,
};

let fileSeq = 0;
function file(content: Buffer | string): string {
  fileSeq += 1;
  const path = join(dir, `f${fileSeq}`);
  writeFileSync(path, content);
  return path;
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Clients');
  for (const row of rows) sheet.addRow(row);
  const other = book.addWorksheet('Other');
  other.addRow(['not', 'read']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function preview(content: Buffer | string, kind: ImportKind, config: Partial<Config> = {}) {
  return previewFile(file(content), kind, { ...baseConfig, ...config }, 'GB', undefined, new Date('2026-06-01'));
}

async function refusal(content: Buffer | string, kind: ImportKind, config: Partial<Config> = {}) {
  const error = await preview(content, kind, config).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { status, code, message } = error as ApiError;
  return { status, code, message };
}

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-made workbook whose sheet XML is `sheetData` (inline strings), for crafted cases. */
function craftedXlsx(sheetData: string): Record<string, string> {
  return {
    '[Content_Types].xml':
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${xml}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${xml}<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
}

const inlineRow = (r: number, values: string[]) =>
  `<row r="${r}">${values
    .map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('')}</row>`;

describe('reading .xlsx and .csv', () => {
  it('reads the first worksheet of an exceljs workbook with dates, numbers and German headers', async () => {
    const content = await workbook([
      ['Vorname', 'Nachname', 'Handy', 'E-Mail', 'Geburtstag', 'Geschlecht', 'Rabatt', 'Notiz', 'Telefon'],
      [
        'Jürgen',
        'Müller',
        '07400 900123',
        'JM@Example.com',
        new Date(Date.UTC(1990, 11, 31)),
        'männlich',
        10,
        'Kurz',
        '020 7946 0018',
      ],
      ['Anna', 'Schmidt', 447400900124, '', '31.01.1985', 'w', '15%', null, null],
      ['Eva', null, '+44 7400 900125', null, '1985-02-30', 'x', 101, null, null],
    ]);
    const result = await preview(content, 'xlsx');
    expect(result.columns[0]).toBe('Vorname');
    expect(result.mapping).toEqual({
      first_name: 0,
      last_name: 1,
      phone: 2,
      email: 3,
      birth_date: 4,
      gender: 5,
      discount: 6,
      note: 7,
      additional_phone: 8,
    });
    expect(result.row_count).toBe(3);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      values: {
        first_name: 'Jürgen',
        last_name: 'Müller',
        phone: '+447400900123',
        email: 'jm@example.com',
        birth_date: '1990-12-31',
        gender: 'male',
        discount: 10,
        note: 'Kurz',
        additional_phone: '+442079460018',
      },
    });
    // A number cell lost its "+": still the same phone.
    expect(result.rows[1]?.values).toMatchObject({
      phone: '+447400900124',
      birth_date: '1985-01-31',
      discount: 15,
      gender: 'female',
    });
    expect(result.errors).toEqual([
      {
        row: 4,
        field: 'birth_date',
        code: 'bad_date',
        params: { value: expect.any(String) },
        message: expect.stringContaining('is not a date'),
      },
      { row: 4, field: 'discount', code: 'bad_discount', params: {}, message: expect.stringContaining('0 to 100') },
    ]);
    expect(result.invalid_row_count).toBe(1);
  });

  it('reads a semicolon CSV with a BOM, quoted cells and umlauts', async () => {
    const csv =
      '\uFEFFName;Telefon;E-Mail;Notiz\r\n"Müller, Jürgen";07400 900200;j@example.com;"Sagt ""Hallo""; mag Tee"\r\n\r\nÖzil Mesut;07400 900201;;"zwei\nZeilen"\r\n';
    const result = await preview(Buffer.from(csv, 'utf8'), 'csv');
    expect(result.columns).toEqual(['Name', 'Telefon', 'E-Mail', 'Notiz']);
    expect(result.mapping).toEqual({ name: 0, phone: 1, email: 2, note: 3 });
    expect(result.rows.map((r) => r.values)).toEqual([
      {
        first_name: 'Jürgen',
        last_name: 'Müller',
        phone: '+447400900200',
        email: 'j@example.com',
        note: 'Sagt "Hallo"; mag Tee',
      },
      { first_name: 'Özil', last_name: 'Mesut', phone: '+447400900201', note: 'zwei\nZeilen' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('detects comma and tab delimiters and reports bad phones, bad dates and repeats in the file', async () => {
    const csv = [
      'First name,Last name,Phone,Email,Birthday',
      'Ann,Lee,07400 900300,ann@example.com,12/03/1991',
      'Bob,Ray,12,bob@example.com,1991-13-01',
      'Cy,Doe,+44 7400 900300,ANN@example.com,',
      ',Nobody,07400 900301,,',
      'Dee,,,,',
    ].join('\n');
    const result = await preview(csv, 'csv');
    expect(result.rows[0]?.values).toMatchObject({ birth_date: '1991-03-12' });
    expect(result.errors).toEqual([
      {
        row: 3,
        field: 'phone',
        code: 'bad_phone',
        params: { value: expect.any(String), country: 'GB' },
        message: expect.stringContaining('not a possible phone number'),
      },
      {
        row: 3,
        field: 'birth_date',
        code: expect.any(String),
        params: expect.any(Object),
        message: expect.any(String),
      },
      {
        row: 4,
        field: 'phone',
        code: 'duplicate_phone',
        params: { row: 2 },
        message: 'The same phone number as row 2.',
      },
      {
        row: 4,
        field: 'email',
        code: 'duplicate_email',
        params: { row: 2 },
        message: 'The same e-mail address as row 2.',
      },
      { row: 5, field: 'first_name', code: 'first_name_required', params: {}, message: 'A first name is needed.' },
      {
        row: 6,
        field: 'phone',
        code: 'phone_or_email_required',
        params: {},
        message: 'A phone number or an e-mail address is needed.',
      },
    ]);
    expect(result.error_count).toBe(6);

    const tabbed = await preview('Vorname\tHandy\nAnn\t07400 900310\n', 'csv');
    expect(tabbed.rows[0]?.values).toEqual({ first_name: 'Ann', phone: '+447400900310' });
  });

  it('detects columns in English and German in any case and spacing', () => {
    expect(
      detectMapping([
        'FIRST NAME',
        'last_name',
        'Mobile',
        'e-mail',
        'Date of birth',
        'Card number',
        'Additional phone',
        'Kunde seit',
      ]),
    ).toEqual({
      first_name: 0,
      last_name: 1,
      phone: 2,
      email: 3,
      birth_date: 4,
      card_number: 5,
      additional_phone: 6,
      created_at: 7,
    });
    expect(detectMapping(['Nachname', 'Vorname', 'Handynummer', 'Notizen', 'Unbekannt'])).toEqual({
      last_name: 0,
      first_name: 1,
      phone: 2,
      note: 3,
    });
  });

  it('reads ISO, German and British dates and Excel serials', () => {
    expect(parseDate('1990-05-01')).toBe('1990-05-01');
    expect(parseDate('01.05.1990')).toBe('1990-05-01');
    expect(parseDate('1.5.1990')).toBe('1990-05-01');
    expect(parseDate('01/05/1990')).toBe('1990-05-01');
    expect(parseDate(32994)).toBe('1990-05-01');
    expect(parseDate(1)).toBe('1900-01-01');
    expect(parseDate('29.02.1991')).toBeNull();
    expect(parseDate('May 1st')).toBeNull();
  });

  it('cuts cells past the length bound and reports them instead of holding them', async () => {
    const long = 'x'.repeat(6000);
    const result = await preview(`First name,Phone,Note\nAnn,07400 900400,${long}\n`, 'csv');
    expect(result.errors).toEqual([
      { row: 2, field: 'note', code: 'too_long', params: { max: 5000 }, message: 'Longer than 5000 characters.' },
    ]);
    expect(String(result.rows[0]?.cells[2]).length).toBe(5000);
  });

  it('reads shared strings stored after the sheet (as Excel writes them), leaving no spilled files', async () => {
    const spilled = () => readdirSync(uploadTempDir(baseConfig));
    const before = spilled();
    const sharedCell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const entries = craftedXlsx(
      `<row r="1">${sharedCell('A1', 0)}${sharedCell('B1', 1)}</row>` +
        `<row r="2">${sharedCell('A2', 2)}<c r="B2"><v>447400900150</v></c></row>`,
    );
    entries['xl/sharedStrings.xml'] =
      `${xml}<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>Vorname</t></si><si><t>Handy</t></si>` +
      '<si><r><t>Jö</t></r><r><rPr><b/></rPr><t>rg</t></r></si></sst>';
    const result = await preview(sample.zip(entries), 'xlsx');
    expect(result.columns).toEqual(['Vorname', 'Handy']);
    expect(result.rows[0]?.values).toEqual({ first_name: 'Jörg', phone: '+447400900150' });
    expect(spilled()).toEqual(before);
  });

  it('reads the first worksheet in workbook order, not archive order', async () => {
    const entries = craftedXlsx(inlineRow(1, ['Vorname', 'Handy']) + inlineRow(2, ['Second', '07400 900160']));
    entries['xl/worksheets/sheet2.xml'] =
      `${xml}<worksheet xmlns="${MAIN}"><sheetData>${inlineRow(1, ['Vorname', 'Handy']) + inlineRow(2, ['First', '07400 900161'])}</sheetData></worksheet>`;
    entries['xl/workbook.xml'] =
      `${xml}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      '<sheet name="Front" sheetId="7" r:id="rId2"/><sheet name="Back" sheetId="1" r:id="rId1"/></sheets></workbook>';
    entries['xl/_rels/workbook.xml.rels'] =
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`;
    const result = await preview(sample.zip(entries), 'xlsx');
    expect(result.rows.map((r) => r.values.first_name)).toEqual(['First']);
  });

  it('streams batches on demand', async () => {
    const csv = `Vorname,Handy\n${Array.from({ length: 120 }, (_, i) => `N${i},07400 9${String(i).padStart(5, '0')}`).join('\n')}`;
    const sizes: number[] = [];
    for await (const event of parseImport(file(csv), 'csv', baseConfig, 50)) {
      if (event.type === 'rows') sizes.push(event.rows.length);
    }
    expect(sizes).toEqual([50, 50, 20]);
  });
});

describe('hostile and broken files', () => {
  it('never builds objects from headers: __proto__ and constructor columns pollute nothing', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const headers = ['__proto__', 'constructor', 'prototype', 'polluted', 'Vorname', 'Handy'];
    const row = ['{"polluted":"yes"}', 'yes', 'yes', 'yes', 'Ann', '07400 900500'];
    const book = await workbook([headers, row]);
    const crafted = sample.zip(craftedXlsx(inlineRow(1, headers) + inlineRow(2, row)));
    const csv = `${headers.join(',')}\n"{""polluted"":""yes""}",yes,yes,yes,Ann,07400 900500\n`;
    for (const [content, kind] of [
      [book, 'xlsx'],
      [crafted, 'xlsx'],
      [csv, 'csv'],
    ] as const) {
      const result = await preview(content, kind);
      expect(result.columns).toEqual(headers);
      expect(result.mapping).toEqual({ first_name: 4, phone: 5 });
      expect(result.rows[0]?.values).toEqual({ first_name: 'Ann', phone: '+447400900500' });
      expect(Object.getPrototypeOf(result.rows[0]?.values)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('refuses a zip bomb by its declared size, and one that lies about its size while inflating', async () => {
    // 5 MB of XML whitespace between two rows deflates to a few kilobytes.
    const padding = ' '.repeat(5 * 1024 * 1024);
    const bomb = sample.zip(
      craftedXlsx(inlineRow(1, ['Vorname', 'Handy']) + padding + inlineRow(2, ['Ann', '07400 900600'])),
    );
    expect(bomb.length).toBeLessThan(20 * 1024);
    expect(await refusal(bomb, 'xlsx')).toMatchObject({ status: 422, code: 'file_too_complex' });

    // The same archive claiming its sheet unpacks to 1,000 bytes, in the local header and the directory.
    const liar = Buffer.from(bomb);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = liar.indexOf(name); at >= 0; at = liar.indexOf(name, at + 1)) {
      const local = liar.readUInt32LE(at - 30) === 0x04034b50;
      liar.writeUInt32LE(1000, local ? at - 30 + 22 : at - 46 + 24);
    }
    const lie = await refusal(liar, 'xlsx');
    expect(lie).toMatchObject({ status: 422, code: 'invalid_file' });
    expect(lie.message).toContain('unpacks to more than it declares');
  });

  it('refuses a truncated workbook, and one with bytes hidden between its parts', async () => {
    const content = await workbook([
      ['Vorname', 'Handy'],
      ['Ann', '07400 900700'],
    ]);
    for (const cut of [content.length - 10, Math.floor(content.length / 2), 100]) {
      expect(await refusal(content.subarray(0, cut), 'xlsx')).toMatchObject({ status: 422, code: 'invalid_file' });
    }
    const entries = craftedXlsx(inlineRow(1, ['Vorname', 'Handy']) + inlineRow(2, ['Ann', '07400 900701']));
    const zipped = sample.zip(entries);
    // A second archive's entry glued in front: a streaming reader would see it, the directory does not.
    const hidden = sample.zip({ 'xl/worksheets/sheet1.xml': entries['xl/worksheets/sheet1.xml'] as string });
    const hiddenLocal = hidden.subarray(0, hidden.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const smuggled = Buffer.concat([hiddenLocal, zipped]);
    // Shift the directory's offset so the archive stays self-consistent apart from the hidden bytes.
    const end = smuggled.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    smuggled.writeUInt32LE(smuggled.readUInt32LE(end + 16) + hiddenLocal.length, end + 16);
    expect(await refusal(smuggled, 'xlsx')).toMatchObject({ status: 422, code: 'invalid_file' });
  });

  it('refuses files that are not what their name says', async () => {
    expect(await refusal(sample.png(), 'xlsx')).toMatchObject({ status: 415, code: 'unsupported_file_type' });
    expect(await refusal('Vorname,Handy\nAnn,07400 900800\n', 'xlsx')).toMatchObject({ status: 415 });
    expect(await refusal(sample.docx(), 'xlsx')).toMatchObject({ status: 415 });
    expect(await refusal(sample.png(), 'csv')).toMatchObject({ status: 415 });
    expect(await refusal(sample.ole2(), 'csv')).toMatchObject({
      status: 415,
      message: expect.stringContaining('.xls'),
    });
    expect(await refusal(await workbook([['a']]), 'csv')).toMatchObject({ status: 415 });
  });

  it('refuses CSV in another encoding with a hint to save it as UTF-8', async () => {
    const latin1 = Buffer.from('Vorname;Nachname;Handy\nJürgen;Müller;07400 900900\n', 'latin1');
    const windows = await refusal(latin1, 'csv');
    expect(windows).toMatchObject({ status: 422, code: 'invalid_encoding' });
    expect(windows.message).toContain('UTF-8');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Vorname;Handy\nAnn;07400 900901\n', 'utf16le'),
    ]);
    expect(await refusal(utf16, 'csv')).toMatchObject({ status: 422, code: 'invalid_encoding' });
    const utf16NoBom = Buffer.from('Vorname;Handy\nAnn;07400 900901\n', 'utf16le');
    expect(await refusal(utf16NoBom, 'csv')).toMatchObject({ status: 422, code: 'invalid_encoding' });
  });

  it('refuses empty files, files without rows, and more rows than the bound', async () => {
    expect(await refusal('\n\n;;\n', 'csv')).toMatchObject({ status: 422, code: 'empty_file' });
    expect(await refusal('Vorname;Handy\n', 'csv')).toMatchObject({ status: 422, code: 'empty_file' });
    expect(await refusal(sample.xlsx(), 'xlsx')).toMatchObject({ status: 422, code: 'empty_file' });
    const rows = Array.from({ length: 100 }, (_, i) => `N${i},07400 9${String(i).padStart(5, '0')}`);
    const tooMany = await refusal(`Vorname,Handy\n${rows.join('\n')}`, 'csv', { importMaxRows: 10 });
    expect(tooMany).toMatchObject({ status: 422, code: 'too_many_rows' });
    expect(await refusal('Vorname,Handy\n"never closed,07400 900902\n', 'csv')).toMatchObject({ code: 'invalid_file' });
  });

  it('stops a parse that runs past its time limit', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `N${i},07400 9${String(i).padStart(5, '0')}`);
    const slow = await refusal(`Vorname,Handy\n${rows.join('\n')}`, 'csv', { importParseTimeoutMs: 1 });
    expect(slow).toMatchObject({ status: 422, code: 'file_too_complex' });
  });
});

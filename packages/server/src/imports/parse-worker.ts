// The only code that touches an import file's bytes. It runs in a disposable worker_thread with a heap limit
// and is killed at a time limit (see parse.ts), so a hostile file can at worst waste one worker.
// An .xlsx is checked as a ZIP first: every entry's size from the central directory, the entries tiling the
// file, and every entry actually inflated and counted against the declared size and the total cap, before
// exceljs's streaming reader (styles and hyperlinks ignored) reads the first worksheet. A CSV must be UTF-8.
// Rows leave as bounded arrays of primitive cells: nothing here builds an object from a file's keys.
//
// Plain Node runs this file (type stripping), so it imports packages and node: modules only, never our own
// modules at run time, and uses only erasable TypeScript.
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { crc32, createInflateRaw } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Cell, FailReason, ParsedRow, WorkerInput, WorkerMessage } from './protocol';

/** More columns than any client list has; a header beyond it is refused. */
const MAX_COLUMNS = 200;
/** The longest client field (a note) is 5,000 characters; longer cells are cut and reported. */
const MAX_CELL_CHARS = 5000;
const MAX_HEADER_CHARS = 200;
/** A CSV record (one row with its quotes) longer than this is refused before it is held in memory. */
const MAX_RECORD_CHARS = 1024 * 1024;
/** An .xlsx has a handful of parts; thousands mean something else is going on. */
const MAX_ZIP_ENTRIES = 5000;

class Refused extends Error {
  reason: FailReason;
  constructor(reason: FailReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

// --- talking to the main thread -------------------------------------------------------------------

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread only');
const input = workerData as WorkerInput;

let wake: (() => void) | null = null;
let credit = 0;
port.on('message', () => {
  if (wake) {
    const resume = wake;
    wake = null;
    resume();
  } else credit += 1;
});

/** Posts one message, then waits until the main thread asks for the next: it sets the pace. */
async function send(message: WorkerMessage): Promise<void> {
  port?.postMessage(message);
  if (credit > 0) {
    credit -= 1;
    return;
  }
  await new Promise<void>((resolve) => {
    wake = resolve;
  });
}

// --- rows ------------------------------------------------------------------------------------------

let header: string[] | null = null;
let dataRows = 0;
let batch: ParsedRow[] = [];

const isEmpty = (cell: Cell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

function headerText(cell: Cell): string {
  const text = cell === null ? '' : String(cell).trim();
  return text.length > MAX_HEADER_CHARS ? text.slice(0, MAX_HEADER_CHARS) : text;
}

async function takeRow(rowNumber: number, raw: Cell[]): Promise<void> {
  if (!header) {
    let width = raw.length;
    while (width > 0 && isEmpty(raw[width - 1] ?? null)) width -= 1;
    if (width === 0) return;
    if (width > MAX_COLUMNS) {
      throw new Refused('too_many_columns', `The header row has more than ${MAX_COLUMNS} columns.`);
    }
    header = raw.slice(0, width).map(headerText);
    await send({ type: 'header', cells: header });
    return;
  }
  const cells: Cell[] = [];
  const cut: number[] = [];
  let filled = false;
  for (let i = 0; i < header.length; i++) {
    let cell = raw[i] ?? null;
    if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
      cell = cell.slice(0, MAX_CELL_CHARS);
      cut.push(i);
    }
    if (!isEmpty(cell)) filled = true;
    cells.push(cell);
  }
  if (!filled) return;
  dataRows += 1;
  if (dataRows > input.maxRows) {
    throw new Refused('too_many_rows', `The file has more than ${input.maxRows} rows; split it into smaller files.`);
  }
  batch.push({ row: rowNumber, cells, cut });
  if (batch.length >= input.batchRows) await flush();
}

async function flush(): Promise<void> {
  if (!batch.length) return;
  const rows = batch;
  batch = [];
  await send({ type: 'rows', rows });
}

// --- CSV -------------------------------------------------------------------------------------------

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

const BINARY_SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'This is a ZIP file (perhaps an .xlsx workbook): upload a workbook as .xlsx.'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'This is an old Excel (.xls) file: save it as .xlsx or CSV (UTF-8) and upload that.'],
  [[0x89, 0x50, 0x4e, 0x47], 'This is a PNG image, not a CSV file.'],
  [[0xff, 0xd8, 0xff], 'This is a JPEG image, not a CSV file.'],
  [[0x47, 0x49, 0x46, 0x38], 'This is a GIF image, not a CSV file.'],
  [[0x25, 0x50, 0x44, 0x46], 'This is a PDF document, not a CSV file.'],
];

const notUtf8 = () =>
  new Refused(
    'encoding',
    'The CSV file is not UTF-8 text. In your spreadsheet program choose "Save as" → "CSV UTF-8" and upload that file.',
  );

function checkCsvStart(bytes: Buffer): void {
  for (const [signature, message] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) throw new Refused('unsupported_type', message);
  }
  // UTF-16 and UTF-32 byte order marks.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) throw notUtf8();
}

/** The file as UTF-8 text, a UTF-8 BOM dropped; anything that is not valid UTF-8 is refused. */
async function* csvText(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const bytes = chunk as Buffer;
    if (first) checkCsvStart(bytes);
    first = false;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw notUtf8();
    }
    // UTF-16 without a byte order mark decodes as "valid" UTF-8 full of NULs.
    if (text.includes('\0')) throw notUtf8();
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw notUtf8();
  }
}

/** `,` `;` or tab: whichever the first line has most of outside quotes (German Excel writes `;`). */
function detectDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

async function readCsv(path: string): Promise<void> {
  const text = csvText(path);
  const first = await text.next();
  if (first.done) return;
  async function* all() {
    yield first.value as string;
    yield* text;
  }
  const parser = parseCsv({
    delimiter: detectDelimiter(first.value as string),
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(all());
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let record = 0;
  try {
    for await (const cells of parser) {
      record += 1;
      await takeRow(record, cells as string[]);
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused('damaged', `The CSV file could not be read: ${(error as Error).message}`);
  } finally {
    source.destroy();
  }
}

// --- XLSX ------------------------------------------------------------------------------------------

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;

const damagedZip = (why: string) =>
  new Refused('damaged', `The .xlsx file is damaged or incomplete (${why}). Save it again and upload it.`);

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function readDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw damagedZip('bad central directory');
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (next > directory.length) throw damagedZip('bad central directory');
    entries.push({
      name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
    });
    at = next;
  }
  if (at !== directory.length) throw damagedZip('bad central directory');
  return entries;
}

/** Inflates one entry into nothing, counting: more or fewer bytes than declared means a lying archive. */
async function checkInflatedSize(path: string, entry: ZipEntry, dataStart: number): Promise<void> {
  if (entry.compressedSize === 0) {
    if (entry.size !== 0 || entry.method !== 0) throw damagedZip(`${entry.name} is cut off`);
    return;
  }
  let total = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > entry.size ? damagedZip(`${entry.name} unpacks to more than it declares`) : null);
    },
  });
  const source = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  try {
    await pipeline(source, entry.method === 8 ? createInflateRaw() : new PassThrough(), counter);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw damagedZip(`${entry.name} cannot be unpacked`);
  }
  if (total !== entry.size) throw damagedZip(`${entry.name} is cut off`);
}

/**
 * The ZIP checks that make exceljs's streaming read safe: its reader follows local headers one after
 * another, so the local entries must be exactly those the directory lists, back to back, each unpacking
 * to its declared size, all together within the cap.
 */
interface ZipLayout {
  /** Each entry with where its bytes (header, data, descriptor) end. */
  entries: (ZipEntry & { end: number })[];
  directoryStart: number;
  size: number;
}

async function checkZip(path: string, maxUnpackedBytes: number): Promise<ZipLayout> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = await readAt(file, 0, 4);
    if (head.length < 4 || head.readUInt32LE(0) !== LOCAL_HEADER) {
      throw new Refused('unsupported_type', 'This is not an .xlsx workbook. Upload an .xlsx or a CSV (UTF-8) file.');
    }
    const tailStart = Math.max(0, size - 22 - 0xffff);
    const tail = await readAt(file, tailStart, size - tailStart);
    let end = -1;
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) throw damagedZip('the end of the archive is missing');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryStart = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryStart === 0xffffffff) throw damagedZip('ZIP64 archives are not supported');
    if (count > MAX_ZIP_ENTRIES) throw damagedZip('too many parts');
    if (directoryStart + directorySize > tailStart + end) throw damagedZip('bad central directory');
    const entries = readDirectory(await readAt(file, directoryStart, directorySize), count);

    const names = new Set<string>();
    let declared = 0;
    for (const entry of entries) {
      if (names.has(entry.name)) throw damagedZip('a part appears twice');
      names.add(entry.name);
      if (entry.flags & 1) throw damagedZip('it is encrypted');
      if (entry.method !== 0 && entry.method !== 8) throw damagedZip('unknown compression');
      declared += entry.size;
    }
    if (declared > maxUnpackedBytes) {
      throw new Refused(
        'unpacks_too_large',
        `The workbook unpacks to more than ${maxUnpackedBytes} bytes; split it into smaller files.`,
      );
    }
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      throw new Refused('unsupported_type', 'This ZIP file is not an Excel workbook. Upload an .xlsx or a CSV file.');
    }

    let expected = 0;
    const laidOut: ZipLayout['entries'] = [];
    for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
      if (entry.offset !== expected) throw damagedZip('parts overlap or hide data');
      const local = await readAt(file, entry.offset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER) throw damagedZip('bad part header');
      const nameLength = local.readUInt16LE(26);
      const localName = (await readAt(file, entry.offset + 30, nameLength)).toString('utf8');
      if (localName !== entry.name) throw damagedZip('part names disagree');
      const localFlags = local.readUInt16LE(6);
      if (
        (localFlags & 8) === 0 &&
        (local.readUInt32LE(18) !== entry.compressedSize || local.readUInt32LE(22) !== entry.size)
      ) {
        throw damagedZip('part sizes disagree');
      }
      const dataStart = entry.offset + 30 + nameLength + local.readUInt16LE(28);
      const dataEnd = dataStart + entry.compressedSize;
      if (dataEnd > directoryStart) throw damagedZip('a part runs past the end');
      await checkInflatedSize(path, entry, dataStart);
      expected = dataEnd;
      if (localFlags & 8) {
        const descriptor = await readAt(file, dataEnd, 4);
        expected += descriptor.length === 4 && descriptor.readUInt32LE(0) === DATA_DESCRIPTOR ? 16 : 12;
      }
      laidOut.push({ ...entry, end: expected });
    }
    if (expected !== directoryStart) throw damagedZip('data between the parts and the directory');
    return { entries: laidOut, directoryStart, size };
  } finally {
    await file.close();
  }
}

/** exceljs's cell value as a primitive: rich text joined, a formula's cached result, errors as empty. */
function cellOf(value: unknown, depth = 0): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'object' || depth > 1) return null;
  const parts = Object.hasOwn(value, 'richText') ? (value as { richText: unknown }).richText : undefined;
  if (Array.isArray(parts)) {
    return parts.map((part) => (typeof part?.text === 'string' ? (part.text as string) : '')).join('');
  }
  if (Object.hasOwn(value, 'result')) return cellOf((value as { result: unknown }).result, depth + 1);
  if (Object.hasOwn(value, 'text')) return cellOf((value as { text: unknown }).text, depth + 1);
  return null;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_PARTS: Record<string, string> = {
  'xl/sharedStrings.xml': '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
};

/** A stored (uncompressed) ZIP entry, as a streaming reader reads it. */
function storedEntry(name: string, text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const fileName = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(fileName.length, 26);
  return Buffer.concat([header, fileName, data]);
}

/**
 * The checked archive re-laid for exceljs's streaming reader: the workbook, its relationships and the shared
 * strings first, then the worksheets in order, and nothing else. Excel writes the shared strings after the
 * sheets, which makes exceljs spill every sheet to a temporary file and (in 4.4) lose the strings in a race;
 * given in this order it reads each sheet as it streams. Missing parts are supplied empty for the same reason.
 */
async function* relaidArchive(path: string, layout: ZipLayout): AsyncGenerator<Buffer> {
  const byName = new Map(layout.entries.map((entry) => [entry.name, entry]));
  const sheets = layout.entries
    .filter((entry) => SHEET.test(entry.name))
    .sort((a, b) => Number(SHEET.exec(a.name)?.[1]) - Number(SHEET.exec(b.name)?.[1]));
  const copy = async function* (start: number, end: number) {
    if (end > start) for await (const chunk of createReadStream(path, { start, end: end - 1 })) yield chunk as Buffer;
  };
  for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml']) {
    const entry = byName.get(name);
    if (entry) yield* copy(entry.offset, entry.end);
    else if (Object.hasOwn(EMPTY_PARTS, name)) yield storedEntry(name, EMPTY_PARTS[name] as string);
  }
  for (const sheet of sheets) yield* copy(sheet.offset, sheet.end);
  // The central directory ends the archive for the reader (it reads no offsets from it).
  yield* copy(layout.directoryStart, layout.size);
}

interface ReaderModel {
  model?: { sheets?: { id?: unknown; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

/** The id exceljs gives the workbook's first sheet, when its part is one exceljs reads; else undefined. */
function firstSheetId(reader: ReaderModel, names: Set<string>): unknown {
  const first = reader.model?.sheets?.[0];
  const rel = reader.workbookRels?.find((r) => r.Id === first?.rId);
  return rel?.Target && names.has(`xl/${rel.Target}`) && SHEET.test(`xl/${rel.Target}`) ? first?.id : undefined;
}

async function readXlsx(path: string): Promise<void> {
  const layout = await checkZip(path, input.maxUnpackedBytes);
  const names = new Set(layout.entries.map((entry) => entry.name));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(relaidArchive(path, layout)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    let wanted: unknown;
    let first = true;
    for await (const sheet of reader) {
      // By the first sheet the workbook (its sheet order) has been read: other sheets are passed by unread.
      if (first) wanted = firstSheetId(reader as unknown as ReaderModel, names);
      first = false;
      if (wanted !== undefined && (sheet as unknown as { id?: unknown }).id !== wanted) continue;
      for await (const row of sheet) {
        // A sparse array indexed from 1; only the columns a header can have are looked at.
        const values = row.values as unknown[];
        const raw: Cell[] = [];
        for (let i = 1; i < values.length && i <= MAX_COLUMNS + 1; i++) raw.push(cellOf(values[i]));
        await takeRow(row.number, raw);
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused('damaged', `The workbook could not be read: ${(error as Error).message}`);
  }
}

// --- main ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  try {
    if (input.kind === 'csv') await readCsv(input.path);
    else await readXlsx(input.path);
    if (!header) throw new Refused('empty', 'The file is empty: the first row must name the columns.');
    await flush();
    if (dataRows === 0) throw new Refused('empty', 'The file has a header row but no clients below it.');
    port?.postMessage({ type: 'end' } satisfies WorkerMessage);
  } catch (error) {
    const refused =
      error instanceof Refused
        ? error
        : new Refused('damaged', `The file could not be read: ${(error as Error).message}`);
    port?.postMessage({ type: 'fail', reason: refused.reason, message: refused.message } satisfies WorkerMessage);
  }
}

await main();

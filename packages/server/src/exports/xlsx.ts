// Writes clients to an .xlsx file with sheetjs-style. Writing only: sheetjs-style is SheetJS 0.15, whose
// *reading* of untrusted files has known prototype-pollution and ReDoS problems (DESIGN.md); nothing here
// ever parses a file we did not just write ourselves.
//
// Memory: rows arrive as an async iterable of pages, so the database is read page by page and a page's
// client objects are dropped once converted, and nothing scales with the whole base. The workbook itself,
// though, is built in memory (SheetJS has no streaming writer for styled xlsx): the cells of the whole
// *selection* are held until the end, and then the sheet's XML and the zip briefly exist next to them.
// That is roughly 150–300 bytes per cell at peak; 100,000 clients × 12 columns stays within a few hundred MB.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import XLSX from 'sheetjs-style';
import type { CellType, CellValue, ClientRow, ExportColumn } from './columns';

export interface XlsxOptions {
  /** Instants (visits, created) are shown as the business's wall-clock time: Excel dates have no zone. */
  timezone: string;
  /** ISO 4217; decides how many decimals a money amount has (GBP 2, JPY 0, KWD 3). */
  currency: string;
  /** Called after each page with the number of rows written so far (job progress). */
  onRows?: (rows: number) => void | Promise<void>;
  /** Stops between pages (a cancelled or timed-out job). */
  signal?: AbortSignal;
}

interface Style {
  font?: { bold?: boolean };
  fill?: { patternType: 'solid'; fgColor: { rgb: string }; bgColor: { indexed: number } };
  numFmt?: string;
  alignment?: { vertical?: 'center' | 'top'; horizontal?: 'left' | 'center' };
}

interface Cell {
  t: 's' | 'n' | 'b';
  v: string | number | boolean;
  s?: Style;
}

// Complete objects (8-digit ARGB, bgColor given): sheetjs-style fills in missing parts by mutating the
// style, which would change its cache key after the first cell and register the same style twice.
const HEADER: Style = {
  font: { bold: true },
  fill: { patternType: 'solid', fgColor: { rgb: 'FFDDE3EA' }, bgColor: { indexed: 64 } },
  alignment: { vertical: 'center' },
};
const DATE: Style = { numFmt: 'yyyy-mm-dd' };
const DATETIME: Style = { numFmt: 'yyyy-mm-dd hh:mm' };

/** Excel's longest cell text. */
const MAX_TEXT = 32_767;
const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (this absorbs its 1900 leap-year bug for every date after 1900-02-28). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SAFE_DATE_MS = Date.UTC(1900, 2, 1);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function moneyFormat(currency: string) {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {}
  return { divisor: 10 ** digits, style: { numFmt: digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0' } as Style };
}

/**
 * Wall-clock offsets of one zone, cached per quarter hour: every zone changes its offset on a quarter-hour
 * boundary, and Intl's formatter is far too slow to call for each of hundreds of thousands of cells.
 */
function zoneOffsets(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const cache = new Map<number, number>();
  return (ms: number) => {
    const slot = Math.floor(ms / 900_000);
    let offset = cache.get(slot);
    if (offset === undefined) {
      const at = slot * 900_000;
      const p = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, Number(part.value)]));
      offset = Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute) - at;
      cache.set(slot, offset);
    }
    return offset;
  };
}

function cellFor(type: CellType, value: CellValue, options: CellContext): Cell | undefined {
  if (value === null || value === '') return undefined;
  switch (type) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return { t: 'n', v: value };
      break;
    case 'money':
      if (typeof value === 'number' && Number.isFinite(value))
        return { t: 'n', v: value / options.money.divisor, s: options.money.style };
      break;
    case 'boolean':
      if (typeof value === 'boolean') return { t: 'b', v: value };
      break;
    case 'date': {
      const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      if (match) {
        const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
        if (ms >= FIRST_SAFE_DATE_MS) return { t: 'n', v: (ms - EXCEL_EPOCH_MS) / DAY_MS, s: DATE };
      }
      break;
    }
    case 'datetime': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (ms >= FIRST_SAFE_DATE_MS) {
        // Whole minutes, as the format shows them: no 10:59:59.999 displayed as 10:59.
        const local = Math.round((ms + options.offset(ms)) / 60_000) * 60_000;
        return { t: 'n', v: (local - EXCEL_EPOCH_MS) / DAY_MS, s: DATETIME };
      }
      break;
    }
    case 'text':
      break;
  }
  // Text, and any value that does not fit its column's type (a custom field whose definition changed), as
  // text. Formula injection: a cell's text such as `=HYPERLINK(…)`, `+1`, `-2`, `@SUM(A1)` or one starting
  // with a tab or CR is written as an explicit string cell (`t="str"`, the value in <v>), never as a formula
  // (<f>, which we never write). Excel evaluates only <f>, so such a name shows as the text it is. We do not
  // prefix `'` instead: in an .xlsx that apostrophe would become part of the value, so the file would no
  // longer hold the client's real name (a re-import, a lookup or a mail merge would see "'=…").
  const text = String(value);
  return { t: 's', v: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text };
}

interface CellContext {
  money: ReturnType<typeof moneyFormat>;
  offset: (ms: number) => number;
}

interface JsZip {
  file(name: string): { asText(): string } | null;
  file(name: string, data: string): void;
  generate(options: { type: 'nodebuffer'; compression: typeof NATIVE_DEFLATE }): Buffer;
}
interface Compression {
  magic: string;
  compress(content: Uint8Array): Uint8Array;
  uncompress(content: Uint8Array): Uint8Array;
  compressInputType: 'uint8array';
  uncompressInputType: 'uint8array';
}
// The zip library sheetjs-style itself writes with (JSZip 2, synchronous API), used here only on our own bytes.
const JSZip = createRequire(import.meta.url)('sheetjs-style/jszip.js') as {
  new (data: Buffer): JsZip;
  compressions: Record<string, Compression>;
};
// JSZip's own DEFLATE is pako, in JavaScript; zlib's is native and several times faster on a large sheet.
// Registered under its own name (JSZip's extension point), so JSZip's DEFLATE stays as it is for sheetjs.
const NATIVE_DEFLATE = 'CB_NATIVE_DEFLATE';
JSZip.compressions[NATIVE_DEFLATE] ??= {
  magic: '\x08\x00',
  compress: (content) => deflateRawSync(content),
  uncompress: (content) => inflateRawSync(content),
  compressInputType: 'uint8array',
  uncompressInputType: 'uint8array',
};

const SHEET_PATH = 'xl/worksheets/sheet1.xml';
const PLAIN_VIEW = '<sheetView workbookViewId="0"/>';
// Frozen header: the pane splits below row 1, so the header stays while scrolling.
const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

/**
 * sheetjs-style 0.15 cannot write frozen panes (its <sheetView> has no <pane>), so the view is added to the
 * sheet XML it wrote. It writes the parts uncompressed; this step then compresses the whole file once, which
 * is what `compression: true` would have done, without deflating the sheet twice.
 */
function withFrozenHeader(stored: Buffer): Buffer {
  const zip = new JSZip(stored);
  const sheet = zip.file(SHEET_PATH)?.asText();
  if (!sheet?.includes(PLAIN_VIEW)) throw new Error('Unexpected sheet XML from sheetjs-style: no plain sheetView');
  zip.file(SHEET_PATH, sheet.replace(PLAIN_VIEW, FROZEN_VIEW));
  return zip.generate({ type: 'nodebuffer', compression: NATIVE_DEFLATE });
}

/** Writes one sheet "Clients" with `columns` (in that order) to `path`, a new file; answers the row count. */
export async function writeClientsXlsx(
  path: string,
  columns: readonly ExportColumn[],
  pages: AsyncIterable<ClientRow[]>,
  options: XlsxOptions,
): Promise<{ rows: number; bytes: number }> {
  if (!columns.length) throw new Error('An export needs at least one column');
  const context: CellContext = { money: moneyFormat(options.currency), offset: zoneOffsets(options.timezone) };
  // Dense: an array of rows of cells, far smaller than SheetJS's default object keyed by "B12".
  const sheet: (Cell | undefined)[][] = [columns.map((c) => ({ t: 's', v: c.label, s: HEADER }))];
  for await (const page of pages) {
    options.signal?.throwIfAborted();
    for (const row of page) sheet.push(columns.map((c) => cellFor(c.type, c.value(row), context)));
    await options.onRows?.(sheet.length - 1);
  }
  const rows = sheet.length - 1;
  const lastColumn = columns.length - 1;
  const worksheet = Object.assign(sheet, {
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows, c: lastColumn } }),
    '!cols': columns.map((c) => ({ wch: Math.max(c.width, Math.min(c.label.length + 3, 40)) })),
    // The header row: Excel extends the filter over the data below it.
    '!autofilter': { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: lastColumn } }) },
  });
  const workbook = { SheetNames: ['Clients'], Sheets: { Clients: worksheet } } as unknown as XLSX.WorkBook;
  const stored = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
  const bytes = withFrozenHeader(stored);
  await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
  return { rows, bytes: bytes.length };
}

// Reads an import file through a disposable worker (parse-worker.ts): a heap limit on the worker, a time
// limit on its parsing, and whatever it sends checked again here before it becomes our data. The worker
// is terminated when reading ends, fails or is abandoned.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config';
import { uploadTempDir } from '../files/storage';
import { ApiError } from '../http/errors';
import type { Cell, FailReason, ImportKind, ParsedRow, WorkerInput, WorkerMessage } from './protocol';

const WORKER_URL = new URL('./parse-worker.ts', import.meta.url);
const MAX_COLUMNS = 200;
const MAX_CELL_CHARS = 5000;

export type ParseEvent = { type: 'header'; cells: string[] } | { type: 'rows'; rows: ParsedRow[] };

export const IMPORT_EXTENSIONS: Record<string, ImportKind> = { csv: 'csv', xlsx: 'xlsx' };

export const unsupportedImportType = (message: string) =>
  new ApiError(415, 'unsupported_file_type', message, { allowed_extensions: Object.keys(IMPORT_EXTENSIONS) });

function refusal(reason: FailReason, message: string, config: Config): ApiError {
  switch (reason) {
    case 'unsupported_type':
      return unsupportedImportType(message);
    case 'encoding':
      return new ApiError(422, 'invalid_encoding', message);
    case 'empty':
      return new ApiError(422, 'empty_file', message);
    case 'too_many_rows':
      return new ApiError(422, 'too_many_rows', message, { max_rows: config.importMaxRows });
    case 'too_many_columns':
      return new ApiError(422, 'too_many_columns', message, { max_columns: MAX_COLUMNS });
    case 'unpacks_too_large':
      return new ApiError(422, 'file_too_complex', message, { max_unpacked_bytes: config.importMaxUnpackedBytes });
    default:
      return new ApiError(422, 'invalid_file', message);
  }
}

const tooComplex = (message: string) => new ApiError(422, 'file_too_complex', message);

const isCell = (value: unknown): value is Cell =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= MAX_CELL_CHARS);

/** The worker's message, rebuilt from checked parts: anything unexpected is a bug there, not data here. */
function checked(message: unknown, width: number | null): WorkerMessage {
  const bad = () => new Error('The import parser sent a malformed message.');
  if (!message || typeof message !== 'object') throw bad();
  const m = message as Record<string, unknown>;
  if (m.type === 'end') return { type: 'end' };
  if (m.type === 'fail') {
    return { type: 'fail', reason: String(m.reason) as FailReason, message: String(m.message).slice(0, 500) };
  }
  if (m.type === 'header' && width === null) {
    const cells = m.cells;
    if (!Array.isArray(cells) || cells.length === 0 || cells.length > MAX_COLUMNS) throw bad();
    return { type: 'header', cells: cells.map((cell) => (typeof cell === 'string' ? cell.slice(0, 200) : '')) };
  }
  if (m.type === 'rows' && width !== null && Array.isArray(m.rows)) {
    const rows: ParsedRow[] = m.rows.map((row: unknown) => {
      const r = row as Record<string, unknown>;
      if (!r || !Number.isInteger(r.row) || !Array.isArray(r.cells) || r.cells.length !== width) throw bad();
      if (!r.cells.every(isCell) || !Array.isArray(r.cut) || !r.cut.every(Number.isInteger)) throw bad();
      return { row: r.row as number, cells: [...(r.cells as Cell[])], cut: [...(r.cut as number[])] };
    });
    return { type: 'rows', rows };
  }
  throw bad();
}

/**
 * The file's header row, then its data rows in batches of `batchRows`. The next batch is parsed only when
 * the consumer asks for it, and the time limit counts only parsing, not the consumer's work between.
 * Refusals (wrong type, damaged, not UTF-8, too large, ...) are thrown as ApiErrors.
 */
export async function* parseImport(
  path: string,
  kind: ImportKind,
  config: Config,
  batchRows = 500,
): AsyncGenerator<ParseEvent, void, undefined> {
  const workerData: WorkerInput = {
    path,
    kind,
    batchRows,
    maxRows: config.importMaxRows,
    maxUnpackedBytes: config.importMaxUnpackedBytes,
  };
  // exceljs spills worksheets that precede the shared strings to os.tmpdir(): the worker's own folder,
  // removed with it; under the data folder's temp, so what a crash leaves is swept by maintenance.
  const temp = uploadTempDir(config);
  await mkdir(temp, { recursive: true });
  const scratch = await mkdtemp(join(temp, 'import-'));
  const worker = new Worker(WORKER_URL, {
    workerData,
    env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    resourceLimits: { maxOldGenerationSizeMb: config.importWorkerHeapMb, maxYoungGenerationSizeMb: 32 },
  });
  const inbox: unknown[] = [];
  let problem: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  worker.on('message', (message) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    problem =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? tooComplex('Reading this file needs more memory than allowed; split it into smaller files.')
        : error;
    notify();
  });
  worker.on('exit', () => {
    problem ??= new Error('The import parser stopped unexpectedly.');
    notify();
  });

  let parsingMs = 0;
  async function receive(): Promise<unknown> {
    const started = performance.now();
    try {
      while (!inbox.length) {
        if (problem) throw problem;
        const left = config.importParseTimeoutMs - parsingMs - (performance.now() - started);
        if (left <= 0) {
          throw tooComplex(
            `Reading the file took longer than ${Math.round(config.importParseTimeoutMs / 1000)} s; split it into smaller files.`,
          );
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return inbox.shift();
    } finally {
      parsingMs += performance.now() - started;
    }
  }

  let width: number | null = null;
  try {
    for (;;) {
      const message = checked(await receive(), width);
      if (message.type === 'end') return;
      if (message.type === 'fail') throw refusal(message.reason, message.message, config);
      if (message.type === 'header') width = message.cells.length;
      yield message;
      worker.postMessage({ type: 'next' });
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
    await rm(scratch, { recursive: true, force: true });
  }
}

// What the import parser's worker and the main thread say to each other. Type-only on the worker's side:
// the worker runs as plain Node (type stripping), so it imports no project module at run time.

/** A cell as it leaves the worker: a primitive, nothing with keys or a prototype of its own. */
export type Cell = string | number | boolean | null;

export type ImportKind = 'csv' | 'xlsx';

export interface ParserLimits {
  maxRows: number;
  maxUnpackedBytes: number;
}

export interface WorkerInput extends ParserLimits {
  path: string;
  kind: ImportKind;
  batchRows: number;
}

export interface ParsedRow {
  /** The row's number as a spreadsheet program shows it (the header is row 1 of a CSV). */
  row: number;
  cells: Cell[];
  /** Indexes of cells cut to the length bound. */
  cut: number[];
}

/** Why a file was refused; the main thread turns each into its HTTP error. */
export type FailReason =
  | 'unsupported_type'
  | 'damaged'
  | 'encoding'
  | 'empty'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'unpacks_too_large';

export type WorkerMessage =
  | { type: 'header'; cells: string[] }
  | { type: 'rows'; rows: ParsedRow[] }
  | { type: 'end' }
  | { type: 'fail'; reason: FailReason; message: string };

/** The main thread asks for each batch: the worker never runs ahead of what is being consumed. */
export type ParentMessage = { type: 'next' };

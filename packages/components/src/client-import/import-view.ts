// The import as the API answers it (POST /v1/imports, PUT /v1/imports/:id/mapping). The client fields a column can
// fill come with the answer (`fields`, in the API's order); only their type is the server's, nothing of it runs here.
import type { ImportedClient, ImportField, RowErrorCode } from '@clientbase/server/types';
import type { ImportResult } from '../events/import-done.js';
import type { MessageKey } from '../localize.js';

export type { ImportField };
export type Mapping = Partial<Record<ImportField, number>>;

/** The client values a row carries once read: `name` (a full name) is already split into first and last name. */
export type ValueField = keyof ImportedClient;
export type Cell = string | number | boolean | null;

export interface ImportView {
  id: string;
  file_name: string;
  status: 'previewed' | 'queued' | 'running' | 'committed' | 'failed' | string;
  /** The fields a column can fill, in the order the mapping lists them. */
  fields: ImportField[];
  mapping: Mapping;
  /** Why the mapping cannot be committed yet: `{ field: 'mapping.first_name', message }`. */
  mapping_errors: { field: string; message: string }[];
  /** The header row's cells. */
  columns: string[];
  /** The first 20 rows: their cells and the values the mapping makes of them. */
  rows: { row: number; cells: Cell[]; values: ImportedClient }[];
  /** The first 100 problems of rows; `error_count` counts them all. `code` and `params` say it in any language. */
  errors: {
    row: number;
    field: string;
    code?: RowErrorCode;
    params?: Record<string, string | number>;
    message: string;
  }[];
  error_count: number;
  row_count: number;
  /** Rows the commit skips for their errors. */
  invalid_row_count: number;
  job_id: string | null;
  report: ImportResult | null;
}

/** Labels of the fields, also of the ones only row errors name. */
export const FIELD_LABELS: Record<ImportField, MessageKey> = {
  first_name: 'import.field.first_name',
  last_name: 'import.field.last_name',
  middle_name: 'import.field.middle_name',
  name: 'import.field.name',
  phone: 'import.field.phone',
  additional_phone: 'import.field.additional_phone',
  email: 'import.field.email',
  gender: 'import.field.gender',
  birth_date: 'import.field.birth_date',
  note: 'import.field.note',
  card_number: 'import.field.card_number',
  discount: 'import.field.discount',
  importance: 'import.field.importance',
  created_at: 'import.field.created_at',
};

/** A field the labels know: the API's field names in row errors and skip reasons become their labels. */
export function isImportField(field: string): field is ImportField {
  return Object.hasOwn(FIELD_LABELS, field);
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

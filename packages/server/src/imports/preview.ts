// The preview of an import: every row read and checked with the mapping, nothing written. Kept bounded
// (the first rows and the first errors) however large the file is.
import type { Config } from '../config';
import { validationFailed } from '../http/errors';
import { detectMapping, type ImportField, type Mapping, mappingProblems } from './fields';
import { parseImport } from './parse';
import type { Cell, ImportKind } from './protocol';
import { type ImportedClient, RowChecker, type RowError } from './rows';

export const PREVIEW_ROWS = 20;
export const PREVIEW_ERRORS = 100;

export interface PreviewRow {
  row: number;
  cells: Cell[];
  values: ImportedClient;
}

export interface ImportPreview {
  columns: string[];
  mapping: Mapping;
  /** Why this mapping cannot be committed yet (no name column, no phone or e-mail column). */
  mapping_errors: { field: string; message: string }[];
  rows: PreviewRow[];
  errors: RowError[];
  error_count: number;
  row_count: number;
  /** Rows that the commit will skip for their errors. */
  invalid_row_count: number;
}

/** Keeps only the fields the mapping names, in our order: a stored mapping is rebuilt, never trusted. */
export function cleanMapping(mapping: Record<string, unknown>, fields: readonly ImportField[]): Mapping {
  const clean: Mapping = {};
  for (const field of fields) {
    const index = Object.hasOwn(mapping, field) ? mapping[field] : undefined;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0) clean[field] = index;
  }
  return clean;
}

/**
 * Reads the file and checks every row. Without a mapping it is detected from the header; a mapping the user
 * chose must fit the file's columns and be usable, else 422.
 */
export async function previewFile(
  path: string,
  kind: ImportKind,
  config: Config,
  country: string,
  chosen?: Mapping,
  now: Date = new Date(),
): Promise<ImportPreview> {
  let preview: ImportPreview | null = null;
  let checker: RowChecker | null = null;
  for await (const event of parseImport(path, kind, config)) {
    if (event.type === 'header') {
      const mapping = chosen ?? detectMapping(event.cells);
      const problems = mappingProblems(mapping, event.cells.length);
      if (chosen && problems.length) throw validationFailed(problems);
      preview = {
        columns: event.cells,
        mapping,
        mapping_errors: problems,
        rows: [],
        errors: [],
        error_count: 0,
        row_count: 0,
        invalid_row_count: 0,
      };
      checker = new RowChecker(mapping, country, now);
      continue;
    }
    if (!preview || !checker) continue;
    for (const parsed of event.rows) {
      const { values, errors } = checker.check(parsed);
      preview.row_count += 1;
      if (preview.rows.length < PREVIEW_ROWS) preview.rows.push({ row: parsed.row, cells: parsed.cells, values });
      if (errors.length) {
        preview.invalid_row_count += 1;
        preview.error_count += errors.length;
        preview.errors.push(...errors.slice(0, PREVIEW_ERRORS - preview.errors.length));
      }
    }
  }
  if (!preview) throw new Error('The import parser ended without a header.');
  return preview;
}

import type { RowError } from './rows';

/** Why the commit skipped a row that passed its checks. */
export type SkipCode = 'needs_first_name' | 'needs_phone' | 'added_meanwhile';

/**
 * A skipped row: `reason` in English, and what a client needs to say it in its reader's language: the row's
 * problems (as in the preview) or the commit's own `code`.
 */
export interface SkippedRow {
  row: number;
  reason: string;
  code?: SkipCode;
  problems?: Pick<RowError, 'field' | 'code' | 'params'>[];
}

/** What a commit did; the skipped list is bounded, skipped_count is not. */
export interface ImportReport {
  created: number;
  updated: number;
  skipped: SkippedRow[];
  skipped_count: number;
}

export const MAX_SKIPPED_LISTED = 1000;

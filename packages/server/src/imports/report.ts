/** What a commit did; the skipped list is bounded, skipped_count is not. */
export interface ImportReport {
  created: number;
  updated: number;
  skipped: { row: number; reason: string }[];
  skipped_count: number;
}

export const MAX_SKIPPED_LISTED = 1000;

import type { SkippedRow } from '@clientbase/server/types';
/** What a finished import did (the import job's `result`); `skipped` lists at most the first 1,000 rows. */
export interface ImportResult {
  created: number;
  updated: number;
  /** Each with the English `reason` and what says it in any language: the row's `problems` or the commit's `code`. */
  skipped: SkippedRow[];
  skipped_count: number;
}

/**
 * Fired by `<cb-client-import>` when an import has been committed and its job is done. Clients were created or
 * changed: a host showing a `<cb-client-table>` refreshes it (`table.refresh()`).
 */
export class CbImportDoneEvent extends Event {
  static readonly eventName = 'cb-import-done';
  readonly result: ImportResult;

  constructor(result: ImportResult) {
    super(CbImportDoneEvent.eventName, { bubbles: true, composed: true });
    this.result = result;
  }

  get detail(): { result: ImportResult } {
    return { result: this.result };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-import-done': CbImportDoneEvent;
  }
}

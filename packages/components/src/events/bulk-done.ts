/** What a bulk action answered: the category change itself, or the finished job's `result`. */
export type BulkAction = 'send_message' | 'add_category' | 'remove_category' | 'delete' | 'export';

/** Fired by `<cb-bulk-action-bar>` when a bulk action has finished (a job only once it is done). */
export class CbBulkDoneEvent extends Event {
  static readonly eventName = 'cb-bulk-done';
  readonly action: BulkAction;
  /** `{ action, category, affected }` for category changes; the job's `result` for the others. */
  readonly result: unknown;

  constructor(action: BulkAction, result: unknown) {
    super(CbBulkDoneEvent.eventName, { bubbles: true, composed: true });
    this.action = action;
    this.result = result;
  }

  get detail(): { action: BulkAction; result: unknown } {
    return { action: this.action, result: this.result };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-bulk-done': CbBulkDoneEvent;
  }
}

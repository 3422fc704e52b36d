import type { ClientFilter } from '../api/types.js';

/** Fired by `<cb-client-filters>` when the user changes the filter; `<cb-client-table>` in the same provider follows. */
export class CbFilterChangeEvent extends Event {
  static readonly eventName = 'cb-filter-change';
  readonly filter: ClientFilter;
  /** The search text of a loaded segment, when it has one. */
  readonly query: string | undefined;

  constructor(filter: ClientFilter, query?: string) {
    super(CbFilterChangeEvent.eventName, { bubbles: true, composed: true });
    this.filter = filter;
    this.query = query;
  }

  get detail(): { filter: ClientFilter; query: string | undefined } {
    return { filter: this.filter, query: this.query };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-filter-change': CbFilterChangeEvent;
  }
}

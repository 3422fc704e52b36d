import type { ClientSelection } from '../api/types.js';

/** Fired by `<cb-client-table>` whenever its selection changes. */
export class CbSelectionChangeEvent extends Event {
  static readonly eventName = 'cb-selection-change';
  readonly selection: ClientSelection;
  /** How many clients the selection covers. */
  readonly count: number;

  constructor(selection: ClientSelection, count: number) {
    super(CbSelectionChangeEvent.eventName, { bubbles: true, composed: true });
    this.selection = selection;
    this.count = count;
  }

  get detail(): { selection: ClientSelection; count: number } {
    return { selection: this.selection, count: this.count };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-selection-change': CbSelectionChangeEvent;
  }
}

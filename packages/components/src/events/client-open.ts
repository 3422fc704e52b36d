/** Fired by `<cb-client-table>` when a client's name is activated or Enter is pressed in a focused row. */
export class CbClientOpenEvent extends Event {
  static readonly eventName = 'cb-client-open';
  readonly clientId: string;

  constructor(clientId: string) {
    super(CbClientOpenEvent.eventName, { bubbles: true, composed: true });
    this.clientId = clientId;
  }

  get detail(): { clientId: string } {
    return { clientId: this.clientId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-client-open': CbClientOpenEvent;
  }
}

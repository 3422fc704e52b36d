import type { Client } from '../api/types.js';

/** Fired by `<cb-client-card>` when the client was saved; `client` is the API's answer. */
export class CbClientUpdatedEvent extends Event {
  static readonly eventName = 'cb-client-updated';
  readonly client: Client;

  constructor(client: Client) {
    super(CbClientUpdatedEvent.eventName, { bubbles: true, composed: true });
    this.client = client;
  }

  get detail(): { client: Client } {
    return { client: this.client };
  }
}

/** Fired by `<cb-client-card>` once the client was deleted. */
export class CbClientDeletedEvent extends Event {
  static readonly eventName = 'cb-client-deleted';
  readonly clientId: string;

  constructor(clientId: string) {
    super(CbClientDeletedEvent.eventName, { bubbles: true, composed: true });
    this.clientId = clientId;
  }

  get detail(): { clientId: string } {
    return { clientId: this.clientId };
  }
}

/**
 * Inside the card only (not composed): a section changed data that other parts show, e.g. a top-up changes the
 * balance in the header, a sent message belongs in the messages list.
 */
export class CardDataChangedEvent extends Event {
  static readonly eventName = 'cb-card-data-changed';
  readonly client: boolean;
  readonly sections: readonly string[];

  constructor(change: { client?: boolean; sections?: readonly string[] }) {
    super(CardDataChangedEvent.eventName, { bubbles: true, composed: false });
    this.client = change.client ?? false;
    this.sections = change.sections ?? [];
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-client-updated': CbClientUpdatedEvent;
    'cb-client-deleted': CbClientDeletedEvent;
    'cb-card-data-changed': CardDataChangedEvent;
  }
}

import type { ApiError } from '../api/api-error.js';

/** Fired by `<cb-provider>` when the API refused the session and no new one could be fetched. */
export class CbSessionExpiredEvent extends Event {
  static readonly eventName = 'cb-session-expired';
  /** The API's last 401 answer. */
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(CbSessionExpiredEvent.eventName, { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cb-session-expired': CbSessionExpiredEvent;
  }
}

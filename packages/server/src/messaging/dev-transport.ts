// Records what would be sent. Used for every channel until its provider keys are configured, so the
// demo and tests send "for real" through the same code path without reaching anyone.
import { randomUUID } from 'node:crypto';
import type { Channel, OutgoingMessage, SendResult } from './channel';

/** Enough to look back at in a demo; bounded so a long-running dev server does not grow. */
const KEEP = 500;

export class DevTransport implements Channel {
  readonly sent: OutgoingMessage[] = [];

  async send(message: OutgoingMessage): Promise<SendResult> {
    this.sent.push(message);
    if (this.sent.length > KEEP) this.sent.splice(0, this.sent.length - KEEP);
    return { provider: 'dev', provider_message_id: `dev_${randomUUID()}` };
  }
}

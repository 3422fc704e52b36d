import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import type { Call, Message } from '../../api/types.js';
import { type MessageKey, message } from '../../localize.js';
import { CardSection, emptyBlock, errorBlock, moreBlock, PagedList, skeleton } from '../section.js';
import { sectionStyles } from '../section.styles.js';

const MESSAGE_TONE: Record<Message['status'], string> = {
  delivered: 'success',
  sent: 'info',
  queued: '',
  failed: 'danger',
  skipped: 'warning',
};

const KNOWN_KINDS = ['manual', 'reminder', 'marketing', 'birthday', 'campaign', 'e_card', 'confirmation'];
const KNOWN_CALL_STATUSES = ['answered', 'missed', 'busy', 'failed', 'voicemail', 'no_answer'];

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * @summary The messages sent to the client (channel, kind, status, time, content) and the client's calls (direction,
 * status, time, duration, recording).
 * @tag cb-client-card-messages
 */
@localized()
export class CbClientCardMessages extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      .subject {
        font-weight: var(--cb-font-weight-semibold, 600);
        margin-top: var(--cb-space-1, 0.25rem);
        overflow-wrap: anywhere;
      }

      .failure {
        color: var(--_danger);
        font-size: var(--cb-font-size-sm, 0.8125rem);
        margin-top: var(--cb-space-1, 0.25rem);
      }

      .direction {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
      }

      .direction svg {
        width: 1rem;
        height: 1rem;
        flex: none;
      }
    `,
  ];

  private readonly messages = new PagedList<Message>(
    this,
    () => this.api,
    (offset, limit) => `${this.clientPath}/messages?offset=${offset}&limit=${limit}`,
    () => (this.client ? [this.client.id] : null),
  );

  private readonly calls = new PagedList<Call>(
    this,
    () => this.api,
    (offset, limit) => `${this.clientPath}/calls?offset=${offset}&limit=${limit}`,
    () => (this.client ? [this.client.id] : null),
  );

  override refresh(): void {
    this.messages.reload();
    this.calls.reload();
  }

  protected override render() {
    if (!this.client) return nothing;
    return html`<div class="stack">
      <section aria-labelledby="messages-heading">
        <h3 id="messages-heading">${message('card.messages.title')}</h3>
        ${this.renderMessages()}
      </section>
      <section aria-labelledby="calls-heading">
        <h3 id="calls-heading">${message('card.calls.title')}</h3>
        ${this.renderCalls()}
      </section>
    </div>`;
  }

  private renderMessages() {
    const list = this.messages;
    if (list.state === 'error') return errorBlock(list.error, list.reload);
    if (list.state !== 'ready') return skeleton(4);
    if (!list.items.length) return emptyBlock(message('card.messages.empty'));
    return html`<ul class="list" part="table">
        ${list.items.map(
          (m) => html`<li data-id=${m.id}>
            <div class="item-head">
              <span class="row">
                <span class="badge info" part="badge">${message(`card.channel.${m.channel}`)}</span>
                <span class="item-title">${this.kind(m.kind)}</span>
              </span>
              <span class="badge ${MESSAGE_TONE[m.status]}" part="badge">${message(`card.messages.status.${m.status}`)}</span>
            </div>
            <p class="meta">
              <span>${this.dateTime(m.sent_at ?? m.created_at)}</span>
              ${m.to_address && m.channel !== 'push' ? html`<span>${m.to_address}</span>` : nothing}
            </p>
            ${m.subject ? html`<p class="subject">${m.subject}</p>` : nothing}
            <p class="body-text">${m.body}</p>
            ${m.error ? html`<p class="failure">${m.error}</p>` : nothing}
          </li>`,
        )}
      </ul>
      ${moreBlock(list, this.locale)}`;
  }

  private renderCalls() {
    const list = this.calls;
    if (list.state === 'error') return errorBlock(list.error, list.reload);
    if (list.state !== 'ready') return skeleton(2);
    if (!list.items.length) return emptyBlock(message('card.calls.empty'));
    return html`<ul class="list" part="table">
        ${list.items.map((c) => {
          const inbound = c.direction === 'inbound';
          const missed = c.status === 'missed' || c.status === 'no_answer' || c.status === 'busy';
          return html`<li data-id=${c.id}>
            <div class="item-head">
              <span class="direction item-title">
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path
                    d=${inbound ? 'M12 4 4 12M4 6v6h6' : 'M4 12 12 4M6 4h6v6'}
                    fill="none"
                    stroke="currentColor"
                    stroke-width="1.6"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  ></path>
                </svg>
                ${message(inbound ? 'card.calls.inbound' : 'card.calls.outbound')}
              </span>
              <span class="badge ${missed ? 'danger' : c.status === 'answered' ? 'success' : ''}" part="badge"
                >${this.callStatus(c.status)}</span
              >
            </div>
            <p class="meta">
              <span>${this.dateTime(c.started_at)}</span>
              <span>${message('card.calls.duration', { duration: duration(c.duration_seconds) })}</span>
              <span>${c.phone}</span>
            </p>
            ${
              c.recording_url && /^https?:\/\//i.test(c.recording_url)
                ? html`<p>
                  <a href=${c.recording_url} target="_blank" rel="noopener noreferrer"
                    >${message('card.calls.recording')}<span class="visually-hidden">
                      (${message('card.newTab')})</span
                    ></a
                  >
                </p>`
                : nothing
            }
          </li>`;
        })}
      </ul>
      ${moreBlock(list, this.locale)}`;
  }

  private kind(kind: string): string {
    return KNOWN_KINDS.includes(kind) ? message(`card.messages.kind.${kind}` as MessageKey) : kind;
  }

  private callStatus(status: string): string {
    return KNOWN_CALL_STATUSES.includes(status) ? message(`card.calls.status.${status}` as MessageKey) : status;
  }
}

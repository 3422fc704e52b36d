import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { MessageChannel, NotificationSettings, NotificationType } from '../../api/types.js';
import { errorText, getLocale, message } from '../../localize.js';
import { CardSection, errorBlock, fieldErrors, type Notice, noticeBlock, skeleton } from '../section.js';
import { sectionStyles } from '../section.styles.js';
import { notificationSettingsResource } from './notification-settings.js';

/**
 * @summary Which notifications the client gets on which channel: a matrix of switches (type × SMS, email, push), each
 * type with an (i) hint, saved as they are switched.
 * @tag cb-client-card-notifications
 */
@localized()
export class CbClientCardNotifications extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
      }

      th,
      td {
        padding: var(--cb-space-2, 0.5rem);
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }

      thead th {
        font-size: var(--cb-font-size-sm, 0.8125rem);
        color: var(--_muted);
        font-weight: var(--cb-font-weight-semibold, 600);
        text-align: center;
      }

      thead th:first-child,
      tbody th {
        text-align: start;
      }

      tbody th {
        font-weight: var(--cb-font-weight-normal, 400);
      }

      td {
        text-align: center;
        width: 4.5rem;
      }

      td input {
        margin-top: 0.125rem;
      }

      .type {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
      }

      .info {
        font: inherit;
        font-size: 0.75rem;
        font-weight: 700;
        font-style: italic;
        font-family: Georgia, serif;
        width: 1.25rem;
        height: 1.25rem;
        border-radius: 50%;
        border: 1px solid var(--_border);
        background: var(--_surface);
        color: var(--_muted);
        cursor: pointer;
        display: inline-grid;
        place-items: center;
        padding: 0;
      }

      .info[aria-expanded='true'] {
        color: var(--_accent);
        border-color: var(--_accent);
      }

      .hint {
        margin-top: 0.25rem;
        font-size: var(--cb-font-size-sm, 0.8125rem);
        color: var(--_muted);
      }
    `,
  ];

  @state() private openHints = new Set<NotificationType>();
  @state() private saving = new Set<string>();
  @state() private notice: Notice = null;

  private readonly settings = notificationSettingsResource(
    this,
    () => this.api,
    () => this.client,
  );

  override refresh(): void {
    this.settings.reload();
  }

  /** The API's English hint, or this catalogue's translation of it for another language. */
  private hint(type: NotificationType, description: string): string {
    return getLocale() === 'en' ? description : message(`card.notify.hint.${type}`);
  }

  protected override render() {
    if (!this.client) return nothing;
    const s = this.settings;
    if (s.state === 'error') return errorBlock(s.error, s.reload);
    if (s.state !== 'ready' || !s.value) return skeleton(5);
    const value = s.value;
    const canWrite = this.can('clients_write');
    const enabled = new Map(value.settings.map((x) => [`${x.type}/${x.channel}`, x.enabled]));
    return html`<div class="stack">
      <table part="table">
        <caption class="visually-hidden">${message('card.notify.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${message('card.notify.type')}</th>
            ${value.channels.map((c) => html`<th scope="col">${message(`card.channel.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${value.types.map(({ type, description }) => {
            const open = this.openHints.has(type);
            const lockedByConsent = type === 'marketing' && !value.marketing_allowed;
            return html`<tr data-type=${type}>
              <th scope="row">
                <span class="type">
                  <span id="label-${type}">${message(`card.notify.type.${type}`)}</span>
                  <button
                    type="button"
                    class="info"
                    part="button"
                    aria-label=${message('card.notify.about', { type: message(`card.notify.type.${type}`) })}
                    aria-expanded=${open ? 'true' : 'false'}
                    aria-controls="hint-${type}"
                    @click=${() => this.toggleHint(type)}
                  >
                    i
                  </button>
                </span>
                <p class="hint" id="hint-${type}" ?hidden=${!open}>${this.hint(type, description)}</p>
                ${lockedByConsent ? html`<p class="hint">${message('card.notify.noConsent')}</p>` : nothing}
              </th>
              ${value.channels.map((channel) => {
                const key = `${type}/${channel}`;
                return html`<td>
                  <input
                    type="checkbox"
                    part="input"
                    data-channel=${channel}
                    aria-label=${message('card.notify.switch', {
                      type: message(`card.notify.type.${type}`),
                      channel: message(`card.channel.${channel}`),
                    })}
                    .checked=${enabled.get(key) ?? false}
                    ?disabled=${!canWrite || lockedByConsent}
                    aria-busy=${this.saving.has(key) ? 'true' : 'false'}
                    @change=${(e: Event) => this.toggle(type, channel, (e.target as HTMLInputElement).checked)}
                  />
                </td>`;
              })}
            </tr>`;
          })}
        </tbody>
      </table>
      ${canWrite ? nothing : html`<p class="muted small">${message('card.info.readOnly')}</p>`}
      ${noticeBlock(this.notice)}
    </div>`;
  }

  private toggleHint(type: NotificationType): void {
    const next = new Set(this.openHints);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    this.openHints = next;
  }

  private async toggle(type: NotificationType, channel: MessageChannel, enabled: boolean): Promise<void> {
    if (!this.api) return;
    const key = `${type}/${channel}`;
    this.saving = new Set([...this.saving, key]);
    this.notice = null;
    const label = message('card.notify.switch', {
      type: message(`card.notify.type.${type}`),
      channel: message(`card.channel.${channel}`),
    });
    try {
      const answer = await this.api.request<NotificationSettings>('PUT', `${this.clientPath}/notification-settings`, {
        settings: [{ type, channel, enabled }],
      });
      this.settings.value = answer;
      this.notice = { kind: 'success', text: message(enabled ? 'card.notify.on' : 'card.notify.off', { what: label }) };
      // The send section warns about switched-off channels.
      this.dataChanged({ sections: ['send'] });
    } catch (error) {
      const fields = Object.values(fieldErrors(error));
      this.notice = { kind: 'danger', text: fields[0] ?? errorText(error) };
      // The switch shows what is stored, not what was tried.
      this.settings.reload();
    } finally {
      const next = new Set(this.saving);
      next.delete(key);
      this.saving = next;
    }
  }
}

import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { EcardSent, LoyaltyOverview } from '../../api/types.js';
import { formatNumber } from '../../format.js';
import { errorText, message } from '../../localize.js';
import {
  CardSection,
  emptyBlock,
  errorBlock,
  errorCode,
  type Notice,
  noticeBlock,
  Resource,
  skeleton,
} from '../section.js';
import { sectionStyles } from '../section.styles.js';

/**
 * @summary The client's electronic loyalty card: what the client sees (number, bonus balance, discount), sending the
 * card's link by SMS or email (each send replaces the previous link), and revoking the links.
 * @tag cb-client-card-ecard
 */
@localized()
export class CbClientCardEcard extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      .ecard {
        position: relative;
        max-width: 22rem;
        aspect-ratio: 1.586;
        border-radius: var(--cb-radius-lg, 12px);
        padding: var(--cb-space-4, 1rem) var(--cb-space-5, 1.5rem);
        color: var(--cb-client-card-ecard-color, #fff);
        background: var(
          --cb-client-card-ecard-background,
          linear-gradient(
            135deg,
            color-mix(in srgb, var(--_accent) 70%, #000),
            color-mix(in srgb, var(--_accent) 40%, #000)
          )
        );
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        box-shadow: var(--cb-shadow-md, 0 4px 16px rgb(0 0 0 / 0.12));
        overflow: hidden;
      }

      .ecard .salon {
        font-weight: var(--cb-font-weight-semibold, 600);
        letter-spacing: 0.02em;
        opacity: 0.9;
      }

      .ecard .points {
        font-size: var(--cb-font-size-xl, 1.375rem);
        font-weight: var(--cb-font-weight-semibold, 600);
        font-variant-numeric: tabular-nums;
      }

      .ecard .number {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        letter-spacing: 0.12em;
        font-size: var(--cb-font-size-md, 0.9375rem);
      }

      .ecard .foot {
        display: flex;
        justify-content: space-between;
        align-items: flex-end;
        gap: var(--cb-space-2, 0.5rem);
        font-size: var(--cb-font-size-sm, 0.8125rem);
      }

      .link {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cb-space-2, 0.5rem);
        align-items: center;
      }

      .link input {
        flex: 1 1 14rem;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: var(--cb-font-size-sm, 0.8125rem);
      }
    `,
  ];

  @state() private busy: string | null = null;
  @state() private sent: EcardSent | null = null;
  @state() private notice: Notice = null;
  @state() private copied = false;

  private readonly overview = new Resource<LoyaltyOverview>(
    this,
    () => this.api,
    (api, signal) => api.request<LoyaltyOverview>('GET', `${this.clientPath}/loyalty`, undefined, { signal }),
    () => (this.client ? [this.client.id] : null),
  );

  override refresh(): void {
    this.overview.reload();
  }

  protected override render() {
    if (!this.client) return nothing;
    const o = this.overview;
    if (o.state === 'error') return errorBlock(o.error, o.reload);
    if (o.state !== 'ready' || !o.value) return skeleton(4);
    const status = o.value.status;
    const card = o.value.items.find((c) => c.id === status.loyalty_card_id);
    if (!status.loyalty_card_id || !card) return emptyBlock(message('card.ecard.noCard'));
    const canSend = this.can('messages_send');
    return html`<div class="stack">
      <div class="ecard" part="ecard" role="img" aria-label=${message('card.ecard.label', { number: card.number })}>
        <span class="salon">${this.session?.business?.name ?? ''}</span>
        <div>
          <div class="points">${message('card.loyalty.points', { count: formatNumber(status.bonus_balance, this.locale) })}</div>
          ${status.discount ? html`<div class="small">${message('card.ecard.discount', { discount: status.discount })}</div>` : nothing}
        </div>
        <div class="foot">
          <span class="number">${card.number}</span>
          <span>${this.client.first_name}</span>
        </div>
      </div>
      <p class="muted small">${message('card.ecard.explain')}</p>
      ${
        canSend
          ? html`<div class="row">
              <button
                type="button"
                class="button"
                part="button"
                ?disabled=${!!this.busy || !this.client.phone}
                @click=${() => this.send('sms')}
              >
                ${this.busy === 'sms' ? message('card.send.sending') : message('card.ecard.sendSms')}
              </button>
              <button
                type="button"
                class="button quiet"
                part="button"
                ?disabled=${!!this.busy || !this.client.email}
                @click=${() => this.send('email')}
              >
                ${this.busy === 'email' ? message('card.send.sending') : message('card.ecard.sendEmail')}
              </button>
              <button type="button" class="button quiet danger" part="button" ?disabled=${!!this.busy} @click=${this.revoke}>
                ${message('card.ecard.revoke')}
              </button>
            </div>
            ${!this.client.phone || !this.client.email ? html`<p class="muted small">${message(!this.client.phone ? 'card.send.unavailable.sms' : 'card.send.unavailable.email')}</p>` : nothing}
            ${noticeBlock(this.notice)} ${this.sent ? this.renderLink(this.sent.url) : nothing}`
          : html`<p class="notice warning">${message('card.ecard.cannotSend')}</p>`
      }
    </div>`;
  }

  private renderLink(url: string) {
    return html`<div class="field">
      <label for="ecard-link">${message('card.ecard.link')}</label>
      <div class="link">
        <input id="ecard-link" part="input" readonly .value=${url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" class="button quiet small" part="button" @click=${() => this.copy(url)}>
          ${this.copied ? message('card.ecard.copied') : message('card.ecard.copy')}
        </button>
        <a href=${url} target="_blank" rel="noopener noreferrer" class="small"
          >${message('card.ecard.open')}<span class="visually-hidden"> (${message('card.newTab')})</span></a
        >
      </div>
    </div>`;
  }

  private async send(via: 'sms' | 'email'): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = via;
    this.notice = null;
    this.copied = false;
    try {
      const sent = await this.api.request<EcardSent>('POST', `${this.clientPath}/e-card`, { send_via: via });
      this.sent = sent;
      this.notice =
        sent.message.status === 'failed'
          ? { kind: 'danger', text: message('card.send.failed', { error: sent.message.error ?? '' }) }
          : { kind: 'success', text: message('card.ecard.sent', { address: sent.message.to_address ?? '' }) };
      this.dataChanged({ sections: ['messages'] });
    } catch (error) {
      const code = errorCode(error);
      this.notice = {
        kind: 'danger',
        text:
          code === 'no_loyalty_card'
            ? message('card.ecard.noCard')
            : code === 'channel_unavailable'
              ? message(`card.send.unavailable.${via}`)
              : errorText(error),
      };
    } finally {
      this.busy = null;
    }
  }

  private revoke = async () => {
    if (!this.api || this.busy) return;
    this.busy = 'revoke';
    this.notice = null;
    try {
      await this.api.request('DELETE', `${this.clientPath}/e-card`);
      this.sent = null;
      this.notice = { kind: 'success', text: message('card.ecard.revoked') };
    } catch (error) {
      this.notice = { kind: 'danger', text: errorText(error) };
    } finally {
      this.busy = null;
    }
  };

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.copied = true;
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#ecard-link')?.select();
    }
  }
}

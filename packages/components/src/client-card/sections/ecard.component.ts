import { localized } from '@lit/localize';
import { css, html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import type { EcardCodes, EcardSent } from '../../api/types.js';
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

// Screen pixels per module: whole pixels keep every bar and module the same width (crisp, and readable by a
// scanner held to the screen). Both codes shrink evenly on narrow cards.
const QR_PX = 5;
const BAR_PX = 2;

/**
 * @summary The client's electronic loyalty card: what the client sees (number, bonus balance, discount, the number
 * as a QR code and a Code 128 barcode), sending the card's link by SMS or email (each send replaces the previous
 * link), and revoking the links.
 * @tag cb-client-card-ecard
 *
 * @csspart codes - The white panel with the QR code and the barcode.
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

      .cards {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: var(--cb-space-4, 1rem);
      }

      .cards .ecard {
        flex: 1 1 18rem;
      }

      /* Codes are black on white in either theme: scanners need the contrast, and the quiet zone is this white. */
      .codes {
        flex: 1 1 18rem;
        max-width: 22rem;
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--cb-space-3, 0.75rem);
        /* The codes bring their own quiet zones: little padding across leaves the barcode room at 2 px a module. */
        padding: var(--cb-space-3, 0.75rem) var(--cb-space-2, 0.5rem);
        border-radius: var(--cb-radius-lg, 12px);
        background: #fff;
        color: #1b1b1f;
        border: 1px solid var(--_border);
      }

      .codes svg {
        display: block;
        max-width: 100%;
        height: auto;
        shape-rendering: crispEdges;
      }

      .codes .code-number {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-weight: var(--cb-font-weight-semibold, 600);
        letter-spacing: 0.12em;
      }

      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cb-space-1, 0.25rem) var(--cb-space-3, 0.75rem);
      }

      .facts .expired {
        color: var(--_danger);
        font-weight: var(--cb-font-weight-semibold, 600);
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

  /** The card with its codes; null while the client has none (the API's 404 `no_loyalty_card`). */
  private readonly ecard = new Resource<EcardCodes | null>(
    this,
    () => this.api,
    async (api, signal) => {
      try {
        return await api.request<EcardCodes>('GET', `${this.clientPath}/e-card`, undefined, { signal });
      } catch (error) {
        if (errorCode(error) === 'no_loyalty_card') return null;
        throw error;
      }
    },
    () => (this.client ? [this.client.id] : null),
  );

  override refresh(): void {
    this.ecard.reload();
  }

  protected override render() {
    if (!this.client) return nothing;
    const e = this.ecard;
    if (e.state === 'error') return errorBlock(e.error, e.reload);
    if (e.state !== 'ready') return skeleton(4);
    const card = e.value;
    if (!card) return emptyBlock(message('card.ecard.noCard'));
    const canSend = this.can('messages_send');
    return html`<div class="stack">
      <div class="cards">
        <div class="ecard" part="ecard" role="img" aria-label=${message('card.ecard.label', { number: card.number })}>
          <span class="salon">${this.session?.business?.name ?? ''}</span>
          <div>
            <div class="points">${message('card.loyalty.points', { count: formatNumber(card.bonus_balance, this.locale) })}</div>
            ${card.discount ? html`<div class="small">${message('card.ecard.discount', { discount: card.discount })}</div>` : nothing}
          </div>
          <div class="foot">
            <span class="number">${card.number}</span>
            <span>${this.client.first_name}</span>
          </div>
        </div>
        ${this.renderCodes(card)}
      </div>
      <p class="facts small">
        ${
          card.expires_at
            ? html`<span class=${card.expired ? 'expired' : 'muted'}
                >${message(card.expired ? 'card.ecard.expiredOn' : 'card.ecard.validUntil', { date: this.date(card.expires_at) })}</span
              >`
            : nothing
        }
        <span class="muted" data-link-active=${card.link_active ? 'true' : 'false'}
          >${message(card.link_active ? 'card.ecard.linkActive' : 'card.ecard.noLink')}</span
        >
      </p>
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

  /** The number as a QR code and a Code 128 barcode, drawn from the API's geometry (module units, quiet zones included). */
  private renderCodes(card: EcardCodes) {
    const { qr, barcode } = card;
    return html`<div class="codes" part="codes">
      <svg
        class="qr"
        role="img"
        aria-label=${message('card.ecard.qr', { number: card.number })}
        viewBox="0 0 ${qr.size} ${qr.size}"
        width=${qr.size * QR_PX}
        height=${qr.size * QR_PX}
      >
        ${svg`<rect width=${qr.size} height=${qr.size} fill="#fff"></rect><path d=${qr.path} fill="#000"></path>`}
      </svg>
      <svg
        class="barcode"
        role="img"
        aria-label=${message('card.ecard.barcode', { number: card.number })}
        viewBox="0 0 ${barcode.width} ${barcode.height}"
        width=${barcode.width * BAR_PX}
        height=${barcode.height * BAR_PX}
      >
        ${svg`<rect width=${barcode.width} height=${barcode.height} fill="#fff"></rect><path d=${barcode.path} fill="#000"></path>`}
      </svg>
      <span class="code-number">${card.number}</span>
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
      this.ecard.reload();
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
      this.ecard.reload();
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

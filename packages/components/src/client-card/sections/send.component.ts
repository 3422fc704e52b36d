import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Message, MessagePreview } from '../../api/types.js';
import { currencyDigits } from '../../format.js';
import { errorText, message } from '../../localize.js';
import { composerStyles, MessageComposer } from '../../messaging/composer.js';
import { CardSection, errorCode, fieldErrors, type Notice, noticeBlock } from '../section.js';
import { sectionStyles } from '../section.styles.js';
import { notificationSettingsResource } from './notification-settings.js';

/** The client's balance as the server fills `{balance}`: in the business country's format, plain spaces. */
function serverMoney(minor: number, currency: string, country: string): string {
  try {
    const locale = new Intl.Locale('und', { region: country }).maximize().baseName;
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    return format.format(minor / 10 ** currencyDigits(currency)).replace(/[\u00a0\u202f]/g, ' ');
  } catch {
    return String(minor / 100);
  }
}

/**
 * @summary Writes an SMS, email or push message to the client: placeholders, a live preview filled by the API, an SMS
 * part counter, and sending. Warns, without blocking, when the client has switched off every notification on the
 * channel or has not agreed to marketing: a message typed to one client is staff's to judge (automatic and bulk sends
 * follow the switches themselves).
 * @tag cb-client-card-send
 *
 * @csspart consent - The warning about the client's notification switches or marketing consent.
 */
@localized()
export class CbClientCardSend extends CardSection {
  static override styles = [
    sectionStyles,
    composerStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-4, 1rem);
      }
    `,
  ];

  @state() private sending = false;
  @state() private errors: Record<string, string> = {};
  @state() private notice: Notice = null;

  private readonly composer = new MessageComposer(this, {
    preview: async (draft, signal) => {
      const path = `${this.clientPath}/messages/preview`;
      return (await this.api?.request<MessagePreview>('POST', path, draft, { signal })) ?? null;
    },
    errors: () => this.errors,
    setErrors: (errors) => {
      this.errors = errors;
    },
    edited: () => {
      this.notice = null;
    },
    fill: (body) => this.filled(body),
  });

  /** The client's notification switches, for the warning; without them (e.g. not allowed to read) none is shown. */
  private readonly switches = notificationSettingsResource(
    this,
    () => this.api,
    () => this.client,
  );

  override refresh(): void {
    this.switches.reload();
  }

  /** The body with the placeholders filled from the card's client, to count SMS parts at once while typing. */
  private filled(text: string): string {
    const c = this.client;
    const business = this.session?.business;
    const values: Record<string, string> = {
      first_name: c.first_name,
      last_name: c.last_name ?? '',
      discount: `${c.discount}%`,
      balance: business ? serverMoney(c.balance, business.currency, business.country) : this.money(c.balance),
      salon_name: business?.name ?? '',
    };
    return text.trim().replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  }

  protected override render() {
    if (!this.client) return nothing;
    if (!this.can('messages_send')) return html`<p class="notice warning">${message('error.forbidden')}</p>`;
    const channel = this.composer.channel;
    return html`<form novalidate @submit=${this.send}>
      ${this.composer.render(this.locale, { between: this.renderConsent() })}
      ${this.composer.renderPreview({ recipient: true })}
      <div class="row">
        <button type="submit" class="button" part="button" ?disabled=${this.sending}>
          ${this.sending ? message('card.send.sending') : message(`card.send.submit.${channel}`)}
        </button>
        ${noticeBlock(this.notice)}
      </div>
    </form>`;
  }

  /** What the client asked for on this channel; the message can still be sent. */
  private renderConsent() {
    const channel = this.composer.channel;
    const onChannel = this.switches.value?.settings.filter((s) => s.channel === channel) ?? [];
    const allOff = onChannel.length > 0 && onChannel.every((s) => !s.enabled);
    const text = allOff
      ? message('card.send.allOff', { channel: message(`card.channel.${channel}`) })
      : !this.client.marketing_allowed
        ? message('card.send.noMarketing')
        : '';
    return text ? html`<p class="notice warning" part="consent">${text}</p>` : nothing;
  }

  private send = async (event: Event) => {
    event.preventDefault();
    if (!this.api || this.sending || !this.composer.check()) return;
    this.sending = true;
    this.notice = null;
    this.errors = {};
    try {
      const sent = await this.api.request<Message>('POST', `${this.clientPath}/messages`, this.composer.draft);
      if (sent.status === 'failed') {
        this.notice = { kind: 'danger', text: message('card.send.failed', { error: sent.error ?? '' }) };
      } else {
        this.notice = {
          kind: 'success',
          text: message('card.send.sent', {
            address: sent.channel === 'push' ? message('card.send.devices') : (sent.to_address ?? ''),
          }),
        };
        this.composer.reset();
      }
      this.dataChanged({ sections: ['messages'] });
    } catch (error) {
      if (errorCode(error) === 'channel_unavailable') {
        this.notice = { kind: 'danger', text: message(`card.send.unavailable.${this.composer.channel}`) };
      } else {
        this.errors = fieldErrors(error);
        if (!Object.keys(this.errors).length) this.notice = { kind: 'danger', text: errorText(error) };
      }
    } finally {
      this.sending = false;
    }
  };
}

import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Message, MessageChannel, MessagePreview, NotificationSettings } from '../../api/types.js';
import { currencyDigits } from '../../format.js';
import { errorText, message } from '../../localize.js';
import {
  composerStyles,
  insertAtCursor,
  MESSAGE_CHANNELS,
  messageCounter,
  placeholderButtons,
} from '../../messaging/composer.js';
import { CardSection, errorCode, fieldErrors, isAbort, type Notice, noticeBlock, Resource } from '../section.js';
import { sectionStyles } from '../section.styles.js';

const PREVIEW_DELAY_MS = 400;

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

  @state() private channel: MessageChannel = 'sms';
  @state() private subject = '';
  @state() private body = '';
  @state() private preview: MessagePreview | null = null;
  @state() private previewLoading = false;
  @state() private previewError = '';
  @state() private sending = false;
  @state() private errors: Record<string, string> = {};
  @state() private notice: Notice = null;

  @query('#body') private textarea!: HTMLTextAreaElement | null;

  /** The client's notification switches, for the warning; without them (e.g. not allowed to read) none is shown. */
  private readonly switches = new Resource<NotificationSettings>(
    this,
    () => this.api,
    (api, signal) =>
      api.request<NotificationSettings>('GET', `${this.clientPath}/notification-settings`, undefined, { signal }),
    // Consent caps the marketing switch, so a change of it is read again.
    () => (this.client ? [this.client.id, this.client.marketing_allowed] : null),
  );

  override refresh(): void {
    this.switches.reload();
  }

  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private previewAbort: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.previewTimer);
    this.previewAbort?.abort();
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

  private schedulePreview(): void {
    clearTimeout(this.previewTimer);
    this.previewAbort?.abort();
    if (!this.body.trim()) {
      this.preview = null;
      this.previewLoading = false;
      this.previewError = '';
      return;
    }
    this.previewLoading = true;
    this.previewTimer = setTimeout(() => void this.loadPreview(), PREVIEW_DELAY_MS);
  }

  private async loadPreview(): Promise<void> {
    if (!this.api) return;
    const abort = new AbortController();
    this.previewAbort = abort;
    try {
      this.preview = await this.api.request<MessagePreview>(
        'POST',
        `${this.clientPath}/messages/preview`,
        this.payload(),
        {
          signal: abort.signal,
        },
      );
      this.previewError = '';
      const { body: _body, subject: _subject, ...rest } = this.errors;
      this.errors = rest;
    } catch (error) {
      if (isAbort(error)) return;
      this.preview = null;
      const fields = fieldErrors(error);
      if (Object.keys(fields).length) this.errors = { ...this.errors, ...fields };
      else this.previewError = errorText(error);
    } finally {
      if (this.previewAbort === abort) {
        this.previewLoading = false;
        this.previewAbort = null;
      }
    }
  }

  private payload() {
    const subject = this.channel === 'sms' ? null : this.subject.trim() || null;
    return { channel: this.channel, subject, body: this.body };
  }

  protected override render() {
    if (!this.client) return nothing;
    if (!this.can('messages_send')) return html`<p class="notice warning">${message('error.forbidden')}</p>`;
    const bodyError = this.errors.body;
    const subjectError = this.errors.subject;
    return html`<form novalidate @submit=${this.send}>
      <fieldset class="segmented">
        <legend>${message('card.send.channel')}</legend>
        ${MESSAGE_CHANNELS.map(
          (c) => html`<label
            ><input type="radio" name="channel" value=${c} .checked=${this.channel === c} @change=${() => this.setChannel(c)} /><span
              >${message(`card.channel.${c}`)}</span
            ></label
          >`,
        )}
      </fieldset>
      ${this.renderConsent()}
      ${
        this.channel === 'sms'
          ? nothing
          : html`<div class="field">
            <label for="subject">${message(this.channel === 'push' ? 'card.send.title' : 'card.send.subject')}</label>
            <input
              id="subject"
              part="input"
              maxlength="200"
              autocomplete="off"
              .value=${this.subject}
              @input=${(e: Event) => {
                this.subject = (e.target as HTMLInputElement).value;
                this.schedulePreview();
              }}
              aria-invalid=${subjectError ? 'true' : 'false'}
              aria-describedby=${subjectError ? 'subject-error' : nothing}
            />
            ${subjectError ? html`<span class="field-error" part="field-error" id="subject-error">${subjectError}</span>` : nothing}
          </div>`
      }
      <div class="field">
        <label for="body">${message('card.send.body')}</label>
        <textarea
          id="body"
          part="input"
          rows="5"
          maxlength="10000"
          .value=${this.body}
          @input=${(e: Event) => {
            this.body = (e.target as HTMLTextAreaElement).value;
            this.notice = null;
            this.schedulePreview();
          }}
          aria-invalid=${bodyError ? 'true' : 'false'}
          aria-describedby="counter ${bodyError ? 'body-error' : ''}"
        ></textarea>
        ${bodyError ? html`<span class="field-error" part="field-error" id="body-error">${bodyError}</span>` : nothing}
        ${this.renderCounter()}
        ${placeholderButtons((token) => this.insert(token))}
      </div>
      ${this.renderPreview()}
      <div class="row">
        <button type="submit" class="button" part="button" ?disabled=${this.sending}>
          ${this.sending ? message('card.send.sending') : message(`card.send.submit.${this.channel}`)}
        </button>
        ${noticeBlock(this.notice)}
      </div>
    </form>`;
  }

  /** What the client asked for on this channel; the message can still be sent. */
  private renderConsent() {
    const onChannel = this.switches.value?.settings.filter((s) => s.channel === this.channel) ?? [];
    const allOff = onChannel.length > 0 && onChannel.every((s) => !s.enabled);
    const text = allOff
      ? message('card.send.allOff', { channel: message(`card.channel.${this.channel}`) })
      : !this.client.marketing_allowed
        ? message('card.send.noMarketing')
        : '';
    return text ? html`<p class="notice warning" part="consent">${text}</p>` : nothing;
  }

  private renderCounter() {
    const text = this.filled(this.body);
    const known = this.preview && this.preview.body === text ? this.preview.sms : null;
    return messageCounter(this.channel, text, this.locale, known);
  }

  private renderPreview() {
    const p = this.preview;
    const busy = this.previewLoading;
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="preview-heading">${message('card.send.preview')}</h3>
      ${
        this.previewError
          ? html`<p class="field-error">${this.previewError}</p>`
          : !p
            ? html`<p class="muted small">${busy ? message('loading') : message('card.send.previewHint')}</p>`
            : html`${
                p.channel_available
                  ? html`<p class="small muted">${message('card.send.to', { address: p.channel === 'push' ? message('card.send.devices') : (p.to_address ?? '') })}</p>`
                  : html`<p class="notice warning">${message(`card.send.unavailable.${p.channel}`)}</p>`
              }
              <div class="bubble">
                ${p.subject ? html`<p class="item-title">${p.subject}</p>` : nothing}
                <p class="body-text" data-preview>${p.body}</p>
              </div>`
      }
    </section>`;
  }

  private setChannel(channel: MessageChannel): void {
    this.channel = channel;
    this.errors = {};
    this.notice = null;
    this.schedulePreview();
  }

  private insert(token: string): void {
    if (!this.textarea) return;
    this.body = insertAtCursor(this.textarea, token);
    this.schedulePreview();
  }

  private send = async (event: Event) => {
    event.preventDefault();
    if (!this.api || this.sending) return;
    if (!this.body.trim()) {
      this.errors = { body: message('card.send.bodyRequired') };
      this.textarea?.focus();
      return;
    }
    if (this.channel === 'email' && !this.subject.trim()) {
      this.errors = { subject: message('card.send.subjectRequired') };
      this.renderRoot.querySelector<HTMLInputElement>('#subject')?.focus();
      return;
    }
    this.sending = true;
    this.notice = null;
    this.errors = {};
    try {
      const sent = await this.api.request<Message>('POST', `${this.clientPath}/messages`, this.payload());
      if (sent.status === 'failed') {
        this.notice = { kind: 'danger', text: message('card.send.failed', { error: sent.error ?? '' }) };
      } else {
        this.notice = {
          kind: 'success',
          text: message('card.send.sent', {
            address: sent.channel === 'push' ? message('card.send.devices') : (sent.to_address ?? ''),
          }),
        };
        this.body = '';
        this.subject = '';
        this.preview = null;
      }
      this.dataChanged({ sections: ['messages'] });
    } catch (error) {
      if (errorCode(error) === 'channel_unavailable') {
        this.notice = { kind: 'danger', text: message(`card.send.unavailable.${this.channel}`) };
      } else {
        this.errors = fieldErrors(error);
        if (!Object.keys(this.errors).length) this.notice = { kind: 'danger', text: errorText(error) };
      }
    } finally {
      this.sending = false;
    }
  };
}

import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Message, MessageChannel, MessagePreview } from '../../api/types.js';
import { currencyDigits, formatNumber } from '../../format.js';
import { errorText, message } from '../../localize.js';
import { CardSection, errorCode, fieldErrors, isAbort, type Notice, noticeBlock } from '../section.js';
import { sectionStyles } from '../section.styles.js';
import { smsSegments } from './sms-segments.js';

const CHANNELS: MessageChannel[] = ['sms', 'email', 'push'];
const PLACEHOLDERS = ['first_name', 'last_name', 'discount', 'balance', 'salon_name'] as const;
const PREVIEW_DELAY_MS = 400;
const SMS_MAX_CHARACTERS = 1600;

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
 * part counter, and sending.
 * @tag cb-client-card-send
 */
@localized()
export class CbClientCardSend extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-4, 1rem);
      }

      .placeholders {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cb-space-1, 0.25rem) var(--cb-space-2, 0.5rem);
      }

      .placeholders button {
        font: inherit;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 0.75rem;
        color: var(--_accent);
        background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
        border: 1px solid color-mix(in srgb, var(--_accent) 25%, transparent);
        border-radius: var(--cb-radius-sm, 4px);
        padding: 0.125rem 0.375rem;
        cursor: pointer;
      }

      .counter {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--cb-space-2, 0.5rem);
        font-size: var(--cb-font-size-sm, 0.8125rem);
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }

      .counter .over {
        color: var(--_danger);
        font-weight: var(--cb-font-weight-semibold, 600);
      }

      .preview {
        background: var(--_surface);
        border-radius: var(--cb-radius-md, 8px);
        padding: var(--cb-space-3, 0.75rem);
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-2, 0.5rem);
        min-height: 5rem;
      }

      .preview[aria-busy='true'] .body-text {
        opacity: 0.6;
      }

      .bubble {
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--cb-radius-lg, 12px);
        padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
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
        ${CHANNELS.map(
          (c) => html`<label
            ><input type="radio" name="channel" value=${c} .checked=${this.channel === c} @change=${() => this.setChannel(c)} /><span
              >${message(`card.channel.${c}`)}</span
            ></label
          >`,
        )}
      </fieldset>
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
        <div class="placeholders" role="group" aria-labelledby="placeholders-label">
          <span class="small muted" id="placeholders-label">${message('card.send.insert')}</span>
          ${PLACEHOLDERS.map(
            (p) => html`<button type="button" part="button" @click=${() => this.insert(`{${p}}`)}>{${p}}</button>`,
          )}
        </div>
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

  private renderCounter() {
    const text = this.filled(this.body);
    const characters = Array.from(text).length;
    if (this.channel !== 'sms') {
      return html`<p class="counter" id="counter">
        <span>${message('card.send.characters', { count: formatNumber(characters, this.locale) })}</span>
      </p>`;
    }
    const current = this.preview && this.preview.body === text ? this.preview.sms : null;
    const sms = current ?? smsSegments(text);
    const capacity = sms.segments > 1 ? sms.segments * sms.per_segment : sms.per_segment;
    const over = characters > SMS_MAX_CHARACTERS;
    return html`<p class="counter" id="counter">
      <span data-segments=${sms.segments}
        >${message(sms.segments === 1 ? 'card.send.segmentsOne' : 'card.send.segments', {
          count: formatNumber(sms.segments, this.locale),
        })}
        · ${formatNumber(sms.units, this.locale)} / ${formatNumber(capacity, this.locale)}</span
      >
      <span>${message(sms.encoding === 'gsm7' ? 'card.send.gsm7' : 'card.send.ucs2', { per: sms.per_segment })}</span>
      ${over ? html`<span class="over">${message('card.send.tooLong', { max: formatNumber(SMS_MAX_CHARACTERS, this.locale) })}</span>` : nothing}
    </p>`;
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
    const area = this.textarea;
    if (!area) return;
    const start = area.selectionStart ?? area.value.length;
    const end = area.selectionEnd ?? start;
    area.setRangeText(token, start, end, 'end');
    this.body = area.value;
    area.focus();
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

// The message composer of the card's send section and the bulk action bar's send dialog: channel, subject, body with
// placeholder buttons, the character/SMS part counter and the preview the API fills for one client. A controller that
// renders into its host's shadow root rather than an element of its own, so the host's form, its focus handling and
// the aria-describedby links from the fields to their errors and the counter all stay in one tree.

import { PLACEHOLDERS } from '@clientbase/shared/placeholders';
import { smsSegments } from '@clientbase/shared/sms-segments';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { MessageChannel, MessagePreview } from '../api/types.js';
import { fieldErrors, isAbort } from '../client-card/section.js';
import { formatNumber } from '../format.js';
import { errorText, type Locale, message } from '../localize.js';

const CHANNELS: readonly MessageChannel[] = ['sms', 'email', 'push'];
/** The placeholders the API fills per recipient (an unknown one is a 422 on the body). */
/** The longest SMS the API sends, in characters of the filled text. */
const SMS_MAX_CHARACTERS = 1600;
const PREVIEW_DELAY_MS = 400;

/** What the API's send and preview endpoints take. */
export interface Draft {
  channel: MessageChannel;
  subject: string | null;
  body: string;
}

export interface ComposerOptions {
  /** The draft filled in for one client; null when there is no client to fill it for. */
  preview(draft: Draft, signal: AbortSignal): Promise<MessagePreview | null>;
  /** The host's field errors: the composer shows `subject` and `body`, and puts a preview's 422 details there. */
  errors(): Record<string, string>;
  setErrors(errors: Record<string, string>): void;
  /** The reader changed the channel or the text. */
  edited?(what: 'channel' | 'text'): void;
  /** The body as it will go, counted until the API's preview answers; by default the body trimmed. */
  fill?(body: string): string;
}

export class MessageComposer implements ReactiveController {
  channel: MessageChannel = 'sms';
  subject = '';
  body = '';
  preview: MessagePreview | null = null;
  previewError = '';
  loading = false;
  /** The draft the preview was made of, so the counter trusts it only while the text is the same. */
  private previewKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: ComposerOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  get draft(): Draft {
    const subject = this.channel === 'sms' ? null : this.subject.trim() || null;
    return { channel: this.channel, subject, body: this.body };
  }

  private get key(): string {
    return JSON.stringify([this.channel, this.draft.subject, this.body.trim()]);
  }

  /** Stops a preview on its way (the dialog closed, the host left the page). */
  stop(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = null;
    this.loading = false;
  }

  /** An empty draft, on `channel` (by default the one chosen). */
  reset(channel = this.channel): void {
    this.stop();
    this.channel = channel;
    this.subject = this.body = this.previewError = this.previewKey = '';
    this.preview = null;
    this.host.requestUpdate();
  }

  /** What the API would refuse at once: said at the field, which gets the focus. */
  check(): boolean {
    const missing = !this.body.trim() ? 'body' : this.channel === 'email' && !this.subject.trim() ? 'subject' : null;
    if (!missing) return true;
    this.options.setErrors({ [missing]: message(`card.send.${missing}Required`) });
    this.host.renderRoot.querySelector<HTMLElement>(`#${missing}`)?.focus();
    return false;
  }

  private edit(what: 'channel' | 'text', change: Partial<Pick<this, 'channel' | 'subject' | 'body'>>): void {
    Object.assign(this, change);
    if (what === 'channel') this.options.setErrors({});
    this.options.edited?.(what);
    this.schedule();
    this.host.requestUpdate();
  }

  private schedule(): void {
    this.stop();
    if (!this.body.trim()) {
      this.preview = null;
      this.previewError = '';
      return;
    }
    this.loading = true;
    this.timer = setTimeout(() => void this.load(), PREVIEW_DELAY_MS);
  }

  private async load(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    const key = this.key;
    try {
      const preview = await this.options.preview(this.draft, abort.signal);
      if (abort.signal.aborted) return;
      this.preview = preview;
      this.previewKey = key;
      this.previewError = '';
      if (preview) this.setTextErrors({});
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      this.preview = null;
      const fields = fieldErrors(error);
      if (Object.keys(fields).length) this.setTextErrors(fields);
      else this.previewError = errorText(error);
    } finally {
      if (this.abort === abort) {
        this.abort = null;
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** A preview checks subject and body together: its answer replaces what was said about either. */
  private setTextErrors(fields: Record<string, string>): void {
    const { body: _body, subject: _subject, ...rest } = this.options.errors();
    this.options.setErrors({ ...rest, ...fields });
  }

  /** Puts `token` where the cursor is (replacing a selection) and keeps the focus there. */
  private insert(token: string): void {
    const area = this.host.renderRoot.querySelector<HTMLTextAreaElement>('#body');
    if (!area) return;
    area.setRangeText(token, area.selectionStart, area.selectionEnd, 'end');
    area.focus();
    this.edit('text', { body: area.value });
  }

  /** Channel, then `between` (what the host says about the channel), subject and body with its counter. */
  render(locale: Locale, { between = nothing as unknown, rows = 5, autofocus = false } = {}) {
    const errors = this.options.errors();
    const invalid = (field: string) => (errors[field] ? 'true' : 'false');
    const error = (field: string) =>
      errors[field]
        ? html`<span class="field-error" part="field-error" id="${field}-error">${errors[field]}</span>`
        : nothing;
    return html`<fieldset class="segmented">
        <legend>${message('card.send.channel')}</legend>
        ${CHANNELS.map(
          (c, i) => html`<label
            ><input
              type="radio"
              name="channel"
              value=${c}
              ?autofocus=${autofocus && i === 0}
              .checked=${this.channel === c}
              @change=${() => this.edit('channel', { channel: c })}
            /><span>${message(`card.channel.${c}`)}</span></label
          >`,
        )}
      </fieldset>
      ${between}
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
              aria-invalid=${invalid('subject')}
              aria-describedby=${errors.subject ? 'subject-error' : nothing}
              @input=${(e: Event) => this.edit('text', { subject: (e.target as HTMLInputElement).value })}
            />
            ${error('subject')}
          </div>`
      }
      <div class="field">
        <label for="body">${message('card.send.body')}</label>
        <textarea
          id="body"
          part="input"
          rows=${rows}
          maxlength="10000"
          .value=${this.body}
          aria-invalid=${invalid('body')}
          aria-describedby=${errors.body ? 'counter body-error' : 'counter'}
          @input=${(e: Event) => this.edit('text', { body: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${error('body')} ${this.renderCounter(locale)}
        <div class="placeholders" role="group" aria-labelledby="placeholders-label">
          <span class="small muted" id="placeholders-label">${message('card.send.insert')}</span>
          ${PLACEHOLDERS.map((p) => html`<button type="button" part="button" @click=${() => this.insert(`{${p}}`)}>{${p}}</button>`)}
        </div>
      </div>`;
  }

  /**
   * Characters of the text as it will go, and for SMS its parts, encoding and the length limit: the API's own count
   * once its preview of this very draft is in, counted the same way here until then.
   */
  private renderCounter(locale: Locale) {
    const fresh = !this.loading && this.previewKey === this.key ? this.preview : null;
    const text = fresh ? fresh.body : (this.options.fill?.(this.body) ?? this.body.trim());
    const characters = Array.from(text).length;
    const count = (n: number) => formatNumber(n, locale);
    if (this.channel !== 'sms') {
      return html`<p class="counter" id="counter"><span>${message('card.send.characters', { count: count(characters) })}</span></p>`;
    }
    const sms = fresh?.sms ?? smsSegments(text);
    const capacity = sms.segments > 1 ? sms.segments * sms.per_segment : sms.per_segment;
    return html`<p class="counter" id="counter">
      <span data-segments=${sms.segments}
        >${message(sms.segments === 1 ? 'card.send.segmentsOne' : 'card.send.segments', { count: count(sms.segments) })}
        · ${count(sms.units)} / ${count(capacity)}</span
      >
      <span>${message(sms.encoding === 'gsm7' ? 'card.send.gsm7' : 'card.send.ucs2', { per: sms.per_segment })}</span>
      ${
        characters > SMS_MAX_CHARACTERS
          ? html`<span class="over">${message('card.send.tooLong', { max: count(SMS_MAX_CHARACTERS) })}</span>`
          : nothing
      }
    </p>`;
  }

  /** The draft filled in for one client; `note` follows the heading, `recipient` says where it goes or that it can't. */
  renderPreview({ note = '', recipient = false } = {}) {
    const p = this.preview;
    const to = ({ channel, channel_available, to_address }: MessagePreview) =>
      channel_available
        ? html`<p class="small muted">${message('card.send.to', { address: channel === 'push' ? message('card.send.devices') : (to_address ?? '') })}</p>`
        : html`<p class="notice warning">${message(`card.send.unavailable.${channel}`)}</p>`;
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading" aria-busy=${this.loading ? 'true' : 'false'}>
      <h3 id="preview-heading">${message('card.send.preview')}${note ? html` <span class="muted small">${note}</span>` : nothing}</h3>
      ${
        this.previewError
          ? html`<p class="field-error">${this.previewError}</p>`
          : !p
            ? html`<p class="muted small">${
                this.loading
                  ? message('loading')
                  : // A draft the API refused (an unknown placeholder) has no preview until it is fixed.
                    this.options.errors().body || this.options.errors().subject
                    ? message('card.send.previewBlocked')
                    : message('card.send.previewHint')
              }</p>`
            : html`${recipient ? to(p) : nothing}
              <div class="bubble">
                ${p.subject ? html`<p class="item-title">${p.subject}</p>` : nothing}
                <p class="body-text" data-preview>${p.body}</p>
              </div>`
      }
    </section>`;
  }
}

/** Placeholder buttons, counter and preview; the host supplies `--_accent`, `--_bg`, `--_surface`, `--_border`, `--_muted`, `--_danger`. */
export const composerStyles = css`
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
    margin: 0;
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
`;

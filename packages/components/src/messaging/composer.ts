// The pieces of a message composer shared by the card's send section and the bulk action bar's send dialog:
// channels, placeholder buttons that insert at the cursor, the character/SMS part counter and their styles.
import { css, html, nothing } from 'lit';
import type { MessageChannel, SmsInfo } from '../api/types.js';
import { smsSegments } from '../client-card/sections/sms-segments.js';
import { formatNumber } from '../format.js';
import { type Locale, message } from '../localize.js';

export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['sms', 'email', 'push'];
/** The placeholders the API fills per recipient (an unknown one is a 422 on the body). */
export const PLACEHOLDERS = ['first_name', 'last_name', 'discount', 'balance', 'salon_name'] as const;
/** The longest SMS the API sends, in characters of the filled text. */
export const SMS_MAX_CHARACTERS = 1600;

/** Puts `token` where the cursor is (replacing a selection), keeps the focus there, and answers the new text. */
export function insertAtCursor(area: HTMLTextAreaElement, token: string): string {
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  area.setRangeText(token, start, end, 'end');
  area.focus();
  return area.value;
}

/** The row of placeholder buttons; `labelId` must be unique in the shadow root. */
export function placeholderButtons(insert: (token: string) => void, labelId = 'placeholders-label') {
  return html`<div class="placeholders" role="group" aria-labelledby=${labelId}>
    <span class="small muted" id=${labelId}>${message('card.send.insert')}</span>
    ${PLACEHOLDERS.map((p) => html`<button type="button" part="button" @click=${() => insert(`{${p}}`)}>{${p}}</button>`)}
  </div>`;
}

/**
 * Characters of `text`, and for SMS its parts, encoding and the length limit. `known` is the API's own count of this
 * very text when there is one (a preview); otherwise it is counted here the same way.
 */
export function messageCounter(channel: MessageChannel, text: string, locale: Locale, known: SmsInfo | null = null) {
  const characters = Array.from(text).length;
  if (channel !== 'sms') {
    return html`<p class="counter" id="counter">
      <span>${message('card.send.characters', { count: formatNumber(characters, locale) })}</span>
    </p>`;
  }
  const sms = known ?? smsSegments(text);
  const capacity = sms.segments > 1 ? sms.segments * sms.per_segment : sms.per_segment;
  const over = characters > SMS_MAX_CHARACTERS;
  return html`<p class="counter" id="counter">
    <span data-segments=${sms.segments}
      >${message(sms.segments === 1 ? 'card.send.segmentsOne' : 'card.send.segments', {
        count: formatNumber(sms.segments, locale),
      })}
      · ${formatNumber(sms.units, locale)} / ${formatNumber(capacity, locale)}</span
    >
    <span>${message(sms.encoding === 'gsm7' ? 'card.send.gsm7' : 'card.send.ucs2', { per: sms.per_segment })}</span>
    ${over ? html`<span class="over">${message('card.send.tooLong', { max: formatNumber(SMS_MAX_CHARACTERS, locale) })}</span>` : nothing}
  </p>`;
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

import { css } from 'lit';

/** Buttons, option cards, days, slots, fields, notices, the summary and the confirmation. */
export const controlStyles = css`
  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  :focus-visible,
  .option:has(.native:focus-visible),
  .day:has(.native:focus-visible),
  .slot:has(.native:focus-visible) {
    outline: 2px solid var(--cb-color-focus-ring);
    outline-offset: 2px;
  }

  .native:focus-visible {
    outline: none;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--cb-space-2);
    min-height: var(--cb-control-height);
    padding: 0 var(--cb-space-5);
    border: 1px solid transparent;
    border-radius: var(--cb-radius-md);
    font: inherit;
    font-weight: var(--cb-font-weight-semibold);
    white-space: nowrap;
    cursor: pointer;
    transition:
      background-color 0.15s,
      border-color 0.15s,
      color 0.15s;
  }

  .primary {
    background: var(--cb-booking-widget-accent);
    color: var(--cb-color-on-primary);
  }

  .primary:hover:not(:disabled) {
    background: var(--cb-color-primary-hover);
  }

  .primary:disabled {
    background: var(--cb-color-border);
    color: var(--cb-color-text-muted);
    cursor: not-allowed;
  }

  .primary[aria-disabled='true'] {
    cursor: progress;
  }

  .secondary {
    border-color: var(--cb-color-border-strong);
    background: transparent;
    color: var(--cb-color-text);
  }

  .secondary:hover {
    background: var(--cb-color-surface);
  }

  .small {
    min-height: 2.25rem;
    padding: 0 var(--cb-space-3);
    font-size: var(--cb-font-size-sm);
  }

  .wide {
    width: 100%;
  }

  .trigger {
    border-radius: var(--cb-radius-pill);
    box-shadow: var(--cb-shadow-sm);
  }

  .icon-button {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 1px solid var(--cb-color-border);
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
    transition: background-color 0.15s;
  }

  .icon-button:hover:not(:disabled) {
    background: var(--cb-color-surface);
  }

  .icon-button:disabled {
    opacity: 0.35;
    cursor: default;
  }

  .close {
    border-color: transparent;
    margin: calc(-1 * var(--cb-space-2)) calc(-1 * var(--cb-space-2)) 0 0;
  }

  /* A native radio or checkbox spread invisibly over its card: the card is the control. */
  .native {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }

  .options {
    display: grid;
    gap: var(--cb-space-2);
  }

  .option {
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--cb-space-3);
    min-height: 4.25rem;
    padding: var(--cb-space-3) var(--cb-space-4);
    border: 1px solid var(--cb-color-border);
    border-radius: var(--cb-radius-md);
    background: var(--cb-color-surface-raised);
    cursor: pointer;
    transition:
      border-color 0.15s,
      background-color 0.15s,
      box-shadow 0.15s;
  }

  .option:hover {
    border-color: var(--cb-color-border-strong);
  }

  .option:has(:checked) {
    border-color: var(--cb-booking-widget-accent);
    background: var(--cb-color-primary-soft);
    box-shadow: inset 0 0 0 1px var(--cb-booking-widget-accent);
  }

  .option:has(:disabled) {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .option-text {
    display: grid;
    flex: 1;
    min-width: 0;
  }

  .option-title {
    font-weight: var(--cb-font-weight-medium);
    overflow-wrap: anywhere;
  }

  .option-meta {
    color: var(--cb-color-text-muted);
    font-size: var(--cb-font-size-sm);
  }

  .option-end {
    font-weight: var(--cb-font-weight-semibold);
    white-space: nowrap;
  }

  .mark {
    display: grid;
    flex: none;
    place-items: center;
    width: 1.375rem;
    height: 1.375rem;
    border: 1.5px solid var(--cb-color-border-strong);
    border-radius: var(--cb-radius-sm);
    color: transparent;
    transition:
      background-color 0.15s,
      border-color 0.15s;
  }

  .option:has([type='radio']) .mark {
    border-radius: 50%;
  }

  .option:has(:checked) .mark {
    border-color: var(--cb-booking-widget-accent);
    background: var(--cb-booking-widget-accent);
    color: var(--cb-color-on-primary);
  }

  .mark .icon {
    width: 0.875rem;
    height: 0.875rem;
    stroke-width: 3;
  }

  .avatar {
    display: grid;
    flex: none;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    background: var(--cb-color-primary-soft);
    color: var(--cb-booking-widget-accent);
    font-weight: var(--cb-font-weight-semibold);
  }

  .week {
    display: flex;
    align-items: center;
    gap: var(--cb-space-2);
  }

  .week-label {
    flex: 1;
    margin: 0;
    font-weight: var(--cb-font-weight-semibold);
  }

  .days {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: var(--cb-space-2);
  }

  .day {
    position: relative;
    display: grid;
    justify-items: center;
    gap: 2px;
    padding: var(--cb-space-2) 0;
    border: 1px solid var(--cb-color-border);
    border-radius: var(--cb-radius-md);
    background: var(--cb-color-surface-raised);
    cursor: pointer;
    transition:
      border-color 0.15s,
      background-color 0.15s;
  }

  .day:hover {
    border-color: var(--cb-booking-widget-accent);
  }

  .day-weekday {
    color: var(--cb-color-text-muted);
    font-size: 0.75rem;
  }

  .day-number {
    font-size: var(--cb-font-size-lg);
    font-weight: var(--cb-font-weight-semibold);
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }

  .day-dot {
    width: 5px;
    height: 5px;
    border-radius: 50%;
  }

  .day[data-state='free'] .day-dot {
    background: var(--cb-booking-widget-accent);
  }

  .day[data-state='loading'] .day-dot {
    background: var(--cb-color-skeleton);
  }

  .day[data-state='empty'] {
    border-color: transparent;
    background: transparent;
    color: var(--cb-color-text-muted);
    cursor: not-allowed;
    opacity: 0.6;
  }

  .day:has(:checked) {
    border-color: var(--cb-booking-widget-accent);
    background: var(--cb-booking-widget-accent);
    color: var(--cb-color-on-primary);
  }

  .day:has(:checked) .day-weekday {
    color: inherit;
  }

  .day:has(:checked) .day-dot {
    background: currentColor;
  }

  .periods {
    display: grid;
    gap: var(--cb-space-4);
  }

  .period {
    display: grid;
    gap: var(--cb-space-2);
  }

  .period-label {
    margin: 0;
    color: var(--cb-color-text-muted);
    font-size: var(--cb-font-size-sm);
    font-weight: var(--cb-font-weight-semibold);
  }

  .slots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr));
    gap: var(--cb-space-2);
  }

  .slot {
    position: relative;
    display: grid;
    place-items: center;
    min-height: 2.75rem;
    border: 1px solid var(--cb-color-border);
    border-radius: var(--cb-radius-md);
    background: var(--cb-color-surface-raised);
    font-weight: var(--cb-font-weight-medium);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    transition:
      border-color 0.15s,
      background-color 0.15s;
  }

  .slot:hover {
    border-color: var(--cb-booking-widget-accent);
  }

  .slot:has(:checked) {
    border-color: var(--cb-booking-widget-accent);
    background: var(--cb-booking-widget-accent);
    color: var(--cb-color-on-primary);
  }

  .empty {
    display: grid;
    justify-items: center;
    gap: var(--cb-space-3);
    margin: 0;
    padding: var(--cb-space-5) var(--cb-space-4);
    border: 1px dashed var(--cb-color-border-strong);
    border-radius: var(--cb-radius-md);
    color: var(--cb-color-text-muted);
    text-align: center;
  }

  .empty p {
    margin: 0;
  }

  .fields {
    display: grid;
    gap: var(--cb-space-4);
  }

  .field {
    display: grid;
    gap: 6px;
  }

  .label {
    font-size: var(--cb-font-size-sm);
    font-weight: var(--cb-font-weight-semibold);
  }

  .optional {
    color: var(--cb-color-text-muted);
    font-weight: var(--cb-font-weight-normal);
  }

  .input {
    width: 100%;
    min-height: var(--cb-control-height);
    padding: 0 var(--cb-space-3);
    border: 1px solid var(--cb-color-border-strong);
    border-radius: var(--cb-radius-md);
    background: var(--cb-color-background);
    color: var(--cb-color-text);
    font: inherit;
    /* 16 px at least: phones zoom into smaller fields. */
    font-size: max(1rem, var(--cb-font-size-md));
    transition: border-color 0.15s;
  }

  textarea.input {
    min-height: 5.5rem;
    padding: var(--cb-space-3);
    resize: vertical;
  }

  .input:focus-visible {
    border-color: var(--cb-booking-widget-accent);
    outline-offset: 0;
  }

  .input[aria-invalid='true'] {
    border-color: var(--cb-color-danger);
  }

  .hint {
    margin: 0;
    color: var(--cb-color-text-muted);
    font-size: var(--cb-font-size-sm);
  }

  .field-error {
    display: flex;
    gap: 6px;
    margin: 0;
    color: var(--cb-color-danger);
    font-size: var(--cb-font-size-sm);
  }

  .field-error .icon {
    width: 1rem;
    height: 1rem;
    margin-top: 0.15em;
  }

  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--cb-space-3);
    font-size: var(--cb-font-size-sm);
    cursor: pointer;
  }

  .check input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--cb-booking-widget-accent);
    cursor: pointer;
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cb-space-2) var(--cb-space-3);
    padding: var(--cb-space-3) var(--cb-space-4);
    border: 1px solid color-mix(in srgb, var(--cb-color-danger) 35%, transparent);
    border-radius: var(--cb-radius-md);
    background: color-mix(in srgb, var(--cb-color-danger) 8%, var(--cb-booking-widget-background));
    font-size: var(--cb-font-size-sm);
  }

  .notice .icon {
    align-self: flex-start;
    color: var(--cb-color-danger);
  }

  .notice p {
    flex: 1 1 12rem;
    margin: 0;
  }

  .notice.info {
    border-color: var(--cb-color-border);
    background: var(--cb-color-surface);
  }

  .notice.info .icon {
    color: var(--cb-color-text-muted);
  }

  .summary {
    display: grid;
    gap: var(--cb-space-2);
    margin: 0;
    padding: var(--cb-space-4);
    border-radius: var(--cb-radius-md);
    background: var(--cb-color-surface);
    font-size: var(--cb-font-size-sm);
  }

  .summary-row {
    display: flex;
    justify-content: space-between;
    gap: var(--cb-space-4);
  }

  .summary dt {
    color: var(--cb-color-text-muted);
  }

  .summary dd {
    margin: 0;
    font-weight: var(--cb-font-weight-medium);
    text-align: end;
  }

  .summary-row:last-child {
    padding-top: var(--cb-space-2);
    border-top: 1px solid var(--cb-color-border);
  }

  .summary-row:last-child dd {
    font-weight: var(--cb-font-weight-semibold);
  }

  .result {
    display: grid;
    justify-items: center;
    gap: var(--cb-space-2);
    padding: var(--cb-space-3) 0;
    text-align: center;
  }

  .result-icon {
    display: grid;
    place-items: center;
    width: 3.5rem;
    height: 3.5rem;
    margin-bottom: var(--cb-space-2);
    border-radius: 50%;
    background: color-mix(in srgb, var(--cb-color-success) 14%, transparent);
    color: var(--cb-color-success);
  }

  .result-icon .icon {
    width: 1.75rem;
    height: 1.75rem;
    stroke-width: 2.5;
  }

  .pending .result-icon {
    background: color-mix(in srgb, var(--cb-color-warning) 16%, transparent);
    color: var(--cb-color-warning);
  }

  .refused .result-icon {
    background: var(--cb-color-primary-soft);
    color: var(--cb-booking-widget-accent);
  }

  .result-text {
    max-width: 26rem;
    margin: 0;
    color: var(--cb-color-text-muted);
  }

  .refusal-text {
    max-width: 26rem;
    font-size: var(--cb-font-size-md);
    font-weight: var(--cb-font-weight-normal);
    line-height: var(--cb-line-height);
  }

  .phone-link {
    display: block;
    margin-top: var(--cb-space-3);
    color: var(--cb-booking-widget-accent);
    font-size: var(--cb-font-size-lg);
    font-weight: var(--cb-font-weight-semibold);
    text-underline-offset: 0.2em;
  }
`;

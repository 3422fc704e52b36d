import { css } from 'lit';

/** On top of the card's section styles (form controls, buttons, notices, the segmented channel switch, `hidden`, the
 * focus ring, `--_muted`, `--_danger` and `--_success`), which it shares, and the composer's. */
export const bulkActionBarStyles = css`
  :host {
    --_accent: var(--cb-bulk-action-bar-accent, var(--cb-color-primary, #3451b2));
    --_border: var(--cb-bulk-action-bar-border-color, var(--cb-color-border, #d9dadf));
    --_bg: var(--cb-color-background, #fff);
    --_surface: var(--cb-color-surface, #f7f7f8);
    display: block;
    container-type: normal;
    color: var(--cb-color-text, #1b1b1f);
    font-family: var(--cb-font-family, system-ui, sans-serif);
    font-size: var(--cb-font-size-md, 0.9375rem);
    line-height: var(--cb-line-height, 1.45);
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem) var(--cb-space-4, 1rem);
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    background: var(--cb-bulk-action-bar-background, color-mix(in srgb, var(--_accent) 9%, var(--_bg)));
    border: 1px solid color-mix(in srgb, var(--_accent) 30%, var(--_border));
    border-radius: var(--cb-radius-md, 8px);
  }

  .count {
    font-weight: var(--cb-font-weight-semibold, 600);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .actions .button.quiet {
    background: var(--_bg);
  }

  .bar + .job,
  .bar ~ .notice {
    margin-top: var(--cb-space-2, 0.5rem);
  }

  .job {
    display: flex;
    align-items: center;
    gap: var(--cb-space-3, 0.75rem);
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    background: var(--_surface);
    font-size: var(--cb-font-size-sm, 0.8125rem);
  }

  progress {
    flex: 1;
  }

  .percent {
    font-variant-numeric: tabular-nums;
    min-width: 3.5em;
    text-align: end;
  }

  /* The dialog */
  dialog {
    width: min(38rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    color: inherit;
    background: var(--cb-color-surface-raised, var(--_bg));
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-lg, 12px);
    box-shadow: var(--cb-shadow-md, 0 4px 16px rgb(0 0 0 / 0.12));
  }

  dialog::backdrop {
    background: var(--cb-color-backdrop, rgb(15 17 24 / 0.5));
  }

  form {
    display: flex;
    flex-direction: column;
    max-height: calc(100dvh - 2rem);
  }

  header {
    padding: var(--cb-space-4, 1rem) var(--cb-space-5, 1.5rem) var(--cb-space-2, 0.5rem);
  }

  h2 {
    margin: 0;
    font-size: var(--cb-font-size-lg, 1.125rem);
    font-weight: var(--cb-font-weight-semibold, 600);
  }

  h3 {
    margin: 0;
    font-size: var(--cb-font-size-sm, 0.8125rem);
    font-weight: var(--cb-font-weight-semibold, 600);
  }

  h3 .small {
    font-weight: var(--cb-font-weight-normal, 400);
  }

  .content {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-4, 1rem);
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-5, 1.5rem);
    overflow: auto;
  }

  footer {
    display: flex;
    justify-content: flex-end;
    gap: var(--cb-space-2, 0.5rem);
    padding: var(--cb-space-3, 0.75rem) var(--cb-space-5, 1.5rem) var(--cb-space-4, 1rem);
    border-top: 1px solid var(--_border);
  }

  .dialog-error {
    color: var(--_danger);
    font-size: var(--cb-font-size-sm, 0.8125rem);
    padding: 0 var(--cb-space-5, 1.5rem);
  }

  .dialog-error > span {
    display: block;
    padding-top: var(--cb-space-2, 0.5rem);
  }

  .row select {
    width: auto;
    flex: 1 1 12rem;
  }

  input[type='color'] {
    width: 3rem;
    height: 2.25rem;
    padding: 0.125rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-sm, 4px);
  }

  .check {
    align-items: flex-start;
  }

  .segmented {
    align-self: flex-start;
  }

  .check input {
    margin-top: 0.2rem;
  }

  .ack {
    padding: var(--cb-space-3, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
  }

  .estimate {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cb-space-1, 0.25rem) var(--cb-space-3, 0.75rem);
    align-items: baseline;
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    border-radius: var(--cb-radius-md, 8px);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
    font-size: var(--cb-font-size-sm, 0.8125rem);
    font-variant-numeric: tabular-nums;
  }

  .warning {
    padding: var(--cb-space-3, 0.75rem);
    border-radius: var(--cb-radius-md, 8px);
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_bg));
  }

  .chip {
    padding: 0.0625rem 0.5rem;
    border-radius: var(--cb-radius-pill, 999px);
    font-size: 0.75rem;
    font-weight: var(--cb-font-weight-semibold, 600);
  }

  .new-category {
    display: flex;
    gap: var(--cb-space-3, 0.75rem);
    align-items: flex-start;
  }

  .grow {
    flex: 1;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: var(--cb-space-2, 0.5rem);
  }

  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--cb-space-2, 0.5rem) var(--cb-space-4, 1rem);
  }

  .columns legend {
    grid-column: 1 / -1;
  }
`;

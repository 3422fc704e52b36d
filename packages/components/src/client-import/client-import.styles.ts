import { css } from 'lit';

/** On top of the card's section styles (form controls, buttons, figures, notices, badges) and the drop zone's. */
export const clientImportStyles = css`
  :host {
    --_accent: var(--cb-client-import-accent, var(--cb-color-primary, #3451b2));
    --_border: var(--cb-client-import-border-color, var(--cb-color-border, #d9dadf));
    --_surface: var(--cb-client-import-surface, var(--cb-color-surface, #f7f7f8));
    --_bg: var(--cb-color-background, #fff);
    display: block;
    color: var(--cb-color-text, #1b1b1f);
    font-family: var(--cb-font-family, system-ui, sans-serif);
    font-size: var(--cb-font-size-md, 0.9375rem);
    line-height: var(--cb-line-height, 1.45);
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-4, 1rem);
    min-width: 0;
  }

  h2 {
    margin: 0;
    font-size: var(--cb-font-size-lg, 1.125rem);
    font-weight: var(--cb-font-weight-semibold, 600);
  }

  /* Focused by script when the step changes (tabindex -1): the sections' [tabindex]:focus-visible ring shows it. */
  .step-heading {
    font-size: var(--cb-font-size-md, 0.9375rem);
    margin: 0;
  }

  .step {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-3, 0.75rem);
    min-width: 0;
  }

  /* The steps */
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cb-space-1, 0.25rem) var(--cb-space-4, 1rem);
    list-style: none;
    margin: 0;
    padding: 0 0 var(--cb-space-3, 0.75rem);
    border-bottom: 1px solid var(--_border);
    font-size: var(--cb-font-size-sm, 0.8125rem);
  }

  .steps li {
    display: flex;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
    color: var(--_muted);
  }

  .step-number {
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-weight: var(--cb-font-weight-semibold, 600);
    font-variant-numeric: tabular-nums;
    background: var(--_bg);
  }

  .steps li.past .step-number {
    border-color: color-mix(in srgb, var(--_accent) 50%, var(--_border));
    color: var(--_accent);
  }

  .steps li.current {
    color: var(--cb-color-text, #1b1b1f);
    font-weight: var(--cb-font-weight-semibold, 600);
  }

  .steps li.current .step-number {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--cb-color-on-primary, #fff);
  }

  /* Step 1: the drop zone (shared styles), larger here. The whole zone is the label of the file input, so a click
     anywhere opens the picker. */
  .drop {
    padding: var(--cb-space-6, 2rem) var(--cb-space-4, 1rem);
    border-radius: var(--cb-radius-lg, 12px);
  }

  .drop-label {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
    cursor: pointer;
  }

  .drop-label::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }

  .drop input[type='file']:focus-visible + .drop-label .button {
    outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
    outline-offset: 2px;
  }

  .drop input[type='file']:disabled + .drop-label {
    cursor: default;
    opacity: 0.6;
  }

  .drop-icon {
    width: 2rem;
    height: 2rem;
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .drop-or {
    color: var(--_muted);
    font-size: var(--cb-font-size-sm, 0.8125rem);
  }

  .drop #file-limits {
    max-width: 34rem;
  }

  .upload {
    position: relative;
    z-index: 1;
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-1, 0.25rem);
    width: min(100%, 26rem);
    text-align: start;
  }

  progress {
    width: 100%;
  }

  .refusal:empty {
    display: none;
  }

  .refusal .error p {
    flex: 1 1 auto;
  }

  .refusal .detail {
    display: block;
    margin-top: var(--cb-space-1, 0.25rem);
    color: var(--cb-color-text, #1b1b1f);
    font-size: var(--cb-font-size-sm, 0.8125rem);
  }

  /* Tables: mapping, preview, problems, skipped rows */
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--cb-font-size-sm, 0.8125rem);
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    border-bottom: 1px solid var(--_border);
  }

  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
    color: var(--_muted);
    font-weight: var(--cb-font-weight-semibold, 600);
    white-space: nowrap;
  }

  tbody tr:last-child > * {
    border-bottom: 0;
  }

  caption {
    text-align: start;
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    color: var(--_muted);
    font-size: var(--cb-font-size-sm, 0.8125rem);
    caption-side: top;
  }

  .mapping {
    table-layout: fixed;
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    border-collapse: separate;
    border-spacing: 0;
    overflow: hidden;
  }

  .mapping thead th:first-child {
    width: 30%;
  }

  .mapping thead th:nth-child(2) {
    width: 40%;
  }

  .mapping tbody th {
    font-weight: var(--cb-font-weight-semibold, 600);
    vertical-align: middle;
  }

  .mapping tbody th label {
    display: block;
  }

  .mapping td {
    vertical-align: middle;
  }

  .file-summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--cb-space-2, 0.5rem);
  }

  .file-name {
    overflow-wrap: anywhere;
  }

  .mapping tr.invalid > * {
    background: color-mix(in srgb, var(--_danger) 5%, var(--_bg));
  }

  .mapping .field-error {
    display: block;
    margin-top: var(--cb-space-1, 0.25rem);
  }

  .hint {
    display: block;
    font-weight: var(--cb-font-weight-normal, 400);
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .example {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .table-scroll {
    overflow: auto;
    max-height: 24rem;
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    background: var(--_bg);
  }

  .table-scroll.short {
    max-height: 14rem;
  }

  .table-scroll:focus-visible {
    outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
    outline-offset: 2px;
  }

  .preview td {
    white-space: nowrap;
    max-width: 16rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .preview tr.skipped > * {
    background: color-mix(in srgb, var(--_danger) 5%, var(--_bg));
  }

  .preview td.bad {
    color: var(--_danger);
    text-decoration: underline wavy color-mix(in srgb, var(--_danger) 60%, transparent);
    text-underline-offset: 3px;
  }

  .counts {
    font-weight: var(--cb-font-weight-semibold, 600);
    font-variant-numeric: tabular-nums;
  }

  .errors {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-1, 0.25rem);
  }

  .status:empty {
    display: none;
  }

  /* The step's buttons stay in view at the bottom of a scrolling page or panel while the tables scroll past. */
  .actions {
    position: sticky;
    bottom: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--cb-space-2, 0.5rem);
    padding: var(--cb-space-3, 0.75rem) 0;
    border-top: 1px solid var(--_border);
    background: var(--_bg);
  }

  .job {
    display: flex;
    align-items: center;
    gap: var(--cb-space-3, 0.75rem);
  }

  .percent {
    min-width: 3.5em;
    text-align: end;
  }

  .report {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-3, 0.75rem);
  }

  .report .skipped {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-1, 0.25rem);
  }

  .figures > div {
    background: var(--_surface);
  }

  .figures dd {
    font-size: var(--cb-font-size-xl, 1.375rem);
  }

  @container (max-width: 32rem) {
    .example-col {
      display: none;
    }

    .mapping thead th:first-child {
      width: 45%;
    }

    .mapping thead th:nth-child(2) {
      width: auto;
    }
  }
`;

import { css } from 'lit';

export const clientFiltersStyles = css`
  :host {
    --_accent: var(--cb-client-filters-accent, var(--cb-color-primary, #3451b2));
    --_chip: var(--cb-client-filters-chip-background, var(--cb-color-surface, #f7f7f8));
    --_border: var(--cb-color-border, #d9dadf);
    display: block;
    color: var(--cb-color-text, #1b1b1f);
    font-family: var(--cb-font-family, system-ui, sans-serif);
    font-size: var(--cb-font-size-md, 0.9375rem);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
  }

  .chips {
    display: contents;
    list-style: none;
  }

  .chip {
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-pill, 999px);
    background: var(--_chip);
    max-width: 100%;
  }

  .chip button {
    font: inherit;
    font-size: var(--cb-font-size-sm, 0.8125rem);
    color: inherit;
    background: transparent;
    border: 0;
    cursor: pointer;
  }

  .chip-label {
    padding: 0.25rem 0.25rem 0.25rem 0.75rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 28rem;
    border-radius: var(--cb-radius-pill, 999px) 0 0 var(--cb-radius-pill, 999px);
  }

  .chip-name {
    color: var(--cb-color-text-muted, #5c5f66);
  }

  .chip-remove {
    padding: 0 0.625rem 0 0.375rem;
    font-size: 1rem !important;
    line-height: 1;
    border-radius: 0 var(--cb-radius-pill, 999px) var(--cb-radius-pill, 999px) 0;
  }

  .chip-remove:hover {
    color: var(--cb-color-danger, #b42318);
  }

  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
    outline-offset: 1px;
  }

  .menu-anchor {
    position: relative;
  }

  .menu {
    position: absolute;
    z-index: 20;
    top: calc(100% + 4px);
    left: 0;
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    min-width: 16rem;
    max-height: 22rem;
    overflow: auto;
    background: var(--cb-color-surface-raised, #fff);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    box-shadow: var(--cb-shadow-md, 0 4px 16px rgb(0 0 0 / 0.12));
  }

  .menu button {
    all: unset;
    display: block;
    width: 100%;
    box-sizing: border-box;
    padding: 0.375rem 0.875rem;
    cursor: pointer;
  }

  .menu button:hover,
  .menu button:focus {
    background: var(--cb-color-surface, #f7f7f8);
    outline: none;
  }

  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cb-space-2, 0.5rem);
    margin-inline-start: auto;
    align-items: center;
  }

  .save {
    display: flex;
    gap: var(--cb-space-2, 0.5rem);
  }

  select,
  input {
    font: inherit;
    font-size: var(--cb-font-size-sm, 0.8125rem);
    color: inherit;
    background: var(--cb-color-background, #fff);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-sm, 4px);
    padding: 0.3125rem 0.5rem;
  }

  input[type='checkbox'] {
    accent-color: var(--_accent);
  }

  .editor {
    margin-top: var(--cb-space-2, 0.5rem);
    padding: var(--cb-space-3, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    background: var(--cb-color-surface, #f7f7f8);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--cb-space-3, 0.75rem);
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--cb-space-3, 0.75rem);
    min-width: 0;
  }

  legend {
    font-weight: var(--cb-font-weight-semibold, 600);
    padding: 0;
    margin-bottom: var(--cb-space-2, 0.5rem);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: var(--cb-font-size-sm, 0.8125rem);
    color: var(--cb-color-text-muted, #5c5f66);
  }

  .categories,
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cb-space-2, 0.5rem) var(--cb-space-4, 1rem);
  }

  .options label,
  .category {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }

  .swatch {
    padding: 0.0625rem 0.5rem;
    border-radius: var(--cb-radius-pill, 999px);
    font-size: 0.75rem;
    font-weight: var(--cb-font-weight-semibold, 600);
  }

  .actions {
    display: flex;
    gap: var(--cb-space-2, 0.5rem);
  }

  .none,
  .status {
    margin: var(--cb-space-2, 0.5rem) 0 0;
    color: var(--cb-color-text-muted, #5c5f66);
    font-size: var(--cb-font-size-sm, 0.8125rem);
  }

  .status:empty {
    display: none;
  }

  .error {
    color: var(--cb-color-danger, #b42318);
    margin: 0;
  }
`;

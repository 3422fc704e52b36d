import { css } from 'lit';

export const clientTableStyles = css`
  :host {
    --_bg: var(--cb-client-table-background, var(--cb-color-background, #fff));
    --_header-bg: var(--cb-client-table-header-background, var(--cb-color-surface, #f7f7f8));
    --_border: var(--cb-client-table-border-color, var(--cb-color-border, #d9dadf));
    --_hover: var(--cb-client-table-row-hover, var(--cb-color-surface, #f7f7f8));
    --_accent: var(--cb-client-table-accent, var(--cb-color-primary, #3451b2));
    --_selected: var(
      --cb-client-table-row-selected,
      color-mix(in srgb, var(--cb-color-primary, #3451b2) 14%, var(--cb-color-background, #fff))
    );
    --_muted: var(--cb-color-text-muted, #5c5f66);
    display: flex;
    flex-direction: column;
    height: var(--cb-client-table-height, 36rem);
    min-height: 12rem;
    color: var(--cb-color-text, #1b1b1f);
    font-family: var(--cb-font-family, system-ui, sans-serif);
    font-size: var(--cb-font-size-md, 0.9375rem);
    box-sizing: border-box;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .base {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    background: var(--_bg);
    overflow: hidden;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
    border-bottom: 1px solid var(--_border);
    background: var(--_header-bg);
  }

  .search {
    display: flex;
    gap: var(--cb-space-2, 0.5rem);
    flex: 1 1 18rem;
    min-width: 0;
    max-width: 32rem;
  }

  input[type='search'] {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-sm, 4px);
    padding: 0.375rem 0.625rem;
  }

  .button.link {
    color: var(--_accent);
    background: transparent;
    padding-inline: 0.25rem;
    text-decoration: underline;
  }

  .count,
  .selected-count {
    color: var(--_muted);
    font-size: var(--cb-font-size-sm, 0.8125rem);
    white-space: nowrap;
  }

  .selection {
    display: inline-flex;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
    flex-wrap: wrap;
  }

  .hint {
    color: var(--cb-color-warning, #8a5a00);
    font-size: var(--cb-font-size-sm, 0.8125rem);
    flex: 1 1 12rem;
  }

  .hint:empty {
    flex: 0 0 0;
  }

  .menu-anchor {
    position: relative;
    margin-inline-start: auto;
  }

  .column-menu {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    z-index: 10;
    min-width: 16rem;
    max-height: 24rem;
    overflow: auto;
    background: var(--cb-color-surface-raised, #fff);
    border: 1px solid var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    box-shadow: var(--cb-shadow-md, 0 4px 16px rgb(0 0 0 / 0.12));
    padding: var(--cb-space-1, 0.25rem) 0;
  }

  .column-menu ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .column-menu li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--cb-space-2, 0.5rem);
    padding: 0.25rem var(--cb-space-3, 0.75rem);
  }

  .column-menu label {
    display: flex;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
    flex: 1;
    cursor: pointer;
  }

  .lock {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    font: inherit;
    font-size: var(--cb-font-size-sm, 0.8125rem);
    color: var(--_muted);
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--cb-radius-sm, 4px);
    padding: 0.25rem 0.375rem;
    cursor: pointer;
  }

  .lock[aria-pressed='true'] {
    color: var(--_accent);
    border-color: var(--_accent);
  }

  .grid-area {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }

  .scroller {
    position: relative;
    flex: 1;
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    outline: none;
  }

  .head {
    position: sticky;
    top: 0;
    z-index: 3;
    width: max-content;
    min-width: 100%;
  }

  .body {
    position: relative;
    min-width: 100%;
  }

  .row {
    display: grid;
    height: 40px;
    align-items: stretch;
    background: var(--_bg);
  }

  .body .row {
    position: absolute;
    left: 0;
  }

  .header {
    background: var(--_header-bg);
    font-size: var(--cb-font-size-sm, 0.8125rem);
    font-weight: var(--cb-font-weight-semibold, 600);
    color: var(--_muted);
  }

  .cell {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    min-width: 0;
    padding: 0 0.75rem;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    background: inherit;
    outline: none;
  }

  .cell:focus-visible,
  .cell:focus {
    box-shadow: inset 0 0 0 2px var(--cb-color-focus-ring, var(--_accent));
  }

  .cell.numeric {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
  }

  .cell.select {
    justify-content: center;
    padding: 0;
  }

  .cell.sticky {
    position: sticky;
    z-index: 1;
  }

  .cell.last-locked {
    box-shadow: 2px 0 0 var(--_border);
  }

  .cell.last-locked:focus {
    box-shadow:
      inset 0 0 0 2px var(--cb-color-focus-ring, var(--_accent)),
      2px 0 0 var(--_border);
  }

  .body .row:hover {
    background: var(--_hover);
  }

  .row.selected {
    background: var(--_selected);
  }

  .sort {
    all: unset;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    cursor: pointer;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .numeric .sort {
    flex-direction: row-reverse;
  }

  .sort span {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .sort:hover {
    color: var(--cb-color-text, #1b1b1f);
  }

  .arrow.ascending,
  .arrow.descending {
    color: var(--_accent);
  }

  .locked-mark {
    display: inline-flex;
    color: var(--_muted);
  }

  .name {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    font-weight: var(--cb-font-weight-semibold, 600);
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .name:hover {
    text-decoration: underline;
  }

  .text {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .chips {
    display: flex;
    gap: 0.25rem;
    min-width: 0;
    overflow: hidden;
  }

  .chip {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border-radius: var(--cb-radius-pill, 999px);
    font-size: 0.75rem;
    font-weight: var(--cb-font-weight-semibold, 600);
    line-height: 1.4;
    white-space: nowrap;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  input[type='checkbox'] {
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }

  .bone {
    height: 0.75rem;
  }

  .message {
    position: absolute;
    inset: 40px 0 auto 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
    padding: var(--cb-space-6, 2rem) var(--cb-space-4, 1rem);
    color: var(--_muted);
    text-align: center;
  }

  .message strong {
    color: var(--cb-color-text, #1b1b1f);
    font-size: var(--cb-font-size-lg, 1.125rem);
  }

  .message.error strong {
    color: var(--cb-color-danger, #b42318);
  }

  @media (max-width: 40rem) {
    .toolbar {
      padding: var(--cb-space-2, 0.5rem);
    }
    .search {
      flex-basis: 100%;
      max-width: none;
    }
  }
`;

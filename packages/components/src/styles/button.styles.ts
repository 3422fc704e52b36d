import { css } from 'lit';

/**
 * The buttons of the admin elements: `.button` is the primary action, `.button.quiet` the secondary one. Each
 * element supplies `--_accent` and `--_border` from its own custom properties (which default to the tokens).
 */
export const buttonStyles = css`
  .button {
    font: inherit;
    font-size: var(--cb-font-size-sm, 0.8125rem);
    font-weight: var(--cb-font-weight-semibold, 600);
    color: var(--cb-color-on-primary, #fff);
    background: var(--_accent);
    border: 1px solid transparent;
    border-radius: var(--cb-radius-sm, 4px);
    padding: 0.375rem 0.75rem;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    white-space: nowrap;
  }

  .button:hover {
    filter: brightness(1.08);
  }

  .button.quiet {
    color: var(--_accent);
    background: transparent;
    border-color: var(--_border);
  }
`;

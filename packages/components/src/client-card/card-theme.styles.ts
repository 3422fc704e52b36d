import { css } from 'lit';

/**
 * The card's colours, which the card and each of its sections (own shadow roots) read from the same
 * `--cb-client-card-*` properties and tokens.
 */
export const cardThemeStyles = css`
  :host {
    --_bg: var(--cb-client-card-background, var(--cb-color-background, #fff));
    --_surface: var(--cb-client-card-surface, var(--cb-color-surface, #f7f7f8));
    --_border: var(--cb-client-card-border-color, var(--cb-color-border, #d9dadf));
    --_accent: var(--cb-client-card-accent, var(--cb-color-primary, #3451b2));
    --_muted: var(--cb-color-text-muted, #5c5f66);
    --_danger: var(--cb-color-danger, #b42318);
    --_warning: var(--cb-color-warning, #8a5a00);
  }
`;

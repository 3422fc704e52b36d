import { css } from 'lit';

/**
 * Global design tokens, set on the host of `<cb-provider>` and `<cb-booking-widget>` so every element inside inherits them. Hosts override any
 * token from their own CSS (`cb-provider { --cb-color-primary: #7b3fe4; }`), which wins over these defaults;
 * `theme="dark"` switches the colour set.
 */
export const tokens = css`
  :host {
    color-scheme: light;

    --cb-color-background: #ffffff;
    --cb-color-surface: #f7f7f8;
    --cb-color-surface-raised: #ffffff;
    --cb-color-text: #1b1b1f;
    --cb-color-text-muted: #5c5f66;
    --cb-color-border: #d9dadf;
    --cb-color-primary: #3451b2;
    --cb-color-primary-hover: #2a4199;
    --cb-color-on-primary: #ffffff;
    --cb-color-danger: #b42318;
    --cb-color-success: #177245;
    --cb-color-warning: #8a5a00;
    --cb-color-focus-ring: #3451b2;
    --cb-color-skeleton: #e8e9ec;
    --cb-color-skeleton-highlight: #f5f5f7;

    --cb-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --cb-font-size-sm: 0.8125rem;
    --cb-font-size-md: 0.9375rem;
    --cb-font-size-lg: 1.125rem;
    --cb-font-size-xl: 1.375rem;
    --cb-font-weight-normal: 400;
    --cb-font-weight-semibold: 600;
    --cb-line-height: 1.45;

    --cb-radius-sm: 4px;
    --cb-radius-md: 8px;
    --cb-radius-lg: 12px;
    --cb-radius-pill: 999px;

    --cb-space-1: 0.25rem;
    --cb-space-2: 0.5rem;
    --cb-space-3: 0.75rem;
    --cb-space-4: 1rem;
    --cb-space-5: 1.5rem;
    --cb-space-6: 2rem;

    --cb-shadow-md: 0 4px 16px rgb(0 0 0 / 0.12);
    --cb-focus-ring: 0 0 0 2px var(--cb-color-background), 0 0 0 4px var(--cb-color-focus-ring);
  }

  :host([theme='dark']) {
    color-scheme: dark;

    --cb-color-background: #151518;
    --cb-color-surface: #1e1f23;
    --cb-color-surface-raised: #26272c;
    --cb-color-text: #ececf1;
    --cb-color-text-muted: #a3a6ad;
    --cb-color-border: #3a3b42;
    --cb-color-primary: #8fa8ff;
    --cb-color-primary-hover: #aabdff;
    --cb-color-on-primary: #10131f;
    --cb-color-danger: #ff8a80;
    --cb-color-success: #6fd3a0;
    --cb-color-warning: #f3c566;
    --cb-color-focus-ring: #8fa8ff;
    --cb-color-skeleton: #2a2b31;
    --cb-color-skeleton-highlight: #35363d;

    --cb-shadow-md: 0 4px 16px rgb(0 0 0 / 0.5);
  }
`;

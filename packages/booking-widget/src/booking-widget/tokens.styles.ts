import { css } from 'lit';

// The widget's own design tokens (the admin components have theirs: the widget shares nothing at runtime). Set on the
// host, so a host page overrides any of them from its CSS (`cb-booking-widget { --cb-color-primary: #9c4a2f }`),
// which wins over these defaults, in both themes.

const dark = css`
  color-scheme: dark;
  --cb-color-background: #15161a;
  --cb-color-surface: #1d1e23;
  --cb-color-surface-raised: #212228;
  --cb-color-text: #eeeef2;
  --cb-color-text-muted: #a2a5b0;
  --cb-color-border: #33353d;
  --cb-color-border-strong: #4a4d57;
  --cb-color-primary: #a9a4ff;
  --cb-color-on-primary: #17142e;
  --cb-color-danger: #ff8b7b;
  --cb-color-success: #5fd69b;
  --cb-color-warning: #f2c25f;
  --cb-color-skeleton: #24262c;
  --cb-color-skeleton-highlight: #2f3138;
  --cb-color-backdrop: rgb(0 0 0 / 0.6);
  --cb-shadow-sm: 0 1px 2px rgb(0 0 0 / 0.4);
  --cb-shadow-md: 0 12px 32px rgb(0 0 0 / 0.5);
`;

export const tokens = css`
  :host {
    color-scheme: light;
    --cb-color-background: #ffffff;
    --cb-color-surface: #f6f6f9;
    --cb-color-surface-raised: #ffffff;
    --cb-color-text: #17171c;
    --cb-color-text-muted: #5e616c;
    --cb-color-border: #e3e4ea;
    --cb-color-border-strong: #c4c7d0;
    --cb-color-primary: #4f46e5;
    --cb-color-on-primary: #ffffff;
    --cb-color-danger: #c42b1c;
    --cb-color-success: #15803d;
    --cb-color-warning: #a16207;
    --cb-color-skeleton: #ececf1;
    --cb-color-skeleton-highlight: #f7f7fa;
    --cb-color-backdrop: rgb(15 15 25 / 0.5);

    --cb-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --cb-font-size-sm: 0.8125rem;
    --cb-font-size-md: 0.9375rem;
    --cb-font-size-lg: 1.125rem;
    --cb-font-size-xl: 1.375rem;
    --cb-font-weight-normal: 400;
    --cb-font-weight-medium: 500;
    --cb-font-weight-semibold: 600;
    --cb-line-height: 1.45;

    --cb-radius-sm: 6px;
    --cb-radius-md: 10px;
    --cb-radius-lg: 16px;
    --cb-radius-pill: 999px;

    --cb-space-1: 0.25rem;
    --cb-space-2: 0.5rem;
    --cb-space-3: 0.75rem;
    --cb-space-4: 1rem;
    --cb-space-5: 1.5rem;
    --cb-space-6: 2rem;
    --cb-control-height: 3rem;

    --cb-shadow-sm: 0 1px 2px rgb(16 24 40 / 0.05);
    --cb-shadow-md: 0 12px 32px rgb(16 24 40 / 0.18);

    --cb-booking-widget-background: var(--cb-color-background);
    --cb-booking-widget-accent: var(--cb-color-primary);
    --cb-booking-widget-radius: var(--cb-radius-lg);
    --cb-booking-widget-max-width: 40rem;
    /* Derived from the accent unless set: a host that changes only the accent gets matching tints. */
    --cb-color-primary-hover: color-mix(in srgb, var(--cb-booking-widget-accent) 85%, var(--cb-color-text));
    --cb-color-primary-soft: color-mix(in srgb, var(--cb-booking-widget-accent) 10%, transparent);
    --cb-color-focus-ring: var(--cb-booking-widget-accent);
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
`;

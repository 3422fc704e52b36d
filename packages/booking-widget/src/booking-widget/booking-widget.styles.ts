// The design tokens are shared with the admin elements; only this module of that package is bundled.
import { tokens } from '@clientbase/components/tokens';
import { css } from 'lit';

export const bookingWidgetStyles = [
  tokens,
  css`
    :host {
      --cb-booking-widget-background: var(--cb-color-background);
      --cb-booking-widget-accent: var(--cb-color-primary);
      --cb-booking-widget-radius: var(--cb-radius-lg);
      --cb-booking-widget-max-width: 44rem;

      display: block;
      max-width: var(--cb-booking-widget-max-width);
      color: var(--cb-color-text);
      font-family: var(--cb-font-family);
      font-size: var(--cb-font-size-md);
      line-height: var(--cb-line-height);
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    .base {
      display: grid;
      gap: var(--cb-space-4);
      padding: var(--cb-space-5);
      background: var(--cb-booking-widget-background);
      border: 1px solid var(--cb-color-border);
      border-radius: var(--cb-booking-widget-radius);
    }

    .header {
      display: grid;
      gap: var(--cb-space-1);
    }

    .title {
      margin: 0;
      font-size: var(--cb-font-size-xl);
      font-weight: var(--cb-font-weight-semibold);
    }

    .subtitle,
    .message {
      margin: 0;
      color: var(--cb-color-text-muted);
    }

    .services-title {
      margin: 0;
      font-size: var(--cb-font-size-lg);
      font-weight: var(--cb-font-weight-semibold);
    }

    .services {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
      gap: var(--cb-space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .service {
      display: grid;
      gap: var(--cb-space-1);
      width: 100%;
      min-height: 100%;
      padding: var(--cb-space-3) var(--cb-space-4);
      border: 1px solid var(--cb-color-border);
      border-radius: var(--cb-radius-md);
      background: var(--cb-color-surface);
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }

    .service:hover {
      border-color: var(--cb-booking-widget-accent);
    }

    .service[aria-pressed='true'] {
      border-color: var(--cb-booking-widget-accent);
      box-shadow: inset 0 0 0 1px var(--cb-booking-widget-accent);
    }

    .service-name {
      font-weight: var(--cb-font-weight-semibold);
    }

    .service-meta {
      color: var(--cb-color-text-muted);
      font-size: var(--cb-font-size-sm);
    }

    button:focus-visible {
      outline: none;
      box-shadow: var(--cb-focus-ring);
    }

    .trigger {
      padding: var(--cb-space-3) var(--cb-space-5);
      border: none;
      border-radius: var(--cb-radius-pill);
      background: var(--cb-booking-widget-accent);
      color: var(--cb-color-on-primary);
      font: inherit;
      font-weight: var(--cb-font-weight-semibold);
      cursor: pointer;
    }

    .trigger:hover {
      background: var(--cb-color-primary-hover);
    }

    .dialog {
      width: min(44rem, calc(100vw - 2 * var(--cb-space-4)));
      max-height: calc(100dvh - 2 * var(--cb-space-4));
      padding: 0;
      border: none;
      border-radius: var(--cb-booking-widget-radius);
      background: var(--cb-booking-widget-background);
      color: inherit;
      box-shadow: var(--cb-shadow-md);
    }

    .dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }

    .dialog .base {
      border: none;
    }

    .close {
      float: inline-end;
      margin: var(--cb-space-3) var(--cb-space-3) 0 0;
      padding: var(--cb-space-1) var(--cb-space-3);
      border: 1px solid var(--cb-color-border);
      border-radius: var(--cb-radius-pill);
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }

    /* Loading placeholder: the layout of the real content, painted at once. */
    .skeleton {
      display: grid;
      gap: var(--cb-space-3);
    }

    .skeleton-block {
      height: 3.5rem;
      border-radius: var(--cb-radius-md);
      background: linear-gradient(
          90deg,
          var(--cb-color-skeleton) 0%,
          var(--cb-color-skeleton-highlight) 50%,
          var(--cb-color-skeleton) 100%
        )
        0 0 / 200% 100%;
      animation: shimmer 1.4s ease-in-out infinite;
    }

    .skeleton-block.title-block {
      width: 40%;
      height: 1.75rem;
    }

    @keyframes shimmer {
      from {
        background-position: 100% 0;
      }
      to {
        background-position: -100% 0;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .skeleton-block {
        animation: none;
      }
    }

    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];

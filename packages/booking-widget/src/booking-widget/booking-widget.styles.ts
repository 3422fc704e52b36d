import { css } from 'lit';
import { controlStyles } from './controls.styles.js';
import { tokens } from './tokens.styles.js';

/** The card, header, progress, footer, dialog and loading placeholders; controls.styles.ts has the controls. */
const layout = css`
  :host {
    display: block;
    max-width: var(--cb-booking-widget-max-width);
    color: var(--cb-color-text);
    font-family: var(--cb-font-family);
    font-size: var(--cb-font-size-md);
    line-height: var(--cb-line-height);
    -webkit-tap-highlight-color: transparent;
  }

  /* Inline, the card adapts to the room the page gives it, not to the viewport. */
  :host(:not([mode='button'])) {
    container-type: inline-size;
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
    --_pad: var(--cb-booking-widget-padding, var(--cb-space-5));
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-5);
    padding: var(--_pad);
    border: 1px solid var(--cb-color-border);
    border-radius: var(--cb-booking-widget-radius);
    background: var(--cb-booking-widget-background);
    box-shadow: var(--cb-shadow-sm);
    color: var(--cb-color-text);
  }

  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--cb-space-3);
  }

  .header-text {
    flex: 1;
    min-width: 0;
  }

  .title {
    margin: 0;
    font-size: var(--cb-font-size-lg);
    font-weight: var(--cb-font-weight-semibold);
    line-height: 1.3;
  }

  .subtitle {
    margin: 0;
    color: var(--cb-color-text-muted);
    font-size: var(--cb-font-size-sm);
  }

  .indicator {
    display: flex;
    gap: var(--cb-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--cb-color-text-muted);
    font-size: var(--cb-font-size-sm);
  }

  .indicator-step {
    flex: 1;
    display: grid;
    gap: var(--cb-space-2);
    min-width: 0;
  }

  .indicator-step::before {
    content: '';
    height: 4px;
    border-radius: var(--cb-radius-pill);
    background: var(--cb-color-border);
    transition: background-color 0.3s;
  }

  .indicator-step:not([data-state='upcoming'])::before {
    background: var(--cb-booking-widget-accent);
  }

  .indicator-step[aria-current] {
    color: var(--cb-color-text);
    font-weight: var(--cb-font-weight-semibold);
  }

  .indicator-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .flow {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-5);
  }

  .step-head {
    display: flex;
    align-items: center;
    gap: var(--cb-space-3);
  }

  .step-titles {
    min-width: 0;
  }

  .eyebrow {
    margin: 0;
    color: var(--cb-color-text-muted);
    font-size: var(--cb-font-size-sm);
    font-weight: var(--cb-font-weight-medium);
  }

  .step-heading {
    margin: 0;
    font-size: var(--cb-font-size-xl);
    font-weight: var(--cb-font-weight-semibold);
    line-height: 1.25;
    letter-spacing: -0.01em;
  }

  /* Focused by script when the step changes, for screen readers; it is no control, so no ring. */
  .step-heading:focus {
    outline: none;
  }

  .content {
    display: flex;
    flex-direction: column;
    gap: var(--cb-space-4);
    min-width: 0;
  }

  .lead {
    margin: calc(-1 * var(--cb-space-2)) 0 0;
    color: var(--cb-color-text-muted);
  }

  /* Stays in view at the bottom of the screen (or dialog) while a long step scrolls. */
  .footer {
    position: sticky;
    bottom: 0;
    margin-top: auto;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: var(--cb-space-3);
    margin-inline: calc(-1 * var(--_pad));
    margin-bottom: calc(-1 * var(--_pad));
    padding: var(--cb-space-3) var(--_pad);
    border-top: 1px solid var(--cb-color-border);
    border-radius: 0 0 var(--cb-booking-widget-radius) var(--cb-booking-widget-radius);
    background: var(--cb-booking-widget-background);
  }

  .total {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-weight: var(--cb-font-weight-semibold);
  }

  .footer .primary {
    min-width: 8.5rem;
  }

  .dialog {
    container-type: inline-size;
    width: min(36rem, 100vw - 2rem);
    max-width: none;
    max-height: min(100dvh - 2rem, 56rem);
    padding: 0;
    border: 1px solid var(--cb-color-border);
    border-radius: var(--cb-booking-widget-radius);
    background: var(--cb-booking-widget-background);
    color: var(--cb-color-text);
    box-shadow: var(--cb-shadow-md);
    overscroll-behavior: contain;
  }

  .dialog::backdrop {
    background: var(--cb-color-backdrop);
  }

  .dialog .base {
    min-height: 100%;
    border: none;
    border-radius: 0;
    box-shadow: none;
  }

  .dialog .footer {
    border-radius: 0;
  }

  /* On a phone the dialog is a full-screen sheet. */
  @media (max-width: 32rem) {
    .dialog {
      width: 100vw;
      height: 100dvh;
      max-height: none;
      margin: 0;
      border: none;
      border-radius: 0;
    }
  }

  .shimmer {
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

  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  .title-block {
    display: block;
    width: min(12rem, 60%);
    height: 1.4rem;
  }

  .skeleton-frame,
  .skeleton {
    display: grid;
    gap: var(--cb-space-5);
  }

  .skeleton {
    gap: var(--cb-space-2);
  }

  .bar {
    height: 4px;
  }

  .heading-block {
    width: 55%;
    height: 2.6rem;
  }

  .row {
    height: 4.25rem;
  }

  .chips {
    grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr));
  }

  .chip {
    height: 2.75rem;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @container (max-width: 32rem) {
    .base {
      --_pad: var(--cb-booking-widget-padding, var(--cb-space-4));
      gap: var(--cb-space-4);
    }

    .indicator-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .indicator-step {
      gap: 0;
    }

    .step-heading {
      font-size: var(--cb-font-size-lg);
    }

    .footer .primary {
      min-width: 7rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before {
      animation: none !important;
      transition: none !important;
    }
  }
`;

export const bookingWidgetStyles = [tokens, layout, controlStyles];

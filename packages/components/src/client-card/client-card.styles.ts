import { css } from 'lit';
import { baseStyles } from '../styles/base.styles.js';
import { buttonStyles } from '../styles/button.styles.js';
import { skeletonStyles } from '../styles/skeleton.styles.js';
import { cardThemeStyles } from './card-theme.styles.js';

export const clientCardStyles = [
  baseStyles,
  buttonStyles,
  skeletonStyles,
  cardThemeStyles,
  css`
    :host {
      --_header-bg: var(--cb-client-card-header-background, var(--cb-color-surface, #f7f7f8));
      display: block;
      container-type: inline-size;
      color: var(--cb-color-text, #1b1b1f);
      font-family: var(--cb-font-family, system-ui, sans-serif);
      font-size: var(--cb-font-size-md, 0.9375rem);
      line-height: var(--cb-line-height, 1.45);
    }


    .base {
      background: var(--_bg);
      border: var(--cb-client-card-border, 1px solid var(--_border));
      border-radius: var(--cb-client-card-radius, var(--cb-radius-lg, 12px));
    }

    .header {
      display: flex;
      flex-direction: column;
      gap: var(--cb-space-3, 0.75rem);
      padding: var(--cb-space-4, 1rem);
      background: var(--_header-bg);
      border-radius: var(--cb-client-card-radius, var(--cb-radius-lg, 12px))
        var(--cb-client-card-radius, var(--cb-radius-lg, 12px)) 0 0;
      border-bottom: 1px solid var(--_border);
    }

    .identity {
      display: flex;
      align-items: center;
      gap: var(--cb-space-3, 0.75rem);
      min-width: 0;
    }

    .avatar {
      flex: none;
      width: 3rem;
      height: 3rem;
      border-radius: 50%;
      display: grid;
      place-items: center;
      font-weight: var(--cb-font-weight-semibold, 600);
      font-size: 1.0625rem;
      letter-spacing: 0.02em;
      color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    }

    .who {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      min-width: 0;
      flex: 1;
    }

    .name {
      margin: 0;
      font-size: var(--cb-font-size-xl, 1.375rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      line-height: 1.2;
      overflow-wrap: anywhere;
    }

    .contact {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.125rem var(--cb-space-3, 0.75rem);
      font-size: var(--cb-font-size-sm, 0.8125rem);
    }

    .contact a {
      color: var(--_accent);
      text-decoration: none;
      overflow-wrap: anywhere;
    }

    .contact a:hover {
      text-decoration: underline;
    }

    .contact .phone {
      color: inherit;
      font-weight: var(--cb-font-weight-semibold, 600);
      font-variant-numeric: tabular-nums;
    }

    .whatsapp {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }

    svg {
      width: 1rem;
      height: 1rem;
      flex: none;
    }

    .tags {
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
      display: inline-block;
      padding: 0.0625rem 0.625rem;
      border-radius: var(--cb-radius-pill, 999px);
      font-size: 0.75rem;
      font-weight: var(--cb-font-weight-semibold, 600);
      line-height: 1.6;
    }

    .marker {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0.125rem 0.625rem;
      border-radius: var(--cb-radius-md, 8px);
      font-size: var(--cb-font-size-sm, 0.8125rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      border: 1px solid;
    }

    .marker .reason {
      font-weight: var(--cb-font-weight-normal, 400);
    }

    .marker.danger {
      color: var(--_danger);
      background: color-mix(in srgb, var(--_danger) 9%, var(--_bg));
      border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    }

    .marker.warning {
      color: var(--_warning);
      background: color-mix(in srgb, var(--_warning) 10%, var(--_bg));
      border-color: color-mix(in srgb, var(--_warning) 35%, transparent);
    }

    .figures {
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      gap: 1px;
      margin: 0;
      background: var(--_border);
      border: 1px solid var(--_border);
      border-radius: var(--cb-radius-md, 8px);
      overflow: hidden;
    }

    .figure {
      background: var(--_bg);
      padding: var(--cb-space-2, 0.5rem) 0.625rem;
      min-width: 0;
    }

    .figure dt {
      font-size: 0.75rem;
      color: var(--_muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }

    .figure dd {
      margin: 0;
      font-weight: var(--cb-font-weight-semibold, 600);
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }

    .figure .sub {
      display: block;
      font-size: 0.75rem;
      font-weight: var(--cb-font-weight-normal, 400);
    }

    .negative {
      color: var(--_danger);
    }

    /* Narrow (a side panel, a phone): three figures above two, no empty cell. Five across need about
       8rem each, or a four-digit amount ("£1,157.50") breaks inside the number. */
    @container (max-width: 40rem) {
      .figures {
        grid-template-columns: repeat(6, minmax(0, 1fr));
      }

      .figure {
        grid-column: span 2;
      }

      .figure:nth-child(n + 4) {
        grid-column: span 3;
      }
    }

    .tabs-bar {
      position: sticky;
      top: var(--cb-client-card-tabs-top, 0);
      z-index: 2;
      background: var(--_bg);
      border-bottom: 1px solid var(--_border);
    }

    .tabs {
      display: flex;
      padding: 0 var(--cb-space-2, 0.5rem);
      /* Too many tabs for the width scroll sideways rather than wrap into a ragged second row. */
      overflow-x: auto;
      scrollbar-width: none;
      /* Keeps a tab scrolled into view clear of the scroll arrows. */
      scroll-padding-inline: 2.25rem;
    }

    .tabs::-webkit-scrollbar {
      display: none;
    }

    .scroll {
      position: absolute;
      top: 0;
      bottom: 0;
      z-index: 1;
      width: 2rem;
      display: grid;
      place-items: center;
      font-size: 1.25rem;
      line-height: 1;
      color: var(--_muted);
      background: var(--_bg);
      cursor: pointer;
      user-select: none;
    }

    .scroll:hover {
      color: var(--_accent);
    }

    .scroll.start {
      left: 0;
      box-shadow: 8px 0 10px -8px rgb(0 0 0 / 0.35);
    }

    .scroll.end {
      right: 0;
      box-shadow: -8px 0 10px -8px rgb(0 0 0 / 0.35);
    }

    .tab {
      flex: none;
      font: inherit;
      font-size: var(--cb-font-size-sm, 0.8125rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      color: var(--_muted);
      background: transparent;
      border: 0;
      border-bottom: 2px solid transparent;
      padding: 0.625rem 0.5625rem 0.5rem;
      cursor: pointer;
      white-space: nowrap;
    }

    .tab:hover {
      color: var(--cb-color-text, #1b1b1f);
    }

    .tab[aria-selected='true'] {
      color: var(--_accent);
      border-bottom-color: var(--_accent);
    }

    .tab:focus-visible,
    .panel:focus-visible,
    a:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
      outline-offset: -2px;
      border-radius: var(--cb-radius-sm, 4px);
    }

    .panel {
      padding: var(--cb-space-4, 1rem);
    }

    .panel[hidden] {
      display: none;
    }

    .none,
    .deleted {
      margin: 0;
      padding: var(--cb-space-4, 1rem);
      color: var(--_muted);
    }

    .error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--cb-space-2, 0.5rem);
      color: var(--_danger);
    }

    .error p {
      margin: 0;
    }

    .muted {
      color: var(--_muted);
    }

    .bone {
      width: 8rem;
    }

    .bone.wide {
      width: 14rem;
      max-width: 100%;
      height: 1.375rem;
    }

    .avatar.bone {
      width: 3rem;
      height: 3rem;
      border-radius: 50%;
    }

    .figures-skeleton {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(5rem, 1fr));
      gap: var(--cb-space-2, 0.5rem);
    }

    .bone.block {
      width: auto;
      height: 3rem;
      border-radius: var(--cb-radius-md, 8px);
    }

  `,
];

import { css } from 'lit';
import { baseStyles } from '../styles/base.styles.js';
import { buttonStyles } from '../styles/button.styles.js';
import { skeletonStyles } from '../styles/skeleton.styles.js';
import { cardThemeStyles } from './card-theme.styles.js';

/** What every section of the card shares: form controls, lists, badges, and the loading, empty and error states. */
export const sectionStyles = [
  baseStyles,
  buttonStyles,
  skeletonStyles,
  cardThemeStyles,
  css`
    :host {
      --_success: var(--cb-color-success, #177245);
      display: block;
      container-type: inline-size;
    }


    h3 {
      font-size: var(--cb-font-size-md, 0.9375rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      margin: 0 0 var(--cb-space-2, 0.5rem);
    }

    h4 {
      font-size: var(--cb-font-size-sm, 0.8125rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      color: var(--_muted);
      margin: 0 0 var(--cb-space-1, 0.25rem);
    }

    p {
      margin: 0;
    }

    .stack {
      display: flex;
      flex-direction: column;
      gap: var(--cb-space-4, 1rem);
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--cb-space-2, 0.5rem);
    }

    .spread {
      justify-content: space-between;
    }

    .muted {
      color: var(--_muted);
    }

    .small {
      font-size: var(--cb-font-size-sm, 0.8125rem);
    }

    .num {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .positive {
      color: var(--_success);
    }

    .negative {
      color: var(--_danger);
    }

    /* Buttons */
    .button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
      filter: none;
    }

    .button.danger {
      background: var(--_danger);
      color: var(--cb-color-on-primary, #fff);
    }

    .button.quiet.danger {
      background: transparent;
      color: var(--_danger);
      border-color: color-mix(in srgb, var(--_danger) 45%, transparent);
    }

    .button.link {
      background: transparent;
      color: var(--_accent);
      border-color: transparent;
      padding-inline: 0.25rem;
      text-decoration: underline;
      text-underline-offset: 2px;
    }

    .button.small {
      padding: 0.1875rem 0.5rem;
    }

    button:focus-visible,
    a:focus-visible,
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible,
    [tabindex]:focus-visible {
      outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
      outline-offset: 2px;
    }

    a {
      color: var(--_accent);
    }

    /* Form controls */
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: var(--cb-space-3, 0.75rem) var(--cb-space-4, 1rem);
    }

    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
    }

    .field.wide {
      grid-column: 1 / -1;
    }

    .field > label,
    .label {
      font-size: var(--cb-font-size-sm, 0.8125rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      color: var(--_muted);
    }

    input:not([type='checkbox'], [type='radio'], [type='file']),
    select,
    textarea {
      font: inherit;
      color: inherit;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--cb-radius-sm, 4px);
      padding: 0.4375rem 0.625rem;
      width: 100%;
      min-width: 0;
    }

    textarea {
      resize: vertical;
      min-height: 5rem;
      line-height: 1.45;
    }

    input[type='checkbox'],
    input[type='radio'] {
      accent-color: var(--_accent);
      width: 1rem;
      height: 1rem;
      margin: 0;
      flex: none;
    }

    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
    }

    .field-error {
      color: var(--_danger);
      font-size: var(--cb-font-size-sm, 0.8125rem);
    }

    .check {
      display: flex;
      align-items: center;
      gap: var(--cb-space-2, 0.5rem);
      cursor: pointer;
    }

    /* A radio group drawn as a segmented control. */
    .segmented {
      display: inline-flex;
      flex-wrap: wrap;
      border: 1px solid var(--_border);
      border-radius: var(--cb-radius-md, 8px);
      padding: 2px;
      margin: 0;
      gap: 2px;
      background: var(--_surface);
      min-width: 0;
    }

    .segmented legend {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }

    .segmented label {
      position: relative;
      cursor: pointer;
    }

    .segmented input {
      position: absolute;
      opacity: 0;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      cursor: pointer;
    }

    .segmented span {
      display: block;
      padding: 0.25rem 0.75rem;
      border-radius: calc(var(--cb-radius-md, 8px) - 2px);
      font-size: var(--cb-font-size-sm, 0.8125rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      color: var(--_muted);
      white-space: nowrap;
    }

    .segmented input:checked + span {
      background: var(--_bg);
      color: var(--cb-color-text, #1b1b1f);
      box-shadow: 0 1px 2px rgb(0 0 0 / 0.12), 0 0 0 1px var(--_border);
    }

    .segmented input:focus-visible + span {
      outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
      outline-offset: 1px;
    }

    /* Figures (label above value) */
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: var(--cb-space-2, 0.5rem);
      margin: 0;
    }

    .figures > div {
      flex: 1 1 7rem;
      background: var(--_surface);
      border-radius: var(--cb-radius-md, 8px);
      padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
      min-width: 0;
    }

    .figures dt {
      font-size: var(--cb-font-size-sm, 0.8125rem);
      color: var(--_muted);
    }

    .figures dd {
      margin: 0;
      font-size: var(--cb-font-size-md, 0.9375rem);
      font-weight: var(--cb-font-weight-semibold, 600);
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }

    /* Lists of records */
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--cb-radius-md, 8px);
      background: var(--_bg);
    }

    .list > li {
      padding: var(--cb-space-3, 0.75rem);
      min-width: 0;
    }

    .list > li + li {
      border-top: 1px solid var(--_border);
    }

    .item-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--cb-space-1, 0.25rem) var(--cb-space-3, 0.75rem);
    }

    .item-title {
      font-weight: var(--cb-font-weight-semibold, 600);
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .meta {
      color: var(--_muted);
      font-size: var(--cb-font-size-sm, 0.8125rem);
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--cb-space-2, 0.5rem);
    }

    /* Separators trail their item, so a wrapped line never starts with one. */
    .meta > :not(:last-child)::after {
      content: '·';
      margin-inline-start: var(--cb-space-2, 0.5rem);
    }

    .body-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin-top: var(--cb-space-1, 0.25rem);
    }

    .more {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--cb-space-2, 0.5rem);
      margin-top: var(--cb-space-2, 0.5rem);
    }

    /* Badges */
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0.0625rem 0.5rem;
      border-radius: var(--cb-radius-pill, 999px);
      font-size: 0.75rem;
      font-weight: var(--cb-font-weight-semibold, 600);
      line-height: 1.5;
      white-space: nowrap;
      color: var(--_muted);
      background: var(--_surface);
      border: 1px solid var(--_border);
    }

    .badge.success {
      color: var(--_success);
      background: color-mix(in srgb, var(--_success) 12%, var(--_bg));
      border-color: color-mix(in srgb, var(--_success) 30%, transparent);
    }

    .badge.danger {
      color: var(--_danger);
      background: color-mix(in srgb, var(--_danger) 10%, var(--_bg));
      border-color: color-mix(in srgb, var(--_danger) 30%, transparent);
    }

    .badge.warning {
      color: var(--_warning);
      background: color-mix(in srgb, var(--_warning) 12%, var(--_bg));
      border-color: color-mix(in srgb, var(--_warning) 30%, transparent);
    }

    .badge.info {
      color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
      border-color: color-mix(in srgb, var(--_accent) 30%, transparent);
    }

    /* States */
    .skeleton {
      display: flex;
      flex-direction: column;
      gap: var(--cb-space-3, 0.75rem);
      padding: var(--cb-space-2, 0.5rem) 0;
    }


    .bone[data-i='0'] {
      width: 70%;
      height: 1.25rem;
    }

    .bone[data-i='1'] {
      width: 92%;
    }

    .bone[data-i='2'] {
      width: 80%;
    }

    .bone[data-i='3'] {
      width: 55%;
    }


    .error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
      padding: var(--cb-space-3, 0.75rem);
      border: 1px solid color-mix(in srgb, var(--_danger) 35%, transparent);
      background: color-mix(in srgb, var(--_danger) 7%, var(--_bg));
      border-radius: var(--cb-radius-md, 8px);
      color: var(--_danger);
    }

    .error p {
      flex: 1 1 14rem;
    }

    .empty {
      padding: var(--cb-space-5, 1.5rem) var(--cb-space-3, 0.75rem);
      text-align: center;
      color: var(--_muted);
      border: 1px dashed var(--_border);
      border-radius: var(--cb-radius-md, 8px);
    }

    .notice {
      padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
      border-radius: var(--cb-radius-md, 8px);
      font-size: var(--cb-font-size-sm, 0.8125rem);
    }

    .notice:empty {
      display: none;
    }

    .notice.success {
      color: var(--_success);
      background: color-mix(in srgb, var(--_success) 10%, var(--_bg));
    }

    .notice.danger {
      color: var(--_danger);
      background: color-mix(in srgb, var(--_danger) 8%, var(--_bg));
    }

    .notice.warning {
      color: var(--_warning);
      background: color-mix(in srgb, var(--_warning) 10%, var(--_bg));
    }

    .panel {
      border: 1px solid var(--_border);
      border-radius: var(--cb-radius-md, 8px);
      padding: var(--cb-space-3, 0.75rem);
      background: var(--_bg);
    }
  `,
];

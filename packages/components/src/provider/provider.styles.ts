import { css } from 'lit';
import { tokens } from '../styles/tokens.styles.js';

export const providerStyles = [
  tokens,
  css`
    :host {
      display: block;
      background: var(--cb-provider-background, var(--cb-color-background));
      color: var(--cb-provider-color, var(--cb-color-text));
      font-family: var(--cb-provider-font-family, var(--cb-font-family));
      font-size: var(--cb-font-size-md);
      line-height: var(--cb-line-height);
    }

    :host([hidden]) {
      display: none;
    }
  `,
];

import { css } from 'lit';

/** A thin progress bar in the element's accent (`--_accent` on a tint of it over `--_bg`); the element sizes it. */
export const progressStyles = css`
  progress {
    height: 0.5rem;
    appearance: none;
    border: 0;
    border-radius: var(--cb-radius-pill, 999px);
    background: color-mix(in srgb, var(--_accent) 15%, var(--_bg));
    overflow: hidden;
    accent-color: var(--_accent);
  }

  progress::-webkit-progress-bar {
    background: transparent;
  }

  progress::-webkit-progress-value {
    background: var(--_accent);
    border-radius: var(--cb-radius-pill, 999px);
    transition: width 0.3s ease;
  }

  progress::-moz-progress-bar {
    background: var(--_accent);
  }
`;

import { css } from 'lit';

/**
 * A `.drop` zone with a dashed border in `--_border` on `--_surface`, marked `.over` in the accent while files are
 * dragged over it; its `input[type='file']` is hidden but stays focusable (its label is what is seen). The element
 * sets the padding and the focus ring of what its label shows.
 */
export const dropZoneStyles = css`
  .drop {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--cb-space-2, 0.5rem);
    padding: var(--cb-space-4, 1rem);
    border: 2px dashed var(--_border);
    border-radius: var(--cb-radius-md, 8px);
    text-align: center;
    background: var(--_surface);
    transition: border-color 0.15s ease, background-color 0.15s ease;
  }

  .drop.over {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }

  .drop input[type='file'] {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
    overflow: hidden;
  }
`;

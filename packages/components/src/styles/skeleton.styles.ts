import { css } from 'lit';

/** Loading placeholders shaped like the content: `.bone` shimmers (still when the reader asks for less motion). Each
 * element sets a bone's size where it uses one. */
export const skeletonStyles = css`
  .bone {
    display: block;
    height: 0.875rem;
    border-radius: var(--cb-radius-sm, 4px);
    background: linear-gradient(
      90deg,
      var(--cb-color-skeleton, #e8e9ec) 0%,
      var(--cb-color-skeleton-highlight, #f5f5f7) 50%,
      var(--cb-color-skeleton, #e8e9ec) 100%
    );
    background-size: 200% 100%;
    animation: shimmer 1.2s ease-in-out infinite;
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
    .bone {
      animation: none;
    }
  }
`;

import { html, type SVGTemplateResult, svg } from 'lit';

// Small stroke icons (24 × 24 grid, drawn in currentColor); always decorative, so hidden from assistive technology.
const icon = (path: SVGTemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;

export const chevronLeft = icon(svg`<path d="M15 5l-7 7 7 7" />`);
export const chevronRight = icon(svg`<path d="M9 5l7 7-7 7" />`);
export const check = icon(svg`<path d="M5 12.5l4.5 4.5L19 7.5" />`);
export const close = icon(svg`<path d="M6 6l12 12M18 6L6 18" />`);
export const alert = icon(svg`<circle cx="12" cy="12" r="9" /><path d="M12 7.5v5.5M12 16.5v.5" />`);
export const calendar = icon(svg`<rect x="4" y="5" width="16" height="15" rx="2" /><path d="M4 10h16M9 3v4M15 3v4" />`);
export const clock = icon(svg`<circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />`);
export const people = icon(
  svg`<circle cx="9" cy="8" r="3.5" /><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 4.6a3.5 3.5 0 010 6.8M21 20c0-2.6-1.6-4.9-4-5.7" />`,
);
export const phone = icon(
  svg`<path d="M6.6 3.5h2.8l1.4 4.2-2 1.4a11 11 0 006.1 6.1l1.4-2 4.2 1.4v2.8a2 2 0 01-2.2 2A17 17 0 014.6 5.7a2 2 0 012-2.2z" />`,
);

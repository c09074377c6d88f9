/**
 * Inline SVG icons (stroke drawings on a 24-unit grid, in currentColor). Icons are decorative: the text
 * next to each says the same thing, so they are hidden from assistive technology.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const icon = (paths: SVGTemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;

export const icons = {
  pin: () => icon(svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`),
  door: () => icon(svg`<path d="M6 21V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v17M3 21h18"/><circle cx="14.5" cy="12" r=".8"/>`),
  note: () => icon(svg`<path d="M5 3h10l4 4v14H5z"/><path d="M15 3v4h4M8 12h8M8 16h6"/>`),
  info: () => icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>`),
  id: () => icon(svg`<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/><path d="M6 16c.6-1.5 1.7-2 3-2s2.4.5 3 2M14 10h4M14 14h3"/>`),
  box: () => icon(svg`<path d="M3 8l9-5 9 5v8l-9 5-9-5z"/><path d="M3 8l9 5 9-5M12 13v8"/>`),
  shield: () => icon(svg`<path d="M12 3l8 3v6c0 4.5-3.4 8.1-8 9-4.6-.9-8-4.5-8-9V6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>`),
  clock: () => icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),
  alert: () => icon(svg`<path d="M12 3l10 18H2z"/><path d="M12 10v4M12 17.5v.5"/>`),
  offline: () => icon(svg`<path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M12 19h.01M3 3l18 18"/>`),
  check: () => icon(svg`<path d="M5 12.5l4.5 4.5L19 7.5"/>`),
  cross: () => icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  basket: () => icon(svg`<path d="M4 10h16l-1.5 10h-13z"/><path d="M8 10l4-6 4 6M9 14v3M15 14v3"/>`),
  arrow: () => icon(svg`<path d="M5 12h14M13 6l6 6-6 6"/>`),
};

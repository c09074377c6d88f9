/**
 * The public theme (`--order-status-*` on the host page) copied to private variables (`--_*`) that the
 * element styles read, so a retailer sets one custom property and every element follows. Dark defaults come
 * from `prefers-color-scheme`; a retailer who sets the colours gets theirs in both schemes.
 */
import { css } from 'lit';

export const themeStyles = css`
:host {
  --_accent: var(--order-status-accent, #0b6e3a);
  --_on-accent: var(--order-status-on-accent, #ffffff);
  --_text: var(--order-status-text, #1d2126);
  --_muted: var(--order-status-muted, #596270);
  --_surface: var(--order-status-surface, #ffffff);
  --_subtle: var(--order-status-subtle, #f2f4f6);
  --_border: var(--order-status-border, #d5dae0);
  --_radius: var(--order-status-radius, 12px);
  --_font: var(--order-status-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  --_space: var(--order-status-spacing, 16px);
  --_success: var(--order-status-success, #0b6e3a);
  --_warning: var(--order-status-warning, #8a5300);
  --_danger: var(--order-status-danger, #b42318);
  --_focus: var(--order-status-focus, var(--_accent));

  display: block;
  box-sizing: border-box;
  color: var(--_text);
  font-family: var(--_font);
  font-size: 1rem;
  line-height: 1.45;
}
@media (prefers-color-scheme: dark) {
  :host {
    --_accent: var(--order-status-accent, #5fd08f);
    --_on-accent: var(--order-status-on-accent, #0b1f14);
    --_text: var(--order-status-text, #e7eaee);
    --_muted: var(--order-status-muted, #a4adb9);
    --_surface: var(--order-status-surface, #1b1f24);
    --_subtle: var(--order-status-subtle, #262b32);
    --_border: var(--order-status-border, #3a414b);
    --_success: var(--order-status-success, #5fd08f);
    --_warning: var(--order-status-warning, #f2b54b);
    --_danger: var(--order-status-danger, #ff8a80);
  }
}
:host([hidden]) {
  display: none;
}
*,
*::before,
*::after {
  box-sizing: inherit;
}
.card {
  display: grid;
  gap: var(--_space);
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: var(--_space);
}
h2,
h3,
p,
ul,
ol {
  margin: 0;
}
ul,
ol {
  padding: 0;
  list-style: none;
}
h2,
h3 {
  line-height: 1.25;
}
/* A card's title is a small label above what it shows (the order's state sentence is what stands out). Its
   size and weight are the steps' own: each size and weight a page draws for the first time costs the browser
   a font to set up before the sentence can be painted (see order-status.styles.ts). */
h2 {
  font-size: 0.875em;
  font-weight: 400;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--_muted);
}
h3 {
  font-size: 1em;
}
.muted {
  color: var(--_muted);
}
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.icon {
  flex: none;
  width: 1.25em;
  height: 1.25em;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  stroke-linejoin: round;
}
.banner {
  display: flex;
  gap: 0.5em;
  align-items: flex-start;
  margin: 0 0 var(--_space);
  padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
  border: 1px solid currentColor;
  border-radius: calc(var(--_radius) / 2);
  background: var(--_subtle);
}
.banner[data-tone='warning'] {
  color: var(--_warning);
}
.banner[data-tone='danger'] {
  color: var(--_danger);
}
.banner p {
  color: var(--_text);
}
.skeleton {
  display: block;
  height: 1em;
  margin: 0.5em 0;
  border-radius: 4px;
  background: linear-gradient(90deg, var(--_subtle), var(--_border), var(--_subtle));
  background-size: 200% 100%;
  animation: shimmer 1.4s ease-in-out infinite;
}
.skeleton.short {
  width: 60%;
}
.skeleton.shorter {
  width: 40%;
}
.skeleton.tall {
  height: 2.5em;
}
/* In a line of text, where a word will be: the line keeps its height. */
.skeleton.inline {
  display: inline-block;
  width: 9em;
  max-width: 100%;
  margin: 0;
  vertical-align: middle;
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
  .skeleton {
    animation: none;
  }
}
:focus-visible {
  outline: 3px solid var(--_focus);
  outline-offset: 2px;
}
`;

import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

export const orderItemsStyles = [
  themeStyles,
  css`
:host {
  container: order-items / inline-size;
}
.group {
  display: grid;
  gap: 0.5em;
}
.group h3 {
  display: flex;
  align-items: center;
  gap: 0.5em;
}
.count {
  min-width: 1.6em;
  padding: 0 0.45em;
  border-radius: 999px;
  background: var(--_subtle);
  border: 1px solid var(--_border);
  font-size: 0.85em;
  text-align: center;
}
/* Blocks and rows out of view cost no layout: a 10,000-item list lays out what is on screen, and find-in-page
   and screen readers still reach the rest. */
.block {
  content-visibility: auto;
}
.row {
  display: grid;
  gap: 0.5em;
  padding: 0.6em 0;
  border-top: 1px solid var(--_border);
  content-visibility: auto;
  contain-intrinsic-size: auto 4.5em;
}
.block:first-child > .row:first-child {
  border-top: 0;
}
.product {
  display: flex;
  gap: 0.75em;
  align-items: center;
  min-width: 0;
}
.image {
  flex: none;
  width: 48px;
  height: 48px;
  border-radius: 8px;
  object-fit: contain;
  background: var(--_subtle);
}
.placeholder {
  display: grid;
  place-items: center;
  color: var(--_muted);
  border: 1px solid var(--_border);
}
.product-text {
  display: grid;
  min-width: 0;
}
.name {
  overflow-wrap: anywhere;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
  overflow: hidden;
}
.quantity {
  color: var(--_muted);
  font-size: 0.9em;
}
.replacement {
  display: flex;
  gap: 0.5em;
  align-items: center;
  padding-inline-start: 1em;
}
.replacement > .icon {
  color: var(--_muted);
}
[data-status='to_refund'] .name {
  text-decoration: line-through;
  text-decoration-color: var(--_muted);
}
.decision {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5em;
  align-items: center;
  padding-inline-start: 1em;
}
.decision p {
  font-size: 0.9em;
}
.decision-status:empty {
  display: none;
}
.decision-status[data-answer='APPROVED'] {
  color: var(--_success);
}
.decision-error {
  color: var(--_danger);
  flex-basis: 100%;
}
.actions {
  display: flex;
  gap: 0.5em;
}
button {
  font: inherit;
  min-height: 2.5em;
  padding: 0.3em 1em;
  border-radius: calc(var(--_radius) / 2);
  border: 1px solid var(--_accent);
  background: var(--_surface);
  color: var(--_accent);
  cursor: pointer;
}
button[data-answer='APPROVED'] {
  background: var(--_accent);
  color: var(--_on-accent);
}
button[aria-disabled='true'] {
  opacity: 0.6;
  cursor: progress;
}
@container order-items (min-width: 36rem) {
  .row[data-status='replaced'] {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    align-items: center;
  }
  .replacement {
    padding-inline-start: 0;
  }
  .decision {
    grid-column: 1 / -1;
    justify-content: flex-end;
  }
}
`,
];

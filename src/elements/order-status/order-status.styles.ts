import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

export const orderStatusStyles = [
  themeStyles,
  css`
.facts {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.25em 1em;
  margin: 0;
}
.facts dt {
  color: var(--_muted);
}
/* Few sizes and weights on purpose: the first time a page draws text in a size and weight, the browser sets up
   that font (about 10 ms each on a mid-range phone), and this card is what the customer waits for. It uses
   three: the text, the sentence in bold, and the small size of the title and the steps. */
.facts dd {
  margin: 0;
}
.sentence {
  font-weight: 700;
}
.summary {
  color: var(--_muted);
}
.notice {
  display: flex;
  gap: 0.5em;
  align-items: center;
  font-weight: 700;
}
.notice[data-kind='canceled'] {
  color: var(--_danger);
}
.notice[data-kind='rescheduled'] {
  color: var(--_warning);
}
.stepper {
  --_dot: 1.5em;
  display: grid;
  grid-auto-flow: column;
  grid-auto-columns: 1fr;
  gap: 0.25em;
}
.step {
  position: relative;
  display: grid;
  justify-items: center;
  gap: 0.35em;
  text-align: center;
  font-size: 0.875em;
  color: var(--_muted);
}
/* The line joining this step to the previous one. */
.step + .step::before {
  content: '';
  position: absolute;
  top: calc(var(--_dot) / 2 - 1px);
  right: calc(50% + var(--_dot) / 2 + 2px);
  width: calc(100% - var(--_dot) - 4px + 0.25em);
  height: 2px;
  background: var(--_border);
}
.step[data-status='complete']::before,
.step[data-status='current']::before {
  background: var(--_accent);
}
.marker {
  display: grid;
  place-items: center;
  width: var(--_dot);
  height: var(--_dot);
  border: 2px solid var(--_border);
  border-radius: 50%;
  background: var(--_surface);
}
.marker .icon {
  width: 1em;
  height: 1em;
  stroke-width: 3;
}
.step[data-status='complete'] .marker {
  border-color: var(--_accent);
  background: var(--_accent);
  color: var(--_on-accent);
}
/* The current step is marked by its ring and its colour, not by a weight of its own (see the note on .facts dd). */
.step[data-status='current'] {
  color: var(--_text);
}
.step[data-status='current'] .marker {
  border-color: var(--_accent);
  box-shadow: inset 0 0 0 4px var(--_surface), inset 0 0 0 10px var(--_accent);
}
.stepper:not([data-kind='step']) {
  opacity: 0.7;
}
/* Narrow hosts: a vertical stepper, and labels that wrap at their spaces. A label is on screen from the first
   render, before the answer, so a row is as tall then as after; the values get the width they need to stay
   on one line (a delivery window, when it comes, moves nothing below it). */
@container order-status (max-width: 28rem) {
  .facts {
    grid-template-columns: min-content 1fr;
  }
  .stepper {
    grid-auto-flow: row;
  }
  .step {
    grid-template-columns: var(--_dot) 1fr;
    justify-items: start;
    align-items: center;
    text-align: start;
  }
  .step + .step::before {
    display: none;
  }
}
:host {
  container: order-status / inline-size;
}
.details {
  display: grid;
  gap: 0.5em;
  margin-top: 0.5em;
}
/* The handling's place while it loads: its title and a two-line address. */
.skeleton.handling-place {
  width: 50%;
  height: 4.65em;
  margin: 0;
}
.detail {
  display: flex;
  gap: 0.6em;
  align-items: flex-start;
  overflow-wrap: anywhere;
}
.detail .icon {
  color: var(--_accent);
  margin-top: 0.1em;
}
.detail[data-detail='alcohol'] .icon {
  color: var(--_warning);
}
`,
];

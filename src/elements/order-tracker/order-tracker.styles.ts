import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

export const orderTrackerStyles = [
  themeStyles,
  css`
:host {
  container: order-tracker / inline-size;
}
.layout {
  display: grid;
  gap: var(--_space);
  grid-template-columns: minmax(0, 1fr);
  grid-template-areas: 'status' 'map' 'items';
}
order-status {
  grid-area: status;
}
order-items {
  grid-area: items;
}
shopper-map {
  grid-area: map;
}
@container order-tracker (min-width: 48rem) {
  .layout {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    grid-template-areas: 'status items';
    align-items: start;
  }
  /* The status has its column to itself; the map keeps its own height (stretched to the status card, long notes
     made it thousands of pixels tall) and tops the other column, the items below it: the status can grow as its
     details arrive without moving the map or the items (no layout shift). */
  .layout[data-map] {
    grid-template-areas: 'status map' 'status items';
    grid-template-rows: auto 1fr;
  }
}
`,
];

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
  .layout[data-map] {
    grid-template-areas: 'status map' 'items items';
    align-items: stretch;
  }
  .layout[data-map] shopper-map {
    height: auto;
    min-height: var(--order-status-map-height, 20rem);
  }
}
`,
];

import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

/** The map itself and its markers are styled by `mapCss` (map-markers.ts), which comes with the Leaflet chunk. */
export const shopperMapStyles = [
  themeStyles,
  css`
:host {
  height: var(--order-status-map-height, 20rem);
  min-height: 12rem;
}
.card {
  display: flex;
  flex-direction: column;
  gap: calc(var(--_space) / 2);
  height: 100%;
  padding: 0;
  overflow: hidden;
}
.banner {
  margin: var(--_space) var(--_space) 0;
}
.map,
.placeholder {
  flex: 1 1 auto;
  min-height: 8rem;
}
.placeholder {
  display: flex;
  gap: 0.75em;
  align-items: center;
  justify-content: center;
  padding: var(--_space);
  background: var(--_subtle);
  text-align: start;
}
.placeholder .icon {
  width: 2em;
  height: 2em;
  color: var(--_accent);
}
.address {
  font-weight: 600;
  overflow-wrap: anywhere;
}
.notice {
  padding: 0 var(--_space) calc(var(--_space) / 2);
  color: var(--_muted);
  font-size: 0.9em;
}
`,
];

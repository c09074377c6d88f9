/**
 * A rollup plugin that builds Leaflet's Marker without marker dragging. The widget's markers are never
 * draggable (nor interactive), and Leaflet's Marker is written for builds without it: it checks
 * `if (MarkerDrag)` before using it. Saves about 0.6 KB gzip in the map chunk and the IIFE.
 * The browser tests run Leaflet's modules as they are, which behaves the same for these markers.
 */
const STUB = '\0leaflet-marker-drag-stub';

/** @returns {import('rollup').Plugin} */
export default function leafletWithoutMarkerDrag() {
  return {
    name: 'leaflet-without-marker-drag',
    resolveId(source, importer) {
      if (source === './Marker.Drag' && importer && /leaflet[\\/]src[\\/]layer[\\/]marker[\\/]Marker\.js$/.test(importer)) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? 'export const MarkerDrag = undefined;' : null;
    },
  };
}

/**
 * A rollup plugin that builds Leaflet without what the widget's map never uses. Each cut is one Leaflet
 * allows for, and each fails the build if Leaflet's source changes under it, so an upgrade cannot silently
 * bring the parts back or break them:
 * - Marker dragging: the widget's markers are never draggable (nor interactive), and Leaflet's Marker is
 *   written for builds without it: it checks `if (MarkerDrag)` before using it (about 0.6 KB gzip).
 * - The attribution control's default prefix (a link with an inline SVG flag): the map always sets its own
 *   prefix with `setPrefix`, so the default is never shown (about 0.15 KB gzip).
 * The browser tests run Leaflet's modules as they are, which behaves the same for this map.
 */
const MARKER_DRAG_STUB = '\0leaflet-marker-drag-stub';
const ATTRIBUTION = /leaflet[\\/]src[\\/]control[\\/]Control\.Attribution\.js$/;
const FLAG = /var ukrainianFlag = '<svg[^']*<\/svg>';/;

/** @returns {import('rollup').Plugin} */
export default function leafletTrim() {
  return {
    name: 'leaflet-trim',
    resolveId(source, importer) {
      if (source === './Marker.Drag' && importer && /leaflet[\\/]src[\\/]layer[\\/]marker[\\/]Marker\.js$/.test(importer)) return MARKER_DRAG_STUB;
      return null;
    },
    load(id) {
      return id === MARKER_DRAG_STUB ? 'export const MarkerDrag = undefined;' : null;
    },
    transform(code, id) {
      if (!ATTRIBUTION.test(id)) return null;
      if (!FLAG.test(code)) this.error('leaflet-trim: Control.Attribution.js no longer has the default prefix flag this plugin removes.');
      return { code: code.replace(FLAG, "var ukrainianFlag = '';"), map: null };
    },
  };
}

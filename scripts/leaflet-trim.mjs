/**
 * A rollup plugin that builds Leaflet without what the widget's map never uses, and without HTML sinks. Each
 * change is one Leaflet allows for, and each fails the build if Leaflet's source changes under it, so an
 * upgrade cannot silently bring the parts back or break them.
 *
 * Trusted Types (a page with `require-trusted-types-for 'script'` refuses strings for innerHTML): the map
 * reaches no HTML sink.
 * - The inline-SVG and VML feature checks parse markup while the module loads: every browser that runs the
 *   widget has inline SVG, so the answers are written down instead.
 * - The zoom buttons' labels are text (`+`, `−`), set with textContent; the buttons are named by their
 *   aria-label, as before.
 * - A DivIcon puts a string `html` in as text: the widget's markers are elements, never strings.
 * - Leaflet's attribution control, which writes HTML, is not imported (leaflet-map.ts builds the line).
 * Size:
 * - Marker dragging: the widget's markers are never draggable (nor interactive), and Leaflet's Marker is
 *   written for builds without it: it checks `if (MarkerDrag)` before using it (about 0.6 KB gzip).
 * - Map methods nothing calls: geolocation (`locate`, `stopLocate` and their handlers), `flyTo`,
 *   `flyToBounds`, `fitWorld`, `setMinZoom`, `setMaxZoom`, `panInside` and `distance`.
 * - Marker: Leaflet's default icon (the map's markers bring their own), panning to a focused marker (they
 *   are never focusable), and the methods for changing icons and z-index or anchoring popups, which nothing
 *   calls.
 * The browser tests run Leaflet's modules as they are, which behaves the same for this map on a page without
 * Trusted Types; the build tests run these bundles under a strict Content Security Policy.
 */
const MARKER_DRAG_STUB = '\0leaflet-marker-drag-stub';

/** A Leaflet method at one tab of indentation, from its name to its closing brace. */
const method = (name) => new RegExp(`\\n\\t${name}: function \\([^)]*\\) \\{\\n[\\s\\S]*?\\n\\t\\},?\\n`);

/** Per Leaflet source file: what must be found exactly once, and what replaces it. */
const EDITS = {
  'core/Browser.js': [
    [/var inlineSvg = !!svg && \(function \(\) \{\n\tvar div = document\.createElement\('div'\);\n\tdiv\.innerHTML = '<svg\/>';\n[^}]*\}\)\(\);/, 'var inlineSvg = !!svg;'],
    [/var vml = !svg && \(function \(\) \{[\s\S]*?div\.innerHTML = '<v:shape adj="1"\/>';[\s\S]*?\n\}\(\)\);/, 'var vml = false;'],
  ],
  'control/Control.Zoom.js': [
    [`zoomInText: '<span aria-hidden="true">+</span>',`, `zoomInText: '+',`],
    [`zoomOutText: '<span aria-hidden="true">&#x2212;</span>',`, `zoomOutText: '\\u2212',`],
    ['link.innerHTML = html;', 'link.textContent = html;'],
  ],
  'layer/marker/DivIcon.js': [["div.innerHTML = options.html !== false ? options.html : '';", "div.textContent = options.html !== false ? options.html : '';"]],
  'layer/marker/Marker.js': [
    // The map's markers always have an icon of their own: Leaflet's default one (image paths found through the
    // document's stylesheets) is never shown.
    ["import {IconDefault} from './Icon.Default';", "import {Icon as IconDefault} from './Icon';"],
    // Never focusable (keyboard: false), so never panned to on focus.
    ['autoPanOnFocus: true,', 'autoPanOnFocus: false,'],
    ...['setZIndexOffset', 'getIcon', 'setIcon', '_panOnFocus', '_getPopupAnchor', '_getTooltipAnchor'].map((name) => [method(name), '\n']),
  ],
  'map/Map.js': [
    ...['flyTo', 'flyToBounds', 'fitWorld', 'setMinZoom', 'setMaxZoom', 'panInside', 'locate', 'stopLocate', '_handleGeolocationError', '_handleGeolocationResponse', 'distance'].map((name) => [method(name), '\n']),
    [/\n\t\tif \(this\._locationWatchId !== undefined\) \{\n\t\t\tthis\.stopLocate\(\);\n\t\t\}\n/, '\n'],
  ],
};

function count(code, find) {
  if (typeof find === 'string') return code.split(find).length - 1;
  return (code.match(new RegExp(find.source, `${find.flags}g`)) ?? []).length;
}

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
      const file = /leaflet[\\/]src[\\/](.+)$/.exec(id)?.[1]?.replace(/\\/g, '/');
      if (!file) return null;
      // Leaflet's sources have CRLF line ends; the edits are written with \n.
      let out = EDITS[file] ? code.replace(/\r\n/g, '\n') : code;
      for (const [find, replacement] of EDITS[file] ?? []) {
        const found = count(out, find);
        if (found !== 1) this.error(`leaflet-trim: ${file} has ${found} matches of ${String(find).slice(0, 80)} (expected 1): Leaflet's source changed.`);
        out = out.replace(find, replacement);
      }
      // Whatever Leaflet module the map comes to import, none may bring an HTML sink with it.
      if (/\.innerHTML\s*=/.test(out.replace(/\/\/.*$/gm, ''))) this.error(`leaflet-trim: ${file} assigns innerHTML, which Trusted Types refuse.`);
      return out === code ? null : { code: out, map: null };
    },
  };
}

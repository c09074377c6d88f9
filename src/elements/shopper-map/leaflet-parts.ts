/**
 * The parts of Leaflet the map uses, imported from Leaflet's own source modules instead of its one-file
 * build. Leaflet's ES build registers popups, tooltips, vector renderers, GeoJSON, overlays and the layers
 * control as side effects, so no bundler can drop them; importing the modules below leaves them out
 * (about 40% of Leaflet's gzip size, measured by `npm run size`).
 *
 * Kept: the map with dragging, touch, double-click, wheel (enabled once the map is engaged) and keyboard
 * panning and zooming; the zoom buttons; tile layers; markers with HTML icons; the base control, for the
 * attribution line the tile usage policies ask for (leaflet-map.ts builds it from text: Leaflet's own
 * attribution control writes HTML, which Trusted Types refuse). Left out: box zoom (shift-drag) and tap-hold,
 * which only open popups, and Leaflet's attribution control.
 */
import { Map as MapClass } from 'leaflet/src/map/Map.js';
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import 'leaflet/src/map/handler/Map.TouchZoom.js';
import 'leaflet/src/map/handler/Map.Keyboard.js';
import 'leaflet/src/control/Control.Zoom.js';
import { Control } from 'leaflet/src/control/Control.js';
import { TileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
import { Marker } from 'leaflet/src/layer/marker/Marker.js';
import { DivIcon } from 'leaflet/src/layer/marker/DivIcon.js';
import { toLatLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
import type * as Leaflet from 'leaflet';

export type { LatLngTuple, Map as LeafletMap, TileLayer as LeafletTileLayer, Marker as LeafletMarker, DivIcon as LeafletDivIcon } from 'leaflet';

export const map: typeof Leaflet.map = (element, options) => new MapClass(element, options);
export const tileLayer = (url: string, options?: Leaflet.TileLayerOptions): Leaflet.TileLayer => new TileLayer(url, options);
export const marker: typeof Leaflet.marker = (latLng, options) => new Marker(latLng, options);
export const divIcon: typeof Leaflet.divIcon = (options) => new DivIcon(options);
export const latLngBounds = toLatLngBounds as typeof Leaflet.latLngBounds;
/** A control in a corner of the map showing `element`. */
export const controlOf = (element: HTMLElement, position: Leaflet.ControlPosition): Leaflet.Control => {
  const control = new Control({ position }) as Leaflet.Control;
  control.onAdd = () => element;
  return control;
};

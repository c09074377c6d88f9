/**
 * The Leaflet side of <shopper-map>, loaded as its own chunk only when a map is shown: Leaflet and its CSS
 * stay out of the entry bundle. Keeps one map, a destination pin and the shopper's marker in step with what
 * the element passes, and fits both in view until the customer moves the map.
 */
import * as L from './leaflet-parts.js';
import type { Coordinates } from '../../api/types.js';
import { leafletCss } from './leaflet-css.js';
import { glide, prefersReducedMotion } from './glide.js';
import { destinationPin, mapCss, shopperBadge } from './map-markers.js';

/** Long enough to read as movement, short enough to arrive well before the next poll. */
const GLIDE_MS = 1200;

export interface MapLabels {
  destination: string;
  shopper: string;
}

export interface MapPoints {
  destination?: Coordinates;
  /** Only while delivering with a known position; null removes the marker. */
  shopper?: Coordinates | null;
}

let sheet: CSSStyleSheet | undefined;

/** Puts Leaflet's CSS and the map's own (see map-markers.ts) in the shadow root (once). */
export function mountLeafletStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(leafletCss + mapCss);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  if (root.querySelector('style[data-leaflet]')) return;
  const style = document.createElement('style');
  style.dataset.leaflet = '';
  style.textContent = leafletCss + mapCss;
  root.append(style);
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = text;
  return a;
}

/**
 * The attribution line, built from text with DOM calls (no HTML is parsed, so Trusted Types have nothing to
 * refuse): "Leaflet", then the `attribution` attribute as text, its words "OpenStreetMap" a link to the
 * copyright page as the tile usage policy asks.
 */
export function attributionNodes(text: string): (Node | string)[] {
  const nodes: (Node | string)[] = [link('https://leafletjs.com', 'Leaflet')];
  if (!text) return nodes;
  const separator = document.createElement('span');
  separator.setAttribute('aria-hidden', 'true');
  separator.textContent = ' | ';
  const [before, ...after] = text.split('OpenStreetMap');
  nodes.push(separator, before!);
  if (after.length > 0) nodes.push(link('https://www.openstreetmap.org/copyright', 'OpenStreetMap'), after.join('OpenStreetMap'));
  return nodes;
}

const toLatLng = (point: Coordinates): L.LatLngTuple => [point.latitude, point.longitude];

export class LeafletMapView {
  readonly #map: L.LeafletMap;
  /** The element Leaflet owns, inside the element's map container: made per view, so a new view never
   * meets the leftovers of an old one. */
  readonly #canvas: HTMLElement;
  #animatingZoom = false;
  #tiles: L.LeafletTileLayer | undefined;
  readonly #attribution = document.createElement('div');
  #tileKey = '';
  #destination: L.LeafletMarker | undefined;
  #shopper: L.LeafletMarker | undefined;
  #stopGlide: () => void = () => {};
  #points: MapPoints = {};
  /** Once the customer drags or zooms, updates stop re-fitting the view. */
  #userMoved = false;
  #fitting = false;

  #labels: MapLabels;

  constructor(container: HTMLElement, labels: MapLabels) {
    this.#labels = labels;
    this.#canvas = document.createElement('div');
    this.#canvas.className = 'map-canvas';
    container.append(this.#canvas);
    this.#map = L.map(this.#canvas, { scrollWheelZoom: false, zoomControl: true });
    this.#map.on('zoomanim', () => (this.#animatingZoom = true));
    this.#map.on('zoomend', () => (this.#animatingZoom = false));
    this.#attribution.className = 'leaflet-control-attribution';
    this.#attribution.append(...attributionNodes(''));
    L.controlOf(this.#attribution, 'bottomright').addTo(this.#map);
    // A page scrolling past the map should not zoom it: the wheel zooms only once the map is engaged.
    this.#map.on('click focus', () => this.#map.scrollWheelZoom.enable());
    this.#map.on('blur', () => this.#map.scrollWheelZoom.disable());
    this.#map.on('dragstart', () => (this.#userMoved = true));
    this.#map.on('zoomstart', () => {
      if (!this.#fitting) this.#userMoved = true;
    });
    this.#fitting = true;
    this.#map.setView([0, 0], 2, { animate: false });
    this.#fitting = false;
  }

  /** Tiles from a URL template (`{z}/{x}/{y}`); an empty URL shows no tiles (tests, or a page without tiles). */
  setTiles(url: string, attribution: string): void {
    const key = `${url}\n${attribution}`;
    if (key === this.#tileKey) return;
    this.#tileKey = key;
    this.#tiles?.remove();
    this.#tiles = undefined;
    this.#attribution.replaceChildren(...attributionNodes(url ? attribution : ''));
    if (!url) return;
    this.#tiles = L.tileLayer(url, {
      maxZoom: 19,
      // OpenStreetMap's tile servers refuse requests without a Referer.
      referrerPolicy: 'strict-origin-when-cross-origin',
    }).addTo(this.#map);
  }

  show(points: MapPoints): void {
    this.#points = points;
    this.#destination = this.#place(this.#destination, points.destination, () =>
      L.divIcon({ html: destinationPin(this.#labels.destination), className: 'map-marker', iconSize: [32, 40], iconAnchor: [16, 40] }),
    );
    this.#stopGlide();
    const moving = this.#shopper && points.shopper ? this.#shopper : undefined;
    if (moving && points.shopper) {
      this.#stopGlide = glide(moving, toLatLng(points.shopper), { durationMs: GLIDE_MS, reducedMotion: prefersReducedMotion() });
    } else {
      this.#shopper = this.#place(this.#shopper, points.shopper ?? undefined, () =>
        L.divIcon({ html: shopperBadge(this.#labels.shopper), className: 'map-marker', iconSize: [36, 36], iconAnchor: [18, 18] }),
      );
    }
    this.#fit();
  }

  /** The markers' names in the page's language now (the language can change while the map is shown). */
  setLabels(labels: MapLabels): void {
    if (labels.destination === this.#labels.destination && labels.shopper === this.#labels.shopper) return;
    this.#labels = labels;
    this.#destination?.getElement()?.querySelector('svg')?.setAttribute('aria-label', labels.destination);
    this.#shopper?.getElement()?.querySelector('svg')?.setAttribute('aria-label', labels.shopper);
  }

  invalidateSize(): void {
    this.#map.invalidateSize({ animate: false });
    this.#fit();
  }

  remove(): void {
    this.#stopGlide();
    this.#canvas.remove();
    // Leaflet 1.9 finishes a zoom animation on a timer and fails if the map is gone by then: let it finish.
    if (this.#animatingZoom) this.#map.once('zoomend', () => setTimeout(() => this.#map.remove()));
    else this.#map.remove();
  }

  #place(marker: L.LeafletMarker | undefined, point: Coordinates | undefined, icon: () => L.LeafletDivIcon): L.LeafletMarker | undefined {
    if (!point) {
      marker?.remove();
      return undefined;
    }
    if (marker) return marker.setLatLng(toLatLng(point));
    // Decorative for assistive technology: the element's text alternative says where the shopper is.
    return L.marker(toLatLng(point), { icon: icon(), interactive: false, keyboard: false }).addTo(this.#map);
  }

  #fit(): void {
    if (this.#userMoved) return;
    const points = [this.#points.destination, this.#points.shopper].filter((p): p is Coordinates => !!p).map(toLatLng);
    const size = this.#map.getSize();
    if (points.length === 0 || size.x === 0 || size.y === 0) return;
    this.#fitting = true;
    try {
      if (points.length === 1) this.#map.setView(points[0]!, 15, { animate: false });
      else this.#map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 16, animate: false });
    } finally {
      this.#fitting = false;
    }
  }
}

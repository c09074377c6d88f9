/**
 * The two markers as inline SVG built with DOM calls (Leaflet's default icons look for images through
 * document.body, which a shadow root breaks; and no HTML strings are parsed). Colours come from the host's
 * theme through the classes styled in `mapCss` below.
 */
/**
 * The map's own CSS, loaded with the Leaflet chunk (nothing here applies before a map is shown): the map
 * container, Leaflet's canvas inside it, and the marker colours from the theme's private variables.
 */
export const mapCss = `
.map{position:relative;z-index:0}
.map-canvas{position:absolute;inset:0}
.map-canvas:focus-visible{outline-offset:-3px}
.map-marker{background:none;border:0}
.map-pin .pin-body{fill:var(--_accent);stroke:var(--_surface);stroke-width:2}
.map-pin .pin-home{fill:var(--_on-accent)}
.map-shopper .shopper-halo{fill:var(--_accent);opacity:.25}
.map-shopper .shopper-body{fill:var(--_surface);stroke:var(--_accent);stroke-width:3}
.map-shopper .shopper-bag{fill:none;stroke:var(--_accent);stroke-width:2;stroke-linejoin:round}
`;

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement(tag: string, attributes: Record<string, string>): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function marker(className: string, label: string, viewBox: string, width: number, height: number, children: SVGElement[]): SVGElement {
  const root = svgElement('svg', { class: className, viewBox, width: String(width), height: String(height), role: 'img', 'aria-label': label });
  root.append(...children);
  return root;
}

/** A map pin for the delivery address (tip at the bottom centre: anchor [16, 40]). */
export function destinationPin(label: string): SVGElement {
  return marker('map-pin', label, '0 0 32 40', 32, 40, [
    svgElement('path', { class: 'pin-body', d: 'M16 39s13-12.4 13-23.5A13 13 0 0 0 3 15.5C3 26.6 16 39 16 39z' }),
    svgElement('path', { class: 'pin-home', d: 'M10 17l6-5 6 5v6h-4v-4h-4v4h-4z' }),
  ]);
}

/** A round badge for the shopper (anchor at its centre [18, 18]). */
export function shopperBadge(label: string): SVGElement {
  return marker('map-shopper', label, '0 0 36 36', 36, 36, [
    svgElement('circle', { class: 'shopper-halo', cx: '18', cy: '18', r: '17' }),
    svgElement('circle', { class: 'shopper-body', cx: '18', cy: '18', r: '12' }),
    svgElement('path', { class: 'shopper-bag', d: 'M12.5 15h11l-1 9h-9zM15 15v-1.5a3 3 0 0 1 6 0V15' }),
  ]);
}

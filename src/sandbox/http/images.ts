/**
 * Product pictures the sandbox draws itself, so item images work offline and never hit a remote host:
 * a simple SVG per catalog product (its shape in its colour), served at `/__sandbox/images/<slug>.svg`.
 * Public like any product picture: a widget on a page of another origin shows them with `<img>`.
 */
import { http, type HttpHandler } from 'msw';
import { catalogProduct, type ProductShape } from '../model/baskets.js';
import { notFound } from '../model/errors.js';
import { route } from './responses.js';

const SHAPES: Readonly<Record<ProductShape, (fill: string, stroke: string) => string>> = {
  round: (f, s) =>
    `<circle cx="48" cy="52" r="27" fill="${f}" stroke="${s}" stroke-width="3"/>` +
    `<path d="M48 25 C50 18 56 14 62 14 C60 21 55 25 48 25 Z" fill="#4caf50"/>`,
  long: (f, s) => `<path d="M18 62 C34 78 66 76 80 40 C82 34 78 32 75 36 C62 58 42 64 22 54 C16 52 14 58 18 62 Z" fill="${f}" stroke="${s}" stroke-width="3"/>`,
  box: (f, s) =>
    `<rect x="20" y="28" width="56" height="44" rx="4" fill="${f}" stroke="${s}" stroke-width="3"/>` +
    `<path d="M20 40 H76" stroke="${s}" stroke-width="2"/>`,
  bottle: (f, s) =>
    `<path d="M42 14 H54 V32 C62 36 64 42 64 50 V80 C64 83 62 84 60 84 H36 C34 84 32 83 32 80 V50 C32 42 34 36 42 32 Z" fill="${f}" stroke="${s}" stroke-width="3"/>` +
    `<rect x="36" y="54" width="24" height="16" fill="#fff" opacity="0.8"/>`,
  carton: (f, s) =>
    `<path d="M30 34 L40 18 H60 L70 34 V82 H30 Z" fill="${f}" stroke="${s}" stroke-width="3"/>` +
    `<path d="M30 34 H70" stroke="${s}" stroke-width="2"/><rect x="38" y="46" width="24" height="20" fill="#2e86de" opacity="0.5"/>`,
  bag: (f, s) =>
    `<path d="M26 24 H70 L74 80 C74 83 72 84 70 84 H26 C24 84 22 83 22 80 Z" fill="${f}" stroke="${s}" stroke-width="3"/>` +
    `<path d="M26 32 H72" stroke="${s}" stroke-width="2" stroke-dasharray="4 3"/>`,
  jar: (f, s) =>
    `<rect x="28" y="30" width="40" height="52" rx="6" fill="${f}" stroke="${s}" stroke-width="3"/>` +
    `<rect x="26" y="20" width="44" height="12" rx="3" fill="#3d5a80"/>`,
  bunch: (f, s) =>
    `<path d="M44 60 L40 84 H56 L52 60 Z" fill="#a5d6a7" stroke="${s}" stroke-width="2"/>` +
    `<circle cx="34" cy="44" r="14" fill="${f}"/><circle cx="62" cy="44" r="14" fill="${f}"/>` +
    `<circle cx="48" cy="32" r="16" fill="${f}" stroke="${s}" stroke-width="2"/>`,
  slab: (f, s) =>
    `<path d="M16 66 L40 30 C44 26 50 24 56 26 L80 40 C84 42 84 46 82 50 L66 74 C62 78 56 78 50 76 L20 70 C16 69 15 68 16 66 Z" fill="${f}" stroke="${s}" stroke-width="3"/>`,
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A darker version of a `#rrggbb` colour, for outlines. */
function darken(hex: string, factor = 0.6): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 0xff) * factor).toString(16).padStart(2, '0');
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/** The SVG for a catalog product, or undefined for an unknown slug. */
export function productImageSvg(slug: string): string | undefined {
  const product = catalogProduct(slug);
  if (!product) return undefined;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96" role="img">` +
    `<title>${escapeXml(product.name)}</title>` +
    `<rect width="96" height="96" rx="16" fill="#f4f6f8"/>` +
    SHAPES[product.shape](product.color, darken(product.color)) +
    `</svg>`
  );
}

/** `GET /__sandbox/images/{slug}.svg`: the picture, or 404 in Connect's shape. */
export function productImageHandler(at: (path: string) => string): HttpHandler {
  return http.get(
    at('/__sandbox/images/:file'),
    route((_request, params) => {
      const match = /^([a-z0-9-]+)\.svg$/.exec(params.file ?? '');
      const svg = match ? productImageSvg(match[1] as string) : undefined;
      if (!svg) throw notFound('image');
      return new Response(svg, {
        headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
      });
    }),
  );
}

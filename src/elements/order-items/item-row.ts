/** One product as a row shows it: image (or a placeholder), name, and quantity with its unit. */
import { html, nothing, type TemplateResult } from 'lit';
import { safeImageUrl } from '../../api/parse.js';
import type { Product } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { icons } from '../shared/icons.js';

/** Remembers images that failed to load, so their rows show the placeholder from then on. */
export interface BrokenImages {
  has(url: string): boolean;
  add(url: string): void;
}

export function renderImage(product: Product, broken: BrokenImages, onBroken: (url: string) => void): TemplateResult {
  // The client already keeps only http(s) and data:image URLs; checked again here, where it is rendered.
  const url = safeImageUrl(product.imageUrl);
  if (!url || broken.has(url)) {
    return html`<span class="image placeholder" part="image image-placeholder" aria-hidden="true">${icons.basket()}</span>`;
  }
  return html`<img
    class="image"
    part="image"
    src=${url}
    alt=""
    width="48"
    height="48"
    loading="lazy"
    decoding="async"
    referrerpolicy="no-referrer"
    @error=${() => onBroken(url)}
  />`;
}

export function renderProduct(
  product: Product,
  kind: 'item' | 'replacement',
  l10n: Localizer,
  broken: BrokenImages,
  onBroken: (url: string) => void,
): TemplateResult {
  return html`<div class="product" data-product=${kind}>
    ${renderImage(product, broken, onBroken)}
    <div class="product-text">
      <span class="name" part="name">${product.name}</span>
      ${product.quantity === undefined
        ? nothing
        : html`<span class="quantity" part="quantity"
            ><span class="visually-hidden">${l10n.msg('items.quantity')}: </span>${l10n.quantity(product.quantity, product.costUnit)}</span
          >`}
    </div>
  </div>`;
}

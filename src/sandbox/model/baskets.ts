/**
 * A small grocery catalog and the baskets the sandbox fills orders with. Every product has an image the
 * sandbox draws itself (`/__sandbox/images/<slug>.svg`, see images.ts), a UPC and an RRC (so the shopper's
 * `replacement_item` and the customer's `alternative_item` can name one), and a usual substitute.
 */
import type { ProductRecord } from './records.js';

export type ProductShape = 'round' | 'long' | 'box' | 'bottle' | 'carton' | 'bag' | 'jar' | 'bunch' | 'slab';

export interface CatalogProduct {
  slug: string;
  name: string;
  costUnit: 'EACH' | 'LB' | 'KG';
  /** Usual ordered quantity, as the API's string. */
  quantity: string;
  upc: string;
  rrc: string;
  shape: ProductShape;
  color: string;
  alcoholic?: boolean;
  /** Slug of what a shopper proposes when this one is out of stock. */
  substitute: string;
}

let sequence = 0;
const P = (
  slug: string,
  name: string,
  costUnit: CatalogProduct['costUnit'],
  quantity: string,
  shape: ProductShape,
  color: string,
  substitute: string,
  alcoholic = false,
): CatalogProduct => {
  sequence += 1;
  return {
    slug,
    name,
    costUnit,
    quantity,
    upc: `0007100${String(sequence).padStart(5, '0')}`,
    rrc: `RRC-${1000 + sequence}`,
    shape,
    color,
    substitute,
    ...(alcoholic ? { alcoholic } : {}),
  };
};

/** Ordered products first (the order baskets take them in), then the substitutes. */
export const CATALOG: readonly CatalogProduct[] = [
  P('bananas', 'Organic Bananas', 'EACH', '10.0', 'long', '#f4d03f', 'bananas-conventional'),
  P('cantaloupe', 'Cantaloupe', 'EACH', '1.0', 'round', '#f0b27a', 'honeydew'),
  P('apples', 'Honeycrisp Apples', 'LB', '2.5', 'round', '#e74c3c', 'gala-apples'),
  P('milk', 'Whole Milk, 1 gal', 'EACH', '1.0', 'carton', '#ecf0f1', 'milk-2-percent'),
  P('eggs', 'Large Brown Eggs, 12 ct', 'EACH', '1.0', 'box', '#d7b98e', 'white-eggs'),
  P('sourdough', 'Sourdough Bread', 'EACH', '1.0', 'slab', '#c8945a', 'white-bread'),
  P('spinach', 'Organic Baby Spinach, 5 oz', 'EACH', '1.0', 'bag', '#27ae60', 'kale'),
  P('avocados', 'Hass Avocados', 'EACH', '4.0', 'round', '#4d7c32', 'avocado-bag'),
  P('tomatoes', 'Roma Tomatoes', 'LB', '1.5', 'round', '#d63031', 'vine-tomatoes'),
  P('chicken', 'Boneless Chicken Breast', 'LB', '2.0', 'slab', '#f5b7b1', 'chicken-thighs'),
  P('coffee', 'Medium Roast Ground Coffee, 12 oz', 'EACH', '1.0', 'bag', '#6e4b3a', 'dark-roast-coffee'),
  P('yogurt', 'Plain Greek Yogurt, 32 oz', 'EACH', '2.0', 'jar', '#fdfefe', 'vanilla-yogurt'),
  P('cheddar', 'Sharp Cheddar Cheese, 8 oz', 'EACH', '1.0', 'slab', '#f39c12', 'mild-cheddar'),
  P('rice', 'Basmati Rice', 'KG', '1.0', 'bag', '#f7f1e3', 'jasmine-rice'),
  P('carrots', 'Carrots', 'LB', '2.0', 'long', '#e67e22', 'baby-carrots'),
  P('strawberries', 'Strawberries, 1 lb', 'EACH', '1.0', 'box', '#c0392b', 'blueberries'),
  P('salmon', 'Atlantic Salmon Fillet', 'LB', '1.25', 'slab', '#fa8072', 'trout'),
  P('red-wine', 'Cabernet Sauvignon, 750 ml', 'EACH', '1.0', 'bottle', '#7b1e3a', 'merlot', true),
  P('orange-juice', 'Orange Juice, 52 oz', 'EACH', '1.0', 'carton', '#f8a21c', 'apple-juice'),
  P('spaghetti', 'Spaghetti, 16 oz', 'EACH', '2.0', 'box', '#f6e58d', 'penne'),
  P('olive-oil', 'Extra Virgin Olive Oil, 500 ml', 'EACH', '1.0', 'bottle', '#9acd32', 'canola-oil'),
  P('broccoli', 'Broccoli Crowns', 'LB', '1.0', 'bunch', '#2e8b57', 'cauliflower'),
  P('lemons', 'Lemons', 'EACH', '3.0', 'round', '#fff176', 'limes'),
  P('sparkling-water', 'Sparkling Water, 12 pk', 'EACH', '1.0', 'box', '#81d4fa', 'still-water'),
  // Substitutes.
  P('bananas-conventional', 'Bananas', 'EACH', '10.0', 'long', '#f7dc6f', 'cantaloupe'),
  P('honeydew', 'Honeydew Melon', 'EACH', '1.0', 'round', '#c5e1a5', 'cantaloupe'),
  P('gala-apples', 'Gala Apples', 'LB', '2.5', 'round', '#ec7063', 'apples'),
  P('milk-2-percent', '2% Reduced Fat Milk, 1 gal', 'EACH', '1.0', 'carton', '#d6eaf8', 'milk'),
  P('white-eggs', 'Large White Eggs, 12 ct', 'EACH', '1.0', 'box', '#f8f9f9', 'eggs'),
  P('white-bread', 'White Sandwich Bread', 'EACH', '1.0', 'slab', '#f5deb3', 'sourdough'),
  P('kale', 'Organic Baby Kale, 5 oz', 'EACH', '1.0', 'bag', '#1e8449', 'spinach'),
  P('avocado-bag', 'Avocados, 4 ct bag', 'EACH', '1.0', 'bag', '#58813a', 'avocados'),
  P('vine-tomatoes', 'Tomatoes on the Vine', 'LB', '1.5', 'round', '#e74c3c', 'tomatoes'),
  P('chicken-thighs', 'Boneless Chicken Thighs', 'LB', '2.0', 'slab', '#f1948a', 'chicken'),
  P('dark-roast-coffee', 'Dark Roast Ground Coffee, 12 oz', 'EACH', '1.0', 'bag', '#4e342e', 'coffee'),
  P('vanilla-yogurt', 'Vanilla Greek Yogurt, 32 oz', 'EACH', '2.0', 'jar', '#fef9e7', 'yogurt'),
  P('mild-cheddar', 'Mild Cheddar Cheese, 8 oz', 'EACH', '1.0', 'slab', '#f7c04a', 'cheddar'),
  P('jasmine-rice', 'Jasmine Rice', 'KG', '1.0', 'bag', '#fbfcfc', 'rice'),
  P('baby-carrots', 'Baby Carrots, 1 lb', 'EACH', '1.0', 'bag', '#f0932b', 'carrots'),
  P('blueberries', 'Blueberries, 6 oz', 'EACH', '2.0', 'box', '#3f51b5', 'strawberries'),
  P('trout', 'Rainbow Trout Fillet', 'LB', '1.25', 'slab', '#f5a99b', 'salmon'),
  P('apple-juice', 'Apple Juice, 64 oz', 'EACH', '1.0', 'carton', '#f9e79f', 'orange-juice'),
  P('penne', 'Penne Rigate, 16 oz', 'EACH', '2.0', 'box', '#f9e79f', 'spaghetti'),
  P('canola-oil', 'Canola Oil, 48 oz', 'EACH', '1.0', 'bottle', '#f4d03f', 'olive-oil'),
  P('cauliflower', 'Cauliflower', 'EACH', '1.0', 'bunch', '#f5f5dc', 'broccoli'),
  P('limes', 'Limes', 'EACH', '4.0', 'round', '#7cb342', 'lemons'),
  P('still-water', 'Spring Water, 24 pk', 'EACH', '1.0', 'box', '#b3e5fc', 'sparkling-water'),
  P('merlot', 'Merlot, 750 ml', 'EACH', '1.0', 'bottle', '#6d1a36', 'red-wine', true),
];

/** How many products the ordered part of the catalog has (before the substitutes). */
const ORDERABLE_COUNT = 24;

const BASKET_SIZES = { small: 6, large: 18 } as const;

export type BasketSpec = keyof typeof BASKET_SIZES | number;

export function catalogProduct(slug: string): CatalogProduct | undefined {
  return CATALOG.find((product) => product.slug === slug);
}

/** A product by the shopper's or customer's reference (`upc` or `rrc`). */
export function productByReference(reference: { upc?: string; rrc?: string }): CatalogProduct | undefined {
  return CATALOG.find(
    (product) => (reference.upc !== undefined && product.upc === reference.upc) || (reference.rrc !== undefined && product.rrc === reference.rrc),
  );
}

function imagePathOf(slug: string): string {
  return `/__sandbox/images/${slug}.svg`;
}

export function toProductRecord(product: CatalogProduct, quantity = product.quantity): ProductRecord {
  return {
    name: product.name,
    imagePath: imagePathOf(product.slug),
    quantity,
    costUnit: product.costUnit,
    upc: product.upc,
    rrc: product.rrc,
  };
}

/** How many products a basket spec means, or undefined when it is not a valid spec. */
export function basketSize(spec: BasketSpec): number | undefined {
  if (typeof spec === 'number') {
    return Number.isInteger(spec) && spec >= 1 && spec <= ORDERABLE_COUNT ? spec : undefined;
  }
  return BASKET_SIZES[spec];
}

/** The first `size` orderable products; the wine is 18th, so a large basket is an alcoholic order. */
export function basketProducts(size: number): CatalogProduct[] {
  return CATALOG.slice(0, ORDERABLE_COUNT).slice(0, size);
}

/** Formats a quantity the way the API writes it: at least one decimal ("10.0", "1.5", "1.25"). */
export function quantityString(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * The raw JSON the Connect post-checkout API sends (snake_case, shared/instacart-api.md §1), and the
 * functions that write the model's records in it. Only this file knows the wire names of order data.
 */
import type { Coordinates, LineItemRecord, OrderRecord, ProductRecord } from './records.js';

export type FulfillmentType = 'delivery' | 'pickup' | 'last_mile_delivery';

export const FULFILLMENT_TYPES: readonly FulfillmentType[] = ['delivery', 'pickup', 'last_mile_delivery'];

export function isFulfillmentType(value: unknown): value is FulfillmentType {
  return typeof value === 'string' && (FULFILLMENT_TYPES as readonly string[]).includes(value);
}

export interface RawOrder {
  id: string;
  creation_date: string;
  workflow_state: string;
  fulfillment_type: FulfillmentType;
  fulfillment_details: { window_starts_at: string; window_ends_at: string };
}

export interface RawProduct {
  name: string;
  image_url?: string;
  quantity: string;
  cost_unit: string;
}

export interface RawLineItem {
  id: string;
  line_num: string;
  status: string;
  replacement_status: string;
  certified_delivery: boolean;
  item: RawProduct;
  replacement?: RawProduct;
}

export interface RawAddress {
  address_line_1: string;
  address_line_2?: string;
  locality?: string;
  administrative_area?: string;
  postal_code: string;
  country_code: string;
}

export interface RawHandling {
  address: RawAddress;
  coordinates: Coordinates;
  dropoff_location: string;
  notes: string;
  instructions: string;
  leave_unattended: boolean;
  alcoholic: boolean;
  certified_delivery: boolean;
}

/** `{"coordinates": …}` while delivering, `{}` otherwise (instacart-api.md §1 Decision). */
export type RawLocation = { coordinates: Coordinates } | Record<string, never>;

/** ISO 8601 without milliseconds, as Connect writes it: `2022-01-13T18:28:07Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function orderJson(order: OrderRecord): RawOrder {
  return {
    id: order.id,
    creation_date: isoSeconds(order.createdAt),
    workflow_state: order.workflowState,
    fulfillment_type: order.fulfillmentType,
    fulfillment_details: {
      window_starts_at: isoSeconds(order.windowStartsAt),
      window_ends_at: isoSeconds(order.windowEndsAt),
    },
  };
}

/**
 * `origin` (e.g. `http://localhost:8787`, optionally with a path prefix) makes the sandbox's own image paths
 * absolute: the client keeps only http(s) image URLs.
 */
export function productJson(product: ProductRecord, origin?: string): RawProduct {
  const path = product.imagePath;
  return {
    name: product.name,
    ...(path !== undefined ? { image_url: origin && path.startsWith('/') ? origin.replace(/\/+$/, '') + path : path } : {}),
    quantity: product.quantity,
    cost_unit: product.costUnit,
  };
}

export function lineItemJson(item: LineItemRecord, origin?: string): RawLineItem {
  const raw: RawLineItem = {
    id: item.id,
    line_num: item.lineNum,
    status: item.status,
    replacement_status: item.replacementStatus,
    certified_delivery: item.certifiedDelivery,
    item: productJson(item.item, origin),
  };
  if (item.replacement) raw.replacement = productJson(item.replacement, origin);
  return raw;
}

export function itemsJson(order: OrderRecord, origin?: string): { line_items: RawLineItem[] } {
  return { line_items: order.lineItems.map((item) => lineItemJson(item, origin)) };
}

export function handlingJson(order: OrderRecord): RawHandling {
  return structuredClone(order.handling);
}

export function locationJson(coordinates: Coordinates | null): RawLocation {
  return coordinates ? { coordinates: { latitude: coordinates.latitude, longitude: coordinates.longitude } } : {};
}

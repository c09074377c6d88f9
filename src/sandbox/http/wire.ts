/**
 * The raw JSON the Connect post-checkout API sends (snake_case, docs/connect-api.md §1), and the functions
 * that write the model's records in it. Only this file knows the wire names of order data.
 */
import type { LineItemRecord, OrderRecord, ProductRecord, SandboxCoordinates, SandboxFulfillmentType, ShopperRecord } from '../model/records.js';

export interface RawOrder {
  id: string;
  creation_date: string;
  workflow_state: string;
  fulfillment_type: SandboxFulfillmentType;
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

/**
 * The handling's optional `shopper`: "the shopper currently fulfilling this order". Connect does not list
 * its fields; the emulator sends only a first name (docs/connect-api.md §1.4 Decision).
 */
export interface RawShopper {
  first_name: string;
}

export interface RawHandling {
  address: RawAddress;
  coordinates: SandboxCoordinates;
  shopper?: RawShopper;
  dropoff_location: string;
  notes: string;
  instructions: string;
  leave_unattended: boolean;
  alcoholic: boolean;
  certified_delivery: boolean;
}

/** `{"coordinates": …}` while delivering, `{}` otherwise (docs/connect-api.md §1 Decision). */
export type RawLocation = { coordinates: SandboxCoordinates } | Record<string, never>;

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
function productJson(product: ProductRecord, origin?: string): RawProduct {
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

/** The handling; `shopper` is given only when the customer may see who fulfils the order. */
export function handlingJson({ handling }: OrderRecord, shopper?: ShopperRecord): RawHandling {
  const { address } = handling;
  return {
    address: {
      address_line_1: address.addressLine1,
      ...(address.addressLine2 !== undefined ? { address_line_2: address.addressLine2 } : {}),
      ...(address.locality !== undefined ? { locality: address.locality } : {}),
      ...(address.administrativeArea !== undefined ? { administrative_area: address.administrativeArea } : {}),
      postal_code: address.postalCode,
      country_code: address.countryCode,
    },
    coordinates: { ...handling.coordinates },
    ...(shopper ? { shopper: { first_name: shopper.firstName } } : {}),
    dropoff_location: handling.dropoffLocation,
    notes: handling.notes,
    instructions: handling.instructions,
    leave_unattended: handling.leaveUnattended,
    alcoholic: handling.alcoholic,
    certified_delivery: handling.certifiedDelivery,
  };
}

export function locationJson(coordinates: SandboxCoordinates | null): RawLocation {
  return coordinates ? { coordinates: { latitude: coordinates.latitude, longitude: coordinates.longitude } } : {};
}

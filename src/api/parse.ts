/**
 * Raw Connect JSON → the normalised types of ./types. Tolerant where the API may grow (unknown fields
 * ignored, unknown states and statuses kept, enums compared case-insensitively), strict where the widget
 * would otherwise show nonsense (a missing id, a quantity that is not a number): that is `invalid_response`.
 */
import { ApiError } from './api-error.js';
import type { Address, Coordinates, Handling, LineItem, Order, Product, ShopperLocation } from './types.js';

type Json = Record<string, unknown>;

function invalid(what: string): ApiError {
  return new ApiError({ kind: 'invalid_response', message: `Unexpected answer from Connect: ${what}.` });
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${what} is not an object`);
  return value as Json;
}

function requiredString(source: Json, key: string, what: string): string {
  const value = source[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${what}.${key} is missing`);
  return value;
}

function optionalString(source: Json, key: string): string | undefined {
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function flag(source: Json, key: string): boolean {
  const value = source[key];
  return value === true || value === 'true';
}

/** Only URLs a browser can show safely as an image: http(s) and inline image data. */
export function safeImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (/^data:image\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function parseOrder(body: unknown): Order {
  const raw = object(body, 'the order');
  const details = raw.fulfillment_details === undefined || raw.fulfillment_details === null ? {} : object(raw.fulfillment_details, 'fulfillment_details');
  const order: Order = {
    id: requiredString(raw, 'id', 'order'),
    creationDate: optionalString(raw, 'creation_date') ?? '',
    workflowState: requiredString(raw, 'workflow_state', 'order').trim().toLowerCase(),
    fulfillmentType: requiredString(raw, 'fulfillment_type', 'order').trim().toLowerCase(),
  };
  const startsAt = optionalString(details, 'window_starts_at');
  const endsAt = optionalString(details, 'window_ends_at');
  if (startsAt) order.windowStartsAt = startsAt;
  if (endsAt) order.windowEndsAt = endsAt;
  return order;
}

function parseQuantity(value: unknown, what: string): number {
  const quantity = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(quantity) || quantity < 0) throw invalid(`${what}.quantity is not a number`);
  return quantity;
}

function parseProduct(value: unknown, what: string): Product {
  const raw = object(value, what);
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') throw invalid(`${what}.name is missing`);
  const product: Product = {
    name,
    quantity: parseQuantity(raw.quantity, what),
    costUnit: (optionalString(raw, 'cost_unit') ?? 'EACH').trim().toUpperCase() || 'EACH',
  };
  const imageUrl = safeImageUrl(raw.image_url);
  if (imageUrl) product.imageUrl = imageUrl;
  return product;
}

/** Old-model answers put the customer's decision in `status`; today it lives in `replacement_status`. */
const OLD_MODEL_DECISIONS: Record<string, string> = { approved: 'APPROVED', rejected: 'REJECTED' };

function parseLineItem(value: unknown, index: number): LineItem {
  const what = `line_items[${index}]`;
  const raw = object(value, what);
  let status = requiredString(raw, 'status', what).trim().toLowerCase();
  let replacementStatus = (optionalString(raw, 'replacement_status') ?? 'SUBSTITUTION_STATUS_UNSPECIFIED').trim().toUpperCase();
  const oldDecision = OLD_MODEL_DECISIONS[status];
  if (oldDecision) {
    status = 'replaced';
    replacementStatus = oldDecision;
  }
  const item: LineItem = {
    id: requiredString(raw, 'id', what),
    status,
    replacementStatus: replacementStatus || 'SUBSTITUTION_STATUS_UNSPECIFIED',
    certifiedDelivery: flag(raw, 'certified_delivery'),
    item: parseProduct(raw.item, `${what}.item`),
  };
  const lineNum = optionalString(raw, 'line_num');
  if (lineNum !== undefined) item.lineNum = lineNum;
  if (raw.replacement !== undefined && raw.replacement !== null) item.replacement = parseProduct(raw.replacement, `${what}.replacement`);
  return item;
}

/** The whole `{"line_items": [...]}` body. */
export function parseLineItems(body: unknown): LineItem[] {
  const raw = object(body, 'the items');
  if (!Array.isArray(raw.line_items)) throw invalid('line_items is not a list');
  const items = raw.line_items.map(parseLineItem);
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) throw invalid('line_items has the same id twice');
  return items;
}

function parseCoordinates(value: unknown, what: string): Coordinates {
  const raw = object(value, what);
  const latitude = typeof raw.latitude === 'string' ? Number(raw.latitude) : raw.latitude;
  const longitude = typeof raw.longitude === 'string' ? Number(raw.longitude) : raw.longitude;
  if (typeof latitude !== 'number' || !Number.isFinite(latitude) || Math.abs(latitude) > 90) throw invalid(`${what}.latitude is not a latitude`);
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || Math.abs(longitude) > 180) throw invalid(`${what}.longitude is not a longitude`);
  return { latitude, longitude };
}

function parseAddress(value: unknown): Address {
  const raw = object(value, 'address');
  const address: Address = {
    addressLine1: requiredString(raw, 'address_line_1', 'address'),
    postalCode: requiredString(raw, 'postal_code', 'address'),
    countryCode: requiredString(raw, 'country_code', 'address'),
  };
  for (const [key, field] of [
    ['address_line_2', 'addressLine2'],
    ['locality', 'locality'],
    ['administrative_area', 'administrativeArea'],
  ] as const) {
    const text = optionalString(raw, key);
    if (text) address[field] = text;
  }
  return address;
}

export function parseHandling(body: unknown): Handling {
  const raw = object(body, 'the handling details');
  return {
    address: parseAddress(raw.address),
    coordinates: parseCoordinates(raw.coordinates, 'coordinates'),
    dropoffLocation: optionalString(raw, 'dropoff_location') ?? '',
    notes: optionalString(raw, 'notes') ?? '',
    instructions: optionalString(raw, 'instructions') ?? '',
    leaveUnattended: flag(raw, 'leave_unattended'),
    alcoholic: flag(raw, 'alcoholic'),
    certifiedDelivery: flag(raw, 'certified_delivery'),
  };
}

/** `{"coordinates": {...}}` while delivering; an empty body or `{}` otherwise, which is "no location". */
export function parseLocation(body: unknown): ShopperLocation {
  if (body === undefined || body === null) return null;
  const raw = object(body, 'the location');
  if (raw.coordinates === undefined || raw.coordinates === null) return null;
  return parseCoordinates(raw.coordinates, 'coordinates');
}

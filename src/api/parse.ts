/**
 * Raw Connect JSON → the normalised types of ./types. Pure functions, no I/O.
 *
 * Tolerant where the API may grow (unknown fields ignored, unknown states and statuses kept, enums compared
 * case-insensitively), strict where the widget would otherwise show nonsense (a missing id, a quantity that
 * is not a number, coordinates off the globe): those throw `ApiError` of kind `invalid_response`, whose
 * message names the offending field so a retailer reading the console knows what their proxy broke.
 */
import { ApiError } from './api-error.js';
import { ownEntry } from '../common/own-entry.js';
import type { Address, Coordinates, Handling, LineItem, Order, Product, ShopperLocation } from './types.js';

type Json = Record<string, unknown>;

function invalid(what: string): ApiError {
  return new ApiError({ kind: 'invalid_response', message: `Unexpected answer from Connect: ${what}.` });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw invalid(`${what} is not an object`);
  return value;
}

/** An id: a non-empty string, or a number (some ids are numeric elsewhere in Connect), kept as sent. */
function requiredId(source: Json, key: string, what: string): string {
  const value = source[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === undefined || value === null) throw invalid(`${what}.${key} is missing`);
  if (typeof value !== 'string') throw invalid(`${what}.${key} is not a string`);
  if (value.trim() === '') throw invalid(`${what}.${key} is empty`);
  return value;
}

/** A non-empty string; not trimmed (names and addresses are shown as the retailer wrote them). */
function requiredString(source: Json, key: string, what: string): string {
  const value = source[key];
  if (value === undefined || value === null) throw invalid(`${what}.${key} is missing`);
  if (typeof value !== 'string') throw invalid(`${what}.${key} is not a string`);
  if (value.trim() === '') throw invalid(`${what}.${key} is empty`);
  return value;
}

/** An enumeration value: trimmed and lowercased so `NOT_PICKED`, `Found` and `found` compare equal. */
function requiredEnum(source: Json, key: string, what: string): string {
  return requiredString(source, key, what).trim().toLowerCase();
}

/** Optional text: anything that is not a string (or a finite number) counts as absent. */
function optionalString(source: Json, key: string): string | undefined {
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Booleans default to false; a stringly `"true"` from a hand-written proxy is still understood. */
function flag(source: Json, key: string): boolean {
  const value = source[key];
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/**
 * Only URLs a browser can show safely as an image: `http:`, `https:` and inline `data:image/…`. Anything
 * else (`javascript:`, `file:`, relative paths that would resolve against the retailer's page) is dropped.
 */
export function safeImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(url)) return url;
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** GET /v2/post_checkout/orders/{id} body → Order. The delivery/pickup window is optional. */
export function parseOrder(body: unknown): Order {
  const raw = object(body, 'the order');
  const order: Order = {
    id: requiredId(raw, 'id', 'order'),
    creationDate: requiredString(raw, 'creation_date', 'order').trim(),
    workflowState: requiredEnum(raw, 'workflow_state', 'order'),
    fulfillmentType: requiredEnum(raw, 'fulfillment_type', 'order'),
  };
  // A window that is absent or malformed is simply not shown; it is not worth failing the whole order for.
  const details = isObject(raw.fulfillment_details) ? raw.fulfillment_details : {};
  const startsAt = optionalString(details, 'window_starts_at')?.trim();
  const endsAt = optionalString(details, 'window_ends_at')?.trim();
  if (startsAt) order.windowStartsAt = startsAt;
  if (endsAt) order.windowEndsAt = endsAt;
  return order;
}

/** A plain decimal (`"10.0"`, `"1.5"`, `"2"`, `"1e2"`); hex, `Infinity` and the empty string are not quantities. */
const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseQuantity(value: unknown, what: string): number {
  if (value === undefined || value === null) throw invalid(`${what}.quantity is missing`);
  let quantity = NaN;
  if (typeof value === 'number') quantity = value;
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) quantity = Number(value.trim());
  if (!Number.isFinite(quantity) || quantity < 0) throw invalid(`${what}.quantity is not a number (${JSON.stringify(value)})`);
  return quantity;
}

function parseProduct(value: unknown, what: string): Product {
  const raw = object(value, what);
  const product: Product = {
    name: requiredString(raw, 'name', what),
    quantity: parseQuantity(raw.quantity, what),
    costUnit: optionalString(raw, 'cost_unit')?.trim().toUpperCase() || 'EACH',
  };
  const imageUrl = safeImageUrl(raw.image_url);
  if (imageUrl) product.imageUrl = imageUrl;
  return product;
}

/** Old-model answers put the customer's decision in `status`; today it lives in `replacement_status`. */
const OLD_MODEL_DECISIONS: Readonly<Record<string, string>> = { approved: 'APPROVED', rejected: 'REJECTED' };

function parseLineItem(value: unknown, index: number): LineItem {
  const what = `line_items[${index}]`;
  const raw = object(value, what);
  let status = requiredEnum(raw, 'status', what);
  let replacementStatus = optionalString(raw, 'replacement_status')?.trim().toUpperCase() || 'SUBSTITUTION_STATUS_UNSPECIFIED';
  const oldDecision = ownEntry(OLD_MODEL_DECISIONS, status);
  if (oldDecision) {
    status = 'replaced';
    replacementStatus = oldDecision;
  }
  const item: LineItem = {
    id: requiredId(raw, 'id', what),
    status,
    replacementStatus,
    certifiedDelivery: flag(raw, 'certified_delivery'),
    item: parseProduct(raw.item, `${what}.item`),
  };
  const lineNum = optionalString(raw, 'line_num')?.trim();
  if (lineNum) item.lineNum = lineNum;
  if (raw.replacement !== undefined && raw.replacement !== null) item.replacement = parseProduct(raw.replacement, `${what}.replacement`);
  return item;
}

/**
 * GET …/items: the whole `{"line_items": [...]}` body → LineItem[]. Ids must be unique, because the widget
 * keys its lists and the customer's replacement decisions by them.
 */
export function parseLineItems(body: unknown): LineItem[] {
  const raw = object(body, 'the items');
  if (!Array.isArray(raw.line_items)) throw invalid(raw.line_items === undefined ? 'line_items is missing' : 'line_items is not a list');
  const items = raw.line_items.map(parseLineItem);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw invalid(`line_items has the id ${JSON.stringify(item.id)} twice`);
    seen.add(item.id);
  }
  return items;
}

function coordinate(raw: Json, key: 'latitude' | 'longitude', limit: number, what: string): number {
  const value = raw[key];
  if (value === undefined || value === null) throw invalid(`${what}.${key} is missing`);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${what}.${key} is not a number`);
  if (Math.abs(value) > limit) throw invalid(`${what}.${key} is out of range`);
  return value;
}

function parseCoordinates(value: unknown, what: string): Coordinates {
  if (value === undefined || value === null) throw invalid(`${what} is missing`);
  const raw = object(value, what);
  return { latitude: coordinate(raw, 'latitude', 90, what), longitude: coordinate(raw, 'longitude', 180, what) };
}

function parseAddress(value: unknown): Address {
  if (value === undefined || value === null) throw invalid('address is missing');
  const raw = object(value, 'address');
  const address: Address = {
    addressLine1: requiredString(raw, 'address_line_1', 'address'),
    postalCode: requiredString(raw, 'postal_code', 'address').trim(),
    countryCode: requiredString(raw, 'country_code', 'address').trim().toUpperCase(),
  };
  const optional = [
    ['address_line_2', 'addressLine2'],
    ['locality', 'locality'],
    ['administrative_area', 'administrativeArea'],
  ] as const;
  for (const [key, field] of optional) {
    // Connect sends "" for an absent line; the type says absent, so the renderer needs one check, not two.
    const text = optionalString(raw, key);
    if (text !== undefined && text.trim() !== '') address[field] = text;
  }
  return address;
}

/**
 * GET …/handling body → Handling. `address` (with address_line_1, postal_code, country_code) and
 * `coordinates` are required; the other strings default to '' and the booleans to false. The undocumented
 * `shopper` object is ignored.
 */
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

/**
 * GET …/location body → the shopper's coordinates, or null. Connect answers an empty body outside
 * `delivering` (the sandbox answers `{}`): both, and a body without coordinates, mean "no location".
 * Coordinates that are present but malformed are an error, not "no location".
 */
export function parseLocation(body: unknown): ShopperLocation {
  if (body === undefined || body === null || body === '') return null;
  const raw = object(body, 'the location');
  if (raw.coordinates === undefined || raw.coordinates === null) return null;
  return parseCoordinates(raw.coordinates, 'coordinates');
}

/** The parser of each endpoint's answer, by resource. */
export const PARSERS = {
  order: parseOrder,
  items: parseLineItems,
  handling: parseHandling,
  location: parseLocation,
} as const;

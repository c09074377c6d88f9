/**
 * Raw Connect JSON → the normalised types of ./types. Pure functions, no I/O.
 *
 * Tolerant where the API may grow (unknown fields ignored, unknown states and statuses kept, enums compared
 * case-insensitively). A bad part costs only itself: an item without an id or a name is left out of the list,
 * a quantity that is not a number is not shown, coordinates off the globe drop the map but keep the address,
 * a date that is not ISO 8601 is treated as absent. Each such part is told to `report` with a message naming
 * the field (`line_items[3].item.quantity`), so a retailer reading `order-error` knows what their proxy
 * broke. Only an answer with nothing usable in it (no order id or state, no `line_items` list) throws
 * `ApiError` of kind `invalid_response`.
 *
 * Text is bounded and defused on the way in: cut to a length no customer reads past (a megabyte of text
 * would freeze the page in layout), and without the bidirectional embedding, override and isolate controls
 * that would reorder the text around a name on screen.
 */
import { ApiError } from './api-error.js';
import { ownEntry } from '../common/own-entry.js';
import type { Address, Coordinates, Handling, LineItem, Order, Product, ShopperLocation } from './types.js';

type Json = Record<string, unknown>;

/** Told of each part of an answer that was left out: a message naming the field and why. */
export type ReportDropped = (message: string) => void;

const ignore: ReportDropped = () => {};

/** Names, addresses, states and units: longer than any real one, short enough to lay out at once. */
const SHORT_TEXT = 500;
/** Notes, instructions and the drop-off location. */
const LONG_TEXT = 2000;

function invalid(what: string): ApiError {
  return new ApiError({ kind: 'invalid_response', message: `Unexpected answer from Connect: ${what}.` });
}

/** Reports a part found unusable (an `invalid` error) as left out; anything else is a bug and goes on up. */
function leaveOut(error: unknown, part: string, report: ReportDropped): undefined {
  if (!(error instanceof ApiError)) throw error;
  report(`${error.message.slice(0, -1)}; ${part} is left out.`);
  return undefined;
}

/** Runs `parse`; when it finds the part unusable, reports that and returns undefined instead of failing the answer. */
function orLeaveOut<T>(parse: () => T, part: string, report: ReportDropped): T | undefined {
  try {
    return parse();
  } catch (error) {
    return leaveOut(error, part, report);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw invalid(`${what} is ${value == null ? 'missing' : 'not an object'}`);
  return value;
}

/** A JSON value quoted for a message, never longer than a line. */
function quote(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 40) ?? String(value);
}

/**
 * Text as the widget shows it: without bidirectional controls (U+202A–U+202E, U+2066–U+2069) and cut to
 * `max` UTF-16 units, never between the two halves of a surrogate pair. Not trimmed.
 */
function bounded(text: string, max: number): string {
  const clean = text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > max ? `${clean.slice(0, max).replace(/[\ud800-\udbff]$/, '')}…` : clean;
}

/** An id: a non-empty string, or a number (some ids are numeric elsewhere in Connect), kept as sent. */
function requiredId(source: Json, key: string, what: string): string {
  const value = source[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const id = requiredString(source, key, what);
  // An id is a key and a path segment, never shown: kept exactly, so it cannot be cut, only refused.
  if (id.length > SHORT_TEXT) throw invalid(`${what}.${key} is too long`);
  return id;
}

/** A non-empty string, as sent (names and addresses are shown as the retailer wrote them). */
function requiredString(source: Json, key: string, what: string): string {
  const value = source[key];
  if (value == null) throw invalid(`${what}.${key} is missing`);
  if (typeof value !== 'string') throw invalid(`${what}.${key} is not a string`);
  if (value.trim() === '') throw invalid(`${what}.${key} is empty`);
  return value;
}

/** A required text to show: non-empty once defused, and bounded. */
function requiredText(source: Json, key: string, what: string, max = SHORT_TEXT): string {
  const text = bounded(requiredString(source, key, what), max);
  if (text.trim() === '') throw invalid(`${what}.${key} is empty`);
  return text;
}

/** An enumeration value: trimmed and lowercased so `NOT_PICKED`, `Found` and `found` compare equal. */
function requiredEnum(source: Json, key: string, what: string): string {
  return requiredText(source, key, what).trim().toLowerCase();
}

/** Optional text: anything that is not a string (or a finite number) counts as absent. Bounded. */
function optionalString(source: Json, key: string, max = SHORT_TEXT): string | undefined {
  const value = source[key];
  if (typeof value === 'string') return bounded(value, max);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Booleans default to false; a stringly `"true"` from a hand-written proxy is still understood. */
function flag(source: Json, key: string): boolean {
  const value = source[key];
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** An ISO 8601 date and time with its offset, as Connect sends them (`2022-01-13T18:28:07Z`). */
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;

/**
 * A date to show, or undefined. One that is present but not a real ISO 8601 instant is reported and treated
 * as absent (a label with an empty value helps no one); `required` reports an absent one too.
 */
function date(source: Json, key: string, what: string, report: ReportDropped, required = false): string | undefined {
  const value = source[key];
  if (value == null || value === '') {
    if (required) report(`Unexpected answer from Connect: ${what}.${key} is missing; it is left out.`);
    return undefined;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text))) return text;
  report(`Unexpected answer from Connect: ${what}.${key} is not an ISO 8601 date (${quote(value)}); it is left out.`);
  return undefined;
}

/**
 * Only URLs a browser can show safely as an image: `http:`, `https:` and inline `data:image/…`. Anything
 * else (`javascript:`, `file:`, relative paths that would resolve against the retailer's page) is dropped.
 */
export function safeImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  // The usual form needs no URL parser (it costs a microsecond per item, 10 ms for a 10,000-item order).
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(url) || /^https?:\/\/[a-z0-9.-]+(:\d+)?\/[\x21-\x7e]*$/i.test(url)) return url;
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET /v2/post_checkout/orders/{id} body → Order. Without an id, a state or a type there is nothing to show,
 * and the answer is refused; the dates are left out when they are not dates.
 */
export function parseOrder(body: unknown, report: ReportDropped = ignore): Order {
  const raw = object(body, 'the order');
  const order: Order = {
    id: requiredId(raw, 'id', 'order'),
    workflowState: requiredEnum(raw, 'workflow_state', 'order'),
    fulfillmentType: requiredEnum(raw, 'fulfillment_type', 'order'),
  };
  const creationDate = date(raw, 'creation_date', 'order', report, true);
  if (creationDate) order.creationDate = creationDate;
  // The window is optional: an absent one is not a problem, a malformed one is reported and not shown.
  const details = isObject(raw.fulfillment_details) ? raw.fulfillment_details : {};
  const startsAt = date(details, 'window_starts_at', 'fulfillment_details', report);
  const endsAt = date(details, 'window_ends_at', 'fulfillment_details', report);
  if (startsAt) order.windowStartsAt = startsAt;
  if (endsAt) order.windowEndsAt = endsAt;
  return order;
}

/** A plain decimal (`"10.0"`, `"1.5"`, `"2"`, `"1e2"`); hex, `Infinity` and the empty string are not quantities. */
const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The quantity, or undefined (reported) when it is not a number: the product is still shown, without one. */
function parseQuantity(value: unknown, what: string, report: ReportDropped): number | undefined {
  let quantity = NaN;
  if (typeof value === 'number') quantity = value;
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) quantity = Number(value.trim());
  if (Number.isFinite(quantity) && quantity >= 0) return quantity;
  const why = value == null ? 'is missing' : `is not a number (${quote(value)})`;
  report(`Unexpected answer from Connect: ${what}.quantity ${why}; ${what}.quantity is left out.`);
  return undefined;
}

/** A product to show: its name is required; a quantity that is not a number is left out, not the product. */
function parseProduct(value: unknown, what: string, report: ReportDropped): Product {
  const raw = object(value, what);
  const product: Product = {
    name: requiredText(raw, 'name', what),
    costUnit: optionalString(raw, 'cost_unit')?.trim().toUpperCase() || 'EACH',
  };
  const quantity = parseQuantity(raw.quantity, what, report);
  if (quantity !== undefined) product.quantity = quantity;
  const imageUrl = safeImageUrl(raw.image_url);
  if (imageUrl) product.imageUrl = imageUrl;
  return product;
}

/** Old-model answers put the customer's decision in `status`; today it lives in `replacement_status`. */
const OLD_MODEL_DECISIONS: Readonly<Record<string, string>> = { approved: 'APPROVED', rejected: 'REJECTED' };

function parseLineItem(value: unknown, what: string, report: ReportDropped): LineItem {
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
    item: parseProduct(raw.item, `${what}.item`, report),
  };
  const lineNum = optionalString(raw, 'line_num')?.trim();
  if (lineNum) item.lineNum = lineNum;
  // A replacement that cannot be shown is left out: the row says none is proposed, and offers no answer.
  const replacement = raw.replacement == null ? undefined : orLeaveOut(() => parseProduct(raw.replacement, `${what}.replacement`, report), `${what}.replacement`, report);
  if (replacement) item.replacement = replacement;
  return item;
}

/**
 * GET …/items: the whole `{"line_items": [...]}` body → LineItem[]. An item that cannot be shown (no id,
 * status or name) is left out, and so is a second item with an id already seen: the widget keys its rows and
 * the customer's replacement decisions by id.
 */
export function parseLineItems(body: unknown, report: ReportDropped = ignore): LineItem[] {
  const raw = object(body, 'the items');
  if (!Array.isArray(raw.line_items)) throw invalid(`line_items is ${raw.line_items === undefined ? 'missing' : 'not a list'}`);
  const items: LineItem[] = [];
  const seen = new Set<string>();
  raw.line_items.forEach((value: unknown, index) => {
    const what = `line_items[${index}]`;
    try {
      const item = parseLineItem(value, what, report);
      if (seen.has(item.id)) throw invalid(`${what}.id ${quote(item.id)} is already in the list`);
      seen.add(item.id);
      items.push(item);
    } catch (error) {
      leaveOut(error, what, report);
    }
  });
  return items;
}

function coordinate(raw: Json, key: 'latitude' | 'longitude', limit: number, what: string): number {
  const value = raw[key];
  if (value == null) throw invalid(`${what}.${key} is missing`);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${what}.${key} is not a number`);
  if (Math.abs(value) > limit) throw invalid(`${what}.${key} is out of range`);
  return value;
}

/** Coordinates on the globe, or undefined (reported) when they are present but are not. */
function parseCoordinates(value: unknown, report: ReportDropped): Coordinates | undefined {
  return orLeaveOut(
    () => {
      const raw = object(value, 'coordinates');
      return { latitude: coordinate(raw, 'latitude', 90, 'coordinates'), longitude: coordinate(raw, 'longitude', 180, 'coordinates') };
    },
    'coordinates',
    report,
  );
}

function parseAddress(value: unknown): Address {
  const raw = object(value, 'address');
  const address: Address = {
    addressLine1: requiredText(raw, 'address_line_1', 'address'),
    postalCode: requiredText(raw, 'postal_code', 'address').trim(),
    countryCode: requiredText(raw, 'country_code', 'address').trim().toUpperCase(),
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
 * `coordinates` are documented as required, but each is left out on its own when unusable: the customer
 * keeps the address when the coordinates are wrong (only the map goes), and the notes when the address is.
 * The other strings default to '' and the booleans to false. The undocumented `shopper` object is ignored.
 */
export function parseHandling(body: unknown, report: ReportDropped = ignore): Handling {
  const raw = object(body, 'the handling details');
  const handling: Handling = {
    dropoffLocation: optionalString(raw, 'dropoff_location', LONG_TEXT) ?? '',
    notes: optionalString(raw, 'notes', LONG_TEXT) ?? '',
    instructions: optionalString(raw, 'instructions', LONG_TEXT) ?? '',
    leaveUnattended: flag(raw, 'leave_unattended'),
    alcoholic: flag(raw, 'alcoholic'),
    certifiedDelivery: flag(raw, 'certified_delivery'),
  };
  const address = orLeaveOut(() => parseAddress(raw.address), 'address', report);
  const coordinates = parseCoordinates(raw.coordinates, report);
  if (address) handling.address = address;
  if (coordinates) handling.coordinates = coordinates;
  return handling;
}

/**
 * GET …/location body → the shopper's coordinates, or null. Connect answers an empty body outside
 * `delivering` (the sandbox answers `{}`): both, and a body without coordinates, mean "no location".
 * Coordinates that are present but malformed are reported, and mean "no location" too.
 */
export function parseLocation(body: unknown, report: ReportDropped = ignore): ShopperLocation {
  if (body == null || body === '') return null;
  const raw = object(body, 'the location');
  return raw.coordinates == null ? null : (parseCoordinates(raw.coordinates, report) ?? null);
}

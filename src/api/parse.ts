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
 * Every field is read through ./parse-fields.ts, which bounds text and strips the bidirectional controls
 * that would reorder what is around it.
 */
import { ownEntry } from '../common/own-entry.js';
import {
  flag,
  ignore,
  invalid,
  isObject,
  type Json,
  leaveOut,
  LONG_TEXT,
  object,
  optionalString,
  orLeaveOut,
  quote,
  type ReportDropped,
  requiredEnum,
  requiredId,
  requiredText,
  date,
  safeImageUrl,
} from './parse-fields.js';
import type { Address, Coordinates, Handling, LineItem, Order, Product, ShopperLocation } from './types.js';

export { safeImageUrl, type ReportDropped };

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

/** The parser of each endpoint's answer, by resource. */
export const PARSERS = {
  order: parseOrder,
  items: parseLineItems,
  handling: parseHandling,
  location: parseLocation,
} as const;

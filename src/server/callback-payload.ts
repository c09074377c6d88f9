/**
 * Reading one event callback's body (docs/connect-api.md §6): `{event_id, event_name, event_timestamp,
 * event_metadata: {order_id, …}}`. The body comes from outside, so it is bounded, parsed, and only the three
 * fields the kit uses are taken, each checked; the rest (timestamps, store locations) is never trusted.
 *
 * `event_id` is kept as its raw text: the documented ids (1201895966044343904) are beyond 2^53, where
 * JSON.parse would round different ids to the same number and deduplication would drop real events.
 */
import { BodyTooLargeError, declaredTooLarge, readBoundedBytes } from './bounded-body.js';
import { ConnectErrorCode, ProxyError } from './proxy-error.js';
import { isPlainId } from './routes.js';

/** What the kit takes from a callback. */
export interface EventCallback {
  /** The raw text of `event_id` (digits for a number). */
  eventId: string;
  eventName: string;
  orderId: string;
}

const EVENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const EVENT_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;
/** A JSON string token, or a JSON number token: the only tokens that can hold digits. */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** The callback in `request`, or the refusal (400/413 in Connect's envelope). */
export async function readEventCallback(request: Request, limit: number): Promise<EventCallback | ProxyError> {
  let text: string;
  try {
    if (declaredTooLarge(request.headers, limit)) throw new BodyTooLargeError(limit);
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readBoundedBytes(request.body, limit));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return invalid(`The callback must be at most ${limit} bytes`, 'body', 413);
    return invalid('The callback body could not be read', 'body');
  }
  let body: unknown;
  try {
    body = JSON.parse(quoteLongIntegers(text));
  } catch {
    return invalid('The callback must be a JSON object', 'body');
  }
  if (!isObject(body)) return invalid('The callback must be a JSON object', 'body');
  const eventId = body.event_id;
  if (typeof eventId !== 'string' && !(typeof eventId === 'number' && Number.isSafeInteger(eventId))) return invalid('event_id is required', 'event_id');
  if (!EVENT_ID.test(String(eventId))) return invalid('event_id is not an event id', 'event_id');
  if (typeof body.event_name !== 'string' || !EVENT_NAME.test(body.event_name)) return invalid('event_name is required', 'event_name');
  const orderId = isObject(body.event_metadata) ? body.event_metadata.order_id : undefined;
  if (typeof orderId !== 'string' && typeof orderId !== 'number') return invalid('event_metadata.order_id is required', 'order_id');
  if (!isPlainId(String(orderId))) return invalid('event_metadata.order_id is not an order id', 'order_id');
  return { eventId: String(eventId), eventName: body.event_name, orderId: String(orderId) };
}

/**
 * Integers of 16 digits or more become strings before parsing, so they keep every digit. Strings are
 * matched first and left alone, so digits inside them are never touched.
 */
function quoteLongIntegers(json: string): string {
  return json.replace(STRING_OR_NUMBER, (token) => (/^-?\d{16,}$/.test(token) ? `"${token}"` : token));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, key: string, status = 400): ProxyError {
  return new ProxyError({ status, code: ConnectErrorCode.invalidParameter, message, key });
}

/**
 * Reading one field of a Connect answer, for the answer parsers of ./parse.ts: required and optional text,
 * enumerations, ids, flags, dates and image URLs, each bounded and checked; and the way a part found
 * unusable is left out and reported instead of failing the whole answer.
 *
 * Text is bounded and defused on the way in: cut to a length no customer reads past (a megabyte of text
 * would freeze the page in layout), and without the bidirectional embedding, override and isolate controls
 * that would reorder the text around a name on screen.
 */
import { ApiError } from './api-error.js';

export type Json = Record<string, unknown>;

/** Told of each part of an answer that was left out: a message naming the field and why. */
export type ReportDropped = (message: string) => void;

/** The default report: nobody is told. */
export const ignore: ReportDropped = () => {};

/** Names, addresses, states and units: longer than any real one, short enough to lay out at once. */
const SHORT_TEXT = 500;
/** Notes, instructions and the drop-off location. */
export const LONG_TEXT = 2000;

export function invalid(what: string): ApiError {
  return new ApiError({ kind: 'invalid_response', message: `Unexpected answer from Connect: ${what}.` });
}

/** Reports a part found unusable (an `invalid` error) as left out; anything else is a bug and goes on up. */
export function leaveOut(error: unknown, part: string, report: ReportDropped): undefined {
  if (!(error instanceof ApiError)) throw error;
  report(`${error.message.slice(0, -1)}; ${part} is left out.`);
  return undefined;
}

/** Runs `parse`; when it finds the part unusable, reports that and returns undefined instead of failing the answer. */
export function orLeaveOut<T>(parse: () => T, part: string, report: ReportDropped): T | undefined {
  try {
    return parse();
  } catch (error) {
    return leaveOut(error, part, report);
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw invalid(`${what} is ${value == null ? 'missing' : 'not an object'}`);
  return value;
}

/** A JSON value quoted for a message, never longer than a line. */
export function quote(value: unknown): string {
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
export function requiredId(source: Json, key: string, what: string): string {
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
export function requiredText(source: Json, key: string, what: string, max = SHORT_TEXT): string {
  const text = bounded(requiredString(source, key, what), max);
  if (text.trim() === '') throw invalid(`${what}.${key} is empty`);
  return text;
}

/** An enumeration value: trimmed and lowercased so `NOT_PICKED`, `Found` and `found` compare equal. */
export function requiredEnum(source: Json, key: string, what: string): string {
  return requiredText(source, key, what).trim().toLowerCase();
}

/** Optional text: anything that is not a string (or a finite number) counts as absent. Bounded. */
export function optionalString(source: Json, key: string, max = SHORT_TEXT): string | undefined {
  const value = source[key];
  if (typeof value === 'string') return bounded(value, max);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Booleans default to false; a stringly `"true"` from a hand-written proxy is still understood. */
export function flag(source: Json, key: string): boolean {
  const value = source[key];
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** An ISO 8601 date and time with its offset, as Connect sends them (`2022-01-13T18:28:07Z`). */
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;

/**
 * A date to show, or undefined. One that is present but not a real ISO 8601 instant is reported and treated
 * as absent (a label with an empty value helps no one); `required` reports an absent one too.
 */
export function date(source: Json, key: string, what: string, report: ReportDropped, required = false): string | undefined {
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

/**
 * Turning a Connect HTTP answer into JSON or into one ApiError: the status decides the kind, Connect's error
 * body (`{"error": {"message", "code", "errors"?}, "meta": {"key"}}`) gives the details, `Retry-After`
 * (seconds or an HTTP date) gives the wait. Bodies that are not JSON never crash anything.
 */
import { ApiError, type ApiErrorKind } from './api-error.js';

/** The ApiError kind an HTTP error status stands for (docs/connect-api.md §3). */
export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/**
 * Milliseconds to wait from a `Retry-After` header (delay-seconds or an HTTP-date), or undefined when it
 * is absent or unreadable. A date in the past means "now" (0).
 * @param now the current time in ms since the epoch, for the date form (injectable for tests).
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse reads almost anything ("-5", "1" are years to V8); every HTTP-date form names a month.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What Connect's error body says, as far as it could be read. */
export interface ConnectErrorDetails {
  message?: string;
  code?: number | null;
  key?: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Reads Connect's error body without trusting its shape. For several errors (code 9999, whose own message
 * is the unhelpful "There were issues with your request") the first inner error's message is appended and
 * its `meta.key` used. Inner errors are read both as `{error, meta}` and as flat `{message, code, key}`.
 */
export function readConnectError(body: unknown): ConnectErrorDetails {
  const outer = record(body);
  if (!outer) return {};
  const error = record(outer.error) ?? (typeof outer.message === 'string' ? outer : {});
  const meta = record(outer.meta) ?? {};
  const details: ConnectErrorDetails = {};
  if (typeof error.message === 'string' && error.message.trim() !== '') details.message = error.message;
  if (typeof error.code === 'number' || error.code === null) details.code = error.code;
  if (typeof meta.key === 'string') details.key = meta.key;
  else if (typeof error.key === 'string') details.key = error.key;
  if (Array.isArray(error.errors) && error.errors.length > 0) {
    const first = readConnectError(error.errors[0]);
    if (first.message) details.message = details.message ? `${details.message}: ${first.message}` : first.message;
    details.key ??= first.key;
  }
  return details;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export interface ReadResponseOptions {
  /**
   * What an empty 2xx body stands for. Leave it out and an empty body is `invalid_response`; the location
   * endpoint passes `{}` because Connect answers nothing when there is no location.
   */
  emptyIs?: unknown;
  /** The current time in ms, for a `Retry-After` date. Default `Date.now()`. */
  now?: number;
  /** Turns the JSON into what the caller wants (the API parsers); its result is what `readResponse` returns. */
  parse?: (body: unknown) => unknown;
  /**
   * The last body read from this endpoint and what `parse` made of it: a body equal to it (most polls) is
   * answered with the same result, neither parsed again nor compared field by field. Updated on each read.
   */
  last?: LastRead;
}

/** One endpoint's last body and its parsed result (see ReadResponseOptions.last). */
export interface LastRead {
  text?: string;
  value?: unknown;
}

/** The ApiError an HTTP error answer stands for; its body is read, when readable, for Connect's details. */
export async function errorFromResponse(response: Response, now?: number): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The status alone already says what happened; a body cut short only loses the details.
  }
  const parsed = parseJson(text);
  const details = parsed.ok ? readConnectError(parsed.value) : {};
  return new ApiError({
    kind: kindOfStatus(response.status),
    status: response.status,
    code: details.code,
    key: details.key,
    message: details.message ?? `Connect answered HTTP ${response.status}.`,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), now),
  });
}

/**
 * The JSON body of a successful answer (through `options.parse`); for a failed one, throws the ApiError it
 * means. A 2xx body that is not JSON (a proxy's HTML page, a truncated answer) is `invalid_response`; a body
 * cut off by the network is `network`.
 */
export async function readResponse(response: Response, options: ReadResponseOptions = {}): Promise<unknown> {
  if (!response.ok) throw await errorFromResponse(response, options.now);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new ApiError({ kind: 'network', status: response.status, message: 'The connection broke while reading the answer.', cause });
  }
  const { last, parse = (body: unknown) => body } = options;
  // Megabytes of an unchanged 10,000-item order cost one string comparison instead of tens of milliseconds.
  if (last && last.text === text) return last.value;
  const json = jsonOf(text, response.status, options);
  // Megabytes that did change are taken in over three tasks (JSON, parsing, then the caller's merge and
  // render), so the page answers input between them instead of freezing for all three at once.
  const big = text.length > BIG_BODY;
  if (big) await nextTask();
  const value = parse(json);
  if (big) await nextTask();
  if (last) {
    last.text = text;
    last.value = value;
  }
  return value;
}

/** A body this long (a thousand items or so) is taken in over several tasks. */
const BIG_BODY = 1_000_000;

/** Lets the page's event loop run (input, rendering) before going on. A yield, not a delay: no clock is involved. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

function jsonOf(text: string, status: number, options: ReadResponseOptions): unknown {
  if (text.trim() === '') {
    if ('emptyIs' in options) return options.emptyIs;
    throw new ApiError({ kind: 'invalid_response', status, message: 'Connect answered with an empty body.' });
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new ApiError({ kind: 'invalid_response', status, message: 'Connect answered with a body that is not JSON.' });
  return parsed.value;
}

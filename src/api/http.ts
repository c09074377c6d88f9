/**
 * Turning a Connect HTTP answer into JSON or into one ApiError: the status decides the kind, Connect's error
 * body (`{"error": {"message", "code", "errors"?}, "meta": {"key"}}`) gives the details, `Retry-After`
 * (seconds or an HTTP date) gives the wait. Bodies that are not JSON never crash anything.
 */
import { ApiError, type ApiErrorKind } from './api-error.js';

export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** Milliseconds to wait from a `Retry-After` header, or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface ConnectErrorDetails {
  message?: string;
  code?: number | null;
  key?: string;
}

/** Reads Connect's error body, single or several (code 9999), without trusting its shape. */
export function readConnectError(body: unknown): ConnectErrorDetails {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const error = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : {};
  const meta = typeof record.meta === 'object' && record.meta !== null ? (record.meta as Record<string, unknown>) : {};
  const details: ConnectErrorDetails = {};
  if (typeof error.message === 'string') details.message = error.message;
  if (typeof error.code === 'number' || error.code === null) details.code = error.code as number | null;
  if (typeof meta.key === 'string') details.key = meta.key;
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

/**
 * The JSON body of a successful answer; for a failed one, throws the ApiError it means.
 * @param emptyIs what an empty 2xx body stands for (`{}` for location); undefined makes it invalid.
 */
export async function readResponse(response: Response, options: { emptyIs?: unknown; now?: number } = {}): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new ApiError({ kind: 'network', status: response.status, message: 'The connection broke while reading the answer.', cause });
  }
  if (!response.ok) {
    const parsed = parseJson(text);
    const details = parsed.ok ? readConnectError(parsed.value) : {};
    throw new ApiError({
      kind: kindOfStatus(response.status),
      status: response.status,
      code: details.code,
      key: details.key,
      message: details.message ?? `Connect answered HTTP ${response.status}.`,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), options.now),
    });
  }
  if (text.trim() === '') {
    if ('emptyIs' in options) return options.emptyIs;
    throw new ApiError({ kind: 'invalid_response', status: response.status, message: 'Connect answered with an empty body.' });
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw new ApiError({ kind: 'invalid_response', status: response.status, message: 'Connect answered with a body that is not JSON.' });
  }
  return parsed.value;
}

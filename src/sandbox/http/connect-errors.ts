/**
 * Connect's error shape (docs/connect-api.md §3): `{"error": {"message", "code"}, "meta": {"key"}}`, and how
 * each kind of SandboxError the model throws is answered in it: HTTP status, Connect code, and `meta.key`
 * naming the offending parameter in its wire (snake_case) name.
 */
import { SandboxError, type SandboxErrorKind } from '../model/errors.js';

/** Connect error codes the emulator uses. */
export const ErrorCode = {
  invalidParameter: 1001,
  retryLater: 2003,
  notFound: 4000,
  invalidRequest: 4001,
  internal: 5000,
  several: 9999,
} as const;

export interface ConnectErrorBody {
  error: { message: string; code: number | null };
  meta?: { key: string };
}

/** A Connect error to answer: status, body, and headers that go with it. */
interface ConnectError {
  status: number;
  body: ConnectErrorBody;
  headers?: Record<string, string>;
}

const ANSWER_OF: Readonly<Record<SandboxErrorKind, { status: number; code: number | null }>> = {
  invalid: { status: 400, code: ErrorCode.invalidParameter },
  not_allowed: { status: 400, code: ErrorCode.invalidRequest },
  not_found: { status: 404, code: ErrorCode.notFound },
  unauthenticated: { status: 401, code: null },
  forbidden: { status: 403, code: null },
};

export function connectErrorBody(message: string, code: number | null, key?: string): ConnectErrorBody {
  return key === undefined ? { error: { message, code } } : { error: { message, code }, meta: { key } };
}

/** `deliveredCount` → `delivered_count`: the model's inputs are the wire's parameters in camelCase. */
function wireKey(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** How Connect answers what went wrong; anything that is not a SandboxError is a 500 / 5000. */
export function connectErrorOf(error: unknown): ConnectError {
  if (!(error instanceof SandboxError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: connectErrorBody(`Internal error: ${message}`, ErrorCode.internal) };
  }
  const { status, code } = ANSWER_OF[error.kind];
  // Connect's own words for a missing resource; the model's message names it, the key says which.
  const message = error.kind === 'not_found' ? 'Resource not found' : error.message;
  const body = connectErrorBody(message, code, error.field === undefined ? undefined : wireKey(error.field));
  return error.kind === 'unauthenticated'
    ? { status, body, headers: { 'WWW-Authenticate': 'Bearer realm="connect-sandbox"' } }
    : { status, body };
}

/** The Connect error body a fault answers when it names no body of its own. */
export function defaultErrorBody(status: number): ConnectErrorBody | Record<string, never> {
  if (status < 400) return {};
  if (status === 401) return connectErrorBody('Access token invalid or expired', null);
  if (status === 403) return connectErrorBody('Forbidden', null);
  if (status === 404) return connectErrorBody('Resource not found', ErrorCode.notFound);
  if (status === 408) return connectErrorBody('Request timeout', ErrorCode.retryLater);
  if (status === 429) return connectErrorBody('Too many requests, retry later', ErrorCode.retryLater);
  if (status === 503) return connectErrorBody('Service unavailable, retry later', ErrorCode.retryLater);
  if (status >= 500) return connectErrorBody('Internal error', ErrorCode.internal);
  return connectErrorBody('Invalid request', ErrorCode.invalidRequest);
}

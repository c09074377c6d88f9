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
  /** `errors` lists each broken rule when there are several (`code` 9999). */
  error: { message: string; code: number | null; errors?: ConnectErrorBody[] };
  meta?: { key: string };
}

/** A Connect error to answer: status, body, and headers that go with it. */
interface ConnectError {
  status: number;
  body: ConnectErrorBody;
  headers?: Record<string, string>;
}

/**
 * A request the emulator refuses before any rule of the API is looked at, for what it is on the wire: too
 * large (413), not JSON where JSON is required (415), from a page of another site (403), an unknown host
 * (421), a method no route takes (405). Answered in Connect's shape like every other error.
 */
export class WireRefusal extends Error {
  readonly status: number;
  readonly code: number | null;
  readonly key?: string;
  readonly headers?: Record<string, string>;

  constructor(status: number, code: number | null, message: string, key?: string, headers?: Record<string, string>) {
    super(message);
    this.name = 'WireRefusal';
    this.status = status;
    this.code = code;
    if (key !== undefined) this.key = key;
    if (headers !== undefined) this.headers = headers;
  }
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

/**
 * How Connect answers what went wrong; anything that is neither a SandboxError nor a WireRefusal is a bug,
 * answered 500 / 5000.
 */
export function connectErrorOf(error: unknown): ConnectError {
  if (error instanceof WireRefusal) {
    const body = connectErrorBody(error.message, error.code, error.key);
    return error.headers ? { status: error.status, body, headers: error.headers } : { status: error.status, body };
  }
  if (!(error instanceof SandboxError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: connectErrorBody(`Internal error: ${message}`, ErrorCode.internal) };
  }
  const { status } = ANSWER_OF[error.kind];
  const body = sandboxErrorBody(error);
  return error.kind === 'unauthenticated'
    ? { status, body, headers: { 'WWW-Authenticate': 'Bearer realm="connect-sandbox"' } }
    : { status, body };
}

/** One broken rule in Connect's shape, or several under code 9999 (docs/connect-api.md §3). */
function sandboxErrorBody(error: SandboxError): ConnectErrorBody {
  if (error.errors) {
    return { error: { message: error.message, code: ErrorCode.several, errors: error.errors.map(sandboxErrorBody) } };
  }
  // Connect's own words for a missing resource; the model's message names it, the key says which.
  const message = error.kind === 'not_found' ? 'Resource not found' : error.message;
  return connectErrorBody(message, ANSWER_OF[error.kind].code, error.field === undefined ? undefined : wireKey(error.field));
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

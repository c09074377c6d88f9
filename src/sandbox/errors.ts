/**
 * The one error the sandbox model throws, carrying everything a handler needs to answer it in Connect's
 * shape (shared/instacart-api.md §3): HTTP status, Connect `error.code`, message and the offending
 * parameter (`meta.key`). The model throws these; the handlers only translate them.
 */

/** Connect error codes the emulator uses. */
export const ErrorCode = {
  invalidParameter: 1001,
  retryLater: 2003,
  notFound: 4000,
  invalidRequest: 4001,
  internal: 5000,
  several: 9999,
} as const;

export interface SandboxErrorInit {
  status: number;
  /** Connect `error.code`; `null` where Connect sends null (401, 403). */
  code: number | null;
  message: string;
  /** Connect `meta.key`: the parameter that was wrong, in its wire (snake_case) name. */
  key?: string;
  /** Extra response headers (e.g. `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

export class SandboxError extends Error {
  readonly status: number;
  readonly code: number | null;
  readonly key?: string;
  readonly headers?: Record<string, string>;

  constructor(init: SandboxErrorInit) {
    super(init.message);
    this.name = 'SandboxError';
    this.status = init.status;
    this.code = init.code;
    this.key = init.key;
    this.headers = init.headers;
  }

  /** The Connect error body: `{"error": {"message", "code"}, "meta": {"key"}}` (meta only with a key). */
  toJSON(): ConnectErrorBody {
    return connectErrorBody(this.message, this.code, this.key);
  }
}

export interface ConnectErrorBody {
  error: { message: string; code: number | null };
  meta?: { key: string };
}

export function connectErrorBody(message: string, code: number | null, key?: string): ConnectErrorBody {
  return key === undefined ? { error: { message, code } } : { error: { message, code }, meta: { key } };
}

/** 400 / 1001: a parameter is missing or wrong; `key` names it. */
export function invalidParameter(key: string, message: string): SandboxError {
  return new SandboxError({ status: 400, code: ErrorCode.invalidParameter, message, key });
}

/** 400 / 4001: the request is well formed but not allowed in the current state. */
export function invalidRequest(message: string, key?: string): SandboxError {
  return new SandboxError({ status: 400, code: ErrorCode.invalidRequest, message, key });
}

/** 404 / 4000 for a resource named in the path. */
export function notFound(key: string): SandboxError {
  return new SandboxError({ status: 404, code: ErrorCode.notFound, message: 'Resource not found', key });
}

export function unauthorized(message: string): SandboxError {
  return new SandboxError({
    status: 401,
    code: null,
    message,
    headers: { 'WWW-Authenticate': 'Bearer realm="connect-sandbox"' },
  });
}

export function forbidden(message: string): SandboxError {
  return new SandboxError({ status: 403, code: null, message });
}

export function isSandboxError(value: unknown): value is SandboxError {
  return value instanceof SandboxError;
}

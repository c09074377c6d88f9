/**
 * One error type for everything that can go wrong talking to Connect, so the tracker decides what to do
 * (retry, refresh the token, stop, tell the customer) from `kind` alone.
 */

/** What went wrong, in the terms the widget acts on. */
export type ApiErrorKind =
  | 'auth' // 401, or no token could be had
  | 'forbidden' // 403 (e.g. shopper PII redacted)
  | 'not_found' // 404
  | 'bad_request' // 400 and other 4xx that retrying will not fix
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'network' // fetch rejected (offline, DNS, CORS)
  | 'timeout' // no answer within the client's timeout, or 408
  | 'invalid_response' // not JSON, or JSON of the wrong shape
  | 'misconfigured' // the page did not say what to show or how to sign in (no order-id, no token settings)
  | 'aborted'; // the caller aborted the request (not an error to show)

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  /** HTTP status, when a response came. */
  status?: number;
  /** Connect error code (`error.code`), e.g. 1001, 4000, 9999. */
  code?: number | null;
  /** Connect `meta.key`: which parameter was wrong. */
  key?: string;
  /** Milliseconds to wait, from a `Retry-After` header. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code?: number | null;
  readonly key?: string;
  readonly retryAfterMs?: number;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.key = init.key;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Whether trying again later may succeed (408, 429, 5xx, network, timeout, malformed body). */
  get retryable(): boolean {
    return (
      this.kind === 'rate_limited' ||
      this.kind === 'server' ||
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'invalid_response'
    );
  }
}

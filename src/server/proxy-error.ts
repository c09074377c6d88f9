/**
 * Every refusal and failure of the kit is answered in Connect's own error envelope
 * (`{"error": {"message", "code"}, "meta": {"key"}}`, docs/connect-api.md §3), so the widget reads the
 * proxy's errors exactly as it reads Connect's. Messages are fixed sentences of the kit: nothing a request
 * or an upstream answer carried is echoed, so no token or secret can ride along.
 */

/** The Connect error codes the kit answers with. */
export const ConnectErrorCode = {
  invalidParameter: 1001,
  retryLater: 2003,
  notFound: 4000,
  invalidRequest: 4001,
  internal: 5000,
} as const;

/** Headers on everything the kit answers: customer data and tokens must never sit in a shared cache. */
export const PRIVATE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export interface ProxyErrorInit {
  status: number;
  /** Connect `error.code`; null where Connect sends null (401, 403). */
  code: number | null;
  message: string;
  /** Connect `meta.key`: what in the request was wrong. */
  key?: string;
  headers?: Record<string, string>;
}

/** A refusal or failure the kit answers itself, in Connect's shape. */
export class ProxyError extends Error {
  readonly status: number;
  readonly code: number | null;
  readonly key?: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: ProxyErrorInit) {
    super(init.message);
    this.name = 'ProxyError';
    this.status = init.status;
    this.code = init.code;
    this.key = init.key;
    this.headers = init.headers ?? {};
  }

  toResponse(): Response {
    const error = { message: this.message, code: this.code };
    return jsonResponse(this.key === undefined ? { error } : { error, meta: { key: this.key } }, this.status, this.headers);
  }
}

export function isProxyError(value: unknown): value is ProxyError {
  return value instanceof ProxyError;
}

/** A JSON answer of the kit, private and unsniffable. */
export function jsonResponse(body: unknown, status = 200, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...PRIVATE_RESPONSE_HEADERS, ...headers },
  });
}

/** 404 / 4000: nothing the kit serves lives there (or an id that cannot name anything). */
export function notFound(key: string): ProxyError {
  return new ProxyError({ status: 404, code: ConnectErrorCode.notFound, message: 'Resource not found', key });
}

/** 502 / 5000: Connect answered, but not something the kit may pass on. */
export function badGateway(message: string): ProxyError {
  return new ProxyError({ status: 502, code: ConnectErrorCode.internal, message });
}

/** 429 / 2003 with `Retry-After` in whole seconds (at least 1, so no client retries at once). */
export function tooManyRequests(message: string, retryAfterSeconds: number): ProxyError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ProxyError({ status: 429, code: ConnectErrorCode.retryLater, message, headers: { 'Retry-After': String(seconds) } });
}

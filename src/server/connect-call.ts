/**
 * The one way the kit talks to Connect: a fetch that gives up after a timeout (or when the customer's own
 * request goes away), does not follow redirects (a redirect could carry the bearer token elsewhere), and
 * reads at most a bounded answer. Failures become ProxyErrors a browser may see: 504 for a timeout, 502 for
 * anything else, with the kit's own words, never the network library's.
 */
import { BodyTooLargeError, declaredTooLarge, readBoundedBytes } from './bounded-body.js';
import type { ProxyClock } from './clock.js';
import { ConnectErrorCode, ProxyError, badGateway } from './proxy-error.js';
import { errorName, type ProxyLog } from './proxy-log.js';

export interface ConnectCallSettings {
  fetch: typeof fetch;
  clock: ProxyClock;
  log: ProxyLog;
  /** Milliseconds from sending the request to having read the whole answer. */
  timeoutMs: number;
  /** Largest answer body read, in bytes. */
  maxResponseBytes: number;
}

export interface ConnectRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Headers;
  body?: string;
  /** The customer's request: when it is aborted, so is the call. */
  signal?: AbortSignal;
}

/** Connect's answer, read whole (within the limit). */
export interface ConnectAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

export async function callConnect(request: ConnectRequest, settings: ConnectCallSettings): Promise<ConnectAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = settings.clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const stopWithCaller = () => controller.abort();
  request.signal?.addEventListener('abort', stopWithCaller, { once: true });
  try {
    const response = await settings.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'manual',
      signal: controller.signal,
    });
    if (declaredTooLarge(response.headers, settings.maxResponseBytes)) {
      await response.body?.cancel().catch(() => undefined);
      throw new BodyTooLargeError(settings.maxResponseBytes);
    }
    const body = await readBoundedBytes(response.body, settings.maxResponseBytes);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    throw failure(error, timedOut, request.signal?.aborted === true, settings);
  } finally {
    settings.clock.clearTimeout(timer);
    request.signal?.removeEventListener('abort', stopWithCaller);
  }
}

function failure(error: unknown, timedOut: boolean, callerGone: boolean, settings: ConnectCallSettings): ProxyError {
  if (error instanceof ProxyError) return error;
  if (callerGone && !timedOut) {
    // Nobody is left to read the answer; this one is for the log (and the adapter writes it nowhere).
    settings.log.info('client_gone', 'The customer\'s request went away before Connect answered.');
    return badGateway('The request was cancelled');
  }
  if (timedOut) {
    settings.log.warn('upstream_timeout', `Connect did not answer within ${settings.timeoutMs} ms.`, 504);
    return new ProxyError({ status: 504, code: ConnectErrorCode.retryLater, message: 'Connect did not answer in time' });
  }
  if (error instanceof BodyTooLargeError) {
    settings.log.warn('upstream_too_large', `Connect's answer was over ${settings.maxResponseBytes} bytes.`, 502);
    return badGateway("Connect's answer was larger than this server accepts");
  }
  settings.log.warn('upstream_unreachable', `Could not reach Connect (${errorName(error)}${networkCode(error)}).`, 502);
  return badGateway('Could not reach Connect');
}

/** e.g. ` ECONNREFUSED`: undici puts the socket error in `cause.code`; only an all-caps code is kept. */
function networkCode(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? ` ${code}` : '';
}

/**
 * The body of a replacement decision, read as the kit reads anything from a browser: bounded (413 past the
 * limit), declared as JSON (415 otherwise: a cross-site form cannot send that type without a preflight), and
 * parsed to a JSON object before anything is sent on. Connect gets the re-serialised object, not the bytes.
 */
import { BodyTooLargeError, declaredTooLarge, readBoundedBytes } from './bounded-body.js';
import { ConnectErrorCode, ProxyError } from './proxy-error.js';
import { isJsonContentType } from './upstream-headers.js';

/** The JSON object text to send to Connect, or the refusal. */
export async function readJsonObjectBody(request: Request, limit: number): Promise<string | ProxyError> {
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    return new ProxyError({
      status: 415,
      code: ConnectErrorCode.invalidParameter,
      message: 'The body must be sent as Content-Type: application/json',
      key: 'content_type',
    });
  }
  let bytes: Uint8Array;
  try {
    if (declaredTooLarge(request.headers, limit)) throw new BodyTooLargeError(limit);
    bytes = await readBoundedBytes(request.body, limit);
  } catch (error) {
    // Anything but the limit means the browser's upload broke off: there is nothing to forward.
    if (!(error instanceof BodyTooLargeError)) return new ProxyError({ status: 400, code: ConnectErrorCode.invalidParameter, message: 'The body could not be read', key: 'body' });
    return new ProxyError({ status: 413, code: ConnectErrorCode.invalidParameter, message: `The body must be at most ${limit} bytes`, key: 'body' });
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return malformed();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return malformed();
  return JSON.stringify(value);
}

function malformed(): ProxyError {
  return new ProxyError({ status: 400, code: ConnectErrorCode.invalidParameter, message: 'The body must be a JSON object', key: 'body' });
}

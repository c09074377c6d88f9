/**
 * What node:http received, turned into the Fetch `Request` the handlers answer, after refusing what no
 * handler should ever see (docs/sandbox.md, "Limits"): a `Host` that is not this server's (421), a method no
 * route takes (405), a request target that is not a plain path (400), a body over the limit (413, read no
 * further than the limit). Each refusal is a WireRefusal, answered in Connect's shape. Node-only.
 */
import type { IncomingMessage } from 'node:http';
import { BODY_LIMIT_BYTES, bodyTooLarge, declaredTooLarge } from '../http/body-limit.js';
import { ErrorCode, WireRefusal } from '../http/connect-errors.js';
import type { AllowedHosts } from './allowed-hosts.js';

/** The methods some route takes; Fetch cannot even represent some others (TRACE, CONNECT). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

/**
 * The request, with its URL on the `Host` it was sent to (checked first: the handlers compare a page's
 * `Origin` with it) or, without one, on `defaultHost`.
 */
export async function toFetchRequest(incoming: IncomingMessage, hosts: AllowedHosts, defaultHost: string): Promise<Request> {
  const host = incoming.headers.host;
  if (host !== undefined && !hosts.allows(host)) {
    throw new WireRefusal(421, ErrorCode.invalidRequest, 'This server does not answer that host name; use localhost or 127.0.0.1', 'host');
  }
  const method = incoming.method ?? 'GET';
  if (!METHODS.includes(method)) {
    throw new WireRefusal(405, ErrorCode.invalidRequest, `Method not allowed; use one of ${METHODS.join(', ')}`, 'method', { Allow: METHODS.join(', ') });
  }
  const url = requestUrl(incoming.url ?? '/', host ?? defaultHost);
  const headers = new Headers();
  try {
    for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
  } catch {
    throw new WireRefusal(400, ErrorCode.invalidRequest, 'A request header could not be read', 'headers');
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBoundedBody(incoming);
  return new Request(url, { method, headers, ...(body ? { body: body as BodyInit } : {}) });
}

/** Only a path (origin-form): `//host/…` or `http://host/…` would let the request name another origin. */
function requestUrl(target: string, host: string): URL {
  const refusal = new WireRefusal(400, ErrorCode.invalidRequest, 'The request target must be a path starting with a single "/"', 'path');
  if (!target.startsWith('/') || target.startsWith('//')) throw refusal;
  try {
    return new URL(`http://${host}${target}`);
  } catch {
    throw refusal;
  }
}

/**
 * The body, or undefined when empty; 413 before reading when declared too large, or once it grows past.
 * Past the limit the rest is let through unread (not destroyed: the socket must still carry the 413).
 */
function readBoundedBody(incoming: IncomingMessage): Promise<Uint8Array | undefined> {
  if (declaredTooLarge(incoming.headers['content-length'])) return Promise.reject(bodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= BODY_LIMIT_BYTES) {
        chunks.push(chunk);
        return;
      }
      stop();
      incoming.resume();
      reject(bodyTooLarge());
    };
    const onEnd = () => {
      stop();
      if (length === 0) return resolve(undefined);
      const all = Buffer.concat(chunks, length);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.length));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    incoming.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/**
 * `connect-order-status/server/node`: everything of the server entry plus the adapter to Node's
 * `node:http` (and so to Express and Connect-style middleware). Kept apart so the core never imports a
 * Node-only module and runs unchanged in Workers, Deno and Bun.
 *
 *   import { createServer } from 'node:http';
 *   import { createConnectProxy, toNodeListener } from 'connect-order-status/server/node';
 *   const listener = toNodeListener(createConnectProxy({ … }));
 *   createServer(listener).listen(3000);        // node:http: anything else answers 404
 *   app.use(listener);                           // Express: anything else goes on to next()
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { ConnectProxy } from './connect-proxy.js';
import { ConnectErrorCode, ProxyError } from './proxy-error.js';

export * from './index.js';

/** A `node:http` request listener that is also Express middleware (`next` is called for paths not the kit's). */
export type NodeListener = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void;

/** What Express and similar frameworks add to Node's request. */
interface FrameworkRequest extends IncomingMessage {
  /** The path before a mount point was stripped from `url`. */
  originalUrl?: string;
  /** A body a body-parser middleware has already read from the stream. */
  body?: unknown;
}

/** The Node request behind each Request the adapter made, for `userIdFor` hooks that read a framework's session. */
const nodeRequests = new WeakMap<Request, IncomingMessage>();

/**
 * The `node:http` request (with whatever middleware attached to it, e.g. Express's `req.session`) behind a
 * Request the adapter handed to the kit; undefined for any other Request.
 *
 *   userIdFor: (request) => nodeRequestOf(request)?.session?.instacartUserId ?? null
 */
export function nodeRequestOf<T extends IncomingMessage = IncomingMessage & { session?: Record<string, unknown> }>(request: Request): T | undefined {
  return nodeRequests.get(request) as T | undefined;
}

const HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

/**
 * Adapts the kit to `node:http`. Mount it before body-parsing middleware if you can; if `express.json()`
 * ran first, the parsed body is used instead of the (already read) stream.
 */
export function toNodeListener(proxy: ConnectProxy): NodeListener {
  return (incoming: FrameworkRequest, outgoing, next) => {
    const path = incoming.originalUrl ?? incoming.url ?? '/';
    if (next && path.startsWith('/') && !proxy.owns(path)) {
      next();
      return;
    }
    answer(proxy, incoming, outgoing, path).catch(() => {
      // Writing the answer failed (the socket broke): there is nobody to tell.
      outgoing.destroy();
    });
  };
}

async function answer(proxy: ConnectProxy, incoming: FrameworkRequest, outgoing: ServerResponse, path: string): Promise<void> {
  const host = incoming.headers.host ?? '';
  // Absolute-form targets (`GET http://elsewhere/…`) and odd Host headers are not a page's requests.
  if (!path.startsWith('/') || !HOST.test(host)) {
    const refusal = new ProxyError({ status: 400, code: ConnectErrorCode.invalidRequest, message: 'Bad request target or Host', key: 'path' });
    return write(refusal.toResponse(), outgoing);
  }
  const aborted = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) aborted.abort();
  });
  const scheme = (incoming.socket as TLSSocket).encrypted ? 'https' : 'http';
  const request = new Request(`${scheme}://${host}${path}`, {
    method: incoming.method ?? 'GET',
    headers: headersOf(incoming),
    signal: aborted.signal,
    ...bodyOf(incoming),
  });
  nodeRequests.set(request, incoming);
  await write(await proxy.handle(request), outgoing);
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    const name = incoming.rawHeaders[i] as string;
    // HTTP/2 pseudo-headers (`:path`) are not headers a Request may carry.
    if (!name.startsWith(':')) headers.append(name, incoming.rawHeaders[i + 1] as string);
  }
  return headers;
}

/** The request body as a stream the kit reads with its own limit (nothing is buffered here). */
function bodyOf(incoming: FrameworkRequest): { body?: BodyInit; duplex?: 'half' } {
  const method = incoming.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return {};
  if (incoming.readableEnded && incoming.body !== undefined) {
    const parsed = incoming.body;
    return { body: typeof parsed === 'string' || parsed instanceof Uint8Array ? (parsed as BodyInit) : JSON.stringify(parsed) };
  }
  return { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' };
}

async function write(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (response.body && /^text\/event-stream/i.test(headers['content-type'] ?? '')) return stream(response.body, headers, response.status, outgoing);
  const body = new Uint8Array(await response.arrayBuffer());
  headers['content-length'] = String(body.byteLength);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/**
 * A live event stream is written as it comes (every other answer is whole and small). Backpressure goes
 * back to the stream: nothing more is read while the socket is full, so a page that stops reading fills
 * the kit's bounded queue and gets closed. When the page goes away, the stream is cancelled.
 */
async function stream(body: ReadableStream<Uint8Array>, headers: Record<string, string>, status: number, outgoing: ServerResponse): Promise<void> {
  const reader = body.getReader();
  const gone = new Promise<void>((resolve) => outgoing.once('close', resolve));
  void gone.then(() => reader.cancel().catch(() => undefined));
  outgoing.writeHead(status, headers);
  outgoing.flushHeaders();
  for (;;) {
    const { done, value } = await reader.read();
    if (done || outgoing.destroyed) break;
    if (!outgoing.write(value)) await Promise.race([new Promise<void>((resolve) => outgoing.once('drain', resolve)), gone]);
  }
  outgoing.end();
}

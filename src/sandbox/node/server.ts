/**
 * A real HTTP server (node:http) over the same MSW handlers the browser tests use: each request becomes a
 * Fetch `Request`, msw's `getResponse` answers it from the handlers, and the `Response` is written back.
 * What no handler answers is served from `staticDir` (if given), else 404 in Connect's shape. Whatever a
 * client sends, the answer is a well-formed HTTP response in Connect's error shape when it is an error:
 * requests refused on the wire (`incoming.ts`) and ones Node's parser cannot read included. Node-only.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse } from 'msw';
import { ErrorCode, WireRefusal, connectErrorBody } from '../http/connect-errors.js';
import { createSandboxHandlers } from '../http/handlers.js';
import type { CallbackTarget } from '../callbacks/callback-sender.js';
import { errorResponse, jsonResponse } from '../http/responses.js';
import { Sandbox } from '../sandbox.js';
import { AllowedHosts } from './allowed-hosts.js';
import { toFetchRequest } from './incoming.js';
import { serveStatic } from './static-files.js';

export interface SandboxServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The model to serve; a new one by default. */
  sandbox?: Sandbox;
  /**
   * Files served for paths no handler answers (the demo page): one directory for every path, or directories
   * by URL prefix, e.g. `{ '/': 'demo', '/dist/': 'dist' }` (the longest matching prefix wins).
   */
  staticDir?: string | Readonly<Record<string, string>>;
  /** Default pace of autoplay started through the dev control (ms). */
  autoplayStepMs?: number;
  /**
   * Host names answered besides loopback ones (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`) and `host`,
   * e.g. a LAN name. Any other `Host` is answered 421, so a page cannot reach the server through a name of
   * its own that resolves here (DNS rebinding).
   */
  allowedHosts?: readonly string[];
  /** Pages of other origins that may use the control surface (see `SandboxHandlerOptions.allowedOrigins`). */
  allowedOrigins?: readonly string[];
  /** Send Connect's event callbacks to this URL with this bearer token (also `sandbox.callbacks.configure`). */
  callbacks?: CallbackTarget;
}

export interface SandboxServer {
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  sandbox: Sandbox;
  /** Stops autoplay timers and the server, dropping open connections. */
  close(): Promise<void>;
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const sandbox = options.sandbox ?? new Sandbox();
  if (options.callbacks) sandbox.callbacks.configure(options.callbacks);
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const hosts = new AllowedHosts(host, options.allowedHosts);
  const server = createServer();
  server.on('clientError', answerUnreadable);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost}:${port}`;
  // Made once the port is known: item pictures point at the server's own URL, never at a request's Host.
  const handlers = createSandboxHandlers(sandbox, { autoplayStepMs: options.autoplayStepMs, publicUrl: url, allowedOrigins: options.allowedOrigins });
  const serveMounted = staticMounts(options.staticDir);

  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    answer(incoming, outgoing).catch((error: unknown) => {
      // A bug, not a bad request: still an answer in Connect's shape.
      if (outgoing.headersSent) return void outgoing.destroy();
      void writeResponse(errorResponse(error), outgoing, false);
    });
  });

  async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    let request: Request;
    try {
      request = await toFetchRequest(incoming, hosts, `${urlHost}:${port}`);
    } catch (error) {
      if (!(error instanceof WireRefusal)) throw error;
      // After a refused body the rest of the upload is not wanted: the connection ends with the answer.
      if (error.status === 413) outgoing.shouldKeepAlive = false;
      return writeResponse(errorResponse(error), outgoing, incoming.method === 'HEAD');
    }
    const response =
      (await getResponse(handlers, request)) ??
      (await serveMounted(request.method, new URL(request.url).pathname)) ??
      jsonResponse(connectErrorBody('Resource not found', ErrorCode.notFound, 'path'), 404);
    await writeResponse(response, outgoing, request.method === 'HEAD');
  }

  return {
    url,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sandbox.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Static files by URL prefix, the longest prefix first. */
function staticMounts(staticDir: SandboxServerOptions['staticDir']) {
  const mounts = Object.entries(typeof staticDir === 'string' ? { '/': staticDir } : (staticDir ?? {})).sort(([a], [b]) => b.length - a.length);
  return async (method: string, pathname: string): Promise<Response | undefined> => {
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return undefined;
    const [prefix, dir] = mount;
    return serveStatic(dir, method, `/${pathname.slice(prefix.length).replace(/^\/+/, '')}`);
  };
}

/**
 * What Node's parser could not read (a malformed request line or header, headers too large) is answered
 * here, in Connect's shape, and the connection is closed: nothing after it can be trusted to be a request.
 */
function answerUnreadable(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(connectErrorBody('The request could not be read as HTTP', ErrorCode.invalidRequest, 'request'));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

async function writeResponse(response: Response, outgoing: ServerResponse, head: boolean): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = head || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  if (body) headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

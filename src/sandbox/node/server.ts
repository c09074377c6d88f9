/**
 * A real HTTP server (node:http) over the same MSW handlers the browser tests use: each request becomes a
 * Fetch `Request`, msw's `getResponse` answers it from the handlers, and the `Response` is written back.
 * What no handler answers is served from `staticDir` (if given), else 404 in Connect's shape. Node-only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { ErrorCode, connectErrorBody } from '../http/connect-errors.js';
import { createSandboxHandlers } from '../http/handlers.js';
import { jsonResponse } from '../http/responses.js';
import type { CallbackTarget } from '../callbacks/callback-sender.js';
import { Sandbox } from '../sandbox.js';
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
  const handlers = createSandboxHandlers(sandbox, { autoplayStepMs: options.autoplayStepMs });
  const host = options.host ?? '127.0.0.1';

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) {
        outgoing.writeHead(500, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      }
      outgoing.end(JSON.stringify(connectErrorBody(`Internal error: ${String(error)}`, ErrorCode.internal)));
    });
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const request = await toFetchRequest(incoming, host);
    const pathname = new URL(request.url).pathname;
    const response =
      (await getResponse(handlers, request)) ??
      (await serveMounted(request.method, pathname)) ??
      jsonResponse(connectErrorBody('Resource not found', ErrorCode.notFound, 'path'), 404);
    await writeResponse(response, outgoing, request.method === 'HEAD');
  }

  const mounts = Object.entries(typeof options.staticDir === 'string' ? { '/': options.staticDir } : (options.staticDir ?? {})).sort(
    ([a], [b]) => b.length - a.length,
  );
  async function serveMounted(method: string, pathname: string): Promise<Response | undefined> {
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return undefined;
    const [prefix, dir] = mount;
    return serveStatic(dir, method, `/${pathname.slice(prefix.length).replace(/^\/+/, '')}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sandbox.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function toFetchRequest(incoming: IncomingMessage, host: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
  }
  const method = incoming.method ?? 'GET';
  const url = new URL(incoming.url ?? '/', `http://${headers.get('host') ?? host}`);
  let body: Uint8Array | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const all = Buffer.concat(chunks);
    if (all.length > 0) body = new Uint8Array(all.buffer, all.byteOffset, all.length);
  }
  return new Request(url, { method, headers, ...(body ? { body: body as BodyInit } : {}) });
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

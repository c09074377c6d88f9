/**
 * The demo as a retailer would deploy it: one server for the storefront page, with the server kit mounted at
 * /instacart (the widget's proxy: it knows the customer by a session cookie and adds their token itself), in
 * front of the emulator playing Instacart Connect on its own loopback port. The page holds no token.
 *
 * Live by default: the emulator sends Instacart's event callbacks to the kit's receiver on this server
 * (`/instacart/callbacks`, with the bearer token the kit is configured with), and the kit tells the page's
 * stream (`/instacart/events`) what to re-read.
 *
 * For the demo's control panel, which plays the shopper and Instacart's side, this server also passes the
 * Sandbox API and the emulator's dev controls through (adding the client-credentials token for the Sandbox
 * API, as a retailer's back office would), and the post-checkout API itself, for the panel's
 * "token attribute" mode (the CMS shape, where the page gets a user token and calls Connect directly).
 * Like the emulator, it answers only its own host names, and only its own page may drive it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConnectProxy, toNodeListener, type ConnectProxy } from '../src/server/node.js';
import { Sandbox } from '../src/sandbox/index.js';
import { AllowedHosts, serveStatic, startSandboxServer } from '../src/sandbox/node.js';

export interface DemoServerOptions {
  port: number;
  host: string;
  /** URL prefix → directory, e.g. `{ '/dist/': 'dist' }`; '/' for the rest. */
  staticDirs: Readonly<Record<string, string>>;
  sandbox?: Sandbox;
  autoplayStepMs?: number;
  /** Host names answered besides loopback ones (e.g. a LAN name with HOST=0.0.0.0). */
  allowedHosts?: readonly string[];
}

export interface DemoServer {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'demo-session';
/** What the emulator's callbacks carry and the kit accepts; a real deployment reads it from its secrets. */
const CALLBACK_TOKEN = 'demo-callback-token-7c1e4b9a2f';
/** Paths the panel reaches on the emulator through this server. */
const EMULATOR_PATHS = /^\/(v2\/fulfillment_sandbox|v2\/post_checkout|__sandbox)\//;

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const sandbox = options.sandbox ?? new Sandbox({ driveDurationMs: 60_000 });
  const hosts = new AllowedHosts(options.host, options.allowedHosts);
  let ready!: (app: DemoApp) => void;
  const app = new Promise<DemoApp>((resolve) => (ready = resolve));
  const server = createServer((incoming, outgoing) => {
    // A name that is not this server's own is a DNS rebinding page: refused, like the emulator does.
    if (!hosts.allows(incoming.headers.host ?? '')) return refuse(outgoing, 421, 'Misdirected request', 'host');
    void app.then((demo) => route(demo, incoming, outgoing));
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  // The emulator answers the page's dev-control calls only from this page's origin, passed on as it came.
  const connect = await startSandboxServer({ port: 0, host: '127.0.0.1', sandbox, autoplayStepMs: options.autoplayStepMs, allowedOrigins: [url] });
  const kit = createConnectProxy({
    connectBase: connect.url,
    // The emulator takes any client credentials; a real deployment reads them from its secrets.
    clientId: 'demo-retailer',
    clientSecret: 'demo-client-secret',
    userIdFor: (request) => sessionOf(request.headers.get('Cookie')),
    live: { callbackTokens: [CALLBACK_TOKEN] },
  });
  // Instacart's side posts its callbacks to this server, over loopback whatever address it listens on.
  sandbox.callbacks.configure({ url: `http://127.0.0.1:${port}${kit.basePath}/callbacks`, token: CALLBACK_TOKEN });
  ready({ url, sandbox, connect: connect.url, kit, kitListener: toNodeListener(kit), staticDirs: options.staticDirs });
  return {
    url,
    sandbox,
    close: async () => {
      await kit.close();
      await closeServer(server);
      await connect.close();
    },
  };
}

interface DemoApp {
  url: string;
  sandbox: Sandbox;
  connect: string;
  kit: ConnectProxy;
  kitListener: ReturnType<typeof toNodeListener>;
  staticDirs: Readonly<Record<string, string>>;
}

function route(demo: DemoApp, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const path = new URL(incoming.url ?? '/', 'http://demo').pathname;
  if (demo.kit.owns(path)) return demo.kitListener(incoming, outgoing);
  if (incoming.method === 'POST' && path === '/demo/sign-in') return void signIn(incoming, outgoing, demo);
  if (EMULATOR_PATHS.test(path)) return passThrough(incoming, outgoing, demo.connect, path.startsWith('/v2/fulfillment_sandbox/') ? demo.sandbox : undefined);
  void serveFile(incoming, outgoing, path, demo.staticDirs);
}

function refuse(outgoing: ServerResponse, status: number, message: string, key: string): void {
  outgoing.writeHead(status, { 'Content-Type': 'application/json' });
  outgoing.end(JSON.stringify({ error: { message, code: status === 421 ? 4001 : 1001 }, meta: { key } }));
}

function sessionOf(cookie: string | null): string | null {
  return new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([\\w-]{1,128})`).exec(cookie ?? '')?.[1] ?? null;
}

/**
 * The demo's "sign-in": the customer who placed the order, as a session cookie (the page never sees a token).
 * Only this page may do it, with a JSON body, so another site cannot sign a visitor in as someone else.
 */
async function signIn(incoming: IncomingMessage, outgoing: ServerResponse, demo: DemoApp): Promise<void> {
  const origin = incoming.headers.origin;
  if (origin !== undefined && origin !== demo.url) return refuse(outgoing, 403, 'Cross-site request refused', 'origin');
  if (!/^application\/json\b/.test(incoming.headers['content-type'] ?? '')) return refuse(outgoing, 415, 'Send JSON', 'content_type');
  let body = '';
  for await (const chunk of incoming) {
    body += chunk;
    if (body.length > 4096) break;
  }
  try {
    const { order_id: orderId } = JSON.parse(body) as { order_id?: unknown };
    const { userId } = demo.sandbox.getOrder(String(orderId));
    outgoing.writeHead(204, { 'Set-Cookie': `${SESSION_COOKIE}=${userId}; Path=/; HttpOnly; SameSite=Lax`, 'Cache-Control': 'no-store' });
    outgoing.end();
  } catch {
    refuse(outgoing, 400, 'Unknown order', 'order_id');
  }
}

/** Forwards a request to the emulator as it came; the Sandbox API gets the client-credentials token added. */
function passThrough(incoming: IncomingMessage, outgoing: ServerResponse, target: string, addClientTokenFrom?: Sandbox): void {
  const { host, port } = new URL(target);
  // Origin and Sec-Fetch-Site go on as they came: the emulator decides who may drive it.
  const headers = { ...incoming.headers, host: `${host}` };
  delete headers.cookie;
  if (addClientTokenFrom && !headers.authorization) headers.authorization = `Bearer ${addClientTokenFrom.clientToken().access_token}`;
  const upstream = httpRequest({ host: '127.0.0.1', port, method: incoming.method, path: incoming.url, headers }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  upstream.on('error', () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'Content-Type': 'application/json' });
    outgoing.end(JSON.stringify({ error: { message: 'The emulator could not be reached', code: 5000 } }));
  });
  incoming.pipe(upstream);
}

async function serveFile(incoming: IncomingMessage, outgoing: ServerResponse, path: string, dirs: Readonly<Record<string, string>>): Promise<void> {
  const prefix = Object.keys(dirs)
    .filter((candidate) => path.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  const file = prefix === undefined ? undefined : await serveStatic(dirs[prefix]!, incoming.method ?? 'GET', `/${path.slice(prefix.length)}`);
  if (!file) {
    outgoing.writeHead(404, { 'Content-Type': 'text/plain' });
    outgoing.end('Not found');
    return;
  }
  outgoing.writeHead(file.status, Object.fromEntries(file.headers));
  outgoing.end(Buffer.from(await file.arrayBuffer()));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

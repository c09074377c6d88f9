/**
 * The real thing over HTTP: the emulator as Connect on one port, the server kit on another through its
 * node:http adapter, and the test as the browser with real `fetch`. The kit's calls to Connect go through a
 * recording fetch, so a test can count token mints and see exactly what crossed to Connect. Time is a
 * ManualClock shared by the kit and the emulator, so token lifetimes and rate limits move on command.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { createConnectProxy, toNodeListener, type ConnectProxy, type ConnectProxyOptions, type NodeListener, type ProxyLogEntry } from '../../src/server/node.js';
import { ManualClock } from '../../src/testing/index.js';

export const CLIENT_ID = 'retailer-client-id';
export const CLIENT_SECRET = 'sk_live_7f3c9a1e5b2d4c6f8a0e2b4d6f8a1c3e';

/** One call the kit made to Connect. */
export interface UpstreamCall {
  method: string;
  path: string;
  /** The query string, if any. */
  search: string;
  headers: Headers;
  status: number;
}

export interface Browser {
  status: number;
  headers: Headers;
  text: string;
  // Tests read the JSON loosely; assertions say what they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface KitOptions extends Partial<ConnectProxyOptions> {
  sandbox?: SandboxOptions;
  /** Connect's base URL when not the emulator (e.g. a server that never answers). */
  connectUrl?: string;
}

/** A Node server around a listener on an ephemeral localhost port. */
export async function listen(listener: NodeListener | Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(listener as Parameters<typeof createServer>[1]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function startKit(options: KitOptions = {}) {
  const clock = new ManualClock();
  const sandbox = new Sandbox({ seed: 11, now: () => clock.now(), ...options.sandbox });
  const connect: SandboxServer = await startSandboxServer({ port: 0, sandbox });
  const upstream: UpstreamCall[] = [];
  const mintedTokens: string[] = [];
  const logs: ProxyLogEntry[] = [];

  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const { pathname: path, search } = new URL(request.url);
    upstream.push({ method: request.method, path, search, headers: request.headers, status: response.status });
    if (path === '/v2/oauth/token' && response.ok) {
      const body = (await response.clone().json()) as { access_token?: string };
      if (body.access_token) mintedTokens.push(body.access_token);
    }
    return response;
  };

  const { sandbox: _sandboxOptions, connectUrl, ...proxyOptions } = options;
  const proxy: ConnectProxy = createConnectProxy({
    connectBase: connectUrl ?? connect.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    // The retailer's session: here simply a cookie naming the signed-in customer.
    userIdFor: (request) => /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? null,
    basePath: '/instacart',
    fetch: recordingFetch,
    clock,
    logger: (entry) => logs.push(entry),
    ...proxyOptions,
  });
  const kit = await listen(toNodeListener(proxy));
  const responses: Browser[] = [];

  /** A request as a customer's browser on the kit's own origin sends it. */
  async function browser(method: string, path: string, init: { user?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Browser> {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.user) headers.Cookie = `session=${init.user}`;
    const response = await fetch(kit.url + path, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
    return record(response);
  }

  async function record(response: Response): Promise<Browser> {
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const answer = { status: response.status, headers: response.headers, text, json };
    responses.push(answer);
    return answer;
  }

  /** A request with its path sent exactly as written (fetch would normalise `..` and `%2e`). */
  function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<Browser> {
    const { hostname, port } = new URL(kit.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
          record(new Response(text, { status: res.statusCode ?? 0, headers: responseHeaders })).then(resolve, reject);
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  return {
    clock,
    sandbox,
    connect,
    proxy,
    kit,
    upstream,
    mintedTokens,
    logs,
    responses,
    browser,
    raw,
    get: (path: string, user?: string, headers?: Record<string, string>) => browser('GET', path, { ...(user ? { user } : {}), ...(headers ? { headers } : {}) }),
    /** Calls to Connect other than token mints. */
    forwarded: () => upstream.filter((call) => call.path !== '/v2/oauth/token'),
    mints: () => upstream.filter((call) => call.path === '/v2/oauth/token').length,
    async close() {
      await kit.close();
      await connect.close();
    },
  };
}

export type Kit = Awaited<ReturnType<typeof startKit>>;

/** `/instacart/v2/post_checkout/orders/{id}` plus a suffix: what the widget asks the kit in proxy mode. */
export const orderPath = (orderId: string, suffix = '') => `/instacart/v2/post_checkout/orders/${orderId}${suffix}`;

let shoppers = 0;

/** An order of `userId` in `picking` whose first item the shopper replaced: the customer's answer is pending. */
export function pendingReplacement(kit: Kit, userId: string): { orderId: string; itemId: string } {
  const order = kit.sandbox.createOrder({ userId });
  const shopper = kit.sandbox.createShopper({ email: `shopper-${order.id}@example.com`, phone: `555 010 ${String(++shoppers).padStart(4, '0')}` });
  const batch = kit.sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: order.id }] });
  kit.sandbox.advanceBatch(batch.id, 'picking');
  const item = kit.sandbox.updateItem(shopper.id, order.id, '1', { status: 'replaced' });
  return { orderId: order.id, itemId: item.id };
}

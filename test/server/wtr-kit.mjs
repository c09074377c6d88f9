// For the browser tests of the server half: the test server mounts the real server kit at /instacart, in
// front of the real emulator on its own port, as a retailer's server would; the page is same-origin with the
// kit, as a storefront is. A few /e2e/ routes play the retailer's sign-in and drive the emulator, and report
// what crossed between the browser and the kit. Uses the built kit and emulator (dist/), so `npm run build`
// comes first, as `npm test` does.
//
// Live updates are on: the emulator sends Instacart's event callbacks to the kit's receiver (in process,
// with the bearer token the kit accepts), and pages open `/instacart/events?order=…` with EventSource.
// `POST /e2e/callbacks` {drop?, duplicate?, reorder?, delay_ms?} makes the next callbacks misbehave;
// `GET /e2e/callbacks` lists what was sent.
import { fileURLToPath } from 'node:url';

const CLIENT_ID = 'e2e-retailer';
const CLIENT_SECRET = 'sk_e2e_0f9e8d7c6b5a4938271605f4e3d2c1b0';
const CALLBACK_TOKEN = 'cb_e2e_5d41402abc4b2a76b9719d911017c592';
const dist = (path) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

let started;

async function start() {
  const { Sandbox, startSandboxServer } = await import(dist('sandbox/node.js'));
  const { createConnectProxy, toNodeListener } = await import(dist('server/node.js'));
  // Instacart's callbacks go straight to the kit in this process: the test server's own port is not known here.
  let kit;
  const sandbox = new Sandbox({ seed: 11, callbackFetch: (url, init) => kit.handle(new Request(url, init)) });
  sandbox.callbacks.configure({ url: 'http://kit.e2e/instacart/callbacks', token: CALLBACK_TOKEN });
  const connect = await startSandboxServer({ port: 0, sandbox });
  const minted = [];
  /** What crossed between the browser and the kit. */
  const exchanges = [];
  kit = createConnectProxy({
    connectBase: connect.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    // The retailer's session: a cookie this server set at "sign-in".
    userIdFor: (request) => /(?:^|;\s*)e2e-session=([\w-]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? null,
    rateLimit: false,
    live: { callbackTokens: [CALLBACK_TOKEN] },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(typeof input === 'string' ? input : input.url).pathname === '/v2/oauth/token') {
        minted.push((await response.clone().json()).access_token);
      }
      return response;
    },
  });
  const recorded = {
    ...kit,
    owns: kit.owns,
    async handle(request) {
      const response = await kit.handle(request);
      // A live stream's body never ends while the page is open; its frames are hints, never data or tokens.
      const stream = (response.headers.get('Content-Type') ?? '').startsWith('text/event-stream');
      exchanges.push({
        method: request.method,
        path: new URL(request.url).pathname,
        query: new URL(request.url).search,
        authorization: request.headers.has('Authorization'),
        status: response.status,
        body: stream ? '' : await response.clone().text(),
      });
      return response;
    },
  };
  return { sandbox, connect, minted, exchanges, listener: toNodeListener(recorded) };
}

async function json(ctx, status, body, headers = {}) {
  ctx.status = status;
  ctx.set({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  ctx.body = JSON.stringify(body);
}

/** Koa middleware for web-test-runner's dev server. */
export async function serverKitMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/instacart/') && !ctx.path.startsWith('/e2e/')) return next();
  started ??= start();
  const e2e = await started;
  if (ctx.path.startsWith('/instacart/')) {
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.on('finish', resolve);
      ctx.res.on('close', resolve);
      e2e.listener(ctx.req, ctx.res);
    });
    return;
  }
  const { sandbox } = e2e;
  switch (ctx.path) {
    case '/e2e/sign-in': {
      // A new customer with a delivery order, signed in by a session cookie (never a token).
      const userId = `customer-${Math.random().toString(36).slice(2, 10)}`;
      const order = sandbox.createOrder({ fulfillmentType: 'delivery', userId });
      return json(ctx, 200, { orderId: order.id }, { 'Set-Cookie': `e2e-session=${userId}; Path=/; SameSite=Strict; HttpOnly` });
    }
    case '/e2e/sign-out':
      return json(ctx, 200, {}, { 'Set-Cookie': 'e2e-session=; Path=/; Max-Age=0; SameSite=Strict; HttpOnly' });
    case '/e2e/step': {
      const step = sandbox.autoplayStep(ctx.query.order);
      return json(ctx, 200, step);
    }
    case '/e2e/callbacks': {
      if (ctx.method === 'POST') {
        const body = await new Promise((resolve) => {
          let text = '';
          ctx.req.on('data', (chunk) => (text += chunk));
          ctx.req.on('end', () => resolve(text ? JSON.parse(text) : {}));
        });
        sandbox.callbacks.injectFaults({ drop: body.drop, duplicate: body.duplicate, reorder: body.reorder, delayMs: body.delay_ms });
      }
      return json(ctx, 200, { faults: sandbox.callbacks.faults, deliveries: sandbox.callbacks.deliveries() });
    }
    case '/e2e/report/reset': {
      // Other test files share this server: a test that counts what crossed starts from nothing.
      e2e.exchanges.length = 0;
      e2e.minted.length = 0;
      return json(ctx, 200, {});
    }
    case '/e2e/report': {
      const secrets = [CLIENT_SECRET, ...e2e.minted];
      const leaks = e2e.exchanges.filter((exchange) => secrets.some((secret) => exchange.body.includes(secret)));
      return json(ctx, 200, {
        exchanges: e2e.exchanges.map(({ body, ...rest }) => ({ ...rest, bytes: body.length })),
        leaks: leaks.map(({ method, path }) => `${method} ${path}`),
        mints: e2e.minted.length,
      });
    }
    default:
      return json(ctx, 404, { error: { message: 'Resource not found', code: 4000 } });
  }
}

// The node:http adapter as Express-style middleware sees it: the kit's paths are answered, every other path
// goes on to the next handler, a body already parsed by `express.json()` still works, and request targets
// that are not a page's requests are refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createConnectProxy, nodeRequestOf, toNodeListener } from '../../src/server/node.js';
import { CLIENT_ID, CLIENT_SECRET, listen, orderPath, pendingReplacement, startKit, type Kit } from './harness.js';

/** A minimal Express-like app: a JSON body parser, then the kit, then the shop's own routes. */
function shopApp(kit: Kit, parseBodiesFirst: boolean) {
  const proxy = toNodeListener(kit.proxy);
  return (request: IncomingMessage & { body?: unknown }, response: ServerResponse) => {
    const next = () => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end(`shop page ${request.url}`);
    };
    if (!parseBodiesFirst || request.method !== 'PUT') return proxy(request, response, next);
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      request.body = JSON.parse(text);
      proxy(request, response, next);
    });
  };
}

describe('server kit: the node:http adapter', () => {
  let kit: Kit;
  let app: Awaited<ReturnType<typeof listen>>;
  let parsedApp: Awaited<ReturnType<typeof listen>>;

  before(async () => {
    kit = await startKit();
    app = await listen(shopApp(kit, false));
    parsedApp = await listen(shopApp(kit, true));
  });
  after(async () => {
    await app.close();
    await parsedApp.close();
    await kit.close();
  });

  it("answers the kit's paths and hands every other path to next()", async () => {
    const order = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
    const headers = { Cookie: 'session=customer-a' };
    const shop = await fetch(`${app.url}/cart?x=1`, { headers });
    assert.equal(await shop.text(), 'shop page /cart?x=1');
    assert.equal((await fetch(`${app.url}/instacartx`, { headers })).status, 200);
    const tracked = await fetch(app.url + orderPath(order), { headers });
    assert.equal(tracked.status, 200);
    assert.equal(((await tracked.json()) as { id: string }).id, order);
    const refused = await fetch(`${app.url}/instacart/admin`, { headers });
    assert.equal(refused.status, 404, 'a path under the base is refused by the kit, not passed on');
  });

  it('forwards a decision whose body a JSON body parser has already read', async () => {
    const { orderId, itemId } = pendingReplacement(kit, 'customer-b');
    const answer = await fetch(parsedApp.url + orderPath(orderId, `/items/${itemId}/replacement`), {
      method: 'PUT',
      headers: { Cookie: 'session=customer-b', 'Content-Type': 'application/json', Origin: parsedApp.url },
      body: JSON.stringify({ status: 'REJECTED' }),
    });
    assert.equal(answer.status, 200);
    assert.equal(kit.sandbox.getOrder(orderId).lineItems.find((item) => item.id === itemId)?.replacementStatus, 'REJECTED');
  });

  it("lets userIdFor read the session a framework's middleware attached to the Node request", async () => {
    const order = kit.sandbox.createOrder({ userId: 'customer-s' }).id;
    const proxy = createConnectProxy({
      connectBase: kit.connect.url,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      userIdFor: (request) => (nodeRequestOf(request)?.session?.instacartUserId as string | undefined) ?? null,
    });
    const listener = toNodeListener(proxy);
    // What express-session does: look the cookie up and hang the session on the request.
    const withSession = await listen((request: IncomingMessage & { session?: Record<string, unknown> }, response: ServerResponse) => {
      if (request.headers.cookie === 'sid=s-1') request.session = { instacartUserId: 'customer-s' };
      listener(request, response);
    });
    try {
      const signedIn = await fetch(withSession.url + orderPath(order), { headers: { Cookie: 'sid=s-1' } });
      assert.equal(signedIn.status, 200);
      assert.equal((await fetch(withSession.url + orderPath(order))).status, 401);
      assert.equal(nodeRequestOf(new Request('http://localhost/')), undefined);
    } finally {
      await withSession.close();
    }
  });

  it('refuses an absolute-form target or a malformed Host with 400', async () => {
    const { hostname, port } = new URL(kit.kit.url);
    const send = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ hostname, port, path, method: 'GET', headers: { Host: host, Cookie: 'session=customer-a' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    const calls = kit.upstream.length;
    assert.equal(await send('http://connect.instacart.com/v2/oauth/token', `${hostname}:${port}`), 400);
    assert.equal(await send('/instacart/token', 'evil.example/x@'), 400);
    assert.equal(kit.upstream.length, calls, 'nothing reached Connect');
  });
});

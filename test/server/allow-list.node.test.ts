// The kit is not an open proxy: only the token route and the five post-checkout calls are served, ids are
// single plain path segments, only a few headers cross in either direction. Whatever is refused never
// reaches Connect.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { orderPath, startKit, type Kit } from './harness.js';

describe('server kit: what it forwards', () => {
  let kit: Kit;
  let orderId: string;

  before(async () => {
    kit = await startKit();
    orderId = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
  });
  after(() => kit.close());
  afterEach(() => {
    kit.upstream.length = 0;
    kit.sandbox.faults.clear();
  });

  it('forwards the five post-checkout calls to the same paths at Connect, without the query', async () => {
    for (const suffix of ['', '/items', '/handling', '/location']) {
      const answer = await kit.get(orderPath(orderId, `${suffix}?debug=1&api_key=x`), 'customer-a');
      assert.equal(answer.status, 200, suffix);
    }
    assert.deepEqual(
      kit.forwarded().map((call) => `${call.method} ${call.path}${call.search}`),
      ['', '/items', '/handling', '/location'].map((suffix) => `GET /v2/post_checkout/orders/${orderId}${suffix}`),
    );
  });

  it('refuses every other path under its base, and Connect never hears of them', async () => {
    const refused = [
      ['GET', '/instacart/v2/oauth/token'],
      ['POST', '/instacart/v2/oauth/token'],
      ['POST', '/instacart/v2/fulfillment_sandbox/shoppers'],
      ['GET', '/instacart/v2/post_checkout/orders'],
      ['GET', `/instacart/v2/post_checkout/orders/${orderId}/items/abc`],
      ['GET', `/instacart/v2/post_checkout/orders/${orderId}/shopper`],
      ['GET', `/instacart/v2/post_checkout/orders/${orderId}/constructor`],
      ['GET', '/instacart/__sandbox/orders'],
      ['GET', '/instacart/'],
      ['GET', '/instacart/token/'],
      ['GET', '/instacart'],
    ];
    for (const [method, path] of refused) {
      const answer = await kit.browser(method as string, path as string, { user: 'customer-a' });
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.deepEqual(answer.json.error, { message: 'Resource not found', code: 4000 }, `${method} ${path}`);
    }
    assert.equal(kit.upstream.length, 0);
  });

  it('refuses other methods on served paths with 405 and the method that is allowed', async () => {
    for (const method of ['POST', 'DELETE', 'PATCH', 'PUT']) {
      const answer = await kit.browser(method, orderPath(orderId), { user: 'customer-a', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.get('Allow'), 'GET');
      assert.equal(answer.json.meta.key, 'method');
    }
    const head = await kit.browser('HEAD', '/instacart/token', { user: 'customer-a' });
    assert.equal(head.status, 405);
    const read = await kit.browser('GET', orderPath(orderId, '/items/abcd-1234/replacement'), { user: 'customer-a' });
    assert.equal(read.status, 405);
    assert.equal(read.headers.get('Allow'), 'PUT');
    assert.equal(kit.upstream.length, 0);
  });

  it('refuses ids that are not one plain path segment: encoded dots and slashes, empty, long, odd', async () => {
    const paths = [
      '/instacart/v2/post_checkout/orders/%2e%2e/items',
      '/instacart/v2/post_checkout/orders/%2E%2E/%2E%2E/oauth/token',
      '/instacart/v2/post_checkout/orders/..%2F..%2Foauth%2Ftoken',
      '/instacart/v2/post_checkout/orders/x%2F..%2F..%2Ffulfillment_sandbox%2Fshoppers',
      '/instacart/v2/post_checkout/orders/%252e%252e/items',
      `/instacart/v2/post_checkout/orders/${orderId}/../../../oauth/token`,
      '/instacart/%2e%2e/v2/oauth/token',
      '/instacart/v2/post_checkout/orders//items',
      `/instacart/v2/post_checkout/orders/${'a'.repeat(129)}`,
      `/instacart/v2/post_checkout/orders/${orderId}%00`,
      `/instacart/v2/post_checkout/orders/${orderId};x=1`,
      `/instacart/v2/post_checkout/orders/${orderId}.json`,
      '/instacart/v2/post_checkout/orders/%C3%A9t%C3%A9',
      `/instacart/v2/post_checkout/orders/${orderId}/items/..%2F..%2Fhandling/replacement`,
    ];
    for (const path of paths) {
      const answer = await kit.raw('GET', path, { Cookie: 'session=customer-a' });
      assert.equal(answer.status, 404, path);
      assert.equal(answer.json.error.code, 4000, path);
    }
    assert.equal(kit.upstream.length, 0);
  });

  it('sends Connect only Accept, Accept-Language and its own bearer token', async () => {
    await kit.browser('GET', orderPath(orderId), {
      user: 'customer-a',
      headers: { Authorization: 'Bearer from-the-page', 'Accept-Language': 'fr-CA,fr;q=0.8', 'X-Forwarded-For': '10.0.0.1', 'X-Debug': '1' },
    });
    const [call] = kit.forwarded();
    assert.deepEqual([...call!.headers.keys()].sort(), ['accept', 'accept-language', 'authorization']);
    assert.equal(call!.headers.get('Authorization'), `Bearer ${kit.mintedTokens[0]}`);
    assert.equal(call!.headers.get('Accept-Language'), 'fr-CA,fr;q=0.8');

    await kit.browser('GET', orderPath(orderId), { user: 'customer-a', headers: { 'Accept-Language': 'en"><script>alert(1)</script>' } });
    assert.equal(kit.forwarded()[1]!.headers.get('Accept-Language'), null, 'a malformed value is dropped, not forwarded');
  });

  it("passes back only Connect's Content-Type and Retry-After: no cookies, no CORS, nothing else", async () => {
    kit.sandbox.faults.add({
      path: `/v2/post_checkout/orders/${orderId}`,
      status: 503,
      headers: { 'Set-Cookie': 'connect_session=abc; Path=/', 'Retry-After': '30', 'X-Instacart-Internal': 'node-7', Server: 'connect' },
      count: 1,
    });
    const answer = await kit.get(orderPath(orderId), 'customer-a');
    assert.equal(answer.status, 503);
    assert.deepEqual(answer.json.error.code, 2003, "Connect's error envelope reaches the page as it was");
    assert.equal(answer.headers.get('Retry-After'), '30');
    assert.match(answer.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.equal(answer.headers.get('Set-Cookie'), null);
    assert.equal(answer.headers.get('X-Instacart-Internal'), null);
    assert.equal(answer.headers.get('Access-Control-Allow-Origin'), null, "the emulator's `*` must not make the proxy readable by any site");
    assert.equal(answer.headers.get('Cache-Control'), 'no-store');
  });
});

describe('server kit: paths that are not its own', () => {
  let kit: Kit;
  before(async () => (kit = await startKit()));
  after(() => kit.close());

  it('answers 404 itself on a bare node:http server, and says what it owns', async () => {
    const answer = await kit.get('/cart', 'customer-a');
    assert.equal(answer.status, 404);
    assert.equal(kit.proxy.owns('/instacart/token'), true);
    assert.equal(kit.proxy.owns('/instacartx/token'), false);
    assert.equal(kit.proxy.owns(new Request('https://shop.example/cart')), false);
    assert.equal(kit.upstream.length, 0);
  });
});

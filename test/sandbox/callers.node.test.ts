// Who can drive the emulator over real HTTP: a page of another site, a DNS-rebound host name, a huge or
// oddly framed request. The controls must stay out of their reach; the customer's endpoints stay open.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { Sandbox } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { sendRaw, type RawAnswer } from './raw-http.js';

/** One request with exactly these headers (Host included). */
function send(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return sendRaw(url, { method, path, headers, ...(body !== undefined ? { body } : {}) });
}

const JSON_BODY = { 'Content-Type': 'application/json' };
const EVIL = { Origin: 'https://evil.example' };

describe('sandbox server: who may call it', () => {
  let server: SandboxServer;
  let sandbox: Sandbox;
  let order: { id: string; userId: string };
  let userToken: string;
  let clientToken: string;

  before(async () => {
    sandbox = new Sandbox({ seed: 11 });
    server = await startSandboxServer({ port: 0, sandbox, allowedOrigins: ['http://localhost:5173'], allowedHosts: ['devbox.lan'] });
    order = sandbox.createOrder();
    userToken = sandbox.userToken(order.userId).access_token;
    clientToken = sandbox.clientToken().access_token;
  });

  after(() => server.close());

  it('a page of another site can neither drive the controls nor read them, with or without a preflight', async () => {
    const controls = [
      ['POST', '/__sandbox/reset', '{}'],
      ['POST', '/__sandbox/orders', '{"fulfillment_type": "pickup"}'],
      ['GET', '/__sandbox/orders', undefined],
      ['GET', `/__sandbox/orders/${order.id}`, undefined],
      ['POST', `/__sandbox/orders/${order.id}/token`, undefined],
      ['POST', '/v2/oauth/token', 'grant_type=client_credentials&client_id=a&client_secret=b'],
      ['POST', '/v2/fulfillment_sandbox/shoppers', '{"email": "a@example.com", "phone": "5550100100"}'],
    ] as const;
    for (const [method, path, body] of controls) {
      // text/plain (or a form) is what a page can send without a preflight.
      const answer = await send(server.url, method, path, { ...EVIL, 'Content-Type': 'text/plain', Authorization: `Bearer ${clientToken}` }, body);
      assert.equal(answer.status, 403, `${method} ${path}: ${answer.text}`);
      assert.deepEqual(answer.json, { error: { message: answer.json.error.message, code: null }, meta: { key: 'origin' } });
      assert.equal(answer.headers['access-control-allow-origin'], undefined, path);
      const preflight = await send(server.url, 'OPTIONS', path, { ...EVIL, 'Access-Control-Request-Method': method });
      assert.equal(preflight.status, 403, `preflight of ${path}`);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    }
    // Without an Origin, a browser still names another site's loads (an <img>, a no-cors fetch).
    assert.equal((await send(server.url, 'GET', '/__sandbox/orders', { 'Sec-Fetch-Site': 'cross-site' })).status, 403);
    assert.equal((await send(server.url, 'GET', '/__sandbox/orders', { Origin: 'null' })).status, 403, 'a sandboxed frame');
    assert.equal(sandbox.listOrders().length, 1, 'nothing was created, and nothing reset');
    assert.equal(sandbox.getOrder(order.id).workflowState, 'brand_new');
  });

  it('the customer endpoints stay open to any page: the token is what protects them', async () => {
    const answer = await send(server.url, 'GET', `/v2/post_checkout/orders/${order.id}`, { ...EVIL, Authorization: `Bearer ${userToken}` });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], '*');
    const preflight = await send(server.url, 'OPTIONS', `/v2/post_checkout/orders/${order.id}/items/x/replacement`, {
      ...EVIL,
      'Access-Control-Request-Method': 'PUT',
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    const picture = await send(server.url, 'GET', '/__sandbox/images/bananas.svg', { 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(picture.status, 200, 'product pictures are public');
  });

  it('its own page, non-browser clients and allowed origins drive the controls; only JSON bodies', async () => {
    const own = await send(server.url, 'POST', '/__sandbox/orders', { Origin: server.url, ...JSON_BODY }, '{"user_id": "own-page"}');
    assert.equal(own.status, 201, own.text);
    assert.equal(own.headers['access-control-allow-origin'], undefined, 'the same origin needs no CORS header');
    assert.equal((await send(server.url, 'POST', '/__sandbox/orders', JSON_BODY, '{}')).status, 201, 'Node, curl');

    const allowed = { Origin: 'http://localhost:5173' };
    const preflight = await send(server.url, 'OPTIONS', '/__sandbox/orders', { ...allowed, 'Access-Control-Request-Method': 'POST' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], 'http://localhost:5173');
    const created = await send(server.url, 'POST', '/__sandbox/orders', { ...allowed, ...JSON_BODY }, '{}');
    assert.equal(created.status, 201);
    assert.equal(created.headers['access-control-allow-origin'], 'http://localhost:5173');
    assert.equal(created.headers.vary, 'Origin');

    const plain = await send(server.url, 'POST', '/__sandbox/orders', { 'Content-Type': 'text/plain' }, '{}');
    assert.equal(plain.status, 415);
    assert.deepEqual(plain.json.meta, { key: 'content_type' });
    assert.equal(sandbox.listOrders().length, 4, 'three made, the text/plain one refused');
  });

  it('answers only its own host names: a rebound name is 421, and pictures never follow the Host header', async () => {
    const path = `/v2/post_checkout/orders/${order.id}/items`;
    for (const host of ['rebind.evil.example', 'rebind.evil.example:80', 'a b', '[::', '127.0.0.1.evil.example']) {
      for (const target of ['/__sandbox/orders', path, '/']) {
        const answer = await send(server.url, 'GET', target, { Host: host, Authorization: `Bearer ${userToken}` });
        assert.equal(answer.status, 421, `${host} ${target}`);
        assert.equal(answer.json.meta.key, 'host');
      }
    }
    const port = new URL(server.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `shop.localhost:${port}`, `devbox.lan:${port}`]) {
      const answer = await send(server.url, 'GET', path, { Host: host, Authorization: `Bearer ${userToken}` });
      assert.equal(answer.status, 200, host);
      assert.ok(answer.json.line_items[0].item.image_url.startsWith(`${server.url}/__sandbox/images/`), answer.json.line_items[0].item.image_url);
    }
  });

  it('refuses bodies over 1 MiB without holding them, and stays up', async () => {
    const declared = await send(server.url, 'POST', '/__sandbox/orders', { ...JSON_BODY, 'Content-Length': String(2 ** 30) }, '{');
    assert.equal(declared.status, 413);
    assert.deepEqual(declared.json.meta, { key: 'body' });
    const streamed = await send(server.url, 'POST', '/v2/oauth/token', JSON_BODY, `{"pad": "${'x'.repeat(1024 * 1024)}"}`);
    assert.equal(streamed.status, 413);
    assert.equal(streamed.headers.connection, 'close');
    assert.equal((await send(server.url, 'GET', '/__sandbox/orders')).status, 200);
  });

  it('answers odd requests in Connect shape: TRACE, a target naming another host, unreadable HTTP', async () => {
    const orders = sandbox.listOrders().length;
    const trace = await send(server.url, 'TRACE', '/__sandbox/orders');
    assert.equal(trace.status, 405);
    assert.match(String(trace.headers.allow), /GET/);
    for (const target of ['//evil.example/__sandbox/reset', 'http://evil.example/__sandbox/orders']) {
      const answer = await send(server.url, 'POST', target, JSON_BODY, '{}');
      assert.equal(answer.status, 400, target);
      assert.equal(answer.json.meta.key, 'path');
    }
    assert.equal((await send(server.url, 'GET', '/v2/post_checkout/orders/%E0%A4%A', { Authorization: `Bearer ${userToken}` })).status, 400);
    const { port } = new URL(server.url);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('close', () => resolve(text));
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.equal(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error.code, 4001);
    assert.equal(sandbox.listOrders().length, orders, '//evil.example/__sandbox/reset reset nothing');
  });
});

// The real Node HTTP server over the same handlers, on an ephemeral port, answering real fetches.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, encodeAssertion } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { sendRaw } from './raw-http.js';

describe('sandbox HTTP server', () => {
  let server: SandboxServer;
  let root: string;

  before(async () => {
    const base = mkdtempSync(join(tmpdir(), 'sandbox-static-'));
    root = join(base, 'public');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
    writeFileSync(join(root, 'app.js'), 'export {};');
    writeFileSync(join(root, '.env'), 'SECRET=1');
    writeFileSync(join(base, 'secret.txt'), 'outside the root');
    server = await startSandboxServer({ port: 0, sandbox: new Sandbox({ seed: 7 }), staticDir: root });
  });

  after(async () => {
    await server.close();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('listens on an ephemeral localhost port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(new URL(server.url).port, '0');
  });

  it('walks the tutorial over real HTTP: token, shopper, batch, advance, read', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const created = await (await post('/__sandbox/orders', { fulfillment_type: 'delivery', user_id: 'http-user' })).json();
    const userToken = await (
      await post('/v2/oauth/token', {
        grant_type: 'fulfillment_user_assertion',
        client_id: 'c',
        client_secret: 's',
        assertion: encodeAssertion('http-user'),
      })
    ).json();
    const client = await (
      await fetch(`${server.url}/v2/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=c&client_secret=s',
      })
    ).json();
    const shopper = await (await post('/v2/fulfillment_sandbox/shoppers', { email: 's@example.com', phone: '5550109999' }, client.access_token)).json();
    const batch = await (
      await post('/v2/fulfillment_sandbox/batches', { batch_type: 'delivery', shopper_id: shopper.id, orders: [{ id: created.order_id }] }, client.access_token)
    ).json();
    assert.equal(batch.workflow_state, 'acknowledged');
    const advanced = await post(`/v2/fulfillment_sandbox/batches/${batch.id}/advance`, {}, client.access_token);
    assert.deepEqual(await advanced.json(), { id: batch.id, workflow_state: 'picking' });

    const order = await fetch(`${server.url}/v2/post_checkout/orders/${created.order_id}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${userToken.access_token}`, Origin: 'http://localhost:5173' },
    });
    assert.equal(order.status, 200);
    assert.equal(order.headers.get('access-control-allow-origin'), '*');
    assert.match(order.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal((await order.json()).workflow_state, 'picking');

    const items = await (
      await fetch(`${server.url}/v2/post_checkout/orders/${created.order_id}/items`, { headers: { Authorization: `Bearer ${userToken.access_token}` } })
    ).json();
    const image = await fetch(items.line_items[0].item.image_url);
    assert.ok(items.line_items[0].item.image_url.startsWith(server.url));
    assert.equal(image.status, 200);
    assert.match(image.headers.get('content-type') ?? '', /svg/);
  });

  it('answers CORS preflights from another origin', async () => {
    const preflight = await fetch(`${server.url}/v2/post_checkout/orders/x/items/y/replacement`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type, accept-language',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'accept-language']) assert.ok(allowed.includes(header), header);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });

  it('sends injected faults over the wire, headers and malformed bodies included', async () => {
    const addFault = (fault: unknown) =>
      fetch(`${server.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
    assert.equal((await addFault({ path: '/v2/post_checkout/', status: 503, headers: { 'Retry-After': '5' }, count: 1 })).status, 201);
    const unavailable = await fetch(`${server.url}/v2/post_checkout/orders/x`);
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('retry-after'), '5');
    assert.deepEqual(await unavailable.json(), { error: { message: 'Service unavailable, retry later', code: 2003 } });

    assert.equal((await addFault({ path: '/v2/post_checkout/', status: 200, body: '{"id":', count: 1 })).status, 201);
    const malformed = await fetch(`${server.url}/v2/post_checkout/orders/x`);
    assert.equal(await malformed.text(), '{"id":');
  });

  it('404s in Connect shape for unknown API paths; serves static files safely', async () => {
    const unknown = await fetch(`${server.url}/v2/nothing/here`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: { message: 'Resource not found', code: 4000 }, meta: { key: 'path' } });

    const index = await fetch(`${server.url}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await index.text(), /<title>demo<\/title>/);
    const script = await fetch(`${server.url}/app.js`);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);

    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/.env', '/missing.html', '/app.js%00.html']) {
      const answer = await sendRaw(server.url, { method: 'GET', path });
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.text, /outside the root|SECRET/, path);
    }
  });

  it('closes even with keep-alive connections open, and serves a sandbox it was given', async () => {
    const sandbox = new Sandbox();
    const other = await startSandboxServer({ port: 0, sandbox });
    assert.equal(other.sandbox, sandbox);
    const order = sandbox.createOrder();
    const answer = await fetch(`${other.url}/v2/post_checkout/orders/${order.id}`, {
      headers: { Authorization: `Bearer ${sandbox.userToken(order.userId).access_token}`, Connection: 'keep-alive' },
    });
    assert.equal(answer.status, 200);
    await answer.arrayBuffer();
    await other.close();
    await assert.rejects(fetch(`${other.url}/__sandbox/orders`));
  });
});

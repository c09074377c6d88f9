// Tokens and what each may see (docs/connect-api.md §4): user tokens see only their user's orders; client
// tokens drive the Sandbox API and are refused on post-checkout with 400/4001 `User ID not found`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeAssertion } from '../../src/sandbox/index.js';
import { assertError, harness, newOrder } from './harness.js';

describe('sandbox tokens', () => {
  it('fulfillment_user_assertion gives a 24 h user token for that user; client_credentials a client token', async () => {
    const h = harness();
    const order = await newOrder(h, { user_id: 'shopper-fan-7' });
    const user = await h.call('POST', '/v2/oauth/token', {
      body: {
        grant_type: 'fulfillment_user_assertion',
        client_id: 'id',
        client_secret: 'secret',
        scope: 'connect:post_checkout',
        assertion: encodeAssertion('shopper-fan-7'),
      },
    });
    assert.equal(user.status, 200, user.text);
    assert.equal(user.json.token_type, 'Bearer');
    assert.equal(user.json.expires_in, 86400);
    assert.equal(user.json.scope, 'connect:post_checkout');
    assert.equal(user.json.created_at, Math.floor(h.clock.now / 1000));
    const read = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: user.json.access_token });
    assert.equal(read.status, 200);
    assert.equal(read.json.id, order.order_id);

    const client = await h.call('POST', '/v2/oauth/token', {
      raw: 'grant_type=client_credentials&client_id=id&client_secret=secret',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(client.status, 200, client.text);
    const shopper = await h.call('POST', '/v2/fulfillment_sandbox/shoppers', {
      token: client.json.access_token,
      body: { email: 'a@example.com', phone: '5550100300' },
    });
    assert.equal(shopper.status, 200);
  });

  it('a user token sees only its own orders: another user order is 404/4000', async () => {
    const h = harness();
    const mine = await newOrder(h, { user_id: 'alice' });
    const theirs = await newOrder(h, { user_id: 'bob' });
    for (const suffix of ['', '/items', '/handling', '/location']) {
      assertError(await h.call('GET', `/v2/post_checkout/orders/${theirs.order_id}${suffix}`, { token: mine.access_token }), 404, 4000, 'order_id');
      assert.equal((await h.call('GET', `/v2/post_checkout/orders/${mine.order_id}${suffix}`, { token: mine.access_token })).status, 200);
    }
    assertError(await h.call('GET', '/v2/post_checkout/orders/does-not-exist', { token: mine.access_token }), 404, 4000, 'order_id');
  });

  it('no token, an unknown token or an expired one → 401', async () => {
    const h = harness();
    const order = await newOrder(h);
    const path = `/v2/post_checkout/orders/${order.order_id}`;
    const missing = await h.call('GET', path);
    assertError(missing, 401, null);
    assert.match(missing.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
    assertError(await h.call('GET', path, { token: 'sbxu_made_up' }), 401, null);
    assertError(await h.call('POST', '/v2/fulfillment_sandbox/shoppers', { body: { email: 'a@example.com', phone: '5550100400' } }), 401, null);

    h.clock.now += 86400 * 1000;
    assertError(await h.call('GET', path, { token: order.access_token }), 401, null, undefined, /expired/);
  });

  it('the expire dev control makes a token answer 401 at once', async () => {
    const h = harness();
    const order = await newOrder(h);
    const expire = await h.call('POST', '/__sandbox/tokens/expire', { body: { access_token: order.access_token } });
    assert.deepEqual(expire.json, { expired: true });
    assertError(await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token }), 401, null);
    const fresh = await h.call('POST', `/__sandbox/orders/${order.order_id}/token`);
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: fresh.json.access_token })).status, 200);
  });

  it('a client token on post-checkout → 400/4001 User ID not found; a user token on the Sandbox API → 403', async () => {
    const h = harness();
    const order = await newOrder(h);
    for (const suffix of ['', '/items', '/handling', '/location']) {
      assertError(await h.call('GET', `/v2/post_checkout/orders/${order.order_id}${suffix}`, { token: order.client_token }), 400, 4001, undefined, 'User ID not found');
    }
    const forbidden = await h.call('POST', '/v2/fulfillment_sandbox/shoppers', {
      token: order.access_token,
      body: { email: 'a@example.com', phone: '5550100500' },
    });
    assertError(forbidden, 403, null);
  });

  it('bad token requests → 400/1001 with the key; configured credentials are checked (401)', async () => {
    const h = harness({ clients: [{ clientId: 'retailer', clientSecret: 's3cret' }] });
    const token = (body: unknown, raw?: string) => h.call('POST', '/v2/oauth/token', raw !== undefined ? { raw } : { body });
    const base = { client_id: 'retailer', client_secret: 's3cret' };
    assertError(await token({ ...base }), 400, 1001, 'grant_type');
    assertError(await token({ ...base, grant_type: 'password' }), 400, 1001, 'grant_type');
    assertError(await token({ grant_type: 'client_credentials', client_id: 'retailer' }), 400, 1001, 'client_secret');
    assertError(await token({ ...base, grant_type: 'fulfillment_user_assertion' }), 400, 1001, 'assertion');
    assertError(await token({ ...base, grant_type: 'fulfillment_user_assertion', assertion: 'not base64!' }), 400, 1001, 'assertion');
    assertError(await token({ ...base, grant_type: 'fulfillment_user_assertion', assertion: btoa('{"id": 1}') }), 400, 1001, 'assertion');
    assertError(await token({ ...base, grant_type: 'fulfillment_user_assertion', assertion: encodeAssertion('u'), scope: 'other' }), 400, 1001, 'scope');
    assertError(await token(undefined, '{"grant_type"'), 400, 1001, 'body');
    assertError(await token({ ...base, client_secret: 'wrong', grant_type: 'client_credentials' }), 401, null);
    assert.equal((await token({ ...base, grant_type: 'client_credentials' })).status, 200);
  });

  it('scopes are checked per grant type, and the Sandbox API needs connect:fulfillment', async () => {
    const h = harness();
    const base = { client_id: 'retailer', client_secret: 's3cret' };
    const client = (scope?: string) => h.call('POST', '/v2/oauth/token', { body: { ...base, grant_type: 'client_credentials', ...(scope ? { scope } : {}) } });
    const createShopper = (token: string, phone: string) =>
      h.call('POST', '/v2/fulfillment_sandbox/shoppers', { token, body: { email: 'a@example.com', phone } });

    const plain = await client();
    assert.equal(plain.json.scope, 'connect:fulfillment', "the Sandbox tutorial's token asks for no scope and gets this one");
    assert.equal((await createShopper(plain.json.access_token, '5550100600')).status, 200);
    const two = await client('connect:fulfillment,connect:ian');
    assert.equal(two.json.scope, 'connect:fulfillment connect:ian', 'Connect separates scopes with commas');
    assert.equal((await createShopper(two.json.access_token, '5550100601')).status, 200);

    const adsOnly = await client('connect:ian');
    assert.equal(adsOnly.status, 200);
    assertError(await createShopper(adsOnly.json.access_token, '5550100602'), 403, null, undefined, /connect:fulfillment/);

    assertError(await client('connect:post_checkout'), 400, 1001, 'scope', /client_credentials/);
    assertError(await client('connect:everything'), 400, 1001, 'scope');
    const user = (scope: string) =>
      h.call('POST', '/v2/oauth/token', { body: { ...base, grant_type: 'fulfillment_user_assertion', assertion: encodeAssertion('u'), scope } });
    assertError(await user('connect:fulfillment'), 400, 1001, 'scope');
    assert.equal((await user('connect:post_checkout')).json.scope, 'connect:post_checkout');
  });
});

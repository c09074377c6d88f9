// The token cache as a retailer and Connect would notice it: how many tokens get minted, when a new one is
// minted, what happens when Connect refuses one, and who gets one at all.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredToken, TokenStore } from '../../src/server/index.js';
import { orderPath, startKit, type Kit } from './harness.js';

describe('server kit: user access tokens', () => {
  let kit: Kit;
  let orderA: string;
  let orderB: string;

  beforeEach(async () => {
    kit = await startKit();
    orderA = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
    orderB = kit.sandbox.createOrder({ userId: 'customer-b' }).id;
  });
  afterEach(() => kit.close());

  it('answers the signed-in customer their token with the remaining lifetime, never cached', async () => {
    const first = await kit.get('/instacart/token', 'customer-a');
    assert.equal(first.status, 200);
    assert.equal(first.json.access_token, kit.mintedTokens[0]);
    assert.equal(first.json.expires_in, 86400);
    assert.equal(first.headers.get('Cache-Control'), 'no-store');

    await kit.clock.advance(3600_000);
    const later = await kit.get('/instacart/token', 'customer-a');
    assert.equal(later.json.access_token, first.json.access_token);
    assert.equal(later.json.expires_in, 86400 - 3600, 'expires_in counts down: the page must not keep it longer');
    // The token really is that customer's: Connect shows their order with it.
    const direct = await fetch(`${kit.connect.url}/v2/post_checkout/orders/${orderA}`, { headers: { Authorization: `Bearer ${later.json.access_token}` } });
    assert.equal(direct.status, 200);
  });

  it('mints one token per customer however many requests arrive together', async () => {
    const paths = ['', '/items', '/handling', '/location'];
    const burst = [
      ...Array.from({ length: 6 }, (_, i) => kit.get(orderPath(orderA, paths[i % 4]), 'customer-a')),
      ...Array.from({ length: 6 }, (_, i) => kit.get(orderPath(orderB, paths[i % 4]), 'customer-b')),
      kit.get('/instacart/token', 'customer-a'),
      kit.get('/instacart/token', 'customer-b'),
    ];
    const answers = await Promise.all(burst);
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([200]));
    assert.equal(kit.mints(), 2);
    assert.equal(kit.forwarded().length, 12);

    await Promise.all([kit.get(orderPath(orderA), 'customer-a'), kit.get(orderPath(orderB), 'customer-b')]);
    assert.equal(kit.mints(), 2, 'later requests reuse the cached tokens');
  });

  it('a page that says Connect refused its token gets a new one, at most once a minute', async () => {
    const first = await kit.get('/instacart/token', 'customer-a');
    const refused = await kit.browser('GET', '/instacart/token', { user: 'customer-a', headers: { 'X-Token-Refused': '1' } });
    assert.equal(refused.status, 200);
    assert.notEqual(refused.json.access_token, first.json.access_token);
    assert.equal(kit.mints(), 2);
    const again = await kit.browser('GET', '/instacart/token', { user: 'customer-a', headers: { 'X-Token-Refused': '1' } });
    assert.equal(again.json.access_token, refused.json.access_token, 'a page reporting in a loop does not make the kit mint in a loop');
    await kit.clock.advance(61_000);
    const later = await kit.browser('GET', '/instacart/token', { user: 'customer-a', headers: { 'X-Token-Refused': '1' } });
    assert.notEqual(later.json.access_token, refused.json.access_token);
    assert.equal(kit.mints(), 3);
  });

  it('mints a new token shortly before the old one expires, not after', async () => {
    await kit.get(orderPath(orderA), 'customer-a');
    await kit.clock.advance((86400 - 301) * 1000);
    await kit.get(orderPath(orderA), 'customer-a');
    assert.equal(kit.mints(), 1, 'still more than the 5-minute margin left');

    await kit.clock.advance(2000);
    const answer = await kit.get(orderPath(orderA), 'customer-a');
    assert.equal(answer.status, 200);
    assert.equal(kit.mints(), 2);
    const token = await kit.get('/instacart/token', 'customer-a');
    assert.equal(token.json.access_token, kit.mintedTokens[1]);
    assert.equal(token.json.expires_in, 86400);
  });

  it('discards a token Connect refuses and retries once with a new one', async () => {
    await kit.get(orderPath(orderA), 'customer-a');
    kit.sandbox.tokens.expire(kit.mintedTokens[0] as string);

    const answers = await Promise.all([kit.get(orderPath(orderA), 'customer-a'), kit.get(orderPath(orderA, '/items'), 'customer-a')]);
    assert.deepEqual(answers.map((answer) => answer.status), [200, 200], 'the customer never sees the refusal');
    assert.equal(kit.mints(), 2, 'two requests refused with the same token share one new mint');
    assert.deepEqual(kit.forwarded().map((call) => call.status), [200, 401, 401, 200, 200]);
  });

  it('passes a second 401 on instead of retrying forever', async () => {
    await kit.get(orderPath(orderA), 'customer-a');
    kit.sandbox.faults.add({ path: `/v2/post_checkout/orders/${orderA}`, status: 401, count: 5 });
    const answer = await kit.get(orderPath(orderA), 'customer-a');
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.json.error, { message: 'Access token invalid or expired', code: null });
    assert.equal(kit.forwarded().length, 3, 'the first read, then the refused call and exactly one retry');
    assert.equal(kit.mints(), 2);
  });

  it('answers 401 and calls Connect for nothing when nobody is signed in', async () => {
    for (const path of ['/instacart/token', orderPath(orderA)]) {
      const answer = await kit.get(path);
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.json, { error: { message: 'Sign in to see this order', code: null } });
    }
    assert.equal(kit.upstream.length, 0);
  });

  it("does not show one customer another's order", async () => {
    const answer = await kit.get(orderPath(orderB), 'customer-a');
    assert.equal(answer.status, 404);
    assert.equal(answer.json.error.code, 4000);
  });

  it('gives a server-rendered page the same cached token, without a request of its own', async () => {
    await kit.get(orderPath(orderA), 'customer-a');
    await kit.clock.advance(60_000);
    assert.deepEqual(await kit.proxy.tokenFor('customer-a'), { accessToken: kit.mintedTokens[0], expiresIn: 86400 - 60 });
    await kit.proxy.tokenFor('customer-c');
    assert.equal(kit.mints(), 2);
  });

  it('forgets a customer’s token when told (sign-out)', async () => {
    await kit.get(orderPath(orderA), 'customer-a');
    await kit.proxy.forget('customer-a');
    await kit.get(orderPath(orderA), 'customer-a');
    assert.equal(kit.mints(), 2);
  });
});

describe('server kit: the token store', () => {
  it('keeps tokens in the store it is given, so servers sharing a store share tokens', async () => {
    const shared = new Map<string, StoredToken>();
    const store: TokenStore = {
      get: async (userId) => shared.get(userId),
      set: async (userId, token) => void shared.set(userId, token),
      delete: async (userId) => void shared.delete(userId),
    };
    const first = await startKit({ tokenStore: store });
    const second = await startKit({ tokenStore: store, sandbox: { seed: 11 } });
    try {
      const order = first.sandbox.createOrder({ userId: 'customer-a' }).id;
      await first.get(orderPath(order), 'customer-a');
      assert.equal(shared.get('customer-a')?.accessToken, first.mintedTokens[0]);
      const token = await second.get('/instacart/token', 'customer-a');
      assert.equal(token.json.access_token, first.mintedTokens[0]);
      assert.equal(second.mints(), 0, 'the second server used the first one’s token');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('still serves customers when the store fails or holds garbage, and says so in the log', async () => {
    let reads = 0;
    const broken: TokenStore = {
      get: () => (++reads % 2 ? Promise.reject(new Error('ECONNRESET redis')) : ({ accessToken: 42 } as unknown as StoredToken)),
      set: () => Promise.reject(new Error('READONLY')),
      delete: () => undefined,
    };
    const kit = await startKit({ tokenStore: broken });
    try {
      const order = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
      assert.equal((await kit.get(orderPath(order), 'customer-a')).status, 200);
      assert.equal((await kit.get(orderPath(order), 'customer-a')).status, 200);
      assert.equal(kit.mints(), 2, 'without a store each request mints, but none fails');
      assert.ok(kit.logs.some((entry) => entry.event === 'token_store_failed' && entry.level === 'warn'));
    } finally {
      await kit.close();
    }
  });
});

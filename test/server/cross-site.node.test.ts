// The replacement decision is a state change authenticated by the session cookie: only the retailer's own
// pages (or origins it allow-lists) may make it, and only as JSON. Other sites cannot use the kit at all.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { orderPath, pendingReplacement, startKit, type Kit } from './harness.js';

const SHOP = 'https://www.shop.example';

describe('server kit: cross-site requests', () => {
  let kit: Kit;
  let own: string;
  let orderId: string;
  let itemId: string;
  let decisionPath: string;

  before(async () => {
    kit = await startKit({ allowedOrigins: [SHOP] });
    own = kit.kit.url;
    ({ orderId, itemId } = pendingReplacement(kit, 'customer-a'));
    decisionPath = orderPath(orderId, `/items/${itemId}/replacement`);
  });
  after(() => kit.close());
  afterEach(() => (kit.upstream.length = 0));

  const decide = (headers: Record<string, string>, body = '{"status":"APPROVED"}') =>
    kit.browser('PUT', decisionPath, { user: 'customer-a', headers, body });
  const pendingAtConnect = () =>
    kit.sandbox.getOrder(orderId).lineItems.find((item) => item.id === itemId)?.replacementStatus === 'PENDING';

  it('refuses a decision from another site, or one that does not say where it comes from', async () => {
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      { Origin: 'null', 'Content-Type': 'application/json' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
      { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
      { 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'application/json' },
      { 'Sec-Fetch-Site': 'none', 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json' },
    ];
    for (const headers of attempts) {
      const answer = await decide(headers);
      assert.equal(answer.status, 403, JSON.stringify(headers));
      assert.deepEqual(answer.json, { error: { message: 'Cross-site request refused', code: null }, meta: { key: 'origin' } });
    }
    assert.equal(kit.upstream.length, 0);
    assert.ok(pendingAtConnect(), 'the replacement is still waiting for the customer');
  });

  it('refuses a decision that is not sent as JSON (what a cross-site form could send)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const answer = await decide({ Origin: own, 'Content-Type': type });
      assert.equal(answer.status, 415, type);
      assert.equal(answer.json.meta.key, 'content_type');
    }
    assert.equal(kit.upstream.length, 0);
    assert.ok(pendingAtConnect());
  });

  it('refuses a body that is not a JSON object, before Connect sees it', async () => {
    for (const body of ['{"status":', '[]', '"APPROVED"', '']) {
      const answer = await decide({ Origin: own, 'Content-Type': 'application/json' }, body);
      assert.equal(answer.status, 400, body);
      assert.deepEqual(answer.json.meta, { key: 'body' });
    }
    assert.equal(kit.forwarded().length, 0);
  });

  it("forwards the customer's own decision to Connect, which records it", async () => {
    const answer = await decide({ Origin: own, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, {});
    const [call] = kit.forwarded();
    assert.equal(call?.method, 'PUT');
    assert.equal(call?.path, `/v2/post_checkout/orders/${orderId}/items/${itemId}/replacement`);
    assert.equal(call?.headers.get('Content-Type'), 'application/json');
    assert.equal(kit.sandbox.getOrder(orderId).lineItems.find((item) => item.id === itemId)?.replacementStatus, 'APPROVED');

    const again = await decide({ 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' });
    assert.equal(again.status, 400, "Connect's own refusal (already answered) comes back as it is");
    assert.equal(again.json.error.code, 4001);
  });

  it('refuses reads from other sites too, so no page elsewhere spends the quota', async () => {
    for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<string, string>[]) {
      const answer = await kit.get(orderPath(orderId), 'customer-a', headers);
      assert.equal(answer.status, 403);
      assert.equal((await kit.get('/instacart/token', 'customer-a', headers)).status, 403);
    }
    assert.equal(kit.upstream.length, 0);
    assert.equal((await kit.get(orderPath(orderId), 'customer-a', { 'Sec-Fetch-Site': 'same-origin' })).status, 200);
  });

  it('lets an allow-listed origin in, with CORS headers and a preflight for the decision', async () => {
    const read = await kit.get(orderPath(orderId), 'customer-a', { Origin: SHOP, 'Sec-Fetch-Site': 'same-site' });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), SHOP);
    assert.equal(read.headers.get('Access-Control-Allow-Credentials'), 'true');

    const preflight = await kit.browser('OPTIONS', decisionPath, {
      headers: { Origin: SHOP, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('Access-Control-Allow-Methods'), 'PUT');
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), SHOP);

    const foreign = await kit.browser('OPTIONS', decisionPath, { headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('Access-Control-Allow-Origin'), null);
    const wrongMethod = await kit.browser('OPTIONS', decisionPath, { headers: { Origin: SHOP, 'Access-Control-Request-Method': 'DELETE' } });
    assert.equal(wrongMethod.status, 405);
  });
});

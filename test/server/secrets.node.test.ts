// The client secret never leaves the server, and a customer's token leaves it only in the token route's own
// answer. Every failure path is made to happen (including a Connect that echoes the secret back and a
// session hook whose error quotes it), and everything that came out, answers and log lines, is searched.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FaultSpec } from '../../src/sandbox/index.js';
import { createConnectProxy } from '../../src/server/index.js';
import { CLIENT_SECRET, listen, orderPath, pendingReplacement, startKit, type Browser, type Kit } from './harness.js';

const echo = JSON.stringify({ error: { message: `Invalid client_secret ${CLIENT_SECRET}`, code: 1001 }, meta: { key: 'client_secret' } });

describe('server kit: secrets', () => {
  it('no answer or log line carries the secret, and only the token route carries a token', async () => {
    const kits: Kit[] = [];
    const start = async (options: Parameters<typeof startKit>[0] = {}) => {
      const kit = await startKit(options);
      kits.push(kit);
      return kit;
    };
    const gone = await listen(() => undefined);
    await gone.close();
    try {
      // Normal use, and Connect failing in every way it can once a token exists.
      const kit = await start();
      const order = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
      assert.equal((await kit.get('/instacart/token', 'customer-a')).status, 200);
      for (const suffix of ['', '/items', '/handling', '/location']) await kit.get(orderPath(order, suffix), 'customer-a');
      const token = kit.mintedTokens[0] as string;
      const faults: Omit<FaultSpec, 'path'>[] = [
        { status: 500, body: JSON.stringify({ error: { message: `upstream saw Bearer ${token} and ${CLIENT_SECRET}`, code: 5000 } }) },
        { status: 200, body: JSON.stringify({ id: order, debug: { authorization: `Bearer ${token}` } }) },
        { status: 401, count: 2 },
        { status: 302, headers: { Location: 'https://elsewhere.example/steal' } },
        { status: 429, headers: { 'Retry-After': '3', 'Set-Cookie': `token=${token}` } },
      ];
      for (const fault of faults) {
        kit.sandbox.faults.add({ path: `/v2/post_checkout/orders/${order}`, count: 1, ...fault });
        const answer = await kit.get(orderPath(order), 'customer-a');
        assert.ok(answer.status >= 400, `fault ${fault.status ?? ''} answered ${answer.status}`);
        kit.sandbox.faults.clear();
      }
      const { orderId, itemId } = pendingReplacement(kit, 'customer-a');
      const decision = orderPath(orderId, `/items/${itemId}/replacement`);
      await kit.browser('PUT', decision, { user: 'customer-a', headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, body: '{}' });
      await kit.browser('PUT', decision, { user: 'customer-a', headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'text/plain' }, body: '{}' });
      await kit.browser('PUT', decision, { user: 'customer-a', headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }, body: '{' });
      await kit.browser('PUT', decision, { user: 'customer-a', headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }, body: '{"status":"MAYBE"}' });
      await kit.browser('DELETE', orderPath(order), { user: 'customer-a' });
      await kit.raw('GET', '/instacart/v2/post_checkout/orders/%2e%2e/items', { Cookie: 'session=customer-a' });
      await kit.get(orderPath(order));

      // Minting failing in every way: wrong credentials, an error that echoes the secret, rate limits,
      // Connect down, an answer that is not a token, Connect unreachable.
      const strict = await start({ sandbox: { clients: [{ clientId: 'someone-else', clientSecret: 'another-secret' }] } });
      await strict.get('/instacart/token', 'customer-a');
      const mintFaults: Omit<FaultSpec, 'path'>[] = [
        { status: 400, body: echo },
        { status: 401, body: echo },
        { status: 429, body: echo, headers: { 'Retry-After': '5' } },
        { status: 503, body: echo },
        { status: 200, body: JSON.stringify({ token_type: 'Bearer', note: CLIENT_SECRET }) },
        { status: 200, body: 'not json' },
      ];
      for (const [i, fault] of mintFaults.entries()) {
        const faulty = await start();
        faulty.sandbox.faults.add({ path: '/v2/oauth/token', ...fault });
        const answer = await faulty.get(orderPath('a3e30880-10b5-445e-a525-7dae3e2e15b3'), `customer-${i}`);
        assert.ok(answer.status >= 400);
      }
      const unreachable = await start({ connectUrl: gone.url });
      assert.equal((await unreachable.get('/instacart/token', 'customer-a')).status, 502);

      // The retailer's session hook failing, with the secret in its error.
      const throwing = await start({
        userIdFor: () => {
          throw new Error(`session store login failed with ${CLIENT_SECRET}`);
        },
      });
      assert.equal((await throwing.get('/instacart/token', 'customer-a')).status, 500);

      const answers: Browser[] = kits.flatMap((k) => k.responses);
      const tokens = kits.flatMap((k) => k.mintedTokens);
      const logs = JSON.stringify(kits.flatMap((k) => k.logs));
      assert.ok(tokens.length >= 2 && answers.length > 20, `${tokens.length} tokens, ${answers.length} answers`);
      for (const answer of answers) {
        const everything = `${answer.status} ${JSON.stringify([...answer.headers])} ${answer.text}`;
        assert.ok(!everything.includes(CLIENT_SECRET), `the secret in: ${everything}`);
        const isTokenAnswer = answer.status === 200 && typeof answer.json?.access_token === 'string';
        if (!isTokenAnswer) for (const t of tokens) assert.ok(!everything.includes(t), `a token in: ${everything}`);
      }
      assert.ok(!logs.includes(CLIENT_SECRET), 'the secret in the log');
      for (const t of tokens) assert.ok(!logs.includes(t), 'a token in the log');
      for (const event of ['mint_failed', 'mint_rate_limited', 'upstream_withheld', 'upstream_redirect', 'upstream_unreachable', 'session_failed']) {
        assert.ok(logs.includes(`"event":"${event}"`), `the ${event} path happened`);
      }
    } finally {
      for (const kit of kits) await kit.close();
    }
  });

  it('says what is wrong with a configuration without quoting the secret', () => {
    const base = { connectBase: 'https://connect.example', clientId: 'id', clientSecret: CLIENT_SECRET, userIdFor: () => null };
    const mistakes = [
      { connectBase: `https://id:${CLIENT_SECRET}@connect.example` },
      { connectBase: `connect.example/${CLIENT_SECRET}` },
      { basePath: `/../${CLIENT_SECRET}` },
      { allowedOrigins: [`https://shop.example/${CLIENT_SECRET}`] },
      { clientId: '' },
      { userIdFor: CLIENT_SECRET },
      { upstreamTimeoutMs: -1 },
    ];
    for (const mistake of mistakes) {
      assert.throws(
        () => createConnectProxy({ ...base, ...mistake } as Parameters<typeof createConnectProxy>[0]),
        (error: Error) => error instanceof TypeError && !error.message.includes(CLIENT_SECRET),
        JSON.stringify(Object.keys(mistake)),
      );
    }
  });
});

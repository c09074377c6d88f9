// Where tokens come from, how long they are reused, and when a 401 means "sign in again".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TokenSource } from '../../src/auth/token-source.js';
import { ApiError } from '../../src/api/api-error.js';

function tokenEndpoint(answers: (() => Response)[]) {
  const calls: RequestInit[] = [];
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init ?? {});
    const next = answers.shift();
    if (!next) throw new Error('unexpected token request');
    return next();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('TokenSource', () => {
  it('reuses a token-url token until shortly before expires_in runs out', async () => {
    let now = 0;
    const { fetch, calls } = tokenEndpoint([json({ access_token: 'one', expires_in: 3600 }), json({ access_token: 'two', expires_in: 3600 })]);
    const source = new TokenSource({ tokenUrl: '/token', fetch, clock: { now: () => now } });
    assert.equal((await source.get()).token, 'one');
    now = 3000_000;
    assert.equal((await source.get()).token, 'one');
    now = 3590_000; // inside the renewal margin
    assert.equal((await source.get()).token, 'two');
    assert.equal(calls.length, 2);
    assert.equal(calls[0]?.credentials, 'same-origin');
  });

  it('a given token reaches concurrent callers in the order they asked (the order is read first, so its request leaves first)', async () => {
    const source = new TokenSource({ token: 'given', fetch: tokenEndpoint([]).fetch, clock: { now: () => 0 } });
    const served: string[] = [];
    await Promise.all(['order', 'items', 'handling'].map((caller) => source.get().then(() => served.push(caller))));
    assert.deepEqual(served, ['order', 'items', 'handling']);
  });

  it('concurrent callers share one token request, and concurrent 401s one refresh', async () => {
    const { fetch, calls } = tokenEndpoint([json({ access_token: 'one', expires_in: 86400 }), json({ access_token: 'two', expires_in: 86400 })]);
    const source = new TokenSource({ tokenUrl: '/token', fetch, clock: { now: () => 0 } });
    const [a, b, c] = await Promise.all([source.get(), source.get(), source.get()]);
    assert.equal(calls.length, 1);
    assert.deepEqual([a.token, b.token, c.token], ['one', 'one', 'one']);
    assert.equal(source.rejected(a.generation), true);
    assert.equal(source.rejected(b.generation), true);
    assert.equal(source.rejected(c.generation), true);
    const fresh = await Promise.all([source.get(), source.get()]);
    assert.equal(calls.length, 2);
    assert.equal(fresh[0].token, 'two');
  });

  it('asking again after a 401 tells the token URL that its token was refused, so it does not answer the same one', async () => {
    const { fetch, calls } = tokenEndpoint([json({ access_token: 'one', expires_in: 3600 }), json({ access_token: 'two', expires_in: 3600 })]);
    const source = new TokenSource({ tokenUrl: '/token', fetch, clock: { now: () => 0 } });
    source.rejected((await source.get()).generation);
    assert.equal((await source.get()).token, 'two');
    const refusedHeader = (init: RequestInit | undefined) => new Headers(init?.headers).get('X-Token-Refused');
    assert.deepEqual(calls.map(refusedHeader), [null, '1']);
  });

  it('a second 401 in a row means sign in again', async () => {
    const { fetch } = tokenEndpoint([json({ access_token: 'one' }), json({ access_token: 'two' })]);
    const source = new TokenSource({ tokenUrl: '/token', fetch, clock: { now: () => 0 } });
    assert.equal(source.rejected((await source.get()).generation), true);
    assert.equal(source.rejected((await source.get()).generation), false);
  });

  it('a success in between resets the count', async () => {
    const { fetch } = tokenEndpoint([json({ access_token: 'one' }), json({ access_token: 'two' }), json({ access_token: 'three' })]);
    const source = new TokenSource({ tokenUrl: '/token', fetch, clock: { now: () => 0 } });
    assert.equal(source.rejected((await source.get()).generation), true);
    await source.get();
    source.accepted();
    assert.equal(source.rejected((await source.get()).generation), true);
  });

  it('a fixed token cannot be refreshed: its first 401 is final', async () => {
    const source = new TokenSource({ token: 'fixed', clock: { now: () => 0 } });
    const issued = await source.get();
    assert.equal(issued.token, 'fixed');
    assert.equal(source.rejected(issued.generation), false);
  });

  it('a fixed token is used first, then the provider after a 401', async () => {
    let asked = 0;
    const source = new TokenSource({ token: 'fixed', tokenProvider: async () => `provided-${++asked}`, clock: { now: () => 0 } });
    const first = await source.get();
    assert.equal(first.token, 'fixed');
    assert.equal(source.rejected(first.generation), true);
    assert.equal((await source.get()).token, 'provided-1');
  });

  it('token-url failures are ApiErrors that never contain the token', async () => {
    const refused = new TokenSource({ tokenUrl: '/token', fetch: tokenEndpoint([json({}, 401)]).fetch, clock: { now: () => 0 } });
    await assert.rejects(refused.get(), (e: unknown) => e instanceof ApiError && e.kind === 'auth' && e.status === 401);
    const garbled = new TokenSource({ tokenUrl: '/token', fetch: tokenEndpoint([() => new Response('<html>')]).fetch, clock: { now: () => 0 } });
    await assert.rejects(garbled.get(), (e: unknown) => e instanceof ApiError && e.kind === 'invalid_response');
    const none = new TokenSource({ clock: { now: () => 0 } });
    assert.equal(none.configured, false);
    await assert.rejects(none.get(), (e: unknown) => e instanceof ApiError && e.kind === 'auth');
  });
});

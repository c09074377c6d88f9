// The rules of being signed in: each call gets the current token, a 401 gets one fresh token shared by every
// call that failed with the same one, a second 401 means sign in again, and a return to the page may retry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/api/api-error.js';
import { AuthSession } from '../../src/auth/auth-session.js';

const clock = (start = 0) => {
  let now = start;
  return { now: () => now, setTimeout: () => 0, clearTimeout: () => {}, set: (t: number) => (now = t) };
};

/** A token URL that hands out token-1, token-2, … and counts how often it was asked. */
function tokenUrl() {
  let minted = 0;
  const fetch = (async () => new Response(JSON.stringify({ access_token: `token-${++minted}`, expires_in: 3600 }))) as unknown as typeof globalThis.fetch;
  return { fetch, minted: () => minted };
}

/** A call to Connect that accepts only the tokens in `good`. */
const connect = (good: Set<string>, seen: string[] = []) => async ({ getToken }: { getToken?: (options: { signal?: AbortSignal }) => Promise<string> }) => {
  const token = await getToken!({});
  seen.push(token);
  if (!good.has(token)) throw new ApiError({ kind: 'auth', status: 401, message: 'Unauthorized' });
  return 'ok';
};

describe('AuthSession', () => {
  it('a 401 gets one fresh token and the call is tried once more', async () => {
    const url = tokenUrl();
    const session = new AuthSession({ settings: { tokenUrl: '/token' }, fetch: url.fetch, clock: clock(), minSignInRetryGapMs: 5000 });
    const seen: string[] = [];
    assert.equal(await session.run(connect(new Set(['token-2']), seen)), 'ok');
    assert.deepEqual(seen, ['token-1', 'token-2']);
  });

  it('concurrent calls that fail with the same token share one refresh', async () => {
    const url = tokenUrl();
    const session = new AuthSession({ settings: { tokenUrl: '/token' }, fetch: url.fetch, clock: clock(), minSignInRetryGapMs: 5000 });
    await session.run(connect(new Set(['token-1'])));
    // token-1 is now refused by Connect: four endpoints fail with it at once.
    const results = await Promise.all([1, 2, 3, 4].map(() => session.run(connect(new Set(['token-2'])))));
    assert.deepEqual(results, ['ok', 'ok', 'ok', 'ok']);
    assert.equal(url.minted(), 2);
  });

  it('a fresh token refused too means sign in again: the auth error comes out', async () => {
    const url = tokenUrl();
    const session = new AuthSession({ settings: { tokenUrl: '/token' }, fetch: url.fetch, clock: clock(), minSignInRetryGapMs: 5000 });
    await assert.rejects(session.run(connect(new Set())), (e: unknown) => e instanceof ApiError && e.kind === 'auth');
    assert.equal(url.minted(), 2);
  });

  it('a fixed token alone is not refreshed: its 401 comes out at once', async () => {
    const session = new AuthSession({ settings: { token: 'fixed' }, clock: clock(), minSignInRetryGapMs: 5000 });
    const seen: string[] = [];
    await assert.rejects(session.run(connect(new Set(), seen)));
    assert.deepEqual(seen, ['fixed']);
  });

  it('failures other than 401 are not retried here', async () => {
    const url = tokenUrl();
    const session = new AuthSession({ settings: { tokenUrl: '/token' }, fetch: url.fetch, clock: clock(), minSignInRetryGapMs: 5000 });
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new ApiError({ kind: 'server', status: 503, message: 'busy' });
    };
    await assert.rejects(session.run(failing));
    assert.equal(calls, 1);
  });

  it('after sign in again, a return may ask once more, only with a source that can give a new token, and not too often', () => {
    const time = clock(100_000);
    const withUrl = new AuthSession({ settings: { tokenUrl: '/token' }, clock: time, minSignInRetryGapMs: 5000 });
    assert.equal(withUrl.mayRetrySignIn(), true);
    time.set(102_000);
    assert.equal(withUrl.mayRetrySignIn(), false, 'within the gap');
    time.set(106_000);
    assert.equal(withUrl.mayRetrySignIn(), true);
    const fixed = new AuthSession({ settings: { token: 'fixed' }, clock: time, minSignInRetryGapMs: 5000 });
    assert.equal(fixed.mayRetrySignIn(), false);
  });

  it('through the proxy, calls carry no token and a 401 is not refreshed: the session is over', async () => {
    const url = tokenUrl();
    const session = new AuthSession({ settings: { proxy: true, tokenUrl: '/token' }, fetch: url.fetch, clock: clock(), minSignInRetryGapMs: 5000 });
    const seen: unknown[] = [];
    const refused = async (auth: unknown) => {
      seen.push(auth);
      throw new ApiError({ kind: 'auth', status: 401, message: 'Unauthorized' });
    };
    await assert.rejects(session.run(refused), (e: unknown) => e instanceof ApiError && e.kind === 'auth');
    assert.deepEqual(seen, [{ session: true }]);
    assert.equal(url.minted(), 0, 'a token setting is ignored through the proxy');
    assert.equal(session.configured, true);
  });

  it('knows when the page gave no way to get a token', () => {
    assert.equal(new AuthSession({ settings: {}, clock: clock(), minSignInRetryGapMs: 5000 }).configured, false);
    assert.equal(new AuthSession({ settings: { tokenProvider: async () => 't' }, clock: clock(), minSignInRetryGapMs: 5000 }).configured, true);
  });
});

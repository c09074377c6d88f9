/**
 * Drives the sandbox's MSW handlers the way a client would, without a network: each call builds a Fetch
 * Request and asks msw's `getResponse` for the answer. Time is a plain variable the test moves, and the
 * autoplay scheduler only queues callbacks, so nothing waits on real time.
 */
import assert from 'node:assert/strict';
import { getResponse } from 'msw';
import { Sandbox, createSandboxHandlers, type SandboxOptions } from '../../src/sandbox/index.js';

export const BASE = 'http://sandbox.test';

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // Tests read the JSON loosely; assertions say what they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body, sent as is (e.g. malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
}

export function harness(options: SandboxOptions = {}) {
  const clock = { now: Date.UTC(2026, 10, 26, 15, 0, 0) };
  const queued: { callback: () => void; ms: number }[] = [];
  const sandbox = new Sandbox({
    seed: 42,
    now: () => clock.now,
    schedule: (callback, ms) => {
      const entry = { callback, ms };
      queued.push(entry);
      return () => {
        const index = queued.indexOf(entry);
        if (index >= 0) queued.splice(index, 1);
      };
    },
    ...options,
  });
  const handlers = createSandboxHandlers(sandbox);

  async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] ??= 'application/json';
    const response = await getResponse(handlers, new Request(BASE + path, { method, headers, body }));
    assert.ok(response, `no handler answered ${method} ${path}`);
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** Runs the next queued autoplay step (as its timer would). */
  function fireNext(): boolean {
    const next = queued.shift();
    if (!next) return false;
    next.callback();
    return true;
  }

  return { sandbox, clock, call, queued, fireNext };
}

export type Harness = ReturnType<typeof harness>;

/** A new order through the dev control, with its user and client tokens. */
export async function newOrder(h: Harness, body: Record<string, unknown> = {}) {
  const created = await h.call('POST', '/__sandbox/orders', { body });
  assert.equal(created.status, 201, created.text);
  return created.json as { order_id: string; user_id: string; access_token: string; client_token: string; item_count: number };
}

export async function newShopper(h: Harness, clientToken: string, phone = '5550100100'): Promise<number> {
  const shopper = await h.call('POST', '/v2/fulfillment_sandbox/shoppers', {
    token: clientToken,
    body: { email: `shopper${phone}@example.com`, phone, password: 'secret' },
  });
  assert.equal(shopper.status, 200, shopper.text);
  return shopper.json.id as number;
}

/** Asserts a Connect-shaped single error. */
export function assertError(result: CallResult, status: number, code: number | null, key?: string, message?: string | RegExp) {
  assert.equal(result.status, status, result.text);
  assert.equal(result.json?.error?.code, code, result.text);
  assert.equal(typeof result.json?.error?.message, 'string');
  if (key === undefined) assert.equal(result.json.meta, undefined, result.text);
  else assert.equal(result.json?.meta?.key, key, result.text);
  if (typeof message === 'string') assert.equal(result.json.error.message, message);
  else if (message) assert.match(result.json.error.message, message);
}

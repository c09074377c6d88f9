// From an HTTP answer to data or one ApiError, on real Response objects: status → kind, Connect's error
// body, Retry-After in both forms, and bodies that are empty, not JSON or cut short.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorFromResponse, kindOfStatus, parseRetryAfter, readConnectError, readResponse } from '../../src/api/http.js';
import { ApiError, type ApiErrorKind } from '../../src/api/api-error.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

async function rejectsWith(promise: Promise<unknown>, expected: Partial<ApiError> & { kind: ApiErrorKind }) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
    for (const [key, value] of Object.entries(expected)) assert.deepEqual((error as unknown as Record<string, unknown>)[key], value, key);
    return true;
  });
}

/** A body that sends a few bytes and then breaks, like a connection dropped mid-answer. */
function brokenBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id": '));
      controller.error(new Error('socket hang up'));
    },
  });
}

describe('kindOfStatus', () => {
  it('maps every status Connect uses, and the rest by class', () => {
    const table: [number, ApiErrorKind][] = [
      [400, 'bad_request'], [401, 'auth'], [403, 'forbidden'], [404, 'not_found'], [408, 'timeout'], [429, 'rate_limited'],
      [500, 'server'], [502, 'server'], [503, 'server'], [504, 'server'], [409, 'bad_request'], [422, 'bad_request'], [451, 'bad_request'],
    ];
    for (const [status, kind] of table) assert.equal(kindOfStatus(status), kind, String(status));
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('7'), 7000);
    assert.equal(parseRetryAfter(' 120 '), 120_000);
    assert.equal(parseRetryAfter('0'), 0);
  });

  it('reads an HTTP date against the injected clock; a past date is 0', () => {
    assert.equal(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW), 30_000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 12:01:00 GMT', NOW), 60_000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', NOW), 0);
  });

  it('ignores what is neither', () => {
    for (const header of [null, undefined, '', 'soon', '-5', '1.5', '5s', '+5', '12:00']) {
      assert.equal(parseRetryAfter(header, NOW), undefined, String(header));
    }
  });
});

describe('readConnectError', () => {
  it('reads a single error', () => {
    assert.deepEqual(readConnectError({ error: { message: 'Resource not found', code: 4000 }, meta: { key: 'order_id' } }), {
      message: 'Resource not found',
      code: 4000,
      key: 'order_id',
    });
    assert.deepEqual(readConnectError({ error: { message: 'Shopper PII', code: null } }), { message: 'Shopper PII', code: null });
  });

  it('reads several (9999): the first inner message and key', () => {
    const body = {
      error: {
        message: 'There were issues with your request',
        code: 9999,
        errors: [
          { error: { message: 'Invalid parameter', code: 1001 }, meta: { key: 'status' } },
          { error: { message: 'Second problem', code: 1001 }, meta: { key: 'alternative_item' } },
        ],
      },
    };
    assert.deepEqual(readConnectError(body), { message: 'There were issues with your request: Invalid parameter', code: 9999, key: 'status' });
    const flat = { error: { message: 'There were issues with your request', code: 9999, errors: [{ message: 'Invalid parameter', code: 1001, key: 'status' }] } };
    assert.deepEqual(readConnectError(flat), { message: 'There were issues with your request: Invalid parameter', code: 9999, key: 'status' });
  });

  it('does not trust the shape', () => {
    for (const body of [null, 'oops', 42, [], { error: 'broken' }, { error: { message: 5, code: '4000' } }, { error: { errors: 'x' } }]) {
      assert.deepEqual(readConnectError(body), {}, JSON.stringify(body));
    }
  });
});

describe('readResponse', () => {
  it('returns the JSON of a 2xx answer', async () => {
    assert.deepEqual(await readResponse(Response.json({ id: 'a' })), { id: 'a' });
  });

  it('a 2xx body that is not JSON is invalid_response', async () => {
    await rejectsWith(readResponse(new Response('<!doctype html><title>Shop</title>', { status: 200 })), { kind: 'invalid_response', status: 200 });
    await rejectsWith(readResponse(new Response('{"id": "a3', { status: 200 })), { kind: 'invalid_response' });
  });

  it('an empty 2xx body is {} only where the caller allows it', async () => {
    await rejectsWith(readResponse(new Response('', { status: 200 })), { kind: 'invalid_response', message: 'Connect answered with an empty body.' });
    assert.deepEqual(await readResponse(new Response('', { status: 200 }), { emptyIs: {} }), {});
    assert.deepEqual(await readResponse(new Response(null, { status: 204 }), { emptyIs: {} }), {});
  });

  it('a 2xx body cut short is network', async () => {
    await rejectsWith(readResponse(new Response(brokenBody(), { status: 200 })), { kind: 'network', status: 200 });
  });

  it('an error answer becomes the ApiError of its status, with Connect details and Retry-After', async () => {
    const body = JSON.stringify({ error: { message: 'Slow down', code: 2003 }, meta: { key: 'rate' } });
    await rejectsWith(readResponse(new Response(body, { status: 429, headers: { 'Retry-After': 'Thu, 01 Jan 2026 12:00:05 GMT' } }), { now: NOW }), {
      kind: 'rate_limited',
      status: 429,
      code: 2003,
      key: 'rate',
      message: 'Slow down',
      retryAfterMs: 5000,
    });
  });

  it('an error answer whose body is not JSON, empty or cut short still has its kind', async () => {
    const html = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    assert.deepEqual([html.kind, html.status, html.message, html.code, html.key], ['server', 502, 'Connect answered HTTP 502.', undefined, undefined]);
    const empty = await errorFromResponse(new Response(null, { status: 401 }));
    assert.deepEqual([empty.kind, empty.message], ['auth', 'Connect answered HTTP 401.']);
    const broken = await errorFromResponse(new Response(brokenBody(), { status: 503, headers: { 'Retry-After': '3' } }));
    assert.deepEqual([broken.kind, broken.retryAfterMs], ['server', 3000]);
    assert.equal(broken.retryable, true);
  });
});

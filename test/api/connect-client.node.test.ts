// The Connect client against HTTP answers served by MSW in Node: requests exactly as Connect expects them,
// answers normalised, and every failure turned into one ApiError of the right kind, with the token nowhere
// but in the Authorization header.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { ConnectClient, type ClientTimers, type ConnectClientOptions } from '../../src/api/connect-client.js';
import { ApiError, type ApiErrorKind } from '../../src/api/api-error.js';
import { PARSERS } from '../../src/api/parse.js';
import type { CallOptions, OrderResource } from '../../src/api/types.js';

const BASE = 'https://connect.test';
const TOKEN = 'secret-token-3f9a';
const ORDER_ID = 'a3e30880-10b5-445e-a525-7dae3e2e15b3';
const ORDER = `/v2/post_checkout/orders/${ORDER_ID}`;
const server = setupServer();
/** Every request that reached a handler, with the body read already. */
const seen: { method: string; url: URL; headers: Headers; body: string; signal: AbortSignal }[] = [];

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
after(() => server.close());

/** The client, with each endpoint read and parsed as the tracker does it (left-out parts told to onDropped). */
const client = (extra: Partial<ConnectClientOptions> & { onDropped?: (resource: OrderResource, message: string) => void } = {}) => {
  const { onDropped, ...options } = extra;
  const c = new ConnectClient({ apiBase: BASE, getToken: async () => TOKEN, ...options });
  const get =
    <R extends OrderResource>(resource: R) =>
    async (orderId: string, callOptions?: CallOptions) =>
      PARSERS[resource](await c.readEndpoint(orderId, resource, callOptions), (message) => onDropped?.(resource, message)) as ReturnType<(typeof PARSERS)[R]>;
  return Object.assign(c, { getOrder: get('order'), getItems: get('items'), getHandling: get('handling'), getLocation: get('location') });
};
type Answer = (request: Request) => Response | Promise<Response>;

function answer(path: string, respond: Answer, method: 'get' | 'put' = 'get', base = BASE) {
  server.use(
    http[method](`${base}${path}`, async ({ request }) => {
      seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.clone().text(), signal: request.signal });
      return respond(request);
    }),
  );
}

/** A handler that never answers, but lets go when the request is aborted (so nothing leaks past the test). */
const hang: Answer = (request) =>
  new Promise<Response>((resolve) => request.signal.addEventListener('abort', () => resolve(HttpResponse.error()), { once: true }));

async function failsWith(promise: Promise<unknown>, kind: ApiErrorKind, extra: Partial<ApiError> = {}): Promise<ApiError> {
  let caught: ApiError | undefined;
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
    assert.equal(error.kind, kind);
    for (const [key, value] of Object.entries(extra)) assert.deepEqual((error as unknown as Record<string, unknown>)[key], value, key);
    assertNoToken(error);
    caught = error;
    return true;
  });
  return caught!;
}

/** The token appears in neither the message nor anything down the cause chain. */
function assertNoToken(error: unknown) {
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 6; depth += 1) {
    const text = current instanceof Error ? `${current.message} ${current.stack ?? ''}` : String(current);
    assert.ok(!text.includes(TOKEN), `the token leaked: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
}

/** The request as Connect expects a GET of the widget: path, Bearer header, no token in the URL. */
function assertRead(path: string) {
  assert.equal(seen.length, 1);
  const request = seen[0]!;
  assert.equal(request.method, 'GET');
  assert.equal(request.url.pathname, path);
  assert.equal(request.url.search, '');
  assert.ok(!request.url.href.includes(TOKEN), 'the token is in the URL');
  assert.equal(request.headers.get('authorization'), `Bearer ${TOKEN}`);
  assert.equal(request.headers.get('accept'), 'application/json');
  assert.equal(request.headers.get('content-type'), null);
  assert.equal(request.body, '');
}

/** Timers that fire only when the test says so. */
class ManualTimers implements ClientTimers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  constructor(private readonly time = 0) {}
  setTimeout(callback: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  now() {
    return this.time;
  }
  fireAll() {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

const ORDER_JSON = {
  id: ORDER_ID,
  creation_date: '2022-01-13T18:28:07Z',
  workflow_state: 'Brand_New',
  fulfillment_type: 'DELIVERY',
  fulfillment_details: { window_starts_at: '2022-01-13T18:28:06Z', window_ends_at: '2022-01-13T20:28:06Z' },
  something_new: { ignored: true },
};

const HANDLING_JSON = {
  address: { address_line_1: '501 Belt Line Rd', address_line_2: '', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
  coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
  dropoff_location: '',
  notes: '',
  instructions: 'Ring twice',
  leave_unattended: false,
  alcoholic: true,
  certified_delivery: true,
};

describe('ConnectClient requests and happy paths', () => {
  it('getOrder: GET the order with a Bearer header, normalised', async () => {
    answer(ORDER, () => HttpResponse.json(ORDER_JSON));
    const order = await client().getOrder(ORDER_ID);
    assert.deepEqual(order, {
      id: ORDER_ID,
      creationDate: '2022-01-13T18:28:07Z',
      workflowState: 'brand_new',
      fulfillmentType: 'delivery',
      windowStartsAt: '2022-01-13T18:28:06Z',
      windowEndsAt: '2022-01-13T20:28:06Z',
    });
    assertRead(ORDER);
    assert.equal(seen[0]!.headers.get('accept-language'), null);
  });

  it('sends Accept-Language when given', async () => {
    answer(ORDER, () => HttpResponse.json(ORDER_JSON));
    await client({ acceptLanguage: 'fr-CA' }).getOrder(ORDER_ID);
    assert.equal(seen[0]!.headers.get('accept-language'), 'fr-CA');
  });

  it('getItems: GET …/items, statuses in any case, quantities as numbers, old-model decisions, unsafe images dropped', async () => {
    answer(`${ORDER}/items`, () =>
      HttpResponse.json({
        line_items: [
          { id: '1', line_num: '1', status: 'NOT_PICKED', replacement_status: 'SUBSTITUTION_STATUS_UNSPECIFIED', item: { name: 'Organic Bananas', image_url: 'https://example.com/b.png', quantity: '10.0', cost_unit: 'EACH' } },
          { id: '2', status: 'Found', item: { name: 'Ground beef', image_url: 'javascript:alert(1)', quantity: '1.5', cost_unit: 'lb' } },
          { id: '3', status: 'replaced', replacement_status: 'pending', item: { name: 'Oat milk', quantity: '1', cost_unit: 'EACH' }, replacement: { name: 'Almond milk', image_url: 'data:image/svg+xml,<svg/>', quantity: '1.0', cost_unit: 'EACH' } },
          { id: '4', status: 'approved', item: { name: 'Eggs', quantity: 12 } },
          { id: '5', status: 'REJECTED', item: { name: 'Flour', quantity: '2' } },
          { id: '6', status: 'to_refund', item: { name: 'Saffron', quantity: '1.0', cost_unit: 'EACH' } },
          { id: '7', status: 'lost_in_space', item: { name: 'Mystery', quantity: '1.0' } },
        ],
      }),
    );
    const items = await client().getItems(ORDER_ID);
    assertRead(`${ORDER}/items`);
    assert.deepEqual(
      items.map((i) => [i.id, i.status, i.replacementStatus]),
      [
        ['1', 'not_picked', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
        ['2', 'found', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
        ['3', 'replaced', 'PENDING'],
        ['4', 'replaced', 'APPROVED'],
        ['5', 'replaced', 'REJECTED'],
        ['6', 'to_refund', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
        ['7', 'lost_in_space', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
      ],
    );
    assert.deepEqual(items[0]!.item, { name: 'Organic Bananas', imageUrl: 'https://example.com/b.png', quantity: 10, costUnit: 'EACH' });
    assert.deepEqual(items[1]!.item, { name: 'Ground beef', quantity: 1.5, costUnit: 'LB' });
    assert.deepEqual(items[2]!.replacement, { name: 'Almond milk', imageUrl: 'data:image/svg+xml,<svg/>', quantity: 1, costUnit: 'EACH' });
    assert.equal(items[3]!.item.costUnit, 'EACH');
  });

  it('getHandling: GET …/handling, normalised with defaults', async () => {
    answer(`${ORDER}/handling`, () => HttpResponse.json(HANDLING_JSON));
    const handling = await client().getHandling(ORDER_ID);
    assertRead(`${ORDER}/handling`);
    assert.deepEqual(handling, {
      address: { addressLine1: '501 Belt Line Rd', locality: 'Collinsville', administrativeArea: 'IL', postalCode: '62234', countryCode: 'US' },
      coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
      dropoffLocation: '',
      notes: '',
      instructions: 'Ring twice',
      leaveUnattended: false,
      alcoholic: true,
      certifiedDelivery: true,
    });
  });

  it('getLocation: GET …/location; an empty body or {} is no location', async () => {
    answer(`${ORDER}/location`, () => HttpResponse.json({ coordinates: { latitude: 38.7, longitude: -89.97 } }));
    assert.deepEqual(await client().getLocation(ORDER_ID), { latitude: 38.7, longitude: -89.97 });
    assertRead(`${ORDER}/location`);
    answer(`${ORDER}/location`, () => HttpResponse.json({}));
    assert.equal(await client().getLocation(ORDER_ID), null);
    answer(`${ORDER}/location`, () => new HttpResponse(null, { status: 200 }));
    assert.equal(await client().getLocation(ORDER_ID), null);
    answer(`${ORDER}/location`, () => new HttpResponse(null, { status: 204 }));
    assert.equal(await client().getLocation(ORDER_ID), null);
  });

  it('putReplacementDecision: PUT …/items/{itemId}/replacement with {"status"} as JSON', async () => {
    answer(`${ORDER}/items/1234-5678-9012-abcd/replacement`, () => HttpResponse.json({}), 'put');
    const result = await client().putReplacementDecision(ORDER_ID, '1234-5678-9012-abcd', 'APPROVED');
    assert.equal(result, undefined);
    const request = seen[0]!;
    assert.equal(request.method, 'PUT');
    assert.equal(request.url.pathname, `${ORDER}/items/1234-5678-9012-abcd/replacement`);
    assert.equal(request.headers.get('authorization'), `Bearer ${TOKEN}`);
    assert.equal(request.headers.get('accept'), 'application/json');
    assert.equal(request.headers.get('content-type'), 'application/json');
    assert.deepEqual(JSON.parse(request.body), { status: 'APPROVED' });
    assert.ok(!request.url.href.includes(TOKEN) && !request.body.includes(TOKEN));
  });

  it('putReplacementDecision: REJECTED; an empty 200 is success too', async () => {
    answer(`${ORDER}/items/9/replacement`, () => new HttpResponse(null, { status: 200 }), 'put');
    await client().putReplacementDecision(ORDER_ID, '9', 'REJECTED');
    assert.deepEqual(JSON.parse(seen[0]!.body), { status: 'REJECTED' });
  });

  it('putReplacementDecision: a malformed decision or id is bad_request and sends nothing', async () => {
    const c = client();
    await failsWith(c.putReplacementDecision(ORDER_ID, '9', 'approved' as never), 'bad_request', { key: 'status' });
    await failsWith(c.putReplacementDecision(ORDER_ID, '', 'REJECTED'), 'bad_request', { key: 'order_item_id' });
    await failsWith(c.getOrder(''), 'bad_request', { key: 'order_id' });
    assert.equal(seen.length, 0); // onUnhandledRequest: 'error' would also have failed a stray request
  });

  it('encodes ids with encodeURIComponent', async () => {
    answer('/v2/post_checkout/orders/a%2Fb%3Fc%23d', () => HttpResponse.json({ ...ORDER_JSON, id: 'a/b?c#d' }));
    assert.equal((await client().getOrder('a/b?c#d')).id, 'a/b?c#d');
    answer('/v2/post_checkout/orders/o%201/items/i%2F2/replacement', () => HttpResponse.json({}), 'put');
    await client().putReplacementDecision('o 1', 'i/2', 'APPROVED');
    assert.equal(seen[1]!.url.pathname, '/v2/post_checkout/orders/o%201/items/i%2F2/replacement');
  });

  it('takes apiBase with or without a trailing slash, and with a proxy path', async () => {
    answer(ORDER, () => HttpResponse.json(ORDER_JSON));
    await client({ apiBase: `${BASE}/` }).getOrder(ORDER_ID);
    await client({ apiBase: `${BASE}//` }).getOrder(ORDER_ID);
    answer(ORDER, () => HttpResponse.json(ORDER_JSON), 'get', 'https://shop.test/instacart');
    await client({ apiBase: 'https://shop.test/instacart/' }).getOrder(ORDER_ID);
    assert.deepEqual(
      seen.map((r) => r.url.href),
      [`${BASE}${ORDER}`, `${BASE}${ORDER}`, `https://shop.test/instacart${ORDER}`],
    );
  });

  it('asks for a token on every call, passing a signal', async () => {
    const asked: (AbortSignal | undefined)[] = [];
    answer(ORDER, () => HttpResponse.json(ORDER_JSON));
    const c = client({ getToken: async ({ signal }) => (asked.push(signal), TOKEN) });
    await c.getOrder(ORDER_ID);
    await c.getOrder(ORDER_ID);
    assert.equal(asked.length, 2);
    assert.ok(asked.every((signal) => signal instanceof AbortSignal));
  });

  it('uses an injected fetch and clears its timeout once answered', async () => {
    const timers = new ManualTimers();
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return Response.json(ORDER_JSON);
    };
    await client({ fetch: fakeFetch, timers }).getOrder(ORDER_ID);
    assert.deepEqual(calls, [`${BASE}${ORDER}`]);
    assert.equal(timers.pending.size, 0);
  });
});

describe('ConnectClient failures', () => {
  const statusCases: [number, ApiErrorKind][] = [
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'timeout'],
    [409, 'bad_request'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
  ];
  for (const [status, kind] of statusCases) {
    it(`HTTP ${status} is ${kind}, with Connect's message, code and key`, async () => {
      answer(ORDER, () => HttpResponse.json({ error: { message: 'Resource not found', code: 4000 }, meta: { key: 'order_id' } }, { status }));
      const error = await failsWith(client().getOrder(ORDER_ID), kind, { status, code: 4000, key: 'order_id', message: 'Resource not found', retryAfterMs: undefined });
      assert.equal(error.retryable, [408, 429, 500, 503].includes(status));
    });
  }

  it('403 Shopper PII on the location is forbidden with a null code', async () => {
    answer(`${ORDER}/location`, () => HttpResponse.json({ error: { message: 'Shopper PII', code: null } }, { status: 403 }));
    await failsWith(client().getLocation(ORDER_ID), 'forbidden', { status: 403, code: null, message: 'Shopper PII' });
  });

  it('400 on the replacement PUT keeps meta.key', async () => {
    answer(`${ORDER}/items/9/replacement`, () => HttpResponse.json({ error: { message: 'Invalid parameter', code: 1001 }, meta: { key: 'status' } }, { status: 400 }), 'put');
    await failsWith(client().putReplacementDecision(ORDER_ID, '9', 'APPROVED'), 'bad_request', { status: 400, code: 1001, key: 'status' });
  });

  it('429 with Retry-After in seconds', async () => {
    answer(ORDER, () => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '7' } }));
    await failsWith(client().getOrder(ORDER_ID), 'rate_limited', { status: 429, retryAfterMs: 7000, message: 'Connect answered HTTP 429.' });
  });

  it('429 with Retry-After as an HTTP date, against the injected clock', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    answer(ORDER, () => HttpResponse.json({ error: { message: 'Too many requests', code: 2003 } }, { status: 429, headers: { 'Retry-After': new Date(now + 30_000).toUTCString() } }));
    await failsWith(client({ timers: new ManualTimers(now) }).getOrder(ORDER_ID), 'rate_limited', { retryAfterMs: 30_000, code: 2003 });
  });

  it('several errors (9999) report the first inner message and key', async () => {
    answer(ORDER, () =>
      HttpResponse.json(
        {
          error: {
            message: 'There were issues with your request',
            code: 9999,
            errors: [
              { error: { message: 'Invalid parameter', code: 1001 }, meta: { key: 'status' } },
              { error: { message: 'Other', code: 1001 }, meta: { key: 'other' } },
            ],
          },
        },
        { status: 400 },
      ),
    );
    await failsWith(client().getOrder(ORDER_ID), 'bad_request', { code: 9999, key: 'status', message: 'There were issues with your request: Invalid parameter' });
  });

  it('an error body that is not JSON still gives a clear error', async () => {
    answer(ORDER, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    await failsWith(client().getOrder(ORDER_ID), 'server', { status: 502, message: 'Connect answered HTTP 502.', code: undefined });
  });

  it('a 2xx body that is not JSON is invalid_response', async () => {
    answer(ORDER, () => new HttpResponse('{"id": "a3e3', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    await failsWith(client().getOrder(ORDER_ID), 'invalid_response', { status: 200 });
    answer(`${ORDER}/items`, () => HttpResponse.html('<!doctype html><p>Welcome to our shop</p>'));
    await failsWith(client().getItems(ORDER_ID), 'invalid_response');
    answer(`${ORDER}/items/9/replacement`, () => HttpResponse.text('OK'), 'put');
    await failsWith(client().putReplacementDecision(ORDER_ID, '9', 'APPROVED'), 'invalid_response');
  });

  it('an empty 2xx body is invalid_response where data is required', async () => {
    answer(ORDER, () => new HttpResponse(null, { status: 200 }));
    await failsWith(client().getOrder(ORDER_ID), 'invalid_response');
  });

  it('JSON of the wrong shape is invalid_response naming the field', async () => {
    answer(ORDER, () => HttpResponse.json({ id: ORDER_ID, creation_date: '2022-01-13T18:28:07Z', fulfillment_type: 'delivery' }));
    await failsWith(client().getOrder(ORDER_ID), 'invalid_response', { message: 'Unexpected answer from Connect: order.workflow_state is missing.' });
    answer(ORDER, () => HttpResponse.json([1, 2]));
    await failsWith(client().getOrder(ORDER_ID), 'invalid_response');
    answer(`${ORDER}/items`, () => HttpResponse.json({ items: [] }));
    await failsWith(client().getItems(ORDER_ID), 'invalid_response', { message: 'Unexpected answer from Connect: line_items is missing.' });
    answer(`${ORDER}/location`, () => HttpResponse.json([]));
    await failsWith(client().getLocation(ORDER_ID), 'invalid_response');
  });

  it('an answer equal to the last one of its path comes back as the same object, not read as JSON again', async () => {
    const reading = client();
    let items = [{ id: '1', status: 'found', item: { name: 'Milk', quantity: '1' } }];
    answer(`${ORDER}/items`, () => HttpResponse.json({ line_items: items }));
    answer(ORDER, () => HttpResponse.json({ id: ORDER_ID, creation_date: '2022-01-13T18:28:07Z', workflow_state: 'picking', fulfillment_type: 'delivery' }));
    const first = await reading.readEndpoint(ORDER_ID, 'items');
    const order = await reading.readEndpoint(ORDER_ID, 'order');
    assert.equal(await reading.readEndpoint(ORDER_ID, 'items'), first, 'same body, same object');
    assert.equal(await reading.readEndpoint(ORDER_ID, 'order'), order, 'each path remembers its own last answer');
    items = [{ ...items[0]!, status: 'to_refund' }];
    const changed = await reading.readEndpoint(ORDER_ID, 'items');
    assert.notEqual(changed, first);
    assert.deepEqual(changed, { line_items: items });
    // Another client knows nothing of this one's answers.
    assert.notEqual(await client().readEndpoint(ORDER_ID, 'items'), changed);
  });

  it('a bad part of an answer is left out and told to onDropped with its endpoint; the rest is returned', async () => {
    const dropped: [string, string][] = [];
    const reporting = client({ onDropped: (resource, message) => dropped.push([resource, message]) });
    answer(`${ORDER}/items`, () => HttpResponse.json({ line_items: [{ id: '1', status: 'found', item: { name: 'x', quantity: 'ten' } }, { id: '2' }] }));
    const items = await reporting.getItems(ORDER_ID);
    assert.deepEqual(items, [{ id: '1', status: 'found', replacementStatus: 'SUBSTITUTION_STATUS_UNSPECIFIED', certifiedDelivery: false, item: { name: 'x', costUnit: 'EACH' } }]);
    answer(`${ORDER}/handling`, () => HttpResponse.json({ ...HANDLING_JSON, address: { address_line_1: 'x', postal_code: '1' } }));
    const handling = await reporting.getHandling(ORDER_ID);
    assert.equal(handling.address, undefined);
    assert.deepEqual(handling.coordinates, HANDLING_JSON.coordinates);
    answer(`${ORDER}/location`, () => HttpResponse.json({ coordinates: { latitude: 'north', longitude: 0 } }));
    assert.equal(await reporting.getLocation(ORDER_ID), null);
    assert.deepEqual(dropped, [
      ['items', 'Unexpected answer from Connect: line_items[0].item.quantity is not a number ("ten"); line_items[0].item.quantity is left out.'],
      ['items', 'Unexpected answer from Connect: line_items[1].status is missing; line_items[1] is left out.'],
      ['handling', 'Unexpected answer from Connect: address.country_code is missing; address is left out.'],
      ['location', 'Unexpected answer from Connect: coordinates.latitude is not a number; coordinates is left out.'],
    ]);
  });

  it('an unreachable server is network', async () => {
    answer(ORDER, () => HttpResponse.error());
    const error = await failsWith(client().getOrder(ORDER_ID), 'network', { status: undefined });
    assert.ok(error.cause instanceof Error);
    assert.equal(error.retryable, true);
  });

  it('a rejected fetch never carries the token along, even when its error quotes it', async () => {
    const leaky: typeof fetch = async (_input, init) => {
      throw new TypeError(`fetch failed for ${new Headers(init?.headers).get('authorization')}`);
    };
    const error = await failsWith(client({ fetch: leaky }).getOrder(ORDER_ID), 'network');
    assert.match(String((error.cause as Error).message), /fetch failed for Bearer \[token\]/);
  });

  it('a server echoing the token in its error message does not put it in ours', async () => {
    answer(ORDER, ({ headers }) => HttpResponse.json({ error: { message: `Bad token ${headers.get('authorization')}`, code: null } }, { status: 401 }));
    await failsWith(client().getOrder(ORDER_ID), 'auth', { message: 'Bad token Bearer [token]' });
  });

  it('no token is auth, and nothing is sent', async () => {
    await failsWith(client({ getToken: async () => Promise.reject(new Error('signed out')) }).getOrder(ORDER_ID), 'auth');
    await failsWith(client({ getToken: async () => '' }).getOrder(ORDER_ID), 'auth');
    assert.equal(seen.length, 0);
  });

  it('a token that cannot be a header value is auth, without quoting it', async () => {
    const error = await failsWith(client({ getToken: async () => `${TOKEN} ${TOKEN}` }).getOrder(ORDER_ID), 'auth');
    assert.equal(error.cause, undefined);
    assert.equal(seen.length, 0);
  });

  it('spaces and line breaks around a token (a server template, a token file) are not part of it', async () => {
    answer(ORDER, () => HttpResponse.json({ id: ORDER_ID, creation_date: 'x', workflow_state: 'picking', fulfillment_type: 'delivery' }));
    await client({ getToken: async () => `\n  ${TOKEN}\r\n` }).getOrder(ORDER_ID);
    assert.equal(seen[0]?.headers.get('authorization'), `Bearer ${TOKEN}`);
  });

  it("the token source's own ApiError passes through unchanged", async () => {
    const fromSource = new ApiError({ kind: 'network', message: 'Could not reach the token URL.' });
    await assert.rejects(client({ getToken: async () => Promise.reject(fromSource) }).getOrder(ORDER_ID), (error) => error === fromSource);
  });
});

describe('ConnectClient abort and timeout', () => {
  it('a signal aborted before the call is aborted, and nothing is sent', async () => {
    let asked = false;
    const controller = new AbortController();
    controller.abort();
    await failsWith(client({ getToken: async () => ((asked = true), TOKEN) }).getOrder(ORDER_ID, { signal: controller.signal }), 'aborted');
    assert.equal(asked, false);
    assert.equal(seen.length, 0);
  });

  it('the caller aborting while the request is in flight is aborted, and the request is cancelled', async () => {
    answer(ORDER, hang);
    const controller = new AbortController();
    const pending = client().getOrder(ORDER_ID, { signal: controller.signal });
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await failsWith(pending, 'aborted');
    assert.equal(error.retryable, false);
    assert.equal(seen[0]!.signal.aborted, true);
  });

  it('the caller aborting while the token is awaited is aborted, even if getToken ignores the signal', async () => {
    const controller = new AbortController();
    let tokenSignal: AbortSignal | undefined;
    const pending = client({ getToken: ({ signal }) => ((tokenSignal = signal), new Promise<string>(() => {})) }).getOrder(ORDER_ID, { signal: controller.signal });
    controller.abort();
    await failsWith(pending, 'aborted');
    assert.equal(tokenSignal?.aborted, true);
    assert.equal(seen.length, 0);
  });

  it('a caller abort wins over a getToken that rejects because of it', async () => {
    const controller = new AbortController();
    const getToken = ({ signal }: { signal?: AbortSignal }) =>
      new Promise<string>((_, reject) => signal?.addEventListener('abort', () => reject(new Error('token fetch aborted'))));
    const pending = client({ getToken }).getOrder(ORDER_ID, { signal: controller.signal });
    controller.abort();
    await failsWith(pending, 'aborted');
  });

  it('no answer within timeoutMs is timeout (real timers, small timeout)', async () => {
    answer(ORDER, hang);
    const started = Date.now();
    await failsWith(client({ timeoutMs: 30 }).getOrder(ORDER_ID), 'timeout', { message: 'Connect did not answer within 30 ms.', status: undefined });
    assert.ok(Date.now() - started < 2000);
    assert.equal(seen[0]!.signal.aborted, true);
  });

  it('the timeout runs on the injected timers with the configured delay', async () => {
    answer(ORDER, hang);
    const timers = new ManualTimers();
    const pending = client({ timers, timeoutMs: 20_000 }).getOrder(ORDER_ID);
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [20_000]);
    timers.fireAll();
    const error = await failsWith(pending, 'timeout', { message: 'Connect did not answer within 20 s.' });
    assert.equal(error.retryable, true);
  });

  it('the default timeout is 15 s', async () => {
    const timers = new ManualTimers();
    const pending = client({ timers, getToken: () => new Promise<string>(() => {}) }).getOrder(ORDER_ID);
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [15_000]);
    timers.fireAll();
    await failsWith(pending, 'timeout');
  });

  it('a caller signal that outlives the call keeps no listener into it', async () => {
    answer(ORDER, () => HttpResponse.json(ORDER_JSON));
    const controller = new AbortController();
    await client().getOrder(ORDER_ID, { signal: controller.signal });
    // A tracker reuses one signal for many calls: a stale listener would leak every finished call's controller.
    controller.abort();
    assert.equal(seen[0]!.signal.aborted, false);
  });
});

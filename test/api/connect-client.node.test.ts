// The Connect client against HTTP answers served by MSW in Node: requests as Connect expects them, answers
// normalised, and every failure turned into one ApiError of the right kind.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import { ConnectClient } from '../../src/api/connect-client.js';
import { ApiError, type ApiErrorKind } from '../../src/api/api-error.js';

const BASE = 'https://connect.test';
const ORDER = '/v2/post_checkout/orders/a3e30880';
const server = setupServer();
const seen: Request[] = [];

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
after(() => server.close());

const client = (extra: Partial<ConstructorParameters<typeof ConnectClient>[0]> = {}) =>
  new ConnectClient({ apiBase: `${BASE}/`, getToken: async () => 'secret-token', ...extra });

function answer(path: string, response: () => Response | Promise<Response>, method: 'get' | 'put' = 'get') {
  server.use(
    http[method](`${BASE}${path}`, ({ request }) => {
      seen.push(request.clone());
      return response();
    }),
  );
}

async function failsWith(promise: Promise<unknown>, kind: ApiErrorKind, extra: Partial<ApiError> = {}) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
    assert.equal(error.kind, kind);
    for (const [key, value] of Object.entries(extra)) assert.deepEqual((error as unknown as Record<string, unknown>)[key], value, key);
    assert.ok(!error.message.includes('secret-token'), 'the token leaked into a message');
    return true;
  });
}

const ORDER_JSON = {
  id: 'a3e30880',
  creation_date: '2022-01-13T18:28:07Z',
  workflow_state: 'Brand_New',
  fulfillment_type: 'DELIVERY',
  fulfillment_details: { window_starts_at: '2022-01-13T18:28:06Z', window_ends_at: '2022-01-13T20:28:06Z' },
  something_new: { ignored: true },
};

describe('ConnectClient happy paths', () => {
  it('reads the order with a Bearer token in a header, never in the URL', async () => {
    answer(ORDER, () => HttpResponse.json(ORDER_JSON));
    const order = await client({ acceptLanguage: 'fr-CA' }).getOrder('a3e30880');
    assert.deepEqual(order, {
      id: 'a3e30880',
      creationDate: '2022-01-13T18:28:07Z',
      workflowState: 'brand_new',
      fulfillmentType: 'delivery',
      windowStartsAt: '2022-01-13T18:28:06Z',
      windowEndsAt: '2022-01-13T20:28:06Z',
    });
    const request = seen[0]!;
    assert.equal(request.headers.get('authorization'), 'Bearer secret-token');
    assert.equal(request.headers.get('accept'), 'application/json');
    assert.equal(request.headers.get('accept-language'), 'fr-CA');
    assert.ok(!request.url.includes('secret-token'));
  });

  it('reads items: statuses in any case, quantities as numbers, old-model decisions, unsafe images dropped', async () => {
    answer(`${ORDER}/items`, () =>
      HttpResponse.json({
        line_items: [
          { id: '1', line_num: '1', status: 'NOT_PICKED', replacement_status: 'SUBSTITUTION_STATUS_UNSPECIFIED', item: { name: 'Organic Bananas', image_url: 'https://example.com/b.png', quantity: '10.0', cost_unit: 'EACH' } },
          { id: '2', status: 'Found', item: { name: 'Ground beef', image_url: 'javascript:alert(1)', quantity: '1.5', cost_unit: 'lb' } },
          { id: '3', status: 'replaced', replacement_status: 'pending', item: { name: 'Oat milk', quantity: '1', cost_unit: 'EACH' }, replacement: { name: 'Almond milk', image_url: 'data:image/svg+xml,<svg/>', quantity: '1.0', cost_unit: 'EACH' } },
          { id: '4', status: 'approved', item: { name: 'Eggs', quantity: 12 } },
          { id: '5', status: 'to_refund', item: { name: 'Saffron', quantity: '1.0', cost_unit: 'EACH' } },
          { id: '6', status: 'lost_in_space', item: { name: 'Mystery', quantity: '1.0' } },
        ],
      }),
    );
    const items = await client().getItems('a3e30880');
    assert.deepEqual(items.map((i) => [i.status, i.replacementStatus]), [
      ['not_picked', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
      ['found', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
      ['replaced', 'PENDING'],
      ['replaced', 'APPROVED'],
      ['to_refund', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
      ['lost_in_space', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
    ]);
    assert.equal(items[0]!.item.quantity, 10);
    assert.equal(items[0]!.item.imageUrl, 'https://example.com/b.png');
    assert.equal(items[0]!.lineNum, '1');
    assert.deepEqual(items[1]!.item, { name: 'Ground beef', quantity: 1.5, costUnit: 'LB' });
    assert.equal(items[2]!.replacement?.name, 'Almond milk');
    assert.equal(items[3]!.item.costUnit, 'EACH');
  });

  it('reads handling with defaults for the optional fields', async () => {
    answer(`${ORDER}/handling`, () =>
      HttpResponse.json({
        address: { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
        coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
        instructions: 'Ring twice',
        alcoholic: true,
      }),
    );
    const handling = await client().getHandling('a3e30880');
    assert.equal(handling.address.addressLine1, '501 Belt Line Rd');
    assert.equal(handling.address.addressLine2, undefined);
    assert.deepEqual(handling.coordinates, { latitude: 38.6924568, longitude: -89.9785745 });
    assert.equal(handling.instructions, 'Ring twice');
    assert.equal(handling.notes, '');
    assert.equal(handling.alcoholic, true);
    assert.equal(handling.leaveUnattended, false);
  });

  it('reads the location, and an empty body or {} as no location', async () => {
    answer(`${ORDER}/location`, () => HttpResponse.json({ coordinates: { latitude: 38.7, longitude: -89.97 } }));
    assert.deepEqual(await client().getLocation('a3e30880'), { latitude: 38.7, longitude: -89.97 });
    answer(`${ORDER}/location`, () => HttpResponse.json({}));
    assert.equal(await client().getLocation('a3e30880'), null);
    answer(`${ORDER}/location`, () => new HttpResponse(null, { status: 200 }));
    assert.equal(await client().getLocation('a3e30880'), null);
  });

  it('sends the replacement decision as a PUT with a JSON body', async () => {
    answer(`${ORDER}/items/1234-abcd/replacement`, () => HttpResponse.json({}), 'put');
    await client().putReplacementDecision('a3e30880', '1234-abcd', 'REJECTED', { alternativeItem: { upc: '012345', count: 2 } });
    const request = seen[0]!;
    assert.equal(request.method, 'PUT');
    assert.equal(request.headers.get('content-type'), 'application/json');
    assert.deepEqual(await request.json(), { status: 'REJECTED', alternative_item: { upc: '012345', count: 2 } });
  });

  it('encodes ids in paths', async () => {
    answer('/v2/post_checkout/orders/a%2Fb', () => HttpResponse.json({ ...ORDER_JSON, id: 'a/b' }));
    assert.equal((await client().getOrder('a/b')).id, 'a/b');
  });
});

describe('ConnectClient failures', () => {
  const statusCases: [number, ApiErrorKind][] = [
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'timeout'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
  ];
  for (const [status, kind] of statusCases) {
    it(`HTTP ${status} is ${kind}`, async () => {
      answer(ORDER, () => HttpResponse.json({ error: { message: 'Resource not found', code: 4000 }, meta: { key: 'order_id' } }, { status }));
      await failsWith(client().getOrder('a3e30880'), kind, { status, code: 4000, key: 'order_id', message: 'Resource not found' });
    });
  }

  it('Retry-After in seconds and as a date becomes retryAfterMs', async () => {
    answer(ORDER, () => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '7' } }));
    await failsWith(client().getOrder('a3e30880'), 'rate_limited', { retryAfterMs: 7000 });
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    answer(ORDER, () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': new Date(now + 30_000).toUTCString() } }));
    const timers = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as never), now: () => now };
    await failsWith(client({ timers }).getOrder('a3e30880'), 'server', { retryAfterMs: 30_000 });
  });

  it('several errors (9999) report the first inner one', async () => {
    answer(ORDER, () =>
      HttpResponse.json(
        { error: { message: 'There were issues with your request', code: 9999, errors: [{ error: { message: 'Invalid parameter', code: 1001 }, meta: { key: 'status' } }] } },
        { status: 400 },
      ),
    );
    await failsWith(client().getOrder('a3e30880'), 'bad_request', { code: 9999, key: 'status', message: 'There were issues with your request: Invalid parameter' });
  });

  it('an error body that is not JSON still gives a clear error', async () => {
    answer(ORDER, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }));
    await failsWith(client().getOrder('a3e30880'), 'server', { status: 502, message: 'Connect answered HTTP 502.' });
  });

  it('a 2xx body that is not JSON, or JSON of the wrong shape, is invalid_response', async () => {
    answer(ORDER, () => new HttpResponse('{"id": "a3e3', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    await failsWith(client().getOrder('a3e30880'), 'invalid_response');
    answer(ORDER, () => HttpResponse.json({ id: 'a3e30880' }));
    await failsWith(client().getOrder('a3e30880'), 'invalid_response');
    answer(ORDER, () => HttpResponse.json([1, 2]));
    await failsWith(client().getOrder('a3e30880'), 'invalid_response');
    answer(`${ORDER}/items`, () => HttpResponse.json({ line_items: [{ id: '1', status: 'found', item: { name: 'x', quantity: 'ten' } }] }));
    await failsWith(client().getItems('a3e30880'), 'invalid_response');
    answer(`${ORDER}/items`, () => HttpResponse.json({ items: [] }));
    await failsWith(client().getItems('a3e30880'), 'invalid_response');
    answer(`${ORDER}/handling`, () => HttpResponse.json({ address: { address_line_1: 'x', postal_code: '1' }, coordinates: { latitude: 1, longitude: 2 } }));
    await failsWith(client().getHandling('a3e30880'), 'invalid_response');
    answer(`${ORDER}/location`, () => HttpResponse.json({ coordinates: { latitude: 'north', longitude: 0 } }));
    await failsWith(client().getLocation('a3e30880'), 'invalid_response');
  });

  it('an unreachable server is network', async () => {
    answer(ORDER, () => HttpResponse.error());
    await failsWith(client().getOrder('a3e30880'), 'network');
  });

  it('no token is auth', async () => {
    await failsWith(client({ getToken: async () => { throw new Error('signed out'); } }).getOrder('a3e30880'), 'auth');
  });

  it('the caller aborting is aborted, not an error to show', async () => {
    answer(ORDER, async () => {
      await delay('infinite');
      return HttpResponse.json(ORDER_JSON);
    });
    const controller = new AbortController();
    const pending = client().getOrder('a3e30880', { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await failsWith(pending, 'aborted');
  });

  it('no answer within the timeout is timeout', async () => {
    answer(ORDER, async () => {
      await delay('infinite');
      return HttpResponse.json(ORDER_JSON);
    });
    // Injected timers: the timeout fires at once instead of after a real wait.
    const timers = { setTimeout: (f: () => void) => setTimeout(f, 5), clearTimeout: (h: unknown) => clearTimeout(h as never) };
    await failsWith(client({ timers, timeoutMs: 20_000 }).getOrder('a3e30880'), 'timeout', { message: 'Connect did not answer within 20 s.' });
  });
});

// Seeded random requests at every route of the real Node server (fuzz-inputs.ts). Each must get a
// well-formed answer within a few seconds: any error in Connect's shape, never a 5xx unless an injected
// fault asked for one. Afterwards the server must still answer. A failure prints the seed and the request;
// SANDBOX_FUZZ_SEED=<seed> replays that run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Sandbox } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { FuzzInputs, type FuzzIds, type FuzzRequest } from './fuzz-inputs.js';
import { sendRaw, type RawAnswer } from './raw-http.js';

const SEED = Number(process.env.SANDBOX_FUZZ_SEED ?? 20261126);
const REQUESTS = 600;
/** The run stops early past this, so a slow machine still finishes in seconds. */
const BUDGET_MS = 5000;
/** No single answer may take longer: a stall (a runaway pattern, a huge body held in memory) fails. */
const REQUEST_TIMEOUT_MS = 5000;

const send = (url: string, fuzz: FuzzRequest) => sendRaw(url, { ...fuzz, timeoutMs: REQUEST_TIMEOUT_MS });

/** What to print about a request: enough to see what it was, not megabytes of it. */
function describeRequest(index: number, fuzz: FuzzRequest): string {
  const body = fuzz.body === undefined ? '(none)' : `${fuzz.body.length} bytes: ${JSON.stringify(String(fuzz.body).slice(0, 300))}`;
  return `seed ${SEED}, request #${index}: ${fuzz.method} ${fuzz.path.slice(0, 300)}\n  headers ${JSON.stringify(fuzz.headers).slice(0, 500)}\n  body ${body}`;
}

/** An error in Connect's shape (docs/connect-api.md §3), one error or several under 9999. */
function assertConnectError(value: unknown): void {
  const { error, meta } = value as { error: { message: unknown; code: unknown; errors?: unknown[] }; meta?: { key: unknown } };
  assert.equal(typeof error.message, 'string');
  assert.ok(error.code === null || typeof error.code === 'number', `code ${String(error.code)}`);
  if (meta !== undefined) assert.equal(typeof meta.key, 'string');
  if (error.code === 9999) {
    assert.ok(Array.isArray(error.errors) && error.errors.length > 1);
    error.errors.forEach(assertConnectError);
  }
}

function assertWellFormed(fuzz: FuzzRequest, answer: RawAnswer): void {
  assert.ok(answer.status >= 200 && answer.status < 500, `status ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (fuzz.method === 'HEAD' || answer.status === 204) return;
  const json = String(answer.headers['content-type'] ?? '').startsWith('application/json');
  if (answer.status >= 400) {
    assert.ok(json, `an error in ${String(answer.headers['content-type'])}`);
    assertConnectError(JSON.parse(answer.text));
  } else if (json) {
    JSON.parse(answer.text);
  }
}

/** Orders of every type, a shopper and a batch picking one of them, and tokens for both kinds of caller. */
function seedState(sandbox: Sandbox, ids: FuzzIds): void {
  const orders = (['delivery', 'pickup', 'last_mile_delivery'] as const).map((fulfillmentType) => sandbox.createOrder({ fulfillmentType }));
  const shopper = sandbox.createShopper({ email: 'fuzz@example.com', phone: '5550199000' });
  const picking = orders[0] as (typeof orders)[number];
  const batch = sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: picking.id }], workflowState: 'picking' });
  sandbox.updateItem(shopper.id, picking.id, '2', { status: 'replaced' });
  Object.assign(ids, {
    orders: orders.map((order) => order.id),
    users: orders.map((order) => order.userId),
    items: picking.lineItems.map((item) => item.id),
    lines: picking.lineItems.map((item) => item.lineNum),
    shoppers: [shopper.id],
    batches: [batch.id],
    userTokens: orders.map((order) => sandbox.userToken(order.userId).access_token),
    clientTokens: [sandbox.clientToken().access_token],
  });
}

describe('sandbox server under seeded random requests', () => {
  let server: SandboxServer;
  let sandbox: Sandbox;
  const ids: FuzzIds = { orders: [], users: [], items: [], lines: [], shoppers: [], batches: [], userTokens: [], clientTokens: [], origin: '' };

  before(async () => {
    sandbox = new Sandbox({ seed: SEED });
    server = await startSandboxServer({ port: 0, sandbox, autoplayStepMs: 5 });
    ids.origin = server.url;
    seedState(sandbox, ids);
  });

  after(() => server.close());

  it(`answers every request well-formed and in time, and stays up (seed ${SEED})`, async () => {
    const inputs = new FuzzInputs(SEED, ids);
    const started = Date.now();
    let sent = 0;
    for (; sent < REQUESTS && Date.now() - started < BUDGET_MS; sent += 1) {
      const fuzz = keepFaultsShort(inputs.next());
      const answer = await send(server.url, fuzz).catch((error: Error) => assert.fail(`${describeRequest(sent, fuzz)}\n${error.message}`));
      try {
        assertWellFormed(fuzz, answer);
      } catch (error) {
        assert.fail(`${describeRequest(sent, fuzz)}\n  answered ${answer.status} ${answer.text.slice(0, 300)}\n${(error as Error).message}`);
      }
      if (fuzz.path === '/__sandbox/reset' && answer.status === 200) seedState(sandbox, ids);
      if (fuzz.path === '/__sandbox/faults' && answer.status === 201) await probeAndClear(JSON.parse(answer.text), sent, fuzz);
    }
    console.log(`fuzz: ${sent} requests in ${Date.now() - started} ms (seed ${SEED})`);
    assert.ok(sent >= 100, `only ${sent} requests fitted in the time budget`);

    const alive = await send(server.url, { method: 'GET', path: '/__sandbox/orders', headers: {} });
    assert.equal(alive.status, 200);
    const order = sandbox.createOrder();
    const read = await send(server.url, {
      method: 'GET',
      path: `/v2/post_checkout/orders/${order.id}`,
      headers: { Authorization: `Bearer ${sandbox.userToken(order.userId).access_token}` },
    });
    assert.equal(read.status, 200, read.text);
  });

  /**
   * A fault the fuzz managed to add answers what it asks for (a 5xx, a malformed body): one request at what
   * it aims at must still be answered in time; then the faults go, so the other checks hold again.
   */
  async function probeAndClear(fault: { path?: string; endpoint?: string }, index: number, added: FuzzRequest): Promise<void> {
    const path = fault.path ?? `/v2/post_checkout/orders/${ids.orders[0]}${fault.endpoint === 'order' ? '' : `/${fault.endpoint}`}`;
    const probe = { method: 'GET', path, headers: { Authorization: `Bearer ${ids.userTokens[0]}` } };
    await send(server.url, probe).catch((error: Error) => assert.fail(`${describeRequest(index, added)}\n  its probe: ${error.message}`));
    assert.equal((await send(server.url, { method: 'DELETE', path: '/__sandbox/faults', headers: {} })).status, 200);
  }
});

/** Delays are what a fault is for; the fuzz keeps them to a few milliseconds so the run stays short. */
function keepFaultsShort(fuzz: FuzzRequest): FuzzRequest {
  if (fuzz.path !== '/__sandbox/faults' || typeof fuzz.body !== 'string') return fuzz;
  try {
    const body = JSON.parse(fuzz.body) as Record<string, unknown>;
    if (typeof body.delay_ms !== 'number' || body.delay_ms <= 5) return fuzz;
    return { ...fuzz, body: JSON.stringify({ ...body, delay_ms: 5 }) };
  } catch {
    return fuzz;
  }
}

// The demo's sandbox control panel. It creates a sandbox order, signs its customer in (a session cookie set by
// the demo server) and puts the widget on the page for it, then performs the tutorial's testing steps through
// the emulated Sandbox API (shoppers, batches, advance), plus the shopper's item updates, callbacks and an
// autoplay of the whole lifecycle. The demo server adds the Sandbox API's client-credentials token, as a
// retailer's back office would: the page itself holds no token in proxy mode. Plain JS: no build step.

const api = location.origin;
const $ = (id) => document.getElementById(id);

/** What the panel knows about the current order. The user token is kept only for the token-attribute mode. */
const demo = { orderId: '', userToken: '', type: 'delivery', shopperId: 0, batchId: 0, runnerBatchId: 0, state: '' };

function log(text, kind = '') {
  const li = document.createElement('li');
  li.textContent = text;
  if (kind) li.className = kind;
  $('log').prepend(li);
}

async function call(method, path, body) {
  const response = await fetch(api + path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { raw: text };
  }
  const summary = `${method} ${path} → ${response.status}`;
  if (!response.ok) {
    log(`${summary} ${json?.error?.message ?? ''}`, 'error');
    throw new Error(json?.error?.message ?? summary);
  }
  log(summary);
  return json;
}

function render() {
  $('fact-order').textContent = demo.orderId || '—';
  $('fact-state').textContent = demo.state || '—';
  $('fact-shopper').textContent = demo.shopperId ? String(demo.shopperId) : '—';
  $('fact-batch').textContent = demo.batchId ? String(demo.batchId) : '—';
  const lastMile = demo.type === 'last_mile_delivery';
  $('stage-order').hidden = !lastMile;
  $('runner-batch').hidden = demo.type !== 'pickup';
  // The shopper updates items only while shopping (the sandbox answers 400 otherwise, as Connect would).
  const shopping = demo.state === 'picking' || demo.state === 'verifying_replacements';
  for (const id of ['item-found', 'item-replaced', 'item-refunded']) $(id).disabled = lastMile || !shopping;
  $('generate-batch').disabled = !demo.shopperId || Boolean(demo.batchId) || (lastMile && demo.state !== 'waiting_for_delivery');
  $('stage-order').disabled = !lastMile || !['brand_new', 'staged_for_delivery'].includes(demo.state);
  $('advance-batch').disabled = !demo.batchId;
  $('runner-batch').disabled = !demo.shopperId || Boolean(demo.runnerBatchId) || demo.state !== 'staged';
}

/** The order as the emulator holds it (its dev control needs no token). */
function inspect() {
  return fetch(`${api}/__sandbox/orders/${encodeURIComponent(demo.orderId)}`, { headers: { Accept: 'application/json' } }).then((r) => r.json());
}

async function refreshState() {
  if (!demo.orderId) return;
  demo.state = (await inspect()).order?.workflow_state ?? '';
  render();
}

function mountWidget() {
  const host = $('widget');
  host.querySelector('order-tracker')?.remove();
  const tracker = document.createElement('order-tracker');
  tracker.setAttribute('order-id', demo.orderId);
  if ($('auth-mode').value === 'proxy') {
    // Production: the server kit on this server is the widget's API; it knows the customer by the session.
    tracker.setAttribute('api-base', '/instacart');
    tracker.setAttribute('proxy', '');
  } else {
    // A CMS page: the server renders a user token into the page, and the widget calls Connect with it.
    tracker.setAttribute('api-base', api);
    tracker.setAttribute('token', demo.userToken);
  }
  // The demo polls briskly so each sandbox step shows within a second or two.
  tracker.setAttribute('poll-interval', '2');
  tracker.setAttribute('locale', $('locale').value);
  host.append(tracker);
  $('widget-hint').textContent = 'This is what the customer sees. Use the controls to move the order along.';
}

async function newOrder() {
  demo.type = $('fulfillment-type').value;
  const created = await call('POST', '/__sandbox/orders', { fulfillment_type: demo.type });
  // The customer who placed it signs in: from now on the server knows them by a session cookie.
  await call('POST', '/demo/sign-in', { order_id: created.order_id });
  Object.assign(demo, {
    orderId: created.order_id,
    userToken: $('auth-mode').value === 'token' ? created.access_token : '',
    shopperId: 0,
    batchId: 0,
    runnerBatchId: 0,
  });
  log(`created a ${demo.type.replaceAll('_', ' ')} order`);
  mountWidget();
  await refreshState();
}

async function createShopper() {
  const n = Math.floor(Math.random() * 1e7);
  const shopper = await call('POST', '/v2/fulfillment_sandbox/shoppers', {
    email: `shopper${n}@example.com`,
    phone: `555${String(n).padStart(7, '0')}`,
    password: 'sandbox',
  });
  demo.shopperId = shopper.id;
  render();
}

const BATCH_TYPE = { delivery: 'delivery', pickup: 'pickup', last_mile_delivery: 'delivery_only' };

async function generateBatch() {
  const batch = await call('POST', '/v2/fulfillment_sandbox/batches', {
    batch_type: BATCH_TYPE[demo.type],
    shopper_id: demo.shopperId,
    orders: [{ id: demo.orderId }],
  });
  demo.batchId = batch.id;
  await refreshState();
}

async function runnerBatch() {
  const batch = await call('POST', '/v2/fulfillment_sandbox/batches', {
    batch_type: 'runner_customer',
    shopper_id: demo.shopperId,
    orders: [{ id: demo.orderId }],
  });
  demo.runnerBatchId = batch.id;
  demo.batchId = batch.id;
  await refreshState();
}

async function advanceBatch() {
  const batch = await call('POST', `/v2/fulfillment_sandbox/batches/${demo.batchId}/advance`);
  log(`batch is now ${batch.workflow_state}`);
  await refreshState();
}

async function stageOrder() {
  await call('POST', `/__sandbox/orders/${encodeURIComponent(demo.orderId)}/stage`);
  await refreshState();
}

async function updateNextItem(status) {
  const { line_items: items } = await inspect();
  const next = items.find((item) => item.status === 'not_picked');
  if (!next) {
    log('every item has been handled already', 'error');
    return;
  }
  // Without replacement_item the sandbox picks the catalog's usual substitute for a replaced item.
  await call('PUT', `/v2/fulfillment_sandbox/shoppers/${demo.shopperId}/orders/${encodeURIComponent(demo.orderId)}/items/${next.line_num}`, { status });
  await refreshState();
}

async function callback(eventName) {
  await call('POST', `/v2/fulfillment_sandbox/orders/${encodeURIComponent(demo.orderId)}/callbacks`, { event_name: eventName });
  await refreshState();
}

async function autoplay() {
  await call('POST', `/__sandbox/orders/${encodeURIComponent(demo.orderId)}/autoplay`, { step_ms: 2500 });
  log('autoplay started: the order walks to delivered on its own');
  const timer = setInterval(async () => {
    await refreshState();
    if (demo.state === 'delivered' || demo.state === 'canceled') clearInterval(timer);
  }, 2500);
}

function wire(id, action) {
  $(id).addEventListener('click', async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      log(String(error.message ?? error), 'error');
    } finally {
      button.disabled = false;
      render();
    }
  });
}

wire('new-order', newOrder);
wire('create-shopper', createShopper);
wire('generate-batch', generateBatch);
wire('runner-batch', runnerBatch);
wire('advance-batch', advanceBatch);
wire('stage-order', stageOrder);
wire('item-found', () => updateNextItem('found'));
wire('item-replaced', () => updateNextItem('replaced'));
wire('item-refunded', () => updateNextItem('to_refund'));
wire('autoplay', autoplay);
wire('reschedule', () => callback('rescheduled'));
wire('cancel', () => callback('canceled'));
$('fulfillment-type').addEventListener('change', () => $('new-order').click());
$('auth-mode').addEventListener('change', () => $('new-order').click());
// The widget switches language at once; the catalogue is fetched the first time it is needed.
$('locale').addEventListener('change', () => $('widget').querySelector('order-tracker')?.setAttribute('locale', $('locale').value));

// What the widget tells the page, as a retailer's analytics would see it.
for (const type of ['order-state-change', 'order-items-change', 'order-error', 'replacement-decision']) {
  document.addEventListener(type, (event) => {
    const { orderId: _id, ...detail } = event.detail;
    log(`${type} ${JSON.stringify(detail)}`, type === 'order-error' ? 'error' : 'event');
  });
}

newOrder().catch((error) => log(String(error.message ?? error), 'error'));

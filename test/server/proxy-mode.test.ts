// The production shape, for real over HTTP: the widget in Chromium in proxy mode, the server kit (mounted by
// the test server, same-origin with the page) and the emulator as Connect behind it. The customer is signed
// in by a session cookie; the page never holds a token. Time is a manual clock: the lifecycle runs in moments.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderStatusElement, OrderTrackerElement } from '../../src/index.js';
import { configureTracking, resetTrackingConfiguration } from '../../src/tracking/registry.js';
import { manualEnvironment, RequestLog, type ManualEnvironment } from '../../src/testing/index.js';
import { shadow, until } from '../helpers/dom.js';

interface Report {
  exchanges: { method: string; path: string; authorization: boolean; status: number }[];
  leaks: string[];
  mints: number;
}

const report = async (): Promise<Report> => (await fetch('/e2e/report')).json();

describe('proxy mode through the server kit', () => {
  let env: ManualEnvironment;
  let log: RequestLog;

  beforeEach(() => {
    env = manualEnvironment();
    log = new RequestLog(() => env.clock.now(), window.fetch.bind(window));
    env.clock.settleWith = () => log.idle();
    configureTracking({ env, fetch: log.fetch });
  });
  afterEach(() => resetTrackingConfiguration());

  it('follows a whole delivery with no token in the page, no Authorization header and no secret in any answer', async () => {
    await fetch('/e2e/report/reset', { method: 'POST' });
    const { orderId } = await (await fetch('/e2e/sign-in', { method: 'POST' })).json();
    const el = await fixture<OrderTrackerElement>(html`<div>
      <order-tracker order-id=${orderId} api-base="/instacart" proxy></order-tracker>
      <order-status order-id=${orderId} api-base="/instacart" proxy></order-status>
    </div>`);
    const tracker = el.querySelector('order-tracker')!;
    await env.clock.advance(0);
    const states: string[] = [];
    document.addEventListener('order-state-change', (event) => states.push(event.detail.state));
    for (let step = 0; step < 40; step += 1) {
      const { done } = await (await fetch(`/e2e/step?order=${orderId}`, { method: 'POST' })).json();
      await env.clock.advance(15_000);
      if (done) break;
    }
    await env.clock.advance(60_000);
    expect(states.at(-1)).to.equal('delivered');
    expect(states).to.include.members(['picking', 'delivering']);
    const status = await until(() => shadow(tracker).querySelector<OrderStatusElement>('order-status'), 'the status part');
    expect(shadow(status).querySelector('[part="sentence"]')?.textContent).to.match(/delivered/i);

    // What the browser sent: every call through the kit, none with a credential of its own.
    expect(log.requests.length).to.be.greaterThan(20);
    expect(log.requests.every((request) => new URL(request.path, location.href).pathname.startsWith('/instacart/v2/post_checkout/'))).to.equal(true);
    expect(log.requests.filter((request) => request.headers.has('Authorization'))).to.deep.equal([]);
    // What the kit answered: no token and no client secret, ever; one token minted for this customer.
    const { exchanges, leaks, mints } = await report();
    expect(exchanges.filter((exchange) => exchange.authorization)).to.deep.equal([]);
    expect(leaks).to.deep.equal([]);
    expect(mints).to.equal(1);
  });

  it('live: each change reaches the page as soon as Instacart’s callback reaches the kit, with no poll in between', async () => {
    // The manual clock never moves here, so no poll ever fires: what the page learns, it learns by the stream.
    let source: EventSource | undefined;
    configureTracking({ env: { ...env, openStream: (url) => (source = new EventSource(url)) }, fetch: log.fetch });
    const { orderId } = await (await fetch('/e2e/sign-in', { method: 'POST' })).json();
    // Listened for before the element is there: the first state comes with the first answer, before the first render.
    const states: string[] = [];
    const listener = (event: HTMLElementEventMap['order-state-change']) => states.push(event.detail.state);
    document.addEventListener('order-state-change', listener);
    await fixture<OrderTrackerElement>(html`<order-tracker order-id=${orderId} api-base="/instacart" proxy poll-interval="15"></order-tracker>`);
    await env.clock.advance(0);
    await until(() => source?.readyState === EventSource.OPEN, 'the live stream open');
    await until(() => states.length > 0, 'the first state');
    expect(new URL(source!.url).pathname).to.equal('/instacart/events');

    // The emulator plays the shopper step by step to the end; every new state must reach the page by the stream.
    let last = states.at(-1);
    for (let step = 0; step < 60 && last !== 'delivered'; step += 1) {
      const { workflowState } = await (await fetch(`/e2e/step?order=${orderId}`, { method: 'POST' })).json();
      if (workflowState === last) continue;
      last = workflowState;
      await until(() => states.at(-1) === workflowState, `${workflowState} on the page`, 3_000);
    }
    document.removeEventListener('order-state-change', listener);
    expect(states).to.include.members(['picking', 'checkout', 'delivering', 'delivered']);
    expect(log.requests.filter((request) => request.headers.has('Authorization'))).to.deep.equal([]);
  });

  it('without a session the kit answers 401 and the customer is asked to sign in', async () => {
    await fetch('/e2e/sign-out', { method: 'POST' });
    const el = await fixture<OrderStatusElement>(html`<order-status order-id="some-order" api-base="/instacart" proxy></order-status>`);
    await env.clock.advance(0);
    await until(() => shadow(el).querySelector('[data-condition="auth"]'), 'the sign-in banner');
  });
});

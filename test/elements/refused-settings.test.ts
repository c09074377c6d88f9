// Settings that would send the customer's token astray are refused by the element itself: a misconfiguration
// banner, one order-error and one console warning naming the setting, and not a single request. Fixing the
// setting starts the order.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderStatusElement, OrderTrackerElement } from '../../src/index.js';
import type { OrderErrorDetail } from '../../src/elements/events.js';
import { API, newOrder, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

interface Watch {
  errors: OrderErrorDetail[];
  warnings: string[];
  /** Every URL fetch was asked for (the client and the token source both use the page's fetch). */
  fetched: string[];
  stop(): void;
}

function watch(): Watch {
  const errors: OrderErrorDetail[] = [];
  const warnings: string[] = [];
  const fetched: string[] = [];
  const onError = (event: Event) => errors.push((event as CustomEvent<OrderErrorDetail>).detail);
  const { fetch, console: { warn } } = window;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    fetched.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  document.addEventListener('order-error', onError);
  return {
    errors,
    warnings,
    fetched,
    stop() {
      window.fetch = fetch;
      console.warn = warn;
      document.removeEventListener('order-error', onError);
    },
  };
}

/** Lets every pending update, microtask and timer of this turn run, so a request that was going to start has. */
async function settled(el: Element): Promise<void> {
  await (el as OrderStatusElement).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await (el as OrderStatusElement).updateComplete;
}

describe('refused settings', () => {
  before(() => startConnectStandIn());

  const cases: { setting: string; attributes: (orderId: string) => Record<string, string>; message: RegExp }[] = [
    { setting: 'an http: api-base off localhost', attributes: (id) => ({ 'order-id': id, 'api-base': 'http://connect.test', token: TOKEN }), message: /api-base must be an https: URL/ },
    { setting: 'an order-id of ".."', attributes: () => ({ 'order-id': '..', 'api-base': API, token: TOKEN }), message: /order-id must be one Connect order id/ },
    { setting: 'an order-id with a slash', attributes: (id) => ({ 'order-id': `${id}/../..`, 'api-base': API, token: TOKEN }), message: /order-id must be one Connect order id/ },
    { setting: 'a cross-origin token-url', attributes: (id) => ({ 'order-id': id, 'api-base': API, 'token-url': 'https://evil.example/token' }), message: /token-url must be on the page's own origin/ },
  ];

  for (const { setting, attributes, message } of cases) {
    it(`${setting}: a misconfiguration named once, and no request`, async () => {
      const order = newOrder();
      const seen = watch();
      const el = document.createElement('order-status');
      try {
        for (const [name, value] of Object.entries(attributes(order.id))) el.setAttribute(name, value);
        document.body.append(el);
        await until(() => shadow(el).querySelector('[data-condition="misconfigured"]'), 'the misconfiguration banner');
        await settled(el);
        el.pollInterval = 2; // any later update checks again, and must not report again
        await settled(el);
      } finally {
        seen.stop();
        el.remove();
      }
      expect(text(shadow(el).querySelector('[part="banner"]'))).to.include('not set up');
      expect(seen.errors.map((e) => [e.kind, e.resource, e.status])).to.deep.equal([['misconfigured', 'order', null]]);
      expect(seen.errors[0]!.message).to.match(message);
      expect(seen.errors[0]!.message).to.not.include(TOKEN);
      expect(seen.warnings.filter((w) => message.test(w))).to.have.length(1);
      expect(seen.fetched, 'requests made').to.deep.equal([]);
    });
  }

  it('fixing the refused setting starts the order', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const seen = watch();
    try {
      const el = await fixture<OrderStatusElement>(html`<order-status order-id=${order.id} api-base="http://connect.test" token=${TOKEN}></order-status>`);
      await until(() => shadow(el).querySelector('[data-condition="misconfigured"]'), 'the misconfiguration banner');
      el.apiBase = API;
      await until(() => text(shadow(el).querySelector('[part="sentence"]')).length > 0, 'the order once api-base is fixed');
      expect(shadow(el).querySelector('[part="banner"]')).to.equal(null);

      const other = await fixture<OrderStatusElement>(html`<order-status order-id=${order.id} api-base=${API} token-url="https://evil.example/t"></order-status>`);
      await until(() => shadow(other).querySelector('[data-condition="misconfigured"]'), 'the misconfiguration banner');
      other.removeAttribute('token-url');
      other.token = TOKEN;
      await until(() => text(shadow(other).querySelector('[part="sentence"]')).length > 0, 'the order once the token-url is dropped');
    } finally {
      seen.stop();
    }
    expect(seen.fetched.every((url) => url.startsWith(API)), seen.fetched.join('\n')).to.equal(true);
  });

  it('<order-tracker> with a refused setting shows one banner and no parts', async () => {
    const order = newOrder();
    const seen = watch();
    try {
      const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base="http://connect.test" token=${TOKEN}></order-tracker>`);
      await until(() => shadow(el).querySelector('[data-condition="misconfigured"]'), 'the misconfiguration banner');
      await settled(el);
      expect(shadow(el).querySelector('order-status, order-items, shopper-map')).to.equal(null);
    } finally {
      seen.stop();
    }
    expect(seen.errors).to.have.length(1);
    expect(seen.fetched).to.deep.equal([]);
  });
});

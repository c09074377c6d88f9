// An honest start: frameworks that set properties just after connecting see no error and no warning; a page
// that never says which order or how to sign in is told so as a misconfiguration, never "session expired";
// objects a framework wrote as attribute strings are ignored with one warning.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderStatusElement, OrderTrackerElement } from '../../src/index.js';
import type { OrderErrorDetail } from '../../src/elements/events.js';
import { API, newOrder, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

/** Collects order-error events and console warnings while `run` runs. */
async function watching(run: () => Promise<void>): Promise<{ errors: OrderErrorDetail[]; warnings: string[] }> {
  const errors: OrderErrorDetail[] = [];
  const warnings: string[] = [];
  const onError = (event: Event) => errors.push((event as CustomEvent<OrderErrorDetail>).detail);
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  document.addEventListener('order-error', onError);
  try {
    await run();
  } finally {
    console.warn = warn;
    document.removeEventListener('order-error', onError);
  }
  return { errors, warnings };
}

describe('an honest start', () => {
  before(() => startConnectStandIn());

  it('order-id and token set as properties right after connecting (as Angular and @lit/react do): no error, no warning', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const { errors, warnings } = await watching(async () => {
      const el = document.createElement('order-tracker');
      el.apiBase = API;
      document.body.append(el);
      // The framework's binding pass, after the element is in the page.
      el.orderId = order.id;
      el.tokenProvider = async () => TOKEN;
      try {
        const status = await until(() => shadow(el).querySelector('order-status'), 'order-status');
        await until(() => text(shadow(status).querySelector('[part="sentence"]')).length > 0, 'the state sentence');
      } finally {
        el.remove();
      }
    });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('no way to sign in is a misconfiguration with its own message, not an expired session; a token then starts it', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    let el!: OrderStatusElement;
    const { errors, warnings } = await watching(async () => {
      el = await fixture<OrderStatusElement>(html`<order-status order-id=${order.id} api-base=${API}></order-status>`);
      await until(() => shadow(el).querySelector('[data-condition="misconfigured"]'), 'misconfigured banner');
    });
    expect(text(shadow(el).querySelector('[part="banner"]'))).to.not.match(/session|sign in/i);
    expect(errors.map((e) => [e.kind, e.resource])).to.deep.equal([['misconfigured', 'order']]);
    expect(errors[0]?.message).to.match(/token-url|tokenProvider|proxy/);
    expect(warnings, warnings.join('\n')).to.have.length(1);
    el.token = TOKEN;
    await until(() => text(shadow(el).querySelector('[part="sentence"]')).length > 0, 'the order after a token is given');
    expect(shadow(el).querySelector('[data-condition="misconfigured"]')).to.equal(null);
  });

  it('objects written as attribute strings (React 18) are ignored, with one warning for the page', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const { warnings } = await watching(async () => {
      const a = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} messages="[object Object]"></order-tracker>`);
      const b = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} messages="[object Object]"></order-tracker>`);
      expect(a.messages ?? null).to.equal(null);
      expect(b.messages ?? null).to.equal(null);
    });
    expect(warnings.filter((w) => w.includes('attribute: set it as a property'))).to.have.length(1);
  });
});

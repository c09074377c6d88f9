import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderTrackerElement } from '../../src/index.js';
import { API, newOrder, product, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

describe('<order-tracker>', () => {
  before(() => startConnectStandIn());

  it('shows status, items and map of a delivery, passing every setting down', async () => {
    const order = newOrder({
      workflow_state: 'delivering',
      location: { latitude: 38.7, longitude: -89.98 },
      items: [{ id: 'a', status: 'found', item: product('Apples') }],
    });
    const provider = async () => TOKEN;
    const el = await fixture<OrderTrackerElement>(html`<order-tracker
      order-id=${order.id}
      api-base=${API}
      token=${TOKEN}
      poll-interval="3600"
      locale="en-CA"
      time-zone="America/Toronto"
      tile-url=""
      attribution="Test tiles"
      .tokenProvider=${provider}
    ></order-tracker>`);
    const root = shadow(el);
    const status = await until(() => root.querySelector('order-status'), 'order-status');
    // The items join once the status has painted its sentence.
    const items = await until(() => root.querySelector('order-items'), 'order-items');
    const map = await until(() => root.querySelector('shopper-map'), 'shopper-map');
    for (const child of [status, items, map]) {
      expect(child.orderId).to.equal(order.id);
      expect(child.apiBase).to.equal(API);
      expect(child.token).to.equal(TOKEN);
      expect(child.tokenProvider).to.equal(provider);
      expect(child.pollInterval).to.equal(3600);
      expect(child.locale).to.equal('en-CA');
      expect(child.timeZone).to.equal('America/Toronto');
      expect(child.hideBanner).to.equal(true);
    }
    expect(map.tileUrl).to.equal('');
    expect(map.attribution).to.equal('Test tiles');
    await until(() => shadow(status).querySelector('[aria-current="step"]'), 'stepper');
    await until(() => shadow(items).querySelector('[data-item-id="a"]'), 'items');
    await until(() => shadow(map).querySelectorAll('.leaflet-marker-icon').length === 2, 'map markers');
    expect(text(shadow(map).querySelector('[data-text-alternative]'))).to.match(/^Your shopper is [\d.]+ (m|km) away/);
  });

  it('passes every setting its parts declare, so a new attribute needs no binding of its own', async () => {
    const order = newOrder({ workflow_state: 'brand_new' });
    const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN}></order-tracker>`);
    const root = shadow(el);
    const status = await until(() => root.querySelector('order-status'), 'order-status');
    // The items join once the status has painted its sentence.
    const items = await until(() => root.querySelector('order-items'), 'order-items');
    const declared = (part: Element) => (part.constructor as typeof OrderTrackerElement).elementProperties;
    const settings = [...declared(el).keys()].filter((key) => key !== 'hideBanner' && declared(status).has(key));
    expect(settings).to.include.members(['orderId', 'apiBase', 'token', 'tokenUrl', 'tokenProvider', 'pollInterval', 'locale', 'timeZone', 'messages']);
    for (const part of [status, items]) {
      for (const key of settings) expect((part as unknown as Record<PropertyKey, unknown>)[key], String(key)).to.equal((el as unknown as Record<PropertyKey, unknown>)[key]);
    }
    el.locale = 'es';
    await el.updateComplete;
    expect(status.locale).to.equal('es');
    expect(items.locale).to.equal('es');
  });

  it('lets the parts’ events reach the page', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [{ id: 'a', status: 'found', item: product('Apples') }] });
    const seen: string[] = [];
    const listener = (event: Event) => seen.push(event.type);
    const types = ['order-state-change', 'order-items-change'] as const;
    for (const type of types) document.addEventListener(type, listener);
    try {
      await fixture(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-tracker>`);
      await until(() => types.every((type) => seen.includes(type)), 'events at the document');
      expect(seen.filter((type) => type === 'order-state-change').length).to.equal(1);
    } finally {
      for (const type of types) document.removeEventListener(type, listener);
    }
  });

  it('leaves the map out of pickup orders', async () => {
    const order = newOrder({ fulfillment_type: 'pickup', workflow_state: 'ready_for_pickup' });
    const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-tracker>`);
    const root = shadow(el);
    await until(() => shadow(root.querySelector('order-status')!).querySelector('[aria-current="step"]'), 'status');
    await until(() => root.querySelector('order-items'), 'the other parts, once the sentence is painted');
    expect(root.querySelector('shopper-map')).to.equal(null);
    expect(root.querySelector('.layout')?.hasAttribute('data-map')).to.equal(false);
  });

  it('shows one banner for the whole order, above the parts', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="1"></order-tracker>`);
    const root = shadow(el);
    await until(() => shadow(root.querySelector('order-status')!).querySelector('.sentence'), 'status');
    order.failing.order = 500;
    await until(() => root.querySelector('[data-condition="reconnecting"]'), 'banner');
    for (const part of root.querySelectorAll('order-status, order-items, shopper-map')) {
      expect(shadow(part).querySelector('.banner'), part.localName).to.equal(null);
    }
  });

  it('without an order-id shows one visible error and dispatches one order-error', async () => {
    const errors: unknown[] = [];
    const listener = (event: Event) => errors.push((event as CustomEvent).detail);
    document.addEventListener('order-error', listener);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<OrderTrackerElement>(html`<order-tracker token=${TOKEN}></order-tracker>`);
      const root = shadow(el);
      const banner = await until(() => root.querySelector('[part="banner"]'), 'banner');
      expect(text(banner)).to.equal('This order cannot be shown here: the page is not set up to show it. Please contact the store.');
      expect(root.querySelector('order-status')).to.equal(null);
      expect(errors).to.deep.equal([{ orderId: '', resource: 'order', kind: 'misconfigured', status: null, message: '<order-tracker> needs an order-id attribute.' }]);
    } finally {
      console.warn = warn;
      document.removeEventListener('order-error', listener);
    }
  });

  it('lays the parts out side by side when wide and stacked when narrow', async () => {
    const order = newOrder({ workflow_state: 'delivering', items: [{ id: 'a', status: 'found', item: product('Apples') }] });
    const el = await fixture<OrderTrackerElement>(html`<order-tracker
      order-id=${order.id}
      api-base=${API}
      token=${TOKEN}
      poll-interval="3600"
      tile-url=""
      style="width: 1000px"
    ></order-tracker>`);
    const root = shadow(el);
    const map = await until(() => root.querySelector('shopper-map'), 'map');
    const status = root.querySelector('order-status')!;
    expect(map.getBoundingClientRect().left).to.be.greaterThan(status.getBoundingClientRect().right - 1);
    el.style.width = '360px';
    await until(() => map.getBoundingClientRect().top >= status.getBoundingClientRect().bottom - 1, 'stacked');
  });
});

// Bad parts of Connect's answers cost only themselves on screen: the rest stays, the page hears of each bad
// field once as an invalid_response order-error naming it, and text cannot reorder what is around it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderItemsElement, OrderStatusElement, OrderTrackerElement } from '../../src/index.js';
import type { OrderErrorDetail } from '../../src/elements/events.js';
import { API, newOrder, product, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';
import type { RawHandling } from '../../src/sandbox/index.js';

function collectErrors(): { errors: OrderErrorDetail[]; stop(): void } {
  const errors: OrderErrorDetail[] = [];
  const listener = (event: Event) => errors.push((event as CustomEvent<OrderErrorDetail>).detail);
  document.addEventListener('order-error', listener);
  return { errors, stop: () => document.removeEventListener('order-error', listener) };
}

const ADDRESS = { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' };

describe('hostile data', () => {
  before(() => startConnectStandIn());

  for (const [label, coordinates] of [
    ['as strings', { latitude: '38.69', longitude: '-89.97' }],
    ['as 1e308', { latitude: 1e308, longitude: -89.97 }],
  ] as const) {
    it(`coordinates ${label}: the address and notes stay, the map goes, and the page hears which field`, async () => {
      const handling = { address: ADDRESS, coordinates, instructions: '', notes: 'Blue door' } as unknown as RawHandling;
      const order = newOrder({ workflow_state: 'delivering', handling, location: { latitude: 38.7, longitude: -89.98 } });
      const seen = collectErrors();
      try {
        const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></order-tracker>`);
        const status = await until(() => shadow(el).querySelector<OrderStatusElement>('order-status'), 'order-status');
        await until(() => shadow(status).querySelector('[data-detail="address"]'), 'the address');
        expect(text(shadow(status).querySelector('[data-detail="address"]'))).to.include('501 Belt Line Rd');
        expect(text(shadow(status).querySelector('[data-detail="notes"]'))).to.include('Blue door');
        await until(() => shadow(el).querySelector('order-items'), 'the other parts, once the sentence is painted');
        expect(shadow(el).querySelector('shopper-map'), 'no map without coordinates').to.equal(null);
        expect(shadow(el).querySelector('[part="banner"]'), 'nothing to reconnect to').to.equal(null);
        await until(() => seen.errors.length > 0, 'order-error');
      } finally {
        seen.stop();
      }
      expect(seen.errors.map((e) => [e.resource, e.kind, e.status])).to.deep.equal([['handling', 'invalid_response', null]]);
      expect(seen.errors[0]!.message).to.match(/coordinates\.latitude is (not a number|out of range); coordinates is left out\./);
    });
  }

  it('one item with a quantity of "0x10" is shown without a quantity; the list stays; an order-error names the field', async () => {
    const order = newOrder({
      items: [
        { id: 'a', status: 'found', item: product('Apples') },
        { id: 'b', status: 'found', item: product('Bread', { quantity: '0x10' }) },
        { id: 'c', status: 'not_picked', item: product('Cheese', { quantity: '2.0' }) },
      ],
    });
    const seen = collectErrors();
    let el!: OrderItemsElement;
    try {
      el = await fixture<OrderItemsElement>(html`<order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-items>`);
      await until(() => shadow(el).querySelectorAll('[part~="row"]').length === 3 && seen.errors.length > 0, 'three rows and the error');
    } finally {
      seen.stop();
    }
    const row = (id: string) => shadow(el).querySelector(`[data-item-id="${id}"]`)!;
    expect(text(row('b').querySelector('[part="name"]'))).to.equal('Bread');
    expect(row('b').querySelector('[part="quantity"]'), 'no quantity for b').to.equal(null);
    expect(text(row('c').querySelector('[part="quantity"]'))).to.include('2');
    expect(seen.errors.map((e) => [e.resource, e.kind])).to.deep.equal([['items', 'invalid_response']]);
    expect(seen.errors[0]!.message).to.include('line_items[1].item.quantity');
  });

  it('an item without a name is left out and the others shown', async () => {
    const order = newOrder({
      items: [
        { id: 'a', status: 'found', item: product('Apples') },
        { id: 'b', status: 'found', item: product('') },
      ],
    });
    const seen = collectErrors();
    try {
      const el = await fixture<OrderItemsElement>(html`<order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-items>`);
      await until(() => shadow(el).querySelector('[data-item-id="a"]'), 'the good row');
      expect(shadow(el).querySelector('[data-item-id="b"]')).to.equal(null);
      await until(() => seen.errors.length > 0, 'order-error');
    } finally {
      seen.stop();
    }
    expect(seen.errors[0]!.message).to.equal('Unexpected answer from Connect: line_items[1].item.name is empty; line_items[1] is left out.');
  });

  it('dates that are not dates leave no empty labels', async () => {
    const order = newOrder({ creation_date: 'yesterday', window_starts_at: 'soon', window_ends_at: 'later' });
    const el = await fixture<OrderStatusElement>(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>`);
    await until(() => text(shadow(el).querySelector('[part="sentence"]')).length > 0, 'the order');
    const facts = [...shadow(el).querySelectorAll('[part="facts"] dd')].map((dd) => [dd.getAttribute('data-fact'), text(dd)]);
    expect(facts).to.deep.equal([['type', 'Delivery']]);
  });

  it('a right-to-left override in a name stays inside the name: the row reads in order', async () => {
    const order = newOrder({ items: [{ id: 'a', status: 'found', item: product('Milk \u202e2% (1 gal)', { quantity: '3.0' }) }] });
    const el = await fixture<OrderItemsElement>(html`<order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US"></order-items>`);
    const row = await until(() => shadow(el).querySelector('[data-item-id="a"]'), 'the row');
    const name = row.querySelector('[part="name"]')!;
    expect(name.textContent).to.equal('Milk 2% (1 gal)');
    // Laid out left to right: "Milk" starts before "gal)" ends, as written (once the browser has laid the
    // row out: rows start skipped, content-visibility decides in the next frame that it is on screen).
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const range = document.createRange();
    const node = [...name.childNodes].find((child) => child.nodeType === Node.TEXT_NODE)!;
    range.setStart(node, 0);
    range.setEnd(node, 4);
    const milk = range.getBoundingClientRect().left;
    range.setStart(node, node.textContent!.length - 4);
    range.setEnd(node, node.textContent!.length);
    expect(milk).to.be.below(range.getBoundingClientRect().left);
  });
});

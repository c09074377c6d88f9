// Accessibility of every element in the order's main states, light and dark, checked with axe
// (chai-a11y-axe through @open-wc/testing): what a screen reader or keyboard user meets.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { API, newOrder, product, startConnectStandIn, TOKEN, type ScriptedOrder } from '../helpers/browser-stand-in.js';
import { shadow, until } from '../helpers/dom.js';

const STATES: Record<string, Partial<ScriptedOrder>> = {
  placed: { workflow_state: 'brand_new', items: [{ id: 'a', status: 'not_picked', item: product('Organic Bananas') }] },
  'shopping, a replacement pending': {
    workflow_state: 'picking',
    items: [
      { id: 'a', status: 'found', item: product('Organic Bananas') },
      { id: 'b', status: 'replaced', replacement_status: 'PENDING', item: product('Oat milk'), replacement: product('Almond milk') },
      { id: 'c', status: 'to_refund', item: product('Saffron') },
      { id: 'd', status: 'not_picked', item: product('Sourdough Bread') },
    ],
  },
  'on the way': {
    workflow_state: 'delivering',
    location: { latitude: 38.7, longitude: -89.97 },
    items: [{ id: 'a', status: 'found', item: product('Organic Bananas') }],
  },
  delivered: { workflow_state: 'delivered', items: [{ id: 'a', status: 'found', item: product('Organic Bananas') }] },
  canceled: { workflow_state: 'canceled', items: [{ id: 'a', status: 'not_picked', item: product('Organic Bananas') }] },
};

describe('accessibility (axe)', () => {
  before(() => startConnectStandIn());
  after(() => emulateMedia({ colorScheme: 'light' }));

  for (const scheme of ['light', 'dark'] as const) {
    describe(`${scheme} mode`, () => {
      before(() => emulateMedia({ colorScheme: scheme }));

      for (const [name, overrides] of Object.entries(STATES)) {
        it(`<order-tracker> ${name}`, async () => {
          const order = newOrder(overrides);
          const el = await fixture(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></order-tracker>`);
          const status = await until(() => shadow(el).querySelector('order-status'), 'order-status');
          await until(() => shadow(status).querySelector('[part~="stepper"], [part~="notice"]'), 'the stepper or a notice');
          await until(() => shadow(el).querySelector('order-items')?.shadowRoot?.querySelector('[part~="list"], [part~="note"]'), 'the item lists');
          await expect(el).to.be.accessible();
        });
      }

      it('<order-status>, <order-items> and <shopper-map> on their own', async () => {
        const order = newOrder(STATES['on the way']);
        const el = await fixture(html`<main>
          <order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>
          <order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-items>
          <shopper-map order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></shopper-map>
        </main>`);
        await until(() => shadow(el.querySelector('order-items')!).querySelector('[part~="list"]'), 'the item lists');
        await until(() => shadow(el.querySelector('shopper-map')!).querySelector('.leaflet-marker-icon'), 'the map markers');
        await expect(el).to.be.accessible();
      });

      it('a missing order-id: the error is accessible too', async () => {
        const el = await fixture(html`<order-tracker></order-tracker>`);
        await until(() => shadow(el).querySelector('[part~="banner"]'), 'the banner');
        await expect(el).to.be.accessible();
      });
    });
  }
});

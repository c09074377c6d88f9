// The first render draws what the customer came for. It waits for the order's first answer (at most 200 ms):
// an answer that comes quickly is drawn at once, with no placeholders flashing before it; a slow one gets the
// placeholders after that wait, then the order. The answers come from the Connect stand-in, held back or
// handed over at once by the fetch the tracker is given.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { OrderStatusElement } from '../../src/index.js';
import { configureTracking, resetTrackingConfiguration } from '../../src/tracking/registry.js';
import { API, newOrder, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

/** Each render of every <order-status>, and whether it had the order to draw. */
let renders: [Element, boolean][] = [];
/** Whether each render of the <order-status> in `root` had the order, first to last. */
const rendersOf = (root: Element) => renders.filter(([el]) => el === root || el.getRootNode() === shadow(root)).map(([, hadOrder]) => hadOrder);
const proto = OrderStatusElement.prototype as unknown as { render(): unknown; snapshot: { order?: unknown } };
const originalRender = proto.render;

/** Connect's answers, read once through the stand-in, then handed over from memory the moment they are asked. */
async function answersFromMemory(orderId: string): Promise<typeof fetch> {
  const bodies = new Map<string, string>();
  for (const path of ['', '/items', '/handling', '/location']) {
    const url = `${API}/v2/post_checkout/orders/${orderId}${path}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    bodies.set(url, await response.text());
  }
  return async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    return new Response(bodies.get(url) ?? '{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}

const sentence = (el: Element) => text(shadow(el).querySelector('[part="sentence"]'));

describe('first render', () => {
  before(() => startConnectStandIn());
  beforeEach(() => {
    renders = [];
    proto.render = function (this: typeof proto) {
      renders.push([this as unknown as Element, this.snapshot.order !== undefined]);
      return originalRender.call(this);
    };
  });
  afterEach(() => {
    proto.render = originalRender;
    resetTrackingConfiguration();
  });

  it('draws the order in its very first render when the answer comes at once: no placeholders flash before it', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    configureTracking({ fetch: await answersFromMemory(order.id) });
    const el = await fixture(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US"></order-status>`);
    await until(() => sentence(el), 'the sentence');
    expect(sentence(el)).to.equal('Your shopper is picking your items.');
    expect(rendersOf(el)[0], 'the first render had the order').to.equal(true);
  });

  it('inside <order-tracker> too: the status part draws the order first', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    configureTracking({ fetch: await answersFromMemory(order.id) });
    const tracker = await fixture(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US"></order-tracker>`);
    await until(() => shadow(tracker).querySelector('order-status') && sentence(shadow(tracker).querySelector('order-status')!), 'the sentence');
    expect(rendersOf(tracker)[0], 'the first render had the order').to.equal(true);
  });

  it('the status card draws its text in three sizes and weights: each new one costs a font setup before the sentence', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    configureTracking({ fetch: await answersFromMemory(order.id) });
    const el = await fixture(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US"></order-status>`);
    await until(() => sentence(el), 'the sentence');
    const fonts = new Set<string>();
    const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement?.checkVisibility()) continue;
      const style = getComputedStyle(node.parentElement);
      fonts.add(`${style.fontSize} ${style.fontWeight}`);
    }
    expect([...fonts].length, [...fonts].join(', ')).to.be.at.most(3);
  });

  it('a slow answer: placeholders after a short wait, then the order', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const fromMemory = await answersFromMemory(order.id);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    configureTracking({ fetch: async (input, init) => (await released, fromMemory(input, init)) });
    const el = await fixture(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US"></order-status>`);
    await until(() => shadow(el).querySelector('[part="sentence"] .skeleton'), 'the sentence placeholder');
    expect(shadow(el).querySelector('section')?.getAttribute('aria-busy')).to.equal('true');
    expect(rendersOf(el)[0], 'the first render had no order').to.equal(false);
    release();
    await until(() => sentence(el) === 'Your shopper is picking your items.', 'the sentence');
  });
});

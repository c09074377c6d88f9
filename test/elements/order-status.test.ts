import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderStatusElement } from '../../src/index.js';
import { API, newOrder, startConnectStandIn, TOKEN, type ScriptedOrder } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

async function mount(order: ScriptedOrder, pollInterval = 3600): Promise<OrderStatusElement> {
  const el = await fixture<OrderStatusElement>(html`<order-status
    order-id=${order.id}
    api-base=${API}
    token=${TOKEN}
    poll-interval=${pollInterval}
    locale="en-US"
    time-zone="America/Chicago"
  ></order-status>`);
  return el;
}

async function loaded(el: OrderStatusElement): Promise<ShadowRoot> {
  const root = shadow(el);
  // The sentence comes first, the handling and the times follow it: loaded once no placeholder is left.
  await until(() => root.querySelector('.facts') && root.querySelector('.handling') && !root.querySelector('.skeleton'), 'order and handling rendered');
  return root;
}

describe('<order-status>', () => {
  before(() => startConnectStandIn());

  it('shows the type, when placed, the window in the time zone, a stepper and a sentence', async () => {
    const el = await mount(newOrder({ workflow_state: 'picking' }));
    const root = await loaded(el);
    expect(text(root.querySelector('[data-fact="type"]'))).to.equal('Delivery');
    // 16:00–18:00 UTC is 10:00 AM – 12:00 PM in Chicago in November.
    const window = text(root.querySelector('[data-fact="window"]'));
    expect(window).to.match(/10:00\s?AM\s?–\s?12:00\s?PM/);
    expect(root.querySelector('[data-fact="placed"] time')?.getAttribute('datetime')).to.equal('2026-11-26T15:00:00Z');
    const stepper = root.querySelector('ol[part~="stepper"]')!;
    expect([...stepper.querySelectorAll('li')].map((li) => li.dataset.step)).to.deep.equal([
      'placed',
      'shopping',
      'checking_out',
      'on_the_way',
      'delivered',
    ]);
    const current = stepper.querySelectorAll('[aria-current="step"]');
    expect(current.length).to.equal(1);
    expect((current[0] as HTMLElement).dataset.step).to.equal('shopping');
    expect(text(root.querySelector('.sentence'))).to.equal('Your shopper is picking your items.');
    await expect(el).shadowDom.to.be.accessible();
  });

  const cases: [string, string, string, RegExp][] = [
    ['delivery', 'brand_new', 'placed', /finding a shopper/],
    ['delivery', 'acknowledged', 'placed', /accepted your order/],
    ['delivery', 'verifying_replacements', 'shopping', /replacements/],
    ['delivery', 'bags_check', 'checking_out', /checking your bags/],
    ['delivery', 'staged', 'checking_out', /waiting for a driver/],
    ['delivery', 'delivering', 'on_the_way', /on the way/],
    ['delivery', 'delivered', 'delivered', /was delivered/],
    ['pickup', 'staged', 'checking_out', /set aside for pickup/],
    ['pickup', 'ready_for_pickup', 'ready_for_pickup', /ready for pickup/],
    ['pickup', 'user_at_store', 'ready_for_pickup', /knows you are here/],
    ['pickup', 'runner_acknowledged', 'ready_for_pickup', /bringing your order out/],
    ['pickup', 'delivered', 'picked_up', /picked up your order/],
    ['last_mile_delivery', 'brand_new', 'placed', /store will pack/],
    ['last_mile_delivery', 'staged_for_delivery', 'placed', /packing your order/],
    ['last_mile_delivery', 'at_store', 'at_store', /at the store/],
    ['last_mile_delivery', 'delivering', 'on_the_way', /driver is on the way/],
  ];
  for (const [type, state, step, sentence] of cases) {
    it(`${type} ${state}: step ${step} and its sentence`, async () => {
      const root = await loaded(await mount(newOrder({ fulfillment_type: type, workflow_state: state })));
      expect((root.querySelector('[aria-current="step"]') as HTMLElement | null)?.dataset.step).to.equal(step);
      expect(text(root.querySelector('.sentence'))).to.match(sentence);
    });
  }

  it('pickup and last mile orders have their own steps and window label', async () => {
    const pickup = await loaded(await mount(newOrder({ fulfillment_type: 'pickup', workflow_state: 'picking' })));
    expect([...pickup.querySelectorAll('.step')].map((li) => (li as HTMLElement).dataset.step)).to.deep.equal([
      'placed',
      'shopping',
      'checking_out',
      'ready_for_pickup',
      'picked_up',
    ]);
    expect(text(pickup.querySelector('.facts'))).to.contain('Pickup window');
    const lastMile = await loaded(await mount(newOrder({ fulfillment_type: 'last_mile_delivery', workflow_state: 'at_store' })));
    expect([...lastMile.querySelectorAll('.step')].map((li) => (li as HTMLElement).dataset.step)).to.deep.equal([
      'placed',
      'at_store',
      'on_the_way',
      'delivered',
    ]);
  });

  it('after delivery, sums up what came of the shopping list', async () => {
    const item = (id: string, status: string) => ({ id, status, item: { name: id, quantity: '1', cost_unit: 'EACH' } });
    const order = newOrder({
      workflow_state: 'delivered',
      items: [item('a', 'found'), item('b', 'found'), item('c', 'replaced'), item('d', 'to_refund')],
    });
    const root = await loaded(await mount(order));
    const summary = await until(() => root.querySelector('[part~="summary"]'), 'the summary');
    expect(text(summary)).to.equal('4 items · Found 2 · Replaced 1 · Refunded 1');
    const shopping = await loaded(await mount(newOrder({ workflow_state: 'picking', items: [item('a', 'found')] })));
    expect(shopping.querySelector('[part~="summary"]'), 'no summary before delivery').to.equal(null);
  });

  it('shows a canceled order as a notice without a stepper', async () => {
    const root = await loaded(await mount(newOrder({ workflow_state: 'canceled' })));
    expect(root.querySelector('.notice')?.getAttribute('data-kind')).to.equal('canceled');
    expect(text(root.querySelector('.notice'))).to.equal('Canceled');
    expect(text(root.querySelector('.sentence'))).to.equal('This order was canceled.');
    expect(root.querySelector('.stepper')).to.equal(null);
  });

  it('shows rescheduled and unknown states as notices, with no current step', async () => {
    const rescheduled = await loaded(await mount(newOrder({ workflow_state: 'rescheduled' })));
    expect(rescheduled.querySelector('.notice')?.getAttribute('data-kind')).to.equal('rescheduled');
    expect(text(rescheduled.querySelector('.sentence'))).to.match(/rescheduled/);
    expect(rescheduled.querySelector('[aria-current]')).to.equal(null);

    const unknown = await loaded(await mount(newOrder({ workflow_state: 'teleporting' })));
    expect(unknown.querySelector('.notice')?.getAttribute('data-kind')).to.equal('unknown');
    expect(text(unknown.querySelector('.notice'))).to.equal('In progress');
    expect(unknown.querySelector('.stepper')).not.to.equal(null);
    expect(unknown.querySelector('[aria-current]')).to.equal(null);
  });

  it('shows a state and a type named like Object.prototype members as an order in progress', async () => {
    const root = await loaded(await mount(newOrder({ workflow_state: 'constructor', fulfillment_type: '__proto__' })));
    expect(root.querySelector('.notice')?.getAttribute('data-kind')).to.equal('unknown');
    expect(text(root.querySelector('.notice'))).to.equal('In progress');
    expect(root.querySelectorAll('.step').length, 'the delivery steps').to.equal(5);
  });

  it('keeps the steps already done when the order is rescheduled while shown', async () => {
    const order = newOrder({ workflow_state: 'checkout' });
    const el = await mount(order, 1);
    const root = await loaded(el);
    order.workflow_state = 'rescheduled';
    await until(() => root.querySelector('.notice[data-kind="rescheduled"]'), 'rescheduled notice');
    const statuses = [...root.querySelectorAll('.step')].map((li) => (li as HTMLElement).dataset.status);
    expect(statuses).to.deep.equal(['complete', 'complete', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('shows the address and every handling flag with text', async () => {
    const order = newOrder({ workflow_state: 'delivering' });
    order.handling = {
      ...order.handling,
      address: { ...order.handling.address, address_line_2: 'Apt 4' },
      dropoff_location: 'Front porch',
      notes: 'Ring twice',
      instructions: 'Gate code 1234',
      leave_unattended: true,
      alcoholic: true,
      certified_delivery: true,
    };
    const root = await loaded(await mount(order));
    const detail = (kind: string) => text(root.querySelector(`[data-detail="${kind}"]`));
    expect(detail('address')).to.contain('501 Belt Line Rd').and.contain('Apt 4').and.contain('Collinsville, IL 62234');
    expect(detail('dropoff')).to.equal('Drop-off: Front porch');
    expect(detail('notes')).to.equal('Notes: Ring twice');
    expect(detail('instructions')).to.equal('Instructions: Gate code 1234');
    expect(detail('alcohol')).to.match(/photo ID/);
    expect(detail('leave-unattended')).to.match(/left at the door/);
    expect(detail('certified')).to.match(/Certified delivery/);
    for (const item of root.querySelectorAll('[data-detail]')) {
      expect(item.querySelector('svg[aria-hidden="true"]'), `${(item as HTMLElement).dataset.detail} icon`).not.to.equal(null);
    }
  });

  it('leaves out flags that are off and empty texts', async () => {
    const root = await loaded(await mount(newOrder()));
    expect([...root.querySelectorAll('[data-detail]')].map((li) => (li as HTMLElement).dataset.detail)).to.deep.equal(['address']);
  });

  it('shows a skeleton while loading, then the order', async () => {
    const el = await mount(newOrder());
    const root = shadow(el);
    expect(root.querySelector('.skeleton') || root.querySelector('.facts')).not.to.equal(null);
    await loaded(el);
    expect(root.querySelector('.skeleton')).to.equal(null);
    expect(root.querySelector('section')?.getAttribute('aria-busy')).to.equal('false');
  });

  it('on a phone-sized page nothing moves as the answer and the times arrive (layout shift)', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const shifts: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift' });
    const host = await fixture<HTMLDivElement>(html`<div style="width: 358px">
      <order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US" time-zone="America/Chicago"></order-status>
    </div>`);
    await loaded(host.querySelector('order-status')!);
    // Shifts are reported with the frame that shows them.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    shifts.push(...observer.takeRecords());
    observer.disconnect();
    const total = shifts.reduce((sum, entry) => sum + (entry as PerformanceEntry & { value: number }).value, 0);
    expect(total, `layout shift while loading: ${shifts.length} shifts`).to.be.below(0.001);
  });

  it('moves the current step and announces the new state politely', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const el = await mount(order, 1);
    const root = await loaded(el);
    const live = root.querySelector('[role="status"][aria-live="polite"]')!;
    expect(text(live)).to.equal('');
    const events: string[] = [];
    el.addEventListener('order-state-change', (event) => events.push(event.detail.state));
    order.workflow_state = 'checkout';
    await until(() => (root.querySelector('[aria-current="step"]') as HTMLElement | null)?.dataset.step === 'checking_out', 'step moved');
    expect(text(live)).to.equal('Your shopper is checking out.');
    expect(events).to.deep.equal(['checkout']);
  });

  it('shows a visible error when order-id is missing', async () => {
    const errors: string[] = [];
    const listener = (event: Event) => errors.push((event as CustomEvent).detail.message);
    document.addEventListener('order-error', listener);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<OrderStatusElement>(html`<order-status api-base=${API} token=${TOKEN}></order-status>`);
      const banner = await until(() => shadow(el).querySelector('[part="banner"]'), 'banner');
      expect(banner.getAttribute('role')).to.equal('alert');
      expect(text(banner)).to.match(/cannot be shown here: the page is not set up to show it/);
      expect(errors).to.deep.equal(['<order-status> needs an order-id attribute.']);
    } finally {
      console.warn = warn;
      document.removeEventListener('order-error', listener);
    }
  });

  it('says when the order is not found, and when the session expired', async () => {
    const missing = await fixture<OrderStatusElement>(html`<order-status order-id="no-such-order" api-base=${API} token=${TOKEN}></order-status>`);
    await until(() => shadow(missing).querySelector('[data-condition="not_found"]'), 'not found banner');
    expect(text(shadow(missing).querySelector('.banner'))).to.equal('We could not find this order.');

    const order = newOrder();
    order.failing.order = 401;
    order.failing.handling = 401;
    const expired = await mount(order);
    await until(() => shadow(expired).querySelector('[data-condition="auth"]'), 'auth banner');
    expect(text(shadow(expired).querySelector('.banner'))).to.match(/sign in again/);
  });

  it('keeps what it shows while reconnecting, with the time of the last update', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const el = await mount(order, 1);
    const root = await loaded(el);
    order.failing.order = 503;
    const banner = await until(() => root.querySelector('[data-condition="reconnecting"]'), 'reconnecting banner');
    expect(banner.getAttribute('role')).to.equal('status');
    expect(text(banner)).to.match(/Reconnecting… Last updated \d{1,2}:\d\d/);
    expect(text(root.querySelector('.sentence'))).to.equal('Your shopper is picking your items.');
    order.failing.order = undefined;
    await until(() => !root.querySelector('.banner'), 'banner gone after recovery', 8000);
  });

  it('takes the retailer’s wording from the messages property', async () => {
    const el = await mount(newOrder({ workflow_state: 'picking' }));
    el.messages = { 'state.picking': 'Our team is picking your groceries.', 'step.shopping': 'Picking' };
    const root = await loaded(el);
    await el.updateComplete;
    expect(text(root.querySelector('.sentence'))).to.equal('Our team is picking your groceries.');
    expect(text(root.querySelector('[aria-current="step"] .label'))).to.equal('Picking');
  });
});

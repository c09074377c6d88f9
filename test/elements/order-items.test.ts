import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderItemsElement } from '../../src/index.js';
import { API, newOrder, product, putFailures, puts, startConnectStandIn, TOKEN, type ScriptedOrder } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';

async function mount(order: ScriptedOrder, pollInterval = 3600): Promise<OrderItemsElement> {
  return fixture<OrderItemsElement>(html`<order-items
    order-id=${order.id}
    api-base=${API}
    token=${TOKEN}
    poll-interval=${pollInterval}
    locale="en-US"
  ></order-items>`);
}

async function loaded(el: OrderItemsElement): Promise<ShadowRoot> {
  const root = shadow(el);
  await until(() => root.querySelector('.group') || root.querySelector('.empty') || root.querySelector('.note'), 'items rendered');
  return root;
}

const rowIds = (root: ShadowRoot, group: string) =>
  [...root.querySelectorAll(`[data-group="${group}"] [part~="row"]`)].map((row) => (row as HTMLElement).dataset.itemId);
const count = (root: ShadowRoot, group: string) => text(root.querySelector(`[data-group="${group}"] .count`));
const row = (root: ShadowRoot, id: string) => root.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!;
const button = (root: ShadowRoot, id: string, answer: string) =>
  row(root, id).querySelector<HTMLButtonElement>(`button[data-answer="${answer}"]`);

function withReplacement(id: string, replacementStatus = 'PENDING') {
  return {
    id,
    status: 'replaced',
    replacement_status: replacementStatus,
    item: product('Organic Bananas'),
    replacement: product('Plantains'),
  };
}

describe('<order-items>', () => {
  before(() => startConnectStandIn());
  beforeEach(() => {
    puts.length = 0;
    putFailures.length = 0;
  });

  it('puts each item in its list, with counts, and unknown statuses in Other', async () => {
    const order = newOrder({
      items: [
        { id: 'a', status: 'not_picked', item: product('Apples') },
        { id: 'b', status: 'found', item: product('Bread') },
        { id: 'c', status: 'found', item: product('Cheese') },
        withReplacement('d', 'APPROVED'),
        { id: 'e', status: 'to_refund', item: product('Eggs') },
        { id: 'f', status: 'teleported', item: product('Figs') },
      ],
    });
    const root = await loaded(await mount(order));
    expect(rowIds(root, 'stillShopping')).to.deep.equal(['a']);
    expect(rowIds(root, 'found')).to.deep.equal(['b', 'c']);
    expect(rowIds(root, 'replaced')).to.deep.equal(['d']);
    expect(rowIds(root, 'refunded')).to.deep.equal(['e']);
    expect(rowIds(root, 'other')).to.deep.equal(['f']);
    expect(count(root, 'found')).to.equal('2');
    expect(text(root.querySelector('[data-group="found"] h3'))).to.contain('Found').and.contain('2 items');
    expect(text(root.querySelector('[data-group="stillShopping"] h3'))).to.contain('Still shopping');
    expect(text(root.querySelector('[data-group="refunded"] h3'))).to.contain('Refunded');
    expect(text(row(root, 'd'))).to.contain('Organic Bananas').and.contain('replaced with').and.contain('Plantains');
    expect(text(row(root, 'd').querySelector('.decision-status'))).to.equal('You approved this replacement');
  });

  it('lists statuses named like Object.prototype members under Other, beside the known ones', async () => {
    const order = newOrder({
      items: [
        { id: 'a', status: 'found', item: product('Apples') },
        { id: 'b', status: 'constructor', item: product('Bread') },
        { id: 'c', status: '__proto__', replacement_status: 'toString', item: product('Cheese', { cost_unit: 'constructor' }) },
      ],
    });
    const root = await loaded(await mount(order));
    expect(rowIds(root, 'found')).to.deep.equal(['a']);
    expect(rowIds(root, 'other')).to.deep.equal(['b', 'c']);
    expect(text(row(root, 'c'))).to.contain('Cheese').and.contain('1 constructor');
  });

  it('has no Other list when every status is known, and says so when there are no items', async () => {
    const root = await loaded(await mount(newOrder({ items: [{ id: 'a', status: 'found', item: product('Apples') }] })));
    expect(root.querySelector('[data-group="other"]')).to.equal(null);
    expect(text(root.querySelector('[data-group="refunded"] .empty'))).to.equal('None');
    const empty = await loaded(await mount(newOrder({ items: [] })));
    expect(text(empty.querySelector('.empty'))).to.equal('There are no items in this order yet.');
  });

  it('moves items between lists as the shopper picks, and announces them', async () => {
    const order = newOrder({
      workflow_state: 'picking',
      items: [
        { id: 'a', status: 'not_picked', item: product('Apples') },
        { id: 'b', status: 'not_picked', item: product('Bread') },
      ],
    });
    const el = await mount(order, 1);
    const root = await loaded(el);
    const rowA = row(root, 'a');
    order.items[0]!.status = 'found';
    order.items[1] = { ...withReplacement('b'), item: product('Bread') };
    await until(() => rowIds(root, 'found').includes('a') && rowIds(root, 'replaced').includes('b'), 'items moved');
    expect(rowIds(root, 'stillShopping')).to.deep.equal([]);
    expect(count(root, 'found')).to.equal('1');
    const live = root.querySelector('[aria-live="polite"]');
    expect(text(live)).to.equal('Found: Apples. Bread was replaced with Plantains.');
    // Keyed by id: the row moved list, but is one element per item.
    expect(row(root, 'a')).to.not.equal(null);
    expect(rowA.isConnected).to.equal(false);
  });

  it('approves a pending replacement with a PUT, shows the answer and dispatches replacement-decision', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [withReplacement('r1')] });
    const el = await mount(order);
    const root = await loaded(el);
    expect(text(row(root, 'r1').querySelector('.decision-status'))).to.equal('Waiting for your answer');
    const approve = button(root, 'r1', 'APPROVED')!;
    expect(approve.getAttribute('aria-label')).to.equal('Approve Plantains as the replacement for Organic Bananas');
    const decisions: unknown[] = [];
    document.addEventListener('replacement-decision', (event) => decisions.push(event.detail), { once: true });
    approve.click();
    await until(() => puts.length === 1, 'PUT sent');
    expect(puts[0]).to.deep.equal({ orderId: order.id, itemId: 'r1', body: { status: 'APPROVED' } });
    await until(() => text(row(root, 'r1').querySelector('.decision-status')) === 'You approved this replacement', 'answer shown');
    expect(button(root, 'r1', 'APPROVED')).to.equal(null);
    expect(decisions).to.deep.equal([{ orderId: order.id, itemId: 'r1', decision: 'APPROVED' }]);
  });

  it('rejects with REJECTED', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [withReplacement('r2')] });
    const root = await loaded(await mount(order));
    button(root, 'r2', 'REJECTED')!.click();
    await until(() => text(row(root, 'r2').querySelector('.decision-status')) === 'You rejected this replacement', 'answer shown');
    expect(puts.map((p) => p.body)).to.deep.equal([{ status: 'REJECTED' }]);
  });

  it('says a replacement was already answered (400) and removes the buttons', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [withReplacement('r3')] });
    const root = await loaded(await mount(order));
    putFailures.push(400);
    button(root, 'r3', 'APPROVED')!.click();
    const error = await until(() => row(root, 'r3').querySelector('.decision-error'), 'error shown');
    expect(text(error)).to.equal('This replacement can no longer be answered.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(button(root, 'r3', 'APPROVED')).to.equal(null);
  });

  it('keeps the buttons usable after an error worth retrying', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [withReplacement('r4')] });
    const root = await loaded(await mount(order));
    putFailures.push(500);
    button(root, 'r4', 'APPROVED')!.click();
    const error = await until(() => row(root, 'r4').querySelector('.decision-error'), 'error shown');
    expect(text(error)).to.equal('Your answer could not be sent. Please try again.');
    const again = button(root, 'r4', 'APPROVED')!;
    expect(again.getAttribute('aria-disabled')).to.equal('false');
    again.click();
    await until(() => text(row(root, 'r4').querySelector('.decision-status')) === 'You approved this replacement', 'second try accepted');
    expect(row(root, 'r4').querySelector('.decision-error')).to.equal(null);
    expect(puts.length).to.equal(2);
  });

  it('shows the sending state and ignores a second press while sending', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [withReplacement('r5')] });
    const root = await loaded(await mount(order));
    const approve = button(root, 'r5', 'APPROVED')!;
    approve.click();
    await until(() => text(row(root, 'r5').querySelector('.decision-status')) === 'Sending your answer…' || puts.length > 0, 'sending');
    button(root, 'r5', 'REJECTED')?.click();
    await until(() => text(row(root, 'r5').querySelector('.decision-status')) === 'You approved this replacement', 'answer shown');
    expect(puts.map((p) => p.body)).to.deep.equal([{ status: 'APPROVED' }]);
  });

  for (const state of ['verifying_replacements', 'checkout', 'delivering']) {
    it(`has no Approve / Reject buttons while the order is ${state}`, async () => {
      const root = await loaded(await mount(newOrder({ workflow_state: state, items: [withReplacement('p')] })));
      expect(root.querySelectorAll('button').length).to.equal(0);
    });
  }

  it('has no buttons for an answered replacement or a replaced item without a proposal', async () => {
    const order = newOrder({
      workflow_state: 'picking',
      items: [withReplacement('x', 'REJECTED'), { id: 'y', status: 'replaced', replacement_status: 'PENDING', item: product('Yogurt') }],
    });
    const root = await loaded(await mount(order));
    expect(root.querySelectorAll('button').length).to.equal(0);
    expect(text(row(root, 'x').querySelector('.decision-status'))).to.equal('You rejected this replacement');
    expect(text(row(root, 'y'))).to.contain('No replacement proposed yet');
  });

  it('shows quantities as counts for EACH and with the unit otherwise', async () => {
    const order = newOrder({
      items: [
        { id: 'each', status: 'found', item: product('Bananas', { quantity: '10.0', cost_unit: 'EACH' }) },
        { id: 'lb', status: 'found', item: product('Grapes', { quantity: '1.5', cost_unit: 'LB' }) },
        { id: 'kg', status: 'found', item: product('Potatoes', { quantity: '2', cost_unit: 'kg' }) },
        { id: 'odd', status: 'found', item: product('Herbs', { quantity: '3', cost_unit: 'BUNCH' }) },
      ],
    });
    const root = await loaded(await mount(order));
    const quantity = (id: string) => text(row(root, id).querySelector('.quantity')).replace(/^Quantity: /, '');
    expect(quantity('each')).to.equal('10');
    expect(quantity('lb')).to.equal('1.5 lb');
    expect(quantity('kg')).to.equal('2 kg');
    expect(quantity('odd')).to.equal('3 bunch');
  });

  it('uses Intl for the unit in the element’s locale', async () => {
    const order = newOrder({ items: [{ id: 'kg', status: 'found', item: product('Pommes de terre', { quantity: '2.5', cost_unit: 'KG' }) }] });
    const el = await fixture<OrderItemsElement>(html`<div lang="fr-CA">
      <order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-items>
    </div>`);
    const root = await loaded(el.querySelector('order-items')!);
    expect(text(row(root, 'kg').querySelector('.quantity'))).to.contain('2,5 kg');
  });

  it('shows images lazily at a fixed size, and a placeholder when missing, unsafe or broken', async () => {
    const order = newOrder({
      items: [
        { id: 'ok', status: 'found', item: product('With image', { image_url: PIXEL }) },
        { id: 'none', status: 'found', item: product('Without image') },
        { id: 'bad', status: 'found', item: product('Script image', { image_url: 'javascript:alert(1)' }) },
        { id: 'broken', status: 'found', item: product('Broken image', { image_url: 'data:image/png;base64,bm90IGFuIGltYWdl' }) },
      ],
    });
    const root = await loaded(await mount(order));
    const img = row(root, 'ok').querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('width')).to.equal('48');
    expect(img.getAttribute('height')).to.equal('48');
    expect(img.getAttribute('alt')).to.equal('');
    expect(row(root, 'none').querySelector('img')).to.equal(null);
    expect(row(root, 'none').querySelector('[part~="image-placeholder"]')).not.to.equal(null);
    expect(row(root, 'bad').querySelector('img')).to.equal(null);
    await until(() => !row(root, 'broken').querySelector('img'), 'broken image replaced');
    expect(row(root, 'broken').querySelector('[part~="image-placeholder"]')).not.to.equal(null);
    expect(row(root, 'ok').querySelector('img')).not.to.equal(null);
  });

  it('wraps long names inside the row', async () => {
    const long = `Extra ${'long '.repeat(40)}name with an unbreakableproductidentifier${'x'.repeat(80)}`;
    const order = newOrder({ items: [{ id: 'long', status: 'found', item: product(long) }] });
    const el = await mount(order);
    el.style.width = '320px';
    const root = await loaded(el);
    const name = row(root, 'long').querySelector<HTMLElement>('.name')!;
    expect(name.textContent).to.equal(long);
    const rowBox = row(root, 'long').getBoundingClientRect();
    expect(name.getBoundingClientRect().right).to.be.at.most(rowBox.right + 0.5);
    expect(row(root, 'long').scrollWidth).to.be.at.most(row(root, 'long').clientWidth + 1);
  });

  it('for last mile delivery says the store packs the order and shows the retailer’s list', async () => {
    const order = newOrder({ fulfillment_type: 'last_mile_delivery', workflow_state: 'staged_for_delivery' });
    const el = await fixture<OrderItemsElement>(html`<order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"
      ><ul id="own"><li>Our own list</li></ul></order-items
    >`);
    const root = await loaded(el);
    expect(text(root.querySelector('.note'))).to.match(/store packs this order/);
    const slot = root.querySelector('slot')!;
    expect(slot.assignedElements()[0]?.id).to.equal('own');
    expect(root.querySelector('.group')).to.equal(null);
  });

  it('is accessible with every list shown', async () => {
    const order = newOrder({
      workflow_state: 'picking',
      items: [{ id: 'a', status: 'found', item: product('Apples', { image_url: PIXEL }) }, withReplacement('b'), { id: 'c', status: 'to_refund', item: product('Corn') }],
    });
    const el = await mount(order);
    await loaded(el);
    await expect(el).shadowDom.to.be.accessible();
  });
});

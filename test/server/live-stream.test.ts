// The live stream in Chromium, as the widget will use it: a same-origin EventSource on the kit (mounted by
// the test server in front of the emulator, which sends its callbacks to the kit). It hears of each change
// within a second, carries no token and no order data, and a page cannot follow another customer's order.
import { expect } from '@open-wc/testing';
import { until } from '../helpers/dom.js';

interface Heard {
  type: string;
  // The frames' JSON, read loosely; assertions say what they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  id: string;
  at: number;
}

function listen(source: EventSource): Heard[] {
  const heard: Heard[] = [];
  for (const type of ['ready', 'changed', 'heartbeat', 'fallback']) {
    source.addEventListener(type, (event) => {
      const message = event as MessageEvent<string>;
      heard.push({ type, data: JSON.parse(message.data), id: message.lastEventId, at: performance.now() });
    });
  }
  return heard;
}

const signIn = async (): Promise<string> => (await (await fetch('/e2e/sign-in', { method: 'POST' })).json()).orderId;
const step = async (orderId: string) => (await fetch(`/e2e/step?order=${orderId}`, { method: 'POST' })).json();

describe('the live stream in the browser', () => {
  it('tells the page within a second that its order changed, and what to re-read', async () => {
    const orderId = await signIn();
    const source = new EventSource(`/instacart/events?order=${orderId}`);
    const heard = listen(source);
    try {
      const ready = await until(() => heard.find((frame) => frame.type === 'ready'), 'the stream is ready', 3000);
      expect(ready.data).to.deep.equal({ order_id: orderId, heartbeat_ms: 20000 });
      // The first two steps are state changes (a shopper takes the order, picking starts): each sends a callback.
      for (let i = 0; i < 2; i += 1) {
        const before = heard.length;
        const sent = performance.now();
        await step(orderId);
        const changed = await until(() => heard.slice(before).find((frame) => frame.type === 'changed'), `change ${i + 1}`, 3000);
        expect(changed.at - sent, 'from the emulator changing to the page hearing of it').to.be.below(1000);
        expect(changed.data.resources.length).to.be.greaterThan(0);
        expect(changed.id).to.match(/^[a-z0-9]+\.\d+$/);
      }
      expect(source.readyState).to.equal(EventSource.OPEN);
    } finally {
      source.close();
    }
  });

  it("cannot follow another customer's order: the stream fails for good and the page keeps polling", async () => {
    const someoneElses = await signIn();
    await signIn(); // the cookie now names another customer
    const source = new EventSource(`/instacart/events?order=${someoneElses}`);
    const heard = listen(source);
    let failed = false;
    source.addEventListener('error', () => (failed = true));
    await until(() => failed && source.readyState === EventSource.CLOSED, 'the stream is refused', 3000);
    expect(heard).to.deep.equal([]);
    const refusal = await fetch(`/instacart/events?order=${someoneElses}`);
    expect(refusal.status).to.equal(404);
    expect((await refusal.json()).error.code).to.equal(4000);
  });
});

// Compiled with the app, never run: what the types refuse. Each line below an @ts-expect-error must fail to
// compile, or the check fails.
import { OrderTrackerElement, type OrderStateChangeDetail } from 'connect-order-status';

const tracker = document.createElement('order-tracker');
export const isTheClass: OrderTrackerElement = tracker;
export const found: OrderTrackerElement | null = document.querySelector('order-tracker');

tracker.addEventListener('order-state-change', (event) => {
  const detail: OrderStateChangeDetail = event.detail;
  // @ts-expect-error the detail has `state`, not `status`
  void detail.status;
});

// @ts-expect-error there is no `order-state-changed` event, so its listener gets a plain Event without detail
tracker.addEventListener('order-state-changed', (event) => event.detail);

// Events bubble out of the shadow roots: the document hears them too, typed.
document.addEventListener('order-items-change', (event) => event.detail.counts.found satisfies number);

// @ts-expect-error a token provider resolves to a string
tracker.tokenProvider = () => 42;

// @ts-expect-error messages are keyed by the catalogue's keys
tracker.messages = { 'state.bogus': 'x' };

// @ts-expect-error poll interval is a number of seconds
tracker.pollInterval = '15';

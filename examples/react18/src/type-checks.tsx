// Compiled with the app, never run: what the types refuse. Each line below an @ts-expect-error must fail to
// compile, or the check fails.
import { OrderItems, OrderTracker } from 'connect-order-status/react';

// @ts-expect-error there is no `order-state-changed` event
export const wrongEventName = <OrderTracker onOrderStateChanged={() => {}} />;

export const wrongDetailField = (
  <OrderTracker
    onOrderStateChange={(event) => {
      // @ts-expect-error the detail has `state`, not `status`
      void event.detail.status;
    }}
  />
);

// @ts-expect-error <order-items> dispatches no order-state-change
export const notItsEvent = <OrderItems onOrderStateChange={() => {}} />;

// @ts-expect-error a token provider resolves to a string
export const wrongProvider = <OrderTracker tokenProvider={() => 42} />;

// React 18 sets a custom element's props as attributes: a raw tag takes attributes only, so a function or an
// object there (which React 18 would turn into text) does not compile.
export const rawTag = <order-tracker order-id="a3e30880" api-base="https://connect.instacart.com" />;
// @ts-expect-error React 18 would write the function as an attribute: use <OrderTracker> for it
export const rawProvider = <order-tracker tokenProvider={async () => 'token'} />;

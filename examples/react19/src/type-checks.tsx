// Compiled with the app, never run: what the types refuse. Each line below an @ts-expect-error must fail to
// compile, or the check fails. (TypeScript never checks JSX attribute names that contain a dash, so a
// misspelt `onorder-state-chnage` cannot be caught in JSX; its detail and every value can.)
import 'connect-order-status/react';

export const wrongDetailField = (
  <order-tracker
    onorder-state-change={(event) => {
      // @ts-expect-error the detail has `state`, not `status`
      void event.detail.status;
    }}
  />
);

// @ts-expect-error a token provider resolves to a string
export const wrongProvider = <order-tracker tokenProvider={() => 42} />;

// @ts-expect-error messages are keyed by the catalogue's keys
export const wrongMessageKey = <order-tracker messages={{ 'state.bogus': 'x' }} />;

// @ts-expect-error poll-interval is a number of seconds
export const wrongInterval = <order-tracker poll-interval={{ seconds: 5 }} />;


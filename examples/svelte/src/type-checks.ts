// Checked by svelte-check with the app, never run: what the types refuse. Each line below an
// expect-error directive must fail to compile, or the check fails. svelte-check reads a tag's attributes
// as an object of this type (SvelteHTMLElements), which is why the checks are written as objects here.
import type { SvelteHTMLElements } from 'svelte/elements';
import 'connect-order-status/svelte';

type Tracker = SvelteHTMLElements['order-tracker'];

// @ts-expect-error there is no `order-state-changed` event
export const wrongEventName: Tracker = { 'onorder-state-changed': () => {} };

export const wrongDetailField: Tracker = {
  // @ts-expect-error the detail has `state`, not `status`
  'onorder-state-change': (event) => event.detail.status,
};

// @ts-expect-error a token provider resolves to a string
export const wrongProvider: Tracker = { tokenProvider: () => 42 };

// @ts-expect-error there is no `order-idd` attribute
export const wrongAttribute: Tracker = { 'order-idd': 'a3e30880' };

export const itemsListener: SvelteHTMLElements['order-items'] = {
  'onorder-items-change': (event) => event.detail.counts.found satisfies number,
};

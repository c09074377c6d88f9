/**
 * A small Connect stand-in for the element tests, served by MSW's service worker: orders live in a Map the
 * tests edit between polls; PUTs of replacement answers are logged and can be answered with an error.
 */
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

export const API = 'https://connect.test';
export const TOKEN = 'test-token';

export interface RawProduct {
  name: string;
  image_url?: string;
  quantity: string;
  cost_unit: string;
}

export interface RawItem {
  id: string;
  status: string;
  replacement_status?: string;
  item: RawProduct;
  replacement?: RawProduct;
}

export interface RawHandling {
  address: Record<string, string>;
  coordinates: { latitude: number; longitude: number };
  dropoff_location?: string;
  notes?: string;
  instructions: string;
  leave_unattended?: boolean;
  alcoholic?: boolean;
  certified_delivery?: boolean;
}

export interface FakeOrder {
  id: string;
  workflow_state: string;
  fulfillment_type: string;
  creation_date: string;
  window_starts_at: string;
  window_ends_at: string;
  items: RawItem[];
  handling: RawHandling;
  location: { latitude: number; longitude: number } | null;
  /** Answer the next reads of an endpoint with this status (until cleared). */
  failing: Partial<Record<'order' | 'items' | 'handling' | 'location', number>>;
}

export interface LoggedPut {
  orderId: string;
  itemId: string;
  body: unknown;
}

const orders = new Map<string, FakeOrder>();
export const puts: LoggedPut[] = [];
/** Status codes to answer the next PUTs with (shifted one per PUT); 200 when empty. */
export const putFailures: number[] = [];
export const requests: string[] = [];

export const DESTINATION = { latitude: 38.6924568, longitude: -89.9785745 };

let counter = 0;

export function product(name: string, extra: Partial<RawProduct> = {}): RawProduct {
  return { name, quantity: '1.0', cost_unit: 'EACH', ...extra };
}

export function newOrder(overrides: Partial<FakeOrder> = {}): FakeOrder {
  counter += 1;
  const order: FakeOrder = {
    id: `order-${Date.now().toString(36)}-${counter}`,
    workflow_state: 'picking',
    fulfillment_type: 'delivery',
    creation_date: '2026-11-26T15:00:00Z',
    window_starts_at: '2026-11-26T16:00:00Z',
    window_ends_at: '2026-11-26T18:00:00Z',
    items: [],
    handling: {
      address: { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
      coordinates: DESTINATION,
      instructions: '',
    },
    location: null,
    failing: {},
    ...overrides,
  };
  orders.set(order.id, order);
  return order;
}

function connectError(status: number): Response {
  const messages: Record<number, [string, number | null]> = {
    400: ['Replacement already answered', 4001],
    401: ['Unauthorized', null],
    403: ['Shopper PII', null],
    404: ['Resource not found', 4000],
  };
  const [message, code] = messages[status] ?? ['Internal error', 5000];
  return HttpResponse.json({ error: { message, code } }, { status });
}

function find(id: unknown, resource: keyof FakeOrder['failing']): FakeOrder | Response {
  requests.push(`${resource} ${String(id)}`);
  const order = orders.get(String(id));
  if (!order) return connectError(404);
  const failing = order.failing[resource];
  return failing ? connectError(failing) : order;
}

const base = `${API}/v2/post_checkout/orders/:id`;

export const worker = setupWorker(
  http.get(base, ({ params }) => {
    const order = find(params.id, 'order');
    if (order instanceof Response) return order;
    return HttpResponse.json({
      id: order.id,
      creation_date: order.creation_date,
      workflow_state: order.workflow_state,
      fulfillment_type: order.fulfillment_type,
      fulfillment_details: { window_starts_at: order.window_starts_at, window_ends_at: order.window_ends_at },
    });
  }),
  http.get(`${base}/items`, ({ params }) => {
    const order = find(params.id, 'items');
    if (order instanceof Response) return order;
    return HttpResponse.json({
      line_items: order.items.map((item) => ({ replacement_status: 'SUBSTITUTION_STATUS_UNSPECIFIED', ...item })),
    });
  }),
  http.get(`${base}/handling`, ({ params }) => {
    const order = find(params.id, 'handling');
    if (order instanceof Response) return order;
    return HttpResponse.json(order.handling);
  }),
  http.get(`${base}/location`, ({ params }) => {
    const order = find(params.id, 'location');
    if (order instanceof Response) return order;
    return HttpResponse.json(order.workflow_state === 'delivering' && order.location ? { coordinates: order.location } : {});
  }),
  http.put(`${base}/items/:itemId/replacement`, async ({ params, request }) => {
    const body = await request.json();
    puts.push({ orderId: String(params.id), itemId: String(params.itemId), body });
    const failure = putFailures.shift();
    if (failure) return connectError(failure);
    const item = orders.get(String(params.id))?.items.find((i) => i.id === params.itemId);
    const status = (body as { status?: string }).status;
    if (item && status) item.replacement_status = status;
    return HttpResponse.json({});
  }),
);

let started: Promise<unknown> | undefined;

export function startFakeConnect(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return started;
}

/** Waits for something in an element's shadow root. */
export async function until<T>(read: () => T | null | undefined | false, message: string, timeout = 6000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

export function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

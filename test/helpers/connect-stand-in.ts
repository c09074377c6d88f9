/**
 * The one Connect stand-in of the tests that need answers the emulator would never give by itself: any
 * workflow state or fulfillment type, unknown item statuses, odd quantities, missing fields, an HTTP error
 * per endpoint. It is the emulator: a Sandbox behind its own MSW handlers, whose orders answer the raw JSON
 * a test writes into a ScriptedOrder, pinned on each post-checkout endpoint (the Sandbox's endpoint
 * faults). Tokens, users, unknown orders, Connect's error shape and CORS stay the emulator's own.
 *
 * The handlers run wherever MSW does: `setupServer` in Node tests, `setupWorker` in the browser
 * (see browser-stand-in.ts).
 */
import type { HttpHandler } from 'msw';
import {
  Sandbox,
  createSandboxHandlers,
  type FaultAnswer,
  type FaultRequest,
  type RawHandling,
  type RawLineItem,
  type RawProduct,
} from '../../src/sandbox/index.js';

/** A line item as a test writes it: `id` and `status` at least; `item` defaults to `Item <id>`, one EACH. */
type ScriptedItem = Pick<RawLineItem, 'id' | 'status'> & Partial<Omit<RawLineItem, 'id' | 'status'>>;

/** Handling as a test writes it: the required fields, and whichever optional ones it cares about. */
type ScriptedHandling = Pick<RawHandling, 'address' | 'coordinates' | 'instructions'> & Partial<RawHandling>;

/** The read endpoints a ScriptedOrder can make fail. */
type ReadEndpoint = 'order' | 'items' | 'handling' | 'location';

/** What a scripted order answers; change any field between polls and the next answer shows it. */
export interface ScriptedOrder {
  /** The emulator's id of the order. */
  readonly id: string;
  workflow_state: string;
  fulfillment_type: string;
  creation_date: string;
  window_starts_at: string;
  window_ends_at: string;
  items: ScriptedItem[];
  handling: ScriptedHandling;
  /** The shopper's position, answered while `workflow_state` is `delivering`. */
  location: { latitude: number; longitude: number } | null;
  /** Answer reads of an endpoint with this HTTP status, in Connect's error shape, until cleared. */
  failing: Partial<Record<ReadEndpoint, number>>;
}

/** A customer's answer to a replacement as the page sent it. */
interface SentDecision {
  orderId: string;
  itemId: string;
  body: unknown;
}

/** The delivery address every scripted order has unless a test says otherwise. */
export const DESTINATION = { latitude: 38.6924568, longitude: -89.9785745 };

export class ConnectStandIn {
  readonly sandbox = new Sandbox();
  /** The user every scripted order belongs to, and a token of theirs the stand-in accepts. */
  readonly token: string;
  /** The replacement answers sent so far, oldest first. */
  readonly decisions: SentDecision[] = [];
  /** Statuses to answer the next replacement answers with, one each; 200 `{}` when empty. */
  readonly decisionFailures: number[] = [];
  readonly #base: string;
  readonly #userId = 'customer-stand-in';

  /** `base` is the API base the page or tracker is given, e.g. `https://connect.test`. */
  constructor(base: string) {
    this.#base = base;
    this.token = this.sandbox.userToken(this.#userId).access_token;
  }

  /** The MSW handlers: the emulator's API (no dev controls) on `base`. */
  handlers(): HttpHandler[] {
    return createSandboxHandlers(this.sandbox, { baseUrl: this.#base, devControls: false });
  }

  /** A new order of the stand-in's user, answering what `script` says (and the defaults for the rest). */
  order(script: Partial<Omit<ScriptedOrder, 'id'>> = {}): ScriptedOrder {
    const { id } = this.sandbox.createOrder({ userId: this.#userId, basket: 1 });
    const order: ScriptedOrder = {
      id,
      workflow_state: 'brand_new',
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
      ...script,
    };
    for (const endpoint of ['order', 'items', 'handling', 'location'] as const) {
      this.sandbox.faults.add({ endpoint, orderId: id, answer: () => readAnswer(order, endpoint) });
    }
    this.sandbox.faults.add({ endpoint: 'replacement', orderId: id, answer: (request) => this.#decide(order, request) });
    return order;
  }

  /**
   * Answers the next `count` requests to one of the order's endpoints with `answer` instead (a fixed answer,
   * or a function asked per request, which may answer late through a promise).
   */
  fail(order: ScriptedOrder, endpoint: ReadEndpoint, answer: FaultAnswer | (() => FaultAnswer | Promise<FaultAnswer>), count = 1): void {
    this.sandbox.faults.add({ endpoint, orderId: order.id, count, ...(typeof answer === 'function' ? { answer } : answer) });
  }

  #decide(order: ScriptedOrder, request: FaultRequest): FaultAnswer {
    const itemId = decodeURIComponent(request.pathname.split('/').at(-2) ?? '');
    this.decisions.push({ orderId: order.id, itemId, body: request.body });
    const failure = this.decisionFailures.shift();
    if (failure) return { status: failure };
    const status = (request.body as { status?: unknown } | undefined)?.status;
    const item = order.items.find((candidate) => candidate.id === itemId);
    if (item && typeof status === 'string') item.replacement_status = status;
    return { json: {} };
  }
}

function readAnswer(order: ScriptedOrder, endpoint: ReadEndpoint): FaultAnswer {
  const failing = order.failing[endpoint];
  if (failing) return { status: failing };
  return { json: readBody(order, endpoint) };
}

function readBody(order: ScriptedOrder, endpoint: ReadEndpoint): unknown {
  switch (endpoint) {
    case 'order':
      return {
        id: order.id,
        creation_date: order.creation_date,
        workflow_state: order.workflow_state,
        fulfillment_type: order.fulfillment_type,
        fulfillment_details: { window_starts_at: order.window_starts_at, window_ends_at: order.window_ends_at },
      };
    case 'items':
      return { line_items: order.items.map((item) => ({ replacement_status: 'SUBSTITUTION_STATUS_UNSPECIFIED', ...item, item: item.item ?? unnamed(item.id) })) };
    case 'handling':
      return order.handling;
    case 'location':
      return order.workflow_state === 'delivering' && order.location ? { coordinates: order.location } : {};
  }
}

function unnamed(id: string): RawProduct {
  return { name: `Item ${id}`, quantity: '1.0', cost_unit: 'EACH' };
}

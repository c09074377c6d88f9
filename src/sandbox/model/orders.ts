/**
 * Users and their orders: an order is created with its basket and handling, found for whoever asks (a user
 * sees only their own), staged by the retailer when it is last mile, put in any state by a dev control,
 * and canceled, rescheduled or flagged late by the Sandbox API's callbacks. Every state change goes
 * through `setState`, which logs it on the order.
 *
 * Decisions where the API docs are silent (docs/sandbox.md lists them all):
 * - `rescheduled`: the window moves 2 hours later and workflow_state becomes `rescheduled`; "the order goes
 *   on": the next batch step or retailer staging sets the state from the batch again.
 * - `late_delivery`: recorded on the order (events, `late_delivery` in the inspect view); the post-checkout
 *   order has no field for it, so what a customer sees does not change.
 * - `canceled` and `delivered` are final: callbacks and staging on such an order are refused.
 * - Last mile orders have no items at Instacart: they are created with none.
 */
import { basketProducts } from './baskets.js';
import { LAST_MILE_STAGING } from './batch-statuses.js';
import { invalid, notAllowed, notFound } from './errors.js';
import type { IdGenerator } from './ids.js';
import { newLineItems } from './items.js';
import { MAX_NAME_LENGTH, checkNewOrder, defaultHandling, orderWindow, type CreateOrderInput } from './new-order.js';
import type { OrderLog } from './order-log.js';
import type { OrderRecord, StoreRecord, UserRecord } from './records.js';

export type { CreateOrderInput, HandlingOverrides } from './new-order.js';

export type CallbackEvent = 'canceled' | 'rescheduled' | 'late_delivery';

export const CALLBACK_EVENTS: readonly CallbackEvent[] = ['canceled', 'rescheduled', 'late_delivery'];

export const DEFAULT_STORE: StoreRecord = {
  name: 'Sandbox Market',
  coordinates: { latitude: 38.6702, longitude: -89.9663 },
};

const RESCHEDULE_SHIFT_MS = 2 * 60 * 60 * 1000;
const STATE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Delivered or canceled: nothing happens to the order any more. */
export function isFinished(order: OrderRecord): boolean {
  return order.workflowState === 'delivered' || order.workflowState === 'canceled';
}

export class Orders {
  readonly #users = new Map<string, UserRecord>();
  readonly #orders = new Map<string, OrderRecord>();
  readonly #ids: IdGenerator;
  readonly #now: () => number;
  readonly #driveDurationMs: number;
  readonly #log: OrderLog;
  #userCount = 0;

  constructor(ids: IdGenerator, now: () => number, driveDurationMs: number, log: OrderLog) {
    this.#ids = ids;
    this.#now = now;
    this.#driveDurationMs = driveDurationMs;
    this.#log = log;
  }

  create(input: CreateOrderInput = {}): OrderRecord {
    const fulfillmentType = input.fulfillmentType ?? 'delivery';
    const size = checkNewOrder(input);
    const user = this.user(input.userId ?? this.#newUserId());
    const now = this.#now();
    const { windowStartsAt, windowEndsAt } = orderWindow(input, now);
    const products = fulfillmentType === 'last_mile_delivery' ? [] : basketProducts(size);
    const order: OrderRecord = {
      id: this.#ids.uuid(),
      userId: user.id,
      fulfillmentType,
      createdAt: now,
      workflowState: 'brand_new',
      windowStartsAt,
      windowEndsAt,
      handling: defaultHandling(fulfillmentType, products.some((p) => p.alcoholic), input.handling),
      store: input.store ?? DEFAULT_STORE,
      lineItems: newLineItems(products, this.#ids),
      batchIds: [],
      stagingStep: 0,
      ...(input.redactShopperPii !== undefined ? { redactShopperPii: input.redactShopperPii } : {}),
      location: { driveDurationMs: this.#driveDurationMs },
      lateDelivery: false,
      events: [],
    };
    this.#orders.set(order.id, order);
    this.#log.record(order, { kind: 'created' }, fulfillmentType);
    return order;
  }

  /** Any order (the Sandbox API and dev controls see them all). */
  get(orderId: string): OrderRecord {
    const order = this.#orders.get(orderId);
    if (!order) throw notFound('orderId');
    return order;
  }

  /** An order as the user's token sees it: another user's order is "not found". */
  forUser(userId: string, orderId: string): OrderRecord {
    const order = this.#orders.get(orderId);
    if (!order || order.userId !== userId) throw notFound('orderId');
    return order;
  }

  /** An order if there is one with this id (a batch names orders in its body, not its path). */
  find(orderId: string): OrderRecord | undefined {
    return this.#orders.get(orderId);
  }

  list(): OrderRecord[] {
    return [...this.#orders.values()];
  }

  /** The user with this id, made on first mention (a token for an unknown user creates them, as Connect does). */
  user(userId: string): UserRecord {
    let user = this.#users.get(userId);
    if (!user) {
      user = { id: userId };
      this.#users.set(userId, user);
    }
    return user;
  }

  /** Last mile: the retailer stages the order, brand_new → staged_for_delivery → waiting_for_delivery. */
  stage(orderId: string): OrderRecord {
    const order = this.get(orderId);
    if (order.fulfillmentType !== 'last_mile_delivery') {
      throw notAllowed('Only last mile delivery orders are staged by the retailer', 'orderId');
    }
    this.#assertOpen(order);
    if (order.stagingStep >= LAST_MILE_STAGING.length - 1) throw notAllowed('Order is already waiting for delivery', 'orderId');
    order.stagingStep += 1;
    this.setState(order, LAST_MILE_STAGING[order.stagingStep] as string, 'staged');
    return order;
  }

  /** Puts the order in any state, known or not (to test how a page shows it). */
  forceState(orderId: string, state: string): OrderRecord {
    const order = this.get(orderId);
    if (!(STATE_NAME.test(state) && state.length <= MAX_NAME_LENGTH)) throw invalid('workflowState', 'workflow_state must be a state name');
    this.setState(order, state, 'forced');
    return order;
  }

  /** The Sandbox API's callbacks, the only way to cancel or reschedule an order. */
  callback(orderId: string, event: CallbackEvent): OrderRecord {
    const order = this.get(orderId);
    this.#assertOpen(order);
    if (event === 'canceled') {
      this.setState(order, 'canceled', 'callback');
    } else if (event === 'rescheduled') {
      order.windowStartsAt += RESCHEDULE_SHIFT_MS;
      order.windowEndsAt += RESCHEDULE_SHIFT_MS;
      this.setState(order, 'rescheduled', 'callback');
    } else {
      order.lateDelivery = true;
      this.#log.record(order, { kind: 'late_delivery' });
    }
    return order;
  }

  /** Moves the order to `state`, logging why; entering `delivering` starts the simulated drive. */
  setState(order: OrderRecord, state: string, cause: string): void {
    const now = this.#now();
    if (state === 'delivering' && order.workflowState !== 'delivering') order.location.driveStartedAt = now;
    order.workflowState = state;
    this.#log.record(order, { kind: 'state', state }, `${state} (${cause})`);
  }

  clear(): void {
    this.#users.clear();
    this.#orders.clear();
    this.#userCount = 0;
  }

  #assertOpen(order: OrderRecord): void {
    if (isFinished(order)) throw notAllowed(`Order is already ${order.workflowState}`, 'orderId');
  }

  #newUserId(): string {
    for (;;) {
      this.#userCount += 1;
      const id = `customer-${1000 + this.#userCount}`;
      if (!this.#users.has(id)) return id;
    }
  }
}

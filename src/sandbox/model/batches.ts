/**
 * Shoppers and the batches they work (docs/connect-api.md §5): a batch takes orders of its fulfillment type,
 * advances status by status, and each status sets its orders' workflow_state (`batch-statuses.ts` holds
 * the mapping). Past checkout the shopping list is settled.
 *
 * Decisions where the API docs are silent (docs/sandbox.md lists them all):
 * - A `runner_customer` batch needs the order's pickup batch at its last status (the bags are staged); a
 *   `delivery_only` batch needs the retailer's staging to be done.
 * - A batch whose every order was canceled cannot advance.
 */
import {
  FULFILLMENT_OF_BATCH,
  INITIAL_STATUS,
  LAST_MILE_STAGING,
  isBatchStatus,
  isLastStatus,
  isLaterStatus,
  isPastShopping,
  nextStatus,
  orderStateFor,
} from './batch-statuses.js';
import { invalid, notAllowed, notFound } from './errors.js';
import { settleItems } from './items.js';
import { isFinished, type Orders } from './orders.js';
import type { BatchRecord, BatchType, OrderRecord, ShopperRecord } from './records.js';

export interface CreateShopperInput {
  email: string;
  phone: string;
  password?: string;
}

export interface CreateBatchInput {
  batchType: BatchType;
  shopperId: number;
  /** The orders it takes; a `userId` must be the order's user. */
  orders: { id: string; userId?: string }[];
  /** Start at this status instead of the batch type's first. */
  workflowState?: string;
}

const FIRST_SHOPPER_ID = 23728249;
const FIRST_BATCH_ID = 656178546;
const FIRST_NAMES = ['Alex', 'Sam', 'Jordan', 'Maria', 'Priya', 'Chen', 'Noah', 'Fatima', 'Luis', 'Grace'];
// Dot-separated labels that cannot contain a dot: one way to match, so the test takes linear time whatever
// the input (the looser `[^\s@]+\.[^\s@]+` backtracks quadratically on a long run of dots).
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
/** RFC 5321's limit on an address; longer input is refused before any pattern runs. */
const MAX_EMAIL_LENGTH = 254;
const PHONE = /^[\d\s().+-]+$/;

export class Batches {
  readonly #shoppers = new Map<number, ShopperRecord>();
  readonly #batches = new Map<number, BatchRecord>();
  readonly #orders: Orders;
  readonly #now: () => number;

  constructor(orders: Orders, now: () => number) {
    this.#orders = orders;
    this.#now = now;
  }

  createShopper(input: CreateShopperInput): ShopperRecord {
    const email = input.email.trim();
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) throw invalid('email', 'Invalid email');
    const digits = input.phone.length <= 32 && PHONE.test(input.phone) ? input.phone.replace(/\D/g, '') : '';
    if (digits.length < 10 || digits.length > 15) throw invalid('phone', 'Invalid phone');
    if (this.#phoneTaken(digits)) throw invalid('phone', 'Phone has already been taken');
    const id = FIRST_SHOPPER_ID + this.#shoppers.size;
    const shopper: ShopperRecord = {
      id,
      email,
      phone: input.phone,
      phoneDigits: digits,
      firstName: FIRST_NAMES[this.#shoppers.size % FIRST_NAMES.length] as string,
      createdAt: this.#now(),
    };
    this.#shoppers.set(id, shopper);
    return shopper;
  }

  shopper(shopperId: number): ShopperRecord {
    const shopper = this.#shoppers.get(shopperId);
    if (!shopper) throw notFound('shopperId');
    return shopper;
  }

  /** A phone number no shopper has yet (for autoplay and scripts). */
  unusedPhone(): string {
    for (let n = this.#shoppers.size; ; n += 1) {
      const phone = `555${String(n).padStart(7, '0')}`;
      if (!this.#phoneTaken(phone)) return phone;
    }
  }

  create(input: CreateBatchInput): BatchRecord {
    const { batchType } = input;
    if (!this.#shoppers.has(input.shopperId)) throw invalid('shopperId', 'Shopper not found');
    if (input.orders.length === 0) throw invalid('orders', 'orders must list at least one order');
    if (input.workflowState !== undefined && !isBatchStatus(batchType, input.workflowState)) {
      throw invalid('workflowState', `workflow_state is not a ${batchType} batch status`);
    }
    const orders = input.orders.map((ref) => {
      const order = this.#orders.find(ref.id);
      if (!order || (ref.userId !== undefined && ref.userId !== order.userId)) throw invalid('orders', 'Order not found');
      return order;
    });
    if (new Set(orders).size !== orders.length || !orders.every((order) => this.#batchable(order, batchType))) {
      throw invalid('orders', 'Orders unbatchable');
    }
    const batch: BatchRecord = {
      id: FIRST_BATCH_ID + this.#batches.size,
      batchType,
      shopperId: input.shopperId,
      orderIds: orders.map((order) => order.id),
      workflowState: input.workflowState ?? INITIAL_STATUS[batchType],
      createdAt: this.#now(),
      history: [],
      canceled: false,
    };
    this.#batches.set(batch.id, batch);
    for (const order of orders) order.batchIds.push(batch.id);
    this.#applyStatus(batch, batch.workflowState);
    return batch;
  }

  /** The order's batches, oldest first. */
  of(order: OrderRecord): BatchRecord[] {
    return order.batchIds.map((id) => this.#batches.get(id) as BatchRecord);
  }

  /** Whether the shopper works one of the order's batches. */
  isAssigned(shopperId: number, order: OrderRecord): boolean {
    return this.of(order).some((batch) => batch.shopperId === shopperId);
  }

  /** Moves the batch to its next status, or to the named later one. */
  advance(batchId: number, target?: string): BatchRecord {
    const batch = this.#batches.get(batchId);
    if (!batch) throw notFound('batchId');
    if (target !== undefined) {
      if (!isBatchStatus(batch.batchType, target)) throw invalid('workflowState', `workflow_state is not a ${batch.batchType} batch status`);
      if (!isLaterStatus(batch.batchType, batch.workflowState, target)) {
        throw invalid('workflowState', `Batch is already ${batch.workflowState}, which is not before ${target}`);
      }
    }
    if (batch.canceled) throw notAllowed('Batch canceled: its orders were canceled', 'batchId');
    const next = target ?? nextStatus(batch.batchType, batch.workflowState);
    if (next === undefined) throw notAllowed(`Batch cannot advance past ${batch.workflowState}`, 'batchId');
    this.#applyStatus(batch, next);
    return batch;
  }

  /** After the order was canceled: its batches with no other order left cannot advance any more. */
  closeCanceled(order: OrderRecord): void {
    for (const batch of this.of(order)) {
      if (batch.orderIds.every((id) => this.#orders.find(id)?.workflowState === 'canceled')) batch.canceled = true;
    }
  }

  clear(): void {
    this.#shoppers.clear();
    this.#batches.clear();
  }

  #phoneTaken(digits: string): boolean {
    return [...this.#shoppers.values()].some((shopper) => shopper.phoneDigits === digits);
  }

  #batchable(order: OrderRecord, batchType: BatchType): boolean {
    if (order.fulfillmentType !== FULFILLMENT_OF_BATCH[batchType] || isFinished(order)) return false;
    const batches = this.of(order);
    if (batches.some((batch) => batch.batchType === batchType)) return false;
    if (batchType === 'runner_customer') {
      // The runner brings out bags that are staged: the pickup batch must have reached its last status.
      return batches.some((batch) => batch.batchType === 'pickup' && isLastStatus('pickup', batch.workflowState));
    }
    if (batchType === 'delivery_only') return order.stagingStep === LAST_MILE_STAGING.length - 1;
    return true;
  }

  #applyStatus(batch: BatchRecord, status: string): void {
    batch.workflowState = status;
    batch.history.push({ status, at: this.#now() });
    for (const orderId of batch.orderIds) {
      const order = this.#orders.find(orderId);
      if (!order || isFinished(order)) continue;
      if (isPastShopping(batch.batchType, status)) settleItems(order);
      this.#orders.setState(order, orderStateFor(batch.batchType, status), `batch ${batch.id} ${status}`);
    }
  }
}

/**
 * The emulated Instacart development server as a pure in-memory model: users, orders (delivery, pickup,
 * last mile) with their items and handling, shoppers, batches, tokens, injected faults and autoplay.
 * No MSW, no DOM, no Node-only API: the same model backs the MSW handlers in browser tests, Node tests and
 * the Node HTTP server. Time comes from `now()` and timers from `schedule()`, both injectable.
 *
 * Every rule violation throws a SandboxError that the handlers answer in Connect's shape.
 *
 * Decisions where shared/instacart-api.md is silent (batch ↔ order state ones are in batch-statuses.ts):
 * - `rescheduled`: the window moves 2 hours later and workflow_state becomes `rescheduled`; "the order goes
 *   on": the next batch step (create, advance) or retailer staging sets the state from the batch again.
 * - `late_delivery`: recorded on the order (events, `late_delivery` in the inspect view); the post-checkout
 *   order has no field for it, so what a customer sees does not change.
 * - `canceled`: terminal. Batches whose every order is canceled cannot advance (400/4001); callbacks, item
 *   updates and staging on a delivered or canceled order answer 400/4001.
 * - When the order reaches `checkout` the list is settled: items the shopper never touched become `found`
 *   and replacements nobody answered become `APPROVED` (the shopper's choice stands).
 * - Shoppers update items only while the order is `picking` or `verifying_replacements` (400/4001
 *   otherwise); the customer answers replacements only while `picking` (the doc).
 * - Last mile orders have no items at Instacart: `GET …/items` answers `{"line_items": []}`.
 * - Shopper PII redaction (sandbox-wide option, per user, per order; the most specific wins) makes the
 *   location endpoint answer 403 `Shopper PII` in every state.
 * - The shopper's location exists only while `delivering`: a drive simulated from the store to the address
 *   over `driveDurationMs` from when delivering started, unless a test pinned a position.
 */
import {
  FULFILLMENT_OF_BATCH,
  INITIAL_STATUS,
  LAST_MILE_STAGING,
  isBatchStatus,
  isBatchType,
  isLastStatus,
  isLaterStatus,
  isPastShopping,
  nextStatus,
  orderStateFor,
  type BatchType,
} from './batch-statuses.js';
import { basketProducts, basketSize, catalogProduct, productByReference, quantityString, toProductRecord, type BasketSpec } from './baskets.js';
import { forbidden, invalidParameter, invalidRequest, notFound } from './errors.js';
import { FaultRegistry } from './faults.js';
import { IdGenerator } from './ids.js';
import type {
  BatchRecord,
  Coordinates,
  ItemReference,
  ItemStatus,
  LineItemRecord,
  OrderRecord,
  ProductRecord,
  ShopperRecord,
  StoreRecord,
  UserRecord,
} from './records.js';
import { positionAlongRoute } from './route.js';
import { TokenStore, userIdNotFound, type ClientCredentials, type RawTokenResponse, type TokenRequest } from './tokens.js';
import { isFulfillmentType, type FulfillmentType, type RawAddress, type RawHandling } from './wire.js';
import { AutoplayRunner, type AutoplayOptions, type AutoplayStatus, type AutoplayStepResult } from './autoplay.js';

export type Scheduler = (callback: () => void, ms: number) => () => void;

export interface SandboxOptions {
  /** Model time in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Schedules autoplay steps; returns a cancel function. Default `setTimeout`. */
  schedule?: Scheduler;
  /** Seed for ids and tokens: the same seed gives the same ids. Default: random. */
  seed?: number;
  /** Redact shopper PII for every order (a retailer setting); users and orders may override. */
  redactShopperPii?: boolean;
  /** When given, the token endpoint accepts only these credentials (otherwise any non-empty pair). */
  clients?: readonly ClientCredentials[];
  /** `expires_in` of issued tokens. Default 86400 (24 h). */
  tokenLifetimeSeconds?: number;
  /** How long the simulated drive from store to door takes. Default 3 minutes. */
  driveDurationMs?: number;
}

export interface CreateOrderInput {
  fulfillmentType?: FulfillmentType;
  /** The retailer's (external) user id; a new one is made up when absent. */
  userId?: string;
  /** `small` (6 items, the default), `large` (18, with wine: alcoholic) or a count 1–24. Ignored for last mile. */
  basket?: BasketSpec;
  redactShopperPii?: boolean;
  /** Overrides of the default handling (address and coordinates merge field by field). */
  handling?: Partial<Omit<RawHandling, 'address' | 'coordinates'>> & { address?: Partial<RawAddress>; coordinates?: Coordinates };
  /** Where the shopper drives from. */
  store?: StoreRecord;
  /** Start of the delivery/pickup window (epoch ms); default the next quarter hour plus an hour. */
  windowStartsAt?: number;
  /** Window length in minutes; default 120. */
  windowMinutes?: number;
}

export interface CreateShopperInput {
  email: string;
  phone: string;
  password?: string;
}

export interface CreateBatchInput {
  batchType: string;
  shopperId: number;
  orders: { id: string; userId?: string }[];
  workflowState?: string;
}

export type SandboxItemStatus = 'found' | 'replaced' | 'to_refund' | 'not_found';

export interface ItemUpdateInput {
  status: string;
  deliveredCount?: number;
  deliveredWeight?: number;
  replacementItem?: { upc?: string; rrc?: string };
}

export interface ReplacementDecisionInput {
  status: string;
  alternativeItem?: ItemReference;
}

export type CallbackEvent = 'canceled' | 'rescheduled' | 'late_delivery';

export const CALLBACK_EVENTS: readonly CallbackEvent[] = ['canceled', 'rescheduled', 'late_delivery'];

const SHOPPING_STATES = ['picking', 'verifying_replacements'];
const TERMINAL_STATES = ['delivered', 'canceled'];
const RESCHEDULE_SHIFT_MS = 2 * 60 * 60 * 1000;
const FIRST_SHOPPER_ID = 23728249;
const FIRST_BATCH_ID = 656178546;
const FIRST_NAMES = ['Alex', 'Sam', 'Jordan', 'Maria', 'Priya', 'Chen', 'Noah', 'Fatima', 'Luis', 'Grace'];

export const DEFAULT_STORE: StoreRecord = {
  name: 'Sandbox Market',
  coordinates: { latitude: 38.6702, longitude: -89.9663 },
};

const DEFAULT_ADDRESS: RawAddress = {
  address_line_1: '501 Belt Line Rd',
  address_line_2: '',
  locality: 'Collinsville',
  administrative_area: 'IL',
  postal_code: '62234',
  country_code: 'US',
};
const DEFAULT_COORDINATES: Coordinates = { latitude: 38.6924568, longitude: -89.9785745 };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class Sandbox {
  readonly now: () => number;
  readonly faults = new FaultRegistry();
  readonly options: Readonly<SandboxOptions>;
  readonly tokens: TokenStore;

  private readonly ids: IdGenerator;
  private readonly users = new Map<string, UserRecord>();
  private readonly orders = new Map<string, OrderRecord>();
  private readonly shoppers = new Map<number, ShopperRecord>();
  private readonly batches = new Map<number, BatchRecord>();
  private readonly autoplay: AutoplayRunner;
  private userCount = 0;

  constructor(options: SandboxOptions = {}) {
    this.options = options;
    this.now = options.now ?? (() => Date.now());
    this.ids = new IdGenerator(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    this.tokens = new TokenStore(this.ids, this.now, options.tokenLifetimeSeconds ?? 86400, options.clients);
    const schedule: Scheduler =
      options.schedule ??
      ((callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      });
    this.autoplay = new AutoplayRunner(this, schedule);
  }

  // ── Tokens ────────────────────────────────────────────────────────────────────────────────────────

  /** `POST /v2/oauth/token`. */
  issueToken(request: TokenRequest): RawTokenResponse {
    const response = this.tokens.grant(request);
    if (request.grantType === 'fulfillment_user_assertion') {
      const grant = this.tokens.resolve(response.access_token);
      if (grant.kind === 'user') this.ensureUser(grant.userId);
    }
    return response;
  }

  /** A user token for `userId` (what the retailer's server would get with a user assertion). */
  userToken(userId: string): RawTokenResponse {
    this.ensureUser(userId);
    return this.tokens.issueUser(userId);
  }

  /** A client-credentials token for the Sandbox API. */
  clientToken(): RawTokenResponse {
    return this.tokens.issueClient();
  }

  /** The user a post-checkout request acts for: 401 without a valid token, 400/4001 for a client token. */
  authorizeUser(token: string | undefined): string {
    const grant = this.tokens.resolve(token);
    if (grant.kind !== 'user') throw userIdNotFound();
    return grant.userId;
  }

  /**
   * Checks a Sandbox API token: 401 without a valid one, 403 for a user token (it is a real token, but of
   * the wrong kind: a new user token would not help, so not 401).
   */
  authorizeClient(token: string | undefined): void {
    const grant = this.tokens.resolve(token);
    if (grant.kind !== 'client') throw forbidden('The Sandbox API needs a client-credentials token');
  }

  // ── Users and orders ──────────────────────────────────────────────────────────────────────────────

  createOrder(input: CreateOrderInput = {}): OrderRecord {
    const fulfillmentType = input.fulfillmentType ?? 'delivery';
    if (!isFulfillmentType(fulfillmentType)) {
      throw invalidParameter('fulfillment_type', 'fulfillment_type must be delivery, pickup or last_mile_delivery');
    }
    const size = basketSize(input.basket ?? 'small');
    if (size === undefined) throw invalidParameter('basket', 'basket must be "small", "large" or a count from 1 to 24');
    if (input.userId !== undefined && (typeof input.userId !== 'string' || !input.userId.trim())) {
      throw invalidParameter('user_id', 'user_id must be a non-empty string');
    }
    const user = this.ensureUser(input.userId ?? this.newUserId());
    const now = this.now();
    const quarter = 15 * 60 * 1000;
    const windowStartsAt = input.windowStartsAt ?? Math.ceil(now / quarter) * quarter + 60 * 60 * 1000;
    const products = fulfillmentType === 'last_mile_delivery' ? [] : basketProducts(size);
    const lineItems: LineItemRecord[] = products.map((product, index) => ({
      id: this.ids.lineItemId(),
      lineNum: String(index + 1),
      status: 'not_picked',
      replacementStatus: 'SUBSTITUTION_STATUS_UNSPECIFIED',
      certifiedDelivery: false,
      item: toProductRecord(product),
    }));
    const order: OrderRecord = {
      id: this.ids.uuid(),
      userId: user.id,
      fulfillmentType,
      createdAt: now,
      workflowState: 'brand_new',
      windowStartsAt,
      windowEndsAt: windowStartsAt + (input.windowMinutes ?? 120) * 60 * 1000,
      handling: defaultHandling(fulfillmentType, products.some((p) => p.alcoholic), input.handling),
      store: input.store ?? DEFAULT_STORE,
      lineItems,
      batchIds: [],
      stagingStep: 0,
      ...(input.redactShopperPii !== undefined ? { redactShopperPii: input.redactShopperPii } : {}),
      location: { driveDurationMs: this.options.driveDurationMs ?? 180_000 },
      lateDelivery: false,
      events: [{ at: now, type: 'created', detail: fulfillmentType }],
    };
    this.orders.set(order.id, order);
    return order;
  }

  /** Any order (Sandbox API and dev controls see them all): 404 `order_id` when unknown. */
  getOrder(orderId: string): OrderRecord {
    const order = this.orders.get(orderId);
    if (!order) throw notFound('order_id');
    return order;
  }

  /** An order as the user's token sees it: another user's order is "not found" (404/4000). */
  orderForUser(userId: string, orderId: string): OrderRecord {
    const order = this.orders.get(orderId);
    if (!order || order.userId !== userId) throw notFound('order_id');
    return order;
  }

  listOrders(): OrderRecord[] {
    return [...this.orders.values()];
  }

  getUser(userId: string): UserRecord | undefined {
    return this.users.get(userId);
  }

  /** Last mile: the retailer stages the order, brand_new → staged_for_delivery → waiting_for_delivery. */
  stageOrder(orderId: string): OrderRecord {
    const order = this.getOrder(orderId);
    if (order.fulfillmentType !== 'last_mile_delivery') {
      throw invalidRequest('Only last mile delivery orders are staged by the retailer', 'order_id');
    }
    this.assertNotTerminal(order);
    if (order.stagingStep >= LAST_MILE_STAGING.length - 1) {
      throw invalidRequest('Order is already waiting for delivery', 'order_id');
    }
    order.stagingStep += 1;
    this.setState(order, LAST_MILE_STAGING[order.stagingStep] as string, 'staged');
    return order;
  }

  /** Dev control: puts the order in any state, known or not (to test how a page shows it). */
  forceState(orderId: string, state: string): OrderRecord {
    const order = this.getOrder(orderId);
    if (typeof state !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(state)) {
      throw invalidParameter('workflow_state', 'workflow_state must be a state name');
    }
    this.setState(order, state, 'forced');
    return order;
  }

  // ── Shopper location and PII ──────────────────────────────────────────────────────────────────────

  isShopperPiiRedacted(order: OrderRecord): boolean {
    return order.redactShopperPii ?? this.users.get(order.userId)?.redactShopperPii ?? this.options.redactShopperPii ?? false;
  }

  setShopperPiiRedacted(target: { orderId: string } | { userId: string }, redacted: boolean): void {
    if ('orderId' in target) this.getOrder(target.orderId).redactShopperPii = redacted;
    else this.ensureUser(target.userId).redactShopperPii = redacted;
  }

  /** `GET …/location`: 403 when redacted, null outside `delivering`, else the pinned or simulated position. */
  shopperLocation(order: OrderRecord, options: { ignoreRedaction?: boolean } = {}): Coordinates | null {
    if (!options.ignoreRedaction && this.isShopperPiiRedacted(order)) throw forbidden('Shopper PII');
    if (order.workflowState !== 'delivering') return null;
    const { pinned, driveStartedAt, driveDurationMs } = order.location;
    if (pinned) return { ...pinned };
    const elapsed = this.now() - (driveStartedAt ?? this.now());
    return positionAlongRoute(order.store.coordinates, order.handling.coordinates, driveDurationMs > 0 ? elapsed / driveDurationMs : 1);
  }

  /** Dev control: pins the shopper's position (shown while delivering) until `simulateDrive`. */
  setShopperLocation(orderId: string, coordinates: Coordinates): OrderRecord {
    const order = this.getOrder(orderId);
    const { latitude, longitude } = coordinates;
    if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw invalidParameter('latitude', 'latitude must be a number from -90 to 90');
    }
    if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw invalidParameter('longitude', 'longitude must be a number from -180 to 180');
    }
    order.location.pinned = { latitude, longitude };
    return order;
  }

  /** Dev control: (re)starts the simulated drive from the store now, dropping any pinned position. */
  simulateDrive(orderId: string, options: { durationMs?: number } = {}): OrderRecord {
    const order = this.getOrder(orderId);
    if (options.durationMs !== undefined && !(Number.isFinite(options.durationMs) && options.durationMs >= 0)) {
      throw invalidParameter('duration_ms', 'duration_ms must be a number of milliseconds');
    }
    delete order.location.pinned;
    order.location.driveStartedAt = this.now();
    if (options.durationMs !== undefined) order.location.driveDurationMs = options.durationMs;
    return order;
  }

  // ── The customer's answer to a replacement ────────────────────────────────────────────────────────

  /** `PUT …/items/{order_item_id}/replacement` for the order's user. */
  decideReplacement(userId: string, orderId: string, itemId: string, input: ReplacementDecisionInput): void {
    const order = this.orderForUser(userId, orderId);
    const item = order.lineItems.find((candidate) => candidate.id === itemId);
    if (!item) throw notFound('order_item_id');
    const status = typeof input.status === 'string' ? input.status.toUpperCase() : undefined;
    if (status !== 'APPROVED' && status !== 'REJECTED') throw invalidParameter('status', 'status must be APPROVED or REJECTED');
    const alternative = input.alternativeItem;
    if (alternative !== undefined) {
      if (status !== 'REJECTED') throw invalidParameter('alternative_item', 'alternative_item is allowed only with REJECTED');
      validateReference(alternative, 'alternative_item', true);
    }
    if (order.workflowState !== 'picking') {
      throw invalidRequest('Replacements can be answered only while the order is picking');
    }
    if (item.status !== 'replaced' || item.replacementStatus === 'SUBSTITUTION_STATUS_UNSPECIFIED') {
      throw invalidRequest('Item has no proposed replacement', 'order_item_id');
    }
    if (item.replacementStatus !== 'PENDING') throw invalidRequest('Replacement already answered', 'order_item_id');
    item.replacementStatus = status;
    if (alternative) item.alternativeItem = { ...alternative };
    order.events.push({ at: this.now(), type: 'replacement', detail: `${item.lineNum} ${status}` });
  }

  // ── Sandbox API ───────────────────────────────────────────────────────────────────────────────────

  createShopper(input: CreateShopperInput): ShopperRecord {
    if (typeof input.email !== 'string' || !EMAIL.test(input.email.trim())) throw invalidParameter('email', 'Invalid email');
    const phone = typeof input.phone === 'number' ? String(input.phone) : input.phone;
    const digits = typeof phone === 'string' && /^[\d\s().+-]+$/.test(phone) ? phone.replace(/\D/g, '') : '';
    if (digits.length < 10 || digits.length > 15) throw invalidParameter('phone', 'Invalid phone');
    if ([...this.shoppers.values()].some((shopper) => shopper.phoneDigits === digits)) {
      throw invalidParameter('phone', 'Phone has already been taken');
    }
    if (input.password !== undefined && typeof input.password !== 'string') {
      throw invalidParameter('password', 'password must be a string');
    }
    const id = FIRST_SHOPPER_ID + this.shoppers.size;
    const shopper: ShopperRecord = {
      id,
      email: input.email.trim(),
      phone: phone as string,
      phoneDigits: digits,
      firstName: FIRST_NAMES[this.shoppers.size % FIRST_NAMES.length] as string,
      createdAt: this.now(),
    };
    this.shoppers.set(id, shopper);
    return shopper;
  }

  getShopper(shopperId: number): ShopperRecord | undefined {
    return this.shoppers.get(shopperId);
  }

  /** A phone number no shopper has yet (for autoplay and scripts). */
  unusedPhone(): string {
    for (let n = this.shoppers.size; ; n += 1) {
      const phone = `555${String(n).padStart(7, '0')}`;
      if (![...this.shoppers.values()].some((shopper) => shopper.phoneDigits === phone)) return phone;
    }
  }

  createBatch(input: CreateBatchInput): BatchRecord {
    if (!isBatchType(input.batchType)) {
      throw invalidParameter('batch_type', 'batch_type must be delivery, pickup, runner_customer or delivery_only');
    }
    const batchType: BatchType = input.batchType;
    if (!this.shoppers.has(input.shopperId)) throw invalidParameter('shopper_id', 'Shopper not found');
    if (!Array.isArray(input.orders) || input.orders.length === 0) throw invalidParameter('orders', 'orders must list at least one order');
    if (input.workflowState !== undefined && !isBatchStatus(batchType, input.workflowState)) {
      throw invalidParameter('workflow_state', `workflow_state is not a ${batchType} batch status`);
    }
    const orders = input.orders.map((ref) => {
      const order = typeof ref?.id === 'string' ? this.orders.get(ref.id) : undefined;
      if (!order || (ref.userId !== undefined && ref.userId !== order.userId)) throw invalidParameter('orders', 'Order not found');
      return order;
    });
    if (new Set(orders).size !== orders.length || !orders.every((order) => this.batchable(order, batchType))) {
      throw invalidParameter('orders', 'Orders unbatchable');
    }
    const now = this.now();
    const batch: BatchRecord = {
      id: FIRST_BATCH_ID + this.batches.size,
      batchType,
      shopperId: input.shopperId,
      orderIds: orders.map((order) => order.id),
      workflowState: input.workflowState ?? INITIAL_STATUS[batchType],
      createdAt: now,
      history: [],
      canceled: false,
    };
    this.batches.set(batch.id, batch);
    for (const order of orders) order.batchIds.push(batch.id);
    this.applyStatus(batch, batch.workflowState);
    return batch;
  }

  getBatch(batchId: number): BatchRecord | undefined {
    return this.batches.get(batchId);
  }

  /** The order's batches, oldest first. */
  batchesOf(orderId: string): BatchRecord[] {
    return this.getOrder(orderId).batchIds.map((id) => this.batches.get(id) as BatchRecord);
  }

  /** Moves the batch to its next status, or to the named later one. */
  advanceBatch(batchId: number, target?: string): BatchRecord {
    const batch = this.batches.get(batchId);
    if (!batch) throw notFound('batch_id');
    if (target !== undefined) {
      if (typeof target !== 'string' || !isBatchStatus(batch.batchType, target)) {
        throw invalidParameter('workflow_state', `workflow_state is not a ${batch.batchType} batch status`);
      }
      if (!isLaterStatus(batch.batchType, batch.workflowState, target)) {
        throw invalidParameter('workflow_state', `Batch is already ${batch.workflowState}, which is not before ${target}`);
      }
    }
    if (batch.canceled) throw invalidRequest('Batch canceled: its orders were canceled', 'batch_id');
    const next = target ?? nextStatus(batch.batchType, batch.workflowState);
    if (next === undefined) throw invalidRequest(`Batch cannot advance past ${batch.workflowState}`, 'batch_id');
    this.applyStatus(batch, next);
    return batch;
  }

  /** The shopper finds, replaces, refunds or un-picks an item (`line_num`). */
  updateItem(shopperId: number, orderId: string, lineNum: string, input: ItemUpdateInput): LineItemRecord {
    if (!this.shoppers.has(shopperId)) throw notFound('shopper_id');
    const order = this.getOrder(orderId);
    const item = order.lineItems.find((candidate) => candidate.lineNum === lineNum);
    if (!item) throw notFound('line_num');
    const status = input.status as SandboxItemStatus;
    if (!['found', 'replaced', 'to_refund', 'not_found'].includes(status)) {
      throw invalidParameter('status', 'status must be found, replaced, to_refund or not_found');
    }
    for (const key of ['deliveredCount', 'deliveredWeight'] as const) {
      const value = input[key];
      if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
        throw invalidParameter(key === 'deliveredCount' ? 'delivered_count' : 'delivered_weight', 'must be a number greater than 0');
      }
    }
    if (input.deliveredCount !== undefined && input.deliveredWeight !== undefined) {
      throw invalidParameter('delivered_count', 'send delivered_count or delivered_weight, not both');
    }
    if (input.replacementItem !== undefined) {
      if (status !== 'replaced') throw invalidParameter('replacement_item', 'replacement_item is allowed only with replaced');
      validateReference(input.replacementItem, 'replacement_item', false);
    }
    if (!order.batchIds.some((id) => this.batches.get(id)?.shopperId === shopperId)) {
      throw invalidRequest('Shopper is not assigned to this order', 'shopper_id');
    }
    if (!SHOPPING_STATES.includes(order.workflowState)) {
      throw invalidRequest(`Items can be updated only while the order is picking or verifying_replacements (it is ${order.workflowState})`);
    }
    const delivered = input.deliveredCount ?? input.deliveredWeight;
    delete item.replacement;
    delete item.deliveredCount;
    delete item.deliveredWeight;
    delete item.alternativeItem;
    if (input.deliveredCount !== undefined) item.deliveredCount = input.deliveredCount;
    if (input.deliveredWeight !== undefined) item.deliveredWeight = input.deliveredWeight;
    item.replacementStatus = 'SUBSTITUTION_STATUS_UNSPECIFIED';
    const statusFor: Record<SandboxItemStatus, ItemStatus> = { found: 'found', replaced: 'replaced', to_refund: 'to_refund', not_found: 'not_picked' };
    item.status = statusFor[status];
    if (status === 'replaced') {
      item.replacement = this.replacementFor(item, input.replacementItem, delivered);
      item.replacementStatus = 'PENDING';
    }
    order.events.push({ at: this.now(), type: 'item', detail: `${lineNum} ${status}` });
    return item;
  }

  /** `POST …/orders/{id}/callbacks`: canceled, rescheduled or late_delivery. */
  callback(orderId: string, eventName: string): OrderRecord {
    const order = this.getOrder(orderId);
    if (!(CALLBACK_EVENTS as readonly string[]).includes(eventName)) {
      throw invalidParameter('event_name', 'event_name must be canceled, rescheduled or late_delivery');
    }
    this.assertNotTerminal(order);
    const event = eventName as CallbackEvent;
    if (event === 'canceled') {
      this.setState(order, 'canceled', 'callback');
      for (const batch of this.batchesOf(order.id)) {
        if (batch.orderIds.every((id) => this.orders.get(id)?.workflowState === 'canceled')) batch.canceled = true;
      }
      this.autoplay.stop(order.id);
    } else if (event === 'rescheduled') {
      order.windowStartsAt += RESCHEDULE_SHIFT_MS;
      order.windowEndsAt += RESCHEDULE_SHIFT_MS;
      this.setState(order, 'rescheduled', 'callback');
    } else {
      order.lateDelivery = true;
      order.events.push({ at: this.now(), type: 'late_delivery' });
    }
    return order;
  }

  // ── Autoplay ──────────────────────────────────────────────────────────────────────────────────────

  /** Does the next thing the order's lifecycle needs (stage, batch, pick an item, advance, …). */
  autoplayStep(orderId: string): AutoplayStepResult {
    return this.autoplay.step(orderId);
  }

  /** Runs every step at once, without timers, until delivered (or canceled). */
  runAutoplay(orderId: string, options: AutoplayOptions = {}): AutoplayStepResult[] {
    return this.autoplay.runToEnd(orderId, options);
  }

  /** Steps the order every `stepMs` through `schedule` until it is delivered; the first step is immediate. */
  startAutoplay(orderId: string, options: AutoplayOptions = {}): AutoplayStepResult {
    return this.autoplay.start(orderId, options);
  }

  stopAutoplay(orderId: string): boolean {
    return this.autoplay.stop(orderId);
  }

  autoplayStatus(orderId: string): AutoplayStatus | undefined {
    return this.autoplay.status(orderId);
  }

  // ── Lifecycle ─────────────────────────────────────────────────────────────────────────────────────

  /** Forgets everything (orders, users, shoppers, batches, tokens, faults) and stops autoplay. */
  reset(): void {
    this.autoplay.stopAll();
    this.users.clear();
    this.orders.clear();
    this.shoppers.clear();
    this.batches.clear();
    this.tokens.clear();
    this.faults.clear();
    this.userCount = 0;
  }

  /** Stops every timer the sandbox holds (autoplay), keeping the data. */
  dispose(): void {
    this.autoplay.stopAll();
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────────────────

  private ensureUser(userId: string): UserRecord {
    let user = this.users.get(userId);
    if (!user) {
      user = { id: userId };
      this.users.set(userId, user);
    }
    return user;
  }

  private newUserId(): string {
    for (;;) {
      this.userCount += 1;
      const id = `customer-${1000 + this.userCount}`;
      if (!this.users.has(id)) return id;
    }
  }

  private assertNotTerminal(order: OrderRecord): void {
    if (TERMINAL_STATES.includes(order.workflowState)) {
      throw invalidRequest(`Order is already ${order.workflowState}`, 'order_id');
    }
  }

  private batchable(order: OrderRecord, batchType: BatchType): boolean {
    if (order.fulfillmentType !== FULFILLMENT_OF_BATCH[batchType]) return false;
    if (TERMINAL_STATES.includes(order.workflowState)) return false;
    const batches = order.batchIds.map((id) => this.batches.get(id) as BatchRecord);
    if (batches.some((batch) => batch.batchType === batchType)) return false;
    if (batchType === 'runner_customer') {
      // The runner brings out bags that are staged: the pickup batch must have reached its last status.
      return batches.some((batch) => batch.batchType === 'pickup' && isLastStatus('pickup', batch.workflowState));
    }
    if (batchType === 'delivery_only') return order.stagingStep === LAST_MILE_STAGING.length - 1;
    return true;
  }

  private applyStatus(batch: BatchRecord, status: string): void {
    const now = this.now();
    batch.workflowState = status;
    batch.history.push({ status, at: now });
    for (const orderId of batch.orderIds) {
      const order = this.orders.get(orderId);
      if (!order || TERMINAL_STATES.includes(order.workflowState)) continue;
      if (isPastShopping(batch.batchType, status)) settleItems(order);
      this.setState(order, orderStateFor(batch.batchType, status), `batch ${batch.id} ${status}`);
    }
  }

  private setState(order: OrderRecord, state: string, cause: string): void {
    const entering = state !== order.workflowState;
    if (entering && state === 'delivering') order.location.driveStartedAt = this.now();
    order.workflowState = state;
    order.events.push({ at: this.now(), type: 'state', detail: `${state} (${cause})` });
  }

  private replacementFor(item: LineItemRecord, reference: { upc?: string; rrc?: string } | undefined, delivered: number | undefined): ProductRecord {
    const quantity = delivered !== undefined ? quantityString(delivered) : undefined;
    if (reference) {
      const named = productByReference(reference);
      if (named) return toProductRecord(named, quantity);
      // A code the catalog does not know: a nameless store product like the original.
      return {
        name: `Replacement for ${item.item.name}`,
        quantity: quantity ?? item.item.quantity,
        costUnit: item.item.costUnit,
        ...reference,
      };
    }
    const original = productByReference({ upc: item.item.upc });
    const substitute = original ? catalogProduct(original.substitute) : undefined;
    if (substitute) return toProductRecord(substitute, quantity ?? item.item.quantity);
    return { name: `Replacement for ${item.item.name}`, quantity: quantity ?? item.item.quantity, costUnit: item.item.costUnit };
  }
}

/** At checkout: untouched items were found, unanswered replacements stand. */
function settleItems(order: OrderRecord): void {
  for (const item of order.lineItems) {
    if (item.status === 'not_picked') item.status = 'found';
    if (item.replacementStatus === 'PENDING') item.replacementStatus = 'APPROVED';
  }
}

function validateReference(reference: ItemReference, key: string, needsAmount: boolean): void {
  const ok =
    typeof reference === 'object' &&
    reference !== null &&
    [reference.upc, reference.rrc].filter((code) => typeof code === 'string' && code.trim() !== '').length === 1 &&
    [reference.upc, reference.rrc].filter((code) => code !== undefined).length === 1;
  if (!ok) throw invalidParameter(key, `${key} must hold exactly one of upc or rrc`);
  if (!needsAmount) return;
  const amounts = [reference.count, reference.weight].filter((value) => value !== undefined);
  if (amounts.length !== 1 || !amounts.every((value) => typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw invalidParameter(key, `${key} must hold exactly one of count or weight, greater than 0`);
  }
}

function defaultHandling(type: FulfillmentType, alcoholic: boolean, overrides: CreateOrderInput['handling'] = {}): RawHandling {
  const { address, coordinates, ...rest } = overrides;
  return {
    address: { ...DEFAULT_ADDRESS, ...address },
    coordinates: { ...DEFAULT_COORDINATES, ...coordinates },
    dropoff_location: type === 'pickup' ? '' : 'Front door',
    notes: type === 'pickup' ? 'Blue hatchback, parking spot 4' : '',
    instructions: type === 'pickup' ? '' : 'Please ring the doorbell.',
    leave_unattended: false,
    alcoholic,
    certified_delivery: false,
    ...rest,
  };
}

/**
 * The emulated Instacart development server, as one object: `Sandbox` is a facade over the model's modules
 * (orders, batches, line items, shopper locations, tokens, autoplay) and the fault registry, the way
 * TanStack's QueryClient sits over its QueryCache. Tests, scripts and the HTTP handlers all go through it.
 *
 * Pure and in memory: no MSW, no DOM, no Node-only API, so the same object backs MSW in browser tests, Node
 * tests and the Node HTTP server. Time comes from `now` and timers from `schedule`, both injectable. Its
 * inputs are typed values; reading them off the wire is the handlers' job (`http/`). A broken rule throws
 * a SandboxError that the handlers answer in Connect's shape. docs/sandbox.md describes the whole house.
 */
import { AutoplayRunner, type AutoplayOptions, type AutoplayStatus, type AutoplayStepResult, type Scheduler } from './model/autoplay.js';
import { Batches, type CreateBatchInput, type CreateShopperInput } from './model/batches.js';
import { IdGenerator } from './model/ids.js';
import { LineItems, type ItemUpdateInput, type ReplacementDecisionInput } from './model/items.js';
import { ShopperLocations, type ShopperWhereabouts } from './model/location.js';
import { OrderLog } from './model/order-log.js';
import { Orders, type CallbackEvent, type CreateOrderInput } from './model/orders.js';
import type { BatchRecord, LineItemRecord, OrderRecord, SandboxCoordinates, ShopperRecord } from './model/records.js';
import { TokenStore, type ClientCredentials, type RawTokenResponse, type TokenRequest } from './model/tokens.js';
import { FaultRegistry } from './http/faults.js';
import { CallbackSender, type CallbackTarget } from './callbacks/callback-sender.js';

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
  /** Send Connect's event callbacks to this URL with this bearer token (docs/sandbox.md, "Callbacks"). Default off. */
  callbacks?: CallbackTarget;
  /** How callbacks are POSTed. Default the runtime's fetch. */
  callbackFetch?: typeof fetch;
}

const timeoutScheduler: Scheduler = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

export class Sandbox {
  /** Model time, in epoch milliseconds. */
  readonly now: () => number;
  /** Answers a test pins in place of the emulator's own (faults, raw bodies, slow answers). */
  readonly faults = new FaultRegistry();
  /** Every token issued, its user or client and expiry (`expire` makes one fail with 401 at once). */
  readonly tokens: TokenStore;
  /** Sends Connect's event callbacks for everything that happens to orders, once given a target. */
  readonly callbacks: CallbackSender;
  readonly #orders: Orders;
  readonly #batches: Batches;
  readonly #items: LineItems;
  readonly #locations: ShopperLocations;
  readonly #autoplay: AutoplayRunner;

  constructor(options: SandboxOptions = {}) {
    const now = options.now ?? (() => Date.now());
    const ids = new IdGenerator(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    this.now = now;
    const log = new OrderLog(now);
    const schedule = options.schedule ?? timeoutScheduler;
    this.tokens = new TokenStore(ids, now, options.tokenLifetimeSeconds ?? 86400, options.clients);
    this.callbacks = new CallbackSender(log, { now, schedule, ...(options.callbacks ? { target: options.callbacks } : {}), ...(options.callbackFetch ? { fetch: options.callbackFetch } : {}) });
    this.#orders = new Orders(ids, now, options.driveDurationMs ?? 180_000, log);
    this.#batches = new Batches(this.#orders, now);
    this.#items = new LineItems(log);
    this.#locations = new ShopperLocations(this.#orders, now, options.redactShopperPii ?? false);
    const model = { orders: this.#orders, batches: this.#batches, items: this.#items, locations: this.#locations };
    this.#autoplay = new AutoplayRunner(model, schedule);
  }

  // Tokens (docs/connect-api.md §4)

  /** `POST /v2/oauth/token`: a user token (the user is created on first mention) or a client token. */
  issueToken(request: TokenRequest): RawTokenResponse {
    const response = this.tokens.grant(request);
    if (request.grantType === 'fulfillment_user_assertion') this.#orders.user(request.userId);
    return response;
  }

  /** A user token for `userId`: what the retailer's server would get with a user assertion. */
  userToken(userId: string): RawTokenResponse {
    this.#orders.user(userId);
    return this.tokens.issueUser(userId);
  }

  /** A client-credentials token for the Sandbox API. */
  clientToken(): RawTokenResponse {
    return this.tokens.issueClient();
  }

  // Orders

  /** A new order (`brand_new`) of a new or named user, with a basket from the catalog and default handling. */
  createOrder(input: CreateOrderInput = {}): OrderRecord {
    return this.#orders.create(input);
  }

  /** Any order, as the Sandbox API and the dev controls see them. */
  getOrder(orderId: string): OrderRecord {
    return this.#orders.get(orderId);
  }

  /** An order as the user's token sees it: another user's order is "not found". */
  orderForUser(userId: string, orderId: string): OrderRecord {
    return this.#orders.forUser(userId, orderId);
  }

  /** Every order, oldest first. */
  listOrders(): OrderRecord[] {
    return this.#orders.list();
  }

  /** Last mile: the retailer stages the order, brand_new → staged_for_delivery → waiting_for_delivery. */
  stageOrder(orderId: string): OrderRecord {
    return this.#orders.stage(orderId);
  }

  /** Puts the order in any state, known or not (to test how a page shows it). */
  forceState(orderId: string, state: string): OrderRecord {
    return this.#orders.forceState(orderId, state);
  }

  /** `POST …/orders/{id}/callbacks`: canceled, rescheduled or late_delivery. */
  callback(orderId: string, event: CallbackEvent): OrderRecord {
    const order = this.#orders.callback(orderId, event);
    if (event === 'canceled') {
      this.#batches.closeCanceled(order);
      this.#autoplay.stop(order.id);
    }
    return order;
  }

  // Shoppers and batches (docs/connect-api.md §5)

  /** `POST /v2/fulfillment_sandbox/shoppers`: a shopper with a unique phone number. */
  createShopper(input: CreateShopperInput): ShopperRecord {
    return this.#batches.createShopper(input);
  }

  /** The shopper with this id; a `not_found` SandboxError when there is none. */
  getShopper(shopperId: number): ShopperRecord {
    return this.#batches.shopper(shopperId);
  }

  /** `POST /v2/fulfillment_sandbox/batches`: the shopper takes the orders; they move to the batch's status. */
  createBatch(input: CreateBatchInput): BatchRecord {
    return this.#batches.create(input);
  }

  /** The order's batches, oldest first. */
  batchesOf(orderId: string): BatchRecord[] {
    return this.#batches.of(this.#orders.get(orderId));
  }

  /** Moves the batch to its next status, or to the named later one. */
  advanceBatch(batchId: number, target?: string): BatchRecord {
    return this.#batches.advance(batchId, target);
  }

  // Line items

  /** The shopper finds, replaces, refunds or un-picks the item on line `lineNum`. */
  updateItem(shopperId: number, orderId: string, lineNum: string, input: ItemUpdateInput): LineItemRecord {
    this.#batches.shopper(shopperId);
    const order = this.#orders.get(orderId);
    return this.#items.update(order, lineNum, input, this.#batches.isAssigned(shopperId, order));
  }

  /** `PUT …/items/{order_item_id}/replacement`: the customer's answer, for the order's user only. */
  decideReplacement(userId: string, orderId: string, itemId: string, input: ReplacementDecisionInput): void {
    this.#items.decide(this.#orders.forUser(userId, orderId), itemId, input);
  }

  // The shopper's location and PII

  /** Whether the order's shopper details are withheld (its own setting, else its user's, else the sandbox's). */
  isShopperPiiRedacted(order: OrderRecord): boolean {
    return this.#locations.isRedacted(order);
  }

  /** Redacts (or shows) shopper details for one order, or for every order of a user. */
  setShopperPiiRedacted(target: { orderId: string } | { userId: string }, redacted: boolean): void {
    this.#locations.setRedacted(target, redacted);
  }

  /** What `GET …/location` may say: withheld when redacted, else the position (null outside `delivering`). */
  shopperWhereabouts(order: OrderRecord): ShopperWhereabouts {
    return this.#locations.whereabouts(order);
  }

  /** Where the shopper is, redaction aside: null outside `delivering`. */
  shopperPosition(order: OrderRecord): SandboxCoordinates | null {
    return this.#locations.position(order);
  }

  /** Pins the shopper's position (shown while delivering) until `simulateDrive`. */
  setShopperLocation(orderId: string, coordinates: SandboxCoordinates): OrderRecord {
    return this.#locations.pin(orderId, coordinates);
  }

  /** (Re)starts the simulated drive from the store now, dropping any pinned position. */
  simulateDrive(orderId: string, options: { durationMs?: number } = {}): OrderRecord {
    return this.#locations.simulateDrive(orderId, options);
  }

  // Autoplay

  /** Does the next thing the order's lifecycle needs (stage, batch, pick an item, advance, …). */
  autoplayStep(orderId: string): AutoplayStepResult {
    return this.#autoplay.step(orderId);
  }

  /** Runs every step at once, without timers, until delivered (or canceled). */
  runAutoplay(orderId: string, options: AutoplayOptions = {}): AutoplayStepResult[] {
    return this.#autoplay.runToEnd(orderId, options);
  }

  /** Steps the order every `stepMs` through `schedule` until it is delivered; the first step is immediate. */
  startAutoplay(orderId: string, options: AutoplayOptions = {}): AutoplayStepResult {
    return this.#autoplay.start(orderId, options);
  }

  /** Stops scheduled autoplay of the order; false when none was running. */
  stopAutoplay(orderId: string): boolean {
    return this.#autoplay.stop(orderId);
  }

  /** How far autoplay of the order has got, if it was ever started. */
  autoplayStatus(orderId: string): AutoplayStatus | undefined {
    return this.#autoplay.status(orderId);
  }

  // Lifecycle

  /** Forgets everything (orders, users, shoppers, batches, tokens, faults, sent callbacks) and stops autoplay. */
  reset(): void {
    this.#autoplay.stopAll();
    this.callbacks.reset();
    this.#orders.clear();
    this.#batches.clear();
    this.tokens.clear();
    this.faults.clear();
  }

  /** Stops every timer the sandbox holds (autoplay, delayed callbacks), keeping the data. */
  dispose(): void {
    this.#autoplay.stopAll();
    this.callbacks.dispose();
  }
}

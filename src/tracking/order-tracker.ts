/**
 * OrderTracker: everything the page knows about one order, shared by every element that shows it.
 *
 * Data flows one way: a Poller reads an endpoint → the tracker merges the answer into its snapshot (unchanged
 * parts keep their identity) → after an order answer it re-reads the polling policy and retunes every poller
 * → subscribers are told → elements render. Elements never fetch and never hold timers.
 */
import { ApiError } from '../api/api-error.js';
import { ConnectClient } from '../api/connect-client.js';
import type { Handling, LineItem, Order, OrderResource, ReplacementDecision } from '../api/types.js';
import { TokenSource, type TokenSourceOptions } from '../auth/token-source.js';
import { type Activity, activityFor } from '../workflow/polling-policy.js';
import type { TrackingEnvironment } from './environment.js';
import { type FailureDecision, Poller } from './poller.js';
import { TabCoordinator, type TabMessage, type TabRole } from './tab-coordinator.js';
import {
  countItems,
  emptySnapshot,
  keepIfSame,
  mergeLineItems,
  type OrderSnapshot,
  RESOURCES,
  type ResourceStatus,
  sameData,
  type TrackerCondition,
} from './snapshot.js';

export interface TrackerConfig {
  apiBase: string;
  orderId: string;
  /** Seconds between polls of an active endpoint (minimum 1). */
  pollIntervalSeconds: number;
  tokens: Omit<TokenSourceOptions, 'clock' | 'fetch'>;
  acceptLanguage?: string;
  fetch?: typeof fetch;
  env: TrackingEnvironment;
}

/** Someone showing this order: an element, through its OrderController. */
export interface TrackerSubscriber {
  /** Where the tracker dispatches the events of the resources this subscriber reports. */
  readonly host: EventTarget;
  /** Resources this subscriber shows; it reports their events if no subscriber has them as `primary`. */
  readonly needs: readonly OrderResource[];
  /** Resources whose events this subscriber dispatches first. */
  readonly primary: readonly OrderResource[];
  onSnapshot(snapshot: OrderSnapshot): void;
}

/** A page that comes back into view reads again, but not more often than this however often it flips. */
const MIN_REFRESH_GAP_MS = 5_000;
/** Requests give up after this long (kind `timeout`) and are retried with backoff. */
const REQUEST_TIMEOUT_MS = 20_000;
const READY: ResourceStatus = { state: 'ready' };
const FOLLOWING: Activity = { kind: 'off' };

export class OrderTracker {
  #snapshot: OrderSnapshot;
  readonly #subscribers = new Set<TrackerSubscriber>();
  #pollers: Record<OrderResource, Poller<unknown>>;
  #tokens: TokenSource;
  #tokenOptions: TrackerConfig['tokens'];
  /** Whether the page was visible and online at the last look, to notice a return. */
  #wasActive = true;
  #lastSignInRetryAt = -Infinity;
  /** Token generation each failed request used, so concurrent 401s share one refresh. */
  readonly #tokenGenerationOf = new WeakMap<ApiError, number>();
  #fatal: TrackerCondition | undefined;
  #unsubscribeEnvironment: (() => void) | undefined;
  #started = false;
  /** Shares the polling with other tabs showing this order, where the browser can. */
  #tabs: TabCoordinator | undefined;
  #role: TabRole = 'solo';

  readonly #config: TrackerConfig;

  constructor(config: TrackerConfig) {
    this.#config = config;
    this.#snapshot = emptySnapshot(config.orderId);
    this.#tokenOptions = config.tokens;
    this.#tokens = this.#tokenSource(config.tokens);
    this.#pollers = this.#createPollers();
  }

  #tokenSource(tokens: TrackerConfig['tokens']): TokenSource {
    return new TokenSource({ ...tokens, fetch: this.#config.fetch, clock: this.#config.env.clock });
  }

  /** One Poller per endpoint; made anew when the customer signs in again after "sign in again". */
  #createPollers(): Record<OrderResource, Poller<unknown>> {
    const poller = <T>(resource: OrderResource, read: (client: ConnectClient, signal: AbortSignal) => Promise<T>, onData: (data: T) => void) =>
      new Poller<T>({
        env: this.#config.env,
        minRefreshGapMs: MIN_REFRESH_GAP_MS,
        read: (signal) => this.#call((client) => read(client, signal)),
        onData: (data) => {
          this.#tokens.accepted();
          this.#tabs?.share({ type: resource, data } as TabMessage);
          onData(data);
        },
        onError: (error) => this.#failed(resource, error),
      }) as Poller<unknown>;
    const id = this.#config.orderId;
    return {
      order: poller('order', (c, signal) => c.getOrder(id, { signal }), (order) => this.#receivedOrder(order)),
      items: poller('items', (c, signal) => c.getItems(id, { signal }), (items) => this.#receivedItems(items)),
      handling: poller('handling', (c, signal) => c.getHandling(id, { signal }), (handling) => this.#receivedHandling(handling)),
      location: poller('location', (c, signal) => c.getLocation(id, { signal }), (location) => this.#receivedLocation(location)),
    };
  }

  /**
   * New token settings from the page (the customer signed in again, a fresh server-rendered token). A tracker
   * that had given up for want of a token starts over with them; others just use them from the next call.
   */
  useTokens(tokens: TrackerConfig['tokens']): void {
    this.#tokenOptions = tokens;
    this.#tokens = this.#tokenSource(tokens);
    if (this.#fatal !== 'auth' || !this.#tokens.configured) return;
    this.#fatal = undefined;
    this.#pollers = this.#createPollers();
    this.#environmentChanged();
    this.#applyPolicy(this.#snapshot.order);
  }

  get current(): OrderSnapshot {
    return this.#snapshot;
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  subscribe(subscriber: TrackerSubscriber): void {
    this.#subscribers.add(subscriber);
    subscriber.onSnapshot(this.#snapshot);
    if (!this.#started) this.#start();
  }

  unsubscribe(subscriber: TrackerSubscriber): void {
    this.#subscribers.delete(subscriber);
  }

  /** Stops every timer and aborts every request. The registry calls it when the last element leaves. */
  stop(): void {
    for (const resource of RESOURCES) this.#pollers[resource].stop();
    this.#unsubscribeEnvironment?.();
    this.#unsubscribeEnvironment = undefined;
    this.#tabs?.stop();
  }

  /**
   * Sends the customer's answer to a proposed replacement, then reads the items again at once.
   * Rejects with an ApiError the caller shows (400 already answered, 404, network…).
   */
  async decideReplacement(itemId: string, decision: ReplacementDecision, signal?: AbortSignal): Promise<void> {
    try {
      await this.#call((client) => client.putReplacementDecision(this.#config.orderId, itemId, decision, { signal }), true);
    } catch (error) {
      // Already answered (elsewhere, or by the shopper's timeout) or gone: show what Connect has now.
      if (error instanceof ApiError && (error.kind === 'bad_request' || error.kind === 'not_found')) this.#pollers.items.readAgain();
      throw error;
    }
    const items = this.#snapshot.items;
    if (items) {
      // Show the answer right away; the next read confirms it.
      const updated = items.map((item): LineItem => (item.id === itemId ? { ...item, replacementStatus: decision } : item));
      this.#update('items', { items: mergeLineItems(items, updated) });
    }
    this.#pollers.items.readAgain();
  }

  #start(): void {
    this.#started = true;
    const { visibility, connectivity } = this.#config.env;
    const onEnvironment = () => this.#environmentChanged();
    const offVisibility = visibility.subscribe(onEnvironment);
    const offConnectivity = connectivity.subscribe(onEnvironment);
    this.#unsubscribeEnvironment = () => {
      offVisibility();
      offConnectivity();
    };
    if (!this.#tokens.configured) {
      this.#giveUp('auth', 'order', new ApiError({ kind: 'auth', message: 'No token: set the token or token-url attribute, or a tokenProvider.' }));
      return;
    }
    this.#environmentChanged();
    const services = this.#config.env.tabs;
    if (!services) {
      this.#applyPolicy(undefined);
      return;
    }
    this.#tabs = new TabCoordinator({
      key: `${this.#config.apiBase}|${this.#config.orderId}`,
      services,
      onRole: (role) => this.#roleChanged(role),
      onMessage: (message) => this.#fromOtherTab(message),
    });
    // Only once this tab knows whether another one leads does it start asking: a follower asks nothing.
    void this.#tabs.start(this.#config.env.visibility.isVisible()).finally(() => this.#applyPolicy(this.#snapshot.order));
  }

  #roleChanged(role: TabRole): void {
    this.#role = role;
    // A new leader reads what the state needs at once: the takeover costs no waiting.
    this.#applyPolicy(this.#snapshot.order);
  }

  #fromOtherTab(message: TabMessage): void {
    switch (message.type) {
      case 'hello': {
        // A tab that just opened wants what this leader already has.
        const { order, items, handling, location } = this.#snapshot;
        if (order) this.#tabs?.share({ type: 'order', data: order });
        if (items) this.#tabs?.share({ type: 'items', data: [...items] });
        if (handling) this.#tabs?.share({ type: 'handling', data: handling });
        if (location) this.#tabs?.share({ type: 'location', data: location });
        if (this.#fatal) this.#tabs?.share({ type: 'fatal', condition: this.#fatal });
        break;
      }
      case 'order':
        this.#receivedOrder(message.data);
        break;
      case 'items':
        this.#receivedItems(message.data);
        break;
      case 'handling':
        this.#receivedHandling(message.data);
        break;
      case 'location':
        this.#receivedLocation(message.data);
        break;
      case 'fatal':
        this.#halt(message.condition);
        this.#update(undefined, {});
        break;
    }
  }

  #environmentChanged(): void {
    const { visibility, connectivity } = this.#config.env;
    const active = visibility.isVisible() && connectivity.isOnline();
    const returned = active && !this.#wasActive;
    this.#wasActive = active;
    if (returned && this.#fatal === 'auth' && this.#mayRetrySignIn()) {
      // The customer may have signed in again elsewhere meanwhile: ask the token URL (or provider) once more.
      this.useTokens(this.#tokenOptions);
      return;
    }
    this.#tabs?.visibilityChanged(visibility.isVisible());
    for (const resource of RESOURCES) {
      if (active) this.#pollers[resource].resume();
      else this.#pollers[resource].pause();
    }
    this.#update(undefined, {});
  }

  /** Only a source that can give a new token is worth asking again, and not more often than a refresh. */
  #mayRetrySignIn(): boolean {
    const now = this.#config.env.clock.now();
    if (!(this.#tokenOptions.tokenUrl || this.#tokenOptions.tokenProvider) || now - this.#lastSignInRetryAt < MIN_REFRESH_GAP_MS) return false;
    this.#lastSignInRetryAt = now;
    return true;
  }

  /** Runs one API call with the current token; a 401 is retried once with a fresh token (for writes). */
  async #call<T>(run: (client: ConnectClient) => Promise<T>, retryAuthHere = false): Promise<T> {
    let generation = 0;
    const client = new ConnectClient({
      apiBase: this.#config.apiBase,
      fetch: this.#config.fetch,
      timeoutMs: REQUEST_TIMEOUT_MS,
      acceptLanguage: this.#config.acceptLanguage,
      timers: this.#config.env.clock,
      getToken: async () => {
        const issued = await this.#tokens.get();
        generation = issued.generation;
        return issued.token;
      },
    });
    try {
      return await run(client);
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'auth') {
        this.#tokenGenerationOf.set(error, generation);
        if (retryAuthHere && generation > 0 && this.#tokens.rejected(generation)) return this.#call(run, false);
      }
      throw error;
    }
  }

  #receivedOrder(order: Order): void {
    const previous = this.#snapshot.order;
    const next = previous && sameData(previous, order) ? previous : order;
    this.#update('order', { order: next });
    if (next !== previous && (!previous || previous.workflowState !== next.workflowState)) {
      this.#emit('order', 'order-state-change', {
        orderId: this.#config.orderId,
        state: next.workflowState,
        previousState: previous?.workflowState ?? null,
        fulfillmentType: next.fulfillmentType,
      });
    }
    this.#applyPolicy(next);
  }

  #receivedItems(items: readonly LineItem[]): void {
    const previous = this.#snapshot.items;
    const next = mergeLineItems(previous, items);
    this.#update('items', { items: next });
    if (next !== previous) {
      const counts = countItems(next);
      if (!previous || !sameData(countItems(previous), counts)) {
        this.#emit('items', 'order-items-change', { orderId: this.#config.orderId, counts });
      }
    }
  }

  #receivedHandling(handling: Handling): void {
    this.#update('handling', { handling: keepIfSame(this.#snapshot.handling, handling) });
  }

  /** A final condition (sign in again, order not found): nothing more is asked, in this tab or any other. */
  #halt(condition: TrackerCondition): void {
    this.#fatal = condition;
    for (const r of RESOURCES) this.#pollers[r].stop();
  }

  #receivedLocation(location: OrderSnapshot['location']): void {
    // A position that arrives after the state moved past delivering is stale: the shopper is gone.
    if (this.#snapshot.order && this.#snapshot.order.workflowState !== 'delivering') return;
    const next = keepIfSame(this.#snapshot.location, location);
    const changed = next !== this.#snapshot.location;
    this.#update('location', { location: next });
    if (changed && next) {
      this.#emit('location', 'shopper-location-change', { orderId: this.#config.orderId, latitude: next.latitude, longitude: next.longitude });
    }
  }

  /** Retunes every endpoint to what the order's state makes useful (the table in workflow/polling-policy). */
  #applyPolicy(order: Order | undefined): void {
    if (this.#fatal) return;
    const intervalMs = Math.max(1, this.#config.pollIntervalSeconds) * 1000;
    for (const resource of RESOURCES) {
      const activity = activityFor(resource, order);
      // A follower asks nothing: the leading tab shares every answer.
      this.#pollers[resource].setActivity(this.#role === 'follower' ? FOLLOWING : activity, intervalMs);
      // Privacy and honesty: outside delivering there is no shopper position to show.
      if (resource === 'location' && activity.kind === 'off' && this.#snapshot.location) this.#update(undefined, { location: null });
    }
    this.#update(undefined, {});
  }

  #failed(resource: OrderResource, error: ApiError): FailureDecision {
    const { connectivity } = this.#config.env;
    if (error.kind === 'auth') {
      const generation = this.#tokenGenerationOf.get(error) ?? 0;
      if (generation > 0 && this.#tokens.rejected(generation)) return 'retry_now';
      this.#giveUp('auth', resource, error);
      return 'stop';
    }
    if (error.kind === 'not_found' && (resource === 'order' || error.code === 4000)) {
      this.#giveUp('not_found', resource, error);
      return 'stop';
    }
    if (resource === 'location' && error.kind === 'forbidden') {
      // The retailer has shopper details redacted: say so and stop asking.
      this.#update('location', { locationShared: false, location: null }, { state: 'stopped', error });
      this.#emitError(resource, error);
      return 'stop';
    }
    if (!error.retryable) {
      this.#update(resource, {}, { state: 'stopped', error });
      this.#emitError(resource, error);
      return 'stop';
    }
    const offline = !connectivity.isOnline();
    const firstFailure = this.#snapshot.resources[resource].state !== 'retrying';
    this.#update(resource, {}, { state: 'retrying', error });
    // Offline is not an error for the customer: updates are paused, and resume when the network returns.
    if (firstFailure && !(offline && (error.kind === 'network' || error.kind === 'timeout'))) this.#emitError(resource, error);
    return 'retry';
  }

  #giveUp(condition: TrackerCondition, resource: OrderResource, error: ApiError): void {
    this.#halt(condition);
    this.#tabs?.share({ type: 'fatal', condition });
    this.#update(resource, {}, { state: 'stopped', error });
    this.#emitError(resource, error);
  }

  /** Makes the next snapshot and tells subscribers, unless nothing changed. */
  #update(resource: OrderResource | undefined, data: Partial<OrderSnapshot>, status?: ResourceStatus): void {
    const previous = this.#snapshot;
    let resources = previous.resources;
    const now = this.#config.env.clock.now();
    if (resource) {
      const nextStatus: ResourceStatus = status ?? READY;
      if (!sameData(resources[resource], nextStatus)) resources = { ...resources, [resource]: nextStatus };
    }
    const next: OrderSnapshot = {
      ...previous,
      ...data,
      resources,
      lastUpdatedAt: resource && !status ? now : previous.lastUpdatedAt,
    };
    next.condition = this.#conditionOf(next);
    const changed = (Object.keys(next) as (keyof OrderSnapshot)[]).some((key) => key !== 'lastUpdatedAt' && next[key] !== previous[key]);
    if (!changed) {
      // Same answer again: keep the snapshot (and the screen) as it is, only the freshness moves.
      if (next.lastUpdatedAt !== previous.lastUpdatedAt) this.#snapshot = { ...previous, lastUpdatedAt: next.lastUpdatedAt };
      return;
    }
    this.#snapshot = next;
    for (const subscriber of [...this.#subscribers]) subscriber.onSnapshot(next);
  }

  #conditionOf(snapshot: OrderSnapshot): TrackerCondition {
    if (this.#fatal) return this.#fatal;
    if (!this.#config.env.connectivity.isOnline()) return 'offline';
    return RESOURCES.some((r) => snapshot.resources[r].state === 'retrying') ? 'reconnecting' : 'live';
  }

  #emitError(resource: OrderResource, error: ApiError): void {
    this.#emit(resource, 'order-error', {
      orderId: this.#config.orderId,
      resource,
      kind: error.kind,
      status: error.status ?? null,
      message: error.message,
    });
  }

  /** Dispatches one event per change, on one element: the one that shows this resource first. */
  #emit(resource: OrderResource, type: string, detail: unknown): void {
    const subscribers = [...this.#subscribers];
    const target =
      subscribers.find((s) => s.primary.includes(resource)) ?? subscribers.find((s) => s.needs.includes(resource)) ?? subscribers[0];
    target?.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/**
 * OrderTracker: everything the page knows about one order, shared by every element that shows it. A small
 * coordinator; each rule it follows lives with a collaborator of its own:
 * - ResourcePollers read the endpoints as the polling policy says (resource-pollers.ts, poller.ts);
 * - AuthSession gives each call a token and refreshes it on a 401 (src/auth);
 * - failureOutcome says what a failed read means (failure-policy.ts);
 * - nextSnapshot is the one place the snapshot changes, and noticesBetween says which events a change makes
 *   (snapshot.ts, order-notices.ts);
 * - TabRelay shares the polling with other tabs of the order (tab-relay.ts, tab-coordinator.ts);
 * - watchPageActivity pauses everything while the page is hidden or offline (page-activity.ts);
 * - Subscribers get each snapshot, and one of them each notice (subscribers.ts);
 * - LiveUpdates keeps the retailer's live stream open in proxy mode, and says what changed (live-updates.ts).
 * Data flows one way: read → snapshot → retune → subscribers (docs/architecture.md).
 */
import { ApiError } from '../api/api-error.js';
import { ConnectClient } from '../api/connect-client.js';
import type { OrderResource, ReplacementDecision } from '../api/types.js';
import { AuthSession, type TokenSettings } from '../auth/auth-session.js';
import { failureOutcome } from './failure-policy.js';
import { type LiveUpdates, liveUpdatesFor } from './live-updates.js';
import { DroppedPartNotices, errorNotice, noticesBetween } from './order-notices.js';
import { orderKey } from './order-key.js';
import { type PageActivityChange, watchPageActivity } from './page-activity.js';
import type { FailureDecision } from './poller.js';
import { ResourcePollers } from './resource-pollers.js';
import {
  changedForSubscribers,
  emptySnapshot,
  type FinalCondition,
  isHalted,
  nextSnapshot,
  type OrderSnapshot,
  type ResourceAnswer,
  type TrackerEvent,
} from './snapshot.js';
import { Subscribers, type TrackerSubscriber } from './subscribers.js';
import { TabRelay } from './tab-relay.js';
import { MIN_REFRESH_GAP_MS, REQUEST_TIMEOUT_MS, type TrackerConfig } from './tracker-config.js';
import type { TabRole } from './tab-coordinator.js';

export type { TrackerSubscriber } from './subscribers.js';
export type { TrackerConfig } from './tracker-config.js';

export class OrderTracker {
  #snapshot: OrderSnapshot;
  readonly #subscribers = new Subscribers();
  readonly #client: ConnectClient;
  readonly #auth: AuthSession;
  /** Made anew when the customer signs in again after "sign in again" (stopped pollers stay stopped). */
  #pollers: ResourcePollers;
  /** Shares the polling with other tabs showing this order, where the browser can. */
  #relay: TabRelay | undefined;
  #role: TabRole = 'solo';
  /** The live stream, in proxy mode where the browser has EventSource. */
  readonly #live: LiveUpdates | undefined;
  #pageActive = true;
  #stopWatching: (() => void) | undefined;
  #started = false;
  readonly #dropped: DroppedPartNotices;

  readonly #config: TrackerConfig;

  constructor(config: TrackerConfig) {
    this.#config = config;
    this.#snapshot = emptySnapshot(config.orderId);
    const { apiBase, fetch, acceptLanguage, env } = config;
    this.#client = new ConnectClient({ apiBase, fetch, acceptLanguage, timeoutMs: REQUEST_TIMEOUT_MS, timers: env.clock });
    this.#dropped = new DroppedPartNotices(config.orderId);
    this.#auth = new AuthSession({ settings: config.tokens, fetch, clock: env.clock, minSignInRetryGapMs: MIN_REFRESH_GAP_MS });
    this.#pollers = this.#createPollers();
    this.#live = liveUpdatesFor(
      config,
      (resources) => resources.forEach((resource) => this.#pollers.readAgain(resource)),
      // Each change of health changes the polling, and a poller whose pace changes reads at once: a change
      // made while the stream was opening (announced to nobody) is read as soon as the stream is ready.
      () => this.#retune(),
    );
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

  /**
   * New token settings from the page (the customer signed in again, a fresh server-rendered token). A tracker
   * that had given up for want of a token starts over with them; others just use them from the next call.
   */
  useTokens(tokens: TokenSettings): void {
    this.#auth.useSettings(tokens);
    const { condition } = this.#snapshot;
    if ((condition === 'auth' || condition === 'misconfigured') && this.#auth.configured) this.#resume();
  }

  /** Stops every timer and aborts every request. The registry calls it when the last element leaves. */
  stop(): void {
    this.#live?.stop();
    this.#pollers.stop();
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#relay?.stop();
  }

  /**
   * Sends the customer's answer to a proposed replacement, then reads the items again at once.
   * Rejects with an ApiError the caller shows (400 already answered, 404, network…).
   */
  async decideReplacement(itemId: string, decision: ReplacementDecision, signal?: AbortSignal): Promise<void> {
    const { orderId } = this.#config;
    try {
      await this.#auth.run((auth) => this.#client.putReplacementDecision(orderId, itemId, decision, { signal, ...auth }));
    } catch (error) {
      // Already answered (elsewhere, or by the shopper's timeout) or gone: show what Connect has now.
      if (error instanceof ApiError && (error.kind === 'bad_request' || error.kind === 'not_found')) this.#pollers.readAgain('items');
      throw error;
    }
    // Show the answer right away; the next read confirms it.
    this.#dispatch({ type: 'replacement_answered', itemId, decision, at: this.#now() });
    this.#pollers.readAgain('items');
  }

  /** Starts reading, or joins the other tabs of the order (the first reads then leave once the browser says this tab leads). */
  #start(): void {
    this.#started = true;
    const { env, apiBase, orderId } = this.#config;
    this.#stopWatching = watchPageActivity(env, (change) => this.#pageActivityChanged(change));
    if (!this.#auth.configured) {
      // A page that forgot to say how to sign in is set up wrong; the customer's session has not expired.
      const message = 'No way to sign in: set the token or token-url attribute, a tokenProvider, or proxy.';
      const error = new ApiError({ kind: 'misconfigured', message });
      this.#halt('misconfigured', { type: 'halted', condition: 'misconfigured', resource: 'order', error });
      this.#subscribers.tell(errorNotice(orderId, 'order', error));
      return;
    }
    if (!env.tabs) {
      this.#retune();
      return;
    }
    this.#relay = new TabRelay({
      key: orderKey(apiBase, orderId),
      services: env.tabs,
      current: () => this.#snapshot,
      onRole: (role) => {
        this.#role = role;
        // A new leader reads what the state needs at once: the takeover costs no waiting.
        this.#retune();
      },
      onAnswer: (answer) => this.#received(answer),
      // Another tab's word is not enough to stop: this tab asks Connect itself, and stops only on its answer.
      onHaltReported: () => {
        if (!isHalted(this.#snapshot)) this.#pollers.readAgain('order');
      },
    });
    // Only the tab that holds the order's lock reads: the first read goes out as soon as the browser grants it
    // (onRole above), and a tab that opens while another reads asks Connect nothing, so windows opened in the
    // same instant cost what one costs. Until the browser answers, this tab follows (reads nothing). Where tabs
    // cannot be coordinated, it reads alone, at once.
    if (!this.#relay.start(env.visibility.isVisible())) {
      this.#retune();
      return;
    }
    if (this.#role === 'solo') this.#role = 'follower';
  }

  #createPollers(): ResourcePollers {
    const { env, orderId } = this.#config;
    return new ResourcePollers({
      env,
      minRefreshGapMs: MIN_REFRESH_GAP_MS,
      read: (resource, signal) => this.#auth.run((auth) => this.#client.readEndpoint(orderId, resource, { signal, ...auth })),
      onAnswer: (answer, raw) => {
        this.#relay?.shareAnswer(answer.resource, raw);
        this.#received(answer);
      },
      onError: (resource, error) => this.#failed(resource, error),
      onDropped: (resource, message) => {
        const notice = this.#dropped.notice(resource, message);
        if (notice) this.#subscribers.tell(notice);
      },
    });
  }

  #pageActivityChanged({ visible, online, active, returned }: PageActivityChange): void {
    this.#pageActive = active;
    // The customer may have signed in again elsewhere meanwhile: ask the token URL (or provider) once more.
    if (returned && this.#snapshot.condition === 'auth' && this.#auth.mayRetrySignIn()) this.#resume();
    this.#relay?.visibilityChanged(visible);
    this.#pollers.setActive(active);
    this.#syncLive();
    this.#dispatch({ type: 'connectivity', online });
  }

  /** Reading starts over after "sign in again", with the new token settings. */
  #resume(): void {
    this.#pollers = this.#createPollers();
    this.#pollers.setActive(this.#pageActive);
    this.#dispatch({ type: 'resumed' });
    this.#retune();
  }

  /** An answer, read here or shared by the leading tab. */
  #received(answer: ResourceAnswer): void {
    this.#dispatch({ ...answer, type: 'received', at: this.#now() });
    if (answer.resource === 'order') this.#retune();
  }

  #failed(resource: OrderResource, error: ApiError): FailureDecision {
    const { event, report, decision } = failureOutcome(resource, error, {
      status: this.#snapshot.resources[resource],
      online: this.#config.env.connectivity.isOnline(),
    });
    if (event.type === 'halted') {
      this.#halt(event.condition, event);
      if (event.condition !== 'misconfigured') this.#relay?.shareHalt(event.condition);
    } else {
      this.#dispatch(event);
    }
    if (report) this.#subscribers.tell(errorNotice(this.#config.orderId, resource, error));
    return decision;
  }

  /** A final condition (sign in again, order not found): nothing more is asked, in this tab or any other. */
  #halt(condition: FinalCondition | 'misconfigured', event: TrackerEvent = { type: 'halted', condition }): void {
    this.#pollers.stop();
    this.#live?.stop();
    this.#dispatch(event);
  }

  /** Retunes every endpoint to what the order's state makes useful (the table in workflow/polling-policy). */
  #retune(): void {
    this.#syncLive();
    if (isHalted(this.#snapshot)) return;
    const intervalMs = Math.max(1, this.#config.pollIntervalSeconds) * 1000;
    this.#pollers.retune(this.#snapshot.order, this.#role === 'follower', intervalMs, this.#live?.healthy);
  }

  #syncLive(): void {
    this.#live?.sync({ order: this.#snapshot.order, shown: this.#pageActive, halted: isHalted(this.#snapshot), following: this.#role === 'follower' });
  }

  /** Moves the snapshot on; tells subscribers when anything they show changed, and one of them each notice. */
  #dispatch(event: TrackerEvent): void {
    const previous = this.#snapshot;
    const next = nextSnapshot(previous, event);
    if (next === previous) return;
    this.#snapshot = next;
    // Same answer again: the screen stays as it is, only the freshness moves.
    if (!changedForSubscribers(previous, next)) return;
    this.#subscribers.show(next);
    for (const notice of noticesBetween(previous, next)) this.#subscribers.tell(notice);
  }

  #now(): number {
    return this.#config.env.clock.now();
  }
}

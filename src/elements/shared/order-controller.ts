/**
 * The Lit ReactiveController through which an element follows an order: it subscribes to the order's shared
 * tracker while the element is connected, asks the element to update only when the snapshot really changed,
 * and lets go when the element leaves (the last one out stops every request).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../api/api-error.js';
import type { TokenSettings } from '../../auth/auth-session.js';
import type { OrderResource, ReplacementDecision } from '../../api/types.js';
import type { OrderNotice } from '../../tracking/order-notices.js';
import { orderKey } from '../../tracking/order-key.js';
import { acquireTracker, releaseTracker } from '../../tracking/registry.js';
import { emptySnapshot, type OrderSnapshot } from '../../tracking/snapshot.js';
import type { OrderTracker, TrackerSubscriber } from '../../tracking/tracker.js';
import { dispatchOrderEvent } from '../events.js';
import { refusedSetting } from './settings-check.js';

/** What an element tells the controller about the order it shows (its public attributes). */
export interface OrderSource {
  orderId?: string | null;
  apiBase: string;
  token?: string | null;
  tokenUrl?: string | null;
  tokenProvider?: (() => Promise<string>) | null;
  proxy?: boolean;
  pollInterval: number;
  /** BCP 47 language sent as Accept-Language. */
  acceptLanguage?: string;
}

export interface OrderControllerOptions {
  /** The resources the element shows. */
  needs: readonly OrderResource[];
  /** The resources whose events this element dispatches first (see OrderTracker#notify). */
  primary: readonly OrderResource[];
}

export class OrderController implements ReactiveController, TrackerSubscriber {
  /** What the element renders. Replaced (never mutated) on every change. */
  snapshot: OrderSnapshot;
  readonly needs: readonly OrderResource[];
  readonly primary: readonly OrderResource[];
  #tracker: OrderTracker | undefined;
  #trackedKey: string | undefined;
  #connected = false;
  #updatedOnce = false;
  /** The misconfiguration last told to the page, so each is told once. */
  #reportedMisconfiguration: string | undefined;
  /** The token settings the tracker was last given, to notice when the page changes them. */
  #tokens: TokenSettings = {};
  readonly #firstAnswer: Promise<void>;
  #answered!: () => void;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement & OrderSource,
    options: OrderControllerOptions,
  ) {
    this.needs = options.needs;
    this.primary = options.primary;
    this.snapshot = emptySnapshot('');
    this.#firstAnswer = new Promise((resolve) => (this.#answered = resolve));
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Frameworks often set properties just after connecting (Angular, @lit/react): an element that has
    // everything starts at once, one that lacks something waits for its first update before it complains.
    if (this.#updatedOnce || this.#canStart()) this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#trackedKey = undefined;
    this.#letGo();
  }

  /** Picks up a changed order-id or api-base (another order), or new token settings, before the element renders. */
  hostUpdate(): void {
    if (!this.#connected) return;
    if (this.#trackedKey === undefined) {
      if (this.#canStart()) this.#follow();
      return;
    }
    if (this.#keyOf() !== this.#trackedKey) {
      this.#letGo();
      this.#follow();
      return;
    }
    const tokens = this.#tokenSettings();
    if (!sameTokenSettings(tokens, this.#tokens)) {
      this.#tokens = tokens;
      // Without a tracker the settings were refused: new ones are checked again.
      if (this.#tracker) this.#tracker.useTokens(tokens);
      else this.#follow();
    }
  }

  /** After the first update, what is still missing is a mistake of the page's, and is reported. */
  hostUpdated(): void {
    if (this.#updatedOnce) return;
    this.#updatedOnce = true;
    warnOfPropertiesSetAsAttributes(this.host);
    // Just after the update rather than inside it, so the report is an update of its own.
    queueMicrotask(() => {
      if (this.#connected && this.#trackedKey === undefined) this.#follow();
    });
  }

  /**
   * Settles once the order's first answer is in (here or from the tab that reads for this one), or its first
   * read failed, or the order cannot be followed: whatever the element's first render will show. At once for
   * an element that follows no order yet.
   */
  get firstAnswer(): Promise<void> {
    return this.#tracker ? this.#firstAnswer : Promise.resolve();
  }

  onSnapshot(snapshot: OrderSnapshot): void {
    if (snapshot.order || snapshot.resources.order.state !== 'idle' || snapshot.condition !== 'live') this.#answered();
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.host.requestUpdate();
  }

  /** The tracker chose this element to tell the page what happened. */
  onNotice(notice: OrderNotice): void {
    if (notice.type === 'order-error' && notice.detail.kind === 'misconfigured') console.warn(`connect-order-status: <${this.host.localName}>: ${notice.detail.message}`);
    // The union is correlated (each type with its detail); TypeScript cannot follow that through a call.
    dispatchOrderEvent(this.host, notice.type, notice.detail as never);
  }

  /**
   * Sends the customer's answer to a proposed replacement and, once Connect accepted it, dispatches
   * `replacement-decision` from the element. Rejects with an ApiError to show next to the buttons.
   */
  async decideReplacement(itemId: string, decision: ReplacementDecision): Promise<void> {
    if (!this.#tracker) throw new ApiError({ kind: 'bad_request', message: 'This element is not showing an order.' });
    await this.#tracker.decideReplacement(itemId, decision);
    dispatchOrderEvent(this.host, 'replacement-decision', { orderId: this.snapshot.orderId, itemId, decision });
  }

  #keyOf(): string {
    return orderKey(this.host.apiBase, this.host.orderId ?? '');
  }

  #follow(): void {
    const host = this.host;
    this.#trackedKey = this.#keyOf();
    this.#tokens = this.#tokenSettings();
    const orderId = host.orderId?.trim();
    // Settings that would send the token astray are refused before anything is asked.
    const refusal = orderId ? refusedSetting({ orderId, apiBase: host.apiBase, tokenUrl: host.tokenUrl, proxy: host.proxy }) : 'needs an order-id attribute.';
    if (!orderId || refusal) {
      this.#showMisconfiguration(refusal);
      return;
    }
    this.#tracker = acquireTracker({
      apiBase: host.apiBase,
      orderId,
      pollIntervalSeconds: Number.isFinite(host.pollInterval) ? Math.max(1, host.pollInterval) : 15,
      acceptLanguage: host.acceptLanguage,
      tokens: this.#tokens,
    });
    this.#tracker.subscribe(this);
  }

  /** Whether the element says which order and how to sign in, so it can start before its first update. */
  #canStart(): boolean {
    const { orderId, token, tokenUrl, tokenProvider, proxy } = this.host;
    return Boolean(orderId?.trim() && (token || tokenUrl || tokenProvider || proxy));
  }

  #tokenSettings(): TokenSettings {
    const { token, tokenUrl, tokenProvider, proxy } = this.host;
    return { token: token ?? undefined, tokenUrl: tokenUrl ?? undefined, tokenProvider: tokenProvider ?? undefined, proxy: proxy === true };
  }

  #letGo(): void {
    const tracker = this.#tracker;
    this.#tracker = undefined;
    if (!tracker) return;
    tracker.unsubscribe(this);
    releaseTracker(tracker);
  }

  #showMisconfiguration(refusal: string | undefined): void {
    this.onSnapshot({ ...emptySnapshot(''), condition: 'misconfigured' });
    const message = `<${this.host.localName}> ${refusal}`;
    if (this.#reportedMisconfiguration === message) return;
    this.#reportedMisconfiguration = message;
    console.warn(`connect-order-status: ${message}`);
    dispatchOrderEvent(this.host, 'order-error', { orderId: '', resource: 'order', kind: 'misconfigured', status: null, message });
  }
}

function sameTokenSettings(a: TokenSettings, b: TokenSettings): boolean {
  return a.token === b.token && a.tokenUrl === b.tokenUrl && a.tokenProvider === b.tokenProvider && a.proxy === b.proxy;
}

/** Properties that a framework may have written as attribute strings (`messages="[object Object]"`). */
const PROPERTY_ONLY = ['messages', 'tokenprovider', 'token-provider'];
let warnedOfAttributes = false;

/**
 * React 18, and React 19 when the script loads after its first render, write objects and functions as
 * attributes, which the elements ignore. Said once per page, since every element of the app has the cause.
 */
function warnOfPropertiesSetAsAttributes(host: HTMLElement): void {
  const names = PROPERTY_ONLY.filter((name) => host.hasAttribute(name));
  if (warnedOfAttributes || names.length === 0) return;
  warnedOfAttributes = true;
  console.warn(`connect-order-status: <${host.localName}> ignores the ${names.join(', ')} attribute: set it as a property, and define the elements before your framework renders them.`);
}

/**
 * What a tracker knows about one order at one moment, and the one function that moves it on.
 *
 * Snapshots are immutable: every change makes a new one, and every part that did not change keeps its
 * identity, so elements can compare with `===` and nothing re-renders for nothing. `nextSnapshot` is the only
 * place a snapshot changes (as TanStack Query's `#dispatch` reducer is for a query): the tracker turns what
 * happened (an answer, a failure, the network going away) into a `TrackerEvent` and hands it over.
 */
import type { ApiError } from '../api/api-error.js';
import type { Handling, LineItem, Order, OrderResource, ReplacementDecision, ShopperLocation } from '../api/types.js';
import { PARSERS, type ReportDropped } from '../api/parse.js';
import { activityFor } from '../workflow/polling-policy.js';
import { keepIfSame, mergeLineItems, sameData } from './snapshot-data.js';

export interface ResourceStatus {
  /**
   * `idle` until the first answer (the first read may be on its way: elements show it as loading);
   * `stopped` after a final answer (404, 403, 400) ended its reads.
   */
  state: 'idle' | 'ready' | 'retrying' | 'stopped';
  /** The last failure, kept until a read succeeds. */
  error?: ApiError;
}

/**
 * How the tracker as a whole is doing, for the banner the elements show:
 * - `live`: reads succeed (or none are needed any more);
 * - `reconnecting`: a read failed in a way that may pass and is being retried; data on screen is the last good;
 * - `offline`: the browser is offline; updates are paused until it is back;
 * - `auth`: no token works: the customer must sign in again; nothing more is asked;
 * - `not_found`: the API does not know this order (for this customer); nothing more is asked;
 * - `misconfigured`: the page did not say which order (no order-id) or how to sign in (no token settings).
 */
export type TrackerCondition = 'live' | 'reconnecting' | 'offline' | 'auth' | 'not_found' | 'misconfigured';

/** The conditions that end all reading of an order, in this tab and in every other. */
export type FinalCondition = Extract<TrackerCondition, 'auth' | 'not_found'>;

export interface OrderSnapshot {
  orderId: string;
  order?: Order;
  items?: readonly LineItem[];
  handling?: Handling;
  /** The shopper's position while delivering; null otherwise. */
  location: ShopperLocation;
  /** False once the API said the shopper's location is not shared with this retailer (403). */
  locationShared: boolean;
  resources: Readonly<Record<OrderResource, ResourceStatus>>;
  condition: TrackerCondition;
  /** Whether the browser was online at the last look. */
  online: boolean;
  /** Clock time of the last successful read of any endpoint. */
  lastUpdatedAt?: number;
}

export const RESOURCES: readonly OrderResource[] = ['order', 'items', 'handling', 'location'];

/** The data each endpoint's answer brings. */
export interface ResourceData {
  order: Order;
  items: readonly LineItem[];
  handling: Handling;
  location: ShopperLocation;
}

/** One endpoint's answer: which endpoint, and its data. */
export type ResourceAnswer = { [R in OrderResource]: { resource: R; data: ResourceData[R] } }[OrderResource];

/**
 * Connect's answer (raw JSON) to one endpoint, checked and normalised by that endpoint's parser. Throws
 * ApiError when the answer as a whole is unusable; a bad part of it is left out and told to `report`.
 */
export function parseAnswer(resource: OrderResource, raw: unknown, report?: ReportDropped): ResourceAnswer {
  return { resource, data: PARSERS[resource](raw, report) } as ResourceAnswer;
}

/** An endpoint's answer, read by this tab or shared by the tab that polls for it, and when it arrived. */
export type Received = ResourceAnswer & { type: 'received'; at: number };

/** Everything that can happen to what the tracker knows. */
export type TrackerEvent =
  | Received
  /** Connect accepted the customer's answer to a proposed replacement: show it before the next read confirms it. */
  | { type: 'replacement_answered'; itemId: string; decision: ReplacementDecision; at: number }
  /** A read failed: `retrying` when it may pass and will be tried again, else that endpoint stopped. */
  | { type: 'failed'; resource: OrderResource; error: ApiError; retrying: boolean }
  /** The retailer does not share the shopper's position (403 on the location). */
  | { type: 'location_withheld'; error: ApiError }
  /** Nothing more will be read: here because of `error` on `resource`, or because another tab said so. */
  | { type: 'halted'; condition: FinalCondition | 'misconfigured'; resource?: OrderResource; error?: ApiError }
  /** The customer signed in again after `auth` (or the page gave token settings at last): reading starts over. */
  | { type: 'resumed' }
  | { type: 'connectivity'; online: boolean };

export function emptySnapshot(orderId: string): OrderSnapshot {
  const idle: ResourceStatus = { state: 'idle' };
  return {
    orderId,
    location: null,
    locationShared: true,
    resources: { order: idle, items: idle, handling: idle, location: idle },
    condition: 'live',
    online: true,
  };
}

const READY: ResourceStatus = { state: 'ready' };
const FINAL: ReadonlySet<TrackerCondition> = new Set(['auth', 'not_found', 'misconfigured']);

/** The snapshot after `event`. Returns `snapshot` itself when the event changes nothing. */
export function nextSnapshot(snapshot: OrderSnapshot, event: TrackerEvent): OrderSnapshot {
  const next = apply(snapshot, event);
  if (next === snapshot) return snapshot;
  const condition = event.type === 'halted' ? event.condition : conditionOf(next, event.type !== 'resumed' && FINAL.has(snapshot.condition));
  return condition === next.condition ? next : { ...next, condition };
}

/** Whether nothing more will be read for this order (sign in again, not found, no way to sign in). */
export function isHalted(snapshot: OrderSnapshot): boolean {
  return FINAL.has(snapshot.condition);
}

/** Whether subscribers must hear of the change: anything but the freshness time moved. */
export function changedForSubscribers(previous: OrderSnapshot, next: OrderSnapshot): boolean {
  return (Object.keys(next) as (keyof OrderSnapshot)[]).some((key) => key !== 'lastUpdatedAt' && next[key] !== previous[key]);
}

function apply(snapshot: OrderSnapshot, event: TrackerEvent): OrderSnapshot {
  switch (event.type) {
    case 'received':
      return received(snapshot, event);
    case 'replacement_answered': {
      const { items } = snapshot;
      if (!items) return snapshot;
      const answered = items.map((item): LineItem => (item.id === event.itemId ? { ...item, replacementStatus: event.decision } : item));
      return withStatus(snapshot, 'items', READY, { items: mergeLineItems(items, answered), lastUpdatedAt: event.at });
    }
    case 'failed':
      return withStatus(snapshot, event.resource, { state: event.retrying ? 'retrying' : 'stopped', error: event.error });
    case 'location_withheld':
      return withStatus(snapshot, 'location', { state: 'stopped', error: event.error }, { locationShared: false, location: null });
    case 'halted':
      return event.resource ? withStatus(snapshot, event.resource, { state: 'stopped', error: event.error }) : { ...snapshot };
    case 'resumed':
      return { ...snapshot };
    case 'connectivity':
      return event.online === snapshot.online ? snapshot : { ...snapshot, online: event.online };
  }
}

function received(snapshot: OrderSnapshot, event: Received): OrderSnapshot {
  const fresh = { lastUpdatedAt: event.at };
  switch (event.resource) {
    case 'order': {
      const order = snapshot.order && sameData(snapshot.order, event.data) ? snapshot.order : event.data;
      // Privacy and honesty: in a state where the shopper's position is not read, none is shown.
      const location = shopperPositionRead(order) ? snapshot.location : null;
      return withStatus(snapshot, 'order', READY, { ...fresh, order, location });
    }
    case 'items':
      return withStatus(snapshot, 'items', READY, { ...fresh, items: mergeLineItems(snapshot.items, event.data) });
    case 'handling':
      return withStatus(snapshot, 'handling', READY, { ...fresh, handling: keepIfSame(snapshot.handling, event.data) });
    case 'location':
      // A position that arrives after the state moved past delivering is stale: the shopper is gone.
      if (snapshot.order && !shopperPositionRead(snapshot.order)) return snapshot;
      return withStatus(snapshot, 'location', READY, { ...fresh, location: keepIfSame(snapshot.location, event.data) });
  }
}

function shopperPositionRead(order: Order): boolean {
  return activityFor('location', order).kind !== 'off';
}

/** The snapshot with one resource's status (kept as the same object when equal) and some data replaced. */
function withStatus(snapshot: OrderSnapshot, resource: OrderResource, status: ResourceStatus, data: Partial<OrderSnapshot> = {}): OrderSnapshot {
  const resources = sameData(snapshot.resources[resource], status) ? snapshot.resources : { ...snapshot.resources, [resource]: status };
  return { ...snapshot, ...data, resources };
}

function conditionOf(snapshot: OrderSnapshot, halted: boolean): TrackerCondition {
  if (halted) return snapshot.condition;
  if (!snapshot.online) return 'offline';
  return RESOURCES.some((r) => snapshot.resources[r].state === 'retrying') ? 'reconnecting' : 'live';
}

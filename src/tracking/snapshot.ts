/**
 * What a tracker knows about one order at one moment. Snapshots are immutable: every change makes a new one,
 * and every part that did not change keeps its identity, so elements can compare with `===` and nothing
 * re-renders for nothing.
 */
import type { ApiError } from '../api/api-error.js';
import type { Handling, LineItem, Order, OrderResource, ShopperLocation } from '../api/types.js';

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
 * - `misconfigured`: the element cannot start (no order-id).
 */
export type TrackerCondition = 'live' | 'reconnecting' | 'offline' | 'auth' | 'not_found' | 'misconfigured';

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
  /** Clock time of the last successful read of any endpoint. */
  lastUpdatedAt?: number;
}

export const RESOURCES: readonly OrderResource[] = ['order', 'items', 'handling', 'location'];

export function emptySnapshot(orderId: string): OrderSnapshot {
  const idle: ResourceStatus = { state: 'idle' };
  return {
    orderId,
    location: null,
    locationShared: true,
    resources: { order: idle, items: idle, handling: idle, location: idle },
    condition: 'live',
  };
}

/** Deep equality for plain JSON-like data (what the API parsers produce). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** The previous value when the next one equals it, so unchanged data keeps its identity. */
export function keepIfSame<T>(previous: T, next: T): T {
  return sameData(previous, next) ? previous : next;
}

/** The next item list, reusing every unchanged item object (and the whole list when nothing changed). */
export function mergeLineItems(previous: readonly LineItem[] | undefined, next: readonly LineItem[]): readonly LineItem[] {
  if (!previous) return next;
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const merged = next.map((item, index) => {
    const before = byId.get(item.id);
    const kept = before && sameData(before, item) ? before : item;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? merged : previous;
}

/** Counts per customer-facing list, as `order-items-change` reports them. */
export interface ItemCounts {
  stillShopping: number;
  found: number;
  replaced: number;
  refunded: number;
  /** Items whose status this widget does not know. */
  other: number;
  total: number;
}

export function countItems(items: readonly LineItem[]): ItemCounts {
  const counts: ItemCounts = { stillShopping: 0, found: 0, replaced: 0, refunded: 0, other: 0, total: items.length };
  for (const item of items) {
    if (item.status === 'not_picked') counts.stillShopping += 1;
    else if (item.status === 'found') counts.found += 1;
    else if (item.status === 'replaced') counts.replaced += 1;
    else if (item.status === 'to_refund') counts.refunded += 1;
    else counts.other += 1;
  }
  return counts;
}

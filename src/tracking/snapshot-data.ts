/**
 * Comparing and merging what the API answered, so that unchanged data keeps its identity: elements compare
 * with `===`, and an answer equal to the last one re-renders nothing.
 */
import type { LineItem } from '../api/types.js';

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

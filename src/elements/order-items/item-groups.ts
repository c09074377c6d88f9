/**
 * The customer-facing lists the items fall into (the tutorial's UI lists), the same grouping `countItems`
 * reports in `order-items-change`.
 */
import type { LineItem } from '../../api/types.js';
import { ownEntry } from '../../common/own-entry.js';

export type LineItemGroup = 'stillShopping' | 'found' | 'replaced' | 'refunded' | 'other';

/** The four lists, in the order they are shown; `other` (statuses this widget does not know) comes last. */
export const LINE_ITEM_GROUPS: readonly LineItemGroup[] = ['stillShopping', 'found', 'replaced', 'refunded', 'other'];

const GROUP_OF_STATUS: Readonly<Record<string, LineItemGroup>> = {
  not_picked: 'stillShopping',
  found: 'found',
  replaced: 'replaced',
  to_refund: 'refunded',
};

export function lineItemGroup(item: LineItem): LineItemGroup {
  return ownEntry(GROUP_OF_STATUS, item.status) ?? 'other';
}

export function groupLineItems(items: readonly LineItem[]): Record<LineItemGroup, LineItem[]> {
  const groups: Record<LineItemGroup, LineItem[]> = { stillShopping: [], found: [], replaced: [], refunded: [], other: [] };
  for (const item of items) groups[lineItemGroup(item)].push(item);
  return groups;
}

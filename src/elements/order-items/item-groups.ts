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

/** Places of the order one block of rows covers. */
export const BLOCK_PLACES = 100;

/**
 * A list's rows that come from one hundred consecutive places of the order (`key` = place / 100). The rows
 * render in blocks so that the browser lays out a long list block by block and skips the blocks off screen;
 * blocks by place, not by position in the list, so that an item moving to another list changes one block of
 * each list and leaves every other block as it was.
 */
export interface RowBlock {
  key: number;
  items: LineItem[];
}

export interface ListRows {
  /** Items in the list. */
  count: number;
  /** The ones to render now, in blocks. */
  blocks: RowBlock[];
}

/** Each list's count and rows, with at most `budget` rows in all, the lists taken in display order. */
export function lineItemLists(items: readonly LineItem[], budget: number): Record<LineItemGroup, ListRows> {
  const placed: Record<LineItemGroup, [number, LineItem][]> = { stillShopping: [], found: [], replaced: [], refunded: [], other: [] };
  items.forEach((item, place) => placed[lineItemGroup(item)].push([place, item]));
  const lists = {} as Record<LineItemGroup, ListRows>;
  for (const group of LINE_ITEM_GROUPS) {
    const blocks: RowBlock[] = [];
    for (const [place, item] of placed[group].slice(0, Math.max(0, budget))) {
      const key = Math.floor(place / BLOCK_PLACES);
      if (blocks[blocks.length - 1]?.key !== key) blocks.push({ key, items: [] });
      blocks[blocks.length - 1]!.items.push(item);
    }
    budget -= placed[group].length;
    lists[group] = { count: placed[group].length, blocks };
  }
  return lists;
}

/**
 * An order's line items: the basket it is created with, the shopper finding, replacing or refunding each
 * item (Sandbox API), the customer's answer to a proposed replacement (post-checkout PUT), and the list
 * settling at checkout.
 *
 * Decisions where the API docs are silent (docs/sandbox.md lists them all):
 * - The shopper updates items only while the order is `picking` or `verifying_replacements`; the customer
 *   answers replacements only while `picking` (as documented).
 * - A replacement without a named product is the catalog's usual substitute; a code the catalog does not
 *   know becomes a nameless store product.
 * - At checkout the list is settled: items never touched become `found`, unanswered replacements `APPROVED`.
 */
import { catalogProduct, productByReference, quantityString, toProductRecord, type CatalogProduct } from './baskets.js';
import { invalid, notAllowed, notFound } from './errors.js';
import type { IdGenerator } from './ids.js';
import type { OrderLog } from './order-log.js';
import type { ItemReference, ItemStatus, LineItemRecord, OrderRecord, ProductRecord } from './records.js';

/** What the shopper reports through the Sandbox API; `not_found` puts the item back to `not_picked`. */
export type ShopperItemStatus = 'found' | 'replaced' | 'to_refund' | 'not_found';

export const SHOPPER_ITEM_STATUSES: readonly ShopperItemStatus[] = ['found', 'replaced', 'to_refund', 'not_found'];

export interface ItemUpdateInput {
  status: ShopperItemStatus;
  deliveredCount?: number;
  deliveredWeight?: number;
  /** The product the shopper picked instead (`replaced` only); the usual substitute when absent. */
  replacementItem?: { upc?: string; rrc?: string };
}

export interface ReplacementDecisionInput {
  status: 'APPROVED' | 'REJECTED';
  /** With `REJECTED`: what the customer would like instead. */
  alternativeItem?: ItemReference;
}

const SHOPPING_STATES = ['picking', 'verifying_replacements'];

/**
 * The largest count or weight taken: a grocery line holds no more, and a larger number would be written
 * in exponent form ("1e+21"), which no quantity reader expects.
 */
const MAX_AMOUNT = 1000;

const ORDER_STATUS_OF: Readonly<Record<ShopperItemStatus, ItemStatus>> = {
  found: 'found',
  replaced: 'replaced',
  to_refund: 'to_refund',
  not_found: 'not_picked',
};

/** The line items of a new order, in basket order, none picked yet. */
export function newLineItems(products: readonly CatalogProduct[], ids: IdGenerator): LineItemRecord[] {
  return products.map((product, index) => ({
    id: ids.lineItemId(),
    lineNum: String(index + 1),
    status: 'not_picked',
    replacementStatus: 'SUBSTITUTION_STATUS_UNSPECIFIED',
    certifiedDelivery: false,
    item: toProductRecord(product),
  }));
}

/** At checkout: untouched items were found, unanswered replacements stand. */
export function settleItems(order: OrderRecord): void {
  for (const item of order.lineItems) {
    if (item.status === 'not_picked') item.status = 'found';
    if (item.replacementStatus === 'PENDING') item.replacementStatus = 'APPROVED';
  }
}

export class LineItems {
  readonly #log: OrderLog;

  constructor(log: OrderLog) {
    this.#log = log;
  }

  /**
   * The shopper finds, replaces, refunds or un-picks the item on line `lineNum`. `shopperAssigned` says
   * whether the shopper works one of the order's batches: only those may touch its items.
   */
  update(order: OrderRecord, lineNum: string, input: ItemUpdateInput, shopperAssigned: boolean): LineItemRecord {
    const item = order.lineItems.find((candidate) => candidate.lineNum === lineNum);
    if (!item) throw notFound('lineNum');
    // The Sandbox API takes 0 (a refunded item: "set the delivered_count to 0"), not a negative amount.
    const { deliveredCount: count, deliveredWeight: weight } = input;
    if (count !== undefined && !(Number.isInteger(count) && count >= 0 && count <= MAX_AMOUNT)) {
      throw invalid('deliveredCount', `delivered_count must be a whole number from 0 to ${MAX_AMOUNT}`);
    }
    if (weight !== undefined && !(Number.isFinite(weight) && weight >= 0 && weight <= MAX_AMOUNT)) {
      throw invalid('deliveredWeight', `delivered_weight must be a number from 0 to ${MAX_AMOUNT}`);
    }
    if (count !== undefined && weight !== undefined) {
      throw invalid('deliveredCount', 'send delivered_count or delivered_weight, not both');
    }
    if (input.replacementItem !== undefined) {
      if (input.status !== 'replaced') throw invalid('replacementItem', 'replacement_item is allowed only with replaced');
      checkReference(input.replacementItem, 'replacementItem', 'replacement_item');
    }
    if (!shopperAssigned) throw notAllowed('Shopper is not assigned to this order', 'shopperId');
    if (!SHOPPING_STATES.includes(order.workflowState)) {
      throw notAllowed(`Items can be updated only while the order is picking or verifying_replacements (it is ${order.workflowState})`);
    }
    const delivered = input.deliveredCount ?? input.deliveredWeight;
    delete item.replacement;
    delete item.deliveredCount;
    delete item.deliveredWeight;
    delete item.alternativeItem;
    if (input.deliveredCount !== undefined) item.deliveredCount = input.deliveredCount;
    if (input.deliveredWeight !== undefined) item.deliveredWeight = input.deliveredWeight;
    item.status = ORDER_STATUS_OF[input.status];
    item.replacementStatus = 'SUBSTITUTION_STATUS_UNSPECIFIED';
    if (input.status === 'replaced') {
      item.replacement = replacementFor(item, input.replacementItem, delivered);
      item.replacementStatus = 'PENDING';
    }
    this.#log.record(order, { kind: 'item', itemId: item.id, lineNum, status: input.status }, `${lineNum} ${input.status}`);
    return item;
  }

  /** The customer's answer to the replacement proposed for item `itemId`. */
  decide(order: OrderRecord, itemId: string, input: ReplacementDecisionInput): void {
    const item = order.lineItems.find((candidate) => candidate.id === itemId);
    if (!item) throw notFound('orderItemId');
    const alternative = input.alternativeItem;
    if (alternative !== undefined) {
      if (input.status !== 'REJECTED') throw invalid('alternativeItem', 'alternative_item is allowed only with REJECTED');
      checkAlternative(alternative);
    }
    if (order.workflowState !== 'picking') throw notAllowed('Replacements can be answered only while the order is picking');
    if (item.status !== 'replaced' || item.replacementStatus === 'SUBSTITUTION_STATUS_UNSPECIFIED') {
      throw notAllowed('Item has no proposed replacement', 'orderItemId');
    }
    // Connect's own words for an answer given twice (docs/connect-api.md §1.3).
    if (item.replacementStatus !== 'PENDING') throw notAllowed('Order item change already responded to', 'orderItemId');
    item.replacementStatus = input.status;
    if (alternative) item.alternativeItem = { ...alternative };
    this.#log.record(order, { kind: 'replacement', itemId: item.id, lineNum: item.lineNum, decision: input.status }, `${item.lineNum} ${input.status}`);
  }
}

/** Exactly one of `upc`/`rrc`, non-blank: the shopper's `replacement_item`. */
function checkReference(reference: ItemReference, field: string, label: string): void {
  const codes = [reference.upc, reference.rrc].filter((code) => code !== undefined);
  if (codes.length !== 1 || !codes[0]?.trim()) throw invalid(field, `${label} must hold exactly one of upc or rrc`);
}

/**
 * The customer's `alternative_item`, with the messages Connect documents for it (docs/connect-api.md §1.3):
 * exactly one code, exactly one amount greater than 0 (and at most MAX_AMOUNT), and a code that names a
 * product; an unknown product has no `meta.key` in Connect's answer.
 */
function checkAlternative(alternative: ItemReference): void {
  const codes = [alternative.upc, alternative.rrc].filter((code) => code !== undefined);
  if (codes.length !== 1 || !codes[0]?.trim()) throw invalid('alternativeItem', 'must include exactly one of rrc or upc');
  const amounts = [alternative.count, alternative.weight].filter((value) => value !== undefined);
  if (amounts.length !== 1) throw invalid('alternativeItem', 'must include exactly one of count or weight');
  for (const unit of ['count', 'weight'] as const) {
    const value = alternative[unit];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw invalid('alternativeItem', `${unit} must be greater than 0`);
    if (value !== undefined && value > MAX_AMOUNT) throw invalid('alternativeItem', `${unit} must be at most ${MAX_AMOUNT}`);
  }
  if (!productByReference(alternative)) throw invalid(undefined, 'Could not resolve alternative item to a valid product');
}

function replacementFor(item: LineItemRecord, reference: { upc?: string; rrc?: string } | undefined, delivered: number | undefined): ProductRecord {
  const quantity = delivered !== undefined ? quantityString(delivered) : undefined;
  if (reference) {
    const named = productByReference(reference);
    if (named) return toProductRecord(named, quantity);
    return { name: `Replacement for ${item.item.name}`, quantity: quantity ?? item.item.quantity, costUnit: item.item.costUnit, ...reference };
  }
  const original = productByReference({ upc: item.item.upc });
  const substitute = original ? catalogProduct(original.substitute) : undefined;
  if (substitute) return toProductRecord(substitute, quantity ?? item.item.quantity);
  return { name: `Replacement for ${item.item.name}`, quantity: quantity ?? item.item.quantity, costUnit: item.item.costUnit };
}

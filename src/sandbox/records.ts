/**
 * What the sandbox model keeps about each thing it emulates. Internal (camelCase) records; `wire.ts` turns
 * them into the raw snake_case JSON the Connect API sends.
 */
import type { BatchType } from './batch-statuses.js';
import type { FulfillmentType, RawHandling } from './wire.js';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Post-checkout item statuses, lowercase as the tutorial writes them (instacart-api.md §1 Decision). */
export type ItemStatus = 'not_picked' | 'found' | 'replaced' | 'to_refund';

export type ReplacementStatus = 'SUBSTITUTION_STATUS_UNSPECIFIED' | 'PENDING' | 'APPROVED' | 'REJECTED';

export interface ProductRecord {
  name: string;
  /** A path the sandbox serves (`/__sandbox/images/…`); made absolute against the request's origin. */
  imagePath?: string;
  /** A string, as the API sends it: "10.0", "1.5". */
  quantity: string;
  costUnit: string;
  upc?: string;
  rrc?: string;
}

/** One of `upc`/`rrc` and one of `count`/`weight`, as the customer or shopper named it. */
export interface ItemReference {
  upc?: string;
  rrc?: string;
  count?: number;
  weight?: number;
}

export interface LineItemRecord {
  id: string;
  lineNum: string;
  status: ItemStatus;
  replacementStatus: ReplacementStatus;
  certifiedDelivery: boolean;
  item: ProductRecord;
  replacement?: ProductRecord;
  /** What the shopper reported finding (`delivered_count` / `delivered_weight`). */
  deliveredCount?: number;
  deliveredWeight?: number;
  /** The customer's alternative when rejecting a replacement. */
  alternativeItem?: ItemReference;
}

export interface StoreRecord {
  name: string;
  coordinates: Coordinates;
}

/** Where the shopper is shown while delivering: a simulated drive, or a position a test pinned. */
export interface LocationRecord {
  /** A position set through the dev control; wins over the simulation until cleared. */
  pinned?: Coordinates;
  /** When the simulated drive started (entering `delivering`, or `simulate: true`). */
  driveStartedAt?: number;
  driveDurationMs: number;
}

export interface OrderEvent {
  at: number;
  type: string;
  detail?: string;
}

export interface OrderRecord {
  id: string;
  userId: string;
  fulfillmentType: FulfillmentType;
  createdAt: number;
  workflowState: string;
  windowStartsAt: number;
  windowEndsAt: number;
  handling: RawHandling;
  store: StoreRecord;
  lineItems: LineItemRecord[];
  /** Batches that ever held this order, oldest first. */
  batchIds: number[];
  /** Last mile: index into LAST_MILE_STAGING reached by the retailer's staging. */
  stagingStep: number;
  /** Shopper PII redaction for this order; undefined follows the user, then the sandbox. */
  redactShopperPii?: boolean;
  location: LocationRecord;
  lateDelivery: boolean;
  events: OrderEvent[];
}

export interface UserRecord {
  id: string;
  redactShopperPii?: boolean;
}

export interface ShopperRecord {
  id: number;
  email: string;
  phone: string;
  /** Digits only: what "an existing phone" is compared on. */
  phoneDigits: string;
  firstName: string;
  createdAt: number;
}

export interface BatchRecord {
  id: number;
  batchType: BatchType;
  shopperId: number;
  orderIds: string[];
  workflowState: string;
  createdAt: number;
  history: { status: string; at: number }[];
  /** Every order of the batch was canceled: it cannot advance any more. */
  canceled: boolean;
}

export type TokenGrant =
  | { kind: 'user'; userId: string; scope: string; expiresAt: number }
  | { kind: 'client'; clientId: string; scope: string; expiresAt: number };

/**
 * What the emulator keeps about each thing it emulates: camelCase records that never leave the sandbox as
 * they are. `http/wire.ts` writes them in the snake_case JSON the Connect API sends. The names differ from
 * the widget's own types in `src/api/types.ts` on purpose: those are open to whatever Connect sends, these
 * are the closed sets the emulator itself produces.
 */

/** The fulfillment types the emulator creates orders of (docs/connect-api.md §1). */
export type SandboxFulfillmentType = 'delivery' | 'pickup' | 'last_mile_delivery';

export const FULFILLMENT_TYPES: readonly SandboxFulfillmentType[] = ['delivery', 'pickup', 'last_mile_delivery'];

/** The Sandbox API's batch types (docs/connect-api.md §5); `delivery_only` serves last mile orders. */
export type BatchType = 'delivery' | 'pickup' | 'runner_customer' | 'delivery_only';

export interface SandboxCoordinates {
  latitude: number;
  longitude: number;
}

/** Post-checkout item statuses, lowercase as the tutorial writes them (docs/connect-api.md §1 Decision). */
export type ItemStatus = 'not_picked' | 'found' | 'replaced' | 'to_refund';

export type SandboxReplacementStatus = 'SUBSTITUTION_STATUS_UNSPECIFIED' | 'PENDING' | 'APPROVED' | 'REJECTED';

export interface ProductRecord {
  name: string;
  /** A path the sandbox serves (`/__sandbox/images/…`), made absolute against the request's origin. */
  imagePath?: string;
  /** A string, as the API sends it: "10.0", "1.5". */
  quantity: string;
  costUnit: string;
  upc?: string;
  rrc?: string;
}

/** One of `upc`/`rrc` and, for the customer's alternative, one of `count`/`weight`. */
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
  replacementStatus: SandboxReplacementStatus;
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
  coordinates: SandboxCoordinates;
}

export interface AddressRecord {
  addressLine1: string;
  addressLine2?: string;
  locality?: string;
  administrativeArea?: string;
  postalCode: string;
  countryCode: string;
}

/** Where and how the order is handed over; it does not change after the order is created. */
export interface HandlingRecord {
  address: AddressRecord;
  coordinates: SandboxCoordinates;
  dropoffLocation: string;
  notes: string;
  instructions: string;
  leaveUnattended: boolean;
  alcoholic: boolean;
  certifiedDelivery: boolean;
}

/** Where the shopper is shown while delivering: a simulated drive, or a position a test pinned. */
interface LocationRecord {
  /** A position set through the dev control; wins over the simulation until cleared. */
  pinned?: SandboxCoordinates;
  /** When the simulated drive started (entering `delivering`, or a restarted simulation). */
  driveStartedAt?: number;
  driveDurationMs: number;
}

interface OrderEvent {
  at: number;
  type: string;
  detail?: string;
}

export interface OrderRecord {
  id: string;
  userId: string;
  fulfillmentType: SandboxFulfillmentType;
  createdAt: number;
  workflowState: string;
  windowStartsAt: number;
  windowEndsAt: number;
  handling: HandlingRecord;
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

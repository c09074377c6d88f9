/**
 * The normalised shapes the widget works with, read from the Connect post-checkout API
 * (see docs/connect-api.md §1). The client turns raw JSON into these; everything else in the widget
 * sees only these. Enumerations stay open (`string & {}`) because the API's policy is additive change:
 * an unknown workflow state or item status is kept and shown generically, never thrown away.
 */

/** `delivery`, `pickup` or `last_mile_delivery`; anything else is kept as sent (lowercased). */
export type FulfillmentType = 'delivery' | 'pickup' | 'last_mile_delivery' | (string & {});

/** A workflow state, lowercased (e.g. `brand_new`, `picking`, `delivering`, `delivered`, `canceled`). */
export type WorkflowState = string;

/** GET /v2/post_checkout/orders/{id} */
export interface Order {
  id: string;
  /** ISO 8601 timestamp, as sent; absent when Connect sent none or something that is not a date. */
  creationDate?: string;
  workflowState: WorkflowState;
  fulfillmentType: FulfillmentType;
  /** ISO 8601 timestamps of the chosen delivery or pickup window, when the API sent them. */
  windowStartsAt?: string;
  windowEndsAt?: string;
}

/** Line item status, lowercased. The four documented ones, or whatever new value the API sends. */
export type LineItemStatus = 'not_picked' | 'found' | 'replaced' | 'to_refund' | (string & {});

/** Replacement status, uppercased as documented. */
export type ReplacementStatus =
  | 'SUBSTITUTION_STATUS_UNSPECIFIED'
  | 'PENDING'
  | 'APPROVED'
  | 'REJECTED'
  | (string & {});

/** A product as the customer ordered it, or as the shopper proposes to replace it. */
export interface Product {
  name: string;
  /** Only `http:`, `https:` or `data:image/…` URLs survive normalisation; anything else is dropped. */
  imageUrl?: string;
  /** Parsed from the API's string; absent when that was not a number (the row then shows no quantity). */
  quantity?: number;
  /** `EACH` shows a count; any other unit (`LB`, `KG`, …) shows the number and the unit. Uppercased. */
  costUnit: string;
}

/** GET /v2/post_checkout/orders/{id}/items → one of `line_items`. */
export interface LineItem {
  id: string;
  lineNum?: string;
  status: LineItemStatus;
  replacementStatus: ReplacementStatus;
  certifiedDelivery: boolean;
  item: Product;
  replacement?: Product;
}

export interface Address {
  addressLine1: string;
  addressLine2?: string;
  locality?: string;
  administrativeArea?: string;
  postalCode: string;
  countryCode: string;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/**
 * GET /v2/post_checkout/orders/{id}/handling. `address` and `coordinates` are documented as required, but each
 * is absent when Connect's was unusable: the rest of the handling details are still shown.
 */
export interface Handling {
  address?: Address;
  coordinates?: Coordinates;
  dropoffLocation: string;
  notes: string;
  instructions: string;
  leaveUnattended: boolean;
  alcoholic: boolean;
  certifiedDelivery: boolean;
}

/** GET /v2/post_checkout/orders/{id}/location: the shopper's position, or null when there is none. */
export type ShopperLocation = Coordinates | null;

/** The customer's answer to a proposed replacement. */
export type ReplacementDecision = 'APPROVED' | 'REJECTED';

/** The four endpoints the widget reads. */
export type OrderResource = 'order' | 'items' | 'handling' | 'location';

/** Per-call options every client method takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * The token for this call, instead of the client's own `getToken`: a caller that must know which token a
   * 401 answered (to refresh it once for every call that failed with it) hands each call its own.
   */
  getToken?: (options: { signal?: AbortSignal }) => Promise<string>;
  /**
   * The API base is the retailer's own proxy, which knows the customer by the page's session cookie: the call
   * carries no token and no Authorization header, and sends same-origin cookies.
   */
  session?: boolean;
}

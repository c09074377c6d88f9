/**
 * The attributes every element of this package takes (design.md, "Attributes every element takes"), and the
 * OrderController that follows the order for it. Each element extends this and renders its part.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { OrderResource } from '../api/types.js';
import { OrderController } from './shared/order-controller.js';

export const DEFAULT_API_BASE = 'https://connect.instacart.com';
export const DEFAULT_POLL_INTERVAL_SECONDS = 15;

export abstract class OrderElement extends LitElement {
  /** The Instacart Connect order to show. Required. */
  @property({ attribute: 'order-id', reflect: true }) orderId?: string | null;

  /** Base URL of the Connect API, of the retailer's proxy, or of the sandbox. */
  @property({ attribute: 'api-base' }) apiBase: string = DEFAULT_API_BASE;

  /** A user access token (fine for server-rendered pages). Never put a client secret here. */
  @property() token?: string | null;

  /**
   * A same-origin URL on the retailer's server that answers `{"access_token", "expires_in"}`; fetched again
   * when the token expires or a call answers 401.
   */
  @property({ attribute: 'token-url' }) tokenUrl?: string | null;

  /** For hosts that get tokens in script: a function resolving to a user access token. */
  @property({ attribute: false }) tokenProvider?: (() => Promise<string>) | null;

  /** Seconds between polls of an active endpoint (minimum 1). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval: number = DEFAULT_POLL_INTERVAL_SECONDS;

  /** BCP 47 language for text, dates and numbers. Defaults to the nearest `lang`, then the browser's. */
  @property() locale?: string | null;

  /** IANA time zone for the window times. Defaults to the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string | null;

  protected readonly tracking: OrderController;

  constructor(needs: readonly OrderResource[], primary: readonly OrderResource[]) {
    super();
    this.tracking = new OrderController(this, { needs, primary });
  }
}

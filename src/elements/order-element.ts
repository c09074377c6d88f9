/** The base of every element: what they have in common, documented once (see the class). */
import { LitElement, type PropertyDeclarations } from 'lit';
import type { OrderResource } from '../api/types.js';
import { OrderController } from './shared/order-controller.js';

const DEFAULT_API_BASE = 'https://connect.instacart.com';
const DEFAULT_POLL_INTERVAL_SECONDS = 15;

/**
 * What every element of this package has in common, documented once here (the custom elements manifest gives
 * each element what it inherits): the attributes that say which order to follow and how, the theme's custom
 * properties, the banner, and `order-error`. Each element extends this and renders its part; the
 * OrderController follows the order for it. A new attribute is declared here and nowhere else:
 * `<order-tracker>` passes every one of them to its parts (see pass-settings.ts).
 *
 * @event {CustomEvent<OrderErrorDetail>} order-error - {orderId, resource, kind, status, message}: a read failed, or the element is misconfigured.
 *
 * @csspart banner - The connection or error banner.
 *
 * @cssproperty --order-status-accent - Accent colour: steps done, buttons, icons, map markers. Default #0b6e3a.
 * @cssproperty --order-status-on-accent - Text and icons on the accent colour.
 * @cssproperty --order-status-text - Text colour.
 * @cssproperty --order-status-muted - Secondary text colour (quantities, times).
 * @cssproperty --order-status-surface - Card background.
 * @cssproperty --order-status-subtle - Background of banners, counts, placeholders and skeletons.
 * @cssproperty --order-status-border - Border colour.
 * @cssproperty --order-status-radius - Corner radius. Default 12px.
 * @cssproperty --order-status-font - Font family.
 * @cssproperty --order-status-spacing - Base spacing, and the gap between the parts of `<order-tracker>`. Default 16px.
 * @cssproperty --order-status-success - Success colour (an approved replacement).
 * @cssproperty --order-status-warning - Warning colour (reconnecting, offline, rescheduled).
 * @cssproperty --order-status-danger - Danger colour (errors, canceled).
 * @cssproperty --order-status-focus - Focus ring colour. Default: the accent.
 */
export abstract class OrderElement extends LitElement {
  // Declared without decorators: the decorator helpers would cost every page about half a kilobyte.
  static override properties: PropertyDeclarations = {
    orderId: { attribute: 'order-id', reflect: true },
    apiBase: { attribute: 'api-base' },
    token: {},
    tokenUrl: { attribute: 'token-url' },
    tokenProvider: { attribute: false },
    proxy: { type: Boolean },
    pollInterval: { attribute: 'poll-interval', type: Number },
    locale: {},
    timeZone: { attribute: 'time-zone' },
  };

  /** The Instacart Connect order to show. Required. */
  orderId?: string | null;

  /** Base URL of the Connect API, of the retailer's proxy, or of the sandbox. */
  apiBase: string = DEFAULT_API_BASE;

  /** A user access token (fine for server-rendered pages). Never put a client secret here. */
  token?: string | null;

  /**
   * A same-origin URL on the retailer's server that answers `{"access_token", "expires_in"}`; fetched again
   * when the token expires or a call answers 401.
   */
  tokenUrl?: string | null;

  /** For hosts that get tokens in script: a function resolving to a user access token. */
  tokenProvider?: (() => Promise<string>) | null;

  /**
   * `api-base` is the retailer's own proxy (the server kit, `connect-order-status/server`), which knows the
   * customer by the page's session cookie: the page holds no token, requests carry no Authorization header
   * and send same-origin cookies. Token settings are then ignored.
   */
  proxy = false;

  /** Seconds between polls of an active endpoint (minimum 1). */
  pollInterval: number = DEFAULT_POLL_INTERVAL_SECONDS;

  /** BCP 47 language for text, dates and numbers. Defaults to the nearest `lang`, then the browser's. */
  locale?: string | null;

  /** IANA time zone for the window times. Defaults to the browser's. */
  timeZone?: string | null;

  protected readonly tracking: OrderController;

  constructor(needs: readonly OrderResource[], primary: readonly OrderResource[]) {
    super();
    this.tracking = new OrderController(this, { needs, primary });
  }
}

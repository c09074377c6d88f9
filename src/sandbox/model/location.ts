/**
 * Where the shopper is, and whether the customer may see it.
 *
 * Decisions where the API docs are silent (docs/sandbox.md lists them all):
 * - The position exists only while the order is `delivering`: a drive simulated from the store to the
 *   address (`route.ts`) over `driveDurationMs` from when delivering started, unless a test pinned one.
 * - Shopper PII redaction is a sandbox-wide option that a user or an order may override (the most specific
 *   wins); a redacted order's location is withheld in every state, as Connect answers 403 `Shopper PII`.
 */
import { checkCoordinates } from './coordinates.js';
import { invalid } from './errors.js';
import type { Orders } from './orders.js';
import type { OrderRecord, SandboxCoordinates } from './records.js';
import { positionAlongRoute } from './route.js';

/** What the location endpoint has to say about an order's shopper. */
export type ShopperWhereabouts = { withheld: true } | { withheld: false; coordinates: SandboxCoordinates | null };

export class ShopperLocations {
  readonly #orders: Orders;
  readonly #now: () => number;
  readonly #redactByDefault: boolean;

  constructor(orders: Orders, now: () => number, redactByDefault: boolean) {
    this.#orders = orders;
    this.#now = now;
    this.#redactByDefault = redactByDefault;
  }

  isRedacted(order: OrderRecord): boolean {
    return order.redactShopperPii ?? this.#orders.user(order.userId).redactShopperPii ?? this.#redactByDefault;
  }

  setRedacted(target: { orderId: string } | { userId: string }, redacted: boolean): void {
    if ('orderId' in target) this.#orders.get(target.orderId).redactShopperPii = redacted;
    else this.#orders.user(target.userId).redactShopperPii = redacted;
  }

  /** What the customer may know: withheld when redacted, else the position (null outside `delivering`). */
  whereabouts(order: OrderRecord): ShopperWhereabouts {
    if (this.isRedacted(order)) return { withheld: true };
    return { withheld: false, coordinates: this.position(order) };
  }

  /** Where the shopper is, redacted or not (the dev controls' view): null outside `delivering`. */
  position(order: OrderRecord): SandboxCoordinates | null {
    if (order.workflowState !== 'delivering') return null;
    const { pinned, driveStartedAt, driveDurationMs } = order.location;
    if (pinned) return { ...pinned };
    const elapsed = this.#now() - (driveStartedAt ?? this.#now());
    return positionAlongRoute(order.store.coordinates, order.handling.coordinates, driveDurationMs > 0 ? elapsed / driveDurationMs : 1);
  }

  /** Pins the shopper's position (shown while delivering) until `simulateDrive`. */
  pin(orderId: string, coordinates: SandboxCoordinates): OrderRecord {
    const order = this.#orders.get(orderId);
    checkCoordinates(coordinates);
    order.location.pinned = { latitude: coordinates.latitude, longitude: coordinates.longitude };
    return order;
  }

  /** (Re)starts the simulated drive from the store now, dropping any pinned position. */
  simulateDrive(orderId: string, options: { durationMs?: number } = {}): OrderRecord {
    const order = this.#orders.get(orderId);
    const { durationMs } = options;
    if (durationMs !== undefined && !(Number.isFinite(durationMs) && durationMs >= 0)) {
      throw invalid('durationMs', 'duration_ms must be a number of milliseconds');
    }
    delete order.location.pinned;
    order.location.driveStartedAt = this.#now();
    if (durationMs !== undefined) order.location.driveDurationMs = durationMs;
    return order;
  }
}

/**
 * What one tab of an order tells the others, on top of the TabCoordinator's election: the leader shares
 * every answer it reads and every final condition; a tab that just opened asks, and the leader replies with
 * what it already has; a follower turns what it hears into the same events its own reads would make.
 */
import type { FinalCondition, OrderSnapshot, ResourceAnswer } from './snapshot.js';
import { TabCoordinator, type TabMessage, type TabRole, type TabServices } from './tab-coordinator.js';

export interface TabRelayOptions {
  /** The order's key (see order-key.ts): tabs of the same order meet, others never do. */
  key: string;
  services: TabServices;
  /** What this tab knows now, for a newcomer's hello. */
  current(): OrderSnapshot;
  onRole(role: TabRole): void;
  /** The leader read this. */
  onAnswer(answer: ResourceAnswer): void;
  /** The leader stopped for good (sign in again, order not found). */
  onHalt(condition: FinalCondition): void;
}

export class TabRelay {
  readonly #coordinator: TabCoordinator;
  readonly #options: TabRelayOptions;

  constructor(options: TabRelayOptions) {
    this.#options = options;
    this.#coordinator = new TabCoordinator({
      key: options.key,
      services: options.services,
      onRole: options.onRole,
      onMessage: (message) => this.#received(message),
    });
  }

  /** Joins the other tabs of this order. Resolves once this tab knows whether it leads. */
  start(visible: boolean): Promise<void> {
    return this.#coordinator.start(visible);
  }

  /** Shares what this tab read (only a leader's messages go out). */
  shareAnswer(answer: ResourceAnswer): void {
    this.#coordinator.share({ type: 'answer', answer });
  }

  shareHalt(condition: FinalCondition): void {
    this.#coordinator.share({ type: 'fatal', condition });
  }

  visibilityChanged(visible: boolean): void {
    this.#coordinator.visibilityChanged(visible);
  }

  stop(): void {
    this.#coordinator.stop();
  }

  #received(message: TabMessage): void {
    switch (message.type) {
      case 'hello':
        this.#welcome();
        break;
      case 'fatal':
        this.#options.onHalt(message.condition);
        break;
      case 'answer':
        this.#options.onAnswer(message.answer);
    }
  }

  /** A tab that just opened wants what this leader already has. */
  #welcome(): void {
    const { order, items, handling, location, condition } = this.#options.current();
    if (order) this.shareAnswer({ resource: 'order', data: order });
    if (items) this.shareAnswer({ resource: 'items', data: items });
    if (handling) this.shareAnswer({ resource: 'handling', data: handling });
    if (location) this.shareAnswer({ resource: 'location', data: location });
    if (condition === 'auth' || condition === 'not_found') this.shareHalt(condition);
  }
}

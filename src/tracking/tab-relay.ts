/**
 * What one tab of an order tells the others, on top of the TabCoordinator's election: the leader shares
 * Connect's answers as they came and its final conditions; a tab that just opened asks, and the leader replies
 * with what it already has. Whatever arrives is checked like an answer from Connect (the same parsers), since
 * any script of the site can post on the channel: a message that does not parse is dropped, and a final
 * condition is only a reason for this tab to ask Connect itself, never to stop on someone else's word.
 */
import type { OrderResource } from '../api/types.js';
import { type FinalCondition, type OrderSnapshot, parseAnswer, RESOURCES, type ResourceAnswer } from './snapshot.js';
import { TabCoordinator, type TabMessage, type TabRole, type TabServices } from './tab-coordinator.js';

export interface TabRelayOptions {
  /** The order's key (see order-key.ts): tabs of the same order meet, others never do. */
  key: string;
  services: TabServices;
  /** What this tab knows now, for a newcomer's hello. */
  current(): OrderSnapshot;
  onRole(role: TabRole): void;
  /** The leader read this (checked by this tab's parsers). */
  onAnswer(answer: ResourceAnswer): void;
  /** The leader says reading is over (sign in again, order not found): this tab should see for itself. */
  onHaltReported(condition: FinalCondition): void;
}

export class TabRelay {
  readonly #coordinator: TabCoordinator;
  /** The last raw answer of each endpoint, read here or heard from the leader, for a newcomer's hello. */
  readonly #raw: Partial<Record<OrderResource, unknown>> = {};
  readonly #options: TabRelayOptions;

  constructor(options: TabRelayOptions) {
    this.#options = options;
    this.#coordinator = new TabCoordinator({
      key: options.key,
      services: options.services,
      onRole: (role) => {
        // A tab that takes the lead shares what it has at once: a tab that said hello while none led (the
        // leader had just closed) is not left waiting for the next read.
        if (role === 'leader') this.#welcome();
        options.onRole(role);
      },
      onMessage: (message) => this.#received(message),
    });
  }

  /**
   * Joins the other tabs of this order. Returns false where the browser cannot coordinate tabs (read alone, now);
   * otherwise wait for onRole: only the leader reads.
   */
  start(visible: boolean): boolean {
    return this.#coordinator.start(visible);
  }

  /** Keeps what this tab read, and shares it if it leads. */
  shareAnswer(resource: OrderResource, raw: unknown): void {
    this.#raw[resource] = raw;
    this.#coordinator.share({ type: 'answer', resource, raw });
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
        if (message.condition === 'auth' || message.condition === 'not_found') this.#options.onHaltReported(message.condition);
        break;
      case 'answer': {
        const { resource, raw } = message;
        if (!RESOURCES.includes(resource)) return;
        let answer: ResourceAnswer;
        try {
          answer = parseAnswer(resource, raw);
        } catch {
          return; // Not an answer Connect could have given: dropped, as a malformed answer from Connect would be.
        }
        this.#raw[resource] = raw;
        this.#options.onAnswer(answer);
      }
    }
  }

  /** A tab that just opened wants what this leader already has: every part still on screen, as Connect sent it. */
  #welcome(): void {
    const snapshot = this.#options.current();
    const shown: Record<OrderResource, unknown> = { order: snapshot.order, items: snapshot.items, handling: snapshot.handling, location: snapshot.location };
    for (const resource of RESOURCES) {
      const raw = this.#raw[resource];
      if (shown[resource] && raw !== undefined) this.#coordinator.share({ type: 'answer', resource, raw });
    }
    const { condition } = snapshot;
    if (condition === 'auth' || condition === 'not_found') this.shareHalt(condition);
  }
}

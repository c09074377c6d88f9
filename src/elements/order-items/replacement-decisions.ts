/**
 * The customer's answers to proposed replacements: each line item's answer is sent when Approve or Reject is
 * pressed, and each row renders its own pending / done / error state. A press while the item's answer is on
 * its way is ignored (one in-flight answer per item).
 */
import type { ReactiveControllerHost } from 'lit';
import { ApiError } from '../../api/api-error.js';
import type { ReplacementDecision } from '../../api/types.js';
import type { MessageKey } from '../../i18n/messages-en.js';

export type SendDecision = (itemId: string, decision: ReplacementDecision) => Promise<void>;

export interface DecisionView {
  pending: boolean;
  /** The answer sent (or being sent). */
  decision?: ReplacementDecision;
  /** Connect accepted it. */
  accepted: boolean;
  /** Why the last answer failed, as a message key. */
  errorKey?: MessageKey;
  /** False when trying again cannot help (already answered, item gone): the buttons go away. */
  canRetry: boolean;
}

/** Errors after which pressing again is pointless. */
const FINAL: Partial<Record<string, MessageKey>> = {
  bad_request: 'replacement.error.bad_request',
  not_found: 'replacement.error.not_found',
  forbidden: 'error.forbidden',
};

/** Where one item's answer is: on its way, accepted, or failed with an error. */
interface Sending {
  decision: ReplacementDecision;
  done?: true;
  error?: unknown;
}

export class ReplacementDecisions {
  readonly #sending = new Map<string, Sending>();

  readonly #host: ReactiveControllerHost;
  readonly #send: SendDecision;

  constructor(host: ReactiveControllerHost, send: SendDecision) {
    this.#host = host;
    this.#send = send;
  }

  /** Sends an answer unless one for this item is on its way. */
  decide(itemId: string, decision: ReplacementDecision): void {
    const previous = this.#sending.get(itemId);
    if (previous && !previous.done && !('error' in previous)) return;
    const sending: Sending = { decision };
    this.#sending.set(itemId, sending);
    this.#host.requestUpdate();
    this.#send(itemId, decision).then(
      () => (sending.done = true),
      (error: unknown) => (sending.error = error),
    ).finally(() => this.#host.requestUpdate());
  }

  view(itemId: string): DecisionView | undefined {
    const sending = this.#sending.get(itemId);
    if (!sending) return undefined;
    const { decision } = sending;
    if (sending.done) return { pending: false, decision, accepted: true, canRetry: true };
    if (!('error' in sending)) return { pending: true, decision, accepted: false, canRetry: true };
    const { error } = sending;
    if (error instanceof ApiError) {
      const final = FINAL[error.kind];
      if (final) return { pending: false, decision, accepted: false, errorKey: final, canRetry: false };
      if (error.kind === 'auth') return { pending: false, decision, accepted: false, errorKey: 'error.auth', canRetry: true };
    }
    return { pending: false, decision, accepted: false, errorKey: 'replacement.error.retry', canRetry: true };
  }
}

/**
 * The customer's answers to proposed replacements: one @lit/task per line item, run when Approve or Reject is
 * pressed, so each row renders its own pending / done / error state. A press while the item's answer is on
 * its way is ignored (one in-flight answer per item).
 */
import { Task, TaskStatus } from '@lit/task';
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

export class ReplacementDecisions {
  readonly #tasks = new Map<string, Task<[ReplacementDecision], ReplacementDecision>>();
  readonly #sent = new Map<string, ReplacementDecision>();

  readonly #host: ReactiveControllerHost;
  readonly #send: SendDecision;

  constructor(host: ReactiveControllerHost, send: SendDecision) {
    this.#host = host;
    this.#send = send;
  }

  /** Sends an answer unless one for this item is on its way. */
  decide(itemId: string, decision: ReplacementDecision): void {
    let task = this.#tasks.get(itemId);
    if (!task) {
      task = new Task<[ReplacementDecision], ReplacementDecision>(this.#host, {
        autoRun: false,
        task: async ([answer]) => {
          await this.#send(itemId, answer);
          return answer;
        },
      });
      this.#tasks.set(itemId, task);
    }
    if (task.status === TaskStatus.PENDING) return;
    this.#sent.set(itemId, decision);
    void task.run([decision]);
  }

  view(itemId: string): DecisionView | undefined {
    const task = this.#tasks.get(itemId);
    if (!task || task.status === TaskStatus.INITIAL) return undefined;
    const decision = this.#sent.get(itemId);
    if (task.status === TaskStatus.PENDING) return { pending: true, decision, accepted: false, canRetry: true };
    if (task.status === TaskStatus.COMPLETE) return { pending: false, decision, accepted: true, canRetry: true };
    const error = task.error;
    if (error instanceof ApiError) {
      const final = FINAL[error.kind];
      if (final) return { pending: false, decision, accepted: false, errorKey: final, canRetry: false };
      if (error.kind === 'auth') return { pending: false, decision, accepted: false, errorKey: 'error.auth', canRetry: true };
    }
    return { pending: false, decision, accepted: false, errorKey: 'replacement.error.retry', canRetry: true };
  }
}

/**
 * Autoplay: walks an order through its whole lifecycle, one small step at a time, using only what a
 * retailer could do through the Sandbox API (plus last mile staging): create a shopper and a batch, advance
 * it, and while picking find every item except one replaced (PENDING, giving the customer a few steps to
 * answer; unanswered it is approved at checkout) and, with three items or more, the last one refunded.
 * While delivering it holds a few steps so the simulated drive is seen, timed to arrive as it completes.
 *
 * Each step reads the order's current batch status, so manual actions in between are fine. Steps run
 * directly (`step`, `runToEnd`: instant, for tests) or through the sandbox's injectable scheduler (`start`).
 */
import type { Batches } from './batches.js';
import { MAIN_BATCH_TYPE, isLastStatus } from './batch-statuses.js';
import type { LineItems } from './items.js';
import type { ShopperLocations } from './location.js';
import { isFinished, type Orders } from './orders.js';
import type { BatchRecord, BatchType, OrderRecord } from './records.js';

/** Schedules a callback after `ms` and returns a function that cancels it. */
export type Scheduler = (callback: () => void, ms: number) => () => void;

/** The parts of the model autoplay acts through: what a retailer could do, and nothing more. */
interface AutoplayModel {
  orders: Orders;
  batches: Batches;
  items: LineItems;
  locations: ShopperLocations;
}

export interface AutoplayOptions {
  /** Time between scheduled steps (default 2000 ms). */
  stepMs?: number;
  /** Steps to wait for the customer's answer to a proposed replacement (default 2). */
  answerWaitSteps?: number;
  /** Steps spent delivering before the batch completes (default 6). */
  deliveringSteps?: number;
  /** `runToEnd` gives up after this many steps (default 500). */
  maxSteps?: number;
}

export interface AutoplayStepResult {
  orderId: string;
  /** What the step did, e.g. `advance batch 656178546 to picking`, `item 2 replaced`. */
  action: string;
  workflowState: string;
  /** Delivered or canceled: nothing more to do. */
  done: boolean;
}

export interface AutoplayStatus {
  running: boolean;
  stepMs: number;
  steps: number;
  lastAction?: string;
  error?: string;
}

interface Progress {
  options: Required<Omit<AutoplayOptions, 'maxSteps'>>;
  waitedForAnswer: number;
  deliveringSteps: number;
  steps: number;
  running: boolean;
  cancel?: () => void;
  lastAction?: string;
  error?: string;
}

export class AutoplayRunner {
  readonly #progress = new Map<string, Progress>();
  readonly #model: AutoplayModel;
  readonly #schedule: Scheduler;

  constructor(model: AutoplayModel, schedule: Scheduler) {
    this.#model = model;
    this.#schedule = schedule;
  }

  step(orderId: string): AutoplayStepResult {
    const order = this.#model.orders.get(orderId);
    const progress = this.#progress.get(orderId) ?? this.#track(orderId, {});
    if (isFinished(order)) return this.#result(order, progress, 'nothing to do');
    progress.steps += 1;
    return this.#result(order, progress, this.#act(order, progress));
  }

  runToEnd(orderId: string, options: AutoplayOptions): AutoplayStepResult[] {
    this.stop(orderId);
    this.#track(orderId, options);
    const results: AutoplayStepResult[] = [];
    const maxSteps = options.maxSteps ?? 500;
    for (let i = 0; i < maxSteps; i += 1) {
      const result = this.step(orderId);
      results.push(result);
      if (result.done) break;
    }
    return results;
  }

  start(orderId: string, options: AutoplayOptions): AutoplayStepResult {
    this.stop(orderId);
    const progress = this.#track(orderId, options);
    progress.running = true;
    const tick = (): AutoplayStepResult => {
      let result: AutoplayStepResult;
      try {
        result = this.step(orderId);
      } catch (error) {
        progress.running = false;
        progress.error = error instanceof Error ? error.message : String(error);
        const order = this.#model.orders.get(orderId);
        return { orderId, action: `stopped: ${progress.error}`, workflowState: order.workflowState, done: true };
      }
      if (result.done) progress.running = false;
      else if (progress.running) progress.cancel = this.#schedule(tick, progress.options.stepMs);
      return result;
    };
    return tick();
  }

  stop(orderId: string): boolean {
    const progress = this.#progress.get(orderId);
    if (!progress?.running) return false;
    progress.running = false;
    progress.cancel?.();
    delete progress.cancel;
    return true;
  }

  stopAll(): void {
    for (const orderId of this.#progress.keys()) this.stop(orderId);
    this.#progress.clear();
  }

  status(orderId: string): AutoplayStatus | undefined {
    const progress = this.#progress.get(orderId);
    if (!progress) return undefined;
    return {
      running: progress.running,
      stepMs: progress.options.stepMs,
      steps: progress.steps,
      ...(progress.lastAction !== undefined ? { lastAction: progress.lastAction } : {}),
      ...(progress.error !== undefined ? { error: progress.error } : {}),
    };
  }

  #track(orderId: string, options: AutoplayOptions): Progress {
    const progress: Progress = {
      options: {
        stepMs: options.stepMs ?? 2000,
        answerWaitSteps: options.answerWaitSteps ?? 2,
        deliveringSteps: options.deliveringSteps ?? 6,
      },
      waitedForAnswer: 0,
      deliveringSteps: 0,
      steps: 0,
      running: false,
    };
    this.#progress.set(orderId, progress);
    return progress;
  }

  #result(order: OrderRecord, progress: Progress, action: string): AutoplayStepResult {
    progress.lastAction = action;
    return { orderId: order.id, action, workflowState: order.workflowState, done: isFinished(order) };
  }

  /** Does one thing and says what. */
  #act(order: OrderRecord, progress: Progress): string {
    const { orders, batches, items, locations } = this.#model;
    if (order.fulfillmentType === 'last_mile_delivery' && order.stagingStep < 2) {
      orders.stage(order.id);
      return `stage order (${order.workflowState})`;
    }
    const orderBatches = batches.of(order);
    const mainType = MAIN_BATCH_TYPE[order.fulfillmentType];
    const main = latest(orderBatches, mainType);
    if (!main) {
      const phone = batches.unusedPhone();
      const shopper = batches.createShopper({ email: `autoplay-${phone}@sandbox.example`, phone, password: 'autoplay' });
      const batch = batches.create({ batchType: mainType, shopperId: shopper.id, orders: [{ id: order.id }] });
      return `shopper ${shopper.id} gets ${mainType} batch ${batch.id}`;
    }
    if (mainType === 'pickup' && isLastStatus('pickup', main.workflowState)) {
      const runner = latest(orderBatches, 'runner_customer');
      if (!runner) {
        const batch = batches.create({ batchType: 'runner_customer', shopperId: main.shopperId, orders: [{ id: order.id }] });
        return `runner_customer batch ${batch.id}`;
      }
      return this.#advance(runner);
    }
    if (main.workflowState === 'picking') {
      const index = order.lineItems.findIndex((item) => item.status === 'not_picked');
      const item = order.lineItems[index];
      if (item) {
        const count = order.lineItems.length;
        const status = count >= 2 && index === 1 ? 'replaced' : count >= 3 && index === count - 1 ? 'to_refund' : 'found';
        items.update(order, item.lineNum, { status }, true);
        return `item ${item.lineNum} ${status}`;
      }
      const pending = order.lineItems.some((candidate) => candidate.replacementStatus === 'PENDING');
      if (pending && progress.waitedForAnswer < progress.options.answerWaitSteps) {
        progress.waitedForAnswer += 1;
        return 'wait for the customer to answer the replacement';
      }
    }
    if (main.workflowState === 'delivering' && progress.deliveringSteps < progress.options.deliveringSteps) {
      progress.deliveringSteps += 1;
      return 'drive';
    }
    const action = this.#advance(main);
    if (order.workflowState === 'delivering' && !order.location.pinned) {
      // Arrive as the batch completes: the drive lasts as long as the delivering steps.
      locations.simulateDrive(order.id, { durationMs: (progress.options.deliveringSteps + 1) * progress.options.stepMs });
    }
    return action;
  }

  #advance(batch: BatchRecord): string {
    const updated = this.#model.batches.advance(batch.id);
    return `advance batch ${batch.id} to ${updated.workflowState}`;
  }
}

function latest(batches: readonly BatchRecord[], batchType: BatchType): BatchRecord | undefined {
  return batches.filter((batch) => batch.batchType === batchType).at(-1);
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { LineItem, Order } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { countItems } from '../../tracking/snapshot-data.js';
import { stateIndex } from '../../workflow/states.js';
import { datesReady, whenDatesReady } from '../shared/date-readiness.js';
import { afterNextPaint, holdForSentence } from '../shared/render-pacing.js';
import { icons } from '../shared/icons.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { customerSteps, type Progress, progressOf } from './customer-steps.js';
import { renderHandling } from './handling-details.js';
import { orderStatusStyles } from './order-status.styles.js';
import { renderStepper, stateSentence } from './stepper.js';

/**
 * The state of one Instacart-fulfilled order: its fulfillment type, when it was placed, the delivery or
 * pickup window, a progress stepper with the current step marked, a sentence for the current state, and the
 * handling details (address, drop-off location, notes, instructions, ID needed for alcohol, leave unattended,
 * certified delivery). Follows the order live; never fetches by itself.
 *
 * @tag order-status
 * @summary Live status of an Instacart Connect order: stepper, sentence, window and handling details.
 *
 * @event {CustomEvent<OrderStateChangeDetail>} order-state-change - {orderId, state, previousState, fulfillmentType}: the workflow state changed.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart facts - The type / placed / window list.
 * @csspart sentence - The sentence for the current state.
 * @csspart summary - After delivery: how many items were found, replaced and refunded.
 * @csspart notice - The canceled / rescheduled / in-progress notice.
 * @csspart stepper - The ordered list of steps.
 * @csspart step - Each step (one of the three below as well).
 * @csspart step-complete - A step the order has passed.
 * @csspart step-current - The step the order is at.
 * @csspart step-upcoming - A step still to come.
 * @csspart handling - The handling details section.
 * @csspart details - The list of handling details.
 * @csspart detail - One handling detail (icon and text).
 * @csspart loading - Each grey placeholder, where a word, the times or the handling details will be.
 */
export class OrderStatusElement extends TrackedElement {
  static override styles = orderStatusStyles;

  /** What the live region says: the sentence of a state the order moved to while on screen. */
  private announcement = '';
  private shownState: string | undefined;
  /** The last state of the type's sequence seen, so a rescheduled or unknown state keeps the steps done. */
  private lastKnownState: string | undefined;

  /** Becomes true once the sentence has been painted: the handling details follow it. */
  private sentenceShown = false;
  private sentencePainted: Promise<void> | undefined;
  /** Lets the page's other parts render, once the sentence is on screen (shared/render-pacing.ts). */
  private releaseParts?: () => void;

  protected override paced = false;

  constructor() {
    super(['order', 'handling'], ['order', 'handling']);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.releaseParts ??= holdForSentence();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseParts?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const order = this.snapshot.order;
    if (!order) return;
    const state = order.workflowState;
    if (this.shownState !== undefined && state !== this.shownState) {
      this.announcement = stateSentence(this.localize.l10n, order.fulfillmentType, state);
    }
    this.shownState = state;
    if (stateIndex(order.fulfillmentType, state) >= 0) this.lastKnownState = state;
    // The times come once the page's first date format is paid for (shared/date-readiness.ts).
    if (!datesReady()) void whenDatesReady().then(() => this.requestUpdate());
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Once the sentence (or what stands in for it: a banner, a missing order) is on screen, the handling
    // details follow it, then the other parts of the page.
    if (this.sentencePainted || (!this.snapshot.order && this.awaiting('order'))) return;
    this.sentencePainted = afterNextPaint().then(() => {
      this.sentenceShown = true;
      this.releaseParts?.();
      this.requestUpdate();
    });
  }

  protected override render(): TemplateResult {
    const snapshot = this.snapshot;
    const l10n = this.localize.l10n;
    const { order, handling } = snapshot;
    const loading = !order && this.awaiting('order');
    return html`
      ${this.banner(['order', 'handling'])}
      <section class="card" part="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
        <h2 id="title" part="title">${l10n.msg('order.title')}</h2>
        ${loading ? html`<span class="visually-hidden">${l10n.msg('status.loading')}</span>` : nothing}
        ${order || loading ? this.renderOrder(order, l10n) : nothing}
        ${handling && (!order || this.sentenceShown)
          ? renderHandling(handling, order?.fulfillmentType, l10n)
          : handling || this.awaiting('handling')
            ? html`<span class="skeleton handling-place" part="loading"></span>`
            : nothing}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderSummary(l10n: Localizer): TemplateResult | typeof nothing {
    const items = this.snapshot.items;
    if (!items || items.length === 0) return nothing;
    return html`<p class="summary" part="summary">${summaryOf(items, l10n)}</p>`;
  }

  /**
   * The facts, the sentence and the stepper. Before the first answer: the same lines (a delivery's) with
   * placeholders where the answer goes, as tall as what replaces them, so nothing moves when it comes.
   */
  private renderOrder(order: Order | undefined, l10n: Localizer): TemplateResult {
    const type = order?.fulfillmentType ?? 'delivery';
    const progress: Progress = order
      ? progressOf(type, order.workflowState, this.lastKnownState)
      : { kind: 'step', steps: customerSteps(type), current: -1, reached: 0 };
    const sentence = order && stateSentence(l10n, type, order.workflowState);
    const notice = progress.kind === 'step' ? undefined : l10n.msg(`notice.${progress.kind}`);
    const dates = order && datesReady();
    const placedAt = order?.creationDate;
    const startsAt = order?.windowStartsAt;
    return html`
      <dl class="facts" part="facts">
        <dt>${l10n.msg('order.type')}</dt>
        <dd data-fact="type">${order ? l10n.first([`type.${type}`, 'type.unknown']) : PLACEHOLDER}</dd>
        ${!order || placedAt
          ? html`<dt>${l10n.msg('order.placedLabel')}</dt>
              <dd data-fact="placed">
                ${dates && placedAt ? html`<time datetime=${placedAt}>${l10n.dayTime(placedAt)}</time>` : PLACEHOLDER}
              </dd>`
          : nothing}
        ${!order || startsAt
          ? html`<dt>${l10n.first([`window.${type}`, 'window.unknown'])}</dt>
              <dd data-fact="window">${icons.clock()} ${dates && startsAt ? l10n.window(startsAt, order.windowEndsAt) : PLACEHOLDER}</dd>`
          : nothing}
      </dl>
      ${notice
        ? html`<p class="notice" part="notice" data-kind=${progress.kind}>
            ${progress.kind === 'canceled' ? icons.cross() : icons.info()} ${notice}
          </p>`
        : nothing}
      ${sentence !== undefined && sentence === notice ? nothing : html`<p class="sentence" part="sentence" data-state=${order?.workflowState ?? nothing}>${sentence ?? PLACEHOLDER}</p>`}
      ${order?.workflowState === 'delivered' ? this.renderSummary(l10n) : nothing}
      ${progress.kind === 'canceled' ? nothing : renderStepper(progress, l10n)}
    `;
  }
}

/** Holds a word's place on its line until it is known (or, for times, until dates can be formatted). */
const PLACEHOLDER = html`<span class="skeleton inline" part="loading"></span>`;

/** After delivery: what came of the shopping list, in the item lists' own words ("6 items · Found 4 · Replaced 1"). */
function summaryOf(items: readonly LineItem[], l10n: Localizer): string {
  const counts = countItems(items);
  const parts = [l10n.msg('items.count', { count: counts.total })];
  for (const [key, count] of [
    ['items.list.found', counts.found],
    ['items.list.replaced', counts.replaced],
    ['items.list.refunded', counts.refunded],
  ] as const) {
    if (count > 0) parts.push(`${l10n.msg(key)} ${l10n.number(count)}`);
  }
  return parts.join(' · ');
}

declare global {
  interface HTMLElementTagNameMap {
    'order-status': OrderStatusElement;
  }
}

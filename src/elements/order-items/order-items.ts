import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LineItem, ReplacementDecision } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { icons } from '../shared/icons.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { LINE_ITEM_GROUPS, lineItemLists } from './item-groups.js';
import { renderProduct } from './item-row.js';
import { itemsAnnouncement } from './items-announcement.js';
import { orderItemsStyles } from './order-items.styles.js';
import { ReplacementDecisions } from './replacement-decisions.js';
import { RowBudget } from './row-budget.js';

/**
 * The items of an Instacart-fulfilled order in four lists with counts — Still shopping, Found, Replaced
 * (original → replacement, with Approve / Reject while the shopper waits for the customer's answer) and
 * Refunded — plus an Other list for statuses this widget does not know. Each row shows the image, the name
 * and the quantity with its unit. Last mile delivery orders have no items at Instacart: the element says the
 * store packs them and shows the retailer's own list from its slot. A big order's rows fill in over a few
 * frames (row-budget.ts), and a poll re-renders only the rows that changed.
 *
 * @tag order-items
 * @summary Items of an Instacart Connect order as the shopper picks them, with replacement answers.
 *
 * @slot - The retailer's own item list, shown for last mile delivery orders (Instacart has no items for them).
 *
 * @event {CustomEvent<OrderItemsChangeDetail>} order-items-change - {orderId, counts: {stillShopping, found, replaced, refunded, other, total}}: the counts per list changed.
 * @event {CustomEvent<ReplacementDecisionDetail>} replacement-decision - {orderId, itemId, decision: 'APPROVED' | 'REJECTED'}: Connect accepted the customer's answer.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart group - One list with its heading (`data-group` says which).
 * @csspart count - The count next to a list's heading.
 * @csspart list - The list of rows of a list (`role="list"`).
 * @csspart row - One line item.
 * @csspart image - A product image, or its placeholder.
 * @csspart image-placeholder - The placeholder of a product without an image (also `image`).
 * @csspart name - A product name.
 * @csspart quantity - A quantity with its unit.
 * @csspart decision - The answer area of a replaced item.
 * @csspart decision-status - The state of the answer (waiting, sending, approved, rejected).
 * @csspart decision-error - Why an answer could not be sent.
 * @csspart button - The Approve and Reject buttons.
 * @csspart button-approve - The Approve button (also `button`).
 * @csspart button-reject - The Reject button (also `button`).
 * @csspart note - The last mile delivery note.
 * @csspart loading - The grey placeholder shown until the items' first answer arrives.
 */
export class OrderItemsElement extends TrackedElement {
  static override styles = orderItemsStyles;

  private readonly decisions = new ReplacementDecisions(this, (itemId, decision) => this.tracking.decideReplacement(itemId, decision));
  private readonly rows = new RowBudget(this);
  private readonly brokenImages = new Set<string>();
  private readonly markBroken = (url: string) => {
    if (this.brokenImages.has(url)) return;
    this.brokenImages.add(url);
    this.requestUpdate();
  };
  /** What the live region says about items that moved while the page was open. */
  private announcement = '';
  private seenItems: readonly LineItem[] | undefined;
  /** The row whose answer buttons were pressed: focus goes to its status when the buttons go away. */
  private answeredItem: string | undefined;

  constructor() {
    super(['order', 'items'], ['items']);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const items = this.snapshot.items;
    if (items && items !== this.seenItems) {
      if (this.seenItems) {
        const text = itemsAnnouncement(this.seenItems, items, this.localize.l10n);
        if (text) this.announcement = text;
      }
      this.seenItems = items;
    }
  }

  protected override render(): TemplateResult {
    const snapshot = this.snapshot;
    const l10n = this.localize.l10n;
    const { order, items } = snapshot;
    const lastMile = order?.fulfillmentType === 'last_mile_delivery';
    const loading = !lastMile && !items && this.awaiting('items');
    let content: TemplateResult | typeof nothing = nothing;
    if (lastMile) content = html`<p class="note muted" part="note">${l10n.msg('items.lastMile')}</p><slot></slot>`;
    else if (items) content = items.length > 0 ? this.renderGroups(items, l10n) : html`<p class="empty muted">${l10n.msg('items.empty')}</p>`;
    else if (loading) content = this.skeleton(l10n.msg('items.loading'), ['tall', 'tall', 'tall']);
    return html`
      ${this.banner(lastMile ? ['order'] : ['order', 'items'])}
      <section class="card" part="base" aria-labelledby="title" aria-busy=${loading || this.rows.filling ? 'true' : 'false'}>
        <h2 id="title" part="title">${l10n.msg('items.title')}</h2>
        ${content}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const itemId = this.answeredItem;
    if (!itemId || this.decisions.view(itemId)?.pending) return;
    this.answeredItem = undefined;
    // The pressed button is gone (answer accepted, or no longer possible): keep keyboard users in the row.
    if (this.shadowRoot?.activeElement) return;
    const status = [...this.renderRoot.querySelectorAll<HTMLElement>('.decision-status')].find((el) => el.dataset.itemId === itemId);
    status?.focus();
  }

  private renderGroups(items: readonly LineItem[], l10n: Localizer): TemplateResult {
    // The counts are the whole lists'; the rows come in display order as the budget allows.
    const lists = lineItemLists(items, this.rows.take(items.length));
    return html`${LINE_ITEM_GROUPS.map((group) => {
      const { count: length, blocks } = lists[group];
      if (group === 'other' && length === 0) return nothing;
      const count = l10n.msg('items.count', { count: length });
      return html`<section class="group" part="group" data-group=${group} aria-labelledby="group-${group}">
        <h3 id="group-${group}">
          ${l10n.msg(`items.list.${group}`)}
          <span class="count" part="count" aria-hidden="true">${l10n.number(length)}</span>
          <span class="visually-hidden">, ${count}</span>
        </h3>
        ${length > 0
          ? html`<div class="list" part="list" role="list">
              ${repeat(
                blocks,
                (block) => block.key,
                // Until a block is first laid out, its height is guessed from its rows (the rows' own guess).
                // A block whose rows' inputs are all unchanged is skipped whole: a slice or a poll costs the
                // rows it changes, plus one comparison per row.
                ({ items: rows }) =>
                  guard(
                    rows.flatMap((item) => this.rowInputs(item, l10n)),
                    () =>
                      html`<div class="block" .style=${`contain-intrinsic-size:auto ${rows.length * 4.5}em`}>
                        ${repeat(
                          rows,
                          (item) => item.id,
                          (item) => guard(this.rowInputs(item, l10n), () => this.renderRow(item, l10n)),
                        )}
                      </div>`,
                  ),
              )}
            </div>`
          : html`<p class="empty muted">${l10n.msg('items.listEmpty')}</p>`}
      </section>`;
    })}`;
  }

  /**
   * Everything a row's looks depend on: a row whose inputs are all unchanged is not rendered again, so a
   * poll that moves one item of 10,000 costs one row, not 10,000.
   */
  private rowInputs(item: LineItem, l10n: Localizer): unknown[] {
    const answer = item.status === 'replaced' && `${this.snapshot.order?.workflowState} ${JSON.stringify(this.decisions.view(item.id))}`;
    const broken = (url?: string) => !!url && this.brokenImages.has(url);
    return [item, l10n, broken(item.item.imageUrl), broken(item.replacement?.imageUrl), answer];
  }

  private renderRow(item: LineItem, l10n: Localizer): TemplateResult {
    const replaced = item.status === 'replaced';
    return html`<div class="row" part="row" role="listitem" data-item-id=${item.id} data-status=${item.status}>
      ${renderProduct(item.item, 'item', l10n, this.brokenImages, this.markBroken)}
      ${replaced
        ? html`<div class="replacement">
              ${icons.arrow()}<span class="visually-hidden">${l10n.msg('items.replacedWith')}</span>
              ${item.replacement
                ? renderProduct(item.replacement, 'replacement', l10n, this.brokenImages, this.markBroken)
                : html`<span class="muted">${l10n.msg('items.noReplacement')}</span>`}
            </div>
            ${this.renderDecision(item, l10n)}`
        : nothing}
    </div>`;
  }

  private renderDecision(item: LineItem, l10n: Localizer): TemplateResult {
    const view = this.decisions.view(item.id);
    // Connect takes an answer only while the order is picking and the replacement awaits one.
    const answerable = this.snapshot.order?.workflowState === 'picking' && item.replacementStatus === 'PENDING' && !!item.replacement;
    const answered = item.replacementStatus === 'APPROVED' || item.replacementStatus === 'REJECTED';
    let status = '';
    let answer: string | undefined;
    if (view?.pending) status = l10n.msg('replacement.sending');
    else if (answered) answer = item.replacementStatus;
    else if (view?.accepted && view.decision) answer = view.decision;
    else if (answerable) status = l10n.msg('replacement.pending');
    if (answer) status = l10n.msg(answer === 'APPROVED' ? 'replacement.APPROVED' : 'replacement.REJECTED');
    const showButtons = answerable && !view?.accepted && (view?.canRetry ?? true);
    const names = { original: item.item.name, replacement: item.replacement?.name ?? '' };
    return html`<div class="decision" part="decision">
      <p class="decision-status" part="decision-status" role="status" tabindex="-1" data-item-id=${item.id} data-answer=${answer ?? nothing}>
        ${status}
      </p>
      ${view?.errorKey ? html`<p class="decision-error" part="decision-error" role="alert">${l10n.msg(view.errorKey)}</p>` : nothing}
      ${showButtons
        ? html`<div class="actions">
            ${this.renderButton(item.id, 'APPROVED', l10n.msg('replacement.approve'), l10n.msg('replacement.approveLabel', names), !!view?.pending)}
            ${this.renderButton(item.id, 'REJECTED', l10n.msg('replacement.reject'), l10n.msg('replacement.rejectLabel', names), !!view?.pending)}
          </div>`
        : nothing}
    </div>`;
  }

  private renderButton(itemId: string, decision: ReplacementDecision, text: string, label: string, pending: boolean): TemplateResult {
    // aria-disabled rather than disabled while sending: the button keeps focus and says why nothing happens.
    return html`<button
      type="button"
      part="button ${decision === 'APPROVED' ? 'button-approve' : 'button-reject'}"
      data-answer=${decision}
      aria-label=${label}
      aria-disabled=${pending ? 'true' : 'false'}
      @click=${() => this.answer(itemId, decision, pending)}
    >
      ${text}
    </button>`;
  }

  private answer(itemId: string, decision: ReplacementDecision, pending: boolean): void {
    if (pending) return;
    this.answeredItem = itemId;
    this.decisions.decide(itemId, decision);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'order-items': OrderItemsElement;
  }
}

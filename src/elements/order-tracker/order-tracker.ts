import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { RESOURCES } from '../../tracking/snapshot.js';
import { afterSentence } from '../shared/render-pacing.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { DEFAULT_ATTRIBUTION, DEFAULT_TILE_URL } from '../shopper-map/shopper-map.js';
import { EXPORTED_PARTS } from './exported-parts.js';
import { orderTrackerStyles } from './order-tracker.styles.js';
import { passSettings } from './pass-settings.js';

/**
 * `<order-status>`, `<order-items>` and `<shopper-map>` in one responsive layout, for pages that want a
 * single tag: stacked on narrow hosts, side by side on wide ones; the map only for orders that are delivered
 * to an address the API gave coordinates for. The layout holds each part's place from the first render, so
 * nothing on the page moves as the order's answers arrive. Every setting is passed down (pass-settings.ts);
 * one banner above all three reports the connection. Events from the parts reach the page (they bubble and are composed).
 * Every part of the inner elements but `base`, `title` and `banner` is re-exported under its own name, so
 * `order-tracker::part(step-current)` styles the stepper inside: the list comes from the parts' own @csspart
 * tags (exported-parts.ts is generated from them), and custom-elements.json lists each one here too.
 *
 * @tag order-tracker
 * @summary Order status, items and shopper map of an Instacart Connect order in one tag.
 *
 * @slot - The retailer's own item list for last mile delivery orders (passed to `<order-items>`).
 *
 * @event {CustomEvent<OrderStateChangeDetail>} order-state-change - {orderId, state, previousState, fulfillmentType}: the workflow state changed.
 * @event {CustomEvent<OrderItemsChangeDetail>} order-items-change - {orderId, counts}: the counts per item list changed.
 * @event {CustomEvent<ShopperLocationChangeDetail>} shopper-location-change - {orderId, latitude, longitude}: the shopper moved.
 * @event {CustomEvent<ReplacementDecisionDetail>} replacement-decision - {orderId, itemId, decision}: Connect accepted the customer's answer.
 *
 * @csspart layout - The grid holding the three parts.
 * @csspart status - The `<order-status>` element.
 * @csspart items - The `<order-items>` element.
 * @csspart shopper-map - The `<shopper-map>` element.
 *
 * @cssproperty --order-status-map-height - Height of the map. Default 20rem.
 */
export class OrderTrackerElement extends TrackedElement {
  // Declared without decorators: the decorator helpers would cost every page about half a kilobyte.
  static override properties: PropertyDeclarations = {
    tileUrl: { attribute: 'tile-url' },
    attribution: {},
  };

  static override styles = orderTrackerStyles;

  /** Map tile URL template (`{z}`, `{x}`, `{y}`); empty for no tiles. */
  tileUrl: string = DEFAULT_TILE_URL;

  /** Map tile attribution, as text. */
  attribution: string = DEFAULT_ATTRIBUTION;

  protected override paced = false;

  /**
   * False until the status part has painted its sentence: the map and the items join the layout then, below
   * or beside the status, where they move nothing already on screen (shared/render-pacing.ts).
   */
  private partsShown = false;

  constructor() {
    // Reads the order and the handling only to lay out its parts; the parts report the events.
    super(['order', 'handling'], []);
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    void afterSentence().then(() => {
      this.partsShown = true;
      this.requestUpdate();
    });
  }

  protected override render(): TemplateResult {
    const snapshot = this.snapshot;
    const banner = this.banner(RESOURCES);
    // Without an order-id the parts would each complain; one message is enough.
    if (!this.orderId?.trim() || snapshot.condition === 'misconfigured') return html`${banner}`;
    const { order, handling } = snapshot;
    // The map's place is kept from the first render, before any answer, so that nothing moves when the
    // answers arrive: pickup orders and addresses without coordinates give it up.
    const showMap = order?.fulfillmentType !== 'pickup' && (handling ? !!handling.coordinates : this.awaiting('handling'));
    return html`
      ${banner}
      <div class="layout" part="layout" ?data-map=${showMap}>
        <order-status
          part="status"
          exportparts=${EXPORTED_PARTS['order-status']}
          hide-banner
          ${passSettings(this)}
        ></order-status>
        ${showMap && this.partsShown
          ? html`<shopper-map
              part="shopper-map"
              exportparts=${EXPORTED_PARTS['shopper-map']}
              hide-banner
              ${passSettings(this)}
            ></shopper-map>`
          : nothing}
        ${this.partsShown
          ? html`<order-items
              part="items"
              exportparts=${EXPORTED_PARTS['order-items']}
              hide-banner
              ${passSettings(this)}
              ><slot></slot
            ></order-items>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'order-tracker': OrderTrackerElement;
  }
}

import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Order } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { OrderSnapshot } from '../../tracking/snapshot.js';
import { phaseOf } from '../../workflow/states.js';
import { addressText } from '../shared/address.js';
import { icons } from '../shared/icons.js';
import { whenIdle } from '../shared/render-pacing.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { haversineMeters } from './distance.js';
import type { LeafletMapView } from './leaflet-map.js';
import { type LeafletModule, loadedLeafletMap, loadLeafletMap } from './leaflet-loader.js';
import { shopperMapStyles } from './shopper-map.styles.js';

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors';

/** Closer than this, the shopper is "arriving" rather than some metres away. */
const ARRIVING_METERS = 50;

/**
 * A map of the delivery: the address, and while the order is `delivering` the shopper moving toward it.
 * Before that, a calm placeholder with the address; Leaflet (a separate chunk) loads only when the map is
 * first shown. A visually hidden text alternative says how far away the shopper is; when the retailer does
 * not share the shopper's location, a visible note says so.
 *
 * @tag shopper-map
 * @summary Map of an Instacart Connect delivery with the shopper's live position.
 *
 * @event {CustomEvent<ShopperLocationChangeDetail>} shopper-location-change - {orderId, latitude, longitude}: the shopper moved (while delivering).
 *
 * @csspart base - The card around everything.
 * @csspart map - The Leaflet map container.
 * @csspart placeholder - What shows instead of the map before delivery (or while it loads).
 * @csspart notice - The note that the shopper's location is not shared.
 *
 * @cssproperty --order-status-map-height - Height of the element. Default 20rem.
 */
export class ShopperMapElement extends TrackedElement {
  // Declared without decorators: the decorator helpers would cost every page about half a kilobyte.
  static override properties: PropertyDeclarations = {
    tileUrl: { attribute: 'tile-url' },
    attribution: {},
  };

  static override styles = shopperMapStyles;

  /** Tile URL template (`{z}`, `{x}`, `{y}`, `{s}`); empty for no tiles. */
  tileUrl: string = DEFAULT_TILE_URL;

  /** Attribution of the tiles, as text ("OpenStreetMap" becomes a link to its copyright page). */
  attribution: string = DEFAULT_ATTRIBUTION;

  /** Becomes true when the order is first seen delivering; the map then stays (it shows where it ended). */
  private mapShown = false;
  private view: LeafletMapView | undefined;
  private resizeObserver: ResizeObserver | undefined;

  /** The map's code: asked for when the map is first shown; `false` if it could not be loaded. */
  private leaflet: LeafletModule | false | undefined;

  constructor() {
    super(['order', 'handling', 'location'], ['location']);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Coming back after a disconnect: the map was removed and is made again on the next update.
    if (this.mapShown) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.view?.remove();
    this.view = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { order, handling, location } = this.snapshot;
    if (!this.mapShown && order?.workflowState === 'delivering' && (handling || location)) {
      this.mapShown = true;
      // Fetched ahead of need (below), the map shows in this very update; otherwise once its code is here.
      this.leaflet = loadedLeafletMap();
      if (!this.leaflet) {
        loadLeafletMap().then(
          (module) => (this.leaflet = module),
          () => (this.leaflet = false),
        ).finally(() => this.requestUpdate());
      }
    } else if (!this.mapShown && order && nearsDelivery(order)) {
      // Checking out, or packed and waiting for a driver: the map's code comes in idle time, so the map needs
      // no download when the order goes on the way. A failed fetch is tried again then.
      whenIdle(() => loadLeafletMap().catch(() => {}));
    }
  }

  protected override render(): TemplateResult {
    const snapshot = this.snapshot;
    const l10n = this.localize.l10n;
    const { order, handling } = snapshot;
    const delivered = order?.workflowState === 'delivered';
    const address = addressText(handling?.address);
    // "Delivering to …" / "Delivered to …": the placeholder's lead, and the end of the text alternative.
    const lead = address ? l10n.msg(delivered ? 'map.deliveredTo' : 'map.deliveringTo', { address }) : undefined;
    const placeholder = (status?: string) => this.renderPlaceholder(status ?? (delivered ? undefined : l10n.msg('map.beforeDelivery')), lead);
    const notShared = !snapshot.locationShared && order?.workflowState === 'delivering';
    return html`
      <section class="card" part="base">
        ${this.banner(['order', 'handling', 'location'])}
        ${!this.mapShown
          ? placeholder()
          : this.leaflet
            ? html`<div class="map" part="map" role="region" aria-label=${l10n.msg('map.label')} aria-describedby="map-description"></div>`
            : placeholder(l10n.msg(this.leaflet === false ? 'map.error' : 'map.loading'))}
        <p id="map-description" class="visually-hidden" data-text-alternative>${this.textAlternative(snapshot, l10n, lead)}</p>
        ${notShared ? html`<p class="notice" part="notice">${l10n.msg('map.notShared')}</p>` : nothing}
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const module = this.leaflet;
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!module || !container || !this.isConnected) return;
    const l10n = this.localize.l10n;
    const labels = { destination: l10n.msg('map.destination'), shopper: l10n.msg('map.shopper') };
    if (!this.view) {
      module.mountLeafletStyles(this.renderRoot as ShadowRoot);
      this.view = new module.LeafletMapView(container, labels);
      this.resizeObserver = new ResizeObserver(() => this.view?.invalidateSize());
      this.resizeObserver.observe(container);
    }
    this.view.setLabels(labels);
    const { order, handling, location } = this.snapshot;
    this.view.setTiles(this.tileUrl ?? '', this.attribution ?? '');
    this.view.show({
      destination: handling?.coordinates,
      // The shopper is on the map only while delivering: before, there is no position; after, it is private.
      shopper: order?.workflowState === 'delivering' ? location : null,
    });
  }

  private renderPlaceholder(detail: string | undefined, lead: string | undefined): TemplateResult {
    return html`<div class="placeholder" part="placeholder">
      ${icons.pin()}
      <div>
        ${lead ? html`<p class="address">${lead}</p>` : nothing}
        ${detail ? html`<p class="muted">${detail}</p>` : nothing}
      </div>
    </div>`;
  }

  /** What a screen reader hears for the map; kept current with every position. */
  private textAlternative(snapshot: OrderSnapshot, l10n: Localizer, lead: string | undefined): string {
    const { order, handling, location, locationShared } = snapshot;
    const sentences: string[] = [];
    if (order?.workflowState === 'delivering') {
      if (!locationShared) sentences.push(l10n.msg('map.notShared'));
      else if (!location) sentences.push(l10n.msg('map.waiting'));
      // Without the address's coordinates there is no distance to tell.
      else if (handling?.coordinates) {
        const meters = haversineMeters(location, handling.coordinates);
        sentences.push(meters < ARRIVING_METERS ? l10n.msg('map.nearby') : l10n.msg('map.distance', { distance: l10n.distance(meters) }));
      }
    }
    if (lead) sentences.push(lead);
    return sentences.join(' ');
  }
}

/** Whether the order is about to be on the way: checking out, or ready for its driver (not for pickup orders). */
function nearsDelivery({ fulfillmentType, workflowState }: Order): boolean {
  const phase = phaseOf(fulfillmentType, workflowState);
  return fulfillmentType !== 'pickup' && (phase === 'checking_out' || phase === 'ready');
}

declare global {
  interface HTMLElementTagNameMap {
    'shopper-map': ShopperMapElement;
  }
}

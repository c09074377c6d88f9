/**
 * The banner that says how the connection to Connect is doing (OrderSnapshot.condition), or that a resource
 * an element shows could not be read. It sits above the content: whatever was already shown stays.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OrderResource } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { OrderSnapshot } from '../../tracking/snapshot.js';
import { icons } from './icons.js';

export interface BannerContent {
  tone: 'warning' | 'danger';
  text: string;
  /** Conditions the customer must act on are alerts; passing ones are polite status messages. */
  urgent: boolean;
  condition: string;
}

export function bannerFor(snapshot: OrderSnapshot, l10n: Localizer, resources: readonly OrderResource[]): BannerContent | undefined {
  switch (snapshot.condition) {
    case 'live':
      break;
    case 'reconnecting': {
      const retrying = resources.some((r) => snapshot.resources[r].state === 'retrying');
      if (!retrying) break;
      const text = snapshot.lastUpdatedAt
        ? l10n.msg('banner.reconnecting', { time: l10n.time(snapshot.lastUpdatedAt) })
        : l10n.msg('banner.reconnectingNever');
      return { tone: 'warning', text, urgent: false, condition: 'reconnecting' };
    }
    case 'offline':
      return { tone: 'warning', text: l10n.msg('banner.offline'), urgent: false, condition: 'offline' };
    default:
      return { tone: 'danger', text: l10n.msg(`banner.${snapshot.condition}`), urgent: true, condition: snapshot.condition };
  }
  // Live, but something this element shows stopped with an error that retrying will not fix.
  for (const resource of resources) {
    const { state, error } = snapshot.resources[resource];
    if (state !== 'stopped' || !error || error.kind === 'aborted') continue;
    // A 403 on the location is the retailer redacting shopper details: the map says so in its own words.
    if (resource === 'location' && error.kind === 'forbidden') continue;
    return { tone: 'danger', text: l10n.msg(`error.${error.kind}`), urgent: false, condition: `error-${resource}` };
  }
  return undefined;
}

export function renderBanner(snapshot: OrderSnapshot, l10n: Localizer, resources: readonly OrderResource[]): TemplateResult | typeof nothing {
  const banner = bannerFor(snapshot, l10n, resources);
  if (!banner) return nothing;
  return html`<div
    class="banner"
    part="banner"
    data-tone=${banner.tone}
    data-condition=${banner.condition}
    role=${banner.urgent ? 'alert' : 'status'}
  >
    ${banner.condition === 'offline' ? icons.offline() : icons.alert()}
    <p>${banner.text}</p>
  </div>`;
}

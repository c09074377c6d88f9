/**
 * What the four elements add to OrderElement: they speak the customer's language (a Localizer for the
 * resolved locale and time zone, with the retailer's `messages` overrides), and can leave the connection
 * banner to a surrounding `<order-tracker>`.
 */
import { property } from 'lit/decorators.js';
import type { Messages } from '../../i18n/messages-en.js';
import { Localizer } from '../../i18n/localizer.js';
import { resolveLocale } from '../../i18n/locale.js';
import type { OrderSnapshot } from '../../tracking/snapshot.js';
import { OrderElement } from '../order-element.js';

export abstract class TrackedElement extends OrderElement {
  /**
   * A retailer's own wording: any subset of the English catalogue's keys (see src/i18n/messages-en.ts),
   * e.g. `{ 'items.list.found': 'In your bag' }`. Wins over every built-in catalogue.
   */
  @property({ attribute: false }) messages?: Messages | null;

  /** Hides the connection banner; `<order-tracker>` sets it on its parts and shows one banner itself. */
  @property({ type: Boolean, attribute: 'hide-banner' }) hideBanner = false;

  private localizerCache: { key: string; messages: Messages | null | undefined; localizer: Localizer } | undefined;

  /** The language sent to Connect as Accept-Language (the order's first element decides for the page). */
  get acceptLanguage(): string {
    return resolveLocale(this);
  }

  protected get snapshot(): OrderSnapshot {
    return this.tracking.snapshot;
  }

  /** The Localizer for this render: resolved locale (own, nearest lang, browser), time zone and overrides. */
  protected get l10n(): Localizer {
    const locale = resolveLocale(this);
    const key = `${locale}|${this.timeZone ?? ''}`;
    const cache = this.localizerCache;
    if (cache && cache.key === key && cache.messages === this.messages) return cache.localizer;
    const localizer = new Localizer({ locale, timeZone: this.timeZone, overrides: this.messages });
    this.localizerCache = { key, messages: this.messages, localizer };
    return localizer;
  }
}

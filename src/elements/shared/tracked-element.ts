/**
 * What the four elements add to OrderElement: they speak the customer's language (a LocalizeController
 * holds the Localizer for the resolved locale and time zone, with the retailer's `messages` overrides), and
 * can leave the connection banner to a surrounding `<order-tracker>`.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { OrderResource } from '../../api/types.js';
import type { Messages } from '../../i18n/messages-en.js';
import { LocalizeController } from '../../i18n/localize-controller.js';
import { resolveLocale } from '../../i18n/locale.js';
import type { OrderSnapshot } from '../../tracking/snapshot.js';
import { OrderElement } from '../order-element.js';
import { renderBanner } from './banner.js';
import { afterFirstAnswer, afterNextPaint, afterSentence } from './render-pacing.js';

export abstract class TrackedElement extends OrderElement {
  // Declared without decorators: the decorator helpers would cost every page about half a kilobyte.
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    hideBanner: { type: Boolean, attribute: 'hide-banner' },
  };

  /**
   * A retailer's own wording: any subset of the English catalogue's keys (see src/i18n/messages-en.ts),
   * e.g. `{ 'items.list.found': 'In your bag' }`. Wins over every built-in catalogue.
   */
  messages?: Messages | null;

  /** Hides the connection banner; `<order-tracker>` sets it on its parts and shows one banner itself. */
  hideBanner = false;

  /**
   * The customer's language: the Localizer every render reads, kept current when `locale`, `time-zone`,
   * `messages` or the page's `lang` change.
   */
  protected readonly localize = new LocalizeController(this);

  /** The language sent to Connect as Accept-Language (the order's first element decides for the page). */
  get acceptLanguage(): string {
    return resolveLocale(this);
  }

  protected get snapshot(): OrderSnapshot {
    return this.tracking.snapshot;
  }

  /**
   * Whether this element makes way for the state sentence, which the customer waits for: its first render
   * comes once the page's `<order-status>` has painted its sentence, later updates after the next paint.
   * `<order-status>` and `<order-tracker>` (which holds it) update at once.
   */
  protected paced = true;

  /**
   * The first render is always a task of its own, so that each part of an `<order-tracker>` renders in a task
   * of its own instead of all in one long task (see render-pacing.ts). Paced parts wait for the sentence. The
   * others wait for the order's first answer (or until it has been long enough on its way that placeholders
   * are worth showing): the tracker starts when the element connects and its reads go out first, so no
   * template holds them up, and a quick answer is drawn at once instead of waiting behind a render of
   * placeholders.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return this.paced ? afterNextPaint().then(() => super.scheduleUpdate()) : super.scheduleUpdate();
    return (this.paced ? afterSentence() : afterFirstAnswer(this.tracking.firstAnswer)).then(() => super.scheduleUpdate());
  }

  /** The banner for the resources this element shows, unless `hide-banner` leaves it to a tracker. */
  protected banner(resources: readonly OrderResource[]): TemplateResult | typeof nothing {
    return this.hideBanner ? nothing : renderBanner(this.snapshot, this.localize.l10n, resources);
  }

  /** True while a resource's first answer is still on its way (not stopped, not offline or failed). */
  protected awaiting(resource: OrderResource): boolean {
    const { condition, resources } = this.snapshot;
    return (condition === 'live' || condition === 'reconnecting') && resources[resource].state !== 'stopped';
  }

  /** Grey placeholder bars (`short`, `shorter`, `tall`) while the first answer loads, with a spoken label. */
  protected skeleton(label: string, shapes: readonly string[]): TemplateResult {
    return html`<div class="loading" part="loading">
      <span class="visually-hidden">${label}</span>
      ${shapes.map((shape) => html`<span class="skeleton ${shape}"></span>`)}
    </div>`;
  }
}

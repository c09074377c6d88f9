/**
 * The Lit ReactiveController through which an element speaks the customer's language. It resolves the locale
 * (the element's own `locale`, else the nearest `lang` above it across shadow roots, else the browser's), and
 * holds the Localizer for that locale, the element's time zone and the retailer's `messages`.
 *
 * A storefront's language switcher sets `<html lang>` (or a wrapper's `lang`): one MutationObserver for the
 * whole page tells every connected element, and those whose language really changed update. A language other
 * than English is fetched before the update that needs it, never during a render: the element speaks English
 * for the moment that takes, then updates again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCatalogues, needsCatalogues } from './catalogues.js';
import { validLocale } from './format.js';
import { inheritedLocale } from './locale.js';
import { Localizer } from './localizer.js';
import type { Messages } from './messages-en.js';

/** What an element tells the controller: its `locale`, `time-zone` and `messages` properties. */
export interface LocaleSource {
  locale?: string | null;
  timeZone?: string | null;
  messages?: Messages | null;
}

/** The connected controllers, each told when a `lang` attribute in the document changes. */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

function listen(listener: () => void): void {
  listeners.add(listener);
  if (observer) return;
  observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
  // `subtree`, because a switcher may set lang on a wrapper rather than on <html>; the filter keeps every other
  // mutation of the page away from us. A MutationObserver does not look into shadow roots: a lang changed inside
  // another component's shadow DOM is seen when the element next connects.
  observer.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
}

function stopListening(listener: () => void): void {
  listeners.delete(listener);
  if (listeners.size || !observer) return;
  observer.disconnect();
  observer = undefined;
}

export class LocalizeController implements ReactiveController {
  /** The nearest lang (else the browser's language) as of the last connect or lang change. */
  #inherited = '';
  #localizer: Localizer | undefined;
  /** `locale|timeZone` and the messages #localizer was built for. */
  #builtFor = '';
  #builtMessages: Messages | null | undefined;
  /** The locale whose catalogues are on their way, so updates meanwhile do not ask again. */
  #fetching: string | undefined;

  constructor(readonly host: ReactiveControllerHost & HTMLElement & LocaleSource) {
    host.addController(this);
  }

  /** The element's BCP 47 locale: its own `locale` if valid, else the nearest `lang`, else the browser's. */
  get locale(): string {
    return validLocale(this.host.locale) ?? this.#inherited;
  }

  /**
   * The Localizer to render with. Reading it is cheap and never fetches: a new one is built only when the
   * locale, time zone or messages changed, or a catalogue arrived.
   */
  get l10n(): Localizer {
    const { timeZone, messages } = this.host;
    const locale = this.locale;
    const key = `${locale}|${timeZone ?? ''}`;
    if (!this.#localizer || key !== this.#builtFor || messages !== this.#builtMessages) {
      this.#localizer = new Localizer({ locale, timeZone, overrides: messages });
      this.#builtFor = key;
      this.#builtMessages = messages;
    }
    return this.#localizer;
  }

  hostConnected(): void {
    listen(this.#relocate);
    // The element may have moved under another lang while it was away.
    this.#relocate();
  }

  hostDisconnected(): void {
    stopListening(this.#relocate);
  }

  /**
   * Runs before each render: fetches the catalogues of a locale that lacks them (a new own `locale`, a lang
   * change, or a fetch that failed before and is tried again), then updates the element once they are in.
   */
  hostUpdate(): void {
    const locale = this.locale;
    if (locale === this.#fetching || !needsCatalogues(locale)) return;
    this.#fetching = locale;
    const settle = (loaded: boolean) => {
      if (this.#fetching === locale) this.#fetching = undefined;
      if (!loaded) return; // Offline? English stays until the next update asks again.
      this.#localizer = undefined;
      this.host.requestUpdate();
    };
    loadCatalogues(locale).then(
      () => settle(true),
      () => settle(false),
    );
  }

  /** Re-reads the inherited language; the element updates only if its own locale changed with it. */
  readonly #relocate = (): void => {
    const before = this.locale;
    this.#inherited = inheritedLocale(this.host);
    if (this.locale !== before) this.host.requestUpdate();
  };
}

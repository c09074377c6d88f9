/**
 * A Localizer speaks one locale in one time zone: `msg(key, params)` reads the catalogues for the locale
 * (with a retailer's overrides first and English last), and the format helpers wrap ./format.
 */
import { cataloguesFor, lookup, type Message, type MessageKey, type Messages } from './catalogues.js';
import * as format from './format.js';
import { FALLBACK_LOCALE } from './locale.js';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface LocalizerOptions {
  locale?: string | null;
  timeZone?: string | null;
  /** A retailer's own wording for some keys (the `messages` property of the elements). */
  overrides?: Messages | null;
}

type Instant = Date | number | string;

export class Localizer {
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly #chain: Messages[];
  readonly #context: format.FormatContext;
  #plurals: Intl.PluralRules | undefined;

  constructor(options: LocalizerOptions = {}) {
    this.locale = format.validLocale(options.locale) ?? FALLBACK_LOCALE;
    this.timeZone = format.validTimeZone(options.timeZone);
    this.#chain = cataloguesFor(this.locale);
    if (options.overrides) this.#chain.unshift(options.overrides);
    this.#context = { locale: this.locale, timeZone: this.timeZone };
  }

  /** The message for a key, placeholders filled; plural forms chosen by `params.count`. */
  msg(key: MessageKey, params?: MessageParams): string {
    return this.text(key, params) ?? key;
  }

  /** Like `msg` for a key built at run time (e.g. `state.<type>.<state>`); undefined when no catalogue has it. */
  text(key: string, params?: MessageParams): string | undefined {
    const message = lookup(this.#chain, key);
    return message === undefined ? undefined : this.#fill(message, params);
  }

  /** The first of several keys that a catalogue has, filled; the last is the fallback. */
  first(keys: readonly string[], params?: MessageParams): string {
    for (const key of keys) {
      const text = this.text(key, params);
      if (text !== undefined) return text;
    }
    return keys[keys.length - 1] ?? '';
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return format.formatNumber(this.#context, value, options);
  }

  quantity(quantity: number, costUnit: string): string {
    return format.formatQuantity(this.#context, quantity, costUnit);
  }

  distance(meters: number): string {
    return format.formatDistance(this.#context, meters);
  }

  time(value: Instant): string {
    return format.formatTime(this.#context, value);
  }

  dayTime(value: Instant, now?: Instant): string {
    return format.formatDayTime(this.#context, value, now, this.#patterns());
  }

  window(start: Instant, end?: Instant, now?: Instant): string {
    return format.formatWindow(this.#context, start, end, now, this.#patterns());
  }

  relative(value: Instant, now?: Instant): string {
    return format.formatRelative(this.#context, value, now);
  }

  #patterns(): format.WindowPatterns {
    return { dayTime: this.msg('format.dayTime'), range: this.msg('format.range') };
  }

  #fill(message: Message, params: MessageParams = {}): string {
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const count = Number(params.count);
      this.#plurals ??= new Intl.PluralRules(this.locale);
      const form = Number.isFinite(count) ? this.#plurals.select(count) : 'other';
      text = message[form] ?? message.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }
}

const shared = new Map<string, Localizer>();

/** A shared Localizer for a locale and zone without overrides (the elements cache their own). */
export function localizerFor(locale?: string | null, timeZone?: string | null): Localizer {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let localizer = shared.get(key);
  if (!localizer) {
    localizer = new Localizer({ locale, timeZone });
    shared.set(key, localizer);
  }
  return localizer;
}

/** One message in a locale (default en-US), for code outside the elements. */
export function msg(key: MessageKey, params?: MessageParams, locale?: string | null): string {
  return localizerFor(locale).msg(key, params);
}

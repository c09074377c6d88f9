/**
 * Which language an element speaks: its own `locale`, else the nearest `lang` attribute above it — crossing
 * shadow roots, so an element inside another component's shadow DOM still follows the page — else the
 * browser's language, else en-US.
 */
import { validLocale } from './format.js';

export const FALLBACK_LOCALE = 'en-US';

/** The nearest `lang` attribute at or above the node, crossing shadow roots through their hosts. */
export function nearestLang(start: Element): string | undefined {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    const parent: Node | null = node.parentNode;
    if (parent) node = parent;
    else node = node instanceof ShadowRoot ? node.host : null;
  }
  return undefined;
}

/** The language an element takes from where it stands when it has none of its own: nearest lang, browser, en-US. */
export function inheritedLocale(element: Element): string {
  return validLocale(nearestLang(element)) ?? validLocale(typeof navigator === 'undefined' ? undefined : navigator.language) ?? FALLBACK_LOCALE;
}

export function resolveLocale(element: Element & { locale?: string | null }): string {
  return validLocale(element.locale) ?? inheritedLocale(element);
}

/**
 * Which catalogue serves which locale. Adding a language is dropping a `messages-<tag>.ts` file next to this
 * one (a `Messages` object: any subset of the English keys) and adding one line to LOADERS; lookups go from
 * the exact tag ("fr-CA") to its language ("fr") and end in English for anything missing.
 */
import { type Message, type MessageKey, type Messages, messagesEn } from './messages-en.js';

/** The catalogues this page has so far, by lowercased tag. English is always there. */
const loaded: Record<string, Messages> = { en: messagesEn };

/**
 * Every other language is its own chunk, fetched the first time an element speaks it, so a page in English
 * downloads no other language. (The IIFE build inlines them: it loads nothing later.)
 */
type CatalogueLoader = () => Promise<Messages>;

const LOADERS: Record<string, CatalogueLoader> = {
  es: () => import('./messages-es.js').then((m) => m.messagesEs),
  'fr-ca': () => import('./messages-fr-CA.js').then((m) => m.messagesFrCa),
  // Instacart serves French in Canada only: Canadian French is the French there is.
  fr: () => import('./messages-fr-CA.js').then((m) => m.messagesFrCa),
};

const loading = new Map<string, Promise<void>>();

/**
 * Puts another loader in place for a lowercased tag (undefined removes it) and returns the one it replaced.
 * Tests use it to count fetches or to make one fail; a catalogue already loaded is kept.
 */
export function replaceCatalogueLoader(tag: string, loader: CatalogueLoader | undefined): CatalogueLoader | undefined {
  const previous = LOADERS[tag];
  if (loader) LOADERS[tag] = loader;
  else delete LOADERS[tag];
  return previous;
}

/** The catalogues loaded so far, by lowercased tag. */
export const CATALOGUES: Readonly<Record<string, Messages>> = loaded;

/** The tags a locale reads, most specific first: "fr-CA" → ["fr-ca", "fr"]. */
function tagsOf(locale: string): string[] {
  const parts = locale.toLowerCase().split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}

/** The catalogues that apply to a locale and are loaded, most specific first, English last. */
export function cataloguesFor(locale: string): Messages[] {
  const chain: Messages[] = [];
  for (const tag of tagsOf(locale)) {
    const catalogue = loaded[tag];
    if (catalogue && !chain.includes(catalogue)) chain.push(catalogue);
  }
  if (!chain.includes(messagesEn)) chain.push(messagesEn);
  return chain;
}

/** Whether a locale still waits for a catalogue that exists but is not loaded yet. */
export function needsCatalogues(locale: string): boolean {
  return tagsOf(locale).some((tag) => !loaded[tag] && LOADERS[tag]);
}

/** Loads the catalogues a locale needs (once per page, however many elements ask). English needs none. */
export function loadCatalogues(locale: string): Promise<void> {
  const pending = tagsOf(locale)
    .filter((tag) => !loaded[tag] && LOADERS[tag])
    .map((tag) => {
      let promise = loading.get(tag);
      if (!promise) {
        promise = LOADERS[tag]!().then(
          (catalogue) => {
            loaded[tag] = catalogue;
          },
          (error: unknown) => {
            loading.delete(tag);
            throw error;
          },
        );
        loading.set(tag, promise);
      }
      return promise;
    });
  return Promise.all(pending).then(() => undefined);
}

export function lookup(chain: readonly Messages[], key: string): Message | undefined {
  for (const catalogue of chain) {
    const message = (catalogue as Record<string, Message | undefined>)[key];
    if (message !== undefined) return message;
  }
  return undefined;
}

export type { Message, MessageKey, Messages };

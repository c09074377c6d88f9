export { messagesEn, type Message, type MessageKey, type Messages, type PluralMessage } from './messages-en.js';
export { CATALOGUES, cataloguesFor, loadCatalogues, needsCatalogues, replaceCatalogueLoader } from './catalogues.js';
export { Localizer, localizerFor, msg, type LocalizerOptions, type MessageParams } from './localizer.js';
export { resolveLocale, inheritedLocale, nearestLang, FALLBACK_LOCALE } from './locale.js';
export { LocalizeController, type LocaleSource } from './localize-controller.js';
export * from './format.js';

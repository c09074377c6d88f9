/**
 * Which catalogue serves which locale. Adding a language is dropping a `messages-<tag>.ts` file next to this
 * one (a `Messages` object: any subset of the English keys) and adding one line to CATALOGUES; lookups go
 * from the exact tag ("fr-CA") to its language ("fr") and end in English for anything missing.
 */
import { type Message, type MessageKey, type Messages, messagesEn } from './messages-en.js';

export const CATALOGUES: Readonly<Record<string, Messages>> = {
  en: messagesEn,
  // 'es': messagesEs,
  // 'fr-CA': messagesFrCa,
};

/** The catalogues that apply to a locale, most specific first, English last. */
export function cataloguesFor(locale: string): Messages[] {
  const chain: Messages[] = [];
  const parts = locale.split('-');
  for (let length = parts.length; length > 0; length -= 1) {
    const tag = parts.slice(0, length).join('-');
    const catalogue = CATALOGUES[tag] ?? CATALOGUES[tag.toLowerCase()];
    if (catalogue && !chain.includes(catalogue)) chain.push(catalogue);
  }
  if (!chain.includes(messagesEn)) chain.push(messagesEn);
  return chain;
}

export function lookup(chain: readonly Messages[], key: string): Message | undefined {
  for (const catalogue of chain) {
    const message = (catalogue as Record<string, Message | undefined>)[key];
    if (message !== undefined) return message;
  }
  return undefined;
}

export type { Message, MessageKey, Messages };

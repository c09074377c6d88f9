/** Reading an element's shadow DOM in the browser tests. */
import { waitUntil } from '@open-wc/testing';

/**
 * Waits (up to `timeout` ms, polling) until `read` finds something, and returns it: @open-wc's `waitUntil`,
 * with the value it waited for, and a timeout long enough for a poll of one second to come round.
 */
export async function until<T>(read: () => T | null | undefined | false, message: string, timeout = 6000): Promise<T> {
  let value: T | null | undefined | false;
  await waitUntil(() => (value = read()), message, { timeout, interval: 25 });
  return value as T;
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

/** The text of a node, with whitespace collapsed as a reader would hear it. */
export function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

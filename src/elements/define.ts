/**
 * Registers a custom element unless its tag is already taken. A retailer's page may load the script twice
 * (a template and a CMS block both include it, or the ES build and the IIFE): that must not throw and break
 * the page, only warn.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`connect-order-status: <${tag}> is already defined (is the script loaded twice?); keeping the first definition.`);
    }
    return false;
  }
  customElements.define(tag, constructor);
  return true;
}

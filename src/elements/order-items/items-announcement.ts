/** What the live region says when the shopper finds, replaces or refunds items while the page is open. */
import type { LineItem } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { lineItemGroup } from './item-groups.js';

/** A sentence about items that moved into Found, Replaced or Refunded since `previous`; '' when none did. */
export function itemsAnnouncement(previous: readonly LineItem[], next: readonly LineItem[], l10n: Localizer): string {
  const before = new Map(previous.map((item) => [item.id, lineItemGroup(item)]));
  const moved = (item: LineItem) => before.get(item.id) !== lineItemGroup(item);
  const found = next.filter((item) => lineItemGroup(item) === 'found' && moved(item));
  const sentences: string[] = [];
  if (found.length > 0) {
    const names = new Intl.ListFormat(l10n.locale, { type: 'conjunction' }).format(found.map((item) => item.item.name));
    sentences.push(l10n.msg('items.announce.found', { count: found.length, names }));
  }
  for (const item of next) {
    if (!moved(item)) continue;
    const group = lineItemGroup(item);
    if (group === 'replaced' && item.replacement) {
      sentences.push(l10n.msg('items.announce.replaced', { original: item.item.name, replacement: item.replacement.name }));
    } else if (group === 'refunded') {
      sentences.push(l10n.msg('items.announce.refunded', { name: item.item.name }));
    }
  }
  return sentences.join(' ');
}

/** What the live region says when the shopper finds, replaces or refunds items while the page is open. */
import type { LineItem } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { lineItemGroup } from './item-groups.js';

/** More moved items than this are counted, not named: a live region reading a long list helps no one. */
const MAX_NAMED = 5;

/** A sentence about items that moved into Found, Replaced or Refunded since `previous`; '' when none did. */
export function itemsAnnouncement(previous: readonly LineItem[], next: readonly LineItem[], l10n: Localizer): string {
  const before = new Map(previous.map((item) => [item.id, lineItemGroup(item)]));
  const moved = next.filter((item) => {
    const group = lineItemGroup(item);
    return before.get(item.id) !== group && (group === 'found' || group === 'refunded' || (group === 'replaced' && !!item.replacement));
  });
  if (moved.length > MAX_NAMED) return l10n.msg('items.announce.many', { count: moved.length });
  const found = moved.filter((item) => lineItemGroup(item) === 'found');
  const sentences: string[] = [];
  if (found.length > 0) {
    const names = new Intl.ListFormat(l10n.locale, { type: 'conjunction' }).format(found.map((item) => item.item.name));
    sentences.push(l10n.msg('items.announce.found', { count: found.length, names }));
  }
  for (const item of moved) {
    if (item.replacement && lineItemGroup(item) === 'replaced') {
      sentences.push(l10n.msg('items.announce.replaced', { original: item.item.name, replacement: item.replacement.name }));
    } else if (lineItemGroup(item) === 'refunded') {
      sentences.push(l10n.msg('items.announce.refunded', { name: item.item.name }));
    }
  }
  return sentences.join(' ');
}

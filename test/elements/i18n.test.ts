import { expect, fixture, html } from '@open-wc/testing';
import {
  formatDistance,
  formatQuantity,
  formatRelative,
  formatWindow,
  Localizer,
  msg,
  resolveLocale,
} from '../../src/i18n/index.js';
import { messagesEn } from '../../src/i18n/messages-en.js';
import { WORKFLOW } from '../../src/workflow/states.js';

const chicago = { locale: 'en-US', timeZone: 'America/Chicago' };
const NOW = Date.parse('2026-11-26T15:00:00Z'); // 9:00 AM in Chicago

describe('i18n', () => {
  it('formats a window with a relative day in the time zone', () => {
    expect(formatWindow(chicago, '2026-11-26T20:30:00Z', '2026-11-26T22:30:00Z', NOW)).to.match(/^Today, 2:30\s?–\s?4:30\sPM$/);
    expect(formatWindow(chicago, '2026-11-27T20:30:00Z', '2026-11-27T22:30:00Z', NOW)).to.match(/^Tomorrow, 2:30/);
    expect(formatWindow(chicago, '2026-11-30T20:30:00Z', '2026-11-30T22:30:00Z', NOW)).to.match(/^Mon, Nov 30, 2:30/);
    // Across midnight in Chicago: both days named.
    expect(formatWindow(chicago, '2026-11-27T04:00:00Z', '2026-11-27T07:00:00Z', NOW)).to.match(/^Today, 10:00\sPM – Tomorrow, 1:00\sAM$/);
    // The same instants are other days in Tokyo, where it is already midnight of the 27th.
    expect(formatWindow(chicago, '2026-11-26T14:30:00Z', undefined, NOW)).to.match(/^Today, 8:30\sAM$/);
    expect(formatWindow({ locale: 'en-US', timeZone: 'Asia/Tokyo' }, '2026-11-26T14:30:00Z', undefined, NOW)).to.match(/^Yesterday, 11:30\sPM$/);
    expect(formatWindow(chicago, 'not a date', undefined, NOW)).to.equal('');
  });

  it('formats quantities, distances and relative times in the locale', () => {
    expect(formatQuantity(chicago, 10, 'EACH')).to.equal('10');
    expect(formatQuantity(chicago, 1.5, 'LB')).to.equal('1.5 lb');
    expect(formatQuantity({ locale: 'de-DE' }, 1.5, 'KG')).to.equal('1,5 kg');
    expect(formatQuantity(chicago, 12, 'OZ')).to.equal('12 oz');
    expect(formatDistance({ locale: 'en-CA' }, 1234)).to.equal('1.2 km');
    expect(formatDistance({ locale: 'en-CA' }, 432)).to.equal('430 m');
    expect(formatDistance({ locale: 'en-US' }, 1234)).to.equal('0.8 mi');
    expect(formatDistance({ locale: 'en-US' }, 100)).to.equal('330 ft');
    expect(formatRelative(chicago, NOW - 120_000, NOW)).to.equal('2 minutes ago');
    expect(formatRelative(chicago, NOW - 5_000, NOW)).to.equal('now');
  });

  it('fills placeholders, picks plural forms and prefers overrides', () => {
    const l10n = new Localizer({ locale: 'en-US' });
    expect(l10n.msg('items.count', { count: 1 })).to.equal('1 item');
    expect(l10n.msg('items.count', { count: 1200 })).to.equal('1,200 items');
    expect(l10n.msg('handling.notes', { notes: 'Use {the} side door' })).to.equal('Notes: Use {the} side door');
    const custom = new Localizer({ locale: 'en-US', overrides: { 'items.list.found': 'In your bag' } });
    expect(custom.msg('items.list.found')).to.equal('In your bag');
    expect(custom.msg('items.list.replaced')).to.equal('Replaced');
    expect(msg('state.unknown')).to.equal('In progress');
    // Unsupported locales fall back to English text, but keep their number formats.
    const french = new Localizer({ locale: 'fr-CA' });
    expect(french.msg('items.list.found')).to.equal('Found');
    expect(french.number(1.5)).to.equal('1,5');
    expect(new Localizer({ locale: 'not a locale!!' }).locale).to.equal('en-US');
    expect(new Localizer({ timeZone: 'Mars/Olympus' }).timeZone).to.equal(undefined);
  });

  it('has a sentence for every workflow state of every fulfillment type', () => {
    const l10n = new Localizer({ locale: 'en-US' });
    for (const [type, steps] of Object.entries(WORKFLOW)) {
      for (const { state } of steps) {
        expect(l10n.text(`state.${type}.${state}`) ?? l10n.text(`state.${state}`), `${type} ${state}`).to.be.a('string');
      }
    }
    for (const state of ['canceled', 'rescheduled', 'unknown']) expect(messagesEn).to.have.property(`state.${state}`);
  });

  it('resolves the locale from the element, the nearest lang across shadow roots, then the browser', async () => {
    const outer = await fixture<HTMLElement>(html`<section lang="fr-CA"><div id="host"></div></section>`);
    const host = outer.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span') as HTMLSpanElement & { locale?: string | null };
    root.append(inner);
    expect(resolveLocale(inner)).to.equal('fr-CA');
    const nested = document.createElement('b');
    nested.setAttribute('lang', 'es-MX');
    root.append(nested);
    const deep = document.createElement('i');
    nested.append(deep);
    expect(resolveLocale(deep)).to.equal('es-MX');
    inner.locale = 'de';
    expect(resolveLocale(inner)).to.equal('de');
    const lonely = document.createElement('span');
    const previous = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      expect(resolveLocale(lonely)).to.equal(navigator.language || 'en-US');
    } finally {
      if (previous !== null) document.documentElement.setAttribute('lang', previous);
    }
  });
});

// The page's language switcher: a storefront that sets `<html lang>` (or a wrapper's `lang`) sees every element
// follow, inside `<order-tracker>` too; an element with its own `locale` stays; a language is fetched before the
// update that needs it, never while rendering, and one that fails to arrive is asked for again.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { OrderItemsElement, OrderStatusElement, OrderTrackerElement, ShopperMapElement } from '../../src/index.js';
import { loadCatalogues, replaceCatalogueLoader, type Messages } from '../../src/i18n/catalogues.js';
import { messagesEn } from '../../src/i18n/messages-en.js';
import { messagesEs } from '../../src/i18n/messages-es.js';
import { messagesFrCa } from '../../src/i18n/messages-fr-CA.js';
import { API, newOrder, product, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

type Catalogue = Record<string, unknown>;
const sentence = (catalogue: Catalogue) => catalogue['state.picking'] as string;

/** A made-up language the page has no catalogue for, with a loader the test resolves or fails by hand. */
function fakeLanguage(tag: string, catalogue: Messages) {
  const calls: { duringRender: boolean; settle: (ok: boolean) => void }[] = [];
  replaceCatalogueLoader(tag, () => {
    let settle!: (ok: boolean) => void;
    const promise = new Promise<Messages>((resolve, reject) => {
      settle = (ok) => (ok ? resolve(catalogue) : reject(new Error(`${tag} is offline`)));
    });
    calls.push({ duringRender: rendering > 0, settle });
    return promise;
  });
  return calls;
}

/** How many renders of the package's elements are running (see the render spy in the last tests). */
let rendering = 0;

describe('the page language', () => {
  let pageLang: string | null;

  before(() => startConnectStandIn());
  beforeEach(() => {
    pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.setAttribute('lang', 'en');
  });
  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
  });

  it('changing <html lang> re-renders every element in the new language, inside <order-tracker> too, and back', async () => {
    const order = newOrder({ workflow_state: 'picking', items: [{ id: 'a', status: 'found', item: product('Apples') }] });
    const page = await fixture(html`<div>
      <order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>
      <order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-items>
      <shopper-map order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></shopper-map>
      <order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></order-tracker>
      <order-tracker id="no-order"></order-tracker>
    </div>`);
    const tracker = page.querySelector('order-tracker')!;
    const parts = await until(() => {
      const found = shadow(tracker).querySelectorAll('order-status, order-items, shopper-map');
      return found.length === 3 && [...found];
    }, 'the tracker’s three parts');
    // What each kind of element says in a catalogue's words: the state, the items' heading, the map's
    // placeholder, and (the tracker's own text) the banner of a tracker without an order-id.
    const says = (catalogue: Catalogue) => {
      const shows = (el: Element, key: string) => text(shadow(el)).includes(catalogue[key] as string);
      const byTag: Record<string, string> = { 'order-status': 'state.picking', 'order-items': 'items.title', 'shopper-map': 'map.beforeDelivery' };
      const elements = [...page.querySelectorAll('order-status, order-items, shopper-map'), ...parts];
      return elements.every((el) => shows(el, byTag[el.localName]!)) && shows(page.querySelector('#no-order')!, 'banner.misconfigured');
    };
    await until(() => says(messagesEn), 'every element in English');

    document.documentElement.setAttribute('lang', 'es');
    await until(() => says(messagesEs), 'every element in Spanish');
    expect(text(shadow(page.querySelector('order-status')!))).not.to.contain(sentence(messagesEn));

    document.documentElement.setAttribute('lang', 'en');
    await until(() => says(messagesEn), 'every element back in English');
  });

  it('follows the lang of a wrapper as it changes, and the page’s once the wrapper has none', async () => {
    document.documentElement.setAttribute('lang', 'es');
    const order = newOrder({ workflow_state: 'picking' });
    const wrapper = await fixture(html`<div lang="en"><order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status></div>`);
    const el = wrapper.querySelector('order-status')!;
    await until(() => text(shadow(el)).includes(sentence(messagesEn)), 'English from the wrapper');
    wrapper.setAttribute('lang', 'fr-CA');
    await until(() => text(shadow(el)).includes(sentence(messagesFrCa)), 'French from the wrapper');
    wrapper.removeAttribute('lang');
    await until(() => text(shadow(el)).includes(sentence(messagesEs)), 'Spanish from <html>');
  });

  it('an element with its own locale keeps it, and does not even re-render, when the page’s lang changes', async () => {
    const order = newOrder({ workflow_state: 'delivered', items: [{ id: 'a', status: 'found', item: product('Apples') }] });
    const page = await fixture(html`<div>
      <order-status id="own" locale="en-US" order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>
      <order-status id="page" order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>
    </div>`);
    const own = page.querySelector<OrderStatusElement>('#own')!;
    const follower = page.querySelector<OrderStatusElement>('#page')!;
    // A delivered order, its items (the summary) and its address are in: nothing else is on its way.
    for (const el of [own, follower]) await until(() => shadow(el).querySelector('.summary') && shadow(el).querySelector('[data-detail="address"]'), 'order, items and handling');
    await own.updateComplete;
    let renders = 0;
    const render = (own as unknown as { render(): unknown }).render;
    (own as unknown as { render(): unknown }).render = function (this: OrderStatusElement) {
      renders += 1;
      return render.call(this);
    };

    document.documentElement.setAttribute('lang', 'es');
    await until(() => text(shadow(follower)).includes(messagesEs['state.delivered'] as string), 'the other element in Spanish');
    await own.updateComplete;
    expect(text(shadow(own))).to.contain(messagesEn['state.delivered'] as string);
    expect(renders).to.equal(0);
  });

  it('one observer watches lang for the whole page while an element is on it, and none once they left', async () => {
    const watching: MutationObserver[] = [];
    const targets: Node[] = [];
    const stopped: MutationObserver[] = [];
    const { observe, disconnect } = MutationObserver.prototype;
    MutationObserver.prototype.observe = function (this: MutationObserver, target: Node, options?: MutationObserverInit) {
      if (options?.attributeFilter?.includes('lang')) {
        watching.push(this);
        targets.push(target);
      }
      return observe.call(this, target, options);
    };
    MutationObserver.prototype.disconnect = function (this: MutationObserver) {
      if (watching.includes(this)) stopped.push(this);
      return disconnect.call(this);
    };
    try {
      const order = newOrder({ workflow_state: 'picking' });
      const page = await fixture(html`<div>
        <order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>
        <order-items order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-items>
        <order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></order-tracker>
      </div>`);
      await until(() => shadow(page.querySelector('order-tracker')!).querySelector('order-items'), 'the tracker’s parts');
      expect(watching.length).to.equal(1);
      expect(targets).to.deep.equal([document.documentElement]);

      const elements = [...page.children];
      elements.slice(1).forEach((el) => el.remove());
      expect(stopped.length, 'one element is still on the page').to.equal(0);
      elements[0]!.remove();
      expect(stopped).to.deep.equal(watching);

      page.append(elements[0]!);
      expect(watching.length).to.equal(2);
    } finally {
      MutationObserver.prototype.observe = observe;
      MutationObserver.prototype.disconnect = disconnect;
    }
  });

  describe('fetching a language', () => {
    const classes = [OrderStatusElement, OrderItemsElement, ShopperMapElement, OrderTrackerElement];
    const renders = classes.map((c) => (c.prototype as unknown as { render(): unknown }).render);

    before(() => {
      classes.forEach((c, i) => {
        const original = renders[i]!;
        (c.prototype as unknown as { render(): unknown }).render = function (this: unknown) {
          rendering += 1;
          try {
            return original.call(this);
          } finally {
            rendering -= 1;
          }
        };
      });
    });
    after(() => classes.forEach((c, i) => ((c.prototype as unknown as { render(): unknown }).render = renders[i]!)));

    it('speaks English while a language loads, never starts the fetch from a render, and fetches it once', async () => {
      const italian = fakeLanguage('it', { 'state.picking': 'Il tuo shopper sta scegliendo i tuoi articoli.' });
      const dutch = fakeLanguage('nl', { 'state.picking': 'Je shopper pakt je artikelen.' });
      try {
        document.documentElement.setAttribute('lang', 'it');
        const order = newOrder({ workflow_state: 'picking' });
        const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" tile-url=""></order-tracker>`);
        const status = await until(() => shadow(el).querySelector('order-status'), 'order-status');
        await until(() => text(shadow(status)).includes(sentence(messagesEn)), 'English while Italian loads');
        expect(italian.length, 'the tracker and its three parts share one fetch').to.equal(1);
        italian[0]!.settle(true);
        await until(() => text(shadow(status)).includes('Il tuo shopper sta scegliendo'), 'Italian');

        // The element's own locale, set by script.
        el.locale = 'nl';
        await until(() => dutch.length === 1, 'the Dutch fetch');
        dutch[0]!.settle(true);
        await until(() => text(shadow(status)).includes('Je shopper pakt'), 'Dutch');
        expect([...italian, ...dutch].map((call) => call.duringRender)).to.deep.equal([false, false]);
      } finally {
        replaceCatalogueLoader('it', undefined);
        replaceCatalogueLoader('nl', undefined);
      }
    });

    it('a language that fails to load leaves English, and is asked for again on the next change', async () => {
      const german = fakeLanguage('de', { 'state.picking': 'Ihr Einkäufer sucht Ihre Artikel aus.' });
      try {
        const order = newOrder({ workflow_state: 'picking' });
        const el = await fixture<OrderStatusElement>(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status>`);
        await until(() => text(shadow(el)).includes(sentence(messagesEn)), 'English');

        document.documentElement.setAttribute('lang', 'de');
        await until(() => german.length === 1, 'the German fetch');
        german[0]!.settle(false);
        // Joins the page's German load while it is still in flight: it settles once the element has heard.
        await loadCatalogues('de').catch(() => undefined);
        await el.updateComplete;
        expect(text(shadow(el))).to.contain(sentence(messagesEn));

        document.documentElement.setAttribute('lang', 'en');
        document.documentElement.setAttribute('lang', 'de-DE');
        await until(() => german.length === 2, 'German asked for again');
        german[1]!.settle(true);
        await until(() => text(shadow(el)).includes('Ihr Einkäufer sucht'), 'German');
      } finally {
        replaceCatalogueLoader('de', undefined);
      }
    });
  });
});

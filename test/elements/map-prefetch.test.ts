// The map's code is fetched ahead of need: a page open while the order checks out has it when the order goes
// on the way, so the map shows in the very update that says so, with no download then. A file of its own: the
// map's module must not have been loaded by another test of this page.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ShopperMapElement } from '../../src/index.js';
import { loadLeafletMap } from '../../src/elements/shopper-map/leaflet-loader.js';
import { API, DESTINATION, newOrder, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, until } from '../helpers/dom.js';

/** Downloads of the map's code (the module that holds Leaflet) since the test began. */
let downloads = 0;
const mapDownloads = () => downloads;

describe('<shopper-map> prefetch', () => {
  before(() => startConnectStandIn());
  // An observer, not the page's resource buffer: the test runner's own modules fill that buffer.
  const observer = new PerformanceObserver((list) => (downloads += list.getEntries().filter((entry) => /leaflet-map/.test(entry.name)).length));
  before(() => observer.observe({ type: 'resource' }));
  after(() => observer.disconnect());

  it('fetches the map while the order checks out, and shows it with no download once it is on the way', async () => {
    const order = newOrder({ workflow_state: 'checkout' });
    const el = await fixture<ShopperMapElement>(html`<shopper-map
      order-id=${order.id}
      api-base=${API}
      token=${TOKEN}
      poll-interval="1"
      tile-url=""
    ></shopper-map>`);
    const root = shadow(el);
    // Fetched in idle time, while the placeholder still shows.
    await until(() => mapDownloads() > 0, 'the map’s code fetched at checkout', 8000);
    expect(root.querySelector('.leaflet-container')).to.equal(null);
    // The module is being fetched; the loader is memoized, so this waits for that same import to settle.
    await loadLeafletMap();
    const fetched = mapDownloads();

    // Each render of the order on the way: whether the map was already there (never a "loading the map").
    const onTheWay: boolean[] = [];
    const renders = new MutationObserver(() => {
      if (/Your shopper is/.test(root.querySelector('[data-text-alternative]')?.textContent ?? '')) onTheWay.push(!!root.querySelector('[part="map"]'));
    });
    renders.observe(root, { subtree: true, childList: true, characterData: true });
    order.location = { latitude: DESTINATION.latitude + 0.0108, longitude: DESTINATION.longitude };
    order.workflow_state = 'delivering';
    await until(() => root.querySelectorAll('.leaflet-marker-icon').length === 2, 'the map with both markers');
    renders.disconnect();
    expect(onTheWay.length).to.be.greaterThan(0);
    expect(onTheWay.every(Boolean), 'the map shows in the update that puts the order on the way').to.equal(true);
    expect(mapDownloads(), 'no download at delivering').to.equal(fetched);
  });
});

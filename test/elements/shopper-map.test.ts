import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ShopperMapElement } from '../../src/index.js';
import { haversineMeters } from '../../src/elements/shopper-map/distance.js';
import { API, DESTINATION, newOrder, startConnectStandIn, TOKEN, type ScriptedOrder } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

const TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
/** About 1.2 km north of the destination. */
const NEARBY = { latitude: DESTINATION.latitude + 0.0108, longitude: DESTINATION.longitude };

async function mount(order: ScriptedOrder, options: { pollInterval?: number; tileUrl?: string; locale?: string } = {}): Promise<ShopperMapElement> {
  return fixture<ShopperMapElement>(html`<shopper-map
    order-id=${order.id}
    api-base=${API}
    token=${TOKEN}
    poll-interval=${options.pollInterval ?? 3600}
    locale=${options.locale ?? 'en-CA'}
    tile-url=${options.tileUrl ?? ''}
  ></shopper-map>`);
}

const markers = (root: ShadowRoot) => root.querySelectorAll('.leaflet-marker-icon');
const description = (root: ShadowRoot) => text(root.querySelector('[data-text-alternative]'));

describe('<shopper-map>', () => {
  before(() => startConnectStandIn());

  it('names its markers in the page’s language, and renames them when the language changes', async () => {
    const el = await mount(newOrder({ workflow_state: 'delivering', location: NEARBY }));
    const root = shadow(el);
    await until(() => markers(root).length === 2, 'two markers');
    const names = () => [root.querySelector('.map-pin')?.getAttribute('aria-label'), root.querySelector('.map-shopper')?.getAttribute('aria-label')];
    expect(names()).to.deep.equal(['Delivery address', 'Your shopper']);
    el.setAttribute('locale', 'es');
    await until(() => names()[0] === 'Dirección de entrega', 'Spanish names');
    expect(names()).to.deep.equal(['Dirección de entrega', 'Tu comprador']);
  });

  it('before delivering shows a calm placeholder with the address and loads no map', async () => {
    const el = await mount(newOrder({ workflow_state: 'picking' }));
    const root = shadow(el);
    await until(() => text(root.querySelector('.placeholder')).includes('501 Belt Line Rd'), 'address in placeholder');
    expect(text(root.querySelector('.placeholder'))).to.equal(
      'Delivering to 501 Belt Line Rd, Collinsville, IL 62234 Your shopper will appear on a map here once your order is on the way.',
    );
    expect(root.querySelector('.leaflet-container')).to.equal(null);
    expect(getComputedStyle(el).display).to.equal('block');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
  });

  it('while delivering shows the destination and the shopper, and says how far away the shopper is', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const el = await mount(order);
    const root = shadow(el);
    await until(() => markers(root).length === 2, 'two markers');
    expect(root.querySelector('[part="map"] > .leaflet-container')).not.to.equal(null);
    expect(root.querySelector('[part="map"]')?.getAttribute('role')).to.equal('region');
    expect(root.querySelectorAll('.leaflet-tile').length).to.equal(0);
    expect(description(root)).to.equal('Your shopper is 1.2 km away. Delivering to 501 Belt Line Rd, Collinsville, IL 62234');
    expect(root.querySelector('.map-pin')).not.to.equal(null);
    // Both points are fitted in view: the markers are apart and inside the map.
    const mapBox = root.querySelector('[part="map"]')!.getBoundingClientRect();
    const pin = root.querySelector('.map-pin')!.getBoundingClientRect();
    const shopper = root.querySelector('.map-shopper')!.getBoundingClientRect();
    const pinTip = { x: pin.left + pin.width / 2, y: pin.bottom };
    const shopperCentre = { x: shopper.left + shopper.width / 2, y: shopper.top + shopper.height / 2 };
    // The shopper is north of the address, far enough apart on screen to tell.
    expect(pinTip.y - shopperCentre.y).to.be.greaterThan(80);
    for (const point of [pinTip, shopperCentre]) {
      expect(point.x).to.be.within(mapBox.left, mapBox.right);
      expect(point.y).to.be.within(mapBox.top, mapBox.bottom);
    }
    expect(root.querySelector('.map-shopper')).not.to.equal(null);
    // Leaflet's CSS is inside the shadow root: panes are positioned.
    const pane = root.querySelector('.leaflet-pane') as HTMLElement;
    expect(getComputedStyle(pane).position).to.equal('absolute');
  });

  it('gives distances in the locale’s units', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const root = shadow(await mount(order, { locale: 'en-US' }));
    await until(() => description(root).startsWith('Your shopper is'), 'distance');
    expect(description(root)).to.match(/^Your shopper is 0\.7 mi away\./);
  });

  it('removes the shopper when the order is delivered, keeping the destination', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const el = await mount(order, { pollInterval: 1 });
    const root = shadow(el);
    await until(() => markers(root).length === 2, 'two markers');
    order.location = { latitude: DESTINATION.latitude + 0.002, longitude: DESTINATION.longitude };
    await until(() => /^Your shopper is 2\d0 m away/.test(description(root)), 'shopper moved closer');
    order.workflow_state = 'delivered';
    // The location poll may answer (no position) before the order poll says delivered: wait for both.
    await until(() => markers(root).length === 1 && description(root).startsWith('Delivered'), 'one marker, delivered');
    expect(root.querySelector('.map-shopper')).to.equal(null);
    expect(description(root)).to.equal('Delivered to 501 Belt Line Rd, Collinsville, IL 62234');
  });

  it('follows the shopper without fighting a customer who zoomed the map', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const el = await mount(order, { pollInterval: 1 });
    const root = shadow(el);
    await until(() => markers(root).length === 2, 'two markers');
    (root.querySelector('.leaflet-control-zoom-in') as HTMLElement).click();
    // Leaflet marks its panes while the zoom animates: wait for the mark to come and go.
    const zooming = () => root.querySelector('.leaflet-zoom-anim') !== null;
    await until(zooming, 'the zoom started');
    await until(() => !zooming(), 'the zoom ended');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const pinBefore = root.querySelector('.map-pin')!.getBoundingClientRect();
    // The shopper drives on, well east: a view that re-fitted would move the pin on screen.
    order.location = { latitude: DESTINATION.latitude + 0.005, longitude: DESTINATION.longitude + 0.03 };
    // A re-fit would happen in the same render that brings the new distance.
    await until(() => /^Your shopper is 2\.\d km away/.test(description(root)), 'the new position arrived');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const pinAfter = root.querySelector('.map-pin')!.getBoundingClientRect();
    expect(Math.abs(pinAfter.left - pinBefore.left)).to.be.below(1);
    expect(Math.abs(pinAfter.top - pinBefore.top)).to.be.below(1);
  });

  it('shows no shopper marker while delivering until a position is known', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: null });
    const root = shadow(await mount(order));
    await until(() => markers(root).length === 1, 'destination marker');
    expect(root.querySelector('.map-shopper')).to.equal(null);
    expect(description(root)).to.match(/^Waiting for your shopper’s location/);
  });

  it('says so when the shopper’s location is not shared (403)', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    order.failing.location = 403;
    const root = shadow(await mount(order));
    await until(() => root.querySelector('[part="notice"]'), 'notice');
    expect(text(root.querySelector('[part="notice"]'))).to.equal('The shopper’s location is not shared for this order.');
    expect(root.querySelector('.banner')).to.equal(null);
    await until(() => markers(root).length === 1, 'destination only');
  });

  it('loads tiles from tile-url with a referrer policy, and attributes them as text', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const el = await mount(order, { tileUrl: TILE });
    el.attribution = '<b>Tiles</b> © OpenStreetMap';
    const root = shadow(el);
    const tile = await until(() => root.querySelector<HTMLImageElement>('img.leaflet-tile'), 'a tile');
    expect(tile.src).to.equal(TILE);
    expect(tile.referrerPolicy).to.equal('strict-origin-when-cross-origin');
    await until(() => text(root.querySelector('.leaflet-control-attribution')).includes('<b>Tiles</b>'), 'attribution as text');
    expect(root.querySelector('.leaflet-control-attribution b')).to.equal(null);
    expect(root.querySelector<HTMLAnchorElement>('.leaflet-control-attribution a[href*="openstreetmap.org/copyright"]')).not.to.equal(null);
  });

  it('zooms with the wheel only after the map is engaged', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const root = shadow(await mount(order));
    await until(() => markers(root).length === 2, 'map');
    const map = root.querySelector<HTMLElement>('[part="map"] > .leaflet-container')!;
    const pin = () => (root.querySelector('.map-pin')!.parentElement as HTMLElement).style.transform;
    // A wheel the map takes is cancelled (the page does not scroll); one it leaves alone scrolls the page.
    const wheel = () => {
      const box = map.getBoundingClientRect();
      const event = new WheelEvent('wheel', { deltaY: -300, bubbles: true, composed: true, cancelable: true, clientX: box.x + 20, clientY: box.y + 20 });
      map.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const before = pin();
    expect(wheel(), 'a wheel before the map is engaged scrolls the page').to.equal(false);
    map.focus();
    expect(wheel(), 'a wheel on the engaged map is the map’s').to.equal(true);
    await until(() => pin() !== before, 'zoomed after focus');
    expect(map.tabIndex).to.equal(0);
  });

  it('removes the map when disconnected and makes it again when reconnected', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const el = await mount(order);
    const root = shadow(el);
    await until(() => markers(root).length === 2, 'map');
    const parent = el.parentElement!;
    el.remove();
    expect(root.querySelector('.leaflet-map-pane')).to.equal(null);
    expect(markers(root).length).to.equal(0);
    parent.append(el);
    await until(() => markers(root).length === 2, 'map again');
  });

  it('computes distances with the haversine formula', () => {
    expect(haversineMeters(DESTINATION, DESTINATION)).to.equal(0);
    const meters = haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 });
    expect(meters).to.be.closeTo(111_195, 5);
    expect(haversineMeters(DESTINATION, NEARBY)).to.be.closeTo(1201, 5);
  });

  it('is accessible while showing the map', async () => {
    const order = newOrder({ workflow_state: 'delivering', location: NEARBY });
    const el = await mount(order);
    await until(() => markers(shadow(el)).length === 2, 'map');
    await expect(el).shadowDom.to.be.accessible();
  });
});

// The builds on a strict retailer page: a real Content-Security-Policy header (test/build/strict-page-server.mjs)
// with `default-src 'none'`, only the directives README.md lists, and Trusted Types enforced with the one
// policy name it documents. Each build alone, each twice, and both, must show the order, its items and the
// map — markers, zoom buttons, attribution — with no CSP violation and nothing thrown.
// Needs `npm run build` first (`npm test` builds before the browser tests).
import { expect } from '@open-wc/testing';
import { until } from '../helpers/dom.js';

interface WatchedWindow extends Window {
  cspViolations: string[];
  pageErrors: string[];
  pageWarnings: string[];
}

async function strictPage(builds: string): Promise<{ win: WatchedWindow; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:900px';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = `/test/build/strict.html?builds=${builds}`;
  });
  return { win: frame.contentWindow as WatchedWindow, frame };
}

/** Everything a customer sees in a delivering order's tracker, read from the page's shadow roots. */
async function wholeOrderShown(win: WatchedWindow): Promise<void> {
  const tracker = await until(() => win.document.querySelector('order-tracker')?.shadowRoot, 'the tracker');
  const status = await until(() => tracker.querySelector('order-status')?.shadowRoot, '<order-status>');
  await until(() => status.querySelector('[part="sentence"]')?.textContent?.includes('on the way'), 'the state sentence');
  await until(() => status.querySelector('[data-detail="address"]'), 'the address');
  const items = await until(() => tracker.querySelector('order-items')?.shadowRoot, '<order-items>');
  await until(() => items.querySelectorAll('[part~="row"]').length === 150, 'all 150 rows');
  const map = await until(() => tracker.querySelector('shopper-map')?.shadowRoot, '<shopper-map>');
  await until(() => map.querySelectorAll('.leaflet-marker-icon').length === 2, `both markers (${map.textContent})`);
  await until(() => map.querySelector('.leaflet-control-zoom-in')?.textContent === '+', 'the zoom buttons');
  await until(() => map.querySelector('.leaflet-tile-loaded'), 'a tile');
  const attribution = map.querySelector('.leaflet-control-attribution');
  expect(attribution?.querySelector('a[href="https://leafletjs.com"]')).to.not.equal(null);
  // Markup in the answers is text on screen, never markup.
  expect(items.querySelector('[data-item-id="i-0"] [part="name"]')?.textContent).to.equal('Item 0 <img src=x onerror=alert(1)>');
  expect(items.querySelector('img:not(.image)')).to.equal(null);
  expect(items.querySelector<HTMLImageElement>('[data-item-id="i-0"] img')?.src).to.match(/^data:image\/svg\+xml/);
}

describe('the builds under a strict Content-Security-Policy with Trusted Types', function () {
  this.timeout(30_000);

  it('the page enforces what it says: Trusted Types refuse a string for innerHTML', async () => {
    const { win, frame } = await strictPage('iife');
    // The sink itself, on purpose: the page must refuse it, or the tests below prove nothing.
    // eslint-disable-next-line no-restricted-properties
    expect(() => (win.document.body.innerHTML = '<b>x</b>')).to.throw(/TrustedHTML/);
    await until(() => win.cspViolations.length > 0, 'the violation is reported');
    expect(win.cspViolations[0]).to.match(/^require-trusted-types-for/);
    frame.remove();
  });

  for (const builds of ['es', 'iife', 'es,es', 'iife,iife', 'es,iife', 'iife,es']) {
    it(`${builds}: the order, its items and the map, with no violation and nothing thrown`, async () => {
      const { win, frame } = await strictPage(builds);
      await wholeOrderShown(win);
      expect(win.cspViolations, 'CSP violations').to.deep.equal([]);
      expect(win.pageErrors, 'errors').to.deep.equal([]);
      const twice = builds.split(',').length > 1;
      expect(win.pageWarnings.some((w) => w.includes('already defined')), 'the second copy warns').to.equal(twice);
      frame.remove();
    });
  }
});

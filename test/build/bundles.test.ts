// The two builds as a retailer's page loads them: each in a fresh page (an iframe has its own custom element
// registry), each loaded twice, as happens when a CMS template and a widget snippet both include it.
// Needs `npm run build` first (`npm test` builds before the browser tests).
import { expect, waitUntil } from '@open-wc/testing';

const TAGS = ['order-status', 'order-items', 'shopper-map', 'order-tracker'];

interface FramePage {
  win: Window & typeof globalThis;
  errors: string[];
  warnings: string[];
  remove(): void;
}

async function blankPage(): Promise<FramePage> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = '/test/build/blank.html';
  });
  const win = frame.contentWindow as Window & typeof globalThis;
  const errors: string[] = [];
  const warnings: string[] = [];
  win.addEventListener('error', (e) => errors.push(String(e.message)));
  const warn = win.console.warn.bind(win.console);
  win.console.warn = (...args: unknown[]) => {
    warnings.push(args.join(' '));
    warn(...args);
  };
  return { win, errors, warnings, remove: () => frame.remove() };
}

function addScript(page: FramePage, attributes: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = page.win.document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${attributes.src}`)), { once: true });
    page.win.document.head.append(script);
  });
}

/**
 * Connect for a page in a frame, answered by the frame's own fetch: an order on its way, no items, the address
 * and the shopper's position. Enough for a built <shopper-map> to load its map.
 */
function serveDeliveringOrder(page: FramePage): void {
  const answers: Record<string, unknown> = {
    '': {
      id: 'o-1',
      creation_date: '2026-11-27T15:00:00Z',
      workflow_state: 'delivering',
      fulfillment_type: 'delivery',
      fulfillment_details: { window_starts_at: '2026-11-27T16:00:00Z', window_ends_at: '2026-11-27T18:00:00Z' },
    },
    '/handling': {
      address: { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
      coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
      instructions: '',
    },
    '/items': { line_items: [] },
    '/location': { coordinates: { latitude: 38.7, longitude: -89.99 } },
  };
  page.win.fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const answer = answers[url.pathname.replace('/v2/post_checkout/orders/o-1', '')];
    return new Response(JSON.stringify(answer ?? { error: { message: 'Not here', code: 9999 } }), {
      status: answer ? 200 : 404,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

async function mapMarkers(page: FramePage): Promise<number> {
  const map = page.win.document.createElement('shopper-map');
  for (const [name, value] of Object.entries({ 'order-id': 'o-1', 'api-base': 'https://connect.test', token: 't', 'tile-url': '' })) {
    map.setAttribute(name, value);
  }
  map.style.cssText = 'display:block;width:400px;height:300px';
  page.win.document.body.append(map);
  const started = performance.now();
  for (;;) {
    const root = map.shadowRoot;
    const markers = root?.querySelectorAll('.leaflet-container .leaflet-marker-icon').length ?? 0;
    if (markers === 2 && root?.querySelector('.leaflet-control-zoom-in')) return markers;
    if (performance.now() - started > 6000) throw new Error(`the map did not show both markers and its zoom buttons (markers: ${markers}): ${root?.textContent ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the builds', () => {
  it('dist/order-status.iife.js: one classic script defines every element; a second copy only warns', async () => {
    const page = await blankPage();
    await addScript(page, { src: '/dist/order-status.iife.js' });
    for (const tag of TAGS) expect(page.win.customElements.get(tag), tag).to.be.a('function');
    await addScript(page, { src: '/dist/order-status.iife.js?again' });
    expect(page.errors).to.deep.equal([]);
    expect(page.warnings.some((w) => w.includes('already defined'))).to.equal(true);
    page.remove();
  });

  it('dist/order-status.js: one module script defines every element; a second copy only warns', async () => {
    const page = await blankPage();
    await addScript(page, { type: 'module', src: '/dist/order-status.js' });
    for (const tag of TAGS) expect(page.win.customElements.get(tag), tag).to.be.a('function');
    // A different URL makes the browser evaluate the module again, as a second copy on a CDN would.
    await addScript(page, { type: 'module', src: '/dist/order-status.js?again' });
    expect(page.errors).to.deep.equal([]);
    expect(page.warnings.some((w) => w.includes('already defined'))).to.equal(true);
    page.remove();
  });

  it('dist/order-status.js: a <shopper-map> loads its map chunk and shows the address and the shopper', async () => {
    const page = await blankPage();
    serveDeliveringOrder(page);
    await addScript(page, { type: 'module', src: '/dist/order-status.js' });
    expect(await mapMarkers(page)).to.equal(2);
    expect(page.errors).to.deep.equal([]);
    page.remove();
  });

  it('dist/order-status.iife.js: the map is inlined and shows the address and the shopper', async () => {
    const page = await blankPage();
    serveDeliveringOrder(page);
    await addScript(page, { src: '/dist/order-status.iife.js' });
    expect(await mapMarkers(page)).to.equal(2);
    expect(page.errors).to.deep.equal([]);
    page.remove();
  });

  it('an element from the build shows a clear error without an order-id', async () => {
    const page = await blankPage();
    await addScript(page, { src: '/dist/order-status.iife.js' });
    const el = page.win.document.createElement('order-status');
    page.win.document.body.append(el);
    await waitUntil(() => el.shadowRoot?.textContent?.includes('the page is not set up to show it'), 'the misconfiguration banner');
    page.remove();
  });
});

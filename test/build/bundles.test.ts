// The two builds as a retailer's page loads them: each in a fresh page (an iframe has its own custom element
// registry), each loaded twice, as happens when a CMS template and a widget snippet both include it.
// Needs `npm run build` first (`npm test` builds before the browser tests).
import { expect } from '@open-wc/testing';

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

  it('an element from the build shows a clear error without an order-id', async () => {
    const page = await blankPage();
    await addScript(page, { src: '/dist/order-status.iife.js' });
    const el = page.win.document.createElement('order-status');
    page.win.document.body.append(el);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot?.textContent).to.contain('order-id');
    page.remove();
  });
});

// The strict retailer page the build tests load (test/build/strict-csp.test.ts), served by the test runner's
// own server with a real Content-Security-Policy header: the policy README.md documents, nothing more, with
// Trusted Types enforced. Same-origin everything: a Connect stand-in and map tiles on this server, so no
// request leaves localhost.
//
// GET /test/build/strict.html?builds=es,iife  a page that loads the listed builds in order (a repeated one with
//                                             a query string, so the browser runs it again) and shows a
//                                             delivering order in <order-tracker>
// GET /test/build/connect/v2/post_checkout/orders/o-1[/items|/handling|/location]  that order
// GET /test/build/tiles/{z}/{x}/{y}.svg       a plain tile

/**
 * The page's policy: `default-src 'none'` and what the README's "Content Security Policy" section lists. No
 * style-src: the widget's styles are constructable stylesheets and CSSOM, which need none.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
  "base-uri 'none'",
].join('; ');

const ORDER = {
  id: 'o-1',
  creation_date: '2026-11-27T15:00:00Z',
  workflow_state: 'delivering',
  fulfillment_type: 'delivery',
  fulfillment_details: { window_starts_at: '2026-11-27T16:00:00Z', window_ends_at: '2026-11-27T18:00:00Z' },
};

/** Enough items for several blocks of rows, one with an image of this origin and one with a data: image. */
const ITEMS = {
  line_items: Array.from({ length: 150 }, (_, i) => ({
    id: `i-${i}`,
    status: ['found', 'not_picked', 'replaced', 'to_refund'][i % 4],
    replacement_status: i % 4 === 2 ? 'APPROVED' : 'SUBSTITUTION_STATUS_UNSPECIFIED',
    item: {
      name: `Item ${i} <img src=x onerror=alert(1)>`,
      quantity: '1.0',
      cost_unit: 'EACH',
      ...(i === 0 ? { image_url: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/%3E' } : {}),
    },
    ...(i % 4 === 2 ? { replacement: { name: `Replacement ${i}`, quantity: '1.0', cost_unit: 'EACH' } } : {}),
  })),
};

const HANDLING = {
  address: { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
  coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
  instructions: 'Ring twice',
  notes: '<script>alert(1)</script>',
};

const ANSWERS = {
  '': ORDER,
  '/items': ITEMS,
  '/handling': HANDLING,
  '/location': { coordinates: { latitude: 38.7, longitude: -89.99 } },
};

const SCRIPTS = { es: '<script type="module" src="/dist/order-status.js{again}"></script>', iife: '<script src="/dist/order-status.iife.js{again}"></script>' };

function page(builds) {
  const seen = new Set();
  const scripts = builds.map((build) => {
    const again = seen.has(build) ? '?again' : '';
    seen.add(build);
    return SCRIPTS[build].replace('{again}', again);
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>strict retailer page</title>
<script src="/test/build/page-watch.js"></script>
${scripts.join('\n')}
</head><body>
<order-tracker order-id="o-1" api-base="/test/build/connect" token="page-token" tile-url="/test/build/tiles/{z}/{x}/{y}.svg"></order-tracker>
</body></html>`;
}

const TILE = '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#e8efe6"/></svg>';

/** @returns {import('@web/dev-server-core').Plugin} */
export function strictPagePlugin() {
  return {
    name: 'strict-csp-page',
    serve(context) {
      if (context.path === '/test/build/strict.html') {
        const builds = String(context.query.builds ?? '').split(',').filter((b) => b in SCRIPTS);
        return { body: page(builds), type: 'html', headers: { 'Content-Security-Policy': STRICT_CSP } };
      }
      const order = /^\/test\/build\/connect\/v2\/post_checkout\/orders\/o-1(\/\w+)?$/.exec(context.path);
      if (order) {
        const answer = ANSWERS[order[1] ?? ''];
        if (answer) return { body: JSON.stringify(answer), type: 'json' };
      }
      if (/^\/test\/build\/tiles\/\d+\/\d+\/\d+\.svg$/.test(context.path)) return { body: TILE, type: 'image/svg+xml' };
      return undefined;
    },
  };
}

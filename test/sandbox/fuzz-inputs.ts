/**
 * Seeded random HTTP requests for the emulator's fuzz test: every route with real and random path segments
 * (odd encodings included), random methods, Host, Origin, Content-Type and Authorization headers, and
 * bodies that are route-shaped, randomly typed, deeply nested, huge in number or byte count, or not JSON.
 * The same seed gives the same requests.
 */
import { seededRandom } from '../../src/sandbox/model/ids.js';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** Real ids the requests can name, so that they get past "not found" into the rules behind it. */
export interface FuzzIds {
  orders: string[];
  users: string[];
  items: string[];
  lines: string[];
  shoppers: number[];
  batches: number[];
  userTokens: string[];
  clientTokens: string[];
  origin: string;
}

/** method, path (`{order}` and the like are filled in), and the body fields the route reads. */
const ROUTES: readonly (readonly [string, string, readonly string[]])[] = [
  ['POST', '/__sandbox/reset', []],
  ['GET', '/v2/post_checkout/orders/{order}', []],
  ['GET', '/v2/post_checkout/orders/{order}/items', []],
  ['GET', '/v2/post_checkout/orders/{order}/handling', []],
  ['GET', '/v2/post_checkout/orders/{order}/location', []],
  ['PUT', '/v2/post_checkout/orders/{order}/items/{item}/replacement', ['status', 'alternative_item']],
  ['POST', '/v2/oauth/token', ['grant_type', 'client_id', 'client_secret', 'scope', 'assertion']],
  ['POST', '/v2/fulfillment_sandbox/shoppers', ['email', 'phone', 'password']],
  ['POST', '/v2/fulfillment_sandbox/batches', ['batch_type', 'shopper_id', 'workflow_state', 'orders']],
  ['POST', '/v2/fulfillment_sandbox/batches/{batch}/advance', ['workflow_state']],
  ['PUT', '/v2/fulfillment_sandbox/shoppers/{shopper}/orders/{order}/items/{line}', ['status', 'delivered_count', 'delivered_weight', 'replacement_item']],
  ['POST', '/v2/fulfillment_sandbox/orders/{order}/callbacks', ['event_name']],
  ['POST', '/__sandbox/orders', ['fulfillment_type', 'user_id', 'basket', 'redact_shopper_pii', 'handling', 'window_starts_at', 'window_minutes']],
  ['GET', '/__sandbox/orders', []],
  ['GET', '/__sandbox/orders/{order}', []],
  ['POST', '/__sandbox/orders/{order}/token', []],
  ['POST', '/__sandbox/orders/{order}/stage', []],
  ['POST', '/__sandbox/orders/{order}/state', ['workflow_state']],
  ['POST', '/__sandbox/orders/{order}/location', ['latitude', 'longitude', 'simulate', 'duration_ms']],
  ['POST', '/__sandbox/orders/{order}/pii', ['redacted']],
  ['POST', '/__sandbox/users/{user}/pii', ['redacted']],
  ['POST', '/__sandbox/orders/{order}/autoplay', ['step_ms', 'instant', 'answer_wait_steps', 'delivering_steps']],
  ['DELETE', '/__sandbox/orders/{order}/autoplay', []],
  ['POST', '/__sandbox/tokens/expire', ['access_token']],
  ['GET', '/__sandbox/faults', []],
  ['POST', '/__sandbox/faults', ['path', 'endpoint', 'order_id', 'method', 'status', 'delay_ms', 'body', 'headers', 'count']],
  ['DELETE', '/__sandbox/faults/{fault}', []],
  ['GET', '/__sandbox/images/{image}', []],
  ['GET', '/', []],
];

/** Words the routes know, so that random bodies sometimes say something meaningful. */
const WORDS = [
  'APPROVED', 'REJECTED', 'approved', 'found', 'replaced', 'to_refund', 'not_found', 'delivery', 'pickup', 'last_mile_delivery',
  'runner_customer', 'delivery_only', 'picking', 'staged', 'delivering', 'canceled', 'rescheduled', 'late_delivery', 'client_credentials',
  'fulfillment_user_assertion', 'connect:post_checkout', 'connect:fulfillment', 'order', 'items', 'location', 'replacement', '/v2/post_checkout/',
  'small', 'large', 'a@example.com', '5550100199', 'RRC-1026', '2026-11-27T10:00:00Z', 'GET', 'eyJ1c2VyX2lkIjoiY3VzdG9tZXItMTAwMSJ9',
];

const SEGMENTS = ['', '.', '..', '%2e%2e', '%2F', '%00', '%E0%A4%A', '%C3%A9', encodeURIComponent('ü🛒'), '-1', '1e308', '99999999999999999999', '0x10', 'null'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'BREW'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/vnd.api+json', '\u00e9/\u00e9'];

export class FuzzInputs {
  readonly #random: () => number;
  readonly #ids: FuzzIds;
  readonly #port: string;

  constructor(seed: number, ids: FuzzIds) {
    this.#random = seededRandom(seed);
    this.#ids = ids;
    this.#port = new URL(ids.origin).port;
  }

  /** The next request: a route (sometimes none), its method (sometimes another), headers and body. */
  next(): FuzzRequest {
    const [routeMethod, template, fields] = this.#pick(ROUTES);
    const method = this.#chance(0.8) ? routeMethod : this.#pick(METHODS);
    let path = this.#chance(0.05) ? `/${encodeURIComponent(this.#string())}` : template.replace(/\{(\w+)\}/g, (_, name: string) => this.#segment(name));
    if (this.#chance(0.1)) path += `?${this.#pick(['a=1', 'token=x', '%zz', 'q=' + 'x'.repeat(500)])}`;
    if (this.#chance(0.05)) path = path.replace('/', '//');
    const headers = this.#headers();
    if (method === 'GET' || method === 'HEAD' || this.#chance(0.1)) return { method, path, headers };
    return { method, path, headers, body: this.#body(fields) };
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.#chance(0.12)) {
      headers.Host = this.#pick(['evil.example', `rebind.evil.example:${this.#port}`, `localhost:${this.#port}`, `[::1]:${this.#port}`, '', 'x y', '127.0.0.1:99999', `shop.localhost:${this.#port}`]);
    }
    if (this.#chance(0.3)) headers.Origin = this.#pick([this.#ids.origin, 'https://evil.example', 'null', 'not a url']);
    if (this.#chance(0.05)) headers['Sec-Fetch-Site'] = this.#pick(['cross-site', 'same-site', 'same-origin', 'none']);
    if (this.#chance(0.7)) headers['Content-Type'] = this.#pick(CONTENT_TYPES);
    if (this.#chance(0.7)) {
      const token = this.#pick([...this.#ids.userTokens, ...this.#ids.clientTokens, 'sbxu_forged', 'x'.repeat(3000)]);
      headers.Authorization = this.#pick([`Bearer ${token}`, `bearer  ${token} `, 'Basic YTpi', 'Bearer']);
    }
    return headers;
  }

  #segment(name: string): string {
    if (this.#chance(0.65)) {
      const real: Record<string, readonly (string | number)[]> = {
        order: this.#ids.orders,
        user: this.#ids.users,
        item: this.#ids.items,
        line: this.#ids.lines,
        shopper: this.#ids.shoppers,
        batch: this.#ids.batches,
        fault: ['1', '2', '3'],
        image: ['bananas.svg', 'merlot.svg', 'nope.svg', 'bananas.png'],
      };
      const choices = real[name] ?? [];
      if (choices.length > 0) return encodeURIComponent(String(this.#pick(choices)));
    }
    return this.#chance(0.5) ? this.#pick(SEGMENTS) : encodeURIComponent(this.#string());
  }

  #body(fields: readonly string[]): string | Buffer {
    const kind = this.#random();
    if (kind < 0.5 && fields.length > 0) {
      const body: Record<string, unknown> = {};
      for (const field of fields) if (this.#chance(0.6)) body[field] = this.#value(3);
      return JSON.stringify(body);
    }
    if (kind < 0.65) return JSON.stringify(this.#value(4));
    if (kind < 0.72) return this.#deep();
    if (kind < 0.8) return JSON.stringify(this.#value(3)).slice(0, -1);
    if (kind < 0.86) return `${this.#pick(fields.length > 0 ? fields : ['x'])}=${encodeURIComponent(this.#pick(WORDS))}&grant_type=client_credentials&client_id=a&client_secret=b`;
    if (kind < 0.9) return Buffer.from(Array.from({ length: 64 }, () => Math.floor(this.#random() * 256)));
    if (kind < 0.91) return `{"pad": "${'x'.repeat(1024 * 1024 + 10)}"}`;
    return '';
  }

  /** Nested arrays or objects, up to 100 000 deep. */
  #deep(): string {
    const depth = this.#pick([50, 5000, 100_000]);
    return this.#chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"handling":'.repeat(depth) + '{}' + '}'.repeat(depth);
  }

  #value(depth: number): unknown {
    const kind = this.#random();
    if (kind < 0.25) return this.#pick(WORDS);
    if (kind < 0.45) return this.#pick([0, -1, 1, 1.5, -0, 2 ** 53 + 1, 1e21, 1e308, -1e308, 656178546, 23728249, 10080, 10081]);
    if (kind < 0.55) return this.#pick([true, false, null]);
    if (kind < 0.65) return this.#string();
    if (depth <= 0) return {};
    if (kind < 0.8) return Array.from({ length: Math.floor(this.#random() * 4) }, () => this.#value(depth - 1));
    const object: Record<string, unknown> = {};
    for (let i = Math.floor(this.#random() * 4); i > 0; i -= 1) {
      object[this.#pick(['upc', 'rrc', 'count', 'weight', 'latitude', 'longitude', 'id', 'user_id', 'address', 'notes', 'Retry-After', this.#string()])] = this.#value(depth - 1);
    }
    return object;
  }

  #string(): string {
    const kind = this.#random();
    if (kind < 0.3) return 'x'.repeat(Math.floor(this.#random() * 3000));
    if (kind < 0.5) return '\u0000\u202e🛒é\uffff';
    if (kind < 0.6) return '^/v2/(a+)+$';
    return Math.floor(this.#random() * 1e9).toString(36);
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)] as T;
  }

  #chance(p: number): boolean {
    return this.#random() < p;
  }
}

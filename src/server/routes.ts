/**
 * What the kit serves under its base path, and nothing else: the token route, the five post-checkout
 * endpoints of docs/connect-api.md §1, and (with live updates) the callback receiver and the event stream.
 * The path is read segment by segment and the Connect path is rebuilt from checked ids, never copied, so no
 * request can steer the proxy anywhere else (it is not an open proxy).
 */
import { ConnectErrorCode, ProxyError, notFound } from './proxy-error.js';

/** A post-checkout resource the widget reads or writes. */
export type ConnectResource = 'order' | 'items' | 'handling' | 'location' | 'replacement';

export type ProxyRoute =
  | { kind: 'token' }
  | { kind: 'callbacks' }
  | { kind: 'events' }
  | { kind: 'connect'; resource: ConnectResource; method: 'GET' | 'PUT'; connectPath: string };

/**
 * An order or line item id: one plain path segment of letters, digits, `-` and `_` (Connect's ids are UUIDs
 * and `1234-5678-9012-abcd`-shaped). No dots, so no `..`; no `%`, so nothing encoded; bounded length.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether `value` can be an order or line item id (the same rule for paths, streams and callbacks). */
export function isPlainId(value: string): boolean {
  return ID.test(value);
}
const READS: Readonly<Record<string, ConnectResource>> = { items: 'items', handling: 'handling', location: 'location' };

/**
 * The route for `method` on `path` (the part after the base path, starting with `/`), or the refusal:
 * 404 for a path the kit does not serve or an id that cannot be one, 405 for a method the path does not take.
 * The live routes (callbacks in, the page's event stream) exist only when `live` is on.
 */
export function matchRoute(method: string, path: string, live = false): ProxyRoute | ProxyError {
  const segments = path.split('/').slice(1);
  if (segments.length === 1 && segments[0] === 'token') return only('GET', method) ?? { kind: 'token' };
  if (live && segments.length === 1 && segments[0] === 'callbacks') return only('POST', method) ?? { kind: 'callbacks' };
  if (live && segments.length === 1 && segments[0] === 'events') return only('GET', method) ?? { kind: 'events' };
  const [v2, postCheckout, orders, orderId, resource, itemId, replacement, ...rest] = segments;
  if (v2 !== 'v2' || postCheckout !== 'post_checkout' || orders !== 'orders' || orderId === undefined) return notFound('path');
  if (!ID.test(orderId)) return notFound('order_id');
  const orderPath = `/v2/post_checkout/orders/${orderId}`;
  if (resource === undefined) return only('GET', method) ?? { kind: 'connect', resource: 'order', method: 'GET', connectPath: orderPath };
  if (itemId === undefined) {
    const read = Object.hasOwn(READS, resource) ? READS[resource] : undefined;
    if (!read) return notFound('path');
    return only('GET', method) ?? { kind: 'connect', resource: read, method: 'GET', connectPath: `${orderPath}/${resource}` };
  }
  if (resource !== 'items' || replacement !== 'replacement' || rest.length > 0) return notFound('path');
  if (!ID.test(itemId)) return notFound('order_item_id');
  return (
    only('PUT', method) ?? {
      kind: 'connect',
      resource: 'replacement',
      method: 'PUT',
      connectPath: `${orderPath}/items/${itemId}/replacement`,
    }
  );
}

/** 405 unless `method` is the one the route takes. */
function only(allowed: 'GET' | 'PUT' | 'POST', method: string): ProxyError | undefined {
  if (method === allowed) return undefined;
  return new ProxyError({
    status: 405,
    code: ConnectErrorCode.invalidRequest,
    message: `Only ${allowed} is allowed here`,
    key: 'method',
    headers: { Allow: allowed },
  });
}

/**
 * `connect-order-status/server`: the retailer's server half of the order status widget, on web-standard
 * Request/Response (no framework, no Node-only API): the customer's token route and the post-checkout proxy,
 * and (with `live`) Instacart's event callbacks in and a stream of hints out to the page.
 *
 *   import { createConnectProxy } from 'connect-order-status/server';
 *   const instacart = createConnectProxy({
 *     connectBase: 'https://connect.instacart.com',
 *     clientId: process.env.INSTACART_CLIENT_ID, clientSecret: process.env.INSTACART_CLIENT_SECRET,
 *     userIdFor: async (request) => (await sessionOf(request))?.instacartUserId ?? null,
 *   });
 *   // Next.js app/instacart/[...path]/route.ts:  export const GET = instacart.handle, PUT = instacart.handle;
 *
 * For node:http and Express, see `connect-order-status/server/node`.
 */
export { createConnectProxy, type ConnectProxy } from './connect-proxy.js';
export type { ConnectProxyOptions, UserIdFor } from './options.js';
export { ProxyError } from './proxy-error.js';
export { MemoryTokenStore, type MemoryTokenStoreOptions, type StoredToken, type TokenStore } from './token-store.js';
export { DEFAULT_RATE_LIMIT, type CustomerRateLimit } from './rate-limiter.js';
export type { ProxyLogEntry, ProxyLogger } from './proxy-log.js';
export type { ProxyClock } from './clock.js';
export { MemoryChangeBus, LIVE_RESOURCES, type ChangeBus, type ChangeSubscriber, type LiveResource, type OrderChange } from './change-bus.js';
export type { LiveUpdatesOptions } from './live-options.js';
export type { VerifyCallback } from './callback-auth.js';

export * from './types.js';
export * from './api-error.js';
export { ConnectClient, type ConnectClientOptions, type AlternativeItem } from './connect-client.js';
export { parseHandling, parseLineItems, parseLocation, parseOrder, safeImageUrl } from './parse.js';
export { kindOfStatus, parseRetryAfter, readConnectError } from './http.js';

/** The Connect client and everything its callers need: the normalised types, ApiError and the parsers. */
export * from './types.js';
export * from './api-error.js';
export {
  ConnectClient,
  type AlternativeItem,
  type ClientTimers,
  type ConnectClientOptions,
  type ReplacementDecisionOptions,
} from './connect-client.js';
export { parseHandling, parseLineItems, parseLocation, parseOrder, safeImageUrl } from './parse.js';
export { errorFromResponse, kindOfStatus, parseRetryAfter, readConnectError, readResponse, type ConnectErrorDetails, type ReadResponseOptions } from './http.js';

/**
 * `connect-order-status/sandbox`: an emulator of an Instacart development server for retailers' own tests
 * and the demo. Browser-safe: the model and the MSW handlers only (the Node HTTP server is in `./node.js`).
 *
 *   import { setupServer } from 'msw/node';   // or setupWorker from 'msw/browser'
 *   import { Sandbox, createSandboxHandlers } from 'connect-order-status/sandbox';
 *   const sandbox = new Sandbox();
 *   const server = setupServer(...createSandboxHandlers(sandbox));
 *   const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
 *   const token = sandbox.userToken(order.userId).access_token;
 *
 * docs/sandbox.md describes what it emulates and how it is laid out.
 */
export { Sandbox, type SandboxOptions } from './sandbox.js';
export { CALLBACK_EVENTS, DEFAULT_STORE, type CallbackEvent, type CreateOrderInput, type HandlingOverrides } from './model/orders.js';
export type { CreateBatchInput, CreateShopperInput } from './model/batches.js';
export type { ItemUpdateInput, ReplacementDecisionInput, ShopperItemStatus } from './model/items.js';
export type { ShopperWhereabouts } from './model/location.js';
export type { AutoplayOptions, AutoplayStatus, AutoplayStepResult, Scheduler } from './model/autoplay.js';
export { BATCH_STATUSES, BATCH_TYPES, INITIAL_STATUS, LAST_MILE_STAGING, nextStatus, orderStateFor } from './model/batch-statuses.js';
export { SandboxError, type SandboxErrorKind } from './model/errors.js';
export { CallbackSender, type CallbackDelivery, type CallbackFaults, type CallbackTarget } from './callbacks/callback-sender.js';
export type { OrderUpdate } from './model/order-log.js';
export type { ClientCredentials, RawTokenResponse, TokenRequest } from './model/tokens.js';
export { CATALOG, type BasketSpec, type CatalogProduct } from './model/baskets.js';
export {
  FULFILLMENT_TYPES,
  type AddressRecord,
  type BatchRecord,
  type BatchType,
  type HandlingRecord,
  type LineItemRecord,
  type OrderRecord,
  type SandboxCoordinates,
  type SandboxFulfillmentType,
  type SandboxReplacementStatus,
  type ShopperRecord,
  type TokenGrant,
  type UserRecord,
} from './model/records.js';
export { createSandboxHandlers, createApiHandlers } from './http/handlers.js';
export type { SandboxHandlerOptions } from './http/handler-options.js';
export { createDevControlHandlers } from './http/dev-controls.js';
export { ErrorCode, type ConnectErrorBody } from './http/connect-errors.js';
export { FaultRegistry, type ConnectEndpoint, type Fault, type FaultAnswer, type FaultRequest, type FaultSpec } from './http/faults.js';
export { encodeAssertion } from './http/assertion.js';
export { inspectOrder } from './http/inspect.js';
export type { RawAddress, RawHandling, RawLineItem, RawLocation, RawOrder, RawProduct, RawShopper } from './http/wire.js';

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
 */
export {
  Sandbox,
  CALLBACK_EVENTS,
  DEFAULT_STORE,
  type CallbackEvent,
  type CreateBatchInput,
  type CreateOrderInput,
  type CreateShopperInput,
  type ItemUpdateInput,
  type ReplacementDecisionInput,
  type SandboxOptions,
  type Scheduler,
} from './model.js';
export { createSandboxHandlers, createApiHandlers, type SandboxHandlerOptions } from './handlers.js';
export { createDevControlHandlers } from './dev-controls.js';
export {
  BATCH_STATUSES,
  BATCH_TYPES,
  INITIAL_STATUS,
  LAST_MILE_STAGING,
  nextStatus,
  orderStateFor,
  type BatchType,
} from './batch-statuses.js';
export { SandboxError, ErrorCode, type ConnectErrorBody } from './errors.js';
export { FaultRegistry, type Fault, type FaultSpec } from './faults.js';
export { encodeAssertion, type RawTokenResponse, type TokenRequest, type ClientCredentials } from './tokens.js';
export { CATALOG, type CatalogProduct, type BasketSpec } from './baskets.js';
export { inspectOrder } from './inspect.js';
export type { AutoplayOptions, AutoplayStatus, AutoplayStepResult } from './autoplay.js';
export type {
  BatchRecord,
  Coordinates,
  LineItemRecord,
  OrderRecord,
  ShopperRecord,
  TokenGrant,
  UserRecord,
} from './records.js';
export {
  FULFILLMENT_TYPES,
  type FulfillmentType,
  type RawHandling,
  type RawLineItem,
  type RawLocation,
  type RawOrder,
  type RawProduct,
} from './wire.js';

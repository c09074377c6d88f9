/**
 * `connect-order-status/testing`: the test kit this project's own tests use, for retailers' tests too.
 *
 * - `ManualClock`, `ManualVisibility`, `ManualConnectivity`, `manualEnvironment()`: time, page visibility
 *   and connectivity that move only when the test moves them (an hour of polling in milliseconds).
 * - `RequestLog`: a fetch that logs every request with the clock's time and knows when all have been
 *   answered, to count what was asked when and to settle before time moves on.
 * - `FakeLocks`: an in-memory Web Locks manager, for several simulated tabs where `navigator.locks` is
 *   missing (Node).
 * - `memoryTabs()`: every tab service a browser gives (channels, locks) in memory, so
 *   several simulated tabs of one order share the polling as real tabs do; `messagesDelivered()` lets their
 *   messages arrive.
 * - `ManualStreams`: the live stream from the server kit (EventSource), moved by the test: frames sent, the
 *   connection failed.
 *
 *   const env = manualEnvironment();
 *   const log = new RequestLog(() => env.clock.now());
 *   env.clock.settleWith = () => log.idle();
 *   const sandbox = new Sandbox({ now: () => env.clock.now() });   // from connect-order-status/sandbox
 *   await env.clock.advance(60_000);
 *   log.count('order');
 *
 * docs/sandbox.md shows it together with the sandbox.
 */
export { ManualClock, ManualConnectivity, ManualVisibility, manualEnvironment, type ManualEnvironment } from './manual-clock.js';
export { RequestLog, type LoggedRequest } from './request-log.js';
export { FakeLocks } from './fake-locks.js';
export { memoryTabs, messagesDelivered, type MemoryTabs } from './memory-tabs.js';
export { ManualStream, ManualStreams } from './manual-streams.js';

/**
 * `connect-order-status/server/redis`: the change bus across several servers, on Redis pub/sub, for the
 * kit's live updates (docs/server-kit.md, "Several servers: the change bus"). Bring your own ioredis client
 * (an optional peer dependency of this entry alone):
 *
 *   import Redis from 'ioredis';
 *   import { RedisChangeBus } from 'connect-order-status/server/redis';
 *   const bus = new RedisChangeBus({ redis: new Redis(process.env.REDIS_URL) });
 *   createConnectProxy({ …, live: { callbackTokens: […], bus } });
 */
export { RedisChangeBus, type RedisChangeBusOptions, type RedisConnection } from './redis-change-bus.js';
export type { ChangeBus, ChangeSubscriber, LiveResource, OrderChange } from './change-bus.js';

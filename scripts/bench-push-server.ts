/**
 * The server half of push, measured: from Instacart's callback reaching the kit to the page's stream
 * carrying the hint (p50/p99), with one server (the in-memory bus) and with two servers sharing a real
 * redis-server (the callback lands on server A, the stream is on server B), in one run. It also prints how
 * long the receiver takes to answer a callback, and the memory a stream costs.
 *
 * Run: npm run bench:push-server      (about a minute; loopback only; needs redis-server; prints Markdown)
 *
 * Processes: this one plays Connect (the emulator, for the streams' ownership check), Instacart (posting
 * callbacks) and the pages (one stream per customer); each kit server runs in a process of its own. 500
 * customers hold a stream each; callbacks go out at 50 per second for 20 s per setting (1,000 samples),
 * each for a random order with no hint of its own still in flight, so every hint is matched to its
 * callback. What happens on the page after the hint (the re-read, the render) is the widget's side and is
 * not in these numbers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const CUSTOMERS = 500;
const RATE_PER_SECOND = 50;
const SECONDS = 20;
const CALLBACK_TOKEN = 'bench-callback-token-0123456789abcdef';

type Message = { type: 'ready'; url: string } | { type: 'memory'; rss: number; heapUsed: number };

// ── A kit server, in its own process ───────────────────────────────────────────────────────────────

async function runKit(connectBase: string, redisPort: string): Promise<void> {
  const { createServer } = await import('node:http');
  const { createConnectProxy, toNodeListener } = await import('../src/server/node.js');
  let bus;
  if (redisPort !== 'memory') {
    const { default: Redis } = await import('ioredis');
    const { RedisChangeBus } = await import('../src/server/redis.js');
    bus = new RedisChangeBus({ redis: new Redis({ host: '127.0.0.1', port: Number(redisPort), lazyConnect: true }) });
    await bus.whenConnected();
  }
  const proxy = createConnectProxy({
    connectBase,
    clientId: 'bench-client',
    clientSecret: 'bench-secret',
    userIdFor: (request) => /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? null,
    rateLimit: false,
    live: { callbackTokens: [CALLBACK_TOKEN], ...(bus ? { bus } : {}) },
  });
  const server = createServer(toNodeListener(proxy));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: 'memory', rss, heapUsed } satisfies Message);
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` } satisfies Message);
}

function startKit(connectBase: string, redis: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), ['kit', connectBase, redis], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  return new Promise((resolve) => {
    child.on('message', (message: Message) => {
      if (message.type === 'ready') resolve({ child, url: message.url });
    });
  });
}

function heapOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const listener = (message: Message) => {
      if (message.type !== 'memory') return;
      child.off('message', listener);
      resolve(message.heapUsed);
    };
    child.on('message', listener);
    child.send({ type: 'memory' });
  });
}

// ── The pages and Instacart ────────────────────────────────────────────────────────────────────────

/** One page's stream: calls `onChanged` for each hint. */
async function openStream(kitUrl: string, userId: string, orderId: string, onChanged: () => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${kitUrl}/instacart/events?order=${orderId}`, { headers: { Cookie: `session=${userId}` }, signal });
  if (response.status !== 200 || !response.body) throw new Error(`stream refused: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = text.indexOf('\n\n')) >= 0) {
          const frame = text.slice(0, cut);
          text = text.slice(cut + 2);
          if (frame.includes('event: ready')) ready();
          if (frame.includes('event: changed')) onChanged();
        }
      }
    } catch {
      // closed at the end of the run
    }
  })();
  await isReady;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Result {
  hint: number[];
  answer: number[];
  lost: number;
  streamHeapBytes: number;
}

async function measure(callbacksTo: string, streamsOn: { url: string; child: ChildProcess }, customers: { userId: string; orderId: string }[]): Promise<Result> {
  const heapBefore = await heapOf(streamsOn.child);
  const stop = new AbortController();
  const sentAt = new Map<string, number>();
  const hint: number[] = [];
  await Promise.all(
    customers.map(({ userId, orderId }) =>
      openStream(
        streamsOn.url,
        userId,
        orderId,
        () => {
          const sent = sentAt.get(orderId);
          if (sent === undefined) return;
          hint.push(performance.now() - sent);
          sentAt.delete(orderId);
        },
        stop.signal,
      ),
    ),
  );
  const streamHeapBytes = ((await heapOf(streamsOn.child)) - heapBefore) / customers.length;
  const answer: number[] = [];
  let eventId = 1_201_895_966_044_000_000n;
  const total = RATE_PER_SECOND * SECONDS;
  const started = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const idle = customers.filter(({ orderId }) => !sentAt.has(orderId));
    const { orderId } = idle[Math.floor(Math.random() * idle.length)] as { orderId: string };
    eventId += 1n;
    const body = `{"event_id":${eventId},"event_name":"fulfillment.picking","event_timestamp":"2026-11-26T15:00:00Z","event_metadata":{"order_id":"${orderId}"}}`;
    const sent = performance.now();
    sentAt.set(orderId, sent);
    posts.push(
      fetch(`${callbacksTo}/instacart/callbacks`, { method: 'POST', headers: { Authorization: `Bearer ${CALLBACK_TOKEN}`, 'Content-Type': 'application/json' }, body }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
        answer.push(performance.now() - sent);
      }),
    );
  }
  await Promise.all(posts);
  const deadline = performance.now() + 5_000;
  while (sentAt.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  stop.abort();
  return { hint, answer, lost: sentAt.size, streamHeapBytes };
}

async function main(): Promise<void> {
  const { startSandboxServer } = await import('../src/sandbox/node.js');
  const { RedisServer, redisMissing } = await import('../test/server/redis-server.js');
  const missing = redisMissing();
  if (missing) throw new Error(missing);
  const connect = await startSandboxServer({ port: 0, host: '127.0.0.1' });
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => {
    const order = connect.sandbox.createOrder({ userId: `customer-${i}` });
    return { userId: order.userId, orderId: order.id };
  });
  const loadBefore = loadavg()[0] ?? 0;
  const rows: [string, Result][] = [];

  const single = await startKit(connect.url, 'memory');
  rows.push(['one server (in-memory bus)', await measure(single.url, single, customers)]);
  single.child.kill();

  const redis = await RedisServer.start();
  const [a, b] = await Promise.all([startKit(connect.url, String(redis.port)), startKit(connect.url, String(redis.port))]);
  rows.push(['two servers through Redis (callback on A, stream on B)', await measure(a.url, b as { url: string; child: ChildProcess }, customers)]);
  a.child.kill();
  b?.child.kill();
  await redis.stop();
  await connect.close();

  console.log(`\n${CUSTOMERS} streams open, ${RATE_PER_SECOND} callbacks per second for ${SECONDS} s per setting.\n`);
  console.log('| setting | callback → hint on the stream, p50 / p99 / max | callback answered, p50 / p99 | hints lost | heap per stream |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, result] of rows) {
    const { hint, answer } = result;
    console.log(
      `| ${name} | ${ms(quantile(hint, 0.5))} / ${ms(quantile(hint, 0.99))} / ${ms(Math.max(...hint))} | ${ms(quantile(answer, 0.5))} / ${ms(quantile(answer, 0.99))} | ${result.lost} of ${hint.length + result.lost} | ${(result.streamHeapBytes / 1024).toFixed(1)} KB |`,
    );
  }
  console.log(`\nLoad average (1 min) ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${availableParallelism()} cores.`);
  if (rows.some(([, result]) => result.lost > 0)) process.exitCode = 1;
}

const [role, ...args] = process.argv.slice(2);
if (role === 'kit') await runKit(args[0] as string, args[1] as string);
else await main();

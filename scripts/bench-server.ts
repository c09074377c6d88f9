/**
 * What the server kit costs: its added latency (p50/p99) and memory with 1,000 customers polling through it,
 * next to the same customers calling the emulator directly with their own tokens, in one run.
 *
 * Run: npm run bench:server        (about a minute; loopback only; prints a Markdown table)
 *
 * Three processes, so each one's memory is its own: the emulator (as Connect), the kit on node:http, and
 * this one as the 1,000 browsers. Each customer polls order, items and location every 15 s, the widget's
 * default pace (200 requests per second in all). 0.2 requests per second per customer is far under the kit's
 * default limit of 1 per second, so the limit shapes nothing here: the run fails on any answer but 200.
 * Start times are spread over the interval, as pages opened at different moments would be. Direct and
 * proxied slices alternate, so whatever else the machine is doing weighs on both sides alike. A warm-up
 * round (which also mints each customer's token through the kit) is not measured. Before the load, 300
 * requests one at a time, alternating sides, give the latency the kit adds when nothing queues. CPU time
 * per request of each server process is printed too: unlike latency, it holds on a busy machine.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const CUSTOMERS = 1000;
const ROUND_MS = 15_000;
/** Alternating measured slices: direct, kit, direct, kit. */
const SLICES = 4;
const ONE_AT_A_TIME = 300;
const REQUEST_TIMEOUT_MS = 10_000;
const POLLED = ['', '/items', '/location'];

interface Memory {
  rss: number;
  heapUsed: number;
}
type Message =
  | { type: 'ready'; url: string; customers?: { userId: string; orderId: string; token: string }[] }
  | ({ type: 'memory'; mints: number; cpuMs: number } & Memory);

// ── The two servers, each in its own process ──────────────────────────────────────────────────────────

async function runEmulator(): Promise<void> {
  const { startSandboxServer } = await import('../src/sandbox/node.js');
  const server = await startSandboxServer({ port: 0, host: '127.0.0.1' });
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => {
    const order = server.sandbox.createOrder({ userId: `customer-${i}` });
    return { userId: order.userId, orderId: order.id, token: server.sandbox.userToken(order.userId).access_token };
  });
  serveMemory(() => 0);
  process.send?.({ type: 'ready', url: server.url, customers } satisfies Message);
}

async function runKit(connectBase: string): Promise<void> {
  const { createServer } = await import('node:http');
  const { createConnectProxy, toNodeListener } = await import('../src/server/node.js');
  let mints = 0;
  const proxy = createConnectProxy({
    connectBase,
    clientId: 'bench-client',
    clientSecret: 'bench-secret',
    basePath: '/instacart',
    userIdFor: (request) => /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? null,
    fetch: (input, init) => {
      if (String(input).endsWith('/v2/oauth/token')) mints += 1;
      return fetch(input, init);
    },
  });
  const server = createServer(toNodeListener(proxy));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  serveMemory(() => mints);
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${address.port}` } satisfies Message);
}

/** Answers the parent's memory questions; `gc` first when asked, for what stays after the garbage goes. */
function serveMemory(mints: () => number): void {
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type !== 'memory') return;
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'memory', rss, heapUsed, mints: mints(), cpuMs: (user + system) / 1000 } satisfies Message);
  });
  process.on('disconnect', () => process.exit(0));
}

// ── The browsers ─────────────────────────────────────────────────────────────────────────────────────

function start(role: string, ...args: string[]): { child: ChildProcess; ready: Promise<Extract<Message, { type: 'ready' }>> } {
  const child = fork(fileURLToPath(import.meta.url), [role, ...args], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  const ready = new Promise<Extract<Message, { type: 'ready' }>>((resolve) => {
    child.on('message', (message: Message) => {
      if (message.type === 'ready') resolve(message);
    });
  });
  return { child, ready };
}

function memoryOf(child: ChildProcess, gc = false): Promise<Memory & { mints: number; cpuMs: number }> {
  return new Promise((resolve) => {
    const listener = (message: Message) => {
      if (message.type !== 'memory') return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
    child.send({ type: 'memory', gc });
  });
}

interface Phase {
  latencies: number[];
  statuses: Map<number, number>;
  peak: Map<ChildProcess, Memory>;
  /** CPU time each server process spent during the phase, in ms. */
  cpuMs: Map<ChildProcess, number>;
}

type RequestFor = (customer: number, suffix: string) => [string, RequestInit];

function emptyPhase(): Phase {
  return { latencies: [], statuses: new Map(), peak: new Map(), cpuMs: new Map() };
}

/** One request, timed into `phase`. */
async function timed(phase: Phase, [url, init]: [string, RequestInit]): Promise<void> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(() => undefined);
  await response?.arrayBuffer();
  phase.latencies.push(performance.now() - started);
  const status = response?.status ?? 0;
  phase.statuses.set(status, (phase.statuses.get(status) ?? 0) + 1);
}

/** Every customer polls one round, start times spread over `spreadMs`, into `phase`; memory of `watched` sampled. */
async function pollRound(requestFor: RequestFor, spreadMs: number, phase: Phase, watched: ChildProcess[]): Promise<void> {
  const cpuBefore = await Promise.all(watched.map((child) => memoryOf(child)));
  const sampler = setInterval(() => {
    for (const child of watched) {
      void memoryOf(child).then((memory) => {
        const peak = phase.peak.get(child) ?? { rss: 0, heapUsed: 0 };
        phase.peak.set(child, { rss: Math.max(peak.rss, memory.rss), heapUsed: Math.max(peak.heapUsed, memory.heapUsed) });
      });
    }
  }, 500);
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    Array.from({ length: CUSTOMERS }, async (_, customer) => {
      await wait((customer * spreadMs) / CUSTOMERS);
      await Promise.all(POLLED.map((suffix) => timed(phase, requestFor(customer, suffix))));
    }),
  );
  clearInterval(sampler);
  const cpuAfter = await Promise.all(watched.map((child) => memoryOf(child)));
  watched.forEach((child, i) => phase.cpuMs.set(child, (phase.cpuMs.get(child) ?? 0) + (cpuAfter[i]!.cpuMs - cpuBefore[i]!.cpuMs)));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error('bench-server: over 3 minutes, giving up');
    process.exit(2);
  }, 180_000);
  const loadBefore = loadavg()[0] ?? 0;
  const emulator = start('emulator');
  const { url: connectUrl, customers = [] } = await emulator.ready;
  const kit = start('kit', connectUrl);
  const { url: kitUrl } = await kit.ready;
  const children = [emulator.child, kit.child];
  try {
    const direct = (i: number, suffix: string): [string, RequestInit] => [
      `${connectUrl}/v2/post_checkout/orders/${customers[i]?.orderId}${suffix}`,
      { headers: { Accept: 'application/json', Authorization: `Bearer ${customers[i]?.token}` } },
    ];
    const proxied = (i: number, suffix: string): [string, RequestInit] => [
      `${kitUrl}/instacart/v2/post_checkout/orders/${customers[i]?.orderId}${suffix}`,
      { headers: { Accept: 'application/json', Cookie: `session=${customers[i]?.userId}`, 'Sec-Fetch-Site': 'same-origin' } },
    ];
    const idle = { emulator: await memoryOf(emulator.child, true), kit: await memoryOf(kit.child, true) };
    await pollRound(direct, 2000, emptyPhase(), []);
    await pollRound(proxied, 2000, emptyPhase(), []);
    const quiet = { direct: emptyPhase(), proxied: emptyPhase() };
    for (let i = 0; i < ONE_AT_A_TIME; i += 1) {
      await timed(quiet.direct, direct(i, ''));
      await timed(quiet.proxied, proxied(i, ''));
    }
    const loaded = { direct: emptyPhase(), proxied: emptyPhase() };
    for (let slice = 0; slice < SLICES; slice += 1) {
      if (slice % 2 === 0) await pollRound(direct, ROUND_MS, loaded.direct, [emulator.child]);
      else await pollRound(proxied, ROUND_MS, loaded.proxied, children);
    }
    const after = { kit: await memoryOf(kit.child, true) };
    report(quiet, loaded, idle, after.kit, emulator.child, kit.child);
    // Latency under load is only as good as the machine is quiet; CPU per request does not depend on it.
    console.log(`Load average (1 min) ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${availableParallelism()} cores.`);
  } finally {
    clearTimeout(deadline);
    for (const child of children) child.disconnect();
  }
}

function report(
  quiet: { direct: Phase; proxied: Phase },
  { direct, proxied }: { direct: Phase; proxied: Phase },
  idle: { emulator: Memory; kit: Memory },
  kitAfter: Memory & { mints: number },
  emulator: ChildProcess,
  kit: ChildProcess,
): void {
  const sorted = (phase: Phase) => [...phase.latencies].sort((a, b) => a - b);
  const [d, p, qd, qp] = [sorted(direct), sorted(proxied), sorted(quiet.direct), sorted(quiet.proxied)];
  const emulatorPeak = direct.peak.get(emulator) ?? idle.emulator;
  const chainPeak = (proxied.peak.get(emulator)?.rss ?? 0) + (proxied.peak.get(kit)?.rss ?? 0);
  const kitPeak = proxied.peak.get(kit) ?? idle.kit;
  const row = (name: string, a: string, b: string, ratio: string) => console.log(`| ${name} | ${a} | ${b} | ${ratio} |`);
  const latencies = (label: string, a: number[], b: number[]) => {
    for (const q of [50, 99]) {
      const [x, y] = [percentile(a, q), percentile(b, q)];
      row(`${label} p${q}`, ms(x), `${ms(y)} (${y >= x ? '+' : ''}${ms(y - x)})`, `${(y / x).toFixed(2)}×`);
    }
  };
  console.log(`\n${CUSTOMERS} customers, each polling order, items and location every ${ROUND_MS / 1000} s; ${SLICES} alternating slices of ${ROUND_MS / 1000} s\n`);
  console.log('| | emulator directly | through the kit | ratio |\n|---|---:|---:|---:|');
  latencies(`one at a time (${qd.length} each), latency`, qd, qp);
  row('under load: requests', String(d.length), String(p.length), '');
  latencies('under load: latency', d, p);
  const cpu = (phase: Phase, child: ChildProcess) => (phase.cpuMs.get(child) ?? 0) / phase.latencies.length;
  const [emulatorCpu, kitCpu, chainCpu] = [cpu(direct, emulator), cpu(proxied, kit), cpu(proxied, emulator) + cpu(proxied, kit)];
  row('CPU per request (serving chain)', ms(emulatorCpu), `${ms(chainCpu)} (kit ${ms(kitCpu)})`, `${(chainCpu / emulatorCpu).toFixed(2)}×`);
  row('RSS at peak (serving chain)', mb(emulatorPeak.rss), `${mb(chainPeak)} (kit ${mb(kitPeak.rss)})`, `${(chainPeak / emulatorPeak.rss).toFixed(2)}×`);
  console.log(`\nThe kit's process: RSS ${mb(idle.kit.rss)} idle → ${mb(kitPeak.rss)} at peak → ${mb(kitAfter.rss)} after load (after GC);`);
  console.log(`heap ${mb(idle.kit.heapUsed)} idle → ${mb(kitPeak.heapUsed)} at peak → ${mb(kitAfter.heapUsed)} after load (after GC),`);
  console.log(`i.e. ${(((kitAfter.heapUsed - idle.kit.heapUsed) / CUSTOMERS) / 1024).toFixed(2)} KB of heap kept per customer (tokens, rate buckets, open connections).`);
  console.log(`Token mints through the kit: ${kitAfter.mints} for ${CUSTOMERS} customers.`);
  const statuses = (phase: Phase) => [...phase.statuses].map(([status, count]) => `${status}: ${count}`).join(', ');
  console.log(`Statuses: directly ${statuses(direct)}; through the kit ${statuses(proxied)}.`);
  const failed = [direct, proxied, quiet.direct, quiet.proxied].flatMap((phase) => [...phase.statuses]).filter(([status]) => status !== 200);
  if (failed.length > 0) {
    // 0 is a request this process gave up on after 10 s; a 429 would mean the rate limit distorted the run.
    console.error('bench-server: some requests did not answer 200');
    process.exitCode = 1;
  }
  if (kitAfter.mints !== CUSTOMERS) console.error('bench-server: not exactly one mint per customer (a mint timed out and was made again)');
}

const [role, arg] = process.argv.slice(2);
if (role === 'emulator') await runEmulator();
else if (role === 'kit') await runKit(arg as string);
else await main();

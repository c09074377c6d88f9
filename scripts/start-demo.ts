/**
 * `npm start`: the demo page and the emulated Instacart development server on one local server, so the page
 * and the API share an origin and nothing reaches the network. The page (demo/) creates a sandbox order and
 * shows the widget beside a control panel that walks it through its lifecycle.
 * `PORT` (default 8080) and `HOST` (default 127.0.0.1) override where it listens; `ALLOWED_HOSTS`
 * (comma-separated) adds host names it answers besides loopback ones, e.g. a LAN name with `HOST=0.0.0.0`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Sandbox } from '../src/sandbox/index.js';
import { startSandboxServer } from '../src/sandbox/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/order-status.js`)) {
  console.error('dist/order-status.js is missing: run `npm run build` first (`npm start` does it for you).');
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = await startSandboxServer({
  port,
  host,
  sandbox: new Sandbox({ driveDurationMs: 60_000 }),
  autoplayStepMs: 2500,
  allowedHosts: (process.env.ALLOWED_HOSTS ?? '').split(',').filter(Boolean),
  staticDir: { '/': `${root}demo`, '/demo/': `${root}demo`, '/dist/': `${root}dist` },
});

console.log(`connect-order-status demo: ${server.url}/
The page creates a sandbox order and shows the widget next to the Sandbox controls.
The emulated Connect API is on the same origin (${server.url}/v2/…); Ctrl+C stops it.`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

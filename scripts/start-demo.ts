/**
 * `npm start`: the demo in the shape a retailer deploys (scripts/demo-server.ts): the storefront page and the
 * server kit on one local server, the emulator playing Instacart Connect behind the kit, nothing on the
 * network. The page creates a sandbox order, signs its customer in with a session cookie and shows the widget
 * in proxy mode beside a control panel that walks the order through its lifecycle (the panel can switch the
 * widget to the token-attribute shape a CMS page uses). The emulator sends Instacart's event callbacks to the
 * kit, so the page hears of each change at once (live updates) and polls only as a safety net.
 * `PORT` (default 8080) and `HOST` (default 127.0.0.1) override where it listens; `ALLOWED_HOSTS`
 * (comma-separated) adds host names it answers besides loopback ones, e.g. a LAN name with `HOST=0.0.0.0`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './demo-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/order-status.js`)) {
  console.error('dist/order-status.js is missing: run `npm run build` first (`npm start` does it for you).');
  process.exit(1);
}

const server = await startDemoServer({
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? '127.0.0.1',
  autoplayStepMs: 2500,
  allowedHosts: (process.env.ALLOWED_HOSTS ?? '').split(',').filter(Boolean),
  staticDirs: { '/': `${root}demo`, '/demo/': `${root}demo`, '/dist/': `${root}dist` },
});

console.log(`connect-order-status demo: ${server.url}/
The page signs in a sandbox customer (a session cookie) and shows their order through the server kit at
${server.url}/instacart/, with the emulator playing Instacart Connect behind it. The emulator posts its event
callbacks to ${server.url}/instacart/callbacks; the page's live stream is ${server.url}/instacart/events. Ctrl+C stops it.`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

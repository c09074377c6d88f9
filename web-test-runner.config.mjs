// Browser tests: Debian's Chromium driven by puppeteer-core (nothing downloads a browser), TypeScript
// compiled by esbuild with the project's tsconfig so Lit decorators behave as in the build.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { serverKitMiddleware } from './test/server/wtr-kit.mjs';
import { strictPagePlugin } from './test/build/strict-page-server.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  // The server kit in front of the emulator, same-origin with the test pages (test/server/*.test.ts).
  middleware: [serverKitMiddleware],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      // MSW's service worker must be served from the server root to control every test page.
      name: 'msw-worker-at-root',
      serve(context) {
        if (context.path === '/mockServiceWorker.js') return { body: mswWorker(), type: 'js' };
      },
    },
    // A retailer page with a strict Content-Security-Policy header, for the build tests.
    strictPagePlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};

import { readFileSync } from 'node:fs';
function mswWorker() {
  return readFileSync(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url), 'utf8');
}

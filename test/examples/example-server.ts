/**
 * What a retailer's site is to the example apps: it serves their pages and bundles, and answers the signed-in
 * customer's user token at `/instacart/token` (as the retailer's server would, from Connect). The API itself
 * is the emulator, on its own port: the pages reach it cross-origin, as they would reach Connect.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export interface ExampleServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Serves the examples' page as `/<app>/` and `root/<app>/dist/main.js`; `token()` answers the token route. */
export async function startExampleServer(root: string, token: () => { access_token: string; expires_in: number }): Promise<ExampleServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/instacart/token') {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(token()));
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    // Only an app's page and its bundle: nothing else of the examples folder is served.
    const match = /^\/(\w+)\/(index\.html|dist\/main\.js)?$/.exec(path);
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    // One page for every app: its relative ./dist/main.js is the app's own bundle.
    const file = normalize(match[2] === 'dist/main.js' ? join(root, match[1] as string, match[2]) : join(root, 'index.html'));
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}

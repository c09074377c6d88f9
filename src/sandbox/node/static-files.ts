/**
 * Minimal static file serving for the Node sandbox server (the demo page lives beside the emulator on one
 * port). GET/HEAD only; the path is decoded, resolved inside the root and checked again after resolving
 * symlinks, so nothing outside the directory (and no dotfile) is ever read. Node-only.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** The file at `pathname` under `root` as a Response, or undefined when there is none (or it is off limits). */
export async function serveStatic(root: string, method: string, pathname: string): Promise<Response | undefined> {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.') && segment !== '')) return undefined;
  try {
    const realRoot = await realpath(resolve(root));
    let file = resolve(realRoot, '.' + decoded);
    if (!inside(realRoot, file)) return undefined;
    if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
    file = await realpath(file);
    if (!inside(realRoot, file) || !(await stat(file)).isFile()) return undefined;
    const body = method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      headers: { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' },
    });
  } catch {
    return undefined;
  }
}

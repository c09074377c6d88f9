/**
 * The sandbox for Node: everything of index.ts plus the HTTP server over the same handlers.
 * Kept apart so the browser entry (index.ts) never imports node:http.
 */
export * from './index.js';
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './node/server.js';
export { serveStatic } from './node/static-files.js';
export { AllowedHosts } from './node/allowed-hosts.js';

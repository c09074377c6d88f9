// What the package ships:
//  - dist/order-status.js: an ES module; the map (Leaflet) is split into a chunk that loads only when a
//    <shopper-map> is shown.
//  - dist/order-status.iife.js: one classic script with everything inlined, nothing loaded later.
//  - dist/sandbox/ and dist/testing/: the emulator and the test kit, for retailers' own tests; dist/server/:
//    the retailer's server half.
// Beside them: dist/react.js (React components that import dist/order-status.js, so a page that does not
// import them pays nothing), and one rolled-up declaration file per entry (from the declarations
// `tsc -p tsconfig.types.json` writes to .tmp/types).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import minifyTemplates from './scripts/minify-template-literals.mjs';
import leafletTrim from './scripts/leaflet-trim.mjs';
import litPolicy from './scripts/lit-policy.mjs';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['src/sandbox/**', 'src/testing/**', 'src/server/**'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: false, types: [] },
  });

// A second compress pass finds what the first one's inlining exposed (about 0.1 KB gzip on each build).
/**
 * Chrome (136 and later) compiles every function of a script that starts with this comment on a background
 * thread while it downloads, instead of each on the main thread when first called. Nearly every function of
 * the entry runs on load, and compiling them one by one was most of the main thread's time in the task that
 * evaluates the script: measured with a 4× CPU slowdown, that task goes from about 120 ms to about 40 ms.
 * Other browsers ignore the comment. The chunks (the map, other languages) are compiled as they are used.
 */
const compileEagerly = () => ({
  name: 'compile-eagerly',
  renderChunk: (code, chunk) => (chunk.isEntry ? { code: `//# allFunctionsCalledOnLoad\n${code}`, map: null } : null),
});

const minify = (module = true) => terser({ ecma: 2020, module, compress: { passes: 2, unsafe_methods: true }, format: { comments: false } });

// The React entry imports the elements from the main entry, which stays a separate file: never a second copy.
const MAIN_ENTRY = 'connect-order-status';
const mainEntryExternal = {
  name: 'main-entry-external',
  resolveId: (source, importer) => (importer?.includes('/react/') && /^\.\.\/index(\.d)?\.(js|ts)$/.test(source) ? { id: MAIN_ENTRY, external: true } : null),
};
const reactExternal = (id) => id === MAIN_ENTRY || id === 'react' || id.startsWith('@lit/react');

// The classic script's typings: it defines the elements and sets `window.ConnectOrderStatus` to the entry's exports.
const IIFE_TYPES = `import type * as ConnectOrderStatusEntry from './order-status.js';

declare global {
  /** What the classic script sets on window: the element classes and helpers of the package's main entry. */
  var ConnectOrderStatus: typeof ConnectOrderStatusEntry;
}

export {};
`;
const iifeTypes = {
  name: 'iife-types',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'order-status.iife.d.ts', source: IIFE_TYPES });
  },
};

// The classic script polls only: it has no chunks to load the live stream from later, and inlining it would
// cost every CMS page its bytes. (Live updates need the retailer's server kit, whose pages use the ES build.)
const POLL_ONLY = '\0live-updates-poll-only';
const pollOnly = {
  name: 'poll-only',
  resolveId: (source, importer) => (source === './live-updates.js' && importer?.endsWith('/tracking/tracker.ts') ? POLL_ONLY : null),
  load: (id) => (id === POLL_ONLY ? 'export function liveUpdatesFor() { return undefined; }' : null),
};

export default [
  // The emulator for retailers' own tests: `connect-order-status/sandbox` (browser-safe: model + MSW
  // handlers) and `connect-order-status/sandbox/node` (plus the HTTP server). msw stays a peer import.
  {
    input: { index: 'src/sandbox/index.ts', node: 'src/sandbox/node.ts' },
    external: (id) => id === 'msw' || id.startsWith('msw/') || id.startsWith('node:'),
    output: { dir: 'dist/sandbox', format: 'es', chunkFileNames: '[name]-[hash].js' },
    plugins: [
      nodeResolve(),
      typescript({
        tsconfig: './tsconfig.json',
        include: ['src/sandbox/**/*.ts'],
        compilerOptions: { noEmit: false, declaration: false, sourceMap: false, types: ['node'] },
      }),
    ],
  },
  // The test kit: `connect-order-status/testing` (ManualClock, RequestLog, FakeLocks). Types only from the
  // tracker, so nothing of the widget is bundled in.
  {
    input: 'src/testing/index.ts',
    output: { file: 'dist/testing/index.js', format: 'es' },
    plugins: [
      typescript({
        tsconfig: './tsconfig.json',
        include: ['src/testing/**/*.ts'],
        compilerOptions: { noEmit: false, declaration: false, sourceMap: false, types: [] },
      }),
    ],
  },
  // The retailer's server half: `connect-order-status/server` (web-standard Request/Response only, no Lit,
  // no browser code, no Node-only module), `connect-order-status/server/node` (plus the node:http adapter)
  // and `connect-order-status/server/redis` (the change bus on the retailer's own ioredis client, which it
  // never imports).
  {
    input: { index: 'src/server/index.ts', node: 'src/server/node.ts', redis: 'src/server/redis.ts' },
    external: (id) => id.startsWith('node:') || id === 'ioredis',
    output: { dir: 'dist/server', format: 'es', chunkFileNames: '[name]-[hash].js' },
    plugins: [
      typescript({
        tsconfig: './tsconfig.json',
        include: ['src/server/**/*.ts'],
        compilerOptions: { noEmit: false, declaration: false, sourceMap: false, types: ['node'] },
      }),
    ],
  },
  {
    input: 'src/index.ts',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'order-status.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [leafletTrim(), litPolicy(), nodeResolve({ browser: true }), ts(), minifyTemplates(), minify(), compileEagerly()],
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/order-status.iife.js',
      format: 'iife',
      name: 'ConnectOrderStatus',
      inlineDynamicImports: true,
    },
    plugins: [pollOnly, leafletTrim(), litPolicy(), nodeResolve({ browser: true }), ts(), minifyTemplates(), minify(false), iifeTypes, compileEagerly()],
  },
  {
    input: 'src/react/index.ts',
    external: reactExternal,
    output: { file: 'dist/react.js', format: 'es', paths: { [MAIN_ENTRY]: './order-status.js' } },
    plugins: [mainEntryExternal, ts(), minify()],
  },
  {
    input: { 'order-status': '.tmp/types/index.d.ts', react: '.tmp/types/react/index.d.ts' },
    external: reactExternal,
    output: {
      dir: 'dist',
      format: 'es',
      paths: { [MAIN_ENTRY]: './order-status.js' },
      // The React entry also types the tags in JSX (react-jsx.d.ts, generated from custom-elements.json).
      footer: (chunk) => (chunk.name === 'react' ? "import './react-jsx.js';" : ''),
    },
    plugins: [mainEntryExternal, dts()],
  },
];

// Two browser builds of the same entry (design.md "Builds"):
//  - dist/order-status.js: an ES module; the map (Leaflet) is split into a chunk that loads only when a
//    <shopper-map> is shown.
//  - dist/order-status.iife.js: one classic script with everything inlined, nothing loaded later.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import minifyTemplates from './scripts/minify-template-literals.mjs';
import leafletTrim from './scripts/leaflet-trim.mjs';
import litPolicy from './scripts/lit-policy.mjs';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['src/sandbox/**'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: false, types: [] },
  });

// A second compress pass finds what the first one's inlining exposed (about 0.1 KB gzip on each build).
const minify = (module = true) => terser({ ecma: 2020, module, compress: { passes: 2, unsafe_methods: true }, format: { comments: false } });

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
  {
    input: 'src/index.ts',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'order-status.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [leafletTrim(), litPolicy(), nodeResolve({ browser: true }), ts(), minifyTemplates(), minify()],
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/order-status.iife.js',
      format: 'iife',
      name: 'ConnectOrderStatus',
      inlineDynamicImports: true,
    },
    plugins: [leafletTrim(), litPolicy(), nodeResolve({ browser: true }), ts(), minifyTemplates(), minify(false)],
  },
];

// Two browser builds of the same entry (design.md "Builds"):
//  - dist/order-status.js: an ES module; the map (Leaflet) is split into a chunk that loads only when a
//    <shopper-map> is shown.
//  - dist/order-status.iife.js: one classic script with everything inlined, nothing loaded later.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['src/sandbox/**'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: false, types: [] },
  });

const minify = () => terser({ ecma: 2020, module: true, format: { comments: false } });

export default [
  {
    input: 'src/index.ts',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'order-status.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [nodeResolve({ browser: true }), ts(), minify()],
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/order-status.iife.js',
      format: 'iife',
      name: 'ConnectOrderStatus',
      inlineDynamicImports: true,
    },
    plugins: [nodeResolve({ browser: true }), ts(), terser({ ecma: 2020, format: { comments: false } })],
  },
];

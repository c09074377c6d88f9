// custom-elements.json as the package publishes it (scripts/cem/): the analyzer reads the elements' sources and
// JSDoc; the plugins write the parts <order-tracker> re-exports, describe the published module instead of the
// sources, and generate the framework typings from the result.
import { exportedPartsPlugin } from './scripts/cem/exported-parts.mjs';
import { publishedManifestPlugin } from './scripts/cem/published-manifest.mjs';
import { frameworkTypesPlugin } from './scripts/cem/framework-types.mjs';

export default {
  globs: ['src/elements/**/*.ts', 'src/index.ts'],
  exclude: ['src/elements/order-tracker/exported-parts.ts'],
  litelement: true,
  plugins: [
    exportedPartsPlugin({
      tracker: 'order-tracker',
      children: ['order-status', 'order-items', 'shopper-map'],
      // The tracker shows one banner above its parts, whose cards and headings stay their own.
      notExported: ['base', 'title', 'banner'],
      output: 'src/elements/order-tracker/exported-parts.ts',
    }),
    publishedManifestPlugin({ entry: 'src/index.ts', published: 'dist/order-status.js' }),
    frameworkTypesPlugin({ module: 'dist/order-status.js', outdir: 'dist' }),
  ],
};

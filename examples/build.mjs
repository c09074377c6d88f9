// Bundles each example app with esbuild (examples/<app>/dist/main.js), the way a retailer's bundler would
// take the installed package. Vue's and Svelte's components go through their own compilers: the two small
// plugins below are all the toolchain these examples need.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const APPS = { react18: 'src/main.tsx', react19: 'src/main.tsx', vue: 'src/main.ts', svelte: 'src/main.ts', vanilla: 'src/main.ts' };
/** The package's tags: Vue must leave them to the browser instead of resolving Vue components. */
const isCustomElement = (tag) => ['order-tracker', 'order-status', 'order-items', 'shopper-map'].includes(tag);

const vuePlugin = {
  name: 'vue-sfc',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      const { parse, compileScript } = await import('vue/compiler-sfc');
      const { descriptor, errors } = parse(await readFile(path, 'utf8'), { filename: path });
      if (errors.length) return { errors: errors.map((error) => ({ text: String(error) })) };
      const script = compileScript(descriptor, { id: path, inlineTemplate: true, templateOptions: { compilerOptions: { isCustomElement } } });
      return { contents: script.content, loader: 'ts', resolveDir: dirname(path) };
    });
  },
};

const sveltePlugin = {
  name: 'svelte',
  setup(build) {
    build.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { compile } = await import('svelte/compiler');
      const { js } = compile(await readFile(path, 'utf8'), { filename: path, generate: 'client' });
      return { contents: js.code, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

const only = process.argv.slice(2);
await Promise.all(
  Object.entries(APPS)
    .filter(([app]) => only.length === 0 || only.includes(app))
    .map(([app, entry]) =>
      esbuild.build({
        absWorkingDir: join(here, app),
        entryPoints: [entry],
        outfile: 'dist/main.js',
        bundle: true,
        format: 'esm',
        target: 'es2022',
        minify: true,
        logLevel: 'warning',
        jsx: 'automatic',
        conditions: ['browser'],
        define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
        plugins: [vuePlugin, sveltePlugin],
      }),
    ),
);

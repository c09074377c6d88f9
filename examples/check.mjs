// Prepares the example apps the way a retailer's project would be: installs the package as `npm pack` makes
// it (from the committed lock files; `file:` installs are packed, see .npmrc), type-checks each app with its
// framework's own checker, and bundles them. `npm run test:examples` runs this, then the apps in Chromium.
// Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(`${here}/../dist/order-status.d.ts`)) throw new Error('examples: run `npm run build` first');

/** Runs a command in examples/; resolves with its output, rejects with it when the command fails. */
function run(label, command, args, cwd = here) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const line = `examples: ${label} ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
      if (code === 0) {
        console.log(line);
        resolve(output);
      } else reject(new Error(`${line}\n${output}`));
    });
  });
}

const bin = (name, dir = here) => `${dir}/node_modules/.bin/${name}`;
const npmCi = ['ci', '--no-audit', '--no-fund', '--loglevel=error'];

// React 18 has its own install, so that it sees React 18's types only (the others share React 19's).
await Promise.all([run('install', 'npm', npmCi), run('install react18', 'npm', npmCi, `${here}/react18`)]);
await Promise.all([
  run('tsc react19', bin('tsc'), ['-p', 'react19']),
  run('tsc react18', bin('tsc', `${here}/react18`), ['-p', 'react18']),
  run('tsc vanilla', bin('tsc'), ['-p', 'vanilla']),
  run('vue-tsc --strictTemplates', bin('vue-tsc'), ['-p', 'vue']),
  run('svelte-check', bin('svelte-check'), ['--workspace', 'svelte', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'machine']),
]);
await run('bundle', process.execPath, ['build.mjs']);

// Subresource Integrity for the browser builds, so that a retailer who loads the widget from a CDN can pin
// exactly what runs on their checkout pages: writes dist/integrity.json (file → sha384) and prints the tags.
// Run by `npm run build` after the bundles are written; `node scripts/integrity.mjs [base-url]` prints again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';
const base = process.argv[2] ?? 'https://your-cdn.example/connect-order-status/';

/** The scripts a page loads: the two builds, the chunks the ES build loads later, the React entry. */
function scripts() {
  const chunks = readdirSync(join(DIST, 'chunks')).map((file) => `chunks/${file}`);
  return ['order-status.js', 'order-status.iife.js', 'react.js', ...chunks].filter((file) => file.endsWith('.js')).sort();
}

function integrityOf(file) {
  return `sha384-${createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64')}`;
}

const integrity = Object.fromEntries(scripts().map((file) => [file, integrityOf(file)]));
writeFileSync(join(DIST, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);

const chunkMap = Object.fromEntries(Object.entries(integrity).filter(([file]) => file.startsWith('chunks/')).map(([file, hash]) => [`${base}${file}`, hash]));
console.log(`dist/integrity.json written. Pinned tags for ${base}:

<!-- One file, nothing loaded later: fully pinned. -->
<script src="${base}order-status.iife.js" integrity="${integrity['order-status.iife.js']}" crossorigin="anonymous"></script>

<!-- The ES build; the chunks it loads later are pinned by the import map (where browsers support it). -->
<script type="importmap">${JSON.stringify({ integrity: chunkMap })}</script>
<script type="module" src="${base}order-status.js" integrity="${integrity['order-status.js']}" crossorigin="anonymous"></script>
`);

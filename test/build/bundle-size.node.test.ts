// The size budgets of the builds: the IIFE within the 60 KB gzip; the ES entry (without the map chunk)
// within a budget that stops growth, since its 20 KB target is not met (scripts/bundle-sizes.ts says why).
// Needs `npm run build` first; `npm test` builds before it runs these.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describeSizes, LIMITS, measure, TARGETS } from '../../scripts/bundle-sizes.js';

describe('bundle sizes', () => {
  const sizes = measure('dist');
  console.log(describeSizes(sizes));
  console.log(`targets: ES entry ${TARGETS.esEntryGzip / 1024} KB, IIFE ${TARGETS.iifeGzip / 1024} KB gzip; budgets: ${LIMITS.esEntryGzip / 1024} KB, ${LIMITS.iifeGzip / 1024} KB`);

  it('the ES entry stays within its gzip budget without the map chunk', () => {
    const entry = sizes.find((s) => s.file === 'order-status.js');
    assert.ok(entry, 'dist/order-status.js is missing: run npm run build');
    assert.ok(entry.gzip <= LIMITS.esEntryGzip, `order-status.js is ${entry.gzip} bytes gzip, over ${LIMITS.esEntryGzip}`);
  });

  it('the IIFE stays within its gzip budget with everything inlined', () => {
    const iife = sizes.find((s) => s.file === 'order-status.iife.js');
    assert.ok(iife, 'dist/order-status.iife.js is missing: run npm run build');
    assert.ok(iife.gzip <= LIMITS.iifeGzip, `order-status.iife.js is ${iife.gzip} bytes gzip, over ${LIMITS.iifeGzip}`);
  });

  it('Leaflet is not in the ES entry: the map comes in a chunk loaded on demand', () => {
    const entry = readFileSync('dist/order-status.js', 'utf8');
    assert.ok(!/leaflet-pane|L\.Map|_leaflet_id/.test(entry), 'Leaflet code found in the ES entry');
    const chunks = sizes.filter((s) => s.file.startsWith('chunks/'));
    assert.ok(chunks.some((c) => /_leaflet_id/.test(readFileSync(`dist/${c.file}`, 'utf8'))), 'no chunk holds Leaflet');
  });

  it('the IIFE loads nothing later', () => {
    assert.ok(existsSync('dist/order-status.iife.js'));
    const iife = readFileSync('dist/order-status.iife.js', 'utf8');
    assert.ok(!/\bimport\(/.test(iife), 'the IIFE contains a dynamic import');
  });
});

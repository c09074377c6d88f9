/**
 * Measures what a retailer's page downloads: each file of dist/ raw and gzipped, and the two totals the
 * size limits are about (the ES entry without the lazily loaded map chunk, and the one-file IIFE).
 * Run: npm run build && node --import tsx scripts/bundle-sizes.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The issue's targets are 20 KB (ES entry) and 60 KB (IIFE) gzip.
 *
 * The IIFE meets its target (59.5 KB on 2026-11-27) since the map imports only the Leaflet modules it uses
 * (leaflet-parts.ts: 43.3 → 27.1 KB) and the build strips the templates' indentation: the budget is the target.
 *
 * The ES entry does not (28.7 KB): Lit with its task and repeat helpers is about 7.5 KB of it; the client and
 * its parsing about 4 KB; tracking, polling, tabs and tokens about 6 KB; English text and formatting about
 * 3.5 KB; the four elements and their styles about 8 KB. Meeting 20 KB would mean dropping features, not
 * trimming. Its budget stops growth instead: it fails a change that adds more than about 0.8 KB gzip.
 *
 * Hardening against hostile pages and data (issue 11) raised it from 29.5 to 31.1 KB: the settings check
 * (0.33 KB), parsing that leaves out one bad field instead of refusing the answer, with its reports (0.58 KB),
 * the client's reuse of an unchanged answer (0.1 KB) and big item lists in blocks and slices (0.56 KB). The
 * cuts that paid for them in the IIFE are all in Leaflet, which the ES entry does not hold.
 *
 * Live updates (issue 14) raised it from 31.1 to 31.5 KB: what the entry holds of them (0.4 KB: opening the
 * stream in proxy mode only where it is useful, and polling as a safety net while it is healthy). The stream
 * itself is a chunk of its own (0.7 KB) that only pages in proxy mode load; the IIFE polls only.
 */
/*
 * The first paint (issue 13) raised both, to 32.2 KB and 60.5 KB: the parts paced so that the state sentence
 * comes first and nothing shifts (render-pacing.ts, date-readiness.ts, skeletons of their final size, the map
 * fetched ahead of delivery) cost 0.65 KB in each build. Layout shift went from 0.235 to 0 and the longest
 * task before the sentence from about 240 to about 100 ms (README, "First paint"). The IIFE is now 0.4 KB
 * over the 60 KB target; what would win it back is the IIFE loading the es and fr-CA catalogues only when a
 * page needs them (they are about 4 KB of it), a change of what the classic script promises ("nothing loaded
 * later") that is left for its own issue.
 */
/*
 * Only the tab holding the order's lock reads, from the first read (issue 13, three windows opened together):
 * the leader's localStorage note went, and both builds shrank by 0.2 KB; the budgets came down with them, to
 * 32.0 KB and 60.3 KB, so the room is not spent unnoticed. The IIFE is 0.24 KB over its target.
 */
export const TARGETS = { esEntryGzip: 20 * 1024, iifeGzip: 60 * 1024 };
export const LIMITS = { esEntryGzip: 32.0 * 1024, iifeGzip: 60.3 * 1024 };

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export function measure(distDir = 'dist'): FileSize[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        // The emulator and the test kit are for tests, not for a retailer's page.
        if (name !== 'sandbox' && name !== 'testing') walk(path);
      } else if (name.endsWith('.js')) files.push(path);
    }
  };
  walk(distDir);
  return files.sort().map((path) => {
    const content = readFileSync(path);
    return { file: relative(distDir, path), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = measure();
  for (const s of sizes) console.log(`${s.file.padEnd(40)} ${kb(s.bytes).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`);
}

export function describeSizes(sizes: FileSize[]): string {
  return sizes.map((s) => `${s.file}: ${kb(s.bytes)} (${kb(s.gzip)} gzip)`).join('\n');
}

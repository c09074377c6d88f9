// The server entry must run in Workers, Deno and Bun: its files import nothing but each other (no Node-only
// module, no Lit or other browser code of the widget). Only the node:http adapter may import `node:`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../src/server/', import.meta.url));
const importsOf = (file: string) => [...readFileSync(dir + file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] as string);

describe('server kit: portability', () => {
  it('the core imports only its own files', () => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.ts') && file !== 'node.ts');
    assert.ok(files.includes('index.ts') && files.length > 5, `${files.length} files`);
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        assert.match(specifier, /^\.\/[\w-]+\.js$/, `${file} imports ${specifier}`);
      }
    }
  });

  it('the node adapter adds only node: modules', () => {
    for (const specifier of importsOf('node.ts')) assert.match(specifier, /^(node:[\w/]+|\.\/[\w-]+\.js)$/, specifier);
  });
});

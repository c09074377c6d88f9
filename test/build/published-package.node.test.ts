// What `npm pack` ships is what a retailer's app resolves: every entry point has its script and its types, and
// custom-elements.json points at files the package contains. Needs `npm run build` first.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

type Target = string | { types?: string; default?: string; import?: string };

describe('the published package', () => {
  let shipped: Set<string>;
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, Target>; types: string; dependencies: Record<string, string> };

  before(() => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as [{ files: { path: string }[] }];
    shipped = new Set(packed.files.map((file) => file.path));
  });

  it('has a script and its types for every entry point, both in the package', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        assert.ok(entry.endsWith('.json'), `${entry} has no types condition`);
        assert.ok(shipped.has(target.slice(2)), `${entry}: ${target} is not in the package`);
        continue;
      }
      const script = target.default ?? target.import;
      assert.ok(target.types, `${entry} has no types condition`);
      assert.ok(script, `${entry} has no script`);
      assert.ok(shipped.has(target.types.slice(2)), `${entry}: ${target.types} is not in the package`);
      assert.ok(shipped.has(script.slice(2)), `${entry}: ${script} is not in the package`);
    }
    assert.ok(shipped.has(pkg.types.slice(2)));
  });

  it('keeps React out of the main entry: only dist/react.js imports it', () => {
    const importers = [...shipped].filter((file) => file.endsWith('.js') && /from\s*"react"|from\s*"@lit\/react"/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(importers, ['dist/react.js']);
  });

  it('has a custom-elements.json whose modules are files of the package, with a definition for every tag', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: { path: string; exports?: { kind: string; name: string; declaration: { module?: string } }[] }[];
    };
    for (const module of manifest.modules) {
      assert.ok(shipped.has(module.path), `custom-elements.json names ${module.path}, which the package does not contain`);
      for (const exported of module.exports ?? []) {
        if (exported.declaration.module) assert.ok(shipped.has(exported.declaration.module), `${exported.name} points at ${exported.declaration.module}`);
      }
    }
    const tags = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name));
    assert.deepEqual(tags.sort(), ['order-items', 'order-status', 'order-tracker', 'shopper-map']);
  });
});

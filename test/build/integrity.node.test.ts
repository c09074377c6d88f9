// dist/integrity.json is what a retailer pins in <script integrity="…">: it must name every script a page can
// load from dist/ with the sha384 of the file as built. Needs `npm run build` first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

describe('dist/integrity.json', () => {
  const integrity = JSON.parse(readFileSync('dist/integrity.json', 'utf8')) as Record<string, string>;

  it('lists every script of the browser builds, the chunks loaded later included', () => {
    const scripts = [...readdirSync('dist').filter((f) => f.endsWith('.js')), ...readdirSync('dist/chunks').map((f) => `chunks/${f}`)].sort();
    assert.deepEqual(Object.keys(integrity).sort(), scripts);
  });

  it('holds the sha384 of each file as built', () => {
    for (const [file, hash] of Object.entries(integrity)) {
      const actual = `sha384-${createHash('sha384').update(readFileSync(`dist/${file}`)).digest('base64')}`;
      assert.equal(hash, actual, `${file} changed since its hash was written`);
    }
  });
});

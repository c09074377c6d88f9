// custom-elements.json documents what the elements really have: every part their templates name, every theme
// property their styles read, the parts <order-tracker> re-exports, and the events the React components listen
// to. Drift between the templates and the docs fails here. Needs `npm run build` (or `npm run analyze`) first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORTED_PARTS } from '../../src/elements/order-tracker/exported-parts.js';

interface Named {
  name: string;
}
interface ElementDoc {
  name: string;
  tagName?: string;
  cssParts?: Named[];
  cssProperties?: Named[];
  events?: Named[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: ElementDoc[] }[] };
const elements = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName as string, d]));
const names = (list: Named[] | undefined) => new Set((list ?? []).map((item) => item.name));
const element = (tag: string) => {
  const found = elements.get(tag);
  assert.ok(found, `<${tag}> is not in custom-elements.json`);
  return found;
};

/** The source of every file of a folder of src/elements. */
const sources = (folder: string) =>
  readdirSync(join('src/elements', folder))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join('src/elements', folder, file), 'utf8'));

/** The part names a template writes out (`part="step step-${status}"` gives `step` and the prefix `step-`). */
function partsNamedIn(source: string): string[] {
  return [...source.matchAll(/\bpart="([^"]*)"/g)]
    .flatMap((match) => (match[1] as string).replace(/\$\{[^}]*\}/g, '*').split(/\s+/))
    .filter((token) => token && token !== '*');
}

const isDocumented = (documented: Set<string>, token: string) =>
  token.endsWith('*') ? [...documented].some((name) => name.startsWith(token.slice(0, -1))) : documented.has(token);

const CHILDREN = ['order-status', 'order-items', 'shopper-map'];

describe('custom-elements.json', () => {
  it('documents every part each element names in its templates', () => {
    for (const tag of [...CHILDREN, 'order-tracker']) {
      const documented = names(element(tag).cssParts);
      const named = sources(tag).flatMap(partsNamedIn);
      assert.ok(named.length > 0, `no part found in src/elements/${tag}`);
      for (const token of named) assert.ok(isDocumented(documented, token), `<${tag}> names part "${token}" but does not document it`);
    }
  });

  it('documents the parts the shared templates add: the banner everywhere, the loading skeleton where it is shown', () => {
    const shared = sources('shared').join('\n');
    assert.deepEqual(partsNamedIn(shared).sort(), ['banner', 'loading']);
    for (const tag of elements.keys()) assert.ok(names(element(tag).cssParts).has('banner'), `<${tag}> does not document its banner`);
    for (const tag of CHILDREN) {
      // The shared skeleton, or placeholders of the element's own (<order-status> holds each word's place).
      const showsSkeleton = sources(tag).some((source) => source.includes('this.skeleton(') || partsNamedIn(source).includes('loading'));
      assert.equal(names(element(tag).cssParts).has('loading'), showsSkeleton, `<${tag}>: the loading part and the skeleton disagree`);
    }
  });

  it("has <order-tracker> re-export every part of its children but their card, heading and banner, and list them", () => {
    const tracker = names(element('order-tracker').cssParts);
    for (const tag of CHILDREN) {
      const expected = [...names(element(tag).cssParts)].filter((part) => !['base', 'title', 'banner'].includes(part));
      const exported = EXPORTED_PARTS[tag as keyof typeof EXPORTED_PARTS].split(', ');
      assert.deepEqual(exported.sort(), expected.sort(), `<order-tracker> re-exports other parts of <${tag}> than it documents`);
      for (const part of exported) assert.ok(tracker.has(part), `<order-tracker> re-exports "${part}" without documenting it`);
    }
    assert.ok(tracker.has('step-current') && tracker.has('summary') && tracker.has('notice') && tracker.has('loading'));
  });

  it('documents every theme property the styles read', () => {
    for (const tag of elements.keys()) {
      const styles = sources(tag).concat(sources('shared')).join('\n');
      const read = new Set([...styles.matchAll(/var\((--order-status-[a-z-]+)/g)].map((match) => match[1] as string));
      const documented = names(element(tag).cssProperties);
      for (const property of read) {
        // The map's height is only the map's and the tracker's concern.
        if (property === '--order-status-map-height' && !['shopper-map', 'order-tracker'].includes(tag)) continue;
        assert.ok(documented.has(property), `<${tag}> reads ${property} but does not document it`);
      }
    }
  });

  it('lists the events the React components of connect-order-status/react listen to', () => {
    const react = readFileSync('src/react/index.ts', 'utf8');
    const props = Object.fromEntries([...react.matchAll(/(on[A-Z]\w+): '([a-z-]+)'/g)].map((match) => [match[1], match[2]]));
    for (const match of react.matchAll(/tagName: '([a-z-]+)',[^]*?events: events\(([^)]*)\)/g)) {
      const listened = [...(match[2] as string).matchAll(/'(on\w+)'/g)].map((prop) => props[prop[1] as string]).sort();
      assert.deepEqual(listened, [...names(element(match[1] as string).events)].sort(), `the React component of <${match[1]}> listens to other events than it dispatches`);
    }
    assert.equal([...react.matchAll(/tagName: '/g)].length, elements.size);
  });
});

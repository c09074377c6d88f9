// The analyzer describes the source (src/…/*.ts), which the package does not contain. The elements ship in one
// module, dist/order-status.js, so the manifest the package publishes describes that module: what it exports,
// each element with what it inherits, and no private or protected members.
import { customElements, publicFields } from './manifest-queries.mjs';

/**
 * @param {{ entry: string, published: string }} options `entry` is the analyzed source of the bundle
 *   (src/index.ts); `published` the path of the module that bundle becomes (dist/order-status.js).
 */
export function publishedManifestPlugin({ entry, published }) {
  return {
    name: 'published-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const entryModule = manifest.modules.find((module) => module.path === entry);
      if (!entryModule) throw new Error(`custom-elements-manifest: ${entry} was not analyzed`);
      const declarations = new Map(manifest.modules.flatMap((module) => (module.declarations ?? []).map((d) => [d.name, d])));
      const variables = [...declarations.values()].filter((d) => d.kind === 'variable');

      // What the bundle exports at run time and the manifest knows: classes and functions, not types.
      const exported = (entryModule.exports ?? [])
        .filter((e) => e.kind === 'js' && ['class', 'function'].includes(declarations.get(e.name)?.kind))
        .map((e) => declarations.get(e.name));
      const names = new Set(exported.map((d) => d.name));
      for (const { declaration } of customElements(manifest)) {
        if (!names.has(declaration.name)) throw new Error(`custom-elements-manifest: <${declaration.tagName}> is not exported from ${entry}`);
      }

      const module = {
        kind: 'javascript-module',
        path: published,
        declarations: exported.map((d) => publicView(d, variables)),
        exports: [
          ...exported.map((d) => ({ kind: 'js', name: d.name, declaration: { name: d.name, module: published } })),
          ...exported
            .filter((d) => d.tagName)
            .map((d) => ({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: published } })),
        ],
      };
      relinkReferences(module, names, published);
      manifest.modules = [module];
    },
  };
}

/** A declaration as a page sees it: public members only, defaults written out instead of constant names. */
function publicView(declaration, variables) {
  const view = structuredClone(declaration);
  if (view.kind !== 'class') return view;
  view.members = publicFields(view).concat((view.members ?? []).filter((m) => m.kind === 'method' && (m.privacy ?? 'public') === 'public' && !m.static));
  for (const item of [...view.members, ...(view.attributes ?? [])]) {
    const constant = item.default && variables.find((v) => v.name === item.default && v.default !== undefined);
    if (constant) item.default = constant.default;
  }
  return view;
}

/** Points every reference to a source module at the published one, or drops the module of what it does not export. */
function relinkReferences(value, published, path) {
  if (Array.isArray(value)) return value.forEach((item) => relinkReferences(item, published, path));
  if (!value || typeof value !== 'object') return;
  if (typeof value.module === 'string' && typeof value.name === 'string' && !value.package && value.module !== path) {
    if (published.has(value.name)) value.module = path;
    else delete value.module;
  }
  for (const child of Object.values(value)) relinkReferences(child, published, path);
}

// Small lookups over a custom elements manifest, shared by the analyzer plugins in this folder.

/** Every custom element class in the manifest, with the path of the module that declares it. */
export function customElements(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName).map((declaration) => ({ module, declaration })),
  );
}

/** The custom element class of `tagName`; throws when the manifest has none, so a renamed tag fails the build. */
export function elementByTag(manifest, tagName) {
  const found = customElements(manifest).find(({ declaration }) => declaration.tagName === tagName);
  if (!found) throw new Error(`custom-elements-manifest: no element <${tagName}> in the manifest`);
  return found.declaration;
}

/** The public settings of an element: fields a page may set (no private, protected, static or read-only ones). */
export function publicFields(declaration) {
  return (declaration.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public',
  );
}

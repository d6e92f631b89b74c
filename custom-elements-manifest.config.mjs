/**
 * `AcctElement.define(tag)` and `emit(name, ...)` are generic helpers; the analyzer reads them as
 * an element named "tag" and an event named "name". Tags come from `@tagname`, events from `@fires`.
 */
function dropGenericHelpers() {
  return {
    name: 'acct-drop-generic-helpers',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.exports = (mod.exports ?? []).filter((e) => !(e.kind === 'custom-element-definition' && e.name === 'tag'));
        for (const decl of mod.declarations ?? []) {
          if (decl.events) decl.events = decl.events.filter((e) => e.name !== 'name');
        }
      }
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/i18n/generated/**', 'packages/elements/src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropGenericHelpers()],
};

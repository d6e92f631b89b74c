/**
 * The analyzer does not see our tags: elements register through `AcctElement.define('acct-x')`
 * in define.ts, not `customElements.define` or `@customElement`, so the manifest has no
 * `tagName` and Storybook finds no docs for `component: 'acct-x'`. It also records the
 * `customElements.define(tag, ctor)` inside `define()` as an element named "tag". Until the
 * elements say `@tagname` in their JSDoc (or the analyzer config learns `define()`), derive the
 * tag from the class name (STYLE.md: `AcctApiKeys` <-> `acct-api-keys`). A no-op once tags exist.
 * Also drops what API tables should not show: private / protected / static members, defaults that
 * are code, and the event "name" the analyzer reads from `emit()`'s `new CustomEvent(name)`.
 */
interface Member {
  name?: string;
  default?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  kind?: string;
  members?: Member[];
  events?: { name?: string; description?: string; inheritedFrom?: unknown }[];
  name?: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name?: string };
}
interface Module {
  declarations?: Declaration[];
  exports?: { kind?: string; name?: string }[];
}

const tagOf = (className: string) => className.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function publicApi(d: Declaration): Declaration {
  return {
    ...d,
    members: d.members
      ?.filter((x) => !x.static && !x.name?.startsWith('#') && (x.privacy ?? 'public') === 'public')
      // A default that is code (a controller's construction) is noise in an API table.
      .map(({ default: value, ...x }) => (value === undefined || value.length > 40 ? x : { ...x, default: value })),
    events: d.events?.filter((e) => !(e.name === 'name' && !e.description && e.inheritedFrom)),
  };
}

export function normalizeManifest<T extends Record<string, unknown>>(manifest: T): T {
  const modules = (manifest.modules ?? []) as Module[];
  const elementClasses = new Set(['AcctElement']);
  // Classes extending AcctElement, directly or through another element class.
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of modules.flatMap((m) => m.declarations ?? [])) {
      if (d.kind === 'class' && d.name && !elementClasses.has(d.name) && elementClasses.has(d.superclass?.name ?? '')) {
        elementClasses.add(d.name);
        grew = true;
      }
    }
  }
  return {
    ...manifest,
    modules: modules.map((m) => ({
      ...m,
      declarations: m.declarations?.map((d) =>
        d.kind === 'class' && d.name && elementClasses.has(d.name) ? publicApi(d.tagName || d.name === 'AcctElement' ? d : { ...d, tagName: tagOf(d.name), customElement: true }) : d,
      ),
      exports: m.exports?.filter((e) => !(e.kind === 'custom-element-definition' && e.name === 'tag')),
    })),
  };
}

// Generates the framework bindings from custom-elements.json (run `npm run analyze` first):
//   packages/elements/src/jsx/tags.ts   every public tag: its class, its attributes and properties
//                                       (typed from the class), its acct-* events (typed details);
//                                       the React / Preact / Solid JSX typings build on it
//   packages/react/src/*.ts             one @lit/react wrapper per tag, with on<Event> props
// `--check` writes nothing and fails when a checked-in file differs from what would be generated
// (CI runs it in `npm run lint`), so a new element, attribute or event cannot be forgotten.
import { readFileSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, posix } from 'node:path';

const check = process.argv.includes('--check');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elementsPkg = JSON.parse(readFileSync('packages/elements/package.json', 'utf8'));
const eventsSource = readFileSync('packages/elements/src/base/events.ts', 'utf8');

// Event name -> detail type name, read from AcctEventMap so a new event needs a typed detail first.
const eventMapBody = /export interface AcctEventMap \{([^}]*)\}/.exec(eventsSource)?.[1] ?? '';
const EVENT_DETAILS = Object.fromEntries([...eventMapBody.matchAll(/'([\w-]+)':\s*(\w+);/g)].map((m) => [m[1], m[2]]));

// Every acct-* event bubbles and is composed, so elements that contain others (the provider around
// a page, acct-settings around its tabs, acct-overview's in-place elements) also deliver the events
// of the elements inside them.
const CONTAINERS = new Set(['acct-provider', 'acct-settings', 'acct-overview']);
const ALL_EVENTS = Object.keys(EVENT_DETAILS);

const fail = (message) => {
  console.error(`gen-frameworks: ${message}`);
  process.exit(1);
};

const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

// Per-element define modules by folder: `./src/profile/define.ts` -> `@acct/elements/profile`.
const defineEntries = new Map(
  Object.entries(elementsPkg.exports)
    .filter(([, v]) => /\/define\.ts$/.test(v.source ?? ''))
    .map(([key, v]) => [posix.dirname(v.source.replace(/^\.\//, 'packages/elements/')), `@acct/elements/${key.replace(/^\.\//, '')}`]),
);

// The analyzer reads `this.#input.hidden = true` as a field `hidden` of the element: keep only
// fields the class source really declares (accessor, plain field or setter, at class-member
// indentation; object literal keys are deeper).
const declaredIn = (modulePath, name) => {
  const source = readFileSync(modulePath.replace(/^\//, '').replace(/\.js$/, '.ts'), 'utf8');
  const n = name.replace(/\$/g, '\\$');
  return new RegExp(`^ {2}(?:@[^\\n]*\\)\\s*)?(?:(?:public|declare|override|accessor)\\s+)*(?:set\\s+)?${n}\\s*[?!]?\\s*[:=(]`, 'm').test(source);
};

const tags = [];
for (const mod of manifest.modules) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement || !decl.tagName) continue;
    const entry = defineEntries.get(dirname(mod.path));
    if (!entry) fail(`<${decl.tagName}> (${mod.path}) has no "./<name>" entry with a define.ts in packages/elements/package.json`);
    const members = new Map();
    // Attributes where there is one (they work before the element is defined, and in every framework),
    // the property name for properties without an attribute (adapter, brand, links, ...).
    for (const a of decl.attributes ?? []) {
      if (a.fieldName) members.set(a.name, { field: a.fieldName, description: a.description });
    }
    const attributeFields = new Set((decl.attributes ?? []).map((a) => a.fieldName).filter(Boolean));
    for (const m of decl.members ?? []) {
      const isPublic = !m.privacy || m.privacy === 'public';
      if (m.kind !== 'field' || m.static || m.readonly || !isPublic || m.name.startsWith('#') || attributeFields.has(m.name)) continue;
      if (!declaredIn(m.inheritedFrom?.module ?? mod.path, m.name)) continue;
      members.set(m.name, { field: m.name, description: m.description });
    }
    const own = (decl.events ?? []).map((e) => e.name);
    const events = [...new Set(CONTAINERS.has(decl.tagName) ? [...own, ...ALL_EVENTS] : own)].sort();
    for (const e of events) if (!EVENT_DETAILS[e]) fail(`<${decl.tagName}> fires "${e}", which AcctEventMap in packages/elements/src/base/events.ts does not type`);
    tags.push({
      tag: decl.tagName,
      className: decl.name,
      summary: decl.summary ?? '',
      module: `../${posix.relative('packages/elements/src', mod.path).replace(/\.ts$/, '.js')}`,
      entry,
      members: [...members].sort(([a], [b]) => a.localeCompare(b)),
      events,
    });
  }
}
tags.sort((a, b) => a.tag.localeCompare(b.tag));
if (tags.length === 0) fail('custom-elements.json lists no element; run `npm run analyze` first');

const HEADER = '// Generated by scripts/gen-frameworks.mjs from custom-elements.json: do not edit, run `npm run generate`.\n';
const outputs = new Map();

// --- packages/elements/src/jsx/tags.ts --------------------------------------------------------
{
  const details = [...new Set(tags.flatMap((t) => t.events.map((e) => EVENT_DETAILS[e])))].sort();
  let s = HEADER;
  s += `import type { ${details.join(', ')} } from '../base/events.js';\n`;
  for (const t of tags) s += `import type { ${t.className} } from '${t.module}';\n`;
  s += '\n/** Every public tag and the class of its element. */\nexport interface AcctTagClasses {\n';
  for (const t of tags) s += `  '${t.tag}': ${t.className};\n`;
  s += '}\n\n/**\n * What each tag accepts in markup: its attributes (by attribute name) and its properties without an\n * attribute (by property name), typed from the element class.\n */\nexport interface AcctTagProps {\n';
  for (const t of tags) {
    s += `  '${t.tag}': {\n`;
    for (const [name, m] of t.members) s += doc(m.description, '    ') + `    ${/^[a-z]\w*$/i.test(name) ? name : `'${name}'`}?: ${t.className}['${m.field}'];\n`;
    s += '  };\n';
  }
  s += '}\n\n/** The acct-* events each tag delivers, by event name. */\nexport interface AcctTagEvents {\n';
  for (const t of tags) {
    if (!t.events.length) {
      s += `  '${t.tag}': Record<never, never>;\n`;
      continue;
    }
    s += `  '${t.tag}': {\n`;
    for (const e of t.events) s += `    '${e}': CustomEvent<${EVENT_DETAILS[e]}>;\n`;
    s += '  };\n';
  }
  s += '}\n';
  outputs.set('packages/elements/src/jsx/tags.ts', s);
}

// --- packages/react/src/<tag>.ts + index.ts ----------------------------------------------------
{
  const reactFiles = [];
  for (const t of tags) {
    const details = [...new Set(t.events.map((e) => EVENT_DETAILS[e]))].sort();
    let s = HEADER;
    s += "import * as React from 'react';\n";
    s += `import { createComponent${t.events.length ? ', type EventName' : ''} } from '@lit/react';\n`;
    if (details.length) s += `import type { ${details.join(', ')} } from '@acct/elements';\n`;
    s += `import { ${t.className} as ${t.className}Element } from '${t.entry}';\n\n`;
    s += `/**\n * \`<${t.tag}>\` as a React component${t.summary ? `: ${t.summary.replace(/\.$/, '')}` : ''}.\n * Importing it registers the tag.\n */\n`;
    s += `export const ${t.className} = createComponent({\n  react: React,\n  tagName: '${t.tag}',\n  elementClass: ${t.className}Element,\n`;
    if (t.events.length) {
      s += '  events: {\n';
      for (const e of t.events) s += `    on${pascal(e)}: '${e}' as EventName<CustomEvent<${EVENT_DETAILS[e]}>>,\n`;
      s += '  },\n';
    }
    s += `  displayName: '${t.className}',\n});\n`;
    const file = `${t.tag}.ts`;
    reactFiles.push([file, t.className]);
    outputs.set(`packages/react/src/${file}`, s);
  }
  let index = HEADER + '// One module per element: a bundler keeps only the wrappers (and elements) an app uses.\n';
  for (const [file, name] of reactFiles) index += `export { ${name} } from './${file.replace(/\.ts$/, '.js')}';\n`;
  index += "export type { AcctSavedDetail, AcctErrorDetail, AcctTicketCreatedDetail, AcctDirtyChangeDetail, AcctLocaleChangeDetail, AcctThemeChangeDetail } from '@acct/elements';\n";
  outputs.set('packages/react/src/index.ts', index);
}

// Generated wrappers of tags that no longer exist must go too.
const stale = existsSync('packages/react/src')
  ? readdirSync('packages/react/src')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `packages/react/src/${f}`)
      .filter((p) => !outputs.has(p) && readFileSync(p, 'utf8').startsWith(HEADER))
  : [];

const differ = [...outputs].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text).map(([p]) => p);
if (check) {
  if (differ.length || stale.length) fail(`out of date: ${[...differ, ...stale].join(', ')}. Run \`npm run generate\` and commit the result.`);
  console.log(`gen-frameworks: ${outputs.size} generated files up to date (${tags.length} tags)`);
} else {
  for (const path of differ) writeFileSync(path, outputs.get(path));
  for (const path of stale) rmSync(path);
  console.log(`gen-frameworks: ${tags.length} tags, ${differ.length} files written, ${stale.length} removed`);
}

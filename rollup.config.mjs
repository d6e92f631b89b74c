// Builds every package's dist/ (ESM, one module per source file, dependencies external) and the
// one-file bundle dist/acct-widgets.js (+ lazy chunks for locales beside it). Declarations come
// from tsc (scripts/build-types.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { tsImport } from 'tsx/esm/api';
import MagicString from 'magic-string';

const pkg = (name) => JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));

function onwarn(warning, warn) {
  // zod's internal cycles and pure annotations in dependencies are harmless.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  if (warning.code === 'INVALID_ANNOTATION') return;
  warn(warning);
}

// tsc rather than esbuild: with importHelpers the decorator helpers come once from tslib instead of
// a copy in every element module. Types are checked by `npm run typecheck`, not here.
const ts = () =>
  typescript({
    tsconfig: 'tsconfig.json',
    include: ['packages/*/src/**/*.ts'],
    compilerOptions: { importHelpers: true, noCheck: true, declaration: false, sourceMap: true, noEmitOnError: false },
  });

/**
 * Core's schema modules are declarations: every top-level call builds a zod schema and nothing
 * else. Rollup cannot see that through zod's constructors, so an element importing one schema
 * of a module kept all of them (and the zod kinds they use): the email-change entry carried the
 * phone check, every list element all four list schemas. Marking those calls pure lets unused
 * schemas go. Calls inside functions (a `z.overwrite` callback) are left alone: they run later.
 */
const pureSchemas = {
  name: 'pure-schemas',
  transform(code, id) {
    if (!/\/packages\/core\/src\/schemas\/[^/]+\.ts$/.test(id)) return null;
    const s = new MagicString(code);
    const marked = new Set();
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (/Function/.test(node.type)) return;
      if ((node.type === 'CallExpression' || node.type === 'NewExpression') && !marked.has(node.start)) {
        marked.add(node.start);
        s.appendLeft(node.start, '/*#__PURE__*/ ');
      }
      for (const v of Object.values(node)) (Array.isArray(v) ? v : [v]).forEach((c) => c && typeof c === 'object' && visit(c));
    };
    for (const st of this.parse(code).body) {
      const decl = st.type === 'ExportNamedDeclaration' ? st.declaration : st;
      if (decl?.type === 'VariableDeclaration') for (const d of decl.declarations) visit(d.init);
    }
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
};

/** A package's own build: its source files one-to-one, every bare import external. */
function library(name, input) {
  return {
    input,
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    plugins: [ts()],
    output: { dir: `packages/${name}/dist`, format: 'esm', preserveModules: true, preserveModulesRoot: `packages/${name}/src`, sourcemap: true },
    onwarn,
  };
}

// Every entry a package exports (`@acct/core/phone` too, which index.ts does not import); types-only
// entries (`@acct/elements/jsx/*`) have no `default` and nothing to build.
const entries = (name) =>
  Object.values(pkg(name).exports)
    .filter((v) => v.default)
    .map((v) => `packages/${name}/${v.source.replace(/^\.\//, '')}`);

// Core's .ts files are free of side effects; rollup cannot know that from package.json for files
// it resolves through the "source" condition, so unused schemas would stay in the bundle. The same
// holds for @lit/localize, whose package does not say so: its own runtime (configureLocalization,
// which we replace with i18n/index.ts) would otherwise ship for one top-level `new Deferred()`.
const moduleSideEffects = (id, external) => external || !/\/packages\/(core|adapter-memory|adapter-rest)\/src\/|\/node_modules\/@lit\/localize\//.test(id);

// In the browser bundle, tslib's `__decorate` (class, method and parameter decorators, Reflect
// metadata) is replaced by what our property decorators need: ~0.1 KB gzip per entry. Any other
// tslib helper would fail the build here instead of shipping half a shim.
const tslibDecorate = {
  name: 'tslib-decorate',
  resolveId: (id) => (id === 'tslib' ? '\0tslib' : null),
  load: (id) => (id === '\0tslib' ? 'export function __decorate(d, t, k) { for (let i = d.length - 1; i >= 0; i--) d[i](t, k); }' : null),
};

// The theme stylesheet is the same text on every page: computed here from the token data instead of
// shipping the data and its generator (~0.2 KB gzip per entry).
const TOKENS = new URL('packages/elements/src/theme/tokens.ts', import.meta.url).pathname;
const precomputedTheme = {
  name: 'precomputed-theme',
  async load(id) {
    if (!id.endsWith('/packages/elements/src/theme/styles.ts')) return null;
    this.addWatchFile(TOKENS);
    const { themeCss } = await tsImport(TOKENS, import.meta.url);
    return `import { unsafeCSS } from 'lit'; export const themeStyles = unsafeCSS(${JSON.stringify(themeCss())});`;
  },
};

/**
 * The shared base's `@internal` members (`_sync`, `_idempotency`, ...: class members starting with
 * `_`, read across modules and chunks, so terser cannot shorten them) get two-character names in
 * the browser bundle, from one map for every chunk. Their long names cost ~40 B gzip per entry.
 * Tests run against the sources, where the names stay readable.
 */
const INTERNAL_MEMBER = /^\s+(?:readonly\s+)?(_[a-z]\w*)\s*[?!]?\s*[:(=;]/gm;
function internalMembers() {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(INTERNAL_MEMBER)) names.add(m[1]);
    }
  };
  walk('packages/elements/src/base');
  walk('packages/elements/src/ui');
  return [...names].sort();
}
const shortInternals = () => {
  const names = internalMembers();
  const short = new Map(names.map((n, i) => [n, `_${i.toString(36)}`]));
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
  return {
    name: 'short-internals',
    transform(code, id) {
      if (!names.length || !/\/packages\/elements\/src\/.*\.ts$/.test(id)) return null;
      const s = new MagicString(code);
      for (const m of code.matchAll(pattern)) s.overwrite(m.index, m.index + m[0].length, short.get(m[0]));
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
};

export default [
  library('core', entries('core')),
  library('adapter-memory', 'packages/adapter-memory/src/index.ts'),
  library('adapter-rest', 'packages/adapter-rest/src/index.ts'),
  library('elements', [...entries('elements'), 'packages/elements/src/bundle.ts']),
  library('react', entries('react')),
  {
    input: { 'acct-widgets': 'packages/elements/src/bundle.ts' },
    plugins: [
      tslibDecorate,
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'] }),
      commonjs({ include: /node_modules/ }),
      // Whitespace in html`` and css`` templates is most of what plain minifiers leave behind.
      precomputedTheme,
      minifyHtmlLiterals({ include: ['packages/**/*.ts'] }),
      ts(),
      shortInternals(),
      pureSchemas,
      terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 3, keep_fargs: false } }),
      // The message catalogue partners translate (addAcctLocale / overrideAcctMessages), beside the bundle.
      {
        name: 'messages-catalogue',
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: 'messages.en.json', source: readFileSync('packages/elements/messages.en.json', 'utf8') });
        },
      },
    ],
    treeshake: { moduleSideEffects },
    // Locale chunks import from the entry itself instead of forcing a shared chunk + facade.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].js',
      // Locale parts as chunks/<locale>-<part>-<hash>.js, so they are told apart from code chunks.
      chunkFileNames: (chunk) => {
        const part = /\/generated\/locales\/([\w-]+)\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '');
        if (part) return `chunks/${part[1]}-${part[2]}-[hash].js`;
        // An element's lazy code (api-keys/actions.ts) is named after its element: api-keys-actions.
        const own = /packages\/elements\/src\/([\w-]+)\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '');
        if (own && !['base', 'ui', 'i18n'].includes(own[1]) && own[2] !== `acct-${own[1]}`)
          return `chunks/${own[2].startsWith(`${own[1]}-`) ? own[2] : `${own[1]}-${own[2]}`}-[hash].js`;
        // A package's index.js would be named "index": name it after the package (uqr, adapter-rest).
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/|packages\/([^/]+)\/src\/index\.ts$/.exec(chunk.facadeModuleId ?? '');
        return chunk.name === 'index' && pkg ? `chunks/${(pkg[1] ?? pkg[2]).replace('/', '-')}-[hash].js` : 'chunks/[name]-[hash].js';
      },
      sourcemap: true,
    },
    onwarn,
  },
  // The demo billing page's backend for now: the memory adapter as one browser module.
  {
    input: { 'adapter-memory': 'packages/adapter-memory/src/index.ts' },
    plugins: [nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'] }), commonjs({ include: /node_modules/ }), ts(), terser({ ecma: 2022, module: true })],
    treeshake: { moduleSideEffects },
    output: { dir: 'dist/demo', format: 'esm', sourcemap: true },
    onwarn,
  },
];

// Splits lit-localize's one module per locale into one module per element ("part"), so a page
// that shows one element in Russian loads the shared strings and that element's, not all 570.
// Runs after `lit-localize build` (npm run localize). Writes, under src/i18n/generated/:
//   locales/<locale>/<part>.ts  the part's translated templates (copied from locales/<locale>.ts)
//   parts/<part>.ts             `{ <locale>: () => import(...) }` for every target locale
// and packages/elements/messages.en.json: every message id with its English text ({0}, {1} for
// placeholders): the catalogue partners translate to add a locale or override strings.
// A message used by shared code (base, ui, i18n, provider, theme) goes to the `common` part, which
// the i18n module registers itself; a message used by several elements goes to each of them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { generateMsgIdFromAstNode } from '@lit/localize-tools/lib/program-analysis.js';

const root = resolve(import.meta.dirname, '../packages/elements');
const src = `${root}/src`;
const config = JSON.parse(readFileSync(`${root}/lit-localize.json`, 'utf8'));
const COMMON = new Set(['base', 'ui', 'i18n', 'provider', 'theme']);
const out = `${src}/i18n/generated`;

/** Per file: the message ids its msg() calls use, and the files it imports (statically or lazily). */
const files = new Map();
const english = {};
function analyse(file) {
  if (files.has(file)) return files.get(file);
  const info = { ids: new Set(), imports: [] };
  files.set(file, info);
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : undefined;
    if (spec?.startsWith('.')) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (existsSync(target)) info.imports.push(target);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg' && node.arguments[0]) {
      const arg = node.arguments[0];
      const template = ts.isTaggedTemplateExpression(arg) ? arg.template : arg;
      if (ts.isStringLiteral(template) || ts.isNoSubstitutionTemplateLiteral(template) || ts.isTemplateExpression(template)) {
        const id = generateMsgIdFromAstNode(template, ts.isTaggedTemplateExpression(arg) && arg.tag.getText() === 'html');
        info.ids.add(id);
        english[id] = ts.isTemplateExpression(template)
          ? template.head.text + template.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join('')
          : template.text;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return info;
}

const folderOf = (file) => relative(src, file).split('/')[0];
const isCommon = (file) => COMMON.has(folderOf(file));
/** Another element's own module (its main file or define.ts) registers that element's part itself. */
const isOtherElement = (file, part) => folderOf(file) !== part && /\/(acct-[\w-]+|define)\.ts$/.test(file) && !isCommon(file);

const partsOf = new Map(); // id -> parts
const add = (id, part) => (partsOf.get(id) ?? partsOf.set(id, new Set()).get(id)).add(part);
function walk(file, part, seen) {
  if (seen.has(file) || isCommon(file) || isOtherElement(file, part)) return;
  seen.add(file);
  const info = analyse(file);
  for (const id of info.ids) add(id, part);
  for (const next of info.imports) walk(next, part, seen);
}
for (const folder of readdirSync(src)) {
  const entry = `${src}/${folder}/acct-${folder}.ts`;
  if (!COMMON.has(folder) && existsSync(entry)) walk(entry, folder, new Set());
}
// Shared code's messages form `common`, registered by the i18n module itself.
for (const folder of COMMON) {
  const dir = `${src}/${folder}`;
  for (const f of readdirSync(dir, { recursive: true })) {
    if (!String(f).endsWith('.ts') || String(f).startsWith('generated')) continue;
    for (const id of analyse(`${dir}/${f}`).ids) partsOf.set(id, new Set(['common']));
  }
}
const orphans = Object.keys(english).filter((id) => !partsOf.has(id));
if (orphans.length) throw new Error(`messages in no element's import graph: ${orphans.map((id) => english[id]).join(' | ')}`);
const parts = [...new Set([...partsOf.values()].flatMap((s) => [...s]))].sort();

rmSync(`${out}/parts`, { recursive: true, force: true });
mkdirSync(`${out}/parts`, { recursive: true });
for (const locale of config.targetLocales) {
  // lit-localize writes `'id': template,` entries (a template may span lines) after its header.
  const source = readFileSync(`${out}/locales/${locale}.ts`, 'utf8');
  const body = source.slice(source.indexOf('export const templates = {') + 26, source.lastIndexOf('}'));
  const lines = new Map();
  for (const entry of body.split(/\n(?=\s*'s[0-9a-f]+': )/)) {
    const match = /^\s*'(s[0-9a-f]+)': ([\s\S]*?),?\s*$/.exec(entry);
    if (match) lines.set(match[1], `  '${match[1]}': ${match[2]},`);
  }
  const missing = [...partsOf.keys()].filter((id) => !lines.has(id));
  if (missing.length) throw new Error(`${locale}: ${missing.length} messages missing from locales/${locale}.ts (${missing.slice(0, 3).join(', ')})`);
  rmSync(`${out}/locales/${locale}`, { recursive: true, force: true });
  mkdirSync(`${out}/locales/${locale}`, { recursive: true });
  for (const part of parts) {
    const body = [...partsOf].filter(([, s]) => s.has(part)).map(([id]) => lines.get(id));
    const usesStr = body.some((l) => /': str`/.test(l));
    writeFileSync(
      `${out}/locales/${locale}/${part}.ts`,
      `// Generated by scripts/split-locales.mjs: do not edit.\n${usesStr ? "import { str } from '@lit/localize';\n" : ''}export const templates = {\n${body.join('\n')}\n};\n`,
    );
  }
}
for (const part of parts) {
  const loaders = config.targetLocales.map((l) => `  ${JSON.stringify(l)}: () => import('../locales/${l}/${part}.js'),`).join('\n');
  writeFileSync(
    `${out}/parts/${part}.ts`,
    `// Generated by scripts/split-locales.mjs: do not edit.\nimport type { MessageLoaders } from '../../registry.js';\n\nconst loaders: MessageLoaders = {\n${loaders}\n};\nexport default loaders;\n`,
  );
}
writeFileSync(`${root}/messages.en.json`, JSON.stringify(Object.fromEntries(Object.entries(english).sort()), null, 2) + '\n');
console.log(`split ${partsOf.size} messages into ${parts.length} parts: ${parts.join(', ')}`);

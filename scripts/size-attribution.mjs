// What a built file is made of: bytes of the minified output attributed to their source module
// through the source map, grouped by package or element folder, with an estimated gzip share
// (each group's segments gzipped together). `node scripts/size-attribution.mjs [file] [--files]`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const byFile = process.argv.includes('--files');
let file, code, map;
if (arg && !arg.endsWith('.js')) {
  // An element entry (`profile`), bundled on its own as scripts/size.mjs does.
  const { rollup } = await import('rollup');
  const config = (await import('../rollup.config.mjs')).default.find((c) => c.output?.dir === 'dist');
  const build = await rollup({ ...config, input: `packages/elements/src/${arg}/define.ts`, onwarn: () => {} });
  const { output } = await build.generate({ format: 'esm', sourcemap: true });
  const main = output.find((o) => o.type === 'chunk' && o.isEntry);
  file = arg;
  code = main.code;
  map = main.map;
} else {
  file = arg ?? 'dist/acct-widgets.js';
  code = readFileSync(file, 'utf8');
  map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
}
const lines = code.split('\n');
const group = (src) => {
  if (!src) return '(unmapped)';
  if (byFile) return src.replace(/^(\.\.\/)+/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src);
  if (nm) return nm[1];
  const el = /packages\/elements\/src\/([^/]+)\//.exec(src);
  if (el) return `elements/${el[1]}`;
  const pkg = /packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(src);
  if (pkg) return `${pkg[1]}/${pkg[2] ?? '.'}`;
  return src;
};
const text = {};
await SourceMapConsumer.with(map, null, (c) => {
  const mappings = [];
  c.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i];
    const n = mappings[i + 1];
    const line = lines[m.generatedLine - 1];
    const end = n && n.generatedLine === m.generatedLine ? n.generatedColumn : line.length;
    const g = group(m.source);
    text[g] = (text[g] ?? '') + line.slice(m.generatedColumn, end);
  }
});
const rows = Object.entries(text).map(([g, t]) => ({ g, min: t.length, gz: gzipSync(t, { level: 9 }).length }));
rows.sort((a, b) => b.gz - a.gz);
const total = gzipSync(code, { level: 9 }).length;
const sumGz = rows.reduce((s, r) => s + r.gz, 0);
console.log(`${file}: ${code.length} B min, ${total} B gzip (groups gzipped apart sum to ${sumGz}; shares below are scaled)`);
for (const r of rows) console.log(`${r.g.padEnd(60)} ${String(r.min).padStart(8)} ${((r.gz * total) / sumGz / 1024).toFixed(2).padStart(7)} KB`);

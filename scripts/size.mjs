// Size report and budgets (gzip, en only; other locales are lazy chunks). Measures the built
// one-file bundle and its chunks, and bundles each element entry on its own (with lit and core)
// in memory, so an element's cost is what a page pays for it alone. Fails when a budget is
// exceeded. `--update` stores the numbers as the baseline that "since last" compares with.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';

const KB = 1024;
const BUDGETS = {
  // The one-file bundle with every element shipped so far (provider, profile, email, phone,
  // notifications, billing, panel, login history, API keys, users, privacy, security): measured
  // 56.9 KB before security, 65.8 KB with it, 67.6 KB with acct-settings, +0.4 KB for `api-base`
  // on acct-provider (its controller and the lazy-chunk glue; the REST adapter itself is a 3.7 KB
  // lazy chunk), + overview, account menu and referral (issue 11): about 4.5 KB. Issue 10's target
  // for all elements is 50 KB; this budget stops further growth until that work trims it (English
  // strings, the security and profile templates and zod's core are the bulk).
  // +1 KB (issue 10, speed): typing without a render (SettingsController.input, live()), cached Intl
  // formatters, light inputs built on first use, acct-security's memoised IP list view.
  bundle: 74 * KB,
  // The foundation (provider, base, controllers, themes, i18n) with panel settings: issue 2's budget.
  // +0.5 KB: SettingsController.input and the Intl formatter cache (issue 10, speed).
  foundation: 25.5 * KB,
  // Each element entry with lit, core and the shared base (issue 10 tightens this to 20 KB once the
  // base is trimmed; today lit, zod/mini and the settings controller with reauth are most of it).
  element: 26 * KB,
  // Each lazy locale chunk. One chunk per locale holds every element's strings; issue 10's 8 KB
  // needs per-element locale chunks. Measured: ru 8.6 KB with 11 elements.
  locale: 16 * KB,
  // libphonenumber-js with its mobile metadata (98 KB of the 163 KB minified) and AsYouType, loaded
  // by the phone element only. Issue 10's target is 35 KB: that needs a lighter as-you-type formatter.
  phone: 40 * KB,
};
/**
 * Entries allowed more than `element`, each with its reason. Profile: on its own it also pulls the
 * zod record / union / default schemas its policy needs (about 4 KB, shared with other elements
 * in the bundle), core's validators and policies (about 5 KB) and its ~120 strings.
 */
// security: four forms with their texts; its IP parser with ipaddr.js (5 KB), password blocklist
// (13 KB) and QR encoder (4 KB) are lazy chunks, not counted here.
// overview: three blocks in one entry, with its ticket form, the profile summary (core's profile
// schema with its zod record / union parts, about 4 KB shared in the bundle) and ~35 strings.
// profile +1 KB for issue 10's typing fast path and cached formatters.
const ELEMENT_BUDGETS = { profile: 37 * KB, security: 34 * KB, overview: 27 * KB };
const BASELINE = 'scripts/size-baseline.json';
const LOCALES = JSON.parse(readFileSync('packages/elements/lit-localize.json', 'utf8')).targetLocales;

function measure(code) {
  const buf = Buffer.from(code);
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = [];
const bundle = readFileSync('dist/acct-widgets.js', 'utf8');
rows.push({ name: 'dist/acct-widgets.js', budget: BUDGETS.bundle, ...measure(bundle) });
for (const file of readdirSync('dist/chunks').filter((f) => f.endsWith('.js'))) {
  // Locale chunks by the shipped locales, not by shape: `ip-*.js` (core's IP parser) is no locale.
  const locale = LOCALES.find((l) => file.startsWith(`${l}-`));
  const phone = /^phone-/.test(file);
  const name = `dist/chunks/${locale ? `${locale}-*.js` : file.replace(/-[\w-]{8}\.js$/, '-*.js')}`;
  const budget = locale ? BUDGETS.locale : phone ? BUDGETS.phone : undefined;
  rows.push({ name, budget, ...measure(readFileSync(`dist/chunks/${file}`, 'utf8')) });
}

// The bundle build's plugins, one element entry at a time, locales left out (they are lazy).
const bundleConfig = config.find((c) => c.output?.dir === 'dist');
const entries = Object.entries(JSON.parse(readFileSync('packages/elements/package.json', 'utf8')).exports)
  .filter(([, v]) => /\/define\.ts$/.test(v.source))
  .map(([k, v]) => [`@acct/elements/${k.replace('./', '')}`, `packages/elements/${v.source.replace('./', '')}`, BUDGETS.element]);
entries.push(['foundation + panel-settings', 'virtual:foundation', BUDGETS.foundation]);
const foundation = {
  name: 'foundation-entry',
  resolveId: (id) => (id === 'virtual:foundation' ? id : null),
  load: (id) =>
    id === 'virtual:foundation' ? "import './packages/elements/src/provider/define.ts'; import './packages/elements/src/panel-settings/define.ts';" : null,
};
for (const [name, input, budget] of entries) {
  const build = await rollup({ ...bundleConfig, input, plugins: [foundation, ...bundleConfig.plugins], onwarn: () => {} });
  const { output } = await build.generate({ format: 'esm', inlineDynamicImports: false });
  await build.close();
  const main = output.find((o) => o.type === 'chunk' && o.isEntry);
  rows.push({ name, budget: ELEMENT_BUDGETS[name.replace('@acct/elements/', '')] ?? budget, ...measure(main.code) });
}

const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
const fmt = (n) => `${(n / KB).toFixed(2)} KB`;
const delta = (r) => {
  const before = baseline[r.name]?.gzip;
  if (before === undefined) return 'new';
  const d = r.gzip - before;
  return d === 0 ? '=' : `${d > 0 ? '+' : ''}${d} B`;
};
console.log(['entry'.padEnd(34), 'min'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), 'budget'.padStart(10), 'since last'.padStart(11)].join(' '));
let failed = false;
for (const r of rows) {
  const over = r.budget !== undefined && r.gzip > r.budget;
  failed ||= over;
  console.log(
    [r.name.padEnd(34), fmt(r.min).padStart(10), fmt(r.gzip).padStart(10), fmt(r.brotli).padStart(10), (r.budget ? fmt(r.budget) : '-').padStart(10), delta(r).padStart(11), over ? '  OVER BUDGET' : ''].join(' '),
  );
}
if (process.argv.includes('--update')) {
  writeFileSync(BASELINE, JSON.stringify(Object.fromEntries(rows.map((r) => [r.name, { min: r.min, gzip: r.gzip }])), null, 2) + '\n');
  console.log(`baseline written to ${BASELINE}`);
}
if (failed) {
  console.error('Size budget exceeded (gzip). Make it smaller, or raise the budget deliberately in scripts/size.mjs with a reason.');
  process.exit(1);
}

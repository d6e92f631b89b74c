// Benchmark of the billing IP allow-list parser (issue: a pasted list of 10,000 lines must
// validate without freezing the page; target under 50 ms in Chromium). Bundles core's
// parseIpRules with esbuild (ipaddr.js is CommonJS), runs it in headless system Chromium on
// 10,000 mixed lines (IPv4, IPv6, CIDR, ranges, comments, bad lines) and prints the times.
// `npm run bench` runs it together with the element benchmarks (scripts/bench.mjs).
//   node scripts/bench-ip.mjs [--lines 10000] [--runs 30] [--strict]   (--strict: exit 1 over target)
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from './chrome-path.mjs';

export const IP_TARGET_MS = 50;

/** Times parseIpRules on `lines` lines in a new page of `browser`; sorted times in ms. */
export async function benchIp(browser, { lines = 10_000, runs = 30 } = {}) {
  const { outputFiles } = await build({
    stdin: { contents: "export { parseIpRules, ipRulesAllow } from './packages/core/src/validators/ip.ts';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'acctIp',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
  });
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: outputFiles[0].text });
    return await page.evaluate(
      ({ lines, runs }) => {
        const kinds = [
          (i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`,
          (i) => `2001:db8:${i.toString(16)}::/48`,
          (i) => `192.0.${(i >> 8) & 255}.${i & 255}`,
          (i) => `172.16.${i & 255}.1 - 172.16.${i & 255}.200   # range ${i}`,
          (i) => `2001:db8:ffff::${i.toString(16)}`,
          (i) => (i % 2 ? `010.0.${i & 255}.1` : `not an address ${i}`),
          () => '# comment',
        ];
        const text = Array.from({ length: lines }, (_, i) => kinds[i % kinds.length](i)).join('\n');
        const { parseIpRules } = globalThis.acctIp;
        for (let i = 0; i < 5; i++) parseIpRules(text); // warm-up: JIT
        const times = [];
        let last;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          last = parseIpRules(text);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return { times, rules: last.rules.length, errors: last.errors.length, bytes: text.length };
      },
      { lines, runs },
    );
  } finally {
    await page.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const LINES = arg('--lines', 10_000);
  const RUNS = arg('--runs', 30);
  const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  try {
    const result = await benchIp(browser, { lines: LINES, runs: RUNS });
    const { times } = result;
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
    console.log(`parseIpRules: ${LINES} lines (${(result.bytes / 1024).toFixed(0)} KB), ${result.rules} rules, ${result.errors} reported lines`);
    console.log(`Chromium ${browser.version()}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${times[0].toFixed(1)} ms over ${RUNS} runs (target < ${IP_TARGET_MS} ms)`);
    console.log(median < IP_TARGET_MS ? 'OK: under target' : 'SLOW: over target');
    if (median >= IP_TARGET_MS && process.argv.includes('--strict')) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

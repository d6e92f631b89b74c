// `npm run examples` (after `npm run build`): builds every app under examples/ against the workspace
// packages (type checks included: tsc for React, vue-tsc for Vue), then opens each built page in
// headless Chromium and checks, as a user would, that <acct-settings> shows its tabs inside the
// provider, that a save works, and that the host app heard the acct-saved event.
// `npm run examples -- --no-browser` only builds.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from './chrome-path.mjs';

const names = readdirSync('examples', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join('examples', d.name, 'package.json')))
  .map((d) => d.name)
  .sort();

for (const name of names) {
  console.log(`\n--- examples/${name}: build`);
  execFileSync('npm', ['run', 'build', '--workspace', `examples/${name}`], { stdio: 'inherit' });
}
if (process.argv.includes('--no-browser')) process.exit(0);

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** Serves one example's dist/ on 127.0.0.1 (random port). */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
let passed = 0;
let failed = 0;
try {
  for (const name of names) {
    const server = await serve(join('examples', name, 'dist'));
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      const settings = page.locator('acct-provider acct-settings');
      // The tabs come from the adapter's sub-APIs: their presence proves the adapter reached the element.
      await settings.getByRole('tab', { name: 'Profile' }).waitFor({ timeout: 15_000 });
      await settings.locator('acct-profile [data-field="username"]').first().waitFor({ timeout: 15_000 });
      await settings.getByRole('tab', { name: 'Panel settings' }).click();
      const panel = settings.locator('acct-panel-settings');
      await panel.getByRole('radio', { name: 'Dark' }).check();
      await panel.getByRole('button', { name: 'Save' }).click();
      // Each example writes `Saved: <section>` from its acct-saved handler (React: the wrapper's onAcctSaved).
      await page.getByRole('status').filter({ hasText: 'Saved: panel' }).waitFor({ timeout: 15_000 });
      if (problems.length) throw new Error(problems.join('\n'));
      console.log(`ok - examples/${name}: acct-settings renders its tabs, saves, and the app hears acct-saved`);
      passed++;
    } catch (e) {
      console.error(`not ok - examples/${name}: ${e.message}`);
      failed++;
    } finally {
      await page.close();
      server.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

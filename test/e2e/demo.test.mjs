// End to end: the built one-file bundle in the demo billing page, served under a strict CSP,
// driven in Chromium by playwright-core as a person would (keyboard and mouse).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome-path.mjs';
import { startDemoServer } from '../../demo/serve.mjs';

describe('demo billing page (built bundle)', () => {
  let server;
  let url;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    ({ server, url } = await startDemoServer({ port: 0 }));
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    await page.locator('acct-panel-settings select[name=language]').waitFor();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('loads only the one script, with no errors and no CSP violation', async () => {
    const tags = await page.evaluate(() => ['acct-provider', 'acct-panel-settings'].map((t) => !!customElements.get(t)));
    assert.deepEqual(tags, [true, true]);
    assert.deepEqual(problems, []);
  });

  it('switches theme at once, saves it, and the host page follows', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await page.locator('acct-provider').getAttribute('theme'), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await page.evaluate(() => window.acctDemoAdapter.control.snapshot().panel.theme);
    assert.equal(stored, 'dark');
    assert.deepEqual(problems, []);
  });

  it('switches to Russian live with the keyboard, and the Russian chunk loads lazily', async () => {
    const chunk = page.waitForResponse((r) => /\/dist\/chunks\/ru-.*\.js$/.test(r.url()));
    await page.locator('acct-panel-settings select[name=language]').focus();
    await page.keyboard.press('ArrowDown');
    await chunk;
    await page.getByRole('group', { name: 'Тема' }).waitFor();
    assert.equal(await page.locator('acct-provider').getAttribute('lang'), 'ru');
    // Tab forward (within a bound) until Save has focus: it must be reachable by keyboard.
    const focusedText = () => page.evaluate(() => document.querySelector('acct-panel-settings').shadowRoot.activeElement?.textContent?.trim());
    for (let i = 0; i < 8 && (await focusedText()) !== 'Сохранить'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedText(), 'Сохранить');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Сохранено.' }).waitFor();
    assert.equal(await page.evaluate(() => window.acctDemoAdapter.control.snapshot().panel.language), 'ru');
    assert.deepEqual(problems, []);
  });
});

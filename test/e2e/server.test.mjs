// End to end on the real stack: the built bundle in the demo billing page, served by the reference
// server over a SQLite file, the widgets talking to it through <acct-provider api-base="/api">.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '@acct/server';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome-path.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PASSWORD = 'correct horse battery staple';

describe('demo billing page on the reference server (built bundle, SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acct-e2e-'));
  const dbFile = join(dir, 'acct.sqlite');
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    server = await startServer({ port: 0, dbFile, staticRoot: ROOT });
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a visitor without a session to the sign-in page, then into the settings', async () => {
    await page.goto(server.url);
    assert.match(page.url(), /\/login$/);
    await page.selectOption('#username', 'jdevries');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(server.url);
    await page.locator('acct-panel-settings select[name=language]').waitFor();
    assert.deepEqual(problems, []);
  });

  it('saves panel, notification and billing settings; reloading the page shows them from the database', async () => {
    const panel = page.locator('acct-panel-settings');
    await panel.getByRole('radio', { name: 'Dark' }).check();
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const notifications = page.locator('acct-notifications');
    await notifications.locator('input[name="lowBalance.threshold"]').fill('1,234.50');
    await notifications.getByRole('button', { name: 'Save' }).click();
    await notifications.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const billing = page.locator('acct-billing-settings');
    await billing.locator('select[name=currency] option >> nth=1').waitFor({ state: 'attached' });
    const autoRenew = await billing.locator('input[name=autoRenew]').isChecked();
    await billing.getByRole('checkbox', { name: 'Renew services automatically' }).setChecked(!autoRenew);
    await billing.getByRole('combobox', { name: 'Site currency' }).selectOption('USD');
    await billing.getByRole('button', { name: 'Save' }).click();
    await billing.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await page.reload();
    await page.locator('acct-notifications input[name="lowBalance.threshold"]').waitFor();
    await page.locator('acct-billing-settings select[name=currency] option >> nth=1').waitFor({ state: 'attached' });
    assert.equal(await page.locator('acct-panel-settings').getByRole('radio', { name: 'Dark' }).isChecked(), true);
    assert.equal(await page.locator('acct-notifications input[name="lowBalance.threshold"]').inputValue(), '1,234.50');
    assert.equal(await page.locator('acct-billing-settings select[name=currency]').inputValue(), 'USD');
    assert.equal(await page.locator('acct-billing-settings input[name=autoRenew]').isChecked(), !autoRenew);

    // The interface language too: switched live, saved, still chosen after a reload.
    const language = page.locator('acct-panel-settings select[name=language]');
    await language.selectOption('ru');
    await page.locator('acct-panel-settings').getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('acct-panel-settings').getByRole('status').filter({ hasText: 'Сохранено.' }).waitFor();
    await page.reload();
    await page.locator('acct-panel-settings select[name=language]').waitFor();
    await page.waitForFunction(() => document.querySelector('acct-panel-settings')?.shadowRoot?.querySelector('select[name=language]')?.value === 'ru');
    assert.deepEqual(problems, []);
  });

  it('refuses by itself what the UI forbids: a read-only profile field sent directly', async () => {
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/profile', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ discount: 90 }) });
      return { status: res.status, body: await res.json() };
    });
    assert.equal(answer.status, 422);
    assert.equal(answer.body.code, 'validation');
    assert.equal(answer.body.fieldErrors.discount, 'read_only');
  });

  it('answers a stale If-Match with 412 and the current data', async () => {
    const answer = await page.evaluate(async () => {
      const read = await (await fetch('/api/panel')).json();
      const write = (theme) =>
        fetch('/api/panel', { method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': `"${read.version}"` }, body: JSON.stringify({ theme }) });
      const first = await write('auto');
      const second = await write('light');
      return { first: first.status, second: second.status, body: await second.json() };
    });
    assert.equal(answer.first, 200);
    assert.equal(answer.second, 412);
    assert.equal(answer.body.code, 'conflict');
    assert.equal(answer.body.current.data.theme, 'auto');
  });

  it('keeps everything across a server restart on the same file', async () => {
    await server.close();
    server = await startServer({ port: 0, dbFile, staticRoot: ROOT });
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(server.url);
    await fresh.selectOption('#username', 'jdevries');
    await fresh.fill('#password', PASSWORD);
    await fresh.click('button[type=submit]');
    await fresh.locator('acct-notifications input[name="lowBalance.threshold"]').waitFor();
    assert.equal(await fresh.locator('acct-notifications input[name="lowBalance.threshold"]').inputValue(), '1,234.50');
    assert.equal(await fresh.evaluate(async () => (await (await fetch('/api/panel')).json()).data.theme), 'auto');
    await context.close();
  });
});

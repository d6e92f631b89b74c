// End to end on the reference server: flows that need the server's own machinery (the development
// outbox for a real SMS code, API keys hashed in SQLite).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '@acct/server';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome-path.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

describe('reference server flows (built bundle)', () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    server = await startServer({ port: 0, staticRoot: ROOT });
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.selectOption('#username', 'mivanova');
    await page.fill('#password', 'correct horse battery staple');
    await page.click('button[type=submit]');
    await page.waitForURL(server.url);
    // mivanova's panel language is Russian; these steps read English labels.
    await page.locator('acct-panel-settings select[name=language]').selectOption('en');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('verifies a phone with the code read from the development outbox', async () => {
    const phone = page.locator('acct-phone-verification');
    await phone.locator('select[name=country] option[value=RU]').waitFor({ state: 'attached' });
    await phone.locator('select[name=country]').selectOption('RU');
    await phone.getByRole('textbox', { name: 'Mobile phone' }).fill('');
    await phone.getByRole('textbox', { name: 'Mobile phone' }).pressSequentially('89031234567');
    await phone.getByRole('button', { name: 'Send code' }).click();
    const code = page.locator('acct-phone-verification > input[name=code]');
    await code.waitFor();
    const outbox = await page.evaluate(async () => (await fetch('/api/dev/outbox')).json());
    const sent = /(\d{6})/.exec(outbox[0].text)?.[1];
    assert.ok(sent, 'the SMS is in the outbox');
    await code.fill(sent);
    await phone.getByRole('button', { name: 'Confirm' }).click();
    await phone.getByText('The number +79031234567 is verified.').waitFor();
    const profile = await page.evaluate(async () => (await (await fetch('/api/profile')).json()).data);
    assert.equal(profile.phone, '+79031234567');
    assert.equal(profile.phoneVerified, true);
    assert.deepEqual(problems, []);
  });

  it('creates an API key (secret shown once, stored as a hash) and revokes it', async () => {
    const keys = page.locator('acct-api-keys');
    await keys.locator('input[name=name]').fill('Nightly backup');
    await keys.locator('form.create button[type=submit]').click();
    const secretField = keys.locator('#secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    const stored = server.app.store.all('SELECT prefix, secret_hash FROM api_keys WHERE name = ?', ['Nightly backup']);
    assert.equal(stored.length, 1);
    assert.ok(secret.startsWith(`${stored[0].prefix}.`));
    assert.notEqual(stored[0].secret_hash, secret);
    const listed = await page.evaluate(async () => (await fetch('/api/api-keys')).text());
    assert.ok(!listed.includes(secret));
    assert.deepEqual(problems, []);
  });
});

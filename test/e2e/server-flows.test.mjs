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
    await keys.getByRole('button', { name: 'Done' }).click();
    await keys.getByRole('button', { name: 'Revoke key Nightly backup' }).click();
    await keys.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
    await keys.getByRole('button', { name: 'Revoke key Nightly backup' }).waitFor({ state: 'detached' });
    assert.equal(server.app.store.all('SELECT id FROM api_keys WHERE name = ?', ['Nightly backup']).length, 0);
    assert.deepEqual(problems, []);
  });

  it('adds an IP rule only with the current address (lockout guard), and the server keeps it', async () => {
    const security = page.locator('acct-security');
    const rules = security.locator('textarea[name=ipRules]');
    await rules.fill('203.0.113.0/24');
    await security.getByRole('button', { name: 'Add my current IP' }).click();
    assert.match(await rules.inputValue(), /^203\.0\.113\.0\/24\n127\.0\.0\.1$/);
    await security.locator('form').first().getByRole('button', { name: 'Save' }).click();
    await security.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await page.evaluate(async () => (await (await fetch('/api/security')).json()).data.ipRules);
    assert.deepEqual(stored, ['203.0.113.0/24', '127.0.0.1']);
    // The API itself refuses a list that would lock this client out.
    const refused = await page.evaluate(async () => {
      const current = await fetch('/api/security');
      const r = await fetch('/api/security', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag') ?? '' },
        body: JSON.stringify({ ipRules: ['203.0.113.0/24'] }),
      });
      return r.status;
    });
    assert.ok(refused >= 400 && refused < 500, `lockout refused with ${refused}`);
    assert.deepEqual(problems, []);
  });

  it('after a phone verification elsewhere on the page, edits the profile and sees its confirmation ticket', async () => {
    const profile = page.locator('acct-profile');
    await profile.getByRole('button', { name: 'Change', exact: true }).click();
    await profile.locator('input[name=birthPlace]').fill('Санкт-Петербург');
    await profile.getByRole('button', { name: 'Save' }).click();
    const text = () => page.evaluate(() => document.querySelector('acct-profile').shadowRoot.textContent);
    await page.waitForFunction(() => /Ticket T-\d+ was created to confirm the change\./.test(document.querySelector('acct-profile').shadowRoot.textContent));
    const id = /Ticket (T-\d+) was created/.exec(await text())[1];
    const stored = await page.evaluate(async () => (await (await fetch('/api/profile')).json()).data.birthPlace);
    assert.equal(stored, 'Санкт-Петербург');
    assert.equal(server.app.store.all('SELECT id FROM tickets WHERE id = ?', [id]).length, 1);
    assert.deepEqual(problems, []);
  });

  it('changes the password with the light-DOM inputs and can sign in with the new one', async () => {
    const security = page.locator('acct-security');
    await security.getByRole('button', { name: 'Change password' }).click();
    await page.locator('acct-security > input[name=current]').fill('correct horse battery staple');
    await page.locator('acct-security > input[name=next]').fill('a much longer passphrase 2026');
    await page.locator('acct-security > input[name=confirm]').fill('a much longer passphrase 2026');
    await security.getByRole('button', { name: 'Save new password' }).click();
    await security.getByText('Your password was changed.', { exact: false }).first().waitFor();
    assert.equal(await page.locator('acct-security > input[type=password]').count(), 0, 'password inputs removed after success');
    const signIn = (password) =>
      page.evaluate(
        async (body) => (await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status,
        JSON.stringify({ username: 'mivanova', password }),
      );
    assert.ok((await signIn('correct horse battery staple')) >= 400, 'the old password no longer works');
    const status = await signIn('a much longer passphrase 2026');
    assert.ok(status >= 200 && status < 300, `the new password signs in (${status})`);
    assert.deepEqual(problems, []);
  });
});

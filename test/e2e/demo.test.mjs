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
    const panel = page.locator('acct-panel-settings');
    await panel.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await page.locator('acct-provider').getAttribute('theme'), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await page.evaluate(() => window.acctDemoAdapter.control.snapshot().panel.theme);
    assert.equal(stored, 'dark');
    assert.deepEqual(problems, []);
  });

  it('switches to Russian live with the keyboard, and the Russian chunk loads lazily', async () => {
    const chunk = page.waitForResponse((r) => /\/dist\/chunks\/ru-.*\.js$/.test(r.url()));
    await page.locator('acct-panel-settings select[name=language]').focus();
    await page.keyboard.press('ArrowDown');
    await chunk;
    await page.locator('acct-panel-settings').getByRole('group', { name: 'Тема' }).waitFor();
    assert.equal(await page.locator('acct-provider').getAttribute('lang'), 'ru');
    // Tab forward (within a bound) until Save has focus: it must be reachable by keyboard.
    const focusedText = () => page.evaluate(() => document.querySelector('acct-panel-settings').shadowRoot.activeElement?.textContent?.trim());
    for (let i = 0; i < 8 && (await focusedText()) !== 'Сохранить'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedText(), 'Сохранить');
    await page.keyboard.press('Enter');
    await page.locator('acct-panel-settings').getByRole('status').filter({ hasText: 'Сохранено.' }).waitFor();
    assert.equal(await page.evaluate(() => window.acctDemoAdapter.control.snapshot().panel.language), 'ru');
    assert.deepEqual(problems, []);
  });
});

describe('demo billing page: notifications and billing preferences (built bundle)', () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    let url;
    ({ server, url } = await startDemoServer({ port: 0 }));
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(url);
    await page.selectOption('#account', 'billing-company');
    await page.locator('acct-notifications input[name="lowBalance.threshold"]').waitFor();
    await page.locator('acct-notifications').getByText('Threshold, USD').waitFor();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  const threshold = () => page.locator('acct-notifications input[name="lowBalance.threshold"]');
  const stored = () => page.evaluate(() => window.acctDemoAdapter.control.snapshot());
  async function reloadWidgets() {
    await page.click('#reload');
    await threshold().waitFor();
    await page.locator('acct-billing-settings select[name=currency] option >> nth=1').waitFor({ state: 'attached' });
  }

  it('saves 1,500.50 in English, a separate invoices address, renewal and currency; a reload shows them', async () => {
    await threshold().fill('1,500.50');
    await page.locator('acct-notifications input[name="emails.invoices"]').fill('invoices@example.org');
    await page.locator('acct-notifications').getByRole('button', { name: 'Save' }).click();
    await page.locator('acct-notifications').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const billing = page.locator('acct-billing-settings');
    await billing.getByRole('checkbox', { name: 'Renew services automatically' }).uncheck();
    await billing.getByRole('combobox', { name: 'Site currency' }).selectOption('EUR');
    await billing.getByRole('button', { name: 'Save' }).click();
    await billing.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const s = await stored();
    assert.equal(s.notifications.lowBalance.threshold, 1500.5);
    assert.equal(s.notifications.emails.invoices, 'invoices@example.org');
    assert.deepEqual([s.billing.autoRenew, s.billing.currency], [false, 'EUR']);

    await reloadWidgets();
    assert.equal(await threshold().inputValue(), '1,500.50');
    assert.equal(await page.locator('acct-notifications input[name="emails.invoices"]').inputValue(), 'invoices@example.org');
    assert.equal(await page.locator('acct-billing-settings select[name=currency]').inputValue(), 'EUR');
    assert.equal(await page.locator('acct-billing-settings input[name=autoRenew]').isChecked(), false);
    await page.locator('acct-notifications').getByText('Threshold, EUR').waitFor();
    assert.deepEqual(problems, []);
  });

  it('takes 2 750,25 in Russian and shows it back the Russian way', async () => {
    await page.locator('acct-panel-settings select[name=language]').selectOption('ru');
    await page.locator('acct-notifications').getByText('Порог, EUR').waitFor();
    await threshold().fill('2 750,25');
    await page.locator('acct-notifications').getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('acct-notifications').getByRole('status').filter({ hasText: 'Сохранено.' }).waitFor();
    assert.equal((await stored()).notifications.lowBalance.threshold, 2750.25);
    await reloadWidgets();
    assert.equal((await threshold().inputValue()).replace(/\s/g, ' '), '2 750,25');
    assert.deepEqual(problems, []);
  });
});

describe('contacts on the demo page (built bundle)', () => {
  let server;
  let url;
  let browser;

  before(async () => {
    ({ server, url } = await startDemoServer({ port: 0 }));
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('a page without a phone element never downloads the phone library', async () => {
    const page = await browser.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(new URL('/demo/minimal.html', url).href);
    await page.locator('acct-panel-settings select[name=language]').waitFor();
    assert.ok(requested.includes('/dist/acct-widgets.js'));
    assert.deepEqual(requested.filter((p) => /phone/.test(p)), []);
    // An English page needs neither a translation nor lit-localize's lookup of one.
    assert.deepEqual(requested.filter((p) => /\/chunks\/(ru-|runtime-msg-)/.test(p)), []);
    await page.close();
  });

  it('in Russian, the one-file bundle fetches the shared strings and those of the elements shown only', async () => {
    const page = await browser.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(new URL('/demo/minimal.html', url).href);
    await page.locator('acct-panel-settings select[name=language]').selectOption('ru');
    await page.getByText('Язык интерфейса').waitFor();
    const parts = requested.filter((p) => /\/chunks\/ru-/.test(p)).map((p) => p.replace(/^.*\/ru-(.+)-[\w-]{8}\.js$/, '$1')).sort();
    assert.deepEqual(parts, ['common', 'panel-settings']);
    assert.equal(requested.filter((p) => /\/chunks\/runtime-msg-[\w-]{8}\.js$/.test(p)).length, 1, 'the translation lookup, once');
    await page.close();
  });

  it('changes the email (pending until confirmed) and verifies a Russian mobile by SMS, in Russian', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.selectOption('#latency', '0');
    await page.locator('acct-panel-settings select[name=language]').selectOption('ru');
    const email = page.locator('acct-email-change');
    await email.getByRole('textbox', { name: 'Новый адрес' }).fill('novyi@example.ru');
    await email.getByRole('button', { name: 'Изменить адрес' }).click();
    await email.getByText('Ожидает подтверждения: novyi@example.ru.').waitFor();

    const phone = page.locator('acct-phone-verification');
    await phone.locator('select[name=country] option[value=RU]').waitFor({ state: 'attached' });
    await phone.locator('select[name=country]').selectOption('RU');
    await phone.getByRole('textbox', { name: 'Мобильный телефон' }).pressSequentially('89161234567');
    assert.match(await phone.locator('input[name=phone]').inputValue(), /^8 \(?916\)? 123-45-67$/);
    await phone.getByRole('button', { name: 'Отправить код' }).click();
    const code = page.locator('acct-phone-verification > input[name=code]');
    await code.waitFor();
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    await code.fill('123456');
    await phone.getByRole('button', { name: 'Подтвердить' }).click();
    await phone.getByText('Номер +79161234567 подтверждён.').waitFor();
    assert.equal(await page.evaluate(() => window.acctDemoAdapter.control.snapshot().profile.phone), '+79161234567');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

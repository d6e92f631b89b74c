import '@acct/elements/provider';
import '@acct/elements/billing-settings';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import type { AcctBillingSettings } from '@acct/elements';
import { SettingsController } from '../../packages/elements/src/base/settings-controller.js';
import { FORM, runSettingsContract } from './settings-contract.js';
import { expect, fixture, html, liveText, q, shadow, until } from './helpers.js';

const input = (el: Element, name: string) => q<HTMLInputElement>(el, `[name="${name}"]`);

async function mount(adapter: MemoryAdapter, locale = 'en'): Promise<AcctBillingSettings> {
  const provider = await fixture(html`<acct-provider locale=${locale} .adapter=${adapter}><acct-billing-settings></acct-billing-settings></acct-provider>`);
  const el = provider.querySelector('acct-billing-settings')!;
  await until(() => (el.shadowRoot?.querySelectorAll('select[name=currency] option').length ?? 0) > 1, 'currencies');
  return el;
}

runSettingsContract({
  tag: 'acct-billing-settings',
  domain: 'billing',
  render: (adapter) => html`<acct-provider .adapter=${adapter}><acct-billing-settings></acct-billing-settings></acct-provider>`,
  edit: async (el) => {
    input(el, 'paymentWithoutAuth').click();
    await (el as AcctBillingSettings).updateComplete;
  },
  expectEdited: (el) => expect(input(el, 'paymentWithoutAuth').checked).to.equal(true),
  expectStored: (adapter) => expect(adapter.control.snapshot().billing.paymentWithoutAuth).to.equal(true),
  field: 'currency',
});

describe('acct-billing-settings', () => {
  afterEach(() => setAcctLocale('en'));

  it('explains each renewal state and switches currency and renewal', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-individual' });
    const el = await mount(adapter);
    expect(shadow(el).textContent).to.contain('renewed automatically when the balance is sufficient');
    input(el, 'autoRenew').click();
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('must be renewed manually');
    const select = q<HTMLSelectElement>(el, 'select[name=currency]');
    const labels = [...select.options].map((o) => o.textContent?.trim());
    expect(labels).to.include('USD — US Dollar');
    select.value = 'USD';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    q<HTMLButtonElement>(el, `${FORM} button[type=submit]`).click();
    await until(() => liveText(el) === 'Saved.', 'saved');
    const stored = adapter.control.snapshot().billing;
    expect(stored.currency).to.equal('USD');
    expect(stored.autoRenew).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keeps the saved currency the list no longer offers, marked current, and saves the other preferences', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-individual', data: { currencies: ['USD', 'RUB'] } });
    expect(adapter.control.snapshot().billing.currency).to.equal('EUR');
    const el = await mount(adapter);
    const select = q<HTMLSelectElement>(el, 'select[name=currency]');
    expect(select.value).to.equal('EUR');
    expect(select.selectedOptions[0]!.textContent?.trim()).to.equal('EUR — Euro (current)');
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal(['USD — US Dollar', 'RUB — Russian Ruble', 'EUR — Euro (current)']);
    input(el, 'paymentWithoutAuth').click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, `${FORM} button[type=submit]`).click();
    await until(() => liveText(el) === 'Saved.', 'saved');
    expect(adapter.control.snapshot().billing).to.include({ currency: 'EUR', paymentWithoutAuth: true });
    expect(select.getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('says "current" in Russian', async () => {
    const el = await mount(createMemoryAdapter({ account: 'billing-individual', data: { currencies: ['USD'] } }), 'ru');
    const selected = () => q<HTMLSelectElement>(el, 'select[name=currency]').selectedOptions[0]?.textContent?.trim();
    await until(() => selected() === 'EUR — евро (текущая)', 'Russian "current"');
  });

  it('lists only the edited field in a conflict, mine against theirs, and keeping mine keeps the other change', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-individual' });
    const el = await mount(adapter);
    input(el, 'paymentWithoutAuth').click();
    await el.updateComplete;
    // Another tab turns renewal off meanwhile.
    adapter.control.externalUpdate('billing', { autoRenew: false });
    q<HTMLButtonElement>(el, `${FORM} button[type=submit]`).click();
    await until(() => shadow(el).querySelector('table tbody tr'), 'conflict table');
    const rows = [...shadow(el).querySelectorAll('table tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()));
    expect(rows).to.deep.equal([['Allow payment without signing in', 'On', 'Off']]);
    [...shadow(el).querySelectorAll('button')].find((b) => /keep my/i.test(b.textContent ?? ''))!.click();
    await until(() => liveText(el) === 'Saved.', 'saved');
    expect(adapter.control.snapshot().billing).to.include({ autoRenew: false, paymentWithoutAuth: true });
    expect(input(el, 'autoRenew').checked, 'the other change shown').to.equal(false);
    expect(input(el, 'paymentWithoutAuth').checked, 'the edit kept').to.equal(true);
  });

  it('names currencies in Russian', async () => {
    const el = await mount(createMemoryAdapter({ account: 'company-resident' }), 'ru');
    const labels = () => [...q<HTMLSelectElement>(el, 'select[name=currency]').options].map((o) => o.textContent?.trim());
    await until(() => labels().includes('RUB — российский рубль'), 'Russian currency names');
    expect(shadow(el).textContent).to.contain('Валюта сайта');
  });

  it('still works when the currency list fails, and retries it', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-individual' });
    adapter.control.failNext('unavailable', { method: 'billing.currencies' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-billing-settings></acct-billing-settings></acct-provider>`);
    const el = provider.querySelector('acct-billing-settings')!;
    await until(() => /could not be loaded/.test(shadow(el).textContent ?? ''), 'currency warning');
    expect(q<HTMLSelectElement>(el, 'select[name=currency]').options.length).to.equal(1);
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry')!.click();
    await until(() => q<HTMLSelectElement>(el, 'select[name=currency]').options.length > 1, 'currencies after retry');
  });

  it('fires acct-error for a failing or malformed currency list, once per failure', async () => {
    for (const [fail, code] of [
      [(a: MemoryAdapter) => a.control.failNext('network', { method: 'billing.currencies' }), 'network'],
      [(a: MemoryAdapter) => a.control.malformedNext({ method: 'billing.currencies' }), 'invalid_response'],
    ] as const) {
      const adapter = createMemoryAdapter({ account: 'billing-individual' });
      fail(adapter);
      const errors: unknown[] = [];
      const provider = await fixture(html`<acct-provider .adapter=${adapter} @acct-error=${(e: CustomEvent) => errors.push(e.detail)}><acct-billing-settings></acct-billing-settings></acct-provider>`);
      const el = provider.querySelector('acct-billing-settings')!;
      await until(() => /could not be loaded/.test(shadow(el).textContent ?? ''), 'currency warning');
      expect(errors).to.deep.equal([{ section: 'billing', code, operation: 'currencies' }]);
    }
  });
});

describe('settings conflict chunk (base/settings-conflict.ts, loaded when a save meets a conflict)', () => {
  it('shows the shared failure banner when the chunk cannot be fetched, keeps the edit, and Retry shows the comparison', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await until(() => shadow(el).querySelector(FORM), 'form');
    input(el, 'paymentWithoutAuth').click();
    await el.updateComplete;
    const original = SettingsController.conflictLoader;
    let attempts = 0;
    let fail: (() => void) | undefined;
    SettingsController.conflictLoader = () => {
      attempts++;
      if (attempts > 1) return original();
      return new Promise((_resolve, reject) => (fail = () => reject(new TypeError('Failed to fetch dynamically imported module'))));
    };
    try {
      adapter.control.conflictNext({ method: 'billing.update' });
      q<HTMLButtonElement>(el, `${FORM} button[type=submit]`).click();
      await until(() => attempts === 1, 'conflict chunk requested');
      expect(shadow(el).querySelector('table') === null, 'no comparison before the chunk').to.equal(true);
      fail!();
      await until(() => shadow(el).querySelector('[role=alert]')?.textContent?.includes('could not be loaded'), 'failure banner');
      expect(input(el, 'paymentWithoutAuth').checked, 'edit kept').to.equal(true);
      adapter.control.conflictNext({ method: 'billing.update' });
      const retry = [...shadow(el).querySelectorAll<HTMLButtonElement>('[role=alert] button')].find((b) => /retry/i.test(b.textContent ?? ''))!;
      retry.click();
      await until(() => shadow(el).querySelector('table tbody tr'), 'comparison after the chunk loaded');
      expect(attempts).to.equal(2);
      expect(shadow(el).textContent).to.not.contain('could not be loaded');
      [...shadow(el).querySelectorAll('button')].find((b) => /keep my/i.test(b.textContent ?? ''))!.click();
      await until(() => adapter.control.snapshot().billing.paymentWithoutAuth === true, 'mine saved');
    } finally {
      SettingsController.conflictLoader = original;
    }
  });
});

describe('settings save chunk (base/settings-save.ts, fetched at the first edit)', () => {
  it('shows the shared failure banner when the chunk cannot be fetched, keeps the edit, and Retry saves', async () => {
    const original = SettingsController.saveLoader;
    let failing = true;
    SettingsController.saveLoader = () => (failing ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original());
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter);
      await until(() => shadow(el).querySelector(FORM), 'form');
      input(el, 'paymentWithoutAuth').click();
      await el.updateComplete;
      q<HTMLButtonElement>(el, `${FORM} button[type=submit]`).click();
      await until(() => shadow(el).querySelector('[role=alert]')?.textContent?.includes('could not be loaded'), 'failure banner');
      expect(input(el, 'paymentWithoutAuth').checked, 'edit kept').to.equal(true);
      expect(adapter.control.snapshot().billing.paymentWithoutAuth, 'not saved').to.equal(false);
      failing = false;
      const retry = [...shadow(el).querySelectorAll<HTMLButtonElement>('[role=alert] button')].find((b) => /retry/i.test(b.textContent ?? ''))!;
      retry.click();
      await until(() => adapter.control.snapshot().billing.paymentWithoutAuth === true, 'saved after retry');
      await el.updateComplete;
      expect(shadow(el).textContent).to.not.contain('could not be loaded');
    } finally {
      SettingsController.saveLoader = original;
    }
  });
});

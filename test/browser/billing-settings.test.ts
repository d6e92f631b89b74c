import '@acct/elements/provider';
import '@acct/elements/billing-settings';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import type { AcctBillingSettings } from '@acct/elements';
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
});

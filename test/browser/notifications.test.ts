import '@acct/elements/provider';
import '@acct/elements/notifications';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import type { AcctNotifications } from '@acct/elements';
import { FORM, runSettingsContract } from './settings-contract.js';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';

function input(el: Element, name: string): HTMLInputElement {
  return q<HTMLInputElement>(el, `[name="${name}"]`);
}

async function type(el: Element, name: string, text: string, commit = true): Promise<void> {
  const i = input(el, name);
  i.value = text;
  i.dispatchEvent(new Event('input', { bubbles: true }));
  if (commit) i.dispatchEvent(new Event('change', { bubbles: true }));
  await (el as AcctNotifications).updateComplete;
}

async function mount(adapter: MemoryAdapter, locale = 'en'): Promise<AcctNotifications> {
  const provider = await fixture(html`<acct-provider locale=${locale} .adapter=${adapter}><acct-notifications></acct-notifications></acct-provider>`);
  const el = provider.querySelector('acct-notifications')!;
  await until(() => el.shadowRoot?.querySelector(FORM), 'form');
  // The account currency arrives from billing.get(); wait for the label that names it.
  const label = locale === 'ru' ? /Порог, [A-Z]{3}/ : /Threshold, [A-Z]{3}/;
  await until(() => label.test(shadow(el).textContent ?? ''), 'currency label in the locale');
  return el;
}

function save(el: Element): void {
  q<HTMLButtonElement>(el, `${FORM} button[type=submit]`).click();
}

runSettingsContract({
  tag: 'acct-notifications',
  domain: 'notifications',
  render: (adapter) => html`<acct-provider .adapter=${adapter}><acct-notifications></acct-notifications></acct-provider>`,
  edit: async (el) => {
    input(el, 'lowBalance.enabled').click();
    await (el as AcctNotifications).updateComplete;
  },
  expectEdited: (el) => expect(input(el, 'lowBalance.enabled').checked).to.equal(false),
  expectStored: (adapter) => expect(adapter.control.snapshot().notifications.lowBalance.enabled).to.equal(false),
  field: 'emails.support',
});

describe('acct-notifications', () => {
  afterEach(() => setAcctLocale('en'));

  it('takes 1,500.50 in en and stores exactly 1500.5, shown back the same way', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    const el = await mount(adapter);
    expect(shadow(el).textContent).to.contain('Threshold, USD');
    await type(el, 'lowBalance.threshold', '1,500.50');
    save(el);
    await until(() => liveText(el) === 'Saved.', 'saved');
    expect(adapter.control.snapshot().notifications.lowBalance.threshold).to.equal(1500.5);
    expect(input(el, 'lowBalance.threshold').value).to.equal('1,500.50');
  });

  it('takes 1 500,50 in ru and shows it with Russian separators', async () => {
    const adapter = createMemoryAdapter({ account: 'company-resident' });
    const el = await mount(adapter, 'ru');
    await type(el, 'lowBalance.threshold', '1 500,50');
    save(el);
    await until(() => liveText(el) === 'Сохранено.', 'saved in ru');
    expect(adapter.control.snapshot().notifications.lowBalance.threshold).to.equal(1500.5);
    expect(input(el, 'lowBalance.threshold').value.replace(/\s/g, ' ')).to.equal('1 500,50');
    await expect(el).to.be.accessible();
  });

  it('keeps bad amounts as typed, explains them at the field, and blocks the save', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    const el = await mount(adapter);
    const cases: [string, RegExp][] = [
      ['-5', /cannot be negative/i],
      ['12abc', /enter an amount/i],
      ['10.555', /too many digits after the decimal point/i],
    ];
    for (const [text, message] of cases) {
      await type(el, 'lowBalance.threshold', text);
      const field = input(el, 'lowBalance.threshold');
      expect(field.value).to.equal(text);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const error = shadow(el).getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!)!;
      expect(error.textContent).to.match(message);
    }
    save(el);
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('lowBalance.threshold');
    expect(adapter.control.calls.some((c) => c.method === 'notifications.update')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('rejects misplaced group separators in en and ru alike, with the locale example, and saves nothing', async () => {
    for (const [locale, account, texts, message] of [
      ['en', 'billing-company', ['1,50', '12,5', '1,5000', '1 500,50'], /check the separators between the digits: this language writes an amount like 1,500\.50/i],
      ['ru', 'company-resident', ['1.500,50', '1,500.50', '1 5'], /проверьте разделители между цифрами: .*1\s500,50/i],
    ] as const) {
      setAcctLocale(locale);
      const adapter = createMemoryAdapter({ account });
      const el = await mount(adapter, locale);
      for (const text of texts) {
        await type(el, 'lowBalance.threshold', text);
        const field = input(el, 'lowBalance.threshold');
        expect(field.value, text).to.equal(text);
        expect(field.getAttribute('aria-invalid'), text).to.equal('true');
        const error = shadow(el).getElementById(field.getAttribute('aria-describedby')!.split(' ').pop()!)!;
        expect(error.textContent, text).to.match(message);
      }
      save(el);
      await el.updateComplete;
      expect(adapter.control.calls.some((c) => c.method === 'notifications.update')).to.equal(false);
      await expect(el).to.be.accessible();
    }
  });

  it('does not drift: 0.1 + 0.2 typed as 0.30 stays 0.30', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    const el = await mount(adapter);
    await type(el, 'lowBalance.threshold', String(0.1 + 0.2).slice(0, 4));
    save(el);
    await until(() => liveText(el) === 'Saved.', 'saved');
    expect(adapter.control.snapshot().notifications.lowBalance.threshold).to.equal(0.3);
    expect(input(el, 'lowBalance.threshold').value).to.equal('0.30');
  });

  it('routes a category to its own address and says where each one goes', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    const account = String(adapter.control.snapshot().profile.email);
    const el = await mount(adapter);
    await until(() => (shadow(el).textContent ?? '').includes(account), 'account email in hints');
    await type(el, 'emails.invoices', 'nope@');
    save(el);
    await until(() => input(el, 'emails.invoices').getAttribute('aria-invalid') === 'true', 'invalid email');
    expect(shadow(el).textContent).to.match(/name@example\.com/);
    await type(el, 'emails.invoices', 'invoices@example.org');
    expect(shadow(el).textContent).to.contain('Sent to this address.');
    save(el);
    await until(() => liveText(el) === 'Saved.', 'saved');
    expect(adapter.control.snapshot().notifications.emails.invoices).to.equal('invoices@example.org');
  });

  it('works without the account currency and email when their lookups fail, and reports each failure', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    adapter.control.failNext('network', { method: 'billing.get' });
    adapter.control.failNext('unavailable', { method: 'contacts.emailStatus' });
    const events = recordEvents(document, ['acct-error']);
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-notifications></acct-notifications></acct-provider>`);
    const el = provider.querySelector('acct-notifications')!;
    await until(() => events.length === 2, 'both failures reported');
    const details = events.map((e) => e.detail as { section: string; code: string; operation: string });
    expect(details.sort((a, b) => a.operation.localeCompare(b.operation))).to.deep.equal([
      { section: 'notifications', code: 'network', operation: 'currency' },
      { section: 'notifications', code: 'unavailable', operation: 'email' },
    ]);
    // The form itself loaded and saves; the hints fall back to the general wording.
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    expect(shadow(el).textContent).to.contain('Empty: sent to the account email.');
    input(el, 'lowBalance.enabled').click();
    await (el as AcctNotifications).updateComplete;
    save(el);
    await until(() => liveText(el) === 'Saved.', 'saved');
  });

  it('follows a currency change saved by acct-billing-settings on the page', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    const el = await mount(adapter);
    adapter.control.externalUpdate('billing', { currency: 'EUR' });
    el.dispatchEvent(new CustomEvent('acct-saved', { bubbles: true, composed: true, detail: { section: 'billing' } }));
    await until(() => (shadow(el).textContent ?? '').includes('Threshold, EUR'), 'EUR label');
  });
});

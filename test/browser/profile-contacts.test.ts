import '@acct/elements/provider';
import '@acct/elements/profile';
import '@acct/elements/email-change';
import '@acct/elements/phone-verification';
import { createMemoryAdapter, DEMO_CREDENTIALS } from '@acct/adapter-memory';
import type { AcctProfile } from '@acct/elements';
import { expect, fixture, html, shadow, until } from './helpers.js';

const badge = (el: Element, field: string) => shadow(el).querySelector(`[data-field=${field}] .badge`)?.textContent?.trim();

function button(root: Element, label: RegExp): HTMLButtonElement {
  const b = [...shadow(root).querySelectorAll('button')].find((x) => label.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

describe('acct-profile with the real email and phone elements', () => {
  it('shows the phone verification status and updates it after verifying from the profile', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-individual' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-profile></acct-profile></acct-provider>`);
    const el = provider.querySelector('acct-profile') as AcctProfile;
    await until(() => badge(el, 'phone'), 'phone badge');
    expect(badge(el, 'phone')).to.equal('Not verified');
    await expect(el).to.be.accessible();

    button(el, /verify phone/i).click();
    await until(() => shadow(el).querySelector('acct-phone-verification')?.shadowRoot?.querySelector('input[name=phone]'), 'phone element');
    const phone = shadow(el).querySelector('acct-phone-verification')!;
    await until(() => (phone.shadowRoot!.querySelectorAll('select[name=country] option').length ?? 0) > 100, 'phone library');
    expect(phone.shadowRoot!.querySelector<HTMLInputElement>('input[name=phone]')!.value).to.equal('+31612345678');
    // The page's ::part() rules for the profile reach the phone element it holds.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('acct-profile::part(input) { word-spacing: 7px }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(getComputedStyle(phone.shadowRoot!.querySelector('input[name=phone]')!).wordSpacing).to.equal('7px');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    button(phone, /send code/i).click();
    await until(() => phone.querySelector('input[name=code]'), 'code input in the light DOM of the phone element');
    phone.querySelector<HTMLInputElement>('input[name=code]')!.value = DEMO_CREDENTIALS.smsCode;
    button(phone, /^\s*confirm\s*$/i).click();
    await until(() => badge(el, 'phone') === 'Verified', 'profile shows the verified phone');
    expect(adapter.control.snapshot().profile.phoneVerified).to.equal(true);
  });

  it('form: the account email is not a free input; Change email opens the confirmation flow, Save never sends email', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-individual' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`);
    const el = provider.querySelector('acct-profile') as AcctProfile;
    await until(() => shadow(el).querySelector('form [name=firstName]'), 'form');
    await until(() => badge(el, 'email'), 'email status');
    const field = shadow(el).querySelector('[data-field=email]')!;
    expect(field.querySelector('input') === null, 'no free input for the account email').to.equal(true);
    const current = adapter.control.snapshot().profile.email!;
    expect(field.textContent).to.contain(current);
    expect(badge(el, 'email')).to.equal('Confirmed');
    await expect(el).to.be.accessible();

    const first = shadow(el).querySelector<HTMLInputElement>('[name=firstName]')!;
    first.value = 'Johannes';
    first.dispatchEvent(new Event('input'));
    await el.updateComplete;
    button(el, /^\s*save\s*$/i).click();
    await until(() => adapter.control.calls.some((c) => c.method === 'profile.update'), 'saved');
    const update = adapter.control.calls.find((c) => c.method === 'profile.update')!;
    expect(Object.keys(update.args[0] as object)).to.deep.equal(['firstName']);

    button(el, /change email/i).click();
    const newEmail = () => shadow(el).querySelector('[data-field=email] acct-email-change')?.shadowRoot?.querySelector<HTMLInputElement>('input[name=email]');
    await until(newEmail, 'email flow');
    const change = newEmail()!;
    change.value = 'new.address@example.nl';
    change.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(shadow(el).querySelector('acct-email-change')!, /^\s*change email\s*$/i).click();
    await until(() => /Waiting for confirmation of new.address@example.nl/.test(badge(el, 'email') ?? ''), 'profile shows the pending change');
    expect(adapter.control.snapshot().profile.email, 'unchanged until confirmed').to.equal(current);
    expect(adapter.control.calls.filter((c) => c.method === 'profile.update').every((c) => !('email' in (c.args[0] as object)))).to.equal(true);
  });

  it('a changed phone number is unverified again', async () => {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    expect(adapter.control.snapshot().profile.phoneVerified).to.equal(true);
    const current = await adapter.profile.get();
    await adapter.profile.update({ phone: '+33611111111' }, { ifMatch: current.version });
    expect(adapter.control.snapshot().profile.phoneVerified).to.equal(false);
    const again = await adapter.profile.get();
    const refused = await adapter.profile.update({ phoneVerified: true }, { ifMatch: again.version }).catch((e: { code: string; fieldErrors: Record<string, string> }) => e);
    expect((refused as { fieldErrors: Record<string, string> }).fieldErrors.phoneVerified).to.equal('read_only');
  });
});

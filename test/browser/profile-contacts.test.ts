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
    button(phone, /send code/i).click();
    await until(() => phone.querySelector('input[name=code]'), 'code input in the light DOM of the phone element');
    phone.querySelector<HTMLInputElement>('input[name=code]')!.value = DEMO_CREDENTIALS.smsCode;
    button(phone, /^\s*confirm\s*$/i).click();
    await until(() => badge(el, 'phone') === 'Verified', 'profile shows the verified phone');
    expect(adapter.control.snapshot().profile.phoneVerified).to.equal(true);
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

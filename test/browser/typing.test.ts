// Typing without a render (SettingsController.input, issue 10): a keystroke that changes nothing
// else on screen costs no lit update, yet the draft, Save, the payment list, the IP line list and
// Discard all stay right.
import '@acct/elements/provider';
import '@acct/elements/profile';
import '@acct/elements/security';
import '@acct/elements/notifications';
import { createMemoryAdapter } from '@acct/adapter-memory';
import type { AcctNotifications, AcctProfile, AcctSecurity } from '@acct/elements';
import { expect, fixture, html, shadow, until } from './helpers.js';
import { FORM } from './settings-contract.js';

function key(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

function button(el: Element, label: RegExp): HTMLButtonElement {
  const b = [...shadow(el).querySelectorAll<HTMLButtonElement>(`${FORM} button`)].find((x) => label.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

describe('typing fast path: acct-profile', () => {
  async function mount(account: 'company-resident' | 'billing-company' = 'company-resident'): Promise<AcctProfile> {
    const adapter = createMemoryAdapter({ account });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-profile mode="form"></acct-profile></acct-provider>`);
    const el = provider.querySelector('acct-profile')!;
    await until(() => shadow(el).querySelector(`${FORM} [name=companyName]`), 'form');
    return el;
  }
  const field = (el: Element, name: string) => shadow(el).querySelector<HTMLInputElement>(`${FORM} [name="${name}"]`)!;

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('renders on the keystroke that turns Save on, not on the ones after it', async () => {
    const el = await mount();
    const name = field(el, 'companyName');
    const saved = name.value;
    expect(button(el, /^\s*Save\s*$/).disabled).to.equal(true);
    key(name, `${saved}!`);
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(button(el, /^\s*Save\s*$/).disabled).to.equal(false);
    key(name, `${saved}!!`);
    expect(el.isUpdatePending).to.equal(false);
    expect(el.settings.get('companyName')).to.equal(`${saved}!!`);
    expect(el.settings.dirty).to.equal(true);
  });

  it('Discard after unrendered keystrokes puts the saved value back into the field', async () => {
    const el = await mount();
    const name = field(el, 'companyName');
    const saved = name.value;
    key(name, `${saved} A`);
    await el.updateComplete;
    key(name, `${saved} AB`);
    key(name, `${saved} ABC`);
    button(el, /Discard changes/).click();
    await el.updateComplete;
    expect(name.value).to.equal(saved);
    expect(el.settings.dirty).to.equal(false);
  });

  it('emptying a field needed for payment still lists it at once', async () => {
    // The billing panel's policy: the postal address is needed before paying.
    const el = await mount('billing-company');
    const city = field(el, 'postalAddress.city');
    key(city, `${city.value}a`);
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-banner=payment]') === null).to.equal(true);
    key(city, '');
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-banner=payment] [data-path="postalAddress.city"]') !== null).to.equal(true);
  });
});

describe('typing fast path: acct-security IP list', () => {
  async function mount(): Promise<AcctSecurity> {
    const adapter = createMemoryAdapter({ account: 'company-resident' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-security></acct-security></acct-provider>`);
    const el = provider.querySelector('acct-security')!;
    await until(() => shadow(el).querySelector('textarea[name=ipRules]'), 'form');
    // The parser chunk arrives shortly after connecting.
    await until(() => shadow(el).querySelector('#ipRules-hint'), 'hint');
    return el;
  }
  const area = (el: Element) => shadow(el).querySelector<HTMLTextAreaElement>('textarea[name=ipRules]')!;
  const lines = (el: Element) => shadow(el).querySelector('#ipRules-lines')?.textContent ?? '';

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('holds a half-typed line back until typing pauses, then follows every keystroke while a problem is shown', async () => {
    const el = await mount();
    const t = area(el);
    const saved = t.value;
    key(t, `${saved}\n192.0`);
    // The first keystroke turns Save on; the next ones into a list with no problem on screen cost
    // no render, and the half-typed line is not listed yet.
    await el.updateComplete;
    expect(lines(el)).to.equal('');
    key(t, `${saved}\n192.0.`);
    expect(el.isUpdatePending).to.equal(false);
    expect(lines(el)).to.equal('');
    expect(el.settings.get('ipRules')).to.deep.equal([...saved.split('\n'), '192.0.']);
    // The pause: the half-typed line is listed.
    await until(() => lines(el).includes('192.0.'), 'the bad line listed after a pause');
    expect(t.getAttribute('aria-invalid')).to.equal('true');
    // A problem is on screen: each keystroke updates the findings at once, and a fix clears them.
    key(t, `${saved}\n192.0.2`);
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(lines(el)).to.contain('192.0.2');
    key(t, `${saved}\n192.0.2.1`);
    await el.updateComplete;
    expect(lines(el)).to.equal('');
    expect(t.getAttribute('aria-invalid')).to.equal('false');
    // A valid address growing by a digit changes nothing else on screen: no render.
    key(t, `${saved}\n192.0.2.15`);
    expect(el.isUpdatePending).to.equal(false);
    expect(el.settings.get('ipRules')).to.deep.equal([...saved.split('\n'), '192.0.2.15']);
  });

  it('shows the findings at once when the field is left, on a paste and on Save', async () => {
    const el = await mount();
    const t = area(el);
    const saved = t.value;
    key(t, `${saved}\nhello`);
    expect(lines(el)).to.equal('');
    t.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(lines(el)).to.contain('hello');

    // A paste is a complete edit: checked at once.
    t.value = `${saved}\n10.0.0.1/8`;
    t.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    await el.updateComplete;
    expect(lines(el)).to.contain('10.0.0.1/8');
    expect(lines(el)).to.not.contain('hello');

    // Back to a clean list, then a keystroke and an immediate Save: Save shows what it refuses.
    t.value = saved;
    t.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    await el.updateComplete;
    expect(lines(el)).to.equal('');
    key(t, `${saved}\nx`);
    await el.updateComplete;
    expect(lines(el)).to.equal('');
    button(el, /^\s*Save\s*$/).click();
    await until(() => lines(el).includes('x'), 'listed on Save');
    await until(() => shadow(el).querySelector('#ipRules-error'), 'the list refused');
    expect(t.value).to.equal(`${saved}\nx`);
  });

  it('Discard after unrendered keystrokes restores the saved list in the text area', async () => {
    const el = await mount();
    const t = area(el);
    const saved = t.value;
    key(t, `${saved}\n192.0.2.1`);
    await el.updateComplete;
    key(t, `${saved}\n192.0.2.15`);
    key(t, `${saved}\n192.0.2.151`);
    button(el, /Discard changes/).click();
    await el.updateComplete;
    expect(t.value).to.equal(saved);
  });
});

describe('typing fast path: acct-notifications', () => {
  async function mount(): Promise<AcctNotifications> {
    const adapter = createMemoryAdapter({ account: 'billing-company' });
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-notifications></acct-notifications></acct-provider>`);
    const el = provider.querySelector('acct-notifications')!;
    await until(() => shadow(el).querySelector(`${FORM} [name="emails.support"]`), 'form');
    return el;
  }
  const field = (el: Element) => shadow(el).querySelector<HTMLInputElement>(`${FORM} [name="emails.support"]`)!;

  it('renders when the hint under an email field changes, not on every keystroke', async () => {
    const el = await mount();
    const email = field(el);
    key(email, 'ops@example.org');
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('Sent to this address.');
    // Another address, then half of one: the hint and Save stay as they are, so no render.
    key(email, 'ops@example.org.uk');
    expect(el.isUpdatePending).to.equal(false);
    key(email, 'ops@');
    expect(el.isUpdatePending).to.equal(false);
    expect(el.settings.get('emails.support')).to.equal('ops@');
    // Emptied: the hint now names the account email, which is a render.
    key(email, '');
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).textContent).to.not.contain('Sent to this address.');
    expect(shadow(el).textContent).to.match(/Empty: sent to the account email/);
    // Half an address is reported when the field is left (change), with no "sent to" beside it.
    key(email, 'ops@');
    email.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => email.getAttribute('aria-invalid') === 'true', 'invalid email reported on change');
    expect(shadow(el).textContent).to.not.contain('Sent to this address.');
  });

  it('Discard after unrendered keystrokes puts the saved address back into the field', async () => {
    const el = await mount();
    const email = field(el);
    const saved = email.value;
    key(email, 'ops@example.org');
    await el.updateComplete;
    key(email, 'ops@example.org.uk');
    button(el, /Discard changes/).click();
    await el.updateComplete;
    expect(email.value).to.equal(saved);
    expect(el.settings.dirty).to.equal(false);
  });
});

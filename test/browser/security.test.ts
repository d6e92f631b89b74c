import { FORM, runSettingsContract } from './settings-contract.js';
import '@acct/elements/provider';
import '@acct/elements/security';
import { createMemoryAdapter, DEMO_CREDENTIALS, type MemoryAdapter } from '@acct/adapter-memory';
import type { AcctSecurity } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';

const checkbox = (el: Element) => q<HTMLInputElement>(el, 'input[name=showLastIp]');
const textarea = (el: Element) => q<HTMLTextAreaElement>(el, 'textarea[name=ipRules]');
const button = (el: Element, label: RegExp) => {
  const b = [...shadow(el).querySelectorAll('button')].find((x) => label.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${label}`);
  return b;
};
const light = (el: Element, name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const lightError = (el: Element, name: string) => {
  const id = light(el, name).getAttribute('aria-describedby') ?? '';
  return id
    .split(' ')
    .map((x) => document.getElementById(x)?.textContent ?? '')
    .join(' ');
};

async function type(el: Element, input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as AcctSecurity).updateComplete;
}

/**
 * Clicks a summary row's button and waits for its form: the forms come as a lazy chunk, and the
 * click handler opens the form as soon as the chunk is in.
 */
async function openForm(el: AcctSecurity, label: RegExp): Promise<void> {
  button(el, label).click();
  await el.forms.load();
  await el.updateComplete;
}

async function mount(adapter: MemoryAdapter = createMemoryAdapter()): Promise<AcctSecurity> {
  const provider = await fixture(html`<acct-provider .adapter=${adapter}><acct-security></acct-security></acct-provider>`);
  const el = provider.querySelector('acct-security')!;
  await until(() => el.shadowRoot?.querySelector(FORM), 'form');
  // The viewer (current IP, last sign-in) arrives on its own.
  await until(() => /current IP address/.test(shadow(el).textContent ?? ''), 'viewer');
  return el;
}

runSettingsContract({
  tag: 'acct-security',
  domain: 'security',
  render: (adapter) => html`<acct-provider .adapter=${adapter}><acct-security></acct-security></acct-provider>`,
  edit: async (el) => {
    checkbox(el).click();
    await (el as AcctSecurity).updateComplete;
  },
  expectEdited: (el) => expect(checkbox(el).checked).to.equal(false),
  expectStored: (adapter) => expect(adapter.control.snapshot().security.showLastIp).to.equal(false),
  field: 'ipRules',
});

describe('acct-security', () => {
  it('is accessible and shows every section, the current IP and the last sign-in', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const text = shadow(el).textContent ?? '';
    for (const heading of ['Access to billing', 'Password', 'Two-factor authentication', 'Code word']) expect(text).to.contain(heading);
    expect(text).to.contain('Last sign-in');
    expect(text).to.contain('no restriction');
    // Credential inputs are light DOM, with the autocomplete tokens password managers look for.
    expect(el.querySelector('input[type=password]') === null, 'no credential input until asked').to.equal(true);
    button(el, /Change password/).click();
    await until(() => document.activeElement === light(el, 'current'), 'form opened, focus in it');
    await expect(el).to.be.accessible();
    expect(light(el, 'current').autocomplete).to.equal('current-password');
    expect(light(el, 'next').autocomplete).to.equal('new-password');
    expect(light(el, 'confirm').autocomplete).to.equal('new-password');
    expect(light(el, 'username').autocomplete).to.equal('username');
    expect(light(el, 'username').value).to.equal('jdevries');
  });

  it('reports each bad IP line with its number and reason, and does not save them', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await type(el, textarea(el), ['# office', '203.0.113.0/24', '010.0.0.1', '127.1', '10.0.0.9-10.0.0.1', '10.0.0.1/8', 'fe80::1%eth0', 'hello', '203.0.113.7'].join('\n'));
    const items = [...shadow(el).querySelectorAll('.lines li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items.length).to.equal(7);
    expect(items[0]).to.match(/^Line 3: 010\.0\.0\.1 — Leading zeros/);
    expect(items[1]).to.match(/^Line 4: 127\.1 — Write IPv4 addresses in full/);
    expect(items[2]).to.match(/^Line 5: .* starts after it ends/);
    expect(items[3]).to.match(/^Line 6: .* first address of the network/);
    expect(items[4]).to.match(/^Line 7: .* Zone ids/);
    expect(items[5]).to.match(/^Line 8: hello — Not an IP address/);
    expect(items[6]).to.match(/^Line 9: 203\.0\.113\.7 — Already covered by line 2/);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(el).getAttribute('aria-describedby')).to.contain('ipRules-lines');
    await expect(el).to.be.accessible();
    button(el, /^\s*Save\s*$/).click();
    await until(() => shadow(el).activeElement?.getAttribute('name') === 'ipRules', 'focus on the list');
    expect(shadow(el).querySelector('#ipRules-error')?.textContent).to.contain('Fix the lines');
    expect(adapter.control.calls.some((c) => c.method === 'security.update')).to.equal(false);
    // Nothing typed is lost.
    expect(textarea(el).value).to.contain('fe80::1%eth0');
  });

  it('stops a list that locks the user out until confirmed, and adds the current IP', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    const currentIp = adapter.control.snapshot().viewer.currentIp!;
    await type(el, textarea(el), '198.51.100.0/24');
    expect(shadow(el).textContent).to.contain(`Your current IP address ${currentIp} is not in this list`);
    button(el, /^\s*Save\s*$/).click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'lockout confirmation');
    expect(shadow(el).querySelector('dialog[open]')!.textContent).to.contain(currentIp);
    await expect(el).to.be.accessible();
    (shadow(el).querySelector('dialog[open] button[value=cancel]') as HTMLButtonElement).click();
    await until(() => !shadow(el).querySelector('dialog[open]'), 'closed');
    expect(adapter.control.calls.some((c) => c.method === 'security.update')).to.equal(false);

    button(el, /Add my current IP/).click();
    await el.updateComplete;
    expect(textarea(el).value).to.equal(`198.51.100.0/24\n${currentIp}`);
    expect(shadow(el).textContent).to.not.contain('is not in this list');
    const saved = recordEvents(el, ['acct-saved']);
    button(el, /^\s*Save\s*$/).click();
    await until(() => saved.length, 'saved without a question');
    expect(adapter.control.snapshot().security.ipRules).to.deep.equal(['198.51.100.0/24', currentIp]);
  });

  it('saves a list that locks out only after "Save anyway"', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await type(el, textarea(el), '198.51.100.0/24 # office');
    button(el, /^\s*Save\s*$/).click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'lockout confirmation');
    (shadow(el).querySelector('dialog[open] button[value=confirm]') as HTMLButtonElement).click();
    await until(() => adapter.control.snapshot().security.ipRules.length === 1, 'saved');
    expect(adapter.control.snapshot().security.ipRules).to.deep.equal(['198.51.100.0/24 # office']);
  });

  // How fast is for the benchmark (scripts/bench-ip.mjs, `npm run bench`), not for a test's clock.
  it('validates a pasted list of 10,000 lines in slices, listing the first 50 problems', async () => {
    const el = await mount();
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `10.${(i >> 8) & 255}.${i & 255}.0/24` : i % 3 === 1 ? `2001:db8:${i.toString(16)}::/48` : `bad ${i}`));
    // The list's checking comes in a chunk fetched on connect: wait until it reports a line.
    await type(el, textarea(el), 'bad');
    await until(() => shadow(el).querySelector('.lines li'), 'IP chunk');
    await type(el, textarea(el), lines.join('\n'));
    // A long list is checked in slices, with the page responsive between them; Save waits.
    expect(q(el, '#ipRules-status').textContent).to.contain('Checking the list…');
    expect(button(el, /^\s*Save\s*$/).disabled).to.equal(true);
    await until(() => shadow(el).querySelectorAll('.lines li').length === 50, 'checked', 10_000);
    const items = [...shadow(el).querySelectorAll('.lines li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).to.match(/^Line 3: bad 2 — Not an IP address/);
    expect(items[49]).to.match(/^Line 150: bad 149 — /);
    // 3,333 of the lines are bad: 50 listed, the rest counted.
    expect(shadow(el).textContent).to.contain('3333 of the lines cannot be used.');
    expect(shadow(el).textContent).to.contain('And 3283 more.');
    expect(q(el, '#ipRules-status').textContent!.trim()).to.equal('');
    expect(button(el, /^\s*Save\s*$/).disabled).to.equal(false);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it('keeps Save for a long list until its check is done, then saves it when valid', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    const currentIp = adapter.control.snapshot().viewer.currentIp!;
    const lines = [currentIp, ...Array.from({ length: 2500 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`)];
    await type(el, textarea(el), lines.join('\n'));
    expect(button(el, /^\s*Save\s*$/).disabled).to.equal(true);
    await until(() => !button(el, /^\s*Save\s*$/).disabled, 'check done');
    expect(shadow(el).querySelector('.lines li') === null, 'no problem lines').to.equal(true);
    const saved = recordEvents(el, ['acct-saved']);
    button(el, /^\s*Save\s*$/).click();
    await until(() => saved.length, 'saved');
    expect(adapter.control.snapshot().security.ipRules.length).to.equal(2501);
  });

  it('changes the password: policy in words, wrong current password on its field, success clears and offers sign-out', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    const events = recordEvents(el, ['acct-saved', 'acct-error', 'acct-dirty-change']);
    await openForm(el, /Change password/);
    const submit = () => button(el, /Save new password/).click();
    const inputs = ['current', 'next', 'confirm'].map((n) => light(el, n));

    // Too short, said in words with the number.
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    await type(el, light(el, 'next'), 'short');
    await until(() => /Strength: Too weak/.test(lightError(el, 'next')), 'meter in words');
    expect(lightError(el, 'next')).to.contain('5 of at least 15 characters');
    submit();
    await until(() => light(el, 'next').getAttribute('aria-invalid') === 'true', 'too short');
    expect(lightError(el, 'next')).to.contain('at least 15 characters');

    // Common, and containing the username.
    await type(el, light(el, 'next'), 'qwertyuiopasdfgh');
    submit();
    await until(() => /common passwords|Sequences/.test(lightError(el, 'next')), 'common');
    await type(el, light(el, 'next'), 'JDevries loves long walks');
    submit();
    await until(() => /username or email/.test(lightError(el, 'next')), 'contains username');

    // Mismatch.
    const next = 'violet tractor mumbles 🔑';
    await type(el, light(el, 'next'), next);
    await type(el, light(el, 'confirm'), next + 'x');
    submit();
    await until(() => light(el, 'confirm').getAttribute('aria-invalid') === 'true', 'mismatch');

    // Wrong current password: message on that field, new password kept.
    await type(el, light(el, 'current'), 'not my password');
    await type(el, light(el, 'confirm'), next);
    submit();
    await until(() => light(el, 'current').getAttribute('aria-invalid') === 'true', 'wrong current');
    expect(lightError(el, 'current')).to.contain('not your current password');
    expect(light(el, 'next').value).to.equal(next);
    expect(document.activeElement === light(el, 'current')).to.equal(true);

    // Success.
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    submit();
    await until(() => events.some((e) => e.type === 'acct-saved'), 'changed');
    expect(liveText(el)).to.contain('password was changed');
    // Heard once: the banner showing it (with the sign-out offer) is content, not a live region too.
    const done = [...shadow(el).querySelectorAll('[part~=banner]')].find((b) => /password was changed/.test(b.textContent ?? ''));
    expect(done?.hasAttribute('role')).to.equal(false);
    for (const input of inputs) expect(input.value === '' && !input.isConnected, `${input.name} cleared and gone`).to.equal(true);
    const change = adapter.control.calls.find((c) => c.method === 'security.changePassword' && JSON.stringify(c).includes('redacted'));
    expect(change !== undefined).to.equal(true);
    // The memory adapter stored the new password exactly as typed: it now re-authenticates with it.
    await adapter.viewer.reauthenticate({ password: next });

    // Offer to sign out the other sessions.
    button(el, /Sign out other sessions/).click();
    await until(() => /Signed out of 2 other sessions/.test(liveText(el)), 'others signed out');
    expect(adapter.control.snapshot().sessions.map((s) => s.id)).to.deep.equal(['ses-1']);

    const everything =
      JSON.stringify(events.map((e) => e.detail)) + JSON.stringify(adapter.control.calls) + el.outerHTML + shadow(el).innerHTML;
    for (const secret of [DEMO_CREDENTIALS.password, next, 'not my password']) expect(everything).to.not.contain(secret);
    expect(events.filter((e) => e.type === 'acct-dirty-change').length).to.equal(0);
  });

  it("words the server's password-policy reasons as the form does, on the new-password field", async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await openForm(el, /Change password/);
    const next = 'violet tractor mumbles softly';
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    await type(el, light(el, 'next'), next);
    await type(el, light(el, 'confirm'), next);
    for (const [reason, sentence] of [
      ['common', /one of the most common passwords/],
      ['contains_user_input', /contains your username or email/],
      ['too_short', /at least 15 characters/],
    ] as const) {
      // The server's blocklist or its account identifiers may refuse what the form's check let through.
      adapter.control.failNext('validation', { method: 'security.changePassword', fieldErrors: { next: reason } });
      button(el, /Save new password/).click();
      await until(() => sentence.test(lightError(el, 'next')), reason);
      expect(light(el, 'next').getAttribute('aria-invalid')).to.equal('true');
      expect(light(el, 'next').value, 'what the user typed is kept').to.equal(next);
    }
  });

  it('submits the password form with Enter from a light-DOM input, and show/hide switches the type', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await openForm(el, /Change password/);
    const show = button(el, /Show passwords/);
    show.click();
    await el.updateComplete;
    expect(light(el, 'next').type).to.equal('text');
    expect(show.getAttribute('aria-pressed')).to.equal('true');
    show.click();
    await el.updateComplete;
    expect(light(el, 'next').type).to.equal('password');
    light(el, 'current').focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await until(() => light(el, 'current').getAttribute('aria-invalid') === 'true', 'submitted by Enter');
    expect(lightError(el, 'current')).to.contain('Enter your current password');
  });

  it('retries a failed action with the same idempotency key, and a changed input gets a new one', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    const keys = (method: string) =>
      adapter.control.calls.filter((c) => c.method === method).map((c) => (c.args.at(-1) as { idempotencyKey?: string }).idempotencyKey);
    await openForm(el, /Change password/);
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    await type(el, light(el, 'next'), 'correct horse battery staple 42');
    await type(el, light(el, 'confirm'), 'correct horse battery staple 42');
    adapter.control.failNext('network', { method: 'security.changePassword', times: 2 });
    button(el, /Save new password/).click();
    await until(() => keys('security.changePassword').length === 1 && /No connection/.test(shadow(el).textContent ?? ''), 'network error shown');
    button(el, /Save new password/).click();
    await until(() => keys('security.changePassword').length === 2, 'retry');
    // The user changes what is sent: another action, another key.
    await until(() => !(button(el, /Save new password/) as HTMLButtonElement).disabled, 'idle again');
    await type(el, light(el, 'confirm'), 'correct horse battery staple 42');
    button(el, /Save new password/).click();
    await until(() => /password was changed/.test(shadow(el).textContent ?? ''), 'changed');
    const [first, retry, edited] = keys('security.changePassword');
    expect(first).to.be.a('string');
    expect(retry).to.equal(first);
    expect(edited).to.not.equal(first);

    // Two-factor: the code's confirmation is retried with its key too.
    button(el, /Turn on two-factor/).click();
    await until(() => light(el, 'code'), 'enrolment');
    await type(el, light(el, 'code'), '123456');
    adapter.control.failNext('network', { method: 'security.confirmTwoFactor' });
    button(el, /^\s*Turn on\s*$/).click();
    await until(() => keys('security.confirmTwoFactor').length === 1 && /No connection/.test(shadow(el).textContent ?? ''), 'failed');
    button(el, /^\s*Turn on\s*$/).click();
    await until(() => shadow(el).querySelectorAll('.codes li').length === 10, 'recovery codes');
    const [tf1, tf2] = keys('security.confirmTwoFactor');
    expect(tf2).to.equal(tf1);
  });

  it('submits the re-authentication dialog with Enter from its light-DOM password input', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.requireReauth({ method: 'security.startTwoFactor' });
    button(el, /Turn on two-factor/).click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'reauth dialog');
    const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
    input.focus();
    input.value = DEMO_CREDENTIALS.password;
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).querySelector('code.secret'), 'enrolment after Enter');
    expect(adapter.control.calls.some((c) => c.method === 'viewer.reauthenticate')).to.equal(true);
  });

  it('gives focus back to the button that led to the re-authentication dialog when it is cancelled', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.requireReauth({ method: 'security.startTwoFactor' });
    const start = button(el, /Turn on two-factor/);
    start.focus();
    start.click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'reauth dialog');
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el).querySelector('dialog[open]') && shadow(el).activeElement?.id === 'tf-on', 'focus back on Turn on');
  });

  it('gives focus back to the button the user pressed when the re-authentication dialog is cancelled with its Cancel button', async () => {
    const { sendMouse } = await import('@web/test-runner-commands');
    // A real mouse press, which focuses the button as a user's click does.
    const press = async (b: HTMLElement) => {
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
    };
    const cancelDialog = async (el: AcctSecurity) => {
      await until(() => shadow(el).querySelector('dialog[open]'), 'reauth dialog');
      await press([...shadow(el).querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((b) => /Cancel/.test(b.textContent ?? ''))!);
      await until(() => !shadow(el).querySelector('dialog[open]'), 'dialog closed');
    };
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.requireReauth({ method: 'security.startTwoFactor' });

    // Two-factor's Turn on (disabled while its request runs).
    await press(button(el, /Turn on two-factor/));
    await cancelDialog(el);
    await until(() => shadow(el).activeElement?.id === 'tf-on', 'focus back on Turn on');
    expect(document.activeElement === el, 'focus in the element').to.equal(true);

    // The password form's Save (its request needs the password again).
    await openForm(el, /Change password/);
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    await type(el, light(el, 'next'), 'violet tractor mumbles quietly');
    await type(el, light(el, 'confirm'), 'violet tractor mumbles quietly');
    // The strength meter comes with a chunk; wait for it so the button does not move under the mouse.
    await until(() => shadow(el).querySelector('meter'), 'meter');
    await el.updateComplete;
    const save = button(el, /Save new password/);
    adapter.control.reset();
    adapter.control.requireReauth({ method: 'security.changePassword' });
    await press(save);
    await cancelDialog(el);
    await until(() => shadow(el).activeElement === save, 'focus back on Save new password');
    expect(save.disabled).to.equal(false);
    // Nothing typed is lost by cancelling.
    expect(light(el, 'next').value).to.equal('violet tractor mumbles quietly');
  });

  it('keeps focus in the two-factor card: Cancel returns to its button, Turn off focuses the code', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    button(el, /Turn on two-factor/).click();
    await until(() => light(el, 'code'), 'enrolment');
    button(el, /^\s*Cancel\s*$/).click();
    await until(() => shadow(el).activeElement?.id === 'tf-on', 'focus back on Turn on');
    await adapter.control.externalUpdate('security', { twoFactor: { enabled: true } });
    (el as AcctSecurity).settings.reload();
    await until(() => shadow(el).querySelector('#tf-off'), 'on');
    await openForm(el, /Turn off two-factor/);
    await until(() => document.activeElement === light(el, 'code'), 'focus on the code');
  });

  it('moves focus to each new step of a flow: its heading or its first field', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    const focused = () => shadow(el).activeElement as HTMLElement | null;
    const press = (b: HTMLButtonElement) => (b.focus(), b.click());

    // Two-factor: start -> the set-up step's heading -> (a wrong code: the code) -> the recovery codes' heading.
    press(button(el, /Turn on two-factor/));
    await until(() => focused()?.id === 'tf-step', 'focus on the set-up step');
    expect(focused()!.localName).to.equal('h3');
    expect(focused()!.textContent).to.contain('Set up your authenticator app');
    expect(document.activeElement === el, 'focus in the element').to.equal(true);
    await until(() => shadow(el).querySelector('svg.qr path'), 'QR code');
    expect(focused()?.id, 'the QR code arriving leaves focus where it is').to.equal('tf-step');
    await type(el, light(el, 'code'), '000000');
    press(button(el, /^\s*Turn on\s*$/));
    await until(() => /not correct/.test(lightError(el, 'code')) && document.activeElement === light(el, 'code'), 'focus on the code again');
    await type(el, light(el, 'code'), '123456');
    press(button(el, /^\s*Turn on\s*$/));
    await until(() => focused()?.id === 'tf-step' && /recovery codes/.test(focused()!.textContent ?? ''), 'focus on the recovery codes step');
    expect(focused()!.textContent).to.contain('Save your recovery codes');
    press(button(el, /I have saved them/));
    await until(() => focused()?.id === 'tf-off', 'focus on the status row');

    // Password change done: the form is gone, focus is on the card's heading (then the sign-out offer).
    await openForm(el, /Change password/);
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    await type(el, light(el, 'next'), 'violet tractor mumbles quietly');
    await type(el, light(el, 'confirm'), 'violet tractor mumbles quietly');
    press(button(el, /Save new password/));
    await until(() => focused()?.id === 'pw-heading', 'focus on the password heading');
    expect(document.activeElement === el, 'focus in the element').to.equal(true);
    press(button(el, /Not now/));
    await until(() => focused()?.id === 'pw-open', 'focus on Change password');

    // Code word set: the card's heading, which then says it is set.
    await openForm(el, /Set a code word/);
    await until(() => document.activeElement === light(el, 'codeWord'), 'focus on the code word');
    await type(el, light(el, 'codeWord'), 'брусника');
    await type(el, light(el, 'codeWordConfirm'), 'брусника');
    press(button(el, /Set code word/));
    await until(() => focused()?.id === 'cw-heading' && /A code word is set/.test(shadow(el).textContent ?? ''), 'focus on the code word heading');
    await expect(el).to.be.accessible();

    // Its change request: the subject, then back to the button on Cancel.
    await openForm(el, /Request a change/);
    await until(() => focused()?.id === 'ticket-subject', 'focus on the subject');
    press(button(el, /^\s*Cancel\s*$/));
    await until(() => focused()?.id === 'cw-ticket', 'focus back on Request a change');
  });

  it('leaves focus the user put elsewhere while a step was on its way', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.latency = 150;
    button(el, /Turn on two-factor/).click();
    textarea(el).focus();
    await until(() => shadow(el).querySelector('#tf-step'), 'set-up step');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(shadow(el).activeElement === textarea(el), 'focus still in the IP list').to.equal(true);
  });

  it('announces each error once: an alert banner, or a field error read as focus reaches the field, never also the live region', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    /** How many times `text` is announced: by alerts on screen and by the live region. */
    const said = (text: RegExp) =>
      [...shadow(el).querySelectorAll('[role=alert]')].map((a) => a.textContent ?? '').filter((t) => text.test(t)).length + (text.test(liveText(el)) ? 1 : 0);

    // Password: a network failure is one alert; a wrong current password is its field's error, with focus there.
    await openForm(el, /Change password/);
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    await type(el, light(el, 'next'), 'violet tractor mumbles quietly');
    await type(el, light(el, 'confirm'), 'violet tractor mumbles quietly');
    adapter.control.failNext('network', { method: 'security.changePassword' });
    button(el, /Save new password/).click();
    await until(() => said(/No connection/) > 0 && !button(el, /Save new password/).disabled, 'network error');
    await el.updateComplete;
    expect(said(/No connection/)).to.equal(1);
    await until(() => shadow(el).activeElement === button(el, /Save new password/), 'focus back on Save');
    await type(el, light(el, 'current'), 'not my password');
    button(el, /Save new password/).click();
    await until(() => document.activeElement === light(el, 'current'), 'focus on the wrong password');
    expect(lightError(el, 'current')).to.contain('not your current password');
    expect(said(/not your current password/)).to.equal(0);
    expect(liveText(el)).to.equal('');

    // Signing out the other sessions after a change: one alert.
    await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
    button(el, /Save new password/).click();
    await until(() => /Sign out other sessions/.test(shadow(el).textContent ?? ''), 'changed');
    adapter.control.failNext('unavailable', { method: 'sessions.list' });
    button(el, /Sign out other sessions/).click();
    await until(() => shadow(el).querySelector('[role=alert]') && !button(el, /Sign out other sessions/).disabled, 'sign-out failed');
    const alert = shadow(el).querySelector('[role=alert]')!.textContent!.trim();
    expect(alert.length).to.be.greaterThan(0);
    expect(liveText(el)).to.not.contain(alert.slice(0, 20));
    await until(() => shadow(el).activeElement?.id === 'pw-sign-out', 'focus back on Sign out');

    // Code word: a network failure is one alert; the server's refusal of the word is its field's error.
    await openForm(el, /Set a code word/);
    await type(el, light(el, 'codeWord'), 'брусника');
    await type(el, light(el, 'codeWordConfirm'), 'брусника');
    adapter.control.failNext('network', { method: 'security.setCodeWord' });
    button(el, /Set code word/).click();
    await until(() => said(/No connection/) > 0, 'network error');
    await el.updateComplete;
    expect(said(/No connection/)).to.equal(1);
    adapter.control.failNext('validation', { method: 'security.setCodeWord', fieldErrors: { codeWord: 'too_short' } });
    button(el, /Set code word/).click();
    await until(() => light(el, 'codeWord').getAttribute('aria-invalid') === 'true', 'field error');
    await until(() => document.activeElement === light(el, 'codeWord'), 'focus on the code word');
    const fieldError = lightError(el, 'codeWord').trim();
    expect(fieldError.length).to.be.greaterThan(0);
    expect(liveText(el)).to.not.contain(fieldError);
    expect(shadow(el).querySelector('#cw-form [role=alert]') === null, 'no alert for a field error').to.equal(true);
    // Nothing typed is lost.
    expect(light(el, 'codeWordConfirm').value).to.equal('брусника');

    // Two-factor: one alert.
    adapter.control.failNext('network', { method: 'security.startTwoFactor' });
    button(el, /Turn on two-factor/).focus();
    button(el, /Turn on two-factor/).click();
    await until(() => said(/No connection/) > 0, 'network error');
    await el.updateComplete;
    expect(said(/No connection/)).to.equal(1);
    await until(() => shadow(el).activeElement?.id === 'tf-on', 'focus back on Turn on');
  });

  describe('aborts a write in flight when the element leaves the page', () => {
    /** The `signal` each security and sessions method was last called with. */
    function spySignals(adapter: MemoryAdapter): Map<string, AbortSignal | undefined> {
      const seen = new Map<string, AbortSignal | undefined>();
      const apis = { security: adapter.security, sessions: adapter.sessions } as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;
      for (const [domain, api] of Object.entries(apis)) {
        for (const [name, f] of Object.entries(api)) {
          if (typeof f !== 'function') continue;
          api[name] = (...args: unknown[]) => {
            seen.set(`${domain}.${name}`, (args.at(-1) as { signal?: AbortSignal } | undefined)?.signal);
            return f.apply(api, args);
          };
        }
      }
      return seen;
    }

    const fillPassword = async (el: AcctSecurity) => {
      await openForm(el, /Change password/);
      await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
      await type(el, light(el, 'next'), 'violet tractor mumbles quietly');
      await type(el, light(el, 'confirm'), 'violet tractor mumbles quietly');
    };
    const startTwoFactor = async (el: AcctSecurity) => {
      button(el, /Turn on two-factor/).click();
      await until(() => light(el, 'code'), 'enrolment');
      await type(el, light(el, 'code'), '123456');
    };
    const cases: [string, (el: AcctSecurity, adapter: MemoryAdapter) => Promise<void>, (el: AcctSecurity) => void][] = [
      ['security.changePassword', fillPassword, (el) => button(el, /Save new password/).click()],
      ['security.startTwoFactor', async () => {}, (el) => button(el, /Turn on two-factor/).click()],
      ['security.confirmTwoFactor', startTwoFactor, (el) => button(el, /^\s*Turn on\s*$/).click()],
      [
        'security.disableTwoFactor',
        async (el, adapter) => {
          await adapter.control.externalUpdate('security', { twoFactor: { enabled: true } });
          el.settings.reload();
          await until(() => shadow(el).querySelector('#tf-off'), 'on');
          await openForm(el, /Turn off two-factor/);
          await type(el, light(el, 'code'), '123456');
        },
        (el) => button(el, /^\s*Turn off\s*$/).click(),
      ],
      [
        'security.setCodeWord',
        async (el) => {
          await openForm(el, /Set a code word/);
          await type(el, light(el, 'codeWord'), 'брусника');
          await type(el, light(el, 'codeWordConfirm'), 'брусника');
        },
        (el) => button(el, /Set code word/).click(),
      ],
      [
        'security.update',
        async (el, adapter) => type(el, textarea(el), adapter.control.snapshot().viewer.currentIp!),
        (el) => button(el, /^\s*Save\s*$/).click(),
      ],
      [
        'sessions.revoke',
        async (el) => {
          await fillPassword(el);
          button(el, /Save new password/).click();
          await until(() => /Sign out other sessions/.test(shadow(el).textContent ?? ''), 'sign-out offer');
        },
        (el) => button(el, /Sign out other sessions/).click(),
      ],
    ];
    it('gives an element put back on the page a fresh signal', async () => {
      const adapter = createMemoryAdapter();
      const signals = spySignals(adapter);
      const el = await mount(adapter);
      await fillPassword(el);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      // Leaving cleared the secrets: typed again.
      expect(light(el, 'current').value).to.equal('');
      await type(el, light(el, 'current'), DEMO_CREDENTIALS.password);
      await type(el, light(el, 'next'), 'violet tractor mumbles quietly');
      await type(el, light(el, 'confirm'), 'violet tractor mumbles quietly');
      button(el, /Save new password/).click();
      await until(() => /password was changed/.test(shadow(el).textContent ?? ''), 'changed');
      expect(signals.get('security.changePassword')?.aborted).to.equal(false);
    });

    for (const [method, prepare, act] of cases) {
      it(method, async () => {
        const adapter = createMemoryAdapter();
        const signals = spySignals(adapter);
        const el = await mount(adapter);
        await prepare(el, adapter);
        const events = recordEvents(el, ['acct-saved', 'acct-error']);
        adapter.control.hangNext({ method });
        act(el);
        await until(() => signals.has(method), `${method} called`);
        const signal = signals.get(method);
        expect(signal, 'an AbortSignal passed').to.be.instanceOf(AbortSignal);
        expect(signal!.aborted).to.equal(false);
        el.remove();
        expect(signal!.aborted, 'aborted on leaving').to.equal(true);
        // The abort is the user's leaving, not a failure to report.
        await new Promise((r) => setTimeout(r, 0));
        expect(events.map((e) => e.type)).to.deep.equal([]);
      });
    }
  });

  it('sets the code word once, never shows it back, and requests a change by ticket', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    expect(shadow(el).textContent).to.contain('can be entered only once');
    await openForm(el, /Set a code word/);
    await type(el, light(el, 'codeWord'), 'брусника');
    await type(el, light(el, 'codeWordConfirm'), 'брусник');
    button(el, /Set code word/).click();
    await until(() => light(el, 'codeWordConfirm').getAttribute('aria-invalid') === 'true', 'mismatch');
    await type(el, light(el, 'codeWordConfirm'), 'брусника');
    const events = recordEvents(el, ['acct-saved', 'acct-ticket-created']);
    button(el, /Set code word/).click();
    await until(() => /A code word is set/.test(shadow(el).textContent ?? ''), 'set state');
    expect(adapter.control.snapshot().security.codeWordSet).to.equal(true);
    expect(el.querySelector('input[name=codeWord]') === null).to.equal(true);
    expect(el.outerHTML + shadow(el).innerHTML + JSON.stringify(events.map((e) => e.detail))).to.not.contain('брусника');
    await expect(el).to.be.accessible();

    await openForm(el, /Request a change/);
    expect(q<HTMLInputElement>(el, 'input[name=subject]').value).to.contain('code word');
    expect(q<HTMLTextAreaElement>(el, 'textarea[name=body]').value).to.contain('jdevries');
    button(el, /Send to support/).click();
    await until(() => events.some((e) => e.type === 'acct-ticket-created'), 'ticket');
    expect(shadow(el).textContent).to.match(/Request T-\d+ was sent/);
    const sent = [...shadow(el).querySelectorAll('[part~=banner]')].find((b) => /Request T-\d+ was sent/.test(b.textContent ?? ''));
    expect(sent?.hasAttribute('role'), 'said by the live region only').to.equal(false);
    expect(liveText(el)).to.match(/Request T-\d+ was sent/);
  });

  it('shows a set code word without a value or an edit', async () => {
    const el = await mount(createMemoryAdapter({ account: 'company-resident' }));
    expect(shadow(el).textContent).to.contain('A code word is set');
    expect(el.querySelector('input[name=codeWord]') === null).to.equal(true);
  });

  it('turns two-factor on with a local QR code, shows recovery codes once, and off with a code', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    const events = recordEvents(el, ['acct-saved']);
    button(el, /Turn on two-factor/).click();
    await until(() => shadow(el).querySelector('svg.qr path'), 'QR code');
    const path = shadow(el).querySelector('svg.qr path')!.getAttribute('d')!;
    expect(path.length).to.be.greaterThan(500);
    expect(shadow(el).querySelector('svg.qr')!.getAttribute('aria-label')).to.contain('QR code');
    // The forms' own styles come with their chunk: 13.5rem, the quiet zone inside the image.
    const qr = shadow(el).querySelector<SVGSVGElement>('svg.qr')!;
    expect(getComputedStyle(qr).inlineSize).to.equal('216px');
    expect(getComputedStyle(qr).paddingInlineStart).to.equal('0px');
    // A quiet zone of 4 modules on every side (QR spec): no dark module in it.
    const size = Number(qr.getAttribute('viewBox')!.split(' ')[2]);
    const modules = [...path.matchAll(/M(\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(modules.length).to.be.greaterThan(100);
    expect(Math.min(...modules.flat()), 'first dark module').to.equal(4);
    expect(Math.max(...modules.flat()), 'last dark module').to.equal(size - 5);
    // Version 1 to 40 codes are 21 to 177 modules across, plus the two quiet zones.
    expect((size - 8 - 17) % 4).to.equal(0);
    expect(qr.getAttribute('shape-rendering')).to.equal('crispEdges');
    expect(shadow(el).querySelector('code.secret')!.textContent!.replace(/\s/g, '')).to.match(/^[A-Z2-7]{32}$/);
    await expect(el).to.be.accessible();
    const code = light(el, 'code');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    await type(el, code, '12345');
    button(el, /^\s*Turn on\s*$/).click();
    await until(() => code.getAttribute('aria-invalid') === 'true', '6 digits required');
    await type(el, code, '000000');
    button(el, /^\s*Turn on\s*$/).click();
    await until(() => /not correct/.test(lightError(el, 'code')), 'wrong code');
    await type(el, code, '123 456');
    button(el, /^\s*Turn on\s*$/).click();
    await until(() => shadow(el).querySelectorAll('.codes li').length === 10, 'recovery codes');
    expect(adapter.control.snapshot().security.twoFactor.enabled).to.equal(true);
    expect(shadow(el).textContent).to.contain('shown only once');
    const codes = [...shadow(el).querySelectorAll('.codes li')].map((li) => li.textContent!.trim());
    // Download makes a Blob URL in the page; no request leaves it.
    const created: string[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => {
      const url = original.call(URL, b);
      created.push(url);
      return url;
    };
    try {
      button(el, /Download codes/).click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(created.length).to.equal(1);
    expect(created[0].startsWith('blob:')).to.equal(true);
    expect(JSON.stringify(events.map((e) => e.detail))).to.not.contain(codes[0]);
    button(el, /I have saved them/).click();
    await until(() => /Two-factor authentication is on/.test(shadow(el).textContent ?? ''), 'on');
    expect(shadow(el).querySelectorAll('.codes li').length).to.equal(0);

    await openForm(el, /Turn off two-factor/);
    await type(el, light(el, 'code'), '123456');
    button(el, /^\s*Turn off\s*$/).click();
    await until(() => adapter.control.snapshot().security.twoFactor.enabled === false, 'off');
    expect(events.map((e) => e.detail.section)).to.include('security.twoFactor');
  });

  it('asks for the password again when an action needs it, then carries on', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.requireReauth({ method: 'security.startTwoFactor' });
    button(el, /Turn on two-factor/).click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'reauth dialog');
    const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
    expect(input.autocomplete).to.equal('current-password');
    input.value = DEMO_CREDENTIALS.password;
    shadow(el).querySelector<HTMLButtonElement>('dialog[open] button[type=submit]')!.click();
    await until(() => shadow(el).querySelector('code.secret'), 'enrolment after reauth');
  });

  it('paints the summary rows without the forms chunk and loads it on the first sign of intent', async () => {
    const Security = customElements.get('acct-security') as typeof AcctSecurity;
    const original = Security.formsLoader;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let loads = 0;
    // A pointer left over the page by an earlier test's click would be "intent" once the element
    // paints under it (Chrome sends pointerover when the layout moves under a resting pointer).
    const { resetMouse } = await import('@web/test-runner-commands');
    await resetMouse();
    Security.formsLoader = async () => {
      loads++;
      await gate;
      return original();
    };
    try {
      const el = await mount();
      expect(loads, 'no fetch for first paint').to.equal(0);
      expect(shadow(el).textContent).to.contain('Use a long password');
      const change = button(el, /Change password/);
      change.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      expect(loads, 'prefetched on focus').to.equal(1);
      change.click();
      // updateComplete includes the chunk the click waits for: watch the busy state instead.
      await until(() => change.getAttribute('aria-busy') === 'true', 'busy while the chunk loads');
      expect(shadow(el).textContent).to.contain('Loading…');
      expect(el.querySelector('input[type=password]') === null).to.equal(true);
      await expect(el).to.be.accessible();
      release();
      await until(() => document.activeElement === light(el, 'current'), 'form opened once the chunk is in');
      expect(loads).to.equal(1);
      expect(shadow(el).textContent).to.not.contain('Loading…');
    } finally {
      Security.formsLoader = original;
    }
  });

  it('a click, then updateComplete, shows the form: the chunk the click waited for is included', async () => {
    const Security = customElements.get('acct-security') as typeof AcctSecurity;
    const original = Security.formsLoader;
    Security.formsLoader = () => new Promise((resolve) => setTimeout(resolve, 60)).then(() => original());
    try {
      const el = await mount();
      button(el, /Change password/).click();
      await el.updateComplete;
      expect(el.querySelector('input[type=password]'), 'the current password input').to.exist;
    } finally {
      Security.formsLoader = original;
    }
  });

  it('says so next to the button when the forms chunk cannot be fetched, and the next click retries', async () => {
    const Security = customElements.get('acct-security') as typeof AcctSecurity;
    const original = Security.formsLoader;
    let fail = true;
    Security.formsLoader = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original());
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter);
      button(el, /Turn on two-factor/).click();
      await until(() => shadow(el).querySelector('[role=alert]'), 'load error');
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('could not be loaded');
      expect(button(el, /Turn on two-factor/).hasAttribute('aria-busy')).to.equal(false);
      expect(adapter.control.calls.some((c) => c.method === 'security.startTwoFactor')).to.equal(false);
      await expect(el).to.be.accessible();
      fail = false;
      button(el, /Turn on two-factor/).click();
      await until(() => shadow(el).querySelector('svg.qr path'), 'enrolment after the retry');
      expect(shadow(el).querySelector('[role=alert]') === null).to.equal(true);
    } finally {
      Security.formsLoader = original;
    }
  });

  it('names the missing sub-API instead of breaking', async () => {
    const el = await fixture<AcctSecurity>(html`<acct-security .adapter=${{}}></acct-security>`);
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('"security"');
    await expect(el).to.be.accessible();
  });
});

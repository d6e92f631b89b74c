import '@acct/elements/provider';
import '@acct/elements/phone-verification';
import { createMemoryAdapter, DEMO_CREDENTIALS, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import { AcctPhoneVerification } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { failFlowLoads, flowLoaded } from './lazy-flow.js';

/** The element with its phone library and (unless `flow` is false) its lazily loaded verification flow. */
async function mount(adapter: MemoryAdapter, locale = 'en', country = 'RU', flow = true): Promise<AcctPhoneVerification> {
  const provider = await fixture(
    html`<acct-provider locale=${locale} .adapter=${adapter}><acct-phone-verification country=${country}></acct-phone-verification></acct-provider>`,
  );
  const el = provider.querySelector('acct-phone-verification')!;
  // The country list comes with the lazily loaded phone library.
  await until(() => (el.shadowRoot?.querySelectorAll('select[name=country] option').length ?? 0) > 100, 'countries');
  if (flow) await flowLoaded(el);
  return el;
}

async function typePhone(el: AcctPhoneVerification, text: string): Promise<void> {
  const input = q<HTMLInputElement>(el, 'input[name=phone]');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

function button(el: Element, label: RegExp): HTMLButtonElement {
  const b = [...shadow(el).querySelectorAll('button')].find((x) => label.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

async function enterCode(el: AcctPhoneVerification, code: string): Promise<void> {
  await until(() => el.querySelector('input[name=code]'), 'code input');
  const input = el.querySelector<HTMLInputElement>('input[name=code]')!;
  input.value = code;
  button(el, /^\s*Confirm\s*$/).click();
}

describe('acct-phone-verification', () => {
  afterEach(() => setAcctLocale('en'));

  it('formats a Russian mobile as typed and verifies it by SMS', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
    await typePhone(el, '89161234567');
    expect(q<HTMLInputElement>(el, 'input[name=phone]').value).to.match(/^8 \(?916\)? 123-45-67$/);
    expect(shadow(el).textContent).to.contain('Will be saved as +7 916 123 45 67.');
    const events = recordEvents(el, ['acct-saved']);
    button(el, /Send code/).click();
    await until(() => el.querySelector('input[name=code]'), 'code step');
    const code = el.querySelector<HTMLInputElement>('input[name=code]')!;
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.maxLength).to.equal(6);
    expect(shadow(el).textContent).to.contain('+79161234567');
    expect(button(el, /Resend in \d+ s/).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await enterCode(el, '000000');
    await until(() => /Attempts left: 4/.test(el.textContent ?? ''), 'wrong code with attempts left');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    await enterCode(el, DEMO_CREDENTIALS.smsCode);
    await until(() => events.length === 1, 'acct-saved');
    expect(events[0]!.detail).to.deep.equal({ section: 'contacts.phone', data: { phone: '+79161234567' } });
    expect(adapter.control.snapshot().profile.phone).to.equal('+79161234567');
    expect(liveText(el)).to.equal('Your phone number is verified.');
  });

  it('formats each keystroke for the chosen country, and international numbers whatever the country', async () => {
    const el = await mount(createMemoryAdapter(), 'en', 'US');
    const input = q<HTMLInputElement>(el, 'input[name=phone]');
    const shown: string[] = [];
    for (const digit of '2133734253') {
      await typePhone(el, input.value + digit);
      shown.push(input.value);
    }
    expect(shown).to.deep.equal(['2', '21', '(213)', '(213) 3', '(213) 37', '(213) 373', '(213) 373-4', '(213) 373-42', '(213) 373-425', '(213) 373-4253']);
    expect(shadow(el).textContent).to.contain('+1 213 373 4253');
    await typePhone(el, '');
    for (const key of '+4915123456789') await typePhone(el, input.value + key);
    expect(input.value).to.equal('+49 1512 3456789');
    expect(shadow(el).textContent).to.contain('+49 1512 3456789');
  });

  it('offers only a call for a landline and explains why; the call code is the last four digits', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 495 123-45-67');
    const sms = q<HTMLInputElement>(el, 'input[name=method][value=sms]');
    expect(sms.disabled).to.equal(true);
    expect(q<HTMLInputElement>(el, 'input[name=method][value=call]').checked).to.equal(true);
    expect(shadow(el).textContent).to.contain('not look like a mobile number');
    button(el, /Call me/).click();
    await until(() => el.querySelector('input[name=code]'), 'code step');
    expect(shadow(el).textContent).to.contain('You do not need to answer');
    expect(el.querySelector<HTMLInputElement>('input[name=code]')!.maxLength).to.equal(4);
    await enterCode(el, DEMO_CREDENTIALS.callCode);
    await until(() => /is verified/.test(shadow(el).textContent ?? ''), 'verified');
    expect(adapter.control.snapshot().profile.phone).to.equal('+74951234567');
  });

  it('falls back to the second gateway, then to a prefilled support ticket', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    q<HTMLInputElement>(el, 'input[name=method][value=call]').click();
    await el.updateComplete;
    adapter.control.failNext('unavailable', { method: 'contacts.startPhoneVerification' });
    button(el, /Call me/).click();
    await until(() => shadow(el).querySelector('[role=alert]'), 'gateway failure');
    button(el, /Try the second gateway/).click();
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('second gateway this time');
    button(el, /Call me/).click();
    await until(() => el.querySelector('input[name=code]'), 'code step on the second gateway');
    const started = adapter.control.calls.filter((c) => c.method === 'contacts.startPhoneVerification');
    expect((started[started.length - 1]!.args[1] as { gateway: string }).gateway).to.equal('secondary');
    button(el, /The call did not come/).click();
    await until(() => shadow(el).querySelector('textarea[name=body]'), 'ticket form');
    const body = q<HTMLTextAreaElement>(el, 'textarea[name=body]').value;
    expect(body).to.contain('+79161234567');
    expect(body).to.match(/first gateway/);
    expect(body).to.match(/second gateway/);
    await expect(el).to.be.accessible();
    const events = recordEvents(el, ['acct-ticket-created']);
    button(el, /Create a support ticket/).click();
    await until(() => events.length === 1, 'ticket created');
    expect(shadow(el).textContent).to.match(/Support ticket T-\d+ was created/);
    expect(adapter.control.snapshot().tickets.at(-1)!.body).to.contain('+79161234567');
  });

  it('keeps the code after a network error, retries it with the same key, and never puts the code in the key', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    button(el, /Send code/).click();
    const keys = () =>
      adapter.control.calls
        .filter((c) => c.method === 'contacts.confirmPhoneVerification')
        .map((c) => (c.args[c.args.length - 1] as { idempotencyKey: string }).idempotencyKey);
    await enterCode(el, '000000');
    await until(() => /Attempts left/.test(el.textContent ?? ''), 'wrong code');
    expect(el.querySelector<HTMLInputElement>('input[name=code]')!.value, 'a wrong code is cleared').to.equal('');
    adapter.control.failNext('network', { method: 'contacts.confirmPhoneVerification' });
    adapter.control.failNext('timeout', { method: 'contacts.confirmPhoneVerification' });
    await enterCode(el, '111111');
    await until(() => keys().length === 2, 'second attempt');
    await until(() => /connection/i.test(el.textContent ?? ''), 'network error');
    expect(el.querySelector<HTMLInputElement>('input[name=code]')!.value, 'kept after a network error').to.equal('111111');
    el.querySelector<HTMLInputElement>('input[name=code]')!.value = DEMO_CREDENTIALS.smsCode;
    button(el, /^\s*Confirm\s*$/).click();
    await el.updateComplete;
    await until(() => keys().length === 3 && !q<HTMLButtonElement>(el, 'button[type=submit]').disabled, 'third attempt');
    expect(el.querySelector<HTMLInputElement>('input[name=code]')!.value).to.equal(DEMO_CREDENTIALS.smsCode);
    button(el, /^\s*Confirm\s*$/).click();
    await until(() => /is verified/.test(shadow(el).textContent ?? ''), 'verified on the retry');
    const sent = keys();
    expect(sent).to.have.length(4);
    expect(new Set(sent).size, 'one key per code, the same for its retry').to.equal(3);
    expect(sent[2]).to.equal(sent[3]);
    for (const key of sent) {
      expect(key).to.be.a('string');
      for (const code of ['000000', '111111', DEMO_CREDENTIALS.smsCode]) expect(key).to.not.contain(code);
    }
  });

  it('sends the support ticket with an idempotency key that its retry reuses and a changed message renews', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    adapter.control.failNext('unavailable', { method: 'contacts.startPhoneVerification' });
    button(el, /Send code/).click();
    await until(() => shadow(el).querySelector('[role=alert]'), 'gateway failure');
    button(el, /Try the second gateway/).click();
    await el.updateComplete;
    button(el, /Send code/).click();
    await until(() => el.querySelector('input[name=code]'), 'code step on the second gateway');
    button(el, /The SMS did not arrive/).click();
    await until(() => shadow(el).querySelector('textarea[name=body]'), 'ticket form');
    const keys = () =>
      adapter.control.calls.filter((c) => c.method === 'tickets.create').map((c) => (c.args[c.args.length - 1] as { idempotencyKey?: string }).idempotencyKey);
    adapter.control.failNext('timeout', { method: 'tickets.create' });
    adapter.control.failNext('network', { method: 'tickets.create' });
    button(el, /Create a support ticket/).click();
    await el.updateComplete;
    await until(() => keys().length === 1 && !q<HTMLButtonElement>(el, 'form button[type=submit]').disabled, 'first failure');
    button(el, /Create a support ticket/).click();
    await el.updateComplete;
    await until(() => keys().length === 2 && !q<HTMLButtonElement>(el, 'form button[type=submit]').disabled, 'second failure');
    const body = q<HTMLTextAreaElement>(el, 'textarea[name=body]');
    body.value += '\nMy number is a new one.';
    body.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const events = recordEvents(el, ['acct-ticket-created']);
    button(el, /Create a support ticket/).click();
    await until(() => events.length === 1, 'ticket created');
    const sent = keys();
    expect(sent[0]).to.be.a('string');
    expect(sent[1], 'the retry of the same ticket').to.equal(sent[0]);
    expect(sent[2], 'a changed message is a new ticket').to.be.a('string').and.not.equal(sent[0]);
    expect(adapter.control.snapshot().tickets.at(-1)!.body).to.contain('My number is a new one.');
  });

  it('aborts its writes when the element leaves the page', async () => {
    const adapter = createMemoryAdapter();
    const signals: (AbortSignal | undefined)[] = [];
    const contacts = adapter.contacts!;
    adapter.contacts = {
      ...contacts,
      confirmPhoneVerification: (id, code, o) => (signals.push(o?.signal), contacts.confirmPhoneVerification(id, code, o)),
    };
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    button(el, /Send code/).click();
    adapter.control.hangNext({ method: 'contacts.confirmPhoneVerification' });
    await enterCode(el, DEMO_CREDENTIALS.smsCode);
    await until(() => signals.length === 1, 'confirm sent');
    expect(signals[0]!.aborted).to.equal(false);
    el.remove();
    expect(signals[0]!.aborted).to.equal(true);
  });

  it('rejects an invalid number at the field and SMS to a number that is not mobile', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '12');
    button(el, /Send code/).click();
    await until(() => q(el, 'input[name=phone]').getAttribute('aria-invalid') === 'true', 'invalid phone');
    expect(shadow(el).getElementById('phone-error')!.textContent).to.match(/too short/i);
    expect(adapter.control.calls.some((c) => c.method === 'contacts.startPhoneVerification')).to.equal(false);
  });

  it('paints the number form without the flow, and loads it on the first Send code', async () => {
    const real = AcctPhoneVerification.flowLoader;
    let loads = 0;
    AcctPhoneVerification.flowLoader = () => (loads++, real());
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter, 'en', 'RU', false);
      expect(loads, 'first paint fetches no flow chunk').to.equal(0);
      await typePhone(el, '+7 916 123 45 67');
      button(el, /Send code/).click();
      await until(() => el.querySelector('input[name=code]'), 'code step');
      expect(loads).to.equal(1);
      await enterCode(el, DEMO_CREDENTIALS.smsCode);
      await until(() => /is verified/.test(shadow(el).textContent ?? ''), 'verified');
    } finally {
      AcctPhoneVerification.flowLoader = real;
    }
  });

  it('says so, translated, when the flow chunk cannot be fetched, and Retry fetches it again', async () => {
    const restore = failFlowLoads(AcctPhoneVerification);
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter, 'ru', 'RU', false);
      await until(() => (shadow(el).textContent ?? '').includes('Подтверждение телефона'), 'Russian heading');
      await typePhone(el, '+7 916 123 45 67');
      q<HTMLButtonElement>(el, 'button[type=submit]').click();
      await until(() => shadow(el).querySelector('form [role=alert]'), 'load failure');
      const alert = q(el, 'form [role=alert]');
      expect(alert.textContent).to.contain('Не удалось загрузить');
      expect(q<HTMLInputElement>(el, 'input[name=phone]').value).to.equal('+7 916 123 45 67');
      expect(q<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.equal(false);
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await until(() => el.querySelector('input[name=code]'), 'code step after retry');
      expect(adapter.control.calls.filter((c) => c.method === 'contacts.startPhoneVerification')).to.have.length(1);
    } finally {
      restore();
    }
  });

  it('works in Russian', async () => {
    const el = await mount(createMemoryAdapter(), 'ru');
    await until(() => (shadow(el).textContent ?? '').includes('Подтверждение телефона'), 'Russian heading');
    const names = [...shadow(el).querySelectorAll('select[name=country] option')].map((o) => o.textContent);
    expect(names).to.include('Россия +7');
    await expect(el).to.be.accessible();
  });

  it('moves focus through the steps: number, code, verified heading; never to <body>', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    const send = button(el, /Send code/);
    send.focus();
    send.click();
    await until(() => el.querySelector('input[name=code]') && document.activeElement === el.querySelector('input[name=code]'), 'focus on the code');
    el.querySelector<HTMLInputElement>('input[name=code]')!.value = DEMO_CREDENTIALS.smsCode;
    const confirm = button(el, /^\s*Confirm\s*$/);
    confirm.focus();
    confirm.click();
    await until(() => /is verified/.test(shadow(el).textContent ?? ''), 'verified');
    await until(() => shadow(el).activeElement?.id === 'phone-heading', 'focus on the heading');
    expect(liveText(el)).to.equal('Your phone number is verified.');
    await expect(el).to.be.accessible();
    // Change the number (from the code step): back to the number, focus on it.
    const other = await mount(createMemoryAdapter());
    await typePhone(other, '+7 916 123 45 67');
    button(other, /Send code/).click();
    await until(() => document.activeElement === other.querySelector('input[name=code]'), 'focus on the code');
    button(other, /Change the number/).click();
    await until(() => shadow(other).activeElement === shadow(other).querySelector('input[name=phone]'), 'focus on the number');
  });

  it('the second gateway starts without the first one\'s resend countdown, with focus on the number', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    button(el, /Send code/).click();
    await until(() => el.querySelector('input[name=code]'), 'code step');
    expect(button(el, /Resend in \d+ s/).disabled, 'the first gateway\'s countdown runs').to.equal(true);
    button(el, /The SMS did not arrive/).click();
    await until(() => /second gateway this time/.test(shadow(el).textContent ?? ''), 'second gateway');
    const submit = q<HTMLButtonElement>(el, 'button[type=submit]');
    expect(submit.textContent!.trim()).to.equal('Send code');
    expect(submit.disabled).to.equal(false);
    await until(() => shadow(el).activeElement === shadow(el).querySelector('input[name=phone]'), 'focus on the number');
    submit.click();
    await until(() => el.querySelector('input[name=code]'), 'code step on the second gateway');
    const started = adapter.control.calls.filter((c) => c.method === 'contacts.startPhoneVerification');
    expect((started.at(-1)!.args[1] as { gateway: string }).gateway).to.equal('secondary');
    expect(button(el, /Resend in \d+ s/).disabled, 'the second gateway has its own countdown').to.equal(true);
    // Neither worked: focus on the message to support, then (sent) on the heading.
    button(el, /The SMS did not arrive/).click();
    await until(() => shadow(el).activeElement === shadow(el).querySelector('textarea[name=body]'), 'focus on the message');
    button(el, /Create a support ticket/).click();
    await until(() => /Support ticket T-\d+ was created/.test(shadow(el).textContent ?? ''), 'ticket sent');
    await until(() => shadow(el).activeElement?.id === 'phone-heading', 'focus on the heading');
  });

  it('says each error once: a gateway failure by its alert, a wrong code by the field or the live region', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await typePhone(el, '+7 916 123 45 67');
    adapter.control.failNext('unavailable', { method: 'contacts.startPhoneVerification' });
    const send = button(el, /Send code/);
    send.focus();
    send.click();
    await until(() => shadow(el).querySelector('[role=alert]'), 'gateway failure');
    await el.updateComplete;
    expect(q(el, '[role=alert]').textContent).to.match(/temporarily unavailable/i);
    expect(liveText(el)).to.equal('');
    expect(shadow(el).activeElement?.localName, 'focus kept on a button, not <body>').to.equal('button');
    button(el, /Try the second gateway/).click();
    await until(() => shadow(el).activeElement === shadow(el).querySelector('input[name=phone]'), 'focus on the number');
    button(el, /Send code/).click();
    await until(() => document.activeElement === el.querySelector('input[name=code]'), 'code step');
    const { sendKeys } = await import('@web/test-runner-commands');
    // Enter in the code field: focus stays there, so the live region says the error (no alert too).
    await sendKeys({ type: '000000' });
    await sendKeys({ press: 'Enter' });
    await until(() => /not correct/.test(liveText(el)), 'wrong code announced');
    expect(document.activeElement).to.equal(el.querySelector('input[name=code]'));
    const alerts = [...shadow(el).querySelectorAll('[role=alert]'), ...el.querySelectorAll('[role=alert]')];
    expect(alerts.filter((a) => /not correct/.test(a.textContent ?? ''))).to.have.length(0);
    expect(el.querySelector('input[name=code]')!.getAttribute('aria-invalid')).to.equal('true');
  });
});

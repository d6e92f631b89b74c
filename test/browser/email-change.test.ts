import '@acct/elements/provider';
import '@acct/elements/email-change';
import { createMemoryAdapter, DEMO_CREDENTIALS, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import { AcctEmailChange } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { failFlowLoads, flowLoaded } from './lazy-flow.js';

async function mount(adapter: MemoryAdapter, locale = 'en'): Promise<AcctEmailChange> {
  const provider = await fixture(html`<acct-provider locale=${locale} .adapter=${adapter}><acct-email-change></acct-email-change></acct-provider>`);
  const el = provider.querySelector('acct-email-change')!;
  await until(() => el.shadowRoot?.querySelector('input[name=email]'), 'email form');
  return el;
}

async function request(el: AcctEmailChange, email: string): Promise<void> {
  const input = q<HTMLInputElement>(el, 'input[name=email]');
  input.value = email;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  q<HTMLButtonElement>(el, 'button[type=submit]').click();
}

const errorOf = (el: Element) => {
  const input = q<HTMLInputElement>(el, 'input[name=email]');
  return input.getAttribute('aria-invalid') === 'true' ? (shadow(el).getElementById('new-email-error')?.textContent ?? '') : '';
};

describe('acct-email-change', () => {
  afterEach(() => setAcctLocale('en'));

  it('shows the current address and its status, then a pending change until confirmed', async () => {
    const adapter = createMemoryAdapter();
    const current = String(adapter.control.snapshot().profile.email);
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
    expect(shadow(el).textContent).to.contain(current);
    expect(shadow(el).textContent).to.contain('Confirmed');
    const events = recordEvents(el, ['acct-saved', 'acct-dirty-change']);
    await request(el, 'new.address@example.org');
    await until(() => liveText(el).includes('new.address@example.org'), 'announced');
    expect(shadow(el).textContent).to.contain('Waiting for confirmation: new.address@example.org.');
    expect(adapter.control.snapshot().email.pending).to.equal('new.address@example.org');
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('');
    expect(events.map((e) => e.type)).to.deep.equal(['acct-dirty-change', 'acct-dirty-change', 'acct-saved']);
    // Resend sits behind a cooldown right after sending.
    const resend = [...shadow(el).querySelectorAll('button')].find((b) => /Resend/.test(b.textContent ?? ''))!;
    expect(resend.disabled).to.equal(true);
    expect(resend.textContent).to.match(/Resend in \d+ s/);
    await expect(el).to.be.accessible();
  });

  it('rejects empty, malformed and unchanged addresses at the field, keeping the input', async () => {
    const adapter = createMemoryAdapter();
    const current = String(adapter.control.snapshot().profile.email);
    const el = await mount(adapter);
    await request(el, '');
    await until(() => errorOf(el), 'empty error');
    expect(errorOf(el)).to.match(/enter a value/i);
    await request(el, 'someone@');
    await until(() => /name@example\.com/.test(errorOf(el)), 'malformed error');
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('someone@');
    await request(el, current.toUpperCase());
    await until(() => /already your current/i.test(errorOf(el)), 'unchanged error');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('email');
    expect(adapter.control.calls.some((c) => c.method === 'contacts.requestEmailChange')).to.equal(false);
  });

  it('maps server field errors to the field and network errors to a banner, keeping the input', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.failNext('validation', { method: 'contacts.requestEmailChange', fieldErrors: { email: 'Domain not allowed by policy' } });
    await request(el, 'x@blocked.example');
    await until(() => errorOf(el), 'server field error');
    expect(errorOf(el)).to.equal('Domain not allowed by policy');
    adapter.control.failNext('network', { method: 'contacts.requestEmailChange' });
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => shadow(el).querySelector('[role=alert]'), 'network banner');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(/No connection.*input is kept/s);
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('x@blocked.example');
    // The earlier server message about the address is not left beside the new failure.
    expect(errorOf(el)).to.not.be.ok;
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => adapter.control.snapshot().email.pending === 'x@blocked.example', 'retried');
    const keys = adapter.control.calls.filter((c) => c.method === 'contacts.requestEmailChange').map((c) => (c.args[1] as { idempotencyKey: string }).idempotencyKey);
    expect(keys[keys.length - 1]).to.equal(keys[keys.length - 2]);
  });

  it('counts down after rate_limited and asks for the password when needed', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await request(el, 'pending@example.org');
    await until(() => /Waiting for confirmation/.test(shadow(el).textContent ?? ''), 'pending');
    // A fresh element (a page reload) has no local cooldown; the server still says no for 42 s.
    adapter.control.failNext('rate_limited', { method: 'contacts.resendEmailConfirmation', retryAfter: 42 });
    el.remove();
    const fresh = await mount(adapter);
    // While the flow's chunk arrives the button says "Loading…", so it may be missing for a frame.
    const resend = () => [...shadow(fresh).querySelectorAll('button')].find((b) => /Resend/.test(b.textContent ?? ''));
    resend()!.click();
    await until(() => /Resend in 4[12] s/.test(resend()?.textContent ?? ''), 'countdown from retryAfter');
    expect(shadow(fresh).querySelector('[role=alert]')!.textContent).to.match(/Try again in 42 s/);
    adapter.control.requireReauth({ method: 'contacts.requestEmailChange' });
    await request(fresh, 'second@example.org');
    await until(() => fresh.querySelector('input[type=password]'), 'password prompt');
    fresh.querySelector<HTMLInputElement>('input[type=password]')!.value = DEMO_CREDENTIALS.password;
    shadow(fresh).querySelector<HTMLButtonElement>('dialog[open] button[type=submit]')!.click();
    await until(() => adapter.control.snapshot().email.pending === 'second@example.org', 'changed after reauth');
  });

  it('paints without the change flow, loads it on the first request and on intent', async () => {
    const real = AcctEmailChange.flowLoader;
    let loads = 0;
    AcctEmailChange.flowLoader = () => (loads++, real());
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter);
      expect(loads, 'first paint fetches no flow chunk').to.equal(0);
      await request(el, 'first.use@example.org');
      await until(() => adapter.control.snapshot().email.pending === 'first.use@example.org', 'requested after the chunk loaded');
      expect(loads).to.equal(1);
      const other = await mount(createMemoryAdapter());
      q(other, 'input[name=email]').dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      await flowLoaded(other);
      expect(loads, 'focus inside prefetches').to.equal(2);
    } finally {
      AcctEmailChange.flowLoader = real;
    }
  });

  it('says so, translated, when the flow chunk cannot be fetched, and Retry fetches it again', async () => {
    const restore = failFlowLoads(AcctEmailChange);
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter, 'ru');
      await until(() => (shadow(el).textContent ?? '').includes('Новый адрес'), 'Russian label');
      await request(el, 'retry@example.org');
      await until(() => shadow(el).querySelector('form [role=alert]'), 'load failure');
      const alert = q(el, 'form [role=alert]');
      expect(alert.textContent).to.contain('Не удалось загрузить');
      expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('retry@example.org');
      expect(q<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.equal(false);
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await until(() => adapter.control.snapshot().email.pending === 'retry@example.org', 'requested after retry');
      expect(shadow(el).querySelector('form [role=alert]') === null).to.equal(true);
    } finally {
      restore();
    }
  });

  it('works in Russian', async () => {
    const el = await mount(createMemoryAdapter(), 'ru');
    await until(() => (shadow(el).textContent ?? '').includes('Новый адрес'), 'Russian label');
    await expect(el).to.be.accessible();
  });

  it('passes an AbortSignal to its writes and aborts them when the element leaves the page', async () => {
    const adapter = createMemoryAdapter();
    const signals: Record<string, AbortSignal | undefined> = {};
    const contacts = adapter.contacts!;
    adapter.contacts = {
      ...contacts,
      requestEmailChange: (email, o) => ((signals.change = o?.signal), contacts.requestEmailChange(email, o)),
      resendEmailConfirmation: (o) => ((signals.resend = o?.signal), contacts.resendEmailConfirmation(o)),
    };
    const el = await mount(adapter);
    await request(el, 'first@example.org');
    await until(() => liveText(el).includes('first@example.org'), 'sent');
    expect(signals.change).to.be.instanceOf(AbortSignal);
    expect(signals.change!.aborted, 'a finished write is not aborted').to.equal(false);
    adapter.control.hangNext({ method: 'contacts.requestEmailChange' });
    await request(el, 'second@example.org');
    await until(() => signals.change?.aborted === false && adapter.control.calls.filter((c) => c.method === 'contacts.requestEmailChange').length === 2, 'second write');
    const hanging = signals.change!;
    el.remove();
    expect(hanging.aborted).to.equal(true);

    // Resend too.
    const fresh = createMemoryAdapter({ data: { email: { confirmed: false } } });
    const base = fresh.contacts!;
    fresh.contacts = { ...base, resendEmailConfirmation: (o) => ((signals.resend = o?.signal), base.resendEmailConfirmation(o)) };
    const other = await mount(fresh);
    await flowLoaded(other);
    fresh.control.hangNext({ method: 'contacts.resendEmailConfirmation' });
    await until(() => [...shadow(other).querySelectorAll('button')].some((b) => /Resend confirmation/.test(b.textContent ?? '')), 'resend button');
    [...shadow(other).querySelectorAll('button')].find((b) => /Resend confirmation/.test(b.textContent ?? ''))!.click();
    await until(() => signals.resend, 'resend sent');
    expect(signals.resend!.aborted).to.equal(false);
    other.remove();
    expect(signals.resend!.aborted).to.equal(true);
  });

  it('says a failed request once, in its alert (not again in the live region), with focus back on its button', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    adapter.control.failNext('unavailable', { method: 'contacts.requestEmailChange' });
    const submit = q<HTMLButtonElement>(el, 'button[type=submit]');
    submit.focus();
    await request(el, 'kept@example.org');
    await until(() => shadow(el).querySelector('[role=alert]')?.textContent?.match(/temporarily unavailable/i), 'failure');
    await el.updateComplete;
    expect([...shadow(el).querySelectorAll('[role=alert]')].filter((a) => /temporarily unavailable/i.test(a.textContent ?? ''))).to.have.length(1);
    expect(liveText(el)).to.equal('');
    expect(shadow(el).activeElement).to.equal(q(el, 'button[type=submit]'));
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('kept@example.org');
  });
});

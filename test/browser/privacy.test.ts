import '@acct/elements/provider';
import '@acct/elements/privacy';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import type { AcctPrivacy } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { alertText, button, runResourceContract, type } from './resource-contract.js';

const render = (adapter: MemoryAdapter) => html`<acct-provider .adapter=${adapter}><acct-privacy></acct-privacy></acct-provider>`;
const ready = (el: HTMLElement) => el.shadowRoot?.querySelector('#delete-heading');
const submitDeletion = (el: HTMLElement) => q<HTMLButtonElement>(el, 'form.delete button[type=submit]').click();

async function mount(adapter = createMemoryAdapter()): Promise<{ adapter: MemoryAdapter; el: AcctPrivacy }> {
  const provider = await fixture(render(adapter));
  const el = provider.querySelector('acct-privacy')!;
  await until(() => ready(el), 'privacy sections');
  return { adapter, el };
}

const exports = (text: string) => [
  { id: 'exp-2', status: 'ready' as const, requestedAt: '2025-04-02T08:15:00.000Z', url: 'javascript:alert(1)' },
  { id: 'exp-1', status: 'failed' as const, requestedAt: '2025-03-02T08:15:00.000Z', url: text },
];

runResourceContract({
  tag: 'acct-privacy',
  domain: 'privacy',
  loadMethod: 'privacy.get',
  render,
  account: 'individual-non-resident',
  ready: (el) => ready(el) && el.shadowRoot?.querySelector('table'),
  action: {
    method: 'privacy.requestDeletion',
    section: 'privacy',
    operation: 'requestDeletion',
    fill: (el, adapter) => type(el, 'input[name=confirmation]', adapter.control.snapshot().viewer.username),
    submit: async (el) => submitDeletion(el),
    expectKept: (el) => expect(q<HTMLInputElement>(el, 'input[name=confirmation]').value).to.not.equal(''),
    expectDone: (adapter) => expect(adapter.control.snapshot().privacy.deletion?.status).to.equal('scheduled'),
  },
  // The viewer's name is what the user types; the hostile export URL must not become a link.
  hostile: (text) => ({ viewer: { username: text }, privacy: { exports: exports(text) } }),
});

describe('acct-privacy', () => {
  it('requests an archive, shows it being prepared, and offers the download when ready', async () => {
    const { adapter, el } = await mount();
    await expect(el).to.be.accessible();
    expect(q(el, '.empty').textContent).to.match(/no archive/i);
    const events = recordEvents(document, ['acct-saved']);
    button(shadow(el), /request archive/i).click();
    await until(() => shadow(el).querySelector('table'), 'exports table');
    expect(q(el, 'table tbody').textContent).to.contain('Being prepared');
    expect(button(shadow(el), /request archive/i).disabled).to.equal(true);
    expect(q(el, '#archive-reason').textContent).to.match(/being prepared/);
    expect(liveText(el)).to.match(/archive requested/i);
    expect(events[0].detail.section).to.equal('privacy');
    expect(adapter.control.snapshot().privacy.exports).to.have.length(1);
  });

  it('does not take a malformed answer to an archive request for success', async () => {
    const adapter = createMemoryAdapter();
    const privacy = adapter.privacy!;
    adapter.privacy = { ...privacy, requestExport: async (o) => (await privacy.requestExport(o), { exports: [{ id: 1 }] }) as never };
    const { el } = await mount(adapter);
    const events = recordEvents(el, ['acct-saved', 'acct-error']);
    button(shadow(el), /request archive/i).click();
    await until(() => alertText(el), 'failure');
    expect(alertText(el)).to.match(/could not read/i);
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([['acct-error', { section: 'privacy', code: 'invalid_response', operation: 'requestExport' }]]);
  });

  it('links a ready archive through safeUrl and drops unsafe links', async () => {
    const adapter = createMemoryAdapter({ account: 'individual-non-resident' });
    const { el } = await mount(adapter);
    const link = q<HTMLAnchorElement>(el, 'table a');
    expect(link.href).to.equal('https://billing.example.com/privacy/exports/exp-1.zip');
    expect(link.hasAttribute('download')).to.equal(true);
    const { el: bad } = await mount(createMemoryAdapter({ data: { privacy: { exports: exports('x') } } }));
    expect(shadow(bad).querySelector('a') === null).to.equal(true);
    expect(q(bad, 'table tbody').textContent).to.match(/not available/);
  });

  it('explains deletion and schedules it only after the username is typed', async () => {
    const { adapter, el } = await mount();
    const username = adapter.control.snapshot().viewer.username;
    const section = q(el, '#delete-heading').closest('section')!;
    expect(section.textContent).to.match(/services are stopped/i).and.match(/balance/i);
    expect(q(el, 'label[for=confirmation]').textContent).to.contain(username);
    submitDeletion(el);
    await until(() => q(el, 'input[name=confirmation]').getAttribute('aria-invalid') === 'true', 'required');
    await type(el, 'input[name=confirmation]', `${username}x`);
    submitDeletion(el);
    await until(() => shadow(el).getElementById('confirmation-error')?.textContent?.match(/does not match/), 'mismatch');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('confirmation');
    expect(adapter.control.calls.some((c) => c.method === 'privacy.requestDeletion')).to.equal(false);
    await type(el, 'input[name=confirmation]', username);
    submitDeletion(el);
    await until(() => shadow(el).querySelector('form.delete') === null, 'scheduled');
    expect(section.textContent).to.match(/scheduled for deletion on/);
    // The form is gone: focus is on the result, which says it (not the live region a second time).
    await until(() => shadow(el).activeElement?.matches('[data-result=deletion]'), 'focus on the scheduled deletion');
    expect(shadow(el).activeElement!.textContent).to.match(/scheduled for deletion on/);
    expect(liveText(el)).to.not.match(/scheduled/);
    expect(adapter.control.snapshot().privacy.deletion?.status).to.equal('scheduled');
    await expect(el).to.be.accessible();
  });

  it('shows the server rejecting the confirmation next to the field', async () => {
    const { adapter, el } = await mount();
    await type(el, 'input[name=confirmation]', adapter.control.snapshot().viewer.username);
    adapter.control.failNext('validation', { method: 'privacy.requestDeletion', fieldErrors: { confirmation: 'mismatch' } });
    submitDeletion(el);
    await until(() => shadow(el).getElementById('confirmation-error')?.textContent?.match(/do not match/), 'server reason');
    expect(alertText(el)).to.equal('');
  });

  it('after an archive request focus goes to the archives table, not to <body>', async () => {
    const { el } = await mount();
    const request = button(shadow(el), /request archive/i);
    request.focus();
    request.click();
    await until(() => shadow(el).activeElement?.id === 'archives', 'focus on the archives table');
    expect(q(el, '#archives').textContent).to.contain('Being prepared');
    expect(liveText(el)).to.match(/archive requested/i);
    await expect(el).to.be.accessible();
  });

  it('says a failed request once, in its alert (not again in the live region), with focus back on its button', async () => {
    const { adapter, el } = await mount();
    adapter.control.failNext('unavailable', { method: 'privacy.requestExport' });
    const request = button(shadow(el), /request archive/i);
    request.focus();
    request.click();
    await until(() => alertText(el).match(/temporarily unavailable/i), 'export failure');
    await el.updateComplete;
    expect(liveText(el)).to.equal('');
    expect(shadow(el).activeElement).to.equal(button(shadow(el), /request archive/i));

    await type(el, 'input[name=confirmation]', adapter.control.snapshot().viewer.username);
    adapter.control.failNext('network', { method: 'privacy.requestDeletion' });
    const submit = q<HTMLButtonElement>(el, 'form.delete button[type=submit]');
    submit.focus();
    submit.click();
    await until(() => alertText(el).match(/connection/i), 'deletion failure');
    await el.updateComplete;
    const alerts = [...shadow(el).querySelectorAll('[role=alert]')].filter((a) => /connection/i.test(a.textContent ?? ''));
    expect(alerts).to.have.length(1);
    expect(liveText(el)).to.equal('');
    expect(shadow(el).activeElement).to.equal(q(el, 'form.delete button[type=submit]'));
    expect(q<HTMLInputElement>(el, 'input[name=confirmation]').value, 'input kept').to.not.equal('');
  });
});

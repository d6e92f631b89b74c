import '@acct/elements/provider';
import '@acct/elements/referral';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import { ResourceController } from '@acct/elements';
import { expect, fixture, html, liveText, recordEvents, shadow, until } from './helpers.js';
import { alertText, button, runResourceContract } from './resource-contract.js';

const LINKS = { referral: 'https://billing.example.com/referral' };
const render = (adapter: MemoryAdapter) =>
  html`<acct-provider .adapter=${adapter} .links=${LINKS}><acct-referral><p>Earn 15% of what invited clients pay.</p></acct-referral></acct-provider>`;
const requestButton = (el: HTMLElement) => shadow(el).querySelector<HTMLButtonElement>('button.primary');

runResourceContract({
  tag: 'acct-referral',
  domain: 'referral',
  loadMethod: 'referral.get',
  render,
  tables: false,
  ready: (el) => requestButton(el),
  action: {
    method: 'referral.requestParticipation',
    section: 'referral',
    operation: 'requestParticipation',
    submit: async (el) => requestButton(el)?.click(),
    expectDone: (adapter) => expect(adapter.control.snapshot().referral.status).to.equal('requested'),
  },
  // With the program's link the element still has something to show; see below for no link.
  missing: (el) => shadow(el).querySelector('a[part=link]') && !requestButton(el) && !alertText(el),
});

describe('acct-referral', () => {
  async function mount(adapter: MemoryAdapter, links: object = LINKS): Promise<HTMLElement> {
    const provider = await fixture(html`<acct-provider .adapter=${adapter} .links=${links}><acct-referral description="Invite clients, get a share."></acct-referral></acct-provider>`);
    return provider.querySelector('acct-referral')!;
  }

  it("fails the request as a network error when the action's code cannot be fetched, and a retry sends it once", async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await until(() => requestButton(el), 'request button');
    const original = ResourceController.actLoader;
    ResourceController.actLoader = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const errors = recordEvents(document, ['acct-error']);
    try {
      requestButton(el)!.click();
      await until(() => alertText(el), 'failure shown');
      expect(alertText(el)).to.match(/no connection/i);
      expect(errors.map((e) => e.detail)).to.deep.equal([{ section: 'referral', code: 'network', operation: 'requestParticipation' }]);
      expect(adapter.control.calls.some((c) => c.method === 'referral.requestParticipation')).to.equal(false);
    } finally {
      ResourceController.actLoader = original;
    }
    requestButton(el)!.click();
    await until(() => shadow(el).textContent?.includes('being reviewed'), 'requested after retry');
    expect(adapter.control.calls.filter((c) => c.method === 'referral.requestParticipation').length).to.equal(1);
  });

  it('shows the host text and link, requests participation, then shows the status', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await until(() => requestButton(el), 'request button');
    await expect(el).to.be.accessible();
    expect(shadow(el).textContent).to.contain('Invite clients, get a share.');
    expect(shadow(el).querySelector<HTMLAnchorElement>('a[part=link]')!.href).to.equal(LINKS.referral);
    const saved = recordEvents(document, ['acct-saved']);
    requestButton(el)!.focus();
    requestButton(el)!.click();
    await until(() => shadow(el).textContent?.includes('being reviewed'), 'requested status');
    expect(requestButton(el) === null).to.equal(true);
    // Focus goes to the result, which is said once: as focus lands, not again by a live region.
    await until(() => shadow(el).activeElement?.id === 'referral-status', 'focus on the result');
    expect(shadow(el).activeElement!.textContent).to.match(/being reviewed/i);
    expect(shadow(el).activeElement!.closest('[role=status], [role=alert], [aria-live]') === null).to.equal(true);
    expect(liveText(el)).to.equal('');
    await expect(el).to.be.accessible();
    expect(saved.map((e) => e.detail)).to.deep.equal([{ section: 'referral', data: { status: 'requested' } }]);
    expect(adapter.control.snapshot().referral.status).to.equal('requested');
  });

  it('when the user moved on during the request, leaves focus there and says the result in the live region', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await until(() => requestButton(el), 'request button');
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'elsewhere';
    document.body.append(elsewhere);
    try {
      requestButton(el)!.click();
      elsewhere.focus();
      await until(() => shadow(el).textContent?.includes('being reviewed'), 'requested status');
      await until(() => liveText(el), 'announced');
      expect(liveText(el)).to.match(/request .* was sent/i);
      expect(document.activeElement === elsewhere).to.equal(true);
    } finally {
      elsewhere.remove();
    }
  });

  it('after a failed request, focus is back on the button and the failure is said once, by its alert', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext('unavailable', { method: 'referral.requestParticipation' });
    const el = await mount(adapter);
    await until(() => requestButton(el), 'request button');
    requestButton(el)!.focus();
    requestButton(el)!.click();
    await until(() => alertText(el), 'failure shown');
    await until(() => shadow(el).activeElement === requestButton(el), 'focus on the button again');
    expect(liveText(el)).to.equal('');
    expect(shadow(el).querySelectorAll('[role=alert]').length).to.equal(1);
  });

  it('shows members their status and no request button', async () => {
    const adapter = createMemoryAdapter({ data: { referral: { status: 'member' } } });
    const el = await mount(adapter);
    await until(() => shadow(el).textContent?.includes('You take part'), 'member status');
    expect(requestButton(el) === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('uses the slotted host text', async () => {
    const provider = await fixture(render(createMemoryAdapter()));
    const el = provider.querySelector('acct-referral')!;
    await until(() => requestButton(el), 'request button');
    const slot = shadow(el).querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.contain('Earn 15%');
  });

  it('with only a link and no sub-API, shows the link and no error', async () => {
    const { referral: _gone, ...partial } = createMemoryAdapter();
    const el = await mount(partial as MemoryAdapter);
    await until(() => shadow(el).querySelector('a[part=link]'), 'link');
    expect(alertText(el)).to.equal('');
    expect(shadow(el).textContent).to.not.contain('no "referral" API');
  });

  it('names the missing sub-API when there is no link either', async () => {
    const { referral: _gone, ...partial } = createMemoryAdapter();
    const el = await mount(partial as MemoryAdapter, {});
    await until(() => shadow(el).textContent?.includes('no "referral" API'), 'missing message');
  });

  it('drops an unsafe program link', async () => {
    const el = await mount(createMemoryAdapter(), { referral: 'javascript:alert(1)' });
    await until(() => requestButton(el), 'request button');
    expect(shadow(el).querySelector('a') === null).to.equal(true);
    expect(button(shadow(el), /request participation/i).disabled).to.equal(false);
  });

  it('speaks Russian and is accessible in every theme', async () => {
    for (const theme of ['dark', 'branded'] as const) {
      const provider = await fixture(html`<acct-provider theme=${theme} .adapter=${createMemoryAdapter()} .links=${LINKS}><acct-referral></acct-referral></acct-provider>`);
      const el = provider.querySelector('acct-referral')!;
      await until(() => requestButton(el), 'request button');
      await expect(el).to.be.accessible();
    }
    const el = await mount(createMemoryAdapter());
    try {
      await setAcctLocale('ru');
      await until(() => requestButton(el)?.textContent?.includes('Подать заявку'), 'Russian');
      expect(shadow(el).textContent).to.contain('Реферальная программа').and.contain('О реферальной программе');
    } finally {
      await setAcctLocale('en');
    }
  });
});

import '@acct/elements/provider';
import '@acct/elements/overview';
import '@acct/elements/security';
import { AcctOverview } from '@acct/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import type { AccountAdapter } from '@acct/core';
import { setAcctLocale } from '@acct/elements/i18n';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { alertText, button, runResourceContract, type } from './resource-contract.js';
import { failFlowLoads, flowLoaded } from './lazy-flow.js';

const LINKS = {
  help: 'https://billing.example.com/help',
  knowledgeBase: 'https://docs.example.com/',
  topUp: 'https://billing.example.com/balance/top-up',
  history: 'https://billing.example.com/balance/history',
  documents: 'https://billing.example.com/documents',
  tickets: 'https://billing.example.com/tickets',
  settings: 'https://billing.example.com/settings',
};
const render = (adapter: MemoryAdapter | AccountAdapter, links: object = LINKS, actions = 'navigate') =>
  html`<acct-provider .adapter=${adapter} .links=${links}><acct-overview actions=${actions}></acct-overview></acct-provider>`;
const block = (el: HTMLElement, name: string) => shadow(el).querySelector<HTMLElement>(`[data-block=${name}]`);
const profileReady = (el: HTMLElement) => block(el, 'profile')?.querySelector('dl');
const allReady = (el: HTMLElement) => profileReady(el) && block(el, 'balance')?.querySelector('.amount');

async function openTicketForm(el: HTMLElement): Promise<void> {
  await flowLoaded(el);
  if (!shadow(el).querySelector('#ticket-form')) q<HTMLButtonElement>(el, '#ticket-toggle').click();
  await until(() => shadow(el).querySelector('#ticket-form'), 'ticket form');
}

runResourceContract({
  tag: 'acct-overview',
  domain: 'profile',
  loadMethod: 'profile.get',
  render: (adapter) => render(adapter),
  tables: false,
  account: 'company-resident',
  ready: allReady,
  savedEvent: 'acct-ticket-created',
  action: {
    method: 'tickets.create',
    section: 'tickets',
    operation: 'create',
    fill: async (el) => {
      await openTicketForm(el);
      await type(el, 'input[name=subject]', 'Server does not boot');
      await type(el, 'textarea[name=body]', 'Since the last reboot.');
    },
    submit: async (el) => q<HTMLButtonElement>(el, '#ticket-form button[type=submit]').click(),
    expectKept: (el) => {
      expect(q<HTMLInputElement>(el, 'input[name=subject]').value).to.equal('Server does not boot');
      expect(q<HTMLTextAreaElement>(el, 'textarea[name=body]').value).to.equal('Since the last reboot.');
    },
    expectDone: (adapter) => expect(adapter.control.snapshot().tickets.map((t) => t.subject)).to.include('Server does not boot'),
  },
  hostile: (text) => ({ profile: { companyName: text } }),
  // Without the profile API (and with the settings link) the block keeps its actions, no error.
  missing: (el) => block(el, 'profile')?.querySelector('a[data-action=security]') && !block(el, 'profile')?.querySelector('dl') && !alertText(el),
});

describe('acct-overview', () => {
  async function mount(adapter: MemoryAdapter | AccountAdapter = createMemoryAdapter(), links: object = LINKS, actions = 'navigate'): Promise<HTMLElement> {
    const provider = await fixture(render(adapter, links, actions));
    return provider.querySelector('acct-overview')!;
  }

  it('shows the three blocks with safe links, the balance in the account currency and the low-balance warning', async () => {
    const el = await mount(createMemoryAdapter({ account: 'individual-resident' }));
    await until(() => allReady(el), 'blocks');
    await expect(el).to.be.accessible();
    const hrefs = (name: string) => [...block(el, name)!.querySelectorAll<HTMLAnchorElement>('a')].map((a) => a.href);
    expect(hrefs('support')).to.deep.equal([LINKS.help, LINKS.knowledgeBase, LINKS.tickets]);
    expect(hrefs('balance')).to.deep.equal([LINKS.history, LINKS.documents, `${LINKS.settings}#notifications`, LINKS.topUp]);
    const amount = q(el, '.amount').textContent!.replace(/\s/g, ' ');
    expect(amount).to.equal(new Intl.NumberFormat('en', { style: 'currency', currency: 'RUB' }).format(184.5).replace(/\s/g, ' '));
    const warning = block(el, 'balance')!.querySelector('[data-tone=warning]')!.textContent!;
    expect(warning).to.contain('below').and.contain('500');
    expect(block(el, 'profile')!.textContent).to.contain('Иванова Мария Сергеевна').and.contain('Individual');
    expect(block(el, 'profile')!.textContent).to.not.contain('discount');
  });

  it('shows a company with its personal discount and no warning above the threshold', async () => {
    const el = await mount(createMemoryAdapter({ account: 'company-resident', data: { balance: { amount: 100_000 } } }));
    await until(() => allReady(el), 'blocks');
    expect(block(el, 'profile')!.textContent).to.contain('ООО «Северный ветер»').and.contain('Company').and.contain('5%');
    expect(block(el, 'balance')!.querySelector('[data-tone=warning]') === null).to.equal(true);
  });

  it('uses balance.lowBalance when the notifications API is absent', async () => {
    const { notifications: _n, ...partial } = createMemoryAdapter({ account: 'individual-resident' });
    const el = await mount(partial);
    await until(() => allReady(el), 'blocks');
    expect(block(el, 'balance')!.querySelector('[data-tone=warning]')!.textContent).to.match(/balance is low/i);
  });

  it('checks the profile fields it shows: a malformed discount or account type is an invalid response in the profile block only', async () => {
    for (const bad of [{ discount: 'lots' }, { accountType: 'alien' }, { companyName: 42 }]) {
      const adapter = createMemoryAdapter({ account: 'company-resident' });
      const get = adapter.profile.get.bind(adapter.profile);
      const broken: AccountAdapter = { ...adapter, profile: { ...adapter.profile, get: async (o) => { const r = await get(o); return { ...r, data: { ...r.data, ...bad } as typeof r.data }; } } };
      const errors = recordEvents(document, ['acct-error']);
      const el = await mount(broken);
      await until(() => block(el, 'profile')?.querySelector('[role=alert]') && block(el, 'balance')?.querySelector('.amount'), `error for ${JSON.stringify(bad)}`);
      expect(profileReady(el) === null || profileReady(el) === undefined).to.equal(true);
      expect(errors.map((e) => (e as CustomEvent).detail)).to.deep.include({ section: 'profile', code: 'invalid_response', operation: 'load' });
    }
  });

  it('keeps the profile fields it does not show out of its check', async () => {
    const adapter = createMemoryAdapter({ account: 'company-resident' });
    const get = adapter.profile.get.bind(adapter.profile);
    const el = await mount({ ...adapter, profile: { ...adapter.profile, get: async (o) => { const r = await get(o); return { ...r, data: { ...r.data, futureField: { any: 1 } } }; } } });
    await until(() => profileReady(el), 'summary');
    expect(block(el, 'profile')!.textContent).to.contain('ООО «Северный ветер»');
  });

  it('creates a ticket, validates it and shows the new ticket number', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await until(() => allReady(el), 'blocks');
    const created = recordEvents(document, ['acct-ticket-created']);
    await openTicketForm(el);
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('subject');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '#ticket-form button[type=submit]').click();
    await until(() => q(el, 'input[name=subject]').getAttribute('aria-invalid') === 'true', 'required subject');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('subject');
    expect(q(el, 'textarea[name=body]').getAttribute('aria-invalid')).to.equal('true');
    expect(adapter.control.calls.filter((c) => c.method === 'tickets.create')).to.have.length(0);
    await type(el, 'input[name=subject]', 'Invoice question');
    await type(el, 'textarea[name=body]', 'Please resend invoice 42.');
    q<HTMLButtonElement>(el, '#ticket-form button[type=submit]').click();
    await until(() => created.length === 1, 'ticket created');
    const { ticket } = created[0]!.detail as { ticket: { id: string; url: string } };
    expect(block(el, 'support')!.textContent).to.contain(ticket.id);
    expect(block(el, 'support')!.querySelector<HTMLAnchorElement>('[data-tone=success] a')!.href).to.equal(ticket.url);
    expect(liveText(el)).to.contain(ticket.id);
    // Heard once: the banner is content, not a second live region.
    expect(block(el, 'support')!.querySelector('[data-tone=success]')!.hasAttribute('role')).to.equal(false);
    expect(shadow(el).querySelector('#ticket-form') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Cancel closes the ticket form and returns focus to the button that opened it', async () => {
    const el = await mount();
    await until(() => allReady(el), 'blocks');
    await flowLoaded(el);
    for (const opener of ['#ticket-toggle', '[data-action=transfer]']) {
      const trigger = q<HTMLButtonElement>(el, opener);
      trigger.focus();
      trigger.click();
      await until(() => shadow(el).querySelector('#ticket-form'), `ticket form from ${opener}`);
      const cancel = button(q(el, '#ticket-form'), /cancel/i);
      cancel.focus();
      cancel.click();
      await until(() => !shadow(el).querySelector('#ticket-form'), 'form closed');
      expect(shadow(el).activeElement === q(el, opener), `focus back on ${opener}`).to.equal(true);
      expect(q(el, '#ticket-toggle').getAttribute('aria-expanded')).to.equal('false');
    }
  });

  it('prefills a transfer-of-services ticket from the profile block', async () => {
    const adapter = createMemoryAdapter();
    const el = await mount(adapter);
    await until(() => allReady(el), 'blocks');
    q<HTMLButtonElement>(el, '[data-action=transfer]').click();
    await until(() => shadow(el).querySelector('#ticket-form'), 'ticket form');
    expect(q<HTMLInputElement>(el, 'input[name=subject]').value).to.match(/transfer of services/i);
    expect(q<HTMLTextAreaElement>(el, 'textarea[name=body]').value).to.match(/receiving account/i);
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('body');
    q<HTMLButtonElement>(el, '#ticket-form button[type=submit]').click();
    await until(() => adapter.control.snapshot().tickets.length === 1, 'ticket sent');
    expect(adapter.control.snapshot().tickets[0]!.subject).to.match(/transfer of services/i);
  });

  it('navigates through links.settings with the section, or opens the element in place when asked', async () => {
    const el = await mount();
    await until(() => allReady(el), 'blocks');
    const actions = [...block(el, 'profile')!.querySelectorAll<HTMLAnchorElement>('a[data-action]')];
    expect(actions.map((a) => a.href)).to.deep.equal(
      // The tab ids of <acct-settings sync-hash>: password change lives on the security tab.
      ['panel', 'history', 'security', 'access', 'security'].map((s) => `${LINKS.settings}#${s}`),
    );
    const inPlace = await mount(createMemoryAdapter(), LINKS, 'in-place');
    await until(() => allReady(inPlace), 'blocks');
    // acct-security is registered, so security and password open here; the others stay links.
    expect(block(inPlace, 'profile')!.querySelector('a[data-action=panel]')!.getAttribute('href')).to.equal(`${LINKS.settings}#panel`);
    const security = q<HTMLButtonElement>(inPlace, 'button[data-action=security]');
    security.click();
    await until(() => shadow(inPlace).querySelector('#in-place acct-security'), 'security in place');
    expect(security.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(inPlace).activeElement?.id).to.equal('in-place-heading');
    await until(() => shadow(shadow(inPlace).querySelector('acct-security')!).querySelector('form'), 'security loaded through the provider');
    await expect(inPlace).to.be.accessible();
    button(q(inPlace, '#in-place'), /close/i).click();
    await until(() => !shadow(inPlace).querySelector('#in-place'), 'closed');
    expect(shadow(inPlace).activeElement?.getAttribute('data-action')).to.equal('security');
  });

  it("lets the page's ::part() rules reach the parts of an element opened in place", async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('acct-overview::part(button-primary) { word-spacing: 5px } acct-overview::part(security-section) { letter-spacing: 3px }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const el = await mount(createMemoryAdapter(), LINKS, 'in-place');
      await until(() => allReady(el), 'blocks');
      q<HTMLButtonElement>(el, 'button[data-action=security]').click();
      const inner = () => shadow(el).querySelector('#in-place acct-security')?.shadowRoot;
      await until(() => inner()?.querySelector('[part~=section]') && inner()?.querySelector('[part~=button-primary]'), 'security in place');
      expect(getComputedStyle(inner()!.querySelector('[part~=button-primary]')!).wordSpacing).to.equal('5px');
      expect(getComputedStyle(inner()!.querySelector('[part~=section]')!).letterSpacing).to.equal('3px');
      // The overview's own blocks are not the security section.
      expect(getComputedStyle(block(el, 'support')!).letterSpacing).to.equal('normal');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('hides blocks whose sub-API and links are all missing', async () => {
    const { balance: _b, tickets: _t, ...partial } = createMemoryAdapter();
    const el = await mount(partial, { settings: LINKS.settings });
    await until(() => profileReady(el), 'profile');
    expect(block(el, 'support') === null).to.equal(true);
    expect(block(el, 'balance') === null).to.equal(true);
    expect(shadow(el).querySelector('[data-action=transfer]') === null).to.equal(true);
    const onlyLinks = await mount({}, { knowledgeBase: LINKS.knowledgeBase, topUp: 'javascript:alert(1)' });
    await until(() => block(onlyLinks, 'support'), 'support with a link');
    expect(block(onlyLinks, 'balance') === null).to.equal(true);
    expect(block(onlyLinks, 'profile') === null).to.equal(true);
    expect(shadow(onlyLinks).querySelector('#ticket-toggle') === null).to.equal(true);
  });

  it('a failing sub-API shows an error with retry in its own block only', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext('unavailable', { method: 'balance.get' });
    const el = await mount(adapter);
    await until(() => profileReady(el) && block(el, 'balance')!.querySelector('[role=alert]'), 'balance error');
    expect(block(el, 'profile')!.querySelector('[role=alert]') === null).to.equal(true);
    expect(block(el, 'support')!.querySelector('[role=alert]') === null).to.equal(true);
    await expect(el).to.be.accessible();
    button(block(el, 'balance')!, /retry/i).click();
    await until(() => block(el, 'balance')!.querySelector('.amount'), 'balance after retry');
  });

  it("Retry puts focus on the start of its own block, not on another block's heading", async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext('unavailable', { method: 'balance.get' });
    adapter.control.failNext('unavailable', { method: 'profile.get' });
    const el = await mount(adapter);
    await until(() => block(el, 'balance')!.querySelector('[role=alert]') && block(el, 'profile')!.querySelector('[role=alert]'), 'both errors');
    const retry = button(block(el, 'balance')!, /retry/i);
    retry.focus();
    retry.click();
    await until(() => block(el, 'balance')!.querySelector('.amount'), 'balance after retry');
    await until(() => shadow(el).activeElement, 'focus placed');
    // The reloaded block's heading (Support's comes first in the element): the amount is read next.
    expect(shadow(el).activeElement?.id).to.equal('balance-heading');
    // The profile block, still failed, keeps its own Retry; a second failure keeps focus in its block.
    adapter.control.failNext('unavailable', { method: 'profile.get' });
    const again = button(block(el, 'profile')!, /retry/i);
    again.focus();
    again.click();
    await until(() => shadow(el).activeElement && shadow(el).activeElement !== again, 'focus after the second failure');
    expect(shadow(el).activeElement?.id).to.equal('profile-heading');
    expect(block(el, 'profile')!.querySelector('[role=alert]') === null).to.equal(false);
    button(block(el, 'profile')!, /retry/i).click();
    await until(() => profileReady(el), 'profile after retry');
    await until(() => shadow(el).activeElement?.id === 'profile-heading', 'focus on the profile heading');
    await expect(el).to.be.accessible();
  });

  it('speaks Russian, money included', async () => {
    const el = await mount(createMemoryAdapter({ account: 'individual-resident' }));
    await until(() => allReady(el), 'blocks');
    try {
      await setAcctLocale('ru');
      await until(() => block(el, 'balance')!.textContent!.includes('Пополнить баланс'), 'Russian');
      expect(q(el, '.amount').textContent!.replace(/\s/g, ' ')).to.equal(new Intl.NumberFormat('ru', { style: 'currency', currency: 'RUB' }).format(184.5).replace(/\s/g, ' '));
      expect(block(el, 'support')!.textContent).to.contain('Создать тикет');
      expect(block(el, 'profile')!.textContent).to.contain('Перенести услуги на другой аккаунт').and.contain('Физическое лицо');
      await expect(el).to.be.accessible();
    } finally {
      await setAcctLocale('en');
    }
  });

  it('paints the blocks without the ticket form and in-place code, and loads it on the first click', async () => {
    const real = AcctOverview.flowLoader;
    let loads = 0;
    AcctOverview.flowLoader = () => (loads++, real());
    try {
      const el = await mount(createMemoryAdapter(), LINKS, 'in-place');
      await until(() => allReady(el), 'blocks');
      expect(loads, 'first paint fetches no flow chunk').to.equal(0);
      q<HTMLButtonElement>(el, 'button[data-action=security]').click();
      await until(() => shadow(el).querySelector('#in-place acct-security'), 'security in place');
      q<HTMLButtonElement>(el, '#ticket-toggle').click();
      await until(() => shadow(el).querySelector('#ticket-form'), 'ticket form');
      expect(loads).to.equal(1);
    } finally {
      AcctOverview.flowLoader = real;
    }
  });

  it('says so, translated, when the chunk behind a button cannot be fetched, and Retry fetches it again', async () => {
    const restore = failFlowLoads(AcctOverview);
    try {
      const adapter = createMemoryAdapter();
      const el = await mount(adapter);
      await until(() => allReady(el), 'blocks');
      await setAcctLocale('ru');
      await until(() => block(el, 'support')!.textContent!.includes('Создать тикет'), 'Russian');
      q<HTMLButtonElement>(el, '[data-action=transfer]').click();
      await until(() => block(el, 'profile')!.querySelector('[role=alert]'), 'load failure');
      const alert = block(el, 'profile')!.querySelector<HTMLElement>('[role=alert]')!;
      expect(alert.textContent).to.contain('Не удалось загрузить');
      expect(q<HTMLButtonElement>(el, '[data-action=transfer]').disabled).to.equal(false);
      expect(shadow(el).querySelector('#ticket-form') === null).to.equal(true);
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await until(() => shadow(el).querySelector('#ticket-form'), 'ticket form after retry');
      expect(q<HTMLTextAreaElement>(el, 'textarea[name=body]').value).to.match(/аккаунт/i);
      expect(block(el, 'profile')!.querySelector('[role=alert]') === null).to.equal(true);
    } finally {
      restore();
      await setAcctLocale('en');
    }
  });

  for (const theme of ['dark', 'branded'] as const) {
    it(`is accessible in the ${theme} theme`, async () => {
      const provider = await fixture(html`<acct-provider theme=${theme} .adapter=${createMemoryAdapter({ account: 'individual-resident' })} .links=${LINKS}><acct-overview></acct-overview></acct-provider>`);
      const el = provider.querySelector('acct-overview')!;
      await until(() => allReady(el), 'blocks');
      await openTicketForm(el);
      await expect(el).to.be.accessible();
    });
  }
});

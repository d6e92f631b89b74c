import '@acct/elements/provider';
import '@acct/elements/login-history';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import type { AcctLoginHistory } from '@acct/elements';
import { setAcctLocale } from '@acct/elements/i18n';
import { expect, fixture, html, liveText, recordEvents, shadow, until } from './helpers.js';
import { alertText, button, confirmDialog, runResourceContract } from './resource-contract.js';
import { expectChunkFailureThenRetry, type WithActionsLoader } from './lazy-actions.js';

const render = (adapter: MemoryAdapter, zone = 'UTC') =>
  html`<acct-provider .adapter=${adapter}><acct-login-history time-zone=${zone}></acct-login-history></acct-provider>`;
const ready = (el: HTMLElement) => el.shadowRoot?.querySelector('#logins, .empty') && el.shadowRoot.querySelector('#sessions');

async function mount(adapter = createMemoryAdapter(), zone = 'UTC'): Promise<{ adapter: MemoryAdapter; el: AcctLoginHistory }> {
  const provider = await fixture(render(adapter, zone));
  const el = provider.querySelector('acct-login-history')!;
  await until(() => ready(el), 'tables');
  return { adapter, el };
}

const loginRows = (el: HTMLElement) => [...shadow(el).querySelectorAll('#logins tbody tr')];
const signOut = (el: HTMLElement) => button(shadow(el), /^sign out .*203\.0\.113|^sign out .*198\.51|^sign out .*192/i);

runResourceContract({
  tag: 'acct-login-history',
  domain: 'loginHistory',
  loadMethod: 'loginHistory.list',
  render: (a) => render(a),
  ready,
  action: {
    method: 'sessions.revoke',
    section: 'sessions',
    operation: 'revoke',
    submit: async (el) => {
      [...shadow(el).querySelectorAll<HTMLButtonElement>('#sessions button')][0].click();
      await confirmDialog(el);
    },
    expectDone: (adapter) => expect(adapter.control.snapshot().sessions).to.have.length(2),
  },
  hostile: (text) => ({
    sessions: [{ id: 'ses-1', current: true, ip: text, userAgent: text, lastActiveAt: '2025-01-01T00:00:00Z' }],
    loginHistory: [{ at: '2025-01-01T00:00:00Z', ip: text, userAgent: text, location: text, success: false }],
  }),
});

describe('acct-login-history', () => {
  afterEach(() => setAcctLocale('en'));

  it('shows sessions with the current one first and marked, and a page of logins', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    const sessions = [...shadow(el).querySelectorAll('#sessions tbody tr')];
    expect(sessions).to.have.length(3);
    expect(sessions[0].textContent).to.contain('This device').and.contain('Chrome 136 on Windows 10/11');
    expect(sessions[0].querySelector('button') === null).to.equal(true);
    expect(sessions[1].querySelector('button')!.textContent).to.match(/sign out/i);
    const rows = loginRows(el);
    expect(rows).to.have.length(20);
    expect(rows[0].textContent).to.contain('Signed in');
    expect(rows.some((r) => r.textContent!.includes('Failed attempt'))).to.equal(true);
    expect(rows.some((r) => r.textContent!.includes('Firefox 138 on Linux'))).to.equal(true);
  });

  it('pages with "Show more" until the end and moves focus to the first new row', async () => {
    const { adapter, el } = await mount();
    const events = recordEvents(document, ['acct-error']);
    button(shadow(el), /show more/i).click();
    await until(() => loginRows(el).length === 40, 'second page');
    expect(shadow(el).activeElement === loginRows(el)[20]).to.equal(true);
    expect(liveText(el)).to.contain('20 more logins');
    // A failed page keeps what is shown and offers a retry.
    adapter.control.failNext('timeout', { method: 'loginHistory.list' });
    button(shadow(el), /show more/i).click();
    await until(() => alertText(el), 'page error');
    expect(loginRows(el)).to.have.length(40);
    expect(events.map((e) => e.detail)).to.deep.include({ section: 'loginHistory', code: 'timeout', operation: 'loadMore' });
    button(shadow(el), /retry/i).click();
    await until(() => loginRows(el).length === 45, 'last page');
    expect(shadow(el).textContent).to.contain('That is the whole history.');
    expect([...shadow(el).querySelectorAll('button')].some((b) => /show more/i.test(b.textContent ?? ''))).to.equal(false);
    const cursors = adapter.control.calls.filter((c) => c.method === 'loginHistory.list').map((c) => (c.args[0] as { cursor?: string }).cursor);
    expect(cursors).to.deep.equal([undefined, 'c20', 'c40', 'c40']);
  });

  it('shows times in the given time zone and locale', async () => {
    const at = '2025-03-01T23:30:00Z';
    const adapter = createMemoryAdapter({ data: { loginHistory: [{ at, ip: '192.0.2.1', userAgent: 'curl/8.5.0', success: true }] } });
    const { el } = await mount(adapter, 'Asia/Vladivostok');
    const cell = shadow(el).querySelector('#logins tbody time')!;
    expect(cell.getAttribute('datetime')).to.equal(at);
    // 23:30 UTC is 09:30 the next day in Vladivostok (UTC+10).
    expect(cell.textContent).to.contain('Mar 2, 2025').and.contain('9:30');
    expect(shadow(el).textContent).to.contain('Asia/Vladivostok');
    await setAcctLocale('ru');
    await until(() => shadow(el).querySelector('#logins tbody time')!.textContent!.includes('2 мар'), 'Russian date');
    expect(shadow(el).textContent).to.contain('Вход выполнен');
  });

  it('falls back to the browser time zone for an unknown one', async () => {
    const { el } = await mount(createMemoryAdapter(), 'Not/AZone');
    expect(shadow(el).textContent).to.contain(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('signs out another session after a confirmation and keeps focus in the widget', async () => {
    const { adapter, el } = await mount();
    const events = recordEvents(document, ['acct-saved']);
    const target = shadow(el).querySelectorAll<HTMLButtonElement>('#sessions button')[0];
    target.click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'dialog');
    expect(shadow(el).querySelector('dialog[open]')!.textContent).to.match(/Sign out this session\?/);
    await expect(el).to.be.accessible();
    await confirmDialog(el);
    await until(() => shadow(el).querySelectorAll('#sessions tbody tr').length === 2, 'row gone');
    expect(adapter.control.snapshot().sessions.map((s) => s.id)).to.deep.equal(['ses-1', 'ses-3']);
    expect(events.map((e) => e.detail)).to.deep.include({ section: 'sessions', data: { id: 'ses-2' } });
    expect(liveText(el)).to.match(/was signed out/);
    expect(shadow(el).activeElement?.id).to.equal('sessions');
  });

  it('says in Russian next to the sessions when the sign-out chunk cannot be fetched, and Retry asks for the confirmation', async () => {
    const { adapter, el } = await mount();
    await setAcctLocale('ru');
    await until(() => /Завершить сеанс/.test(shadow(el).querySelector('#sessions button')?.textContent ?? ''), 'Russian');
    await expectChunkFailureThenRetry({
      el,
      ctor: customElements.get('acct-login-history') as unknown as WithActionsLoader,
      control: () => shadow(el).querySelectorAll<HTMLButtonElement>('#sessions button')[0],
      near: () => shadow(el),
      nothingSent: () => !shadow(el).querySelector('dialog[open]') && !adapter.control.calls.some((c) => c.method === 'sessions.revoke'),
      done: () => shadow(el).querySelector('dialog[open]'),
      texts: { busy: /Загрузка/, error: /Не удалось загрузить эту часть страницы/, retry: /Повторить/ },
    });
    await confirmDialog(el);
    await until(() => adapter.control.snapshot().sessions.length === 2, 'signed out');
  });

  it('shows the empty state', async () => {
    const { el } = await mount(createMemoryAdapter({ data: { loginHistory: [] } }));
    expect(shadow(el).querySelector('.empty')!.textContent).to.match(/no logins/i);
    await expect(el).to.be.accessible();
  });

  it('returns focus to Sign out when the dialog opened before its chunk was in is cancelled', async () => {
    const { el } = await mount();
    const Ctor = customElements.get('acct-login-history') as unknown as WithActionsLoader;
    const original = Ctor.actionsLoader;
    Ctor.actionsLoader = () => new Promise((resolve) => setTimeout(() => resolve(original()), 150));
    try {
      const opener = shadow(el).querySelectorAll<HTMLButtonElement>('#sessions button')[0];
      opener.focus();
      opener.click();
      await until(() => shadow(el).querySelector('dialog[open]'), 'dialog');
      (shadow(el).querySelector('dialog[open] button[value=cancel]') as HTMLButtonElement).click();
      await until(() => !shadow(el).querySelector('dialog[open]'), 'closed');
      await until(() => shadow(el).activeElement === opener, 'focus back on Sign out');
    } finally {
      Ctor.actionsLoader = original;
    }
  });

  it('after Retry of a failed load, focus is on the loaded content, not on the page', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext('network', { method: 'loginHistory.list' });
    const provider = await fixture(render(adapter));
    const el = provider.querySelector('acct-login-history')!;
    const retryButton = () => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry');
    await until(retryButton, 'load error with Retry');
    const retry = retryButton()!;
    retry.focus();
    retry.click();
    await until(() => ready(el), 'tables after Retry');
    await until(() => document.activeElement === el && shadow(el).activeElement?.matches('h2, h3, [role=heading]'), 'focus on the heading');
  });

  it('is usable with the keyboard alone: Tab reaches Sign out, Enter opens the dialog, Escape cancels', async () => {
    const { adapter, el } = await mount();
    const { sendKeys } = await import('@web/test-runner-commands');
    signOut(el);
    const first = shadow(el).querySelectorAll<HTMLButtonElement>('#sessions button')[0];
    first.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).querySelector('dialog[open]'), 'dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el).querySelector('dialog[open]'), 'closed');
    expect(adapter.control.calls.some((c) => c.method === 'sessions.revoke')).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent?.trim()).to.match(/sign out/i);
  });
});

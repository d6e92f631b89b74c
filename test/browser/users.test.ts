import '@acct/elements/provider';
import '@acct/elements/users';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import type { AcctUsers } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { alertText, button, confirmDialog, runResourceContract, type } from './resource-contract.js';
import { expectChunkFailureThenRetry, type WithActionsLoader } from './lazy-actions.js';
import { setAcctLocale } from '@acct/elements/i18n';

const render = (adapter: MemoryAdapter) => html`<acct-provider .adapter=${adapter}><acct-users></acct-users></acct-provider>`;
const hasTable = (el: HTMLElement) => el.shadowRoot?.querySelector('#users');

async function mount(adapter = createMemoryAdapter()): Promise<{ adapter: MemoryAdapter; el: AcctUsers }> {
  const provider = await fixture(render(adapter));
  const el = provider.querySelector('acct-users')!;
  await until(() => hasTable(el), 'users table');
  return { adapter, el };
}

function row(el: HTMLElement, text: string): HTMLTableRowElement {
  const found = [...shadow(el).querySelectorAll<HTMLTableRowElement>('#users tbody tr')].find((r) => r.textContent?.includes(text));
  if (!found) throw new Error(`no row ${text}`);
  return found;
}

runResourceContract({
  tag: 'acct-users',
  domain: 'users',
  loadMethod: 'users.list',
  render,
  ready: hasTable,
  action: {
    method: 'users.invite',
    section: 'users',
    operation: 'invite',
    fill: (el) => type(el, 'input[name=email]', 'colleague@example.com'),
    submit: async (el) => q<HTMLButtonElement>(el, 'form.create button[type=submit]').click(),
    expectKept: (el) => expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('colleague@example.com'),
    expectDone: (adapter) => expect(adapter.control.snapshot().users.map((u) => u.email)).to.include('colleague@example.com'),
  },
  hostile: (text) => ({
    users: [
      { id: 'usr-1', email: 'owner@example.com', name: text, role: 'owner', status: 'active', current: true },
      { id: 'usr-9', email: text, role: 'user', status: 'invited' },
    ],
  }),
});

describe('acct-users', () => {
  it('lists users with role and status, and says why the owner row has no actions', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    const rows = shadow(el).querySelectorAll('#users tbody tr');
    expect(rows.length).to.equal(3);
    expect(rows[0].textContent).to.contain('Owner').and.contain('Active').and.contain('You');
    expect(rows[0].querySelector('button') === null).to.equal(true);
    expect(rows[0].textContent).to.match(/owner cannot be removed/i);
    expect(rows[2].textContent).to.contain('Invited');
  });

  it('invites a colleague as a user by email, with the role chosen', async () => {
    const { adapter, el } = await mount();
    const events = recordEvents(document, ['acct-saved']);
    await type(el, 'input[name=email]', 'billing@example.com');
    const role = q<HTMLSelectElement>(el, 'select[name=role]');
    expect(role.value).to.equal('user');
    role.value = 'admin';
    role.dispatchEvent(new Event('change'));
    role.value = 'user';
    role.dispatchEvent(new Event('change'));
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => liveText(el).includes('Invitation sent to billing@example.com'), 'announced');
    const invited = adapter.control.snapshot().users.find((u) => u.email === 'billing@example.com')!;
    expect(invited.role).to.equal('user');
    expect(invited.status).to.equal('invited');
    await until(() => row(el, 'billing@example.com'), 'new row');
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('');
    expect(events[0].detail.section).to.equal('users');
  });

  it('checks the email before sending and shows server reasons next to it', async () => {
    const { adapter, el } = await mount();
    await type(el, 'input[name=email]', 'not-an-email');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => q(el, 'input[name=email]').getAttribute('aria-invalid') === 'true', 'invalid');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('email');
    expect(adapter.control.calls.some((c) => c.method === 'users.invite')).to.equal(false);
    const taken = adapter.control.snapshot().users[1].email;
    await type(el, 'input[name=email]', taken);
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => shadow(el).getElementById('invite-email-error')?.textContent?.match(/already a user/), 'server reason');
    expect(alertText(el)).to.equal('');
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal(taken);
  });

  it('changes a role with the keyboard-usable select and button', async () => {
    const { adapter, el } = await mount();
    const r = row(el, 'Invited');
    const select = r.querySelector('select')!;
    const apply = button(r, /change role/i);
    expect(apply.disabled).to.equal(true);
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(apply.disabled).to.equal(false);
    apply.click();
    await until(() => adapter.control.snapshot().users[2].role === 'admin', 'role stored');
    await until(() => liveText(el).includes('Administrator'), 'announced');
  });

  it('says next to Send invitation when its chunk cannot be fetched, and Retry sends it', async () => {
    const { adapter, el } = await mount();
    await type(el, 'input[name=email]', 'late@example.com');
    await expectChunkFailureThenRetry({
      el,
      ctor: customElements.get('acct-users') as unknown as WithActionsLoader,
      control: () => q<HTMLButtonElement>(el, 'form.create button[type=submit]'),
      near: () => q(el, 'form.create'),
      nothingSent: () => !adapter.control.calls.some((c) => c.method === 'users.invite'),
      done: () => liveText(el).includes('Invitation sent to late@example.com'),
    });
    expect(adapter.control.snapshot().users.some((u) => u.email === 'late@example.com')).to.equal(true);
  });

  it('says above the users when the role chunk cannot be fetched, and Retry changes the role', async () => {
    const { adapter, el } = await mount();
    const select = row(el, 'Invited').querySelector('select')!;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await expectChunkFailureThenRetry({
      el,
      ctor: customElements.get('acct-users') as unknown as WithActionsLoader,
      control: () => row(el, 'Invited').querySelectorAll('button')[0],
      near: () => shadow(el),
      nothingSent: () => !adapter.control.calls.some((c) => c.method === 'users.updateRole'),
      done: () => adapter.control.snapshot().users[2].role === 'admin',
    });
  });

  it('does not take a malformed answer to invite, role change or removal for success', async () => {
    const adapter = createMemoryAdapter();
    const answers: Record<string, unknown> = { invite: { id: 5 }, updateRole: { id: 'u3', role: 'god' }, remove: '<html>502 Bad Gateway</html>' };
    const users = adapter.users!;
    adapter.users = {
      ...users,
      invite: async (input, o) => (await users.invite(input, o), answers.invite) as never,
      updateRole: async (id, role, o) => (await users.updateRole(id, role, o), answers.updateRole) as never,
      remove: async (id, o) => (await users.remove(id, o), answers.remove) as never,
    };
    const { el } = await mount(adapter);
    const events = recordEvents(el, ['acct-saved', 'acct-error']);
    await type(el, 'input[name=email]', 'colleague@example.com');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => alertText(el).match(/could not read/i), 'invite failure');
    const select = row(el, 'Invited').querySelector('select')!;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    button(row(el, 'Invited'), /change role/i).click();
    await until(() => events.filter((e) => e.type === 'acct-error').length === 2, 'role failure');
    button(row(el, 'Invited'), /remove/i).click();
    await confirmDialog(el);
    await until(() => events.filter((e) => e.type === 'acct-error').length === 3, 'remove failure');
    expect(events.map((e) => [e.type, e.detail.code, e.detail.operation])).to.deep.equal([
      ['acct-error', 'invalid_response', 'invite'],
      ['acct-error', 'invalid_response', 'updateRole'],
      ['acct-error', 'invalid_response', 'remove'],
    ]);
    answers.invite = 'garbage';
    await type(el, 'input[name=email]', 'second@example.com');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => events.length === 4, 'second invite failure');
    expect(events[3].detail).to.deep.equal({ section: 'users', code: 'invalid_response', operation: 'invite' });
  });

  it('removes a user only after a confirmation', async () => {
    const { adapter, el } = await mount();
    const email = adapter.control.snapshot().users[2].email;
    button(row(el, email), /remove/i).click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'dialog');
    expect(shadow(el).querySelector('dialog[open]')!.textContent).to.contain(email);
    await confirmDialog(el);
    await until(() => adapter.control.snapshot().users.length === 2, 'removed');
    await until(() => !shadow(el).querySelector('#users')!.textContent!.includes(email), 'row gone');
  });

  it('an admin manages others but not the owner or themselves, and sees why', async () => {
    const adapter = createMemoryAdapter({
      data: {
        viewer: { role: 'admin' },
        users: [
          { id: 'usr-1', email: 'owner@example.com', role: 'owner', status: 'active' },
          { id: 'usr-2', email: 'me@example.com', role: 'admin', status: 'active', current: true },
          { id: 'usr-3', email: 'other@example.com', role: 'user', status: 'active' },
        ],
      },
    });
    const { el } = await mount(adapter);
    expect(row(el, 'owner@example.com').querySelector('button') === null).to.equal(true);
    expect(row(el, 'me@example.com').querySelector('button') === null).to.equal(true);
    expect(row(el, 'me@example.com').textContent).to.match(/cannot remove yourself/i);
    expect(row(el, 'other@example.com').querySelectorAll('button').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('a plain user sees the list read-only, with the reason', async () => {
    const { el } = await mount(createMemoryAdapter({ data: { viewer: { role: 'user' } } }));
    expect(shadow(el).querySelector('#users button') === null).to.equal(true);
    expect(shadow(el).querySelector('form.create') === null).to.equal(true);
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.match(/only the account owner or an administrator/i);
    await expect(el).to.be.accessible();
  });

  it('finds the viewer by username when the adapter sends no current flag', async () => {
    const adapter = createMemoryAdapter({
      data: {
        viewer: { username: 'ME@example.com', role: 'admin' },
        users: [
          { id: 'usr-1', email: 'owner@example.com', role: 'owner', status: 'active' },
          { id: 'usr-2', email: 'me@example.com', role: 'admin', status: 'active' },
        ],
      },
    });
    const { el } = await mount(adapter);
    expect(row(el, 'me@example.com').textContent).to.match(/cannot remove yourself/i);
  });

  it('without a viewer API the list is read-only and says why', async () => {
    const { viewer: _gone, ...adapter } = createMemoryAdapter();
    const { el } = await mount(adapter as MemoryAdapter);
    expect(shadow(el).querySelector('#users button') === null).to.equal(true);
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('no "viewer" API');
  });

  it('works with the keyboard alone: Tab to the role select, arrows, Tab to Change role, Enter', async () => {
    const { adapter, el } = await mount();
    const { sendKeys } = await import('@web/test-runner-commands');
    const select = row(el, 'Invited').querySelector('select')!;
    select.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(select.value).to.equal('admin');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Change role');
    await sendKeys({ press: 'Enter' });
    await until(() => adapter.control.snapshot().users[2].role === 'admin', 'role stored');
  });

  it('labels each row\'s role select "Change role of" its user, in English and Russian', async () => {
    const { adapter, el } = await mount();
    const invited = adapter.control.snapshot().users[2];
    const select = row(el, invited.email).querySelector('select')!;
    expect(select.labels[0]!.textContent!.trim()).to.equal(`Change role of ${invited.name ? `${invited.name} (${invited.email})` : invited.email}`);
    try {
      const provider = await fixture(html`<acct-provider locale="ru" .adapter=${createMemoryAdapter()}><acct-users></acct-users></acct-provider>`);
      const ru = provider.querySelector('acct-users')!;
      const label = () => shadow(ru).querySelector<HTMLSelectElement>(`#role-${invited.id}`)?.labels?.[0]?.textContent ?? '';
      await until(() => label().includes('Изменить роль пользователя'), 'Russian label');
      expect(row(ru, invited.email).querySelector('select')!.labels[0]!.textContent!.trim()).to.contain(invited.email);
      await expect(ru).to.be.accessible();
    } finally {
      setAcctLocale('en');
    }
  });

  it('after an invitation focus goes to the emptied email field, not to <body>', async () => {
    const { el } = await mount();
    await type(el, 'input[name=email]', 'focus@example.com');
    const send = q<HTMLButtonElement>(el, 'form.create button[type=submit]');
    send.focus();
    send.click();
    await until(() => liveText(el).includes('Invitation sent to focus@example.com'), `announced (${liveText(el)} ${alertText(el)})`);
    await until(() => shadow(el).activeElement?.getAttribute('name') === 'email', 'focus on the email field');
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('');
  });

  it('after a role change focus stays in the row, on its role select', async () => {
    const { adapter, el } = await mount();
    const select = row(el, 'Invited').querySelector('select')!;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const apply = button(row(el, 'Invited'), /change role/i);
    apply.focus();
    apply.click();
    await until(() => adapter.control.snapshot().users[2].role === 'admin', 'role stored');
    await until(() => shadow(el).activeElement === row(el, 'Invited').querySelector('select'), 'focus on the row\'s select');
    expect(button(row(el, 'Invited'), /change role/i).disabled).to.equal(true);
  });

  it('after a removal focus goes to the users table, not to <body>', async () => {
    const { adapter, el } = await mount();
    const email = adapter.control.snapshot().users[2].email;
    const remove = button(row(el, email), /remove/i);
    remove.focus();
    remove.click();
    await confirmDialog(el);
    await until(() => !shadow(el).querySelector('#users')!.textContent!.includes(email), 'row gone');
    await until(() => shadow(el).activeElement?.id === 'users', 'focus on the users table');
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('users');
  });

  it('says a failed action once, in its alert (not again in the live region), with focus back on its button', async () => {
    const { adapter, el } = await mount();
    await type(el, 'input[name=email]', 'later@example.com');
    adapter.control.failNext('unavailable', { method: 'users.invite' });
    const send = q<HTMLButtonElement>(el, 'form.create button[type=submit]');
    send.focus();
    send.click();
    await until(() => alertText(el).match(/temporarily unavailable/i), 'invite failure');
    await el.updateComplete;
    expect([...shadow(el).querySelectorAll('[role=alert]')].filter((a) => /temporarily unavailable/i.test(a.textContent ?? ''))).to.have.length(1);
    expect(liveText(el)).to.equal('');
    expect(shadow(el).activeElement).to.equal(q(el, 'form.create button[type=submit]'));
    expect(q<HTMLInputElement>(el, 'input[name=email]').value).to.equal('later@example.com');
  });
});

import '@acct/elements/provider';
import '@acct/elements/api-keys';
import { AdapterError } from '@acct/core';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import type { AcctApiKeys } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { alertText, button, confirmDialog, runResourceContract, type } from './resource-contract.js';
import { actionsReady, expectChunkFailureThenRetry, type WithActionsLoader } from './lazy-actions.js';

const render = (adapter: MemoryAdapter) => html`<acct-provider .adapter=${adapter}><acct-api-keys></acct-api-keys></acct-provider>`;
const hasTable = (el: HTMLElement) => el.shadowRoot?.querySelector('#keys, .empty');

async function mount(adapter = createMemoryAdapter()): Promise<{ adapter: MemoryAdapter; el: AcctApiKeys }> {
  const provider = await fixture(render(adapter));
  const el = provider.querySelector('acct-api-keys')!;
  await until(() => hasTable(el), 'keys table');
  return { adapter, el };
}

runResourceContract({
  tag: 'acct-api-keys',
  domain: 'apiKeys',
  loadMethod: 'apiKeys.list',
  render,
  ready: hasTable,
  action: {
    method: 'apiKeys.create',
    section: 'apiKeys',
    operation: 'create',
    fill: (el) => type(el, 'input[name=name]', 'CI deploy'),
    submit: async (el) => q<HTMLButtonElement>(el, 'form.create button[type=submit]').click(),
    expectKept: (el) => expect(q<HTMLInputElement>(el, 'input[name=name]').value).to.equal('CI deploy'),
    expectDone: (adapter) => expect(adapter.control.snapshot().apiKeys.map((k) => k.name)).to.include('CI deploy'),
  },
  hostile: (text) => ({ apiKeys: [{ id: 'key-h', name: text, prefix: text, createdAt: '2025-01-01T00:00:00Z' }] }),
});

describe('acct-api-keys', () => {
  let restoreClipboard: (() => void) | undefined;
  afterEach(() => restoreClipboard?.());

  // Headless Chromium has no usable clipboard: the test installs one that records what is written.
  function replaceClipboard(writeText: ((t: string) => Promise<void>) | undefined): string[] {
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      get: () => (writeText ? { writeText: (t: string) => (written.push(t), writeText(t)) } : undefined),
    });
    restoreClipboard = () => {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    };
    return written;
  }

  it('says a key may exist when the retry after a lost answer gets conflict, and shows it in the reloaded list', async () => {
    const adapter = createMemoryAdapter();
    const apiKeys = adapter.apiKeys!;
    const used = new Set<string>();
    // The first answer is lost after the key was made; the retry with its key is refused, as the
    // reference server does (409: the one-time secret is not shown again).
    adapter.apiKeys = {
      ...apiKeys,
      create: async (input, o) => {
        if (o?.idempotencyKey && used.has(o.idempotencyKey)) throw new AdapterError('conflict');
        used.add(o?.idempotencyKey ?? '');
        await apiKeys.create(input, o);
        throw new AdapterError('timeout');
      },
    };
    const { el } = await mount(adapter);
    await type(el, 'input[name=name]', 'CI deploy');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => /took too long/.test(alertText(el)), 'timeout');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => /may have been created/.test(alertText(el)), 'conflict explained');
    expect(alertText(el)).to.match(/secret cannot be shown again/).and.not.match(/changed somewhere else/);
    // Said once, by the alert: the live region does not repeat it (ResourceController.announcement).
    expect(liveText(el)).to.not.match(/may have been created/);
    await until(() => q(el, '#keys tbody').textContent!.includes('CI deploy'), 'the key in the reloaded list');
    expect(shadow(el).querySelector('dialog[open]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lists keys with prefix, dates and "Never" for missing ones', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    const rows = [...shadow(el).querySelectorAll('#keys tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('Terraform').and.contain('ak_');
    expect(rows[1]).to.contain('Monitoring (read-only)').and.contain('Never');
  });

  it('creates a key, shows the secret once with copy, and drops it when the dialog closes', async () => {
    const written = replaceClipboard(() => Promise.resolve());
    const { adapter, el } = await mount();
    const events = recordEvents(document, ['acct-saved', 'acct-error']);
    await type(el, 'input[name=name]', 'Backups');
    await type(el, 'input[name=expiresAt]', '2999-12-31');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => shadow(el).querySelector('#secret-dialog[open]'), 'secret dialog');
    const created = adapter.control.snapshot().apiKeys.find((k) => k.name === 'Backups')!;
    expect(created.expiresAt!.startsWith('2999-12-3')).to.equal(true);
    const field = q<HTMLInputElement>(el, '#secret');
    const secret = field.value;
    expect(secret.startsWith(created.prefix)).to.equal(true);
    expect(q(el, '#secret-dialog').textContent).to.match(/only time the key is shown/);
    await expect(el).to.be.accessible();
    button(q(el, '#secret-dialog'), /copy key/i).click();
    await until(() => /copied/i.test(q(el, '.copy-status').textContent ?? ''), 'copied');
    expect(written).to.deep.equal([secret]);
    // Done closes; nothing of the secret remains in the DOM, the element or the events.
    button(q(el, '#secret-dialog'), /done/i).click();
    await until(() => !shadow(el).querySelector('#secret-dialog[open]'), 'dialog closed');
    // `close` is a queued event: the secret goes when it arrives.
    await until(() => field.value === '', 'secret cleared');
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('name');
    expect(q<HTMLInputElement>(el, 'input[name=name]').value).to.equal('');
    const everything = JSON.stringify(events.map((e) => e.detail)) + shadow(el).innerHTML + el.outerHTML + liveText(el);
    expect(everything).to.not.contain(secret);
    expect(JSON.stringify(localStorage) + JSON.stringify(sessionStorage)).to.not.contain(secret);
    expect(events.map((e) => e.detail)).to.deep.include({ section: 'apiKeys', data: created });
    expect(shadow(el).querySelector('#keys')!.textContent).to.contain('Backups');
  });

  it('selects the secret for manual copy when the clipboard is unavailable, and Escape drops it', async () => {
    replaceClipboard(undefined);
    const { el } = await mount();
    await type(el, 'input[name=name]', 'No clipboard');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => shadow(el).querySelector('#secret-dialog[open]'), 'secret dialog');
    const field = q<HTMLInputElement>(el, '#secret');
    field.setSelectionRange(0, 0);
    button(q(el, '#secret-dialog'), /copy key/i).click();
    await until(() => /Ctrl\+C/.test(q(el, '.copy-status').textContent ?? ''), 'manual copy hint');
    expect(shadow(el).activeElement === field).to.equal(true);
    expect(field.selectionStart === 0 && field.selectionEnd === field.value.length && field.value.length > 10).to.equal(true);
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el).querySelector('#secret-dialog[open]'), 'closed by Escape');
    await until(() => field.value === '', 'secret cleared');
  });

  it('validates the name and the expiry next to the fields and keeps what was typed', async () => {
    const { adapter, el } = await mount();
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => q(el, 'input[name=name]').getAttribute('aria-invalid') === 'true', 'name invalid');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('name');
    expect(shadow(el).getElementById('key-name-error')!.textContent).to.match(/fill in/i);
    await type(el, 'input[name=name]', 'Old');
    await type(el, 'input[name=expiresAt]', '2001-01-01');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => q(el, 'input[name=expiresAt]').getAttribute('aria-invalid') === 'true', 'expiry invalid');
    expect(shadow(el).getElementById('key-expiry-error')!.textContent).to.match(/future/i);
    expect(q<HTMLInputElement>(el, 'input[name=name]').value).to.equal('Old');
    expect(adapter.control.calls.some((c) => c.method === 'apiKeys.create')).to.equal(false);
    // A server-side reason lands next to its field too.
    await type(el, 'input[name=expiresAt]', '');
    adapter.control.failNext('validation', { method: 'apiKeys.create', fieldErrors: { name: 'too_long' } });
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => shadow(el).getElementById('key-name-error')?.textContent?.match(/too long/i), 'server reason');
    expect(alertText(el)).to.equal('');
  });

  it('revokes a key only after a confirmation that names it', async () => {
    const { adapter, el } = await mount();
    button(shadow(el), /revoke key terraform/i).click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'dialog');
    const dialog = shadow(el).querySelector('dialog[open]')!;
    expect(dialog.textContent).to.contain('"Terraform"');
    // Destructive: focus starts on Cancel.
    expect(shadow(el).activeElement?.getAttribute('value')).to.equal('cancel');
    await expect(el).to.be.accessible();
    (dialog.querySelector('button[value=cancel]') as HTMLButtonElement).click();
    await until(() => !shadow(el).querySelector('dialog[open]'), 'cancelled');
    expect(adapter.control.snapshot().apiKeys).to.have.length(2);
    button(shadow(el), /revoke key terraform/i).click();
    await confirmDialog(el);
    await until(() => adapter.control.snapshot().apiKeys.length === 1, 'revoked');
    await until(() => !shadow(el).querySelector('#keys')!.textContent!.includes('Terraform'), 'row gone');
    expect(liveText(el)).to.match(/revoked/);
  });

  it('loads creating and revoking on first use, not with the first paint', async () => {
    const { el } = await mount();
    expect(shadow(el).querySelector('#secret-dialog') === null, 'no secret dialog before the chunk').to.equal(true);
    await actionsReady(el);
    await type(el, 'input[name=name]', 'First use');
    q<HTMLButtonElement>(el, 'form.create button[type=submit]').click();
    await until(() => shadow(el).querySelector('#secret-dialog[open]'), 'secret dialog');
  });

  it('says next to Create when its chunk cannot be fetched, and Retry creates the key', async () => {
    const { adapter, el } = await mount();
    await type(el, 'input[name=name]', 'After retry');
    await expectChunkFailureThenRetry({
      el,
      ctor: customElements.get('acct-api-keys') as unknown as WithActionsLoader,
      control: () => q<HTMLButtonElement>(el, 'form.create button[type=submit]'),
      near: () => q(el, 'form.create'),
      nothingSent: () => !adapter.control.calls.some((c) => c.method === 'apiKeys.create'),
      done: () => shadow(el).querySelector('#secret-dialog[open]'),
    });
    expect(adapter.control.snapshot().apiKeys.map((k) => k.name)).to.include('After retry');
  });

  it('says above the keys when the revoke chunk cannot be fetched, and Retry asks for the confirmation', async () => {
    const { adapter, el } = await mount();
    await expectChunkFailureThenRetry({
      el,
      ctor: customElements.get('acct-api-keys') as unknown as WithActionsLoader,
      control: () => button(shadow(el), /revoke key terraform/i),
      near: () => shadow(el),
      nothingSent: () => !shadow(el).querySelector('dialog[open]') && !adapter.control.calls.some((c) => c.method === 'apiKeys.revoke'),
      done: () => shadow(el).querySelector('dialog[open]'),
    });
    expect(shadow(el).querySelector('dialog[open]')!.textContent).to.contain('"Terraform"');
    await confirmDialog(el);
    await until(() => adapter.control.snapshot().apiKeys.length === 1, 'revoked');
  });

  it('shows the empty state', async () => {
    const { el } = await mount(createMemoryAdapter({ data: { apiKeys: [] } }));
    expect(q(el, '.empty').textContent).to.match(/no api keys/i);
    await expect(el).to.be.accessible();
  });
});

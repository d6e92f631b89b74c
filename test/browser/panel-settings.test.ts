import { FORM } from './settings-contract.js';
import '@acct/elements/provider';
import '@acct/elements/panel-settings';
import { createMemoryAdapter, type MemoryAdapter } from '@acct/adapter-memory';
import { setAcctLocale } from '@acct/elements/i18n';
import type { AcctPanelSettings, AcctProvider } from '@acct/elements';
import { expect, fixture, html, liveText, q, recordEvents, shadow, until } from './helpers.js';
import { runSettingsContract } from './settings-contract.js';

function radio(el: Element, theme: string): HTMLInputElement {
  return q<HTMLInputElement>(el, `input[name=theme][value=${theme}]`);
}

async function pick(el: Element, theme: string): Promise<void> {
  const r = radio(el, theme);
  r.click();
  await (el as AcctPanelSettings).updateComplete;
}

async function mount(adapter: MemoryAdapter): Promise<{ provider: AcctProvider; el: AcctPanelSettings }> {
  const provider = await fixture<AcctProvider>(html`<acct-provider .adapter=${adapter}><acct-panel-settings></acct-panel-settings></acct-provider>`);
  const el = provider.querySelector('acct-panel-settings')!;
  await until(() => el.shadowRoot?.querySelector(FORM), 'form');
  return { provider, el };
}

runSettingsContract({
  tag: 'acct-panel-settings',
  domain: 'panel',
  render: (adapter) => html`<acct-provider .adapter=${adapter}><acct-panel-settings></acct-panel-settings></acct-provider>`,
  edit: (el) => pick(el, 'dark'),
  expectEdited: (el) => expect(radio(el, 'dark').checked).to.equal(true),
  expectStored: (adapter) => expect(adapter.control.snapshot().panel.theme).to.equal('dark'),
  field: 'language',
});

describe('acct-panel-settings', () => {
  afterEach(() => setAcctLocale('en'));

  it('applies a theme at once: the provider follows and the host hears acct-theme-change', async () => {
    const adapter = createMemoryAdapter();
    const { provider, el } = await mount(adapter);
    const events = recordEvents(document, ['acct-theme-change']);
    await pick(el, 'dark');
    expect(provider.getAttribute('theme')).to.equal('dark');
    expect(events.map((e) => e.detail.theme)).to.include('dark');
    expect(getComputedStyle(provider).colorScheme).to.equal('dark');
    // Discarding returns to the saved theme.
    [...shadow(el).querySelectorAll('button')].find((b) => /discard/i.test(b.textContent ?? ''))!.click();
    await until(() => provider.getAttribute('theme') === 'light', 'theme restored');
    expect(radio(el, 'light').checked).to.equal(true);
  });

  it('switches the interface language live, without reload, and saves it', async () => {
    const adapter = createMemoryAdapter();
    const { provider, el } = await mount(adapter);
    const events = recordEvents(document, ['acct-locale-change']);
    const select = q<HTMLSelectElement>(el, 'select[name=language]');
    select.value = 'ru';
    select.dispatchEvent(new Event('change'));
    await until(() => q(el, 'legend').textContent?.trim() === 'Тема', 'Russian legend');
    expect(provider.getAttribute('lang')).to.equal('ru');
    expect(events.map((e) => e.detail.locale)).to.include('ru');
    // Like a theme, the provider announces the change it followed, as its own event too.
    await until(() => events.some((e) => e.target === provider && e.detail.locale === 'ru'), 'the provider fires acct-locale-change');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => liveText(el) === 'Сохранено.', 'announced in Russian');
    expect(adapter.control.snapshot().panel.language).to.equal('ru');
  });

  it('offers every theme, names the brand, and works with the keyboard alone', async () => {
    const adapter = createMemoryAdapter();
    const provider = await fixture<AcctProvider>(
      html`<acct-provider brand-name="Selectel" .adapter=${adapter}><acct-panel-settings></acct-panel-settings></acct-provider>`,
    );
    const el = provider.querySelector('acct-panel-settings')!;
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    const labels = [...shadow(el).querySelectorAll('.themes label')].map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['Light', 'Dark', 'Branded (Selectel)', 'Same as system']);
    // Arrow keys move within the radio group; the browser checks and fires change.
    const { sendKeys } = await import('@web/test-runner-commands');
    radio(el, 'light').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(radio(el, 'dark').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Save');
    await sendKeys({ press: 'Enter' });
    await until(() => adapter.control.snapshot().panel.theme === 'dark', 'saved by keyboard');
  });

  it('renders hostile strings from the host and the adapter as inert text', async () => {
    const hostile = '<img src=x onerror="window.__acctPwned=1">';
    const adapter = createMemoryAdapter({ supportedLanguages: ['en', 'ru', 'xx'] });
    adapter.control.externalUpdate('panel', { language: 'xx' });
    const provider = await fixture<AcctProvider>(
      html`<acct-provider brand-name=${hostile} .adapter=${adapter}><acct-panel-settings></acct-panel-settings></acct-provider>`,
    );
    const el = provider.querySelector('acct-panel-settings')!;
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    expect(shadow(el).textContent).to.contain(hostile);
    expect(shadow(el).querySelector('img') === null).to.equal(true);
    // A language this build does not ship is kept and explained, not dropped.
    expect(q<HTMLSelectElement>(el, 'select[name=language]').value).to.equal('xx');
    expect(shadow(el).textContent).to.contain('not available in this interface');
    expect((window as { __acctPwned?: number }).__acctPwned).to.equal(undefined);
  });

  it('resets user settings only after confirmation', async () => {
    const adapter = createMemoryAdapter();
    const { el } = await mount(adapter);
    const resetButton = () => [...shadow(el).querySelectorAll('button')].find((b) => /reset user settings/i.test(b.textContent ?? ''))!;
    resetButton().click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'confirmation');
    const dialog = shadow(el).querySelector('dialog[open]')!;
    expect(dialog.textContent).to.match(/cannot be undone/i);
    // The dialog's look comes with its chunk (adopted into the element's shadow root).
    expect(getComputedStyle(dialog).borderTopLeftRadius).to.equal('8px');
    // Destructive: focus starts on Cancel.
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Cancel');
    await expect(el).to.be.accessible();
    (dialog.querySelector('button[value=cancel]') as HTMLButtonElement).click();
    await until(() => !shadow(el).querySelector('dialog[open]'), 'closed');
    expect(adapter.control.calls.some((c) => c.method === 'panel.resetUserSettings')).to.equal(false);

    resetButton().click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'confirmation again');
    (shadow(el).querySelector('dialog[open] button[value=confirm]') as HTMLButtonElement).click();
    await until(() => liveText(el).match(/were reset/i), 'reset announced');
    // Heard once: the banner that shows it is content, not a second live region.
    const banner = [...shadow(el).querySelectorAll('[part~=banner]')].find((b) => /were reset/i.test(b.textContent ?? ''));
    expect(banner?.hasAttribute('role')).to.equal(false);
    expect(adapter.control.calls.filter((c) => c.method === 'panel.resetUserSettings').length).to.equal(1);
  });

  it('returns focus to Reset after Escape and after a confirmed reset, also when the dialog opened before its chunk was in', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const adapter = createMemoryAdapter();
    adapter.control.latency = 150;
    const { el } = await mount(adapter);
    const Panel = customElements.get('acct-panel-settings') as typeof AcctPanelSettings;
    const original = Panel.resetLoader;
    // First use: the chunk takes a while, so the busy Reset button loses focus meanwhile.
    Panel.resetLoader = () => new Promise((resolve) => setTimeout(() => resolve(original()), 150));
    const resetButton = () => [...shadow(el).querySelectorAll('button')].find((b) => /reset user settings|resetting/i.test(b.textContent ?? ''))!;
    const focused = () => shadow(el).activeElement === resetButton() && document.activeElement === el;
    try {
      resetButton().focus();
      await sendKeys({ press: 'Enter' });
      await until(() => shadow(el).querySelector('dialog[open]'), 'confirmation', 5000);
      await sendKeys({ press: 'Escape' });
      await until(() => !shadow(el).querySelector('dialog[open]'), 'closed');
      await until(focused, 'focus back on Reset after Escape');

      await sendKeys({ press: 'Enter' });
      await until(() => shadow(el).querySelector('dialog[open]'), 'confirmation again');
      (shadow(el).querySelector('dialog[open] button[value=confirm]') as HTMLButtonElement).click();
      await until(() => liveText(el).match(/were reset/i), 'reset announced', 5000);
      await until(focused, 'focus back on Reset once the reset is done');
    } finally {
      Panel.resetLoader = original;
    }
  });

  it('shows a reset failure with a retry', async () => {
    const adapter = createMemoryAdapter();
    const { el } = await mount(adapter);
    adapter.control.failNext('unavailable', { method: 'panel.resetUserSettings' });
    [...shadow(el).querySelectorAll('button')].find((b) => /reset user settings/i.test(b.textContent ?? ''))!.click();
    await until(() => shadow(el).querySelector('dialog[open]'), 'confirmation');
    (shadow(el).querySelector('dialog[open] button[value=confirm]') as HTMLButtonElement).click();
    await until(() => shadow(el).querySelector('[role=alert]'), 'error');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(/temporarily unavailable/i);
    // Said once, by the alert: the live region does not repeat it.
    await el.updateComplete;
    expect(liveText(el)).to.equal('');
  });

  it('keeps the language another tab saved when the user keeps their theme in a conflict', async () => {
    const adapter = createMemoryAdapter();
    const { el } = await mount(adapter);
    await pick(el, 'dark');
    adapter.control.externalUpdate('panel', { language: 'ru' });
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => shadow(el).querySelector('table tbody tr'), 'conflict table');
    // Only the theme was edited: the language is not the user's to choose.
    expect([...shadow(el).querySelectorAll('table tbody th')].map((th) => th.textContent?.trim())).to.deep.equal(['Theme']);
    [...shadow(el).querySelectorAll('button')].find((b) => /keep my/i.test(b.textContent ?? ''))!.click();
    await until(() => adapter.control.snapshot().panel.theme === 'dark', 'mine saved');
    expect(adapter.control.snapshot().panel.language).to.equal('ru');
    expect(q<HTMLSelectElement>(el, 'select[name=language]').value).to.equal('ru');
  });

  it('says so when the reset code cannot be fetched, and its Retry asks again', async () => {
    const adapter = createMemoryAdapter();
    const { el } = await mount(adapter);
    const Panel = customElements.get('acct-panel-settings') as typeof AcctPanelSettings;
    const original = Panel.resetLoader;
    Panel.resetLoader = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      [...shadow(el).querySelectorAll('button')].find((b) => /reset user settings/i.test(b.textContent ?? ''))!.click();
      await until(() => shadow(el).textContent?.match(/could not be loaded/i), 'load failure');
      expect(!!shadow(el).querySelector('dialog[open]')).to.equal(false);
      Panel.resetLoader = original;
      [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry')!.click();
      await until(() => shadow(el).querySelector('dialog[open]'), 'confirmation after retry');
      expect(shadow(el).textContent).not.to.match(/could not be loaded/i);
    } finally {
      Panel.resetLoader = original;
    }
  });

  it('names the missing sub-API instead of breaking', async () => {
    const el = await fixture<AcctPanelSettings>(html`<acct-panel-settings .adapter=${{}}></acct-panel-settings>`);
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('"panel"');
    await expect(el).to.be.accessible();
  });

  it('says at once that it has no adapter (not a skeleton forever), then loads when one is set', async () => {
    const el = await fixture<AcctPanelSettings>(html`<acct-panel-settings></acct-panel-settings>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('[aria-busy=true]'), 'no endless skeleton').to.equal(null);
    expect(shadow(el).textContent).to.contain('"panel"');
    el.adapter = createMemoryAdapter();
    await until(() => shadow(el).querySelector(FORM), 'form once the adapter is set');
  });

  it('offers a locale a partner adds while the list is on screen', async () => {
    const { addAcctLocale } = await import('@acct/elements/i18n');
    const { el } = await mount(createMemoryAdapter());
    const codes = () => [...shadow(el).querySelectorAll<HTMLOptionElement>('select[name=language] option')].map((o) => o.value);
    expect(codes()).to.not.include('de');
    addAcctLocale('de', {});
    await until(() => codes().includes('de'), 'the added language in the mounted list');
  });

  it('keeps the skeleton still for a user who asked for reduced motion', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    // A load that never answers keeps the skeleton up.
    const adapter = { panel: { get: () => new Promise<never>(() => undefined) } };
    const el = await fixture<AcctPanelSettings>(html`<acct-panel-settings .adapter=${adapter}></acct-panel-settings>`);
    await el.updateComplete;
    const bar = shadow(el).querySelector('.skeleton span');
    expect(bar !== null, 'skeleton bar').to.equal(true);
    expect(getComputedStyle(bar!).animationName).to.equal('acct-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(bar!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('works alone with its own adapter and theme', async () => {
    const adapter = createMemoryAdapter();
    const el = await fixture<AcctPanelSettings>(html`<acct-panel-settings .adapter=${adapter}></acct-panel-settings>`);
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    expect(el.getAttribute('theme')).to.equal('light');
    expect(el.getAttribute('lang')).to.equal('en');
    await pick(el, 'dark');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });
});

import '@acct/elements/provider';
import '@acct/elements/settings';
import { createMemoryAdapter } from '@acct/adapter-memory';
import type { AccountAdapter } from '@acct/core';
import type { AcctSettings } from '@acct/elements';
import { expect, fixture, html, shadow, until } from './helpers.js';

async function mount(adapter: AccountAdapter, attrs: { tabs?: string; syncHash?: boolean } = {}): Promise<AcctSettings> {
  const provider = await fixture(
    html`<acct-provider .adapter=${adapter}><acct-settings tabs=${attrs.tabs ?? ''} ?sync-hash=${attrs.syncHash ?? false}></acct-settings></acct-provider>`,
  );
  const el = provider.querySelector('acct-settings')!;
  if (!attrs.tabs) el.removeAttribute('tabs');
  await el.updateComplete;
  return el;
}

const tabs = (el: Element) => [...shadow(el).querySelectorAll('[role=tab]')].map((t) => t.id.replace('tab-', ''));
const tab = (el: Element, id: string) => shadow(el).getElementById(`tab-${id}`) as HTMLButtonElement;
const panel = (el: Element, id: string) => shadow(el).getElementById(`panel-${id}`)!;

describe('acct-settings', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('shows every supported section as ARIA tabs and loads the first one', async () => {
    const el = await mount(createMemoryAdapter());
    expect(tabs(el)).to.deep.equal(['profile', 'notifications', 'billing', 'security', 'access', 'history', 'privacy', 'panel']);
    expect(tab(el, 'profile').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, 'notifications').tabIndex).to.equal(-1);
    expect(panel(el, 'profile').getAttribute('aria-labelledby')).to.equal('tab-profile');
    await until(() => panel(el, 'profile').querySelector('acct-profile')?.shadowRoot?.querySelector('[data-field]'), 'profile loaded');
    expect(panel(el, 'security').children.length, 'closed tabs are not rendered').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('moves with the arrow keys, Home and End, and keeps a tab state after switching', async () => {
    const el = await mount(createMemoryAdapter());
    const { sendKeys } = await import('@web/test-runner-commands');
    tab(el, 'profile').focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => el.selected === 'notifications', 'notifications selected');
    expect(shadow(el).activeElement?.id).to.equal('tab-notifications');
    await sendKeys({ press: 'End' });
    await until(() => el.selected === 'panel', 'last tab');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => el.selected === 'profile', 'wraps to the first');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => el.selected === 'panel', 'wraps back');
    // An edit in one tab survives a visit to another.
    tab(el, 'notifications').click();
    const notifications = await (async () => {
      await until(() => panel(el, 'notifications').querySelector('acct-notifications')?.shadowRoot?.querySelector('[name=newsletter]'), 'notifications form');
      return panel(el, 'notifications').querySelector('acct-notifications')!;
    })();
    const box = notifications.shadowRoot!.querySelector<HTMLInputElement>('[name=newsletter]')!;
    const before = box.checked;
    box.click();
    tab(el, 'billing').click();
    await el.updateComplete;
    expect(panel(el, 'notifications').hidden).to.equal(true);
    tab(el, 'notifications').click();
    await el.updateComplete;
    expect(notifications.shadowRoot!.querySelector<HTMLInputElement>('[name=newsletter]')!.checked).to.equal(!before);
  });

  it('hides tabs the adapter does not support, and follows the tabs attribute order', async () => {
    const { panel: panelApi, security, apiKeys } = createMemoryAdapter();
    const el = await mount({ panel: panelApi, security, apiKeys }, { tabs: 'panel security access profile' });
    expect(tabs(el)).to.deep.equal(['panel', 'security', 'access']);
    tab(el, 'access').click();
    await until(() => panel(el, 'access').querySelector('acct-api-keys'), 'api keys in access');
    expect(panel(el, 'access').querySelector('acct-users') === null, 'no users API, no users element').to.equal(true);
  });

  it('syncs with the URL hash both ways', async () => {
    history.replaceState(null, '', '#security');
    const el = await mount(createMemoryAdapter(), { syncHash: true });
    expect(el.selected).to.equal('security');
    tab(el, 'privacy').click();
    await el.updateComplete;
    expect(location.hash).to.equal('#privacy');
    location.hash = '#billing';
    await until(() => el.selected === 'billing', 'follows hashchange');
  });

  it('is accessible in the dark and branded themes', async () => {
    for (const theme of ['dark', 'branded']) {
      const provider = await fixture(html`<acct-provider theme=${theme} .adapter=${createMemoryAdapter()}><acct-settings></acct-settings></acct-provider>`);
      const el = provider.querySelector('acct-settings')!;
      await until(() => panel(el, 'profile').querySelector('acct-profile'), 'first tab');
      await expect(el).to.be.accessible();
    }
  });

  it('branded with only brand.primary: the selected tab and the focus ring take the brand colour too', async () => {
    const provider = await fixture<HTMLElement & { brand: unknown }>(
      html`<acct-provider theme="branded" .brand=${{ primary: '#0f766e' }} .adapter=${createMemoryAdapter()}><acct-settings tabs="billing panel"></acct-settings></acct-provider>`,
    );
    const el = provider.querySelector('acct-settings')!;
    await el.updateComplete;
    const teal = 'rgb(15, 118, 110)';
    await until(() => getComputedStyle(tab(el, 'billing')).borderBlockEndColor === teal, 'selected tab underline in the brand colour');
    expect(getComputedStyle(tab(el, 'billing')).getPropertyValue('--acct-color-focus').trim()).to.equal('#0f766e');
    await expect(el).to.be.accessible();
  });

  it("lets the page's ::part() rules reach the parts of the tabs' elements, by plain and by tab-prefixed name", async () => {
    // A constructed sheet: the strict CSP of the test pages allows no <style> element.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      'acct-settings::part(hint) { letter-spacing: 3px } acct-settings::part(button-primary) { word-spacing: 5px } acct-settings::part(panel-label) { text-transform: uppercase }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const el = await mount(createMemoryAdapter(), { tabs: 'panel billing' });
      const inner = () => panel(el, 'panel').querySelector('acct-panel-settings')?.shadowRoot;
      await until(() => inner()?.querySelector('[part~=hint]') && inner()?.querySelector('[part~=button-primary]'), 'panel settings form');
      const part = (name: string) => getComputedStyle(inner()!.querySelector(`[part~=${name}]`)!);
      expect(part('hint').letterSpacing).to.equal('3px');
      expect(part('button-primary').wordSpacing).to.equal('5px');
      expect(part('label').textTransform).to.equal('uppercase');
      // The prefix names one tab: the Billing tab's labels keep their own case.
      tab(el, 'billing').click();
      const billing = () => panel(el, 'billing').querySelector('acct-billing-settings')?.shadowRoot;
      await until(() => billing()?.querySelector('[part~=label]'), 'billing form');
      expect(getComputedStyle(billing()!.querySelector('[part~=label]')!).textTransform).to.equal('none');
      expect(getComputedStyle(billing()!.querySelector('[part~=button-primary]')!).wordSpacing).to.equal('5px');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('says so when no section is available', async () => {
    const el = await mount({});
    expect(shadow(el).textContent).to.contain('No settings are available');
    await expect(el).to.be.accessible();
  });
});

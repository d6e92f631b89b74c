// A host that runs lit-localize itself (docs/localization.md): it configures lit-localize once,
// passes its controls to acct-widgets and serves our strings from its own loadLocale. Its own page
// (each test file is one), since lit-localize can be configured only once per page.
import { configureLocalization } from '@lit/localize';
import { createMemoryAdapter } from '@acct/adapter-memory';
import { configureAcctLocalization, loadAcctLocale } from '@acct/elements/i18n';
import { FORM } from './settings-contract.js';
import { expect, fixture, html, until } from './helpers.js';

const loaded: string[] = [];
const controls = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['ru'],
  loadLocale: (locale) => {
    loaded.push(locale);
    return loadAcctLocale(locale);
  },
});
configureAcctLocalization(controls);

describe('localization under a host that runs lit-localize itself', () => {
  it("renders in the host's locale from our catalogue, and late element parts join it", async () => {
    await import('@acct/elements/provider');
    await import('@acct/elements/panel-settings');
    const provider = await fixture(html`<acct-provider .adapter=${createMemoryAdapter()}><acct-panel-settings></acct-panel-settings></acct-provider>`);
    const el = provider.querySelector('acct-panel-settings')!;
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    expect(el.shadowRoot!.textContent).to.include('Interface language');

    await controls.setLocale('ru');
    expect(loaded).to.deep.equal(['ru']);
    await until(() => el.shadowRoot?.textContent?.includes('Язык интерфейса'), 'panel settings in Russian');

    // An element created after the switch: its part is fetched into the same catalogue.
    await import('@acct/elements/referral');
    const referral = document.createElement('acct-referral');
    provider.append(referral);
    await until(() => referral.shadowRoot?.textContent?.includes('Реферальная программа'), 'referral in Russian');

    await controls.setLocale('en');
    await until(() => el.shadowRoot?.textContent?.includes('Interface language'), 'back in English');
  });
});

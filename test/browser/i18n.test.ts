// Locale parts, partner locales and string overrides, through the public API only. This file runs
// in its own page, so which element modules (and so which locale parts) load is under its control.
import { msg, str } from '@lit/localize';
import { createMemoryAdapter } from '@acct/adapter-memory';
// The i18n entry, not '@acct/elements' (whose index imports every element and so every part).
import { acctLocaleReady, addAcctLocale, overrideAcctMessages, setAcctLocale, SUPPORTED_LOCALES } from '@acct/elements/i18n';
import { FORM } from './settings-contract.js';
import { expect, fixture, html, until } from './helpers.js';

// Every module this page loads is a resource entry; the default buffer of 250 would drop the late ones.
performance.setResourceTimingBufferSize(100_000);
const catalogue = (await (await fetch('/packages/elements/messages.en.json')).json()) as Record<string, string>;
const idOf = (english: string): string => {
  const id = Object.keys(catalogue).find((k) => catalogue[k] === english);
  if (!id) throw new Error(`no message "${english}" in messages.en.json`);
  return id;
};
const fetched = (part: string): boolean =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(`/generated/locales/ru/${part}.`));
const submitText = (el: Element): string => el.shadowRoot?.querySelector(`${FORM} button[type=submit]`)?.textContent?.trim() ?? '';

describe('localization', () => {
  afterEach(async () => {
    await setAcctLocale('en');
  });

  it('fetches the Russian strings of the elements on the page only, when they appear', async () => {
    // As with the one-file bundle: several element classes defined, one shown.
    await import('@acct/elements/provider');
    await import('@acct/elements/panel-settings');
    await import('@acct/elements/security');
    await setAcctLocale('ru');
    expect(fetched('common'), 'shared strings').to.equal(true);
    expect(fetched('panel-settings'), 'no panel settings on the page yet').to.equal(false);

    const provider = await fixture(html`<acct-provider locale="ru" .adapter=${createMemoryAdapter()}><acct-panel-settings></acct-panel-settings></acct-provider>`);
    await acctLocaleReady();
    expect(fetched('panel-settings')).to.equal(true);
    const el = provider.querySelector('acct-panel-settings')!;
    await until(() => el.shadowRoot?.textContent?.includes('Язык интерфейса'), 'panel settings in Russian');
    expect(fetched('security'), 'defined but never shown: its strings are never fetched').to.equal(false);

    // An element module loaded after Russian is active fetches its part and renders in Russian.
    await import('@acct/elements/referral');
    const referral = document.createElement('acct-referral');
    provider.append(referral);
    await acctLocaleReady();
    expect(fetched('referral')).to.equal(true);
    await until(() => referral.shadowRoot?.textContent?.includes('Реферальная программа'), 'referral in Russian');
    expect(fetched('security')).to.equal(false);
  });

  it('adds a partner locale without forking: translated strings, placeholders, English fallback', async () => {
    await import('@acct/elements/provider');
    await import('@acct/elements/panel-settings');
    addAcctLocale('de', async () => ({
      [idOf('Save')]: 'Speichern',
      [idOf('{0} cannot be all zeros.')]: '{0} darf nicht nur aus Nullen bestehen.',
    }));
    expect(SUPPORTED_LOCALES).to.include('de');
    expect(await setAcctLocale('de-AT'), 'region tags map to the added locale').to.equal('de');
    expect(msg(str`${'INN'} cannot be all zeros.`)).to.equal('INN darf nicht nur aus Nullen bestehen.');

    const provider = await fixture(html`<acct-provider locale="de" .adapter=${createMemoryAdapter()}><acct-panel-settings></acct-panel-settings></acct-provider>`);
    const el = provider.querySelector('acct-panel-settings')!;
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    expect(submitText(el)).to.equal('Speichern');
    expect(el.shadowRoot!.textContent, 'untranslated strings fall back to English').to.include('Interface language');
    const options = [...el.shadowRoot!.querySelectorAll('select option')].map((o) => (o as HTMLOptionElement).value);
    expect(options, 'the language list offers the added locale').to.include('de');
  });

  it('overrides any string of English and Russian, live', async () => {
    await import('@acct/elements/provider');
    await import('@acct/elements/panel-settings');
    const provider = await fixture(html`<acct-provider .adapter=${createMemoryAdapter()}><acct-panel-settings></acct-panel-settings></acct-provider>`);
    const el = provider.querySelector('acct-panel-settings')!;
    await until(() => el.shadowRoot?.querySelector(FORM), 'form');
    expect(submitText(el)).to.equal('Save');

    overrideAcctMessages('en', { [idOf('Save')]: 'Save settings' });
    await until(() => submitText(el) === 'Save settings', 'English override applied live');

    overrideAcctMessages('ru', { [idOf('Save')]: 'Записать' });
    (provider as HTMLElement & { locale?: string }).locale = 'ru';
    await until(() => submitText(el) === 'Записать', 'Russian override wins over the shipped translation');
    expect(el.shadowRoot!.textContent, 'other Russian strings stay').to.include('Язык интерфейса');
  });
});

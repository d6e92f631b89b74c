import '@acct/elements/provider';
import '@acct/elements/panel-settings';
import { expect, fixture, html, q, until } from './helpers.js';
import type { AccountAdapter } from '@acct/core';

describe('smoke', () => {
  it('renders panel settings inside a provider', async () => {
    let data = { language: 'en', theme: 'light' as const };
    const adapter: AccountAdapter = {
      panel: {
        get: async () => ({ data, version: '1' }),
        update: async (patch) => { data = { ...data, ...patch } as typeof data; return { data, version: '2' }; },
        resetUserSettings: async () => {},
      },
    };
    const el = await fixture(html`<acct-provider .adapter=${adapter}><acct-panel-settings></acct-panel-settings></acct-provider>`);
    const ps = el.querySelector('acct-panel-settings')!;
    await until(() => ps.shadowRoot?.querySelector('select'));
    expect(q<HTMLSelectElement>(ps, 'select').value).to.equal('en');
    await expect(el).to.be.accessible();
  });
});

import { FORM } from './settings-contract.js';
import { createMemoryAdapter } from '@acct/adapter-memory';
import { expect, fixture, html, shadow, until } from './helpers.js';
import { takeViolations } from './helpers.js';

describe('acct-provider', () => {
  it('reaches elements that upgrade before the provider (late provider upgrade)', async () => {
    // Elements first, provider class defined afterwards: the context request must not be lost.
    await import('@acct/elements/panel-settings');
    const adapter = createMemoryAdapter();
    const wrapper = await fixture(html`<div><acct-provider .adapter=${adapter}><acct-panel-settings></acct-panel-settings></acct-provider></div>`);
    const el = wrapper.querySelector('acct-panel-settings')!;
    await import('@acct/elements/provider');
    await until(() => el.shadowRoot?.querySelector(FORM), 'form after late provider');
    expect(el.hasAttribute('theme'), 'element inherits instead of theming itself').to.equal(false);
  });

  it('crosses nested shadow roots', async () => {
    await import('@acct/elements/provider');
    await import('@acct/elements/panel-settings');
    const adapter = createMemoryAdapter();
    const provider = await fixture(html`<acct-provider .adapter=${adapter} theme="dark"><div id="host"></div></acct-provider>`);
    const host = provider.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('acct-panel-settings');
    root.append(el);
    await until(() => el.shadowRoot?.querySelector(FORM), 'form in nested shadow root');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  it('auto follows prefers-color-scheme, live', async () => {
    await import('@acct/elements/provider');
    const { emulateMedia } = await import('@web/test-runner-commands');
    const provider = await fixture(html`<acct-provider theme="auto"></acct-provider>`);
    const surface = () => getComputedStyle(provider).getPropertyValue('--acct-color-surface').trim();
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(provider).colorScheme).to.equal('light');
    const light = surface();
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(provider).colorScheme).to.equal('dark');
    expect(surface()).to.not.equal(light);
    await emulateMedia({ colorScheme: 'light' });
  });

  it('accepts only valid brand CSS and keeps text on the brand colour readable', async () => {
    await import('@acct/elements/provider');
    const provider = await fixture<HTMLElement & { brand: unknown }>(html`<acct-provider theme="branded"></acct-provider>`);
    provider.brand = { primary: '#ffeb3b', primaryText: 'var(--page-colour)', font: 'Georgia, serif', radius: '2px; background: red', surface: 'url(https://evil.example/x.png)' };
    await until(() => provider.style.getPropertyValue('--acct-brand-primary') === '#ffeb3b', 'brand applied');
    // Derived with the colour code's chunk, a moment after the given values.
    await until(() => provider.style.getPropertyValue('--acct-brand-on-primary') === '#000000', 'readable text on the brand colour');
    expect(provider.style.getPropertyValue('--acct-brand-font')).to.equal('Georgia, serif');
    expect(provider.style.getPropertyValue('--acct-brand-radius')).to.equal('');
    expect(provider.style.getPropertyValue('--acct-brand-surface')).to.equal('');
    // var() hides a colour that cannot be checked: refused, and the readable one derived instead.
    await until(() => /^#[0-9a-f]{6}$/.test(provider.style.getPropertyValue('--acct-brand-primary-text')), 'derived text colour instead of var()');
  });

  it('derives brand-primary-text from brand.primary when it is not given, readable on the light surfaces', async () => {
    await import('@acct/elements/provider');
    const { contrastRatio } = await import('@acct/core');
    const provider = await fixture<HTMLElement & { brand: unknown }>(html`<acct-provider theme="branded"></acct-provider>`);
    const text = () => provider.style.getPropertyValue('--acct-brand-primary-text');
    provider.brand = { primary: '#0f766e' };
    await until(() => text() === '#0f766e', 'an AA primary is its own text colour');
    for (const primary of ['#14b8a6', 'hsl(173 80% 40%)', 'teal']) {
      provider.brand = {};
      await until(() => text() === '', 'no brand');
      provider.brand = { primary };
      await until(() => text() !== '', `text colour derived from ${primary}`);
      expect(text()).to.not.equal(primary);
      // The page and card surfaces, and the error, success and warning banners.
      for (const surface of ['#ffffff', '#f6f7f9', '#fef3f2', '#e6f4ea', '#fff4d6']) expect(contrastRatio(text(), surface), `${primary} -> ${text()}`).to.be.at.least(4.5);
    }
    provider.brand = { primary: '#14b8a6', primaryText: '#0b5e58' };
    await until(() => text() === '#0b5e58', 'a given primaryText wins');
    provider.brand = {};
    await until(() => text() === '', 'removed with the brand');
  });

  it('inside a provider without an adapter, says so at once, and loads when the provider gets one', async () => {
    await import('@acct/elements/provider');
    await import('@acct/elements/panel-settings');
    // Inside a provider that has neither an adapter nor api-base.
    const provider = await fixture<HTMLElement & { adapter?: unknown }>(html`<acct-provider><acct-panel-settings></acct-panel-settings></acct-provider>`);
    const inner = provider.querySelector('acct-panel-settings')!;
    await until(() => shadow(inner).textContent?.includes('no "panel" API'), 'missing message inside an empty provider');
    provider.adapter = createMemoryAdapter();
    await until(() => shadow(inner).querySelector(FORM), 'form once the provider gets the adapter');
  });

  it('waits in the skeleton while api-base builds the adapter, never calling it missing', async () => {
    await import('@acct/elements/provider');
    await import('@acct/elements/api-base');
    await import('@acct/elements/panel-settings');
    const seen: string[] = [];
    const provider = await fixture(html`<acct-provider api-base="/no-such-api"><acct-panel-settings></acct-panel-settings></acct-provider>`);
    const inner = provider.querySelector('acct-panel-settings')!;
    const root = shadow(inner);
    const record = () => seen.push(root.textContent ?? '');
    record();
    const observer = new MutationObserver(record);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    expect(root.querySelector('[aria-busy="true"]'), 'skeleton while the adapter is built').to.not.equal(null);
    // The dev server answers 404 for the made-up base: the load fails with a Retry, never "missing".
    await until(() => root.querySelector('button') && !root.querySelector('[aria-busy="true"]'), 'load error after the adapter was built');
    observer.disconnect();
    expect(seen.some((t) => t.includes('no "panel" API')), seen.join(' | ')).to.equal(false);
  });

  it('the test page itself enforces the strict CSP (eval and raw HTML are refused)', async () => {
    expect(() => (0, eval)('1 + 1')).to.throw(EvalError);
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    expect((await takeViolations()).length).to.be.greaterThan(0);
  });
});

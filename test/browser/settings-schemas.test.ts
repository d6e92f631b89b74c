// SettingsController with its schemas in a lazy chunk (acct-security and acct-profile, issue 10):
// the chunk is fetched beside the first read, a chunk that cannot be fetched is a load failure
// with a Retry that fetches it again, and the save parses with the same schemas.
import { html as litHtml } from 'lit';
import '@acct/elements/provider';
import { createMemoryAdapter } from '@acct/adapter-memory';
import { PanelSettings, settingsSchemas } from '@acct/core';
import { AcctElement } from '../../packages/elements/src/base/acct-element.js';
import { SettingsController, type SchemasChunk } from '../../packages/elements/src/base/settings-controller.js';
import { lazyModule } from '../../packages/elements/src/base/chunk.js';
import { expect, fixture, html, recordEvents, until } from './helpers.js';

type Panel = PanelSettings;

class SchemasHost extends AcctElement {
  /** What the next fetch of the schemas' "chunk" does; each call is counted. */
  static fetches = 0;
  static next: () => Promise<SchemasChunk<Panel>> = () => Promise.resolve({ settings: settingsSchemas(PanelSettings) });
  static readonly schemas = lazyModule(() => {
    SchemasHost.fetches++;
    return SchemasHost.next();
  });

  readonly settings = new SettingsController<Panel>(this, {
    section: 'panel',
    api: () => this.api('panel'),
    schemas: SchemasHost.schemas,
  });

  override render() {
    const s = this.settings;
    return litHtml`<p>${s.phase}${s.phase === 'error' ? `: ${s.loadErrorMessage}` : ''}</p>`;
  }
}
customElements.define('settings-schemas-test', SchemasHost);

const phase = (el: SchemasHost) => el.shadowRoot?.querySelector('p')?.textContent ?? '';

describe('SettingsController with lazy schemas', () => {
  it('fetches the schemas beside the first read, not after it, and once for every instance', async () => {
    const adapter = createMemoryAdapter();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reads = 0;
    const panel = adapter.panel!;
    const slow = { ...adapter, panel: { ...panel, get: async (o?: { signal?: AbortSignal }) => (reads++, await gate, panel.get(o)) } };
    const provider = await fixture(html`<acct-provider .adapter=${slow}><settings-schemas-test></settings-schemas-test><settings-schemas-test></settings-schemas-test></acct-provider>`);
    const [a, b] = [...provider.querySelectorAll<SchemasHost>('settings-schemas-test')] as [SchemasHost, SchemasHost];
    await until(() => reads === 2, 'both reads started');
    // The read has not answered yet, and the schemas are already on their way.
    expect(SchemasHost.fetches, 'one fetch, shared by both').to.equal(1);
    expect(phase(a)).to.equal('loading');
    release();
    await until(() => phase(a) === 'ready' && phase(b) === 'ready', 'both ready');
    expect(a.settings.saved).to.deep.equal((await panel.get()).data);
    // Once in, the module itself is handed over: a later element's read does not wait for it.
    expect(SchemasHost.schemas()).to.not.be.instanceOf(Promise);
    const c = document.createElement('settings-schemas-test') as SchemasHost;
    provider.append(c);
    await until(() => phase(c) === 'ready', 'a later instance ready');
    expect(SchemasHost.fetches).to.equal(1);
  });

  it('a schemas chunk that cannot be fetched is a load failure; Retry fetches it again and saves work', async () => {
    // A fresh chunk cache: this test's host class has not fetched yet.
    class FailingHost extends SchemasHost {
      static attempts = 0;
      static readonly chunk = lazyModule(() => {
        FailingHost.attempts++;
        return FailingHost.attempts === 1
          ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
          : Promise.resolve({ settings: settingsSchemas(PanelSettings) });
      });
      override readonly settings = new SettingsController<Panel>(this, {
        section: 'panel',
        api: () => this.api('panel'),
        schemas: FailingHost.chunk,
      });
    }
    customElements.define('settings-schemas-failing-test', FailingHost);
    const adapter = createMemoryAdapter();
    const errors = recordEvents(document, ['acct-error']);
    const provider = await fixture(html`<acct-provider .adapter=${adapter}><settings-schemas-failing-test></settings-schemas-failing-test></acct-provider>`);
    const el = provider.querySelector<FailingHost>('settings-schemas-failing-test')!;
    await until(() => phase(el).startsWith('error'), 'load failure shown');
    expect(phase(el)).to.contain('No connection to the server');
    expect(errors.map((e) => e.detail)).to.deep.equal([{ section: 'panel', code: 'network', operation: 'load' }]);
    el.settings.reload();
    await until(() => phase(el) === 'ready', 'ready after Retry');
    expect(FailingHost.attempts).to.equal(2);
    // The save parses its answer with the schemas the read brought.
    const theme = el.settings.saved?.theme === 'dark' ? 'light' : 'dark';
    el.settings.set('theme', theme);
    expect(await el.settings.save()).to.equal(true);
    expect(adapter.control.snapshot().panel.theme).to.equal(theme);
  });
});

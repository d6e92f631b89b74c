/**
 * `api-base` on `acct-provider`: given the base URL of the documented HTTP API (`/api`) and no
 * `adapter`, the provider gets the REST adapter (`@acct/adapter-rest`), a lazy chunk fetched only
 * by pages that use the attribute. It lives here, not in the provider, so pages with their own
 * adapter carry none of it. The one-file bundle includes it; with per-element entries, import
 * `@acct/elements/api-base` once.
 */
import type { ReactiveController } from 'lit';
import type { AccountAdapter } from '@acct/core';
import { AcctProvider } from './acct-provider.js';

const ATTRIBUTE = 'api-base';

class ApiBaseController implements ReactiveController {
  #built: AccountAdapter | undefined;
  #base: string | null = null;
  readonly #observer = new MutationObserver(() => void this.#apply());

  constructor(private readonly host: AcctProvider) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.host, { attributes: true, attributeFilter: [ATTRIBUTE] });
    void this.#apply();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  /** A host's own adapter always wins over the attribute. */
  #ownAdapter(): boolean {
    return this.host.adapter !== undefined && this.host.adapter !== this.#built;
  }

  async #apply(): Promise<void> {
    const base = this.host.getAttribute(ATTRIBUTE);
    if (base === this.#base || this.#ownAdapter()) return;
    this.#base = base;
    // Elements inside wait for the adapter (the context's `pending`) instead of calling it missing.
    this.host._building = !!base;
    this.host.requestUpdate();
    if (!base) return;
    const { createRestAdapter } = await import('@acct/adapter-rest');
    if (base !== this.#base || this.#ownAdapter()) return;
    this.host._building = false;
    this.host.adapter = this.#built = createRestAdapter({ baseUrl: base });
  }
}

const attached = new WeakSet<AcctProvider>();
function attach(el: AcctProvider): void {
  if (attached.has(el)) return;
  attached.add(el);
  new ApiBaseController(el);
}

AcctProvider.addInitializer((el) => attach(el as AcctProvider));
// Providers upgraded before this module ran (it was imported after the tag was defined).
for (const el of document.querySelectorAll('acct-provider')) if (el instanceof AcctProvider) attach(el);

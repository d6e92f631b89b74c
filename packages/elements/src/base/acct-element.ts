import { LitElement, type PropertyValues } from 'lit';
import { property, state } from './decorators.js';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { AccountAdapter, SubApiName, ThemeName } from '@acct/core';
import { acctContext, type AcctContextValue } from './context.js';
import type { AcctEventMap } from './events.js';
import { configureAcctLocalization, getAcctLocale, registerMessages } from '../i18n/index.js';
import type { MessageLoaders } from '../i18n/registry.js';
import { themeStyles } from '../theme/styles.js';

/**
 * Context requests from elements that upgrade before their provider would be lost (lit issues
 * 3251, 4618). One ContextRoot on the document buffers them and replays them when a provider
 * announces itself. Attached when the first element module loads, before any element connects.
 */
const ROOT_KEY = Symbol.for('acct-widgets/context-root');
const globalScope = globalThis as typeof globalThis & { [ROOT_KEY]?: ContextRoot };
if (typeof document !== 'undefined' && !globalScope[ROOT_KEY]) {
  globalScope[ROOT_KEY] = new ContextRoot();
  globalScope[ROOT_KEY].attach(document.documentElement);
}

/**
 * Base of every acct-widgets element: adapter resolution (own property, else the enclosing
 * provider), theme tokens when used without a provider, live locale switching, typed events and
 * a `define()` that tolerates re-registration (Storybook and hot reload re-run modules).
 */
export class AcctElement extends LitElement {
  static override styles = [themeStyles];

  /**
   * @internal The element's strings in other locales (generated per element folder). Registered
   * by the first instance, not at module load, so a page that loads the whole bundle but shows
   * one element fetches that element's translations only.
   */
  static messages?: MessageLoaders;

  /** Registers the class under `tag` unless that tag is already defined. */
  static define(tag: string, ctor: CustomElementConstructor = this): void {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }

  /** An adapter for this element alone; otherwise the enclosing `acct-provider`'s is used. */
  @property({ attribute: false }) adapter: AccountAdapter | undefined;

  /**
   * Theme of this element. Inside a provider it inherits the provider's tokens unless set; alone
   * it defaults to `light`.
   */
  @property({ reflect: true }) theme: ThemeName | undefined;

  /** What the enclosing provider gives, if any. */
  @state() protected context: AcctContextValue | undefined;

  // Theme and lang values we set ourselves (not the author), so we withdraw them when a provider
  // appears and follow locale switches.
  #autoTheme: ThemeName | undefined;
  #autoLang: string | undefined;

  /** `lang` and `dir` stay native attributes; observing them makes them reactive too. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if ((name === 'lang' || name === 'dir') && old !== value) this.requestUpdate();
  }

  constructor() {
    super();
    configureAcctLocalization();
    const { messages } = this.constructor as typeof AcctElement;
    if (messages) registerMessages(messages);
    updateWhenLocaleChanges(this);
    new ContextConsumer(this, {
      context: acctContext,
      subscribe: true,
      callback: (value) => {
        this.context = value;
      },
    });
  }

  /** The adapter to use: own property first, then the provider's. */
  get resolvedAdapter(): AccountAdapter | undefined {
    return this.adapter ?? this.context?.adapter;
  }

  /**
   * No adapter yet, but one may still come: a provider building it from `api-base`, or an
   * `acct-provider` around us not defined yet. Otherwise a missing adapter is said at once (a
   * host setting `el.adapter` later still gets its data: the load follows the property).
   */
  get adapterPending(): boolean {
    return this.context?.pending ?? !!this.closest('acct-provider');
  }

  /** A sub-API of the resolved adapter, or undefined when the host did not implement it. */
  protected api<K extends SubApiName>(name: K): AccountAdapter[K] | undefined {
    return this.resolvedAdapter?.[name];
  }

  /** The locale templates currently render in. */
  protected get activeLocale(): string {
    return getAcctLocale();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Alone, an element carries its own tokens; inside a provider it inherits the provider's.
    if (this.theme === undefined || this.theme === this.#autoTheme) {
      this.#autoTheme = this.context ? undefined : 'light';
      this.theme = this.#autoTheme;
    }
    // Screen readers need the widget's language even where the page's differs; inside a provider
    // the provider's own `lang` is inherited.
    const lang = this.getAttribute('lang');
    if (lang === null || lang === this.#autoLang) {
      this.#autoLang = this.context ? undefined : getAcctLocale();
      if (this.#autoLang === undefined) this.removeAttribute('lang');
      else if (lang !== this.#autoLang) this.setAttribute('lang', this.#autoLang);
    }
  }

  /** Chunks a user's action waits for (LazyPart): `updateComplete` includes them and their render. */
  readonly #chunks = new Set<Promise<unknown>>();

  /** @internal */
  awaitChunk(load: Promise<unknown>): void {
    this.#chunks.add(load);
    const done = (): void => void this.#chunks.delete(load);
    load.then(done, done);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#chunks.size) {
      await Promise.allSettled([...this.#chunks]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Dispatches a typed, bubbling, composed event. */
  emit<K extends keyof AcctEventMap>(name: K, detail: AcctEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

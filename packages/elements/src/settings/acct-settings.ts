import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { msg } from '@lit/localize';
import type { SubApiName } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { renderBanner } from '../ui/field.js';
import { renderLoadFailure } from '../ui/lazy-view.js';
import { exportParts } from '../ui/parts.js';
import { uiStyles } from '../ui/styles.js';
import { settingsStyles } from './acct-settings.styles.js';
import messages from '../i18n/generated/parts/settings.js';

interface TabDefinition {
  id: string;
  label: () => string;
  /** Shown when the adapter has at least one of these sub-APIs. */
  apis: SubApiName[];
  /** Registers the tab's element(s) on first open: a lazy chunk outside the one-file bundle. */
  load: () => Promise<unknown>;
  render: (has: (api: SubApiName) => boolean) => TemplateResult;
}

const TABS: TabDefinition[] = [
  { id: 'profile', label: () => msg('Profile'), apis: ['profile'], load: () => import('../profile/define.js'), render: () => html`<acct-profile exportparts=${exportParts('profile')}></acct-profile>` },
  {
    id: 'notifications',
    label: () => msg('Notifications'),
    apis: ['notifications'],
    load: () => import('../notifications/define.js'),
    render: () => html`<acct-notifications exportparts=${exportParts('notifications')}></acct-notifications>`,
  },
  { id: 'billing', label: () => msg('Billing'), apis: ['billing'], load: () => import('../billing-settings/define.js'), render: () => html`<acct-billing-settings exportparts=${exportParts('billing')}></acct-billing-settings>` },
  { id: 'security', label: () => msg('Security'), apis: ['security'], load: () => import('../security/define.js'), render: () => html`<acct-security exportparts=${exportParts('security')}></acct-security>` },
  {
    id: 'access',
    label: () => msg('Access'),
    apis: ['apiKeys', 'users'],
    load: () => Promise.all([import('../api-keys/define.js'), import('../users/define.js')]),
    render: (has) => html`${has('apiKeys') ? html`<acct-api-keys exportparts=${exportParts('access')}></acct-api-keys>` : nothing}${has('users') ? html`<acct-users exportparts=${exportParts('access')}></acct-users>` : nothing}`,
  },
  {
    id: 'history',
    label: () => msg('Login history'),
    apis: ['loginHistory', 'sessions'],
    load: () => import('../login-history/define.js'),
    render: () => html`<acct-login-history exportparts=${exportParts('history')}></acct-login-history>`,
  },
  { id: 'privacy', label: () => msg('Privacy'), apis: ['privacy'], load: () => import('../privacy/define.js'), render: () => html`<acct-privacy exportparts=${exportParts('privacy')}></acct-privacy>` },
  { id: 'panel', label: () => msg('Panel settings'), apis: ['panel'], load: () => import('../panel-settings/define.js'), render: () => html`<acct-panel-settings exportparts=${exportParts('panel')}></acct-panel-settings>` },
];

export const SETTINGS_TABS = TABS.map((t) => t.id);

/**
 * The whole settings area in one tag: tabs for profile, notifications, billing, security, access
 * (API keys and users), login history, privacy and panel settings. Each tab's element is loaded on
 * first open and kept afterwards, so edits survive switching tabs.
 *
 * The tabs' elements pass their parts on (`exportparts`, see ui/parts.ts): each under its own
 * name, so `acct-settings::part(button)` styles every tab's buttons, and under the tab's id as a
 * prefix, so `acct-settings::part(security-button)` styles those of the Security tab only
 * (`profile-`, `notifications-`, `billing-`, `security-`, `access-`, `history-`, `privacy-`,
 * `panel-`).
 *
 * @tagname acct-settings
 * @summary The whole settings area as tabs.
 * @csspart tablist - The row of tabs.
 * @csspart tab - One tab.
 * @csspart tabpanel - The panel of a tab.
 * @csspart banner - The message shown when no tab is available, and the tabs' status and error messages.
 * @csspart section - Each section of the tabs' elements (also `<tab>-section`, e.g. `security-section`; so for every part below).
 * @csspart field - A label with its control, hint and error, in the tabs' elements.
 * @csspart label - A field's label, in the tabs' elements.
 * @csspart input - A form control, in the tabs' elements.
 * @csspart hint - Help text under a control, in the tabs' elements.
 * @csspart error - Error text under a control, in the tabs' elements.
 * @csspart button - Any button of the tabs' elements.
 * @csspart button-primary - The main action of a form or section, in the tabs' elements.
 * @csspart button-danger - A destructive action (revoke, remove, delete), in the tabs' elements.
 * @csspart link - A link, in the tabs' elements.
 * @csspart table - A table (API keys, users, sessions, login history, archives).
 * @csspart dialog - A dialog (confirmation, re-authentication) of the tabs' elements.
 * @csspart qr - The two-factor QR code on the Security tab.
 */
export class AcctSettings extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, settingsStyles];

  /** Which tabs to show, in order (space or comma separated ids); default all that the adapter supports. */
  @property() tabs: string | undefined;

  /** The open tab's id. */
  @property({ reflect: true }) selected: string | undefined;

  /** Keep the open tab in the URL hash (`#security`) and follow it. */
  @property({ type: Boolean, attribute: 'sync-hash' }) syncHash = false;

  /** Tabs opened at least once: their panels stay rendered (hidden) to keep their state. */
  @state() private opened: ReadonlySet<string> = new Set();
  @state() private loadFailed: ReadonlySet<string> = new Set();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  #onHashChange = (): void => {
    if (!this.syncHash) return;
    const id = location.hash.slice(1);
    if (this.#visible().some((t) => t.id === id)) this.selected = id;
  };

  #has = (api: SubApiName): boolean => !!this.resolvedAdapter?.[api];

  /** The tabs to show: chosen by `tabs`, in its order, and supported by the adapter. */
  #visible(): TabDefinition[] {
    const wanted = this.tabs
      ?.split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const chosen = wanted ? wanted.map((id) => TABS.find((t) => t.id === id)).filter((t): t is TabDefinition => !!t) : TABS;
    return chosen.filter((t) => t.apis.some(this.#has));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const visible = this.#visible();
    const first = visible[0];
    if (!first) return;
    if (this.selected === undefined && this.syncHash) {
      const fromHash = location.hash.slice(1);
      if (visible.some((t) => t.id === fromHash)) this.selected = fromHash;
    }
    const tab = visible.find((t) => t.id === this.selected) ?? first;
    this.selected = tab.id;
    if (!this.opened.has(tab.id)) {
      this.opened = new Set([...this.opened, tab.id]);
      tab.load().catch(() => (this.loadFailed = new Set([...this.loadFailed, tab.id])));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('selected') && this.syncHash && this.selected && location.hash.slice(1) !== this.selected) {
      // replaceState: no scroll jump and no history entry per tab click.
      history.replaceState(history.state, '', `#${this.selected}`);
    }
  }

  #select(id: string, focus: boolean): void {
    this.selected = id;
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${id}`)?.focus());
  }

  /** Arrow keys move between tabs (and select them), Home / End jump; right-to-left aware. */
  #onKeydown(event: KeyboardEvent): void {
    const visible = this.#visible();
    const index = visible.findIndex((t) => t.id === this.selected);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + visible.length) % visible.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = visible.length - 1;
    const target = next === undefined ? undefined : visible[next];
    if (!target) return;
    event.preventDefault();
    this.#select(target.id, true);
  }

  override render() {
    const visible = this.#visible();
    if (!visible.length) return renderBanner('warning', msg('No settings are available: the account adapter implements none of their APIs.'));
    return html`<div role="tablist" part="tablist" aria-label=${msg('Settings')} @keydown=${this.#onKeydown}>
        ${visible.map(
          (t) => html`<button
            type="button"
            role="tab"
            part="tab"
            id="tab-${t.id}"
            aria-selected=${t.id === this.selected ? 'true' : 'false'}
            aria-controls="panel-${t.id}"
            tabindex=${t.id === this.selected ? '0' : '-1'}
            @click=${() => this.#select(t.id, false)}
          >
            ${t.label()}
          </button>`,
        )}
      </div>
      ${visible.map(
        (t) => html`<div role="tabpanel" part="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}" tabindex="0" ?hidden=${t.id !== this.selected}>
          ${this.loadFailed.has(t.id)
            ? renderLoadFailure(() => this.#retry(t))
            : this.opened.has(t.id)
              ? t.render(this.#has)
              : nothing}
        </div>`,
      )}`;
  }

  #retry(tab: TabDefinition): void {
    const failed = new Set(this.loadFailed);
    failed.delete(tab.id);
    this.loadFailed = failed;
    tab.load().catch(() => (this.loadFailed = new Set([...this.loadFailed, tab.id])));
  }
}

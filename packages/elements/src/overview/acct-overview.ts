import { html, nothing, type TemplateResult } from 'lit';
import { property } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import {
  Balance,
  formatMoney,
  formatNumber,
  isAbortError,
  LowBalanceSettings,
  parseResponse,
  ProfileSummary,
  safeUrl,
  type AccountAdapter,
} from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import type { AcctLinks } from '../base/context.js';
import { LazyActions } from '../base/lazy-actions.js';
import { ResourceController } from '../base/resource-controller.js';
import { accountTypeLabel } from '../profile/labels.js';
import { renderBanner } from '../ui/field.js';
import { renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { linkButtonStyles } from '../ui/link-button-styles.js';
import { statusStyles } from '../ui/status-styles.js';
import { homeStyles } from './home.styles.js';
import { overviewStyles } from './acct-overview.styles.js';
import messages from '../i18n/generated/parts/overview.js';
import type { OverviewFlow, ProfileAction } from './overview-flow.js';

interface BalanceData {
  balance: Balance;
  /** The low-balance threshold of the notification settings, when it is on and readable. */
  threshold: number | undefined;
}

type LinkKey = keyof AcctLinks;

/**
 * The control panel home (document 002): three blocks.
 * Support: context help and knowledge base links, and a small "Create ticket" form
 * (`tickets.create`) that shows the new ticket's number. Balance: the amount in the account
 * currency, a warning when it is below the low-balance threshold, links to the history, billing
 * documents, notification settings and "Top up balance". Profile: the account's name and type,
 * the personal discount, the actions of the document (panel settings, login history, security,
 * API keys, change password) and "Transfer services to another account", which opens a
 * prefilled ticket.
 *
 * Actions navigate to `links.settings` with the section as the fragment: the tab ids of
 * `<acct-settings sync-hash>` (`…/settings#security`, `#history`, `#access`, `#panel`). With
 * `actions="in-place"` they open the matching element (for example `acct-security`) below the
 * blocks instead, when that element is registered. A block
 * whose sub-API and links are all missing is hidden; a failing sub-API shows an error with a
 * retry in its own block only. An element opened in place passes its parts on (`exportparts`,
 * see ui/parts.ts): under its own names, and with its settings tab's id as a prefix
 * (`acct-overview::part(security-button)`).
 *
 * @tagname acct-overview
 * @summary The control panel home: support, balance and profile blocks.
 * @fires acct-ticket-created - After a ticket was created; detail `{ section: 'tickets', ticket }`.
 * @fires acct-error - When a block failed to load or a ticket could not be created; detail `{ section, code, operation }`.
 * @csspart section - Each block, the in-place area, and the sections of an element opened in place.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control (of an element opened in place: the ticket form has none).
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Create ticket and Top up balance actions.
 * @csspart link - Links to host pages.
 * @csspart amount - The balance amount.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The re-authentication dialog, and the dialogs of an element opened in place.
 * @csspart button-danger - A destructive action of an element opened in place (also `<section>-<part>`, e.g. `security-button-danger`, for every part it passes on).
 * @csspart table - A table of an element opened in place (API keys, login history).
 * @csspart qr - The two-factor QR code of `acct-security` opened in place.
 * @cssprop --acct-section-gap - Space between the blocks.
 */
export class AcctOverview extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, statusStyles, linkButtonStyles, homeStyles, overviewStyles];

  /** `navigate` (default): actions are links to `links.settings`; `in-place`: open the element here. */
  @property() actions: 'navigate' | 'in-place' = 'navigate';

  /**
   * @internal Test-only hook: fetches the chunk with the ticket form and the in-place elements.
   * Tests replace it to simulate a chunk that cannot be fetched.
   */
  static flowLoader = () => import('./overview-flow.js');
  /** @internal What is behind the buttons: a lazy chunk, loaded on first use or intent. */
  readonly flow = new LazyActions(this, () => (this.constructor as typeof AcctOverview).flowLoader());
  #controller: OverviewFlow | undefined;

  readonly tickets = new ResourceController(this, {
    section: 'tickets',
    api: () => this.api('tickets'),
    // Nothing to read: creating is the only operation.
    load: async () => true,
  });

  readonly balance = new ResourceController(this, {
    section: 'balance',
    api: () => this.api('balance'),
    reauth: this.tickets.reauth,
    load: async (api, signal): Promise<BalanceData> => {
      const notifications = this.api('notifications');
      const [balance, threshold] = await Promise.all([
        api.get({ signal }).then((b) => parseResponse(Balance, b)),
        // The threshold only words the warning; the balance shows without it.
        notifications
          ?.get({ signal })
          .then((r) => {
            const low = parseResponse(LowBalanceSettings, r.data).lowBalance;
            return low.enabled ? low.threshold : undefined;
          })
          .catch((e: unknown) => {
            if (isAbortError(e)) throw e;
            return undefined;
          }),
      ]);
      return { balance, threshold };
    },
  });

  readonly profile = new ResourceController(this, {
    section: 'profile',
    api: () => this.api('profile'),
    reauth: this.tickets.reauth,
    load: async (api, signal) => parseResponse(ProfileSummary, (await api.get({ signal })).data),
  });

  #link(key: LinkKey, section?: string): string | undefined {
    const href = safeUrl(this.context?.links[key]);
    if (!href || !section) return href;
    const url = new URL(href);
    url.hash = section;
    return url.href;
  }

  #has(api: keyof AccountAdapter, ...links: LinkKey[]): boolean {
    return !!this.api(api) || links.some((k) => this.#link(k));
  }

  #links(items: [string | undefined, string, boolean?][]): TemplateResult | typeof nothing {
    const shown = items.filter((i): i is [string, string, boolean?] => !!i[0]);
    if (!shown.length) return nothing;
    return html`<ul class="links">
      ${shown.map(([href, label, primary]) => html`<li><a part=${primary ? 'link button-primary' : 'link'} class=${primary ? 'primary' : ''} href=${href}>${label}</a></li>`)}
    </ul>`;
  }

  /**
   * Runs `use` with the lazily loaded flow. While its chunk loads the control `key` (`ticket`,
   * `transfer` or an action's key) is busy; a failure shows beside it, and its Retry acts again.
   */
  async #act(key: string, use: (flow: OverviewFlow) => Promise<void>): Promise<void> {
    const module = this.#controller ? undefined : await this.flow.run(key, (m) => m, () => this.#act(key, use));
    if (!this.#controller) {
      if (!module) return;
      this.#controller = new module.OverviewFlow({ element: this, tickets: this.tickets, ticketsApi: () => this.api('tickets') });
    }
    await use(this.#controller);
  }

  /** The failure of whichever of these controls could not load the flow. */
  #loadFailure(...keys: string[]): (TemplateResult | typeof nothing)[] {
    return keys.map((k) => this.flow.renderFailure(k));
  }

  // Support

  #renderSupport(): TemplateResult | typeof nothing {
    if (!this.#has('tickets', 'help', 'knowledgeBase', 'tickets')) return nothing;
    const created = this.#controller?.created;
    const ticketUrl = safeUrl(created?.url);
    const canCreate = !!this.api('tickets');
    const open = !!this.#controller?.ticketOpen;
    const loading = this.flow.loading('ticket');
    return this.#block('support', msg('Support'), html`
      ${this.#links([
        [this.#link('help'), msg('Help')],
        [this.#link('knowledgeBase'), msg('Knowledge base')],
        [this.#link('tickets'), msg('All tickets')],
      ])}
      ${created
        ? renderBanner(
            'success',
            html`${msg(str`Ticket ${created.id} created.`)} ${ticketUrl ? html`<a part="link" href=${ticketUrl}>${msg('Open the ticket')}</a>` : nothing}`,
            undefined,
            true,
          )
        : nothing}
      ${canCreate
        ? html`<div class="actions">
              <button
                type="button"
                id="ticket-toggle"
                part="button button-primary"
                class="primary"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls="ticket-form"
                ?disabled=${loading}
                aria-busy=${loading ? 'true' : nothing}
                @click=${() => this.#act('ticket', (f) => f.toggleTicket())}
              >
                ${loading ? msg('Loading…') : msg('Create ticket')}
              </button>
            </div>
            ${this.#loadFailure('ticket')} ${this.#controller?.renderTicketForm() ?? nothing}`
        : nothing}
    `);
  }

  // Balance

  #renderBalance(): TemplateResult | typeof nothing {
    if (!this.#has('balance', 'history', 'documents', 'topUp')) return nothing;
    const links = this.#links([
      [this.#link('history'), msg('Transaction history')],
      [this.#link('documents'), msg('Billing documents')],
      [this.#link('settings', 'notifications'), msg('Notification settings')],
      [this.#link('topUp'), msg('Top up balance'), true],
    ]);
    const amount = this.api('balance')
      ? renderResource(this.balance, 'balance', ({ balance, threshold }) => {
          const low = balance.lowBalance ?? (threshold !== undefined && balance.amount < threshold);
          const money = (n: number) => formatMoney(n, balance.currency, this.activeLocale);
          return html`<p class="amount" part="amount" aria-describedby="balance-heading">${money(balance.amount)}</p>
            ${low
              ? renderBanner(
                  'warning',
                  threshold !== undefined
                    ? msg(str`The balance is below ${money(threshold)}. Top up to keep your services running.`)
                    : msg('The balance is low. Top up to keep your services running.'),
                )
              : nothing}`;
        })
      : nothing;
    return this.#block('balance', msg('Balance'), html`${amount}${links}`);
  }

  // Profile

  #actions(): ProfileAction[] {
    return [
      { key: 'panel', section: 'panel', label: msg('Panel settings'), tag: 'acct-panel-settings' },
      { key: 'login-history', section: 'history', label: msg('Login history'), tag: 'acct-login-history' },
      { key: 'security', section: 'security', label: msg('Security settings'), tag: 'acct-security' },
      { key: 'api-keys', section: 'access', label: msg('API keys'), tag: 'acct-api-keys' },
      { key: 'password', section: 'security', label: msg('Change password'), tag: 'acct-security' },
    ];
  }

  #canOpenInPlace(a: ProfileAction): boolean {
    return this.actions === 'in-place' && !!customElements.get(a.tag);
  }

  #renderAction(a: ProfileAction): TemplateResult | typeof nothing {
    if (this.#canOpenInPlace(a)) {
      const open = this.#controller?.inPlace?.key === a.key;
      const loading = this.flow.loading(a.key);
      return html`<li>
        <button
          type="button"
          class="link"
          part="button"
          data-action=${a.key}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="in-place"
          ?disabled=${loading}
          aria-busy=${loading ? 'true' : nothing}
          @click=${() => this.#act(a.key, (f) => f.toggleInPlace(a))}
        >
          ${loading ? msg('Loading…') : a.label}
        </button>
      </li>`;
    }
    const href = this.#link('settings', a.section);
    return href ? html`<li><a part="link" href=${href} data-action=${a.key}>${a.label}</a></li>` : nothing;
  }

  #renderProfileSummary(p: ProfileSummary): TemplateResult {
    const person = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
    const name = (p.accountType && p.accountType !== 'individual' ? p.companyName : person) || person || p.username || '';
    return html`<dl class="status">
      ${name ? html`<dt>${msg('Name')}</dt><dd>${name}</dd>` : nothing}
      <dt>${msg('Account type')}</dt>
      <dd>${accountTypeLabel(p.accountType)}</dd>
      ${p.discount ? html`<dt>${msg('Personal discount')}</dt><dd>${formatNumber(p.discount / 100, this.activeLocale, { style: 'percent', maximumFractionDigits: 2 })}</dd>` : nothing}
    </dl>`;
  }

  #renderProfile(): TemplateResult | typeof nothing {
    const actions = this.#actions();
    const anyAction = actions.some((a) => this.#canOpenInPlace(a)) || !!this.#link('settings');
    if (!this.api('profile') && !anyAction) return nothing;
    // Without the tickets API the host's tickets page is where the user asks.
    const ticketsPage = this.#link('tickets');
    const loading = this.flow.loading('transfer');
    const transfer = this.api('tickets')
      ? html`<li>
          <button
            type="button"
            class="link"
            part="button"
            data-action="transfer"
            ?disabled=${loading}
            aria-busy=${loading ? 'true' : nothing}
            @click=${() => this.#act('transfer', (f) => f.openTransferTicket())}
          >
            ${loading ? msg('Loading…') : msg('Transfer services to another account')}
          </button>
        </li>`
      : ticketsPage
        ? html`<li><a part="link" href=${ticketsPage} data-action="transfer">${msg('Transfer services to another account')}</a></li>`
        : nothing;
    return this.#block('profile', msg('Profile'), html`
      ${this.api('profile') ? renderResource(this.profile, 'profile', (p) => this.#renderProfileSummary(p)) : nothing}
      <ul class="links actions-list" aria-label=${msg('Profile actions')}>
        ${actions.map((a) => this.#renderAction(a))} ${transfer}
      </ul>
      ${this.#loadFailure('transfer', ...actions.map((a) => a.key))}
    `);
  }

  #block(id: string, heading: string, body: TemplateResult): TemplateResult {
    return html`<section class="section" part="section" data-block=${id} aria-labelledby="${id}-heading">
      <h2 id="${id}-heading">${heading}</h2>
      ${body}
    </section>`;
  }

  override render() {
    const live = [this.tickets.announcement, this.balance.announcement, this.profile.announcement].filter(Boolean).join(' ');
    return html`<div class="blocks">${this.#renderSupport()} ${this.#renderBalance()} ${this.#renderProfile()}</div>
      ${this.#controller?.renderInPlace((a) => this.#canOpenInPlace(a)) ?? nothing} ${this.tickets.reauth.render()} ${renderLive(live)}`;
  }
}

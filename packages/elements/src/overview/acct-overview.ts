import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import {
  Balance,
  formatMoney,
  formatNumber,
  isAbortError,
  NotificationSettings,
  parseResponse,
  Profile,
  safeUrl,
  Ticket,
  type AccountAdapter,
} from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import type { AcctLinks } from '../base/context.js';
import { ResourceController } from '../base/resource-controller.js';
import { fieldErrorMessage } from '../i18n/messages.js';
import { accountTypeLabel } from '../profile/labels.js';
import { fieldIds, renderBanner, renderField } from '../ui/field.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { homeStyles } from './home.styles.js';
import { overviewStyles } from './acct-overview.styles.js';
import messages from '../i18n/generated/parts/overview.js';

interface BalanceData {
  balance: Balance;
  /** The low-balance threshold of the notification settings, when it is on and readable. */
  threshold: number | undefined;
}

interface ProfileAction {
  /** Names the action (`data-action`, the in-place toggle). */
  key: string;
  /** The tab of `<acct-settings sync-hash>` on the settings page: `links.settings#security`. */
  section: string;
  label: string;
  /** The element that shows it in place. */
  tag: string;
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
 * retry in its own block only.
 *
 * @tagname acct-overview
 * @summary The control panel home: support, balance and profile blocks.
 * @fires acct-ticket-created - After a ticket was created; detail `{ section: 'tickets', ticket }`.
 * @fires acct-error - When a block failed to load or a ticket could not be created; detail `{ section, code, operation }`.
 * @csspart section - Each block.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Create ticket and Top up balance actions.
 * @csspart link - Links to host pages.
 * @csspart amount - The balance amount.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The re-authentication dialog.
 * @cssprop --acct-section-gap - Space between the blocks.
 */
export class AcctOverview extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, homeStyles, overviewStyles];

  /** `navigate` (default): actions are links to `links.settings`; `in-place`: open the element here. */
  @property() actions: 'navigate' | 'in-place' = 'navigate';

  @state() private ticketOpen = false;
  @state() private subject = '';
  @state() private body = '';
  @state() private errors: { subject?: string | undefined; body?: string | undefined } = {};
  @state() private created: Ticket | undefined;
  @state() private inPlace: ProfileAction | undefined;
  #inPlaceNodes = new Map<string, HTMLElement>();

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
            const low = parseResponse(NotificationSettings, r.data).lowBalance;
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
    load: async (api, signal) => parseResponse(Profile, (await api.get({ signal })).data),
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

  // Support

  async #openTicket(prefill?: { subject: string; body: string }): Promise<void> {
    this.ticketOpen = true;
    if (prefill) {
      this.subject = prefill.subject;
      this.body = prefill.body;
      this.errors = {};
      this.created = undefined;
    }
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>(prefill ? '[name=body]' : '[name=subject]');
    field?.focus();
    if (prefill) field?.scrollIntoView?.({ block: 'nearest' });
  }

  async #submitTicket(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const api = this.api('tickets');
    if (!api) return;
    const subject = this.subject.trim();
    const body = this.body.trim();
    this.errors = { subject: subject ? undefined : fieldErrorMessage('required'), body: body ? undefined : fieldErrorMessage('required') };
    if (!this.errors.subject && !this.errors.body) {
      this.created = undefined;
      const done = await this.tickets.act('create', `${subject}\u0000${body}`, (o) => api.create({ subject, body }, o), { reload: false });
      if (done) {
        const ticket = parseResponse(Ticket, done.value);
        this.created = ticket;
        this.subject = '';
        this.body = '';
        this.ticketOpen = false;
        this.tickets.announcement = msg(str`Ticket ${ticket.id} created.`);
        this.emit('acct-ticket-created', { section: 'tickets', ticket });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#ticket-toggle')?.focus();
        return;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  #fieldError(name: 'subject' | 'body'): string | undefined {
    return this.errors[name] ?? this.tickets.fieldError('create', name);
  }

  #renderTicketForm(): TemplateResult {
    const busy = this.tickets.pending === 'create';
    const subjectError = this.#fieldError('subject');
    const bodyError = this.#fieldError('body');
    const onInput = (name: 'subject' | 'body') => (e: Event) => {
      this[name] = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
      this.errors = { ...this.errors, [name]: undefined };
    };
    return html`<form id="ticket-form" class="ticket" novalidate aria-label=${msg('New ticket')} @submit=${this.#submitTicket}>
      ${renderField({
        id: 'subject',
        label: msg('Subject'),
        error: subjectError,
        control: html`<input
          id="subject"
          name="subject"
          part="input"
          autocomplete="off"
          maxlength="200"
          aria-invalid=${subjectError ? 'true' : 'false'}
          aria-describedby=${ifDefined(fieldIds('subject', false, subjectError))}
          .value=${this.subject}
          @input=${onInput('subject')}
        />`,
      })}
      ${renderField({
        id: 'body',
        label: msg('Message'),
        error: bodyError,
        control: html`<textarea
          id="body"
          name="body"
          part="input"
          rows="4"
          aria-invalid=${bodyError ? 'true' : 'false'}
          aria-describedby=${ifDefined(fieldIds('body', false, bodyError))}
          .value=${this.body}
          @input=${onInput('body')}
        ></textarea>`,
      })}
      ${renderFailure(this.tickets, 'create')}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${busy}>${busy ? msg('Sending…') : msg('Send ticket')}</button>
        <button type="button" part="button" ?disabled=${busy} @click=${() => (this.ticketOpen = false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  #renderSupport(): TemplateResult | typeof nothing {
    if (!this.#has('tickets', 'help', 'knowledgeBase', 'tickets')) return nothing;
    const ticketUrl = safeUrl(this.created?.url);
    const canCreate = !!this.api('tickets');
    return this.#block('support', msg('Support'), html`
      ${this.#links([
        [this.#link('help'), msg('Help')],
        [this.#link('knowledgeBase'), msg('Knowledge base')],
        [this.#link('tickets'), msg('All tickets')],
      ])}
      ${this.created
        ? renderBanner(
            'success',
            html`${msg(str`Ticket ${this.created.id} created.`)} ${ticketUrl ? html`<a part="link" href=${ticketUrl}>${msg('Open the ticket')}</a>` : nothing}`,
          )
        : nothing}
      ${canCreate
        ? html`<div class="actions">
              <button
                type="button"
                id="ticket-toggle"
                part="button button-primary"
                class="primary"
                aria-expanded=${this.ticketOpen ? 'true' : 'false'}
                aria-controls="ticket-form"
                @click=${() => (this.ticketOpen ? (this.ticketOpen = false) : void this.#openTicket())}
              >
                ${msg('Create ticket')}
              </button>
            </div>
            ${this.ticketOpen ? this.#renderTicketForm() : nothing}`
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

  async #openInPlace(a: ProfileAction): Promise<void> {
    this.inPlace = a;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#in-place-heading')?.focus();
  }

  async #closeInPlace(): Promise<void> {
    const key = this.inPlace?.key;
    this.inPlace = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-action="${key}"]`)?.focus();
  }

  /** One element per tag, kept so unsaved edits survive closing and reopening. */
  #inPlaceNode(tag: string): HTMLElement {
    let node = this.#inPlaceNodes.get(tag);
    if (!node) {
      node = document.createElement(tag);
      this.#inPlaceNodes.set(tag, node);
    }
    // An adapter set on this element (not through a provider) is passed on.
    if (this.adapter) (node as AcctElement).adapter = this.adapter;
    return node;
  }

  #renderAction(a: ProfileAction): TemplateResult | typeof nothing {
    if (this.#canOpenInPlace(a)) {
      const open = this.inPlace?.key === a.key;
      return html`<li>
        <button type="button" class="link" part="button" data-action=${a.key} aria-expanded=${open ? 'true' : 'false'} aria-controls="in-place" @click=${() => (open ? this.#closeInPlace() : this.#openInPlace(a))}>
          ${a.label}
        </button>
      </li>`;
    }
    const href = this.#link('settings', a.section);
    return href ? html`<li><a part="link" href=${href} data-action=${a.key}>${a.label}</a></li>` : nothing;
  }

  #transferPrefill(): { subject: string; body: string } {
    return {
      subject: msg('Transfer of services to another account'),
      body: msg(
        'Please transfer these services to another account.\nServices (names or IDs):\n\nUsername of the receiving account (register it first if it does not exist):\n',
      ),
    };
  }

  #renderProfileSummary(p: Profile): TemplateResult {
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
    const transfer = this.api('tickets')
      ? html`<li><button type="button" class="link" part="button" data-action="transfer" @click=${() => this.#openTicket(this.#transferPrefill())}>${msg('Transfer services to another account')}</button></li>`
      : ticketsPage
        ? html`<li><a part="link" href=${ticketsPage} data-action="transfer">${msg('Transfer services to another account')}</a></li>`
        : nothing;
    return this.#block('profile', msg('Profile'), html`
      ${this.api('profile') ? renderResource(this.profile, 'profile', (p) => this.#renderProfileSummary(p)) : nothing}
      <ul class="links actions-list" aria-label=${msg('Profile actions')}>
        ${actions.map((a) => this.#renderAction(a))} ${transfer}
      </ul>
    `);
  }

  #block(id: string, heading: string, body: TemplateResult): TemplateResult {
    return html`<section class="section" part="section" data-block=${id} aria-labelledby="${id}-heading">
      <h2 id="${id}-heading">${heading}</h2>
      ${body}
    </section>`;
  }

  #renderInPlace(): TemplateResult | typeof nothing {
    const a = this.inPlace;
    if (!a || !this.#canOpenInPlace(a)) return nothing;
    return html`<section id="in-place" class="section in-place" part="section" aria-labelledby="in-place-heading">
      <div class="in-place-head">
        <h2 id="in-place-heading" tabindex="-1">${a.label}</h2>
        <button type="button" part="button" @click=${this.#closeInPlace}>${msg('Close')}</button>
      </div>
      ${this.#inPlaceNode(a.tag)}
    </section>`;
  }

  override render() {
    const live = [this.tickets.announcement, this.balance.announcement, this.profile.announcement].filter(Boolean).join(' ');
    return html`<div class="blocks">${this.#renderSupport()} ${this.#renderBalance()} ${this.#renderProfile()}</div>
      ${this.#renderInPlace()} ${this.tickets.reauth.render()} ${renderLive(live)}`;
  }
}

import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Ticket, type TicketsApi } from '@acct/core';
import type { AcctElement } from '../base/acct-element.js';
import type { ResourceController } from '../base/resource-controller.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { renderFailure } from '../ui/resource-view.js';
import { renderTicketFields, type TicketFieldName } from '../ui/ticket-fields.js';
import { act } from '../base/resource-act.js';
import { exportParts } from '../ui/parts.js';

export interface ProfileAction {
  /** Names the action (`data-action`, the in-place toggle). */
  key: string;
  /** The tab of `<acct-settings sync-hash>` on the settings page: `links.settings#security`. */
  section: string;
  label: string;
  /** The element that shows it in place. */
  tag: string;
}

/** What the flow uses of `<acct-overview>`. */
export interface OverviewHost {
  readonly element: AcctElement;
  readonly tickets: ResourceController<boolean, TicketsApi>;
  ticketsApi(): TicketsApi | undefined;
}

/**
 * Everything of `<acct-overview>` behind a button: the ticket form (Create ticket, Transfer
 * services) and the elements opened in place. Loaded on the first click (or when the user points
 * at the element), not with the three blocks the element first paints. Its state lives here; each
 * change re-renders the element.
 */
export class OverviewFlow {
  ticketOpen = false;
  /** The last ticket created here, shown in the Support block. */
  created: Ticket | undefined;
  /** The action whose element is open below the blocks. */
  inPlace: ProfileAction | undefined;
  #subject = '';
  #body = '';
  #errors: { subject?: string | undefined; body?: string | undefined } = {};
  #inPlaceNodes = new Map<string, HTMLElement>();
  /** The button that opened the ticket form (Create ticket or Transfer services): Cancel returns there. */
  #ticketOpener = '#ticket-toggle';

  constructor(private readonly host: OverviewHost) {}

  get #el(): AcctElement {
    return this.host.element;
  }

  /** Re-renders the element and resolves once it has. */
  async #render(): Promise<void> {
    this.#el.requestUpdate();
    await this.#el.updateComplete;
  }

  #query<E extends HTMLElement>(selector: string): E | null {
    return this.#el.renderRoot.querySelector<E>(selector);
  }

  toggleTicket(): Promise<void> {
    if (!this.ticketOpen) return this.openTicket();
    this.ticketOpen = false;
    return this.#render();
  }

  async openTicket(prefill?: { subject: string; body: string }): Promise<void> {
    this.ticketOpen = true;
    this.#ticketOpener = prefill ? '[data-action=transfer]' : '#ticket-toggle';
    if (prefill) {
      this.#subject = prefill.subject;
      this.#body = prefill.body;
      this.#errors = {};
      this.created = undefined;
    }
    await this.#render();
    const field = this.#query(prefill ? '[name=body]' : '[name=subject]');
    field?.focus();
    if (prefill) field?.scrollIntoView?.({ block: 'nearest' });
  }

  openTransferTicket(): Promise<void> {
    return this.openTicket({
      subject: msg('Transfer of services to another account'),
      body: msg(
        'Please transfer these services to another account.\nServices (names or IDs):\n\nUsername of the receiving account (register it first if it does not exist):\n',
      ),
    });
  }

  async #submitTicket(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const api = this.host.ticketsApi();
    if (!api) return;
    const subject = this.#subject.trim();
    const body = this.#body.trim();
    this.#errors = { subject: subject ? undefined : fieldErrorMessage('required'), body: body ? undefined : fieldErrorMessage('required') };
    this.#el.requestUpdate();
    if (!this.#errors.subject && !this.#errors.body) {
      this.created = undefined;
      const done = await act(this.host.tickets, 'create', `${subject}\u0000${body}`, (o) => api.create({ subject, body }, o), Ticket, { reload: false });
      if (done) {
        const ticket = done.value;
        this.created = ticket;
        this.#subject = '';
        this.#body = '';
        this.ticketOpen = false;
        this.host.tickets.announcement = msg(str`Ticket ${ticket.id} created.`);
        this.#el.emit('acct-ticket-created', { section: 'tickets', ticket });
        await this.#render();
        this.#query('#ticket-toggle')?.focus();
        return;
      }
    }
    await this.#render();
    this.#query('[aria-invalid=true]')?.focus();
  }

  /** Cancel: the form closes (what was typed is kept for the next open) and focus goes back to its opener. */
  async #cancelTicket(): Promise<void> {
    this.ticketOpen = false;
    await this.#render();
    this.#query(this.#ticketOpener)?.focus();
  }

  #fieldError(name: 'subject' | 'body'): string | undefined {
    return this.#errors[name] ?? this.host.tickets.fieldError('create', name);
  }

  renderTicketForm(): TemplateResult | typeof nothing {
    if (!this.ticketOpen) return nothing;
    const busy = this.host.tickets.pending === 'create';
    const onInput = (name: TicketFieldName, value: string) => {
      if (name === 'subject') this.#subject = value;
      else this.#body = value;
      this.#errors = { ...this.#errors, [name]: undefined };
      this.#el.requestUpdate();
    };
    return html`<form id="ticket-form" class="ticket" novalidate aria-label=${msg('New ticket')} @submit=${(e: SubmitEvent) => this.#submitTicket(e)}>
      ${renderTicketFields({
        prefix: '',
        subject: this.#subject,
        body: this.#body,
        errors: { subject: this.#fieldError('subject'), body: this.#fieldError('body') },
        onInput,
      })}
      ${renderFailure(this.host.tickets, 'create')}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${busy}>${busy ? msg('Sending…') : msg('Send ticket')}</button>
        <button type="button" part="button" ?disabled=${busy} @click=${() => this.#cancelTicket()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  async toggleInPlace(a: ProfileAction): Promise<void> {
    if (this.inPlace?.key === a.key) return this.#closeInPlace();
    this.inPlace = a;
    await this.#render();
    this.#query('#in-place-heading')?.focus();
  }

  async #closeInPlace(): Promise<void> {
    const key = this.inPlace?.key;
    this.inPlace = undefined;
    await this.#render();
    this.#query(`[data-action="${key}"]`)?.focus();
  }

  /** One element per tag, kept so unsaved edits survive closing and reopening. */
  #inPlaceNode({ tag, section }: ProfileAction): HTMLElement {
    let node = this.#inPlaceNodes.get(tag);
    if (!node) {
      node = document.createElement(tag);
      // Its parts reach the page's ::part() rules for acct-overview, also as `<section>-<part>`
      // (the settings tab's id: `security-button`), as in <acct-settings>.
      node.setAttribute('exportparts', exportParts(section));
      this.#inPlaceNodes.set(tag, node);
    }
    // An adapter set on this element (not through a provider) is passed on.
    if (this.#el.adapter) (node as AcctElement).adapter = this.#el.adapter;
    return node;
  }

  /** The open action's element below the blocks, while `canOpen` still allows it there. */
  renderInPlace(canOpen: (a: ProfileAction) => boolean): TemplateResult | typeof nothing {
    const a = this.inPlace;
    if (!a || !canOpen(a)) return nothing;
    return html`<section id="in-place" class="section in-place" part="section" aria-labelledby="in-place-heading">
      <div class="in-place-head">
        <h2 id="in-place-heading" tabindex="-1">${a.label}</h2>
        <button type="button" part="button" @click=${() => this.#closeInPlace()}>${msg('Close')}</button>
      </div>
      ${this.#inPlaceNode(a)}
    </section>`;
  }
}

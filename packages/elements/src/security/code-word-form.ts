import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { safeUrl, type Ticket } from '@acct/core';
import { LightInput } from '../base/light-input.js';
import { ActionKey } from '../base/action-key.js';
import { renderBanner, renderSection } from '../ui/field.js';
import { renderTicketFields } from '../ui/ticket-fields.js';
import { errorMessage } from '../i18n/messages.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { HintedLightInput } from './hinted-input.js';
import { adoptFormStyles, fail, keepFocus, lightField, renderCredentialActions, type ActionState, type SecurityFormHost } from './form-host.js';

/**
 * The write-once code word: the form that sets it, and once it is set the request to support to
 * change it. Loaded when the user first asks for either; the element keeps the summary row.
 */
export class CodeWordForm implements ReactiveController {
  readonly #word: HintedLightInput;
  readonly #confirm: LightInput;
  #open = false;
  #show = false;
  #errors: Record<string, string> = {};
  #action: ActionState = { busy: false };
  #ticketForm: { subject: string; body: string } | undefined;
  #ticketAction: ActionState & { ticket?: Ticket } = { busy: false };
  /** Kept while what is sent is unchanged: a retry after a lost answer repeats the same action. */
  readonly #key = new ActionKey();
  readonly #ticketKey = new ActionKey();

  constructor(private readonly host: SecurityFormHost) {
    const el = host.element;
    el.addController(this);
    adoptFormStyles(el.shadowRoot);
    this.#word = new HintedLightInput(el, { slot: 'cw-word', name: 'codeWord', type: 'password', autocomplete: 'off' });
    this.#confirm = new LightInput(el, { slot: 'cw-confirm', name: 'codeWordConfirm', type: 'password', autocomplete: 'off' });
    this.#word.on('input', () => this.#clearError('codeWord'));
    this.#confirm.on('input', () => this.#clearError('codeWordConfirm'));
    this.#word.on('input', () => this.#key.reset());
    this.#confirm.on('input', () => this.#key.reset());
  }

  /** Whether the form (rather than the summary row) is on screen. */
  get isOpen(): boolean {
    return this.#open;
  }

  hostDisconnected(): void {
    // Secrets do not outlive the element on the page.
    this.#word.clear();
    this.#confirm.clear();
  }

  #update(): void {
    this.host.element.requestUpdate();
  }

  #clearError(name: string): void {
    if (!this.#errors[name]) return;
    const { [name]: _gone, ...rest } = this.#errors;
    this.#errors = rest;
    this.#update();
  }

  /** Opens or closes the form; focus goes to its first field, or back to the button that opened it. */
  async setOpen(open: boolean): Promise<void> {
    this.#open = open;
    this.#errors = {};
    this.#action = { busy: false };
    if (!open) this.#detach();
    this.#update();
    await keepFocus(this.host, open ? () => this.#word.input : 'cw-open');
  }

  /** The inputs leave the page whenever the form is not on screen (also once the code word is set). */
  #detach(): void {
    this.#word.detach();
    this.#confirm.detach();
  }

  #toggleShow(): void {
    this.#show = !this.#show;
    for (const f of [this.#word, this.#confirm]) f.input.type = this.#show ? 'text' : 'password';
    this.#update();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.host;
    const security = host.api('security');
    if (!security || this.#action.busy) return;
    const word = this.#word.input.value;
    const confirm = this.#confirm.input.value;
    const errors: Record<string, string> = {};
    if ([...word.trim()].length < 3) errors.codeWord = msg('Use at least 3 characters.');
    else if (confirm !== word) errors.codeWordConfirm = msg('The code words do not match.');
    this.#errors = errors;
    this.#update();
    if (Object.keys(errors).length) {
      await keepFocus(host, () => (errors.codeWord ? this.#word : this.#confirm).input);
      return;
    }
    this.#action = { busy: true };
    const idempotencyKey = this.#key.key();
    const signal = host.leaveSignal;
    try {
      await host.run(() => security.setCodeWord(word, { signal, idempotencyKey }));
      this.#word.clear();
      this.#confirm.clear();
      this.#key.reset();
      if (this.#show) this.#toggleShow();
      this.#action = { busy: false };
      this.#open = false;
      this.#detach();
      host.announce(msg('The code word is set.'));
      host.emit('acct-saved', { section: 'security.codeWord' });
      host.reload();
      // The form is gone: the card's heading, which then says the code word is set.
      void keepFocus(host, 'cw-heading', true);
    } catch (e) {
      const error = fail(host, 'setCodeWord', e);
      this.#action = { busy: false, error: error && error.code !== 'validation' ? error : undefined };
      this.#update();
      if (!error) return;
      // Each error is said once: a field's is read as its description when focus goes to it, a
      // banner's is an alert.
      if (error.code === 'validation') {
        const reason = error.fieldErrors?.codeWord ?? error.fieldErrors?.word;
        this.#errors = { codeWord: reason ? fieldErrorMessage(reason) : errorMessage(error) };
        await keepFocus(host, () => this.#word.input, true);
      } else if (error.code === 'forbidden') {
        // Set elsewhere in the meantime: show the set state.
        host.reload();
        await keepFocus(host, 'cw-heading', true);
      } else {
        // Save was disabled while it ran: back on it, to try again.
        await keepFocus(host, () => this.host.element.shadowRoot?.querySelector<HTMLElement>('#cw-form [type=submit]'), true);
      }
    }
  }

  /** Opens the request to support, prefilled. */
  requestChange(): void {
    const who = this.host.viewer?.username;
    this.#ticketAction = { busy: false };
    this.#ticketForm = {
      subject: msg('Change of the code word'),
      body: who
        ? msg(str`Please help me change the code word of account ${who}. I understand that you will verify my identity first.`)
        : msg('Please help me change the code word of my account. I understand that you will verify my identity first.'),
    };
    this.#update();
    void keepFocus(this.host, 'ticket-subject');
  }

  async #sendTicket(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.host;
    const tickets = host.api('tickets');
    const form = this.#ticketForm;
    if (!tickets || !form || this.#ticketAction.busy) return;
    this.#ticketAction = { busy: true };
    this.#update();
    const signal = host.leaveSignal;
    try {
      const ticket = await host.run(() =>
        tickets.create({ subject: form.subject, body: form.body }, { signal, idempotencyKey: this.#ticketKey.key(`${form.subject}\n${form.body}`) }),
      );
      this.#ticketForm = undefined;
      this.#ticketKey.reset();
      this.#ticketAction = { busy: false, ticket };
      host.announce(msg(str`Request ${ticket.id} was sent to support.`));
      host.emit('acct-ticket-created', { section: 'security', ticket });
      void keepFocus(host, 'cw-heading', true);
    } catch (e) {
      this.#ticketAction = { busy: false, error: fail(host, 'createTicket', e) };
      this.#update();
    }
  }

  #editTicket(form: { subject: string; body: string } | undefined): void {
    this.#ticketForm = form;
    this.#update();
  }

  #cancelTicket(): void {
    this.#editTicket(undefined);
    void keepFocus(this.host, 'cw-ticket');
  }

  #renderTicketForm(form: { subject: string; body: string }): TemplateResult {
    const a = this.#ticketAction;
    const err = a.error;
    return html`<form id="ticket-form" class="subsection" @submit=${(e: SubmitEvent) => this.#sendTicket(e)} novalidate>
      ${renderTicketFields({ ...form, onInput: (name, value) => this.#editTicket({ ...form, [name]: value }) })}
      ${err ? renderBanner('danger', html`${errorMessage(err)} ${msg('Your message is kept.')}`) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${a.busy || !form.subject.trim() || !form.body.trim()}>
          ${a.busy ? msg('Sending…') : msg('Send to support')}
        </button>
        <button type="button" part="button" @click=${() => this.#cancelTicket()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  /**
   * Once the code word is set: the request sent, or its form, or undefined when neither is on
   * screen (the element then shows how to ask).
   */
  renderRequest(): TemplateResult | undefined {
    this.#detach();
    const ticket = this.#ticketAction.ticket;
    if (ticket) {
      const ticketUrl = safeUrl(ticket.url);
      return renderBanner(
        'success',
        html`${msg(str`Request ${ticket.id} was sent to support.`)}
        ${ticketUrl ? html`<a href=${ticketUrl} target="_blank" rel="noopener noreferrer">${msg('Open the request')}</a>` : nothing}`,
        undefined,
        true,
      );
    }
    return this.#ticketForm ? this.#renderTicketForm(this.#ticketForm) : undefined;
  }

  /** The open form (call only while `isOpen`). */
  render(): TemplateResult {
    const e = this.#errors;
    this.#word.attach(msg('Code word'), e.codeWord ?? '', msg('A word or phrase you will tell support to prove it is you.'));
    this.#confirm.attach(msg('Repeat the code word'), e.codeWordConfirm ?? '');
    const a = this.#action;
    return html`<form id="cw-form" @submit=${(ev: SubmitEvent) => this.#submit(ev)} novalidate aria-labelledby="cw-heading">
      ${renderSection({
        heading: msg('Code word'),
        headingId: 'cw-heading',
        body: html`
          ${renderBanner('warning', msg('The code word can be entered only once. It is never shown again, and changing it later takes a request to support.'))}
          ${lightField('cw-word')} ${lightField('cw-confirm')}
          <div class="actions">
            <button type="button" part="button" aria-pressed=${this.#show ? 'true' : 'false'} @click=${() => this.#toggleShow()}>${msg('Show code word')}</button>
          </div>
          ${renderCredentialActions({ error: a.error, busy: a.busy, saveLabel: msg('Set code word'), onCancel: () => void this.setOpen(false) })}
        `,
      })}
    </form>`;
  }
}

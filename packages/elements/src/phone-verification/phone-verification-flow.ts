import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Empty, isAbortError, parseResponse, PhoneVerification, Ticket, toAdapterError, type AdapterError, type ContactsApi, type TicketsApi } from '@acct/core';
import { ActionKey } from '../base/action-key.js';
import type { AcctElement } from '../base/acct-element.js';
import { CountdownController } from '../base/countdown.js';
import { LightInput } from '../base/light-input.js';
import { ReauthCancelled, ReauthController } from '../base/reauth.js';
import { errorMessage } from '../i18n/messages.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { renderBanner } from '../ui/field.js';
import { adoptOnce } from '../ui/adopt.js';
import { linkButtonStyles } from '../ui/link-button-styles.js';
import { renderTicketFields } from '../ui/ticket-fields.js';
import { focusContent, focusFieldError } from '../ui/focus.js';
import { focusedElement } from '../ui/focused.js';

export type Method = 'sms' | 'call';
type Gateway = 'primary' | 'secondary';
type PhoneModule = typeof import('@acct/core/phone');


/** What the flow uses of `<acct-phone-verification>`: the number form it paints first. */
export interface PhoneVerificationHost {
  readonly element: AcctElement;
  contacts(): ContactsApi | undefined;
  tickets(): TicketsApi | undefined;
  /** The phone library, a lazy chunk of its own that the element loads for its first paint. */
  lib(): Promise<PhoneModule>;
  /** What the number form holds: the typed number, the country for numbers without `+`, the method. */
  entered(): { text: string; country: string | undefined; method: Method };
}

/**
 * The verification after the number form: sending the code (with idempotency, re-authentication
 * and the resend countdown), the code step, the second gateway, the support ticket when both
 * gateways fail, and the verified state. Loaded on the first Send code (or when the user points at
 * or focuses the element), not with the number form the element first paints. Its state lives
 * here; each change re-renders the element.
 */
export class PhoneVerificationFlow implements ReactiveController {
  step: 'enter' | 'code' | 'ticket' | 'done' = 'enter';
  gateway: Gateway = 'primary';
  phoneError: string | undefined;
  requestError: AdapterError | undefined;
  busy = false;
  announcement = '';
  readonly reauth: ReauthController;
  readonly cooldown: CountdownController;
  #verification: PhoneVerification | undefined;
  #e164 = '';
  #wrong = 0;
  #codeError = '';
  #ticketBody = '';
  #ticket: Ticket | undefined;
  /** What was tried, for the support ticket. */
  #attempts: string[] = [];
  // One idempotency key per user action, reused by its retry (same input) and renewed when the
  // input changes or after success. The confirm key is random, so the code never reaches headers
  // or logs; it is kept while the same code is sent for the same verification.
  readonly #startKey = new ActionKey();
  readonly #confirmKey = new ActionKey();
  readonly #ticketKey = new ActionKey();
  /** The write in flight; aborted when the element leaves the page (as settings saves are). */
  #abort: AbortController | undefined;
  #code: LightInput | undefined;

  constructor(private readonly host: PhoneVerificationHost) {
    this.reauth = new ReauthController(host.element);
    this.cooldown = new CountdownController(host.element);
    adoptOnce(host.element.shadowRoot, linkButtonStyles);
    host.element.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** The signal for a new write. */
  #signal(): AbortSignal {
    this.#abort = new AbortController();
    return this.#abort.signal;
  }


  get #el(): AcctElement {
    return this.host.element;
  }

  #changed(): void {
    this.#el.requestUpdate();
  }

  async start(): Promise<void> {
    const contacts = this.host.contacts();
    if (!contacts || this.busy) return;
    const lib = await this.host.lib();
    const { text, country, method } = this.host.entered();
    const info = lib.validatePhone(text, { defaultCountry: country, mobileOnly: method === 'sms' });
    if (!info.ok) {
      this.phoneError = fieldErrorMessage(info.reason);
      this.#changed();
      await this.#showPhoneError();
      return;
    }
    const { gateway } = this;
    const request = `${info.value}|${method}|${gateway}`;
    const idempotencyKey = this.#startKey.key(request);
    const signal = this.#signal();
    this.busy = true;
    this.requestError = undefined;
    let failed: 'field' | 'request' | undefined;
    this.#changed();
    try {
      const answer = parseResponse(
        PhoneVerification,
        await this.reauth.run(() => contacts.startPhoneVerification(info.value, { method, gateway }, { signal, idempotencyKey })),
      );
      this.#startKey.reset();
      this.#verification = answer;
      this.#e164 = info.value;
      this.#wrong = 0;
      this.#codeError = '';
      this.step = 'code';
      this.cooldown.start(answer.resendAfter);
      this.announcement = method === 'sms' ? msg(str`We sent a code to ${info.international}.`) : msg(str`We are calling ${info.international}.`);
      this.busy = false;
      this.#changed();
      await this.#focusStep();
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      this.#attempts.push(`${this.#methodName(method)} (${this.#gatewayName(gateway)}): ${errorMessage(error)}`);
      if (error.code === 'rate_limited') this.cooldown.start(error.retryAfter ?? 60);
      const field = error.fieldErrors?.phone;
      if (field) this.phoneError = fieldErrorMessage(field);
      else this.requestError = error;
      failed = field ? 'field' : 'request';
      // A request error is said by its alert (with the fallback's button); not by the live region too.
      this.announcement = '';
      this.#el.emit('acct-error', { section: 'contacts.phone', code: error.code, operation: 'startPhoneVerification' });
    } finally {
      this.busy = false;
      this.#changed();
    }
    if (failed === 'field') await this.#showPhoneError();
    else if (failed) await this.#refocus('[role=alert] button');
  }

  /** The number's error, on its field in the number step, said once (focusFieldError). */
  async #showPhoneError(): Promise<void> {
    await this.#el.updateComplete;
    if (this.step !== 'enter') this.#changeNumber(false);
    await this.#el.updateComplete;
    this.announcement = focusFieldError(this.#el.shadowRoot?.querySelector<HTMLElement>('input[name=phone]'), this.phoneError ?? '');
    this.#changed();
  }

  /** The pressed control went busy and lost focus: it goes to `selector`, else to the step's field. */
  async #refocus(selector: string): Promise<void> {
    await this.#el.updateComplete;
    if (focusedElement()) return;
    const target = this.#el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (target) target.focus();
    else await this.#focusStep();
  }

  /**
   * A new step replaced the controls: focus goes to its field (the number, the code, the message
   * to support), or to the heading when it has none (verified, ticket sent), never to <body>.
   */
  async #focusStep(): Promise<void> {
    await this.#el.updateComplete;
    const root = this.#el.shadowRoot;
    if (!root) return;
    const field =
      this.step === 'code' ? this.#code?.input : root.querySelector<HTMLElement>(this.step === 'enter' ? 'input[name=phone]' : 'form textarea[name=body]');
    if (field) field.focus();
    else focusContent(root);
  }

  async #confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const contacts = this.host.contacts();
    const v = this.#verification;
    const code = (this.#code?.input.value ?? '').replace(/\s/g, '');
    if (!contacts || !v || this.busy) return;
    if (!new RegExp(`^\\d{${v.codeLength}}$`).test(code)) {
      this.#codeError = msg(str`Enter the ${v.codeLength} digits.`);
      await this.#showCodeError();
      return;
    }
    const idempotencyKey = this.#confirmKey.key(`${v.id}\u0000${code}`);
    const signal = this.#signal();
    this.busy = true;
    this.#codeError = '';
    this.requestError = undefined;
    this.#changed();
    try {
      parseResponse(Empty, await this.reauth.run(() => contacts.confirmPhoneVerification(v.id, code, { signal, idempotencyKey })));
      this.#confirmKey.reset();
      this.#code?.clear();
      this.step = 'done';
      this.announcement = msg('Your phone number is verified.');
      this.#el.emit('acct-saved', { section: 'contacts.phone', data: { phone: this.#e164 } });
      this.busy = false;
      this.#changed();
      await this.#focusStep();
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      // A wrong, expired or blocked code is cleared for the next one; after a failure that says
      // nothing about the code (network, timeout, unavailable...) it stays for the retry.
      const spent = !!error.fieldErrors?.code || error.code === 'not_found' || error.code === 'rate_limited';
      if (spent) this.#code?.clear();
      if (error.fieldErrors?.code) {
        this.#wrong += 1;
        const left = v.attempts !== undefined ? v.attempts - this.#wrong : undefined;
        this.#codeError =
          left !== undefined ? msg(str`That code is not correct. Attempts left: ${left}.`) : msg('That code is not correct.');
      } else if (error.code === 'not_found') {
        this.#codeError = msg('This code has expired. Request a new one.');
        this.cooldown.start(0);
      } else if (error.code === 'rate_limited') {
        this.#codeError = msg('Too many wrong codes. Request a new code.');
        this.cooldown.start(error.retryAfter ?? 60);
      } else this.#codeError = errorMessage(error);
      this.#el.emit('acct-error', { section: 'contacts.phone', code: error.code, operation: 'confirmPhoneVerification' });
      this.busy = false;
      await this.#showCodeError();
    } finally {
      this.busy = false;
      this.#changed();
    }
  }

  /** The code's error, on its field, said once (focusFieldError): rendered first, so the field is described by it. */
  async #showCodeError(): Promise<void> {
    this.#changed();
    await this.#el.updateComplete;
    this.announcement = focusFieldError(this.#code?.input, this.#codeError);
    this.#changed();
  }

  /** The code did not arrive, or the gateway failed: second gateway first, then a ticket. */
  #didNotArrive(): void {
    this.#attempts.push(`${this.#methodName(this.host.entered().method)} (${this.#gatewayName(this.gateway)}): ${msg('the code did not arrive')}`);
    this.nextFallback();
  }

  nextFallback(): void {
    this.requestError = undefined;
    if (this.gateway === 'primary') {
      this.gateway = 'secondary';
      this.step = 'enter';
      // The first gateway's wait for a resend does not hold the second back.
      this.cooldown.start(0);
      this.announcement = msg('Try our second gateway.');
    } else {
      this.#ticketBody = [
        msg(str`Please help me verify the phone number ${this.#e164 || this.host.entered().text}.`),
        msg('What I tried:'),
        ...this.#attempts.map((a) => `- ${a}`),
      ].join('\n');
      this.step = 'ticket';
    }
    this.#changed();
    void this.#focusStep();
  }

  async #sendTicket(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const tickets = this.host.tickets();
    if (!tickets || this.busy) return;
    const input = { subject: msg('Phone verification failed'), body: this.#ticketBody };
    const idempotencyKey = this.#ticketKey.key(JSON.stringify(input));
    const signal = this.#signal();
    this.busy = true;
    this.requestError = undefined;
    this.#changed();
    try {
      this.#ticket = parseResponse(Ticket, await this.reauth.run(() => tickets.create(input, { signal, idempotencyKey })));
      this.#ticketKey.reset();
      this.announcement = msg(str`Support ticket ${this.#ticket.id} was created.`);
      this.#el.emit('acct-ticket-created', { section: 'contacts.phone', ticket: this.#ticket });
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      this.requestError = toAdapterError(e);
      // Said by its alert, not by the live region too.
      this.announcement = '';
    } finally {
      this.busy = false;
      this.#changed();
    }
    if (this.#ticket) await this.#focusStep();
    else await this.#refocus('form button[type=submit]');
  }

  #methodName(m: Method): string {
    return m === 'sms' ? msg('SMS') : msg('Call');
  }

  #gatewayName(g: Gateway): string {
    return g === 'primary' ? msg('first gateway') : msg('second gateway');
  }

  #changeNumber(focus = true): void {
    this.step = 'enter';
    this.#code?.detach();
    this.#code = undefined;
    this.#changed();
    if (focus) void this.#focusStep();
  }

  #renderCode(v: PhoneVerification): TemplateResult {
    this.#code ??= new LightInput(this.#el, { slot: 'code', name: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' });
    this.#code.input.maxLength = v.codeLength;
    this.#code.attach(v.method === 'sms' ? msg(str`Code from the SMS (${v.codeLength} digits)`) : msg('Last four digits of the calling number'), this.#codeError);
    const wait = this.cooldown.remaining;
    return html`<form @submit=${(e: SubmitEvent) => this.#confirm(e)} novalidate>
      <p>
        ${v.method === 'sms'
          ? msg(str`We sent an SMS with a code to ${this.#e164}.`)
          : msg(str`We are calling ${this.#e164}. You do not need to answer: enter the last four digits of the number that calls you. If you only have a landline, pick up the handset to hear the four digits.`)}
      </p>
      <div class="field" part="field">
        <span class="label" part="label"><slot name="code-label"></slot></span>
        <slot name="code"></slot>
        <span class="error"><slot name="code-error"></slot></span>
      </div>
      ${this.requestError ? renderBanner('danger', errorMessage(this.requestError)) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy}>${msg('Confirm')}</button>
        <button type="button" part="button" ?disabled=${this.busy || wait > 0} @click=${() => this.start()}>
          ${wait > 0 ? msg(str`Resend in ${wait} s`) : v.method === 'sms' ? msg('Send a new code') : msg('Call again')}
        </button>
        <button type="button" class="link" @click=${() => this.#didNotArrive()}>
          ${v.method === 'sms' ? msg('The SMS did not arrive') : msg('The call did not come')}
        </button>
        <button type="button" class="link" @click=${() => this.#changeNumber()}>${msg('Change the number')}</button>
      </div>
    </form>`;
  }

  #renderTicket(): TemplateResult {
    if (this.#ticket)
      return renderBanner('success', msg(str`Support ticket ${this.#ticket.id} was created. We will contact you about your number.`));
    if (!this.host.tickets()) return renderBanner('warning', msg('Neither gateway worked. Please contact support to verify your number.'));
    return html`<form @submit=${(e: SubmitEvent) => this.#sendTicket(e)} novalidate>
      ${renderBanner('warning', msg('Neither gateway worked. Send us a ticket and we will verify the number with you.'))}
      ${renderTicketFields({
        body: this.#ticketBody,
        bodyLabel: msg('Message to support'),
        rows: 6,
        onInput: (_, value) => ((this.#ticketBody = value), this.#changed()),
      })}
      ${this.requestError ? renderBanner('danger', html`${errorMessage(this.requestError)} ${msg('Your message is kept.')}`) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy}>${msg('Create a support ticket')}</button>
      </div>
    </form>`;
  }

  /** The step after the number form, or undefined while the number form is the step. */
  renderStep(): TemplateResult | undefined {
    let body: TemplateResult | undefined;
    if (this.step === 'done') body = renderBanner('success', msg(str`The number ${this.#e164} is verified.`));
    else if (this.step === 'ticket') body = this.#renderTicket();
    else if (this.step === 'code' && this.#verification) body = this.#renderCode(this.#verification);
    if (this.step !== 'code' && this.#code) {
      this.#code.detach();
      this.#code = undefined;
    }
    return body;
  }
}

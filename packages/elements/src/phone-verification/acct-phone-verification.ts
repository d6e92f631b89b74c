import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { isAbortError, parseResponse, PhoneVerification, Ticket, toAdapterError, type AdapterError } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { CountdownController } from '../base/countdown.js';
import { LightInput } from '../base/light-input.js';
import { ReauthCancelled, ReauthController } from '../base/reauth.js';
import { errorMessage, fieldErrorMessage, missingApiMessage } from '../i18n/messages.js';
import { renderBanner, renderField, renderSection } from '../ui/field.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import messages from '../i18n/generated/parts/phone-verification.js';

type Method = 'sms' | 'call';
type Gateway = 'primary' | 'secondary';
type PhoneModule = typeof import('@acct/core/phone');

/** Loaded on first use only: libphonenumber-js with its metadata is the largest dependency. */
let phoneModule: Promise<PhoneModule> | undefined;
const loadPhone = () => (phoneModule ??= import('@acct/core/phone'));

/**
 * Verifies a phone number by SMS code or by a call whose last four digits are the code ("call
 * password"), with a second gateway when the first fails and a prefilled support ticket when both
 * do.
 *
 * @tagname acct-phone-verification
 * @summary Phone number entry and verification by SMS or call.
 * @fires acct-saved - When the number is verified; detail `{ section: 'contacts.phone', data: { phone } }`.
 * @fires acct-ticket-created - When the user sent the support ticket; detail `{ section, ticket }`.
 * @fires acct-error - When a request failed; detail `{ section, code, operation }`.
 * @csspart section - The card.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The main action.
 * @csspart banner - Status, warning and error messages.
 */
export class AcctPhoneVerification extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles];

  /** ISO 3166 country preselected for numbers typed without `+`; default: the profile's, else the locale's. */
  @property() country: string | undefined;
  /** A number to start from, e.g. the profile's. */
  @property() phone: string | undefined;

  @state() private step: 'enter' | 'code' | 'ticket' | 'done' = 'enter';
  @state() private selectedCountry = '';
  @state() private phoneText = '';
  @state() private method: Method = 'sms';
  @state() private gateway: Gateway = 'primary';
  @state() private verification: PhoneVerification | undefined;
  @state() private e164 = '';
  @state() private wrong = 0;
  @state() private phoneError: string | undefined;
  @state() private codeError = '';
  @state() private requestError: AdapterError | undefined;
  @state() private busy = false;
  @state() private announcement = '';
  @state() private ticketBody = '';
  @state() private ticket: Ticket | undefined;
  /** What was tried, for the support ticket. */
  #attempts: string[] = [];
  #startKey: { request: string; key: string } | undefined;

  readonly #reauth = new ReauthController(this);
  readonly #cooldown = new CountdownController(this);
  #code: LightInput | undefined;

  readonly #lib = new Task(this, {
    args: () => [],
    task: () => loadPhone(),
  });

  /** The profile's country, when the host has a profile API and no `country` was given. */
  readonly #profileCountry = new Task(this, {
    args: () => [this.country ? undefined : this.resolvedAdapter?.profile] as const,
    task: async ([profile], { signal }) => {
      if (!profile) return undefined;
      try {
        const country = (await profile.get({ signal })).data.country;
        return typeof country === 'string' && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined;
      } catch {
        return undefined;
      }
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.selectedCountry) {
      const fromLocale = this.activeLocale === 'ru' ? 'RU' : undefined;
      const guess = this.country?.toUpperCase() ?? this.#profileCountry.value ?? fromLocale;
      if (guess) this.selectedCountry = guess;
    }
    if (changed.has('phone') && this.phone && !this.phoneText) this.phoneText = this.phone;
  }

  get #info() {
    const lib = this.#lib.value;
    return lib ? lib.validatePhone(this.phoneText, { defaultCountry: this.selectedCountry || undefined }) : undefined;
  }

  /** SMS only to numbers that can be mobile; unknown until the library has loaded. */
  get #smsPossible(): boolean {
    const info = this.#info;
    return !info || !info.ok || info.type === 'MOBILE';
  }

  #typePhone(input: HTMLInputElement): void {
    const lib = this.#lib.value;
    const atEnd = input.selectionStart === input.value.length;
    // Formatting as you type only when typing at the end, so the caret never jumps.
    this.phoneText = lib && atEnd ? lib.formatPhoneAsYouType(input.value, this.selectedCountry || undefined) : input.value;
    this.phoneError = undefined;
  }

  /** The user's choice, except that a number that cannot be mobile is always called. */
  get #method(): Method {
    return this.method === 'sms' && !this.#smsPossible ? 'call' : this.method;
  }

  async #start(event?: Event): Promise<void> {
    event?.preventDefault();
    const contacts = this.api('contacts');
    if (!contacts || this.busy) return;
    const lib = await this.#lib.taskComplete;
    const method = this.#method;
    const info = lib.validatePhone(this.phoneText, { defaultCountry: this.selectedCountry || undefined, mobileOnly: method === 'sms' });
    if (!info.ok) {
      this.phoneError = fieldErrorMessage(info.reason);
      this.announcement = this.phoneError;
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLInputElement>('input[name=phone]')?.focus();
      return;
    }
    const { gateway } = this;
    const request = `${info.value}|${method}|${gateway}`;
    if (this.#startKey?.request !== request) this.#startKey = { request, key: globalThis.crypto.randomUUID() };
    const idempotencyKey = this.#startKey.key;
    this.busy = true;
    this.requestError = undefined;
    try {
      const answer = parseResponse(
        PhoneVerification,
        await this.#reauth.run(() => contacts.startPhoneVerification(info.value, { method, gateway }, { idempotencyKey })),
      );
      this.#startKey = undefined;
      this.verification = answer;
      this.e164 = info.value;
      this.wrong = 0;
      this.codeError = '';
      this.step = 'code';
      this.#cooldown.start(answer.resendAfter);
      this.announcement = method === 'sms' ? msg(str`We sent a code to ${info.international}.`) : msg(str`We are calling ${info.international}.`);
      await this.updateComplete;
      this.#code?.input.focus();
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      this.#attempts.push(`${this.#methodName(method)} (${this.#gatewayName(gateway)}): ${errorMessage(error)}`);
      if (error.code === 'rate_limited') this.#cooldown.start(error.retryAfter ?? 60);
      const field = error.fieldErrors?.phone;
      if (field) this.phoneError = fieldErrorMessage(field);
      else this.requestError = error;
      this.announcement = field ? (this.phoneError ?? '') : errorMessage(error);
      this.emit('acct-error', { section: 'contacts.phone', code: error.code, operation: 'startPhoneVerification' });
    } finally {
      this.busy = false;
    }
  }

  async #confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const contacts = this.api('contacts');
    const v = this.verification;
    const code = (this.#code?.input.value ?? '').replace(/\s/g, '');
    if (!contacts || !v || this.busy) return;
    if (!new RegExp(`^\\d{${v.codeLength}}$`).test(code)) {
      this.codeError = msg(str`Enter the ${v.codeLength} digits.`);
      this.#code?.input.focus();
      return;
    }
    this.busy = true;
    this.codeError = '';
    try {
      await this.#reauth.run(() => contacts.confirmPhoneVerification(v.id, code, { idempotencyKey: `${v.id}:${code}` }));
      this.#code?.clear();
      this.step = 'done';
      this.announcement = msg('Your phone number is verified.');
      this.emit('acct-saved', { section: 'contacts.phone', data: { phone: this.e164 } });
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      this.#code?.clear();
      if (error.fieldErrors?.code) {
        this.wrong += 1;
        const left = v.attempts !== undefined ? v.attempts - this.wrong : undefined;
        this.codeError =
          left !== undefined ? msg(str`That code is not correct. Attempts left: ${left}.`) : msg('That code is not correct.');
      } else if (error.code === 'not_found') {
        this.codeError = msg('This code has expired. Request a new one.');
        this.#cooldown.start(0);
      } else if (error.code === 'rate_limited') {
        this.codeError = msg('Too many wrong codes. Request a new code.');
        this.#cooldown.start(error.retryAfter ?? 60);
      } else this.codeError = errorMessage(error);
      this.announcement = this.codeError;
      this.#code?.input.focus();
      this.emit('acct-error', { section: 'contacts.phone', code: error.code, operation: 'confirmPhoneVerification' });
    } finally {
      this.busy = false;
    }
  }

  /** The code did not arrive, or the gateway failed: second gateway first, then a ticket. */
  #didNotArrive(): void {
    this.#attempts.push(`${this.#methodName(this.#method)} (${this.#gatewayName(this.gateway)}): ${msg('the code did not arrive')}`);
    this.#nextFallback();
  }

  #nextFallback(): void {
    this.requestError = undefined;
    if (this.gateway === 'primary') {
      this.gateway = 'secondary';
      this.step = 'enter';
      this.announcement = msg('Try our second gateway.');
      return;
    }
    this.#openTicket();
  }

  #openTicket(): void {
    this.ticketBody = [
      msg(str`Please help me verify the phone number ${this.e164 || this.phoneText}.`),
      msg('What I tried:'),
      ...this.#attempts.map((a) => `- ${a}`),
    ].join('\n');
    this.step = 'ticket';
  }

  async #sendTicket(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const tickets = this.api('tickets');
    if (!tickets || this.busy) return;
    this.busy = true;
    this.requestError = undefined;
    try {
      this.ticket = parseResponse(Ticket, await this.#reauth.run(() => tickets.create({ subject: msg('Phone verification failed'), body: this.ticketBody })));
      this.announcement = msg(str`Support ticket ${this.ticket.id} was created.`);
      this.emit('acct-ticket-created', { section: 'contacts.phone', ticket: this.ticket });
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      this.requestError = toAdapterError(e);
      this.announcement = errorMessage(this.requestError);
    } finally {
      this.busy = false;
    }
  }

  #methodName(m: Method): string {
    return m === 'sms' ? msg('SMS') : msg('Call');
  }

  #gatewayName(g: Gateway): string {
    return g === 'primary' ? msg('first gateway') : msg('second gateway');
  }

  #countryOptions(): TemplateResult[] {
    const names = new Intl.DisplayNames([this.activeLocale], { type: 'region' });
    const list = this.#lib.value?.phoneCountries() ?? (this.selectedCountry ? [{ code: this.selectedCountry, callingCode: '' }] : []);
    return list
      .map((c) => ({ ...c, name: names.of(c.code) ?? c.code }))
      .sort((a, b) => a.name.localeCompare(b.name, this.activeLocale))
      .map((c) => html`<option value=${c.code} ?selected=${c.code === this.selectedCountry}>${c.name}${c.callingCode ? ` +${c.callingCode}` : ''}</option>`);
  }

  #renderEnter(): TemplateResult {
    const sms = this.#smsPossible;
    const info = this.#info;
    const wait = this.#cooldown.remaining;
    return html`<form @submit=${this.#start} novalidate>
      ${this.gateway === 'secondary' ? renderBanner('info', msg('We will use our second gateway this time.')) : nothing}
      ${renderField({
        id: 'country',
        label: msg('Country'),
        control: html`<select id="country" name="country" part="input" autocomplete="tel-country-code" @change=${(e: Event) => (this.selectedCountry = (e.target as HTMLSelectElement).value)}>
          ${this.selectedCountry ? nothing : html`<option value="" selected>${msg('Choose a country')}</option>`}
          ${this.#countryOptions()}
        </select>`,
      })}
      ${renderField({
        id: 'phone',
        label: msg('Mobile phone'),
        hint: info?.ok ? msg(str`Will be saved as ${info.international}.`) : msg('With the area code; a number starting with + needs no country.'),
        error: this.phoneError,
        control: html`<input
          id="phone"
          name="phone"
          part="input"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          .value=${this.phoneText}
          aria-invalid=${this.phoneError ? 'true' : 'false'}
          aria-describedby=${this.phoneError ? 'phone-hint phone-error' : 'phone-hint'}
          @input=${(e: Event) => this.#typePhone(e.target as HTMLInputElement)}
        />`,
      })}
      <fieldset part="field" aria-describedby="method-hint">
        <legend part="label">${msg('How to verify')}</legend>
        <label class="choice">
          <input type="radio" name="method" value="sms" .checked=${this.#method === 'sms'} ?disabled=${!sms} @change=${() => (this.method = 'sms')} />
          ${msg('SMS with a code')}
        </label>
        <label class="choice">
          <input type="radio" name="method" value="call" .checked=${this.#method === 'call'} @change=${() => (this.method = 'call')} />
          ${msg('A call: the last four digits of the calling number are the code')}
        </label>
        <div class="hint" id="method-hint" part="hint">
          ${!sms
            ? msg('This does not look like a mobile number, so SMS cannot reach it. Choose a call: if you only have a landline, pick up the handset to hear the four digits.')
            : this.#method === 'sms'
              ? msg('We will send an SMS with a code to this number.')
              : msg('We will call the number. You do not need to answer: enter the last four digits of the number that calls you.')}
        </div>
      </fieldset>
      ${this.requestError
        ? renderBanner(
            'danger',
            html`${errorMessage(this.requestError)} ${msg('Your number is kept.')}`,
            html`<button type="button" part="button" @click=${() => this.#nextFallback()}>
              ${this.gateway === 'primary' ? msg('Try the second gateway') : msg('Create a support ticket')}
            </button>`,
          )
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy || wait > 0}>
          ${wait > 0 ? msg(str`Try again in ${wait} s`) : this.#method === 'sms' ? msg('Send code') : msg('Call me')}
        </button>
      </div>
    </form>`;
  }

  #renderCode(v: PhoneVerification): TemplateResult {
    this.#code ??= new LightInput(this, { slot: 'code', name: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' });
    this.#code.input.maxLength = v.codeLength;
    this.#code.attach(v.method === 'sms' ? msg(str`Code from the SMS (${v.codeLength} digits)`) : msg('Last four digits of the calling number'), this.codeError);
    const wait = this.#cooldown.remaining;
    return html`<form @submit=${this.#confirm} novalidate>
      <p>
        ${v.method === 'sms'
          ? msg(str`We sent an SMS with a code to ${this.e164}.`)
          : msg(str`We are calling ${this.e164}. You do not need to answer: enter the last four digits of the number that calls you. If you only have a landline, pick up the handset to hear the four digits.`)}
      </p>
      <div class="field" part="field">
        <span class="label" part="label"><slot name="code-label"></slot></span>
        <slot name="code"></slot>
        <span class="error" role="alert"><slot name="code-error"></slot></span>
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy}>${msg('Confirm')}</button>
        <button type="button" part="button" ?disabled=${this.busy || wait > 0} @click=${() => this.#start()}>
          ${wait > 0 ? msg(str`Resend in ${wait} s`) : v.method === 'sms' ? msg('Send a new code') : msg('Call again')}
        </button>
        <button type="button" class="link" @click=${() => this.#didNotArrive()}>
          ${v.method === 'sms' ? msg('The SMS did not arrive') : msg('The call did not come')}
        </button>
        <button type="button" class="link" @click=${() => ((this.step = 'enter'), this.#code?.detach(), (this.#code = undefined))}>${msg('Change the number')}</button>
      </div>
    </form>`;
  }

  #renderTicket(): TemplateResult {
    if (this.ticket)
      return renderBanner('success', msg(str`Support ticket ${this.ticket.id} was created. We will contact you about your number.`));
    if (!this.api('tickets')) return renderBanner('warning', msg('Neither gateway worked. Please contact support to verify your number.'));
    return html`<form @submit=${this.#sendTicket} novalidate>
      ${renderBanner('warning', msg('Neither gateway worked. Send us a ticket and we will verify the number with you.'))}
      ${renderField({
        id: 'ticket-body',
        label: msg('Message to support'),
        control: html`<textarea id="ticket-body" name="body" part="input" rows="6" .value=${this.ticketBody} @input=${(e: Event) => (this.ticketBody = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      })}
      ${this.requestError ? renderBanner('danger', html`${errorMessage(this.requestError)} ${msg('Your message is kept.')}`) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy}>${msg('Create a support ticket')}</button>
      </div>
    </form>`;
  }

  override render() {
    let body: unknown;
    if (!this.api('contacts')) body = renderBanner('warning', missingApiMessage('contacts'));
    else if (this.step === 'done') body = renderBanner('success', msg(str`The number ${this.e164} is verified.`));
    else if (this.step === 'ticket') body = this.#renderTicket();
    else if (this.step === 'code' && this.verification) body = this.#renderCode(this.verification);
    else body = this.#renderEnter();
    if (this.step !== 'code' && this.#code) {
      this.#code.detach();
      this.#code = undefined;
    }
    return html`${renderSection({ heading: msg('Phone verification'), headingId: 'phone-heading', body })}${this.#reauth.render()}${renderLive(this.announcement)}`;
  }
}

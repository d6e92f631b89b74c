import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import { AcctElement } from '../base/acct-element.js';
import { LazyActions } from '../base/lazy-actions.js';
import { errorMessage, missingApiMessage } from '../i18n/messages.js';
import { renderBanner, renderField, renderSection } from '../ui/field.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { fieldsetStyles } from '../ui/fieldset-styles.js';
import messages from '../i18n/generated/parts/phone-verification.js';
import type { Method, PhoneVerificationFlow } from './phone-verification-flow.js';

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
  static override styles = [...AcctElement.styles, uiStyles, fieldsetStyles];

  /** ISO 3166 country preselected for numbers typed without `+`; default: the profile's, else the locale's. */
  @property() country: string | undefined;
  /** A number to start from, e.g. the profile's. */
  @property() phone: string | undefined;

  @state() private selectedCountry = '';
  @state() private phoneText = '';
  @state() private method: Method = 'sms';

  /**
   * @internal Test-only hook: fetches the verification flow's chunk. Tests replace it to simulate
   * a chunk that cannot be fetched.
   */
  static flowLoader = () => import('./phone-verification-flow.js');
  /** @internal Everything after the number form: a lazy chunk, loaded on first use or intent. */
  readonly flow = new LazyActions(this, () => (this.constructor as typeof AcctPhoneVerification).flowLoader());
  #controller: PhoneVerificationFlow | undefined;

  readonly #lib = new Load(this, {
    args: () => [],
    task: () => loadPhone(),
  });

  /** The profile's country, when the host has a profile API and no `country` was given. */
  readonly #profileCountry = new Load(this, {
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
    if (this.#controller) this.#controller.phoneError = undefined;
  }

  /** The user's choice, except that a number that cannot be mobile is always called. */
  get #method(): Method {
    return this.method === 'sms' && !this.#smsPossible ? 'call' : this.method;
  }

  /** Send code: runs the lazily loaded flow; while its chunk loads, the button says so. */
  async #start(event: Event): Promise<void> {
    event.preventDefault();
    // While the chunk loads the button is busy; a failure shows beside it, and its Retry sends.
    const module = this.#controller ? undefined : await this.flow.run('send', (m) => m, () => this.#start(new Event('submit')));
    if (!this.#controller) {
      if (!module) return;
      this.#controller = new module.PhoneVerificationFlow({
        element: this,
        contacts: () => this.api('contacts'),
        tickets: () => this.api('tickets'),
        lib: loadPhone,
        entered: () => ({ text: this.phoneText, country: this.selectedCountry || undefined, method: this.#method }),
      });
    }
    await this.#controller.start();
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
    const flow = this.#controller;
    const wait = flow?.cooldown.remaining ?? 0;
    const phoneError = flow?.phoneError;
    const requestError = flow?.requestError;
    const loading = this.flow.loading('send');
    return html`<form @submit=${this.#start} novalidate>
      ${flow?.gateway === 'secondary' ? renderBanner('info', msg('We will use our second gateway this time.')) : nothing}
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
        error: phoneError,
        control: html`<input
          id="phone"
          name="phone"
          part="input"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          .value=${this.phoneText}
          aria-invalid=${phoneError ? 'true' : 'false'}
          aria-describedby=${phoneError ? 'phone-hint phone-error' : 'phone-hint'}
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
      ${flow && requestError
        ? renderBanner(
            'danger',
            html`${errorMessage(requestError)} ${msg('Your number is kept.')}`,
            html`<button type="button" part="button" @click=${() => flow.nextFallback()}>
              ${flow.gateway === 'primary' ? msg('Try the second gateway') : msg('Create a support ticket')}
            </button>`,
          )
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${!!flow?.busy || wait > 0 || loading} aria-busy=${loading ? 'true' : nothing}>
          ${wait > 0 ? msg(str`Try again in ${wait} s`) : loading ? msg('Loading…') : this.#method === 'sms' ? msg('Send code') : msg('Call me')}
        </button>
      </div>
      ${this.flow.renderFailure('send')}
    </form>`;
  }

  override render() {
    let body: unknown;
    const flow = this.#controller;
    if (!this.api('contacts')) body = renderBanner('warning', missingApiMessage('contacts'));
    else body = flow?.renderStep() ?? this.#renderEnter();
    return html`${renderSection({ heading: msg('Phone verification'), headingId: 'phone-heading', body })}${flow?.reauth.render() ?? nothing}${renderLive(flow?.announcement ?? '')}`;
  }
}

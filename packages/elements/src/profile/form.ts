// The profile's edit form (issue 10): controls, validation as the user leaves a field, Save and
// Cancel, the country change request. A lazy chunk: `<acct-profile>` loads it when the user
// opens editing (prefetched on pointer or focus), or on connect in `mode="form"`.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  ADDRESS_PARTS,
  canEdit,
  DOCUMENTS_DELIVERY,
  isAbortError,
  newIdempotencyKey,
  REQUIRED_ADDRESS_PARTS,
  safeUrl,
  toAdapterError,
  validateProfile,
  type CustomField,
  type FieldPolicy,
  type LocalizedText,
  type Profile,
  type ProfilePolicy,
  type Role,
  type Ticket,
  type TicketsApi,
} from '@acct/core';
import type { AcctElement } from '../base/acct-element.js';
import type { SettingsController } from '../base/settings-controller.js';
import { getPath } from '../base/paths.js';
import { ReauthCancelled } from '../base/reauth.js';
import { fieldIds, renderBanner } from '../ui/field.js';
import { focusFieldError } from '../ui/focus.js';
import { adoptOnce } from '../ui/adopt.js';
import { fieldsetStyles } from '../ui/fieldset-styles.js';
import { errorMessage } from '../i18n/messages.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { accountTypeLabel, deliveryLabel } from './fields.js';
import { ADDRESS_PART_AUTOCOMPLETE, ADDRESS_SECTION, FIELD_META, fieldHint, onceHint, readOnlyReason, reasonMessage } from './form-fields.js';

/** One visible field of the policy, built-in or the host's own. */
export interface ProfileItem {
  path: string;
  policy: Pick<FieldPolicy, 'editable' | 'required' | 'requiredForPayment'>;
  custom?: CustomField;
}

/** What the form takes from `<acct-profile>`: its data, policy and the view's shared rendering. */
export interface ProfileFormHost {
  readonly element: AcctElement;
  readonly settings: SettingsController<Profile>;
  mode(): 'view' | 'form';
  role(): Role | undefined;
  policy(p: Profile | undefined): ProfilePolicy;
  items(p: Profile): ProfileItem[];
  groups(d: Profile, item: (i: ProfileItem) => TemplateResult): TemplateResult[];
  label(path: string): string;
  text(t: LocalizedText | undefined): string;
  display(path: string, value: unknown, custom?: CustomField): string;
  contactStatus(path: string): TemplateResult | typeof nothing;
  contactAction(path: string): TemplateResult | typeof nothing;
  tickets(): TicketsApi | undefined;
  /** Back to the text in view mode. */
  close(): void;
}

const today = () => new Date().toISOString().slice(0, 10);

export class ProfileForm {
  #countryRequest: 'closed' | 'open' | 'busy' = 'closed';
  #countryRequestError = '';

  constructor(private readonly host: ProfileFormHost) {
    adoptOnce(host.element.shadowRoot, fieldsetStyles);
  }

  /**
   * With a `contacts` sub-API the account email changes only through its confirmation flow: a
   * plain input would save it by profile.update, unconfirmed, while the status still said
   * "Confirmed". Without one there is no flow, so the email stays a plain input. The Change button
   * needs <acct-email-change> registered on the page (the one-file bundle does; importing it here
   * would cost the profile entry 0.7 KB gzip).
   */
  get #emailFlow(): boolean {
    return !!this.host.element.resolvedAdapter?.contacts;
  }

  get #el(): AcctElement {
    return this.host.element;
  }

  /** Client-side checks before a save, in the order of the form. */
  validate(d: Profile): Record<string, string> {
    return this.#ordered(validateProfile(d, this.host.policy(d), { role: this.host.role(), today: today(), saved: this.host.settings.saved }));
  }

  /** Errors in the order of the form, so focus lands on the first one a reader meets. */
  #ordered(errors: Record<string, string>): Record<string, string> {
    const names = [...(this.#el.shadowRoot?.querySelectorAll<HTMLInputElement>('[name]') ?? [])].map((n) => n.name);
    const rank = (k: string) => (names.includes(k) ? names.indexOf(k) : names.length);
    return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
  }

  #error(path: string): string | undefined {
    const settings = this.host.settings;
    settings._shown?.add(path);
    const reason = settings.fieldErrors[path];
    if (reason === undefined) return undefined;
    return reasonMessage(path, reason, this.host.settings.draft ?? {}) ?? fieldErrorMessage(reason);
  }

  /** Checks one field as the user leaves it (and the accounts again when the BIC changed). */
  #check(path: string): void {
    const settings = this.host.settings;
    const d = settings.draft;
    if (!d) return;
    const all = validateProfile(d, this.host.policy(d), { role: this.host.role(), today: today(), saved: this.host.settings.saved });
    const related = path === 'bic' ? ['bic', 'correspondentAccount', 'settlementAccount'] : [path];
    // A required field is only flagged on submit; leaving an empty field is not an error yet.
    const found = (p: string) => (all[p] && all[p] !== 'required' ? all[p] : undefined);
    const keep = Object.entries(settings.fieldErrors).filter(([p]) => !related.includes(p) || (p === path && all[p] === 'required'));
    const add = related.flatMap((p) => {
      const r = found(p);
      return r ? [[p, r] as const] : [];
    });
    settings.fieldErrors = Object.fromEntries([...keep, ...add]);
    this.#el.requestUpdate();
  }

  #set(path: string, value: unknown): void {
    const settings = this.host.settings;
    const before = settings.draft?.accountType;
    settings.set(path, value);
    if (path === 'accountType' && before !== value) this.#el.requestUpdate();
  }

  /** Cancel in view mode (a click only, so here in the form's chunk): drop the edits, back to the text, focus on Change. */
  #cancel = async (): Promise<void> => {
    this.host.settings.discard();
    this.host.close();
    await this.closed();
  };

  /**
   * The form went back to the text in view mode (Cancel, or a save): focus moves to Change instead
   * of falling to the body with the removed form, unless the user has put it elsewhere meanwhile.
   */
  async closed(): Promise<void> {
    if (this.host.mode() !== 'view') return;
    await this.#el.updateComplete;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this.#el) return;
    this.#el.shadowRoot?.querySelector<HTMLElement>('[data-action=change]')?.focus();
  }

  #submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    await this.host.settings.save();
  };

  #requestCountryChange = async (e: Event): Promise<void> => {
    e.preventDefault();
    const tickets = this.host.tickets();
    const settings = this.host.settings;
    const input = this.#countryInput();
    const wanted = input?.value.trim() ?? '';
    if (!tickets || this.#countryRequest === 'busy') return;
    if (!wanted) return this.#countryRequestFailed(msg('Enter the new country.'));
    this.#setCountryRequest('busy');
    this.#countryRequestError = '';
    const saved = settings.saved ?? {};
    try {
      const ticket = await settings.reauth.run(() =>
        tickets.create(
          {
            subject: msg('Country change request'),
            body: msg(str`Please change the country of account ${saved.username ?? ''} from ${saved.country ?? ''} to ${wanted}.`),
          },
          { idempotencyKey: newIdempotencyKey() },
        ),
      );
      this.#setCountryRequest('closed');
      // The element shows the ticket's banner from its own acct-ticket-created event. Focus goes
      // there (the request's controls are gone), which reads it: the live region does not repeat it.
      this.#el.emit('acct-ticket-created', { section: 'profile', ticket });
      await this.#el.updateComplete;
      const banner = this.#el.shadowRoot?.querySelector<HTMLElement>('[part=banner][data-tone=success]');
      if (banner) {
        banner.tabIndex = -1;
        banner.focus();
      }
    } catch (err) {
      this.#setCountryRequest('open');
      if (isAbortError(err) || err instanceof ReauthCancelled) return;
      const error = toAdapterError(err);
      this.#el.emit('acct-error', { section: 'profile', code: error.code, operation: 'requestCountryChange' });
      await this.#countryRequestFailed(errorMessage(error));
    }
  };

  #countryInput(): HTMLInputElement | null | undefined {
    return this.#el.shadowRoot?.querySelector<HTMLInputElement>('#country-request');
  }

  /** The request's error, on its field, said once (focusFieldError). */
  async #countryRequestFailed(error: string): Promise<void> {
    this.#countryRequestError = error;
    this.#el.requestUpdate();
    await this.#el.updateComplete;
    this.host.settings.announcement = focusFieldError(this.#countryInput(), error);
    this.#el.requestUpdate();
  }

  /** Enter in the new country's field sends the request, not the profile form around it. */
  #countryKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.isComposing) void this.#requestCountryChange(e);
  };

  /** Opens or closes the request; focus goes to what replaces the pressed button, not to <body>. */
  async #toggleCountryRequest(open: boolean): Promise<void> {
    this.#countryRequestError = '';
    this.#setCountryRequest(open ? 'open' : 'closed');
    await this.#el.updateComplete;
    (open ? this.#countryInput() : this.#el.shadowRoot?.querySelector<HTMLElement>('[data-action=request-country]'))?.focus();
  }

  #setCountryRequest(state: 'closed' | 'open' | 'busy'): void {
    this.#countryRequest = state;
    this.#el.requestUpdate();
  }

  // ---- form controls, all from field metadata ----

  #control(item: ProfileItem, value: unknown, d: Profile): TemplateResult {
    const { path, custom } = item;
    if (path === 'email' && !custom && this.#emailFlow) return this.#email(value);
    const meta = FIELD_META[path];
    const ctrl = custom ? custom.type : meta?.control ?? 'text';
    if (ctrl === 'address') return this.#address(item, (value ?? {}) as Record<string, string>);
    if (ctrl === 'type') return this.#typeSwitch(item, String(value ?? 'individual'));
    const idAttr = `f-${path.replace('.', '-')}`;
    const error = this.#error(path);
    const own = custom?.hint ? this.host.text(custom.hint) : fieldHint(path, d);
    // A field filled once says so before it is saved, not only after.
    const hint = item.policy.editable === 'once' ? [own, onceHint()].filter(Boolean).join(' ') : own;
    const required = item.policy.required || item.policy.requiredForPayment;
    const described = ifDefined(fieldIds(idAttr, hint, error));
    if (ctrl === 'checkbox') {
      return html`<div class="field" part="field" data-field=${path}>
        <label class="choice" part="label">
          <input
            type="checkbox"
            id=${idAttr}
            name=${path}
            part="input"
            .checked=${Boolean(value)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
            @change=${(e: Event) => this.#set(path, (e.target as HTMLInputElement).checked)}
          />
          ${this.host.label(path)}
        </label>
        ${this.#hintAndError(idAttr, hint, error)}
      </div>`;
    }
    if (ctrl === 'select') {
      const options = custom
        ? (custom.options ?? []).map((o) => ({ value: o.value, label: this.host.text(o.label) }))
        : DOCUMENTS_DELIVERY.map((v) => ({ value: v, label: deliveryLabel(v) }));
      return this.#wrap(path, idAttr, required, hint, error, html`<select
        id=${idAttr}
        name=${path}
        part="input"
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described}
        @change=${(e: Event) => this.#set(path, (e.target as HTMLSelectElement).value)}
        @blur=${() => this.#check(path)}
      >
        <option value="" ?selected=${!value}>${msg('Not chosen')}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>`);
    }
    const type = ctrl === 'email' || ctrl === 'tel' || ctrl === 'date' ? ctrl : 'text';
    return this.#wrap(path, idAttr, required, hint, error, html`<input
      id=${idAttr}
      name=${path}
      type=${type}
      part="input"
      class=${meta?.code ? 'code' : ''}
      .value=${live(value === undefined || value === null ? '' : String(value))}
      autocomplete=${ifDefined(custom ? (ctrl === 'email' ? 'email' : ctrl === 'tel' ? 'tel' : 'off') : meta?.autocomplete)}
      inputmode=${ifDefined(meta?.inputmode)}
      spellcheck=${meta?.code ? 'false' : 'true'}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described}
      @input=${(e: Event) => this.host.settings.input(path, (e.target as HTMLInputElement).value)}
      @blur=${() => this.#check(path)}
    />`);
  }

  #hintAndError(id: string, hint: string | undefined, error: string | undefined): TemplateResult {
    return html`${hint ? html`<div class="hint" id="${id}-hint" part="hint">${hint}</div>` : nothing}
    ${error ? html`<div class="error" id="${id}-error" part="error">${error}</div>` : nothing}`;
  }

  #wrap(path: string, id: string, required: boolean, hint: string | undefined, error: string | undefined, control: TemplateResult): TemplateResult {
    return html`<div class="field" part="field" data-field=${path}>
      <label for=${id} part="label">${this.host.label(path)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${control} ${this.#hintAndError(id, hint, error)} ${this.host.contactStatus(path)} ${this.host.contactAction(path)}
    </div>`;
  }

  #address(item: ProfileItem, value: Record<string, string>): TemplateResult {
    const { path } = item;
    const required = item.policy.required || item.policy.requiredForPayment;
    // An error for the whole address (not one of its parts) is read with the group.
    const whole = this.#error(path);
    return html`<fieldset
      class="address"
      part="field"
      data-field=${path}
      aria-invalid=${whole ? 'true' : 'false'}
      aria-describedby=${ifDefined(whole ? `f-${path}-error` : undefined)}
    >
      <legend part="label">${this.host.label(path)}</legend>
      ${whole ? html`<div class="error" id="f-${path}-error" part="error">${whole}</div>` : nothing}
      <div class="grid">
        ${ADDRESS_PARTS.map((part) => {
          const p = `${path}.${part}`;
          const id = `f-${path}-${part}`;
          const error = this.#error(p);
          const req = required && (REQUIRED_ADDRESS_PARTS as readonly string[]).includes(part);
          return this.#wrap(p, id, req, undefined, error, html`<input
            id=${id}
            name=${p}
            part="input"
            .value=${live(value[part] ?? '')}
            autocomplete="${ADDRESS_SECTION[path]} ${ADDRESS_PART_AUTOCOMPLETE[part]}"
            ?required=${req}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(fieldIds(id, undefined, error))}
            @input=${(e: Event) => this.host.settings.input(p, (e.target as HTMLInputElement).value)}
            @blur=${() => this.#check(p)}
          />`);
        })}
      </div>
    </fieldset>`;
  }

  #typeSwitch(item: ProfileItem, value: string): TemplateResult {
    const saved = this.host.settings.saved?.accountType ?? 'individual';
    const types = [...new Set(['individual', 'company', saved])];
    const warn = value !== 'individual' && saved === 'individual';
    return html`<fieldset part="field" data-field=${item.path} aria-describedby=${ifDefined(warn ? 'type-warning' : undefined)}>
      <legend part="label">${this.host.label(item.path)}</legend>
      <div class="actions">
        ${types.map(
          (t) => html`<label class="choice">
            <input type="radio" name="accountType" part="input" .value=${t} .checked=${value === t} @change=${() => this.#set('accountType', t)} />
            ${accountTypeLabel(t)}
          </label>`,
        )}
      </div>
      ${warn
        ? html`<div id="type-warning">
            ${renderBanner('warning', msg('With a company profile, invoices may wait for the company to be verified before they can be paid.'))}
          </div>`
        : nothing}
    </fieldset>`;
  }

  /** The account email as text with its confirmation status and the button that opens the change flow. */
  #email(value: unknown): TemplateResult {
    const error = this.#error('email');
    return html`<div class="field" part="field" data-field="email">
      <span class="label" part="label">${this.host.label('email')}</span>
      <span class="value">${this.host.display('email', value)} ${this.host.contactStatus('email')}</span>
      ${error ? html`<div class="error" part="error" role="alert">${error}</div>` : nothing} ${this.host.contactAction('email')}
    </div>`;
  }

  /** A field the viewer cannot change: its value as text, why, and what to do instead. */
  #readOnly(item: ProfileItem, value: unknown): TemplateResult {
    const { path } = item;
    const id = `f-${path.replace('.', '-')}`;
    const error = this.#error(path);
    const reason = readOnlyReason(path, item.policy);
    return html`<div class="field readonly" part="field" data-field=${path} data-readonly="true">
      <span class="label" part="label" id="${id}-label">${this.host.label(path)}</span>
      <span class="value" aria-describedby="${id}-hint">${this.host.display(path, value, item.custom)}</span>
      <div class="hint" id="${id}-hint" part="hint">${reason}</div>
      ${error ? html`<div class="error" part="error">${error}</div>` : nothing}
      ${path === 'country' && this.host.tickets() ? this.#countryRequestForm() : nothing}
    </div>`;
  }

  #countryRequestForm(): TemplateResult {
    if (this.#countryRequest === 'closed') {
      return html`<div class="actions">
        <button type="button" part="button" data-action="request-country" @click=${() => this.#toggleCountryRequest(true)}>${msg('Request change')}</button>
      </div>`;
    }
    const error = this.#countryRequestError;
    return html`<div class="request" role="group" aria-labelledby="country-request-label">
      <label id="country-request-label" for="country-request" part="label">${msg('New country')}</label>
      <input
        id="country-request"
        name="newCountry"
        part="input"
        autocomplete="country-name"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? 'country-request-error' : undefined)}
        @keydown=${this.#countryKey}
      />
      ${error ? html`<div class="error" id="country-request-error" part="error">${error}</div>` : nothing}
      <div class="actions">
        <button type="button" part="button" ?disabled=${this.#countryRequest === 'busy'} @click=${this.#requestCountryChange}>
          ${this.#countryRequest === 'busy' ? msg('Sending…') : msg('Send request')}
        </button>
        <button type="button" part="button" @click=${() => this.#toggleCountryRequest(false)}>${msg('Cancel')}</button>
      </div>
    </div>`;
  }

  /** Server errors for paths the form does not show (a field the policy hides): listed, not lost. */
  #orphanErrors(d: Profile): TemplateResult | typeof nothing {
    const errors = this.host.settings.fieldErrors;
    if (!Object.keys(errors).length) return nothing;
    const shown = new Set(this.host.items(d).flatMap((i) => [i.path, ...ADDRESS_PARTS.map((p) => `${i.path}.${p}`)]));
    const orphans = Object.keys(errors).filter((p) => !shown.has(p));
    if (!orphans.length) return nothing;
    return renderBanner('danger', html`<ul>${orphans.map((p) => html`<li>${this.host.label(p)}: ${this.#error(p)}</li>`)}</ul>`);
  }

  /**
   * The ticket a save or a change request created (the element shows it above the fields). Both
   * happen through this form, so the banner's code is in this chunk. It is heard once: the save's
   * live region says the ticket, and a change request puts focus on the banner, which reads it.
   */
  renderTicket(t: Ticket): TemplateResult {
    const url = safeUrl(t.url);
    return renderBanner(
      'success',
      html`${msg(str`Ticket ${t.id} was created to confirm the change.`)}
      ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${msg('Open the ticket')}</a>` : nothing}`,
      undefined,
      true,
    );
  }

  render(d: Profile): TemplateResult {
    const s = this.host.settings;
    const role = this.host.role();
    return html`<form @submit=${this.#submit} novalidate>
      ${this.#orphanErrors(d)}
      ${this.host.groups(d, (i) =>
        // 'once' fields stay inputs while their stored value is empty, typed text included.
        canEdit(i.policy, role, getPath(s.saved, i.path)) ? this.#control(i, getPath(d, i.path), d) : this.#readOnly(i, getPath(d, i.path)),
      )}
      <p class="muted">${msg('Fields marked * are required.')}</p>
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${!s.canSave}>${s.saving ? msg('Saving…') : msg('Save')}</button>
        ${this.host.mode() === 'form'
          ? html`<button type="button" part="button" ?disabled=${!s.dirty || s.saving} @click=${() => s.discard()}>${msg('Discard changes')}</button>`
          : html`<button type="button" part="button" ?disabled=${s.saving} @click=${this.#cancel}>${msg('Cancel')}</button>`}
      </div>
    </form>`;
  }
}

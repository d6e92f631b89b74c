import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  ADDRESS_PARTS,
  canEdit,
  dateTimeFormat,
  defaultProfilePolicy,
  displayNames,
  DOCUMENTS_DELIVERY,
  EmailStatus,
  isAbortError,
  missingForPayment,
  numberFormat,
  parseResponse,
  Profile,
  ProfilePolicy,
  REQUIRED_ADDRESS_PARTS,
  safeUrl,
  toAdapterError,
  validateProfile,
  Viewer,
  type CustomField,
  type FieldPolicy,
  type LocalizedText,
  type Role,
  type Ticket,
} from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { getPath } from '../base/paths.js';
import { ReauthCancelled } from '../base/reauth.js';
import { fieldIds, renderBanner, renderSection } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { errorMessage, fieldErrorMessage } from '../i18n/messages.js';
import {
  accountTypeLabel,
  ADDRESS_PART_AUTOCOMPLETE,
  ADDRESS_SECTION,
  deliveryLabel,
  FIELD_META,
  fieldLabel,
  GROUPS,
  groupHeading,
  pathLabel,
  reasonMessage,
  residencyLabel,
  verificationLabel,
  type ProfileGroup,
} from './fields.js';
import { profileStyles } from './acct-profile.styles.js';
import messages from '../i18n/generated/parts/profile.js';

type Draft = Profile;
/** One visible field of the policy, built-in or the host's own. */
interface Item {
  path: string;
  policy: Pick<FieldPolicy, 'editable' | 'required' | 'requiredForPayment'>;
  custom?: CustomField;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The account's profile: the fields of its policy (the backend's, or core's default for the
 * account type and residency), grouped; "Change" opens the form, Save stores it. A change of
 * filled-in data that the policy confirms answers with a ticket. Fields the viewer may not change
 * are shown as text with the reason; the country has a "Request change" action that opens a
 * support ticket.
 *
 * @tagname acct-profile
 * @summary Profile of the account: person or company, bank details, addresses, contacts.
 * @fires acct-saved - After the profile was stored; detail `{ section: 'profile', data }`.
 * @fires acct-ticket-created - When a save or a change request created a ticket; detail `{ section: 'profile', ticket }`.
 * @fires acct-error - When loading, saving or a request failed; detail `{ section, code, operation }`.
 * @fires acct-dirty-change - When unsaved edits appear or disappear.
 * @csspart section - A card (the profile, a group of fields).
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - Change and Save.
 * @csspart banner - Status, warning and error messages (the required-for-payment list too).
 * @cssprop --acct-profile-columns - Minimum width of a field column in the form grid.
 */
export class AcctProfile extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, profileStyles];

  /**
   * `view` (default): the profile as text with a "Change" button, as the control panel shows it.
   * `form`: always the form with Save at the bottom, as the billing panel's settings page.
   */
  @property({ reflect: true }) mode: 'view' | 'form' = 'view';

  @state() private editing = false;
  @state() private ticket: Ticket | undefined;
  @state() private countryRequest: 'closed' | 'open' | 'busy' = 'closed';
  @state() private countryRequestError = '';
  /** The contact element opened from the email or phone field (their own issue builds them). */
  @state() private contactFlow: 'email' | 'phone' | undefined;
  #serverPolicy: ProfilePolicy | undefined;

  readonly settings = new SettingsController<Draft>(this, {
    section: 'profile',
    api: () => this.api('profile'),
    schema: Profile,
    onLoad: (r) => {
      this.#serverPolicy = r.policy === undefined || r.policy === null ? undefined : parseResponse(ProfilePolicy, r.policy);
    },
    validate: (d) => this.#ordered(validateProfile(d, this.#policy(d), { role: this.#role, today: today() })),
    onSaved: () => {
      this.editing = false;
    },
  });

  readonly #viewer = new Task(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_a, { signal }) => {
      const viewer = this.api('viewer');
      return viewer ? parseResponse(Viewer, await viewer.get({ signal })).role : undefined;
    },
  });

  readonly #email = new Task(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_a, { signal }): Promise<EmailStatus | undefined> => {
      const contacts = this.api('contacts');
      return contacts ? parseResponse(EmailStatus, await contacts.emailStatus({ signal })) : undefined;
    },
  });

  constructor() {
    super();
    this.addEventListener('acct-ticket-created', (e) => {
      if (e.target === this) this.ticket = e.detail.ticket;
    });
    // The email and phone elements (opened from the profile or elsewhere on the page) change what
    // it shows: read it again, so a later save does not run into a needless conflict.
    this.addController({
      hostConnected: () => document.addEventListener('acct-saved', this.#onContactSaved),
      hostDisconnected: () => document.removeEventListener('acct-saved', this.#onContactSaved),
    });
  }

  #onContactSaved = (e: Event): void => {
    const section = (e as CustomEvent<{ section?: string }>).detail?.section;
    if (section === 'contacts.phone') this.settings.reload();
    if (section === 'contacts.email') void this.#email.run();
  };

  get #role(): Role | undefined {
    return this.#viewer.value;
  }

  get #editing(): boolean {
    return this.mode === 'form' || this.editing;
  }

  /**
   * The policy for a profile: the backend's for the saved account type; after the user switches
   * the type, core's default for the new one (the same panel's), until a save brings the server's.
   * A backend that sends none gets core's default.
   */
  #policy(p: Draft | undefined): ProfilePolicy {
    const saved = this.settings.saved;
    // Without a server policy: residency is the control panel's notion (document 002); a profile
    // without it is the billing panel's (document 000).
    const billing = this.#serverPolicy ? 'accountType' in this.#serverPolicy.fields : !(p ?? saved)?.residency;
    if (this.#serverPolicy && (!p || p.accountType === saved?.accountType)) return this.#serverPolicy;
    const base = defaultProfilePolicy(p?.accountType, p?.residency, billing ? 'billing' : 'control');
    return this.#serverPolicy?.custom ? { ...base, custom: this.#serverPolicy.custom } : base;
  }

  #items(p: Draft): Item[] {
    const policy = this.#policy(p);
    const items: Item[] = [];
    for (const [id, meta] of Object.entries(FIELD_META)) {
      const p = policy.fields[id];
      if (p?.visible && meta.control !== 'status') items.push({ path: id, policy: p });
    }
    for (const f of policy.custom ?? []) {
      items.push({
        path: `custom.${f.id}`,
        custom: f,
        policy: { editable: f.editable ?? true, required: f.required ?? false, requiredForPayment: f.requiredForPayment ?? false },
      });
    }
    return items;
  }

  #text(t: LocalizedText | undefined): string {
    if (t === undefined) return '';
    if (typeof t === 'string') return t;
    const lang = this.activeLocale;
    return t[lang] ?? t[lang.split('-')[0] ?? ''] ?? t.en ?? Object.values(t)[0] ?? '';
  }

  #label(path: string): string {
    const p = this.settings.draft;
    return pathLabel(path, p?.accountType, (id) => {
      const f = this.#policy(p).custom?.find((c) => c.id === id);
      return f ? this.#text(f.label) : undefined;
    });
  }

  /** Errors in the order of the form, so focus lands on the first one a reader meets. */
  #ordered(errors: Record<string, string>): Record<string, string> {
    const names = [...(this.shadowRoot?.querySelectorAll<HTMLInputElement>('[name]') ?? [])].map((n) => n.name);
    const rank = (k: string) => (names.includes(k) ? names.indexOf(k) : names.length);
    return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
  }

  #error(path: string): string | undefined {
    const reason = this.settings.fieldErrors[path];
    if (reason === undefined) return undefined;
    return reasonMessage(path, reason, this.settings.draft ?? {}) ?? fieldErrorMessage(reason);
  }

  /** Checks one field as the user leaves it (and the accounts again when the BIC changed). */
  #check(path: string): void {
    const d = this.settings.draft;
    if (!d) return;
    const all = validateProfile(d, this.#policy(d), { role: this.#role, today: today() });
    const related = path === 'bic' ? ['bic', 'correspondentAccount', 'settlementAccount'] : [path];
    // A required field is only flagged on submit; leaving an empty field is not an error yet.
    const found = (p: string) => (all[p] && all[p] !== 'required' ? all[p] : undefined);
    const keep = Object.entries(this.settings.fieldErrors).filter(([p]) => !related.includes(p) || (p === path && all[p] === 'required'));
    const add = related.flatMap((p) => {
      const r = found(p);
      return r ? [[p, r] as const] : [];
    });
    this.settings.fieldErrors = Object.fromEntries([...keep, ...add]);
    this.requestUpdate();
  }

  #set(path: string, value: unknown): void {
    const before = this.settings.draft?.accountType;
    this.settings.set(path, value);
    if (path === 'accountType' && before !== value) this.requestUpdate();
  }

  async #edit(): Promise<void> {
    this.editing = true;
    this.ticket = undefined;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('form [name]')?.focus();
  }

  async #cancel(): Promise<void> {
    this.settings.discard();
    this.editing = false;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('[data-action=change]')?.focus();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    await this.settings.save();
  }

  /** "Fill in" from the required-for-payment list: open the form and put focus on the field. */
  async #focusField(path: string): Promise<void> {
    if (!this.#editing) await this.#edit();
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`)?.focus();
  }

  async #requestCountryChange(e: Event): Promise<void> {
    e.preventDefault();
    const tickets = this.api('tickets');
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('#country-request');
    const wanted = input?.value.trim() ?? '';
    if (!tickets || this.countryRequest === 'busy') return;
    if (!wanted) {
      this.countryRequestError = msg('Enter the new country.');
      input?.focus();
      return;
    }
    this.countryRequest = 'busy';
    this.countryRequestError = '';
    const saved = this.settings.saved ?? {};
    try {
      const ticket = await this.settings.reauth.run(() =>
        tickets.create(
          {
            subject: msg('Country change request'),
            body: msg(str`Please change the country of account ${saved.username ?? ''} from ${saved.country ?? ''} to ${wanted}.`),
          },
          { idempotencyKey: globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` },
        ),
      );
      this.countryRequest = 'closed';
      this.ticket = ticket;
      this.settings.announcement = msg(str`Support ticket ${ticket.id} was created.`);
      this.emit('acct-ticket-created', { section: 'profile', ticket });
    } catch (err) {
      this.countryRequest = 'open';
      if (isAbortError(err) || err instanceof ReauthCancelled) return;
      const error = toAdapterError(err);
      this.countryRequestError = errorMessage(error);
      this.emit('acct-error', { section: 'profile', code: error.code, operation: 'requestCountryChange' });
    }
  }

  /** Why a field is read-only, in the words of the documents. */
  #readOnlyReason(path: string, policy: Item['policy']): string {
    if (policy.editable === 'admin') return msg('Only the main administrator of the account can change company data.');
    switch (path) {
      case 'username':
        return msg('The username cannot be changed.');
      case 'country':
        return msg('To change the country, create a support ticket.');
      case 'inn':
      case 'vatin':
        return msg('This number cannot be changed. Contact support if it is wrong.');
      case 'lastName':
      case 'firstName':
      case 'middleName':
        return msg('The name of a personal account cannot be changed to another person.');
      default:
        return msg('This field cannot be changed here.');
    }
  }

  #display(path: string, value: unknown, custom?: CustomField): string {
    if (value === undefined || value === null || value === '') return msg('Not provided');
    if (custom?.type === 'checkbox') return value ? msg('Yes') : msg('No');
    if (custom?.type === 'select') return this.#text(custom.options?.find((o) => o.value === value)?.label) || String(value);
    if (path === 'accountType') return accountTypeLabel(String(value));
    if (path === 'documentsDelivery') return deliveryLabel(String(value));
    if (path === 'country' || path.endsWith('.country')) return this.#countryName(String(value));
    if (typeof value === 'object') {
      const a = value as Record<string, string | undefined>;
      const parts = [a.line1, a.line2, a.city, a.region, a.postcode, a.country ? this.#countryName(a.country) : ''].filter(Boolean);
      return parts.length ? parts.join(', ') : msg('Not provided');
    }
    if (FIELD_META[path]?.control === 'date') return this.#date(String(value));
    return String(value);
  }

  #countryName(code: string): string {
    if (!/^[A-Za-z]{2}$/.test(code)) return code;
    try {
      return displayNames(this.activeLocale, 'region').of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  }

  #date(v: string): string {
    const d = new Date(`${v}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? v : dateTimeFormat(this.activeLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }

  // ---- form controls, all from field metadata ----

  #control(item: Item, value: unknown, d: Draft): TemplateResult {
    const { path, custom } = item;
    const meta = FIELD_META[path];
    const ctrl = custom ? custom.type : meta?.control ?? 'text';
    if (ctrl === 'address') return this.#address(item, (value ?? {}) as Record<string, string>);
    if (ctrl === 'type') return this.#typeSwitch(item, String(value ?? 'individual'));
    const idAttr = `f-${path.replace('.', '-')}`;
    const error = this.#error(path);
    const hint = custom?.hint ? this.#text(custom.hint) : this.#hint(path, d);
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
          ${this.#label(path)}
        </label>
        ${this.#hintAndError(idAttr, hint, error)}
      </div>`;
    }
    if (ctrl === 'select') {
      const options = custom
        ? (custom.options ?? []).map((o) => ({ value: o.value, label: this.#text(o.label) }))
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
      @input=${(e: Event) => this.settings.input(path, (e.target as HTMLInputElement).value)}
      @blur=${() => this.#check(path)}
    />`);
  }

  #hint(path: string, d: Draft): string | undefined {
    switch (path) {
      case 'inn':
        return d.accountType === 'company' || d.accountType === 'state_institution' ? msg('10 digits') : msg('12 digits');
      case 'ogrn':
        return d.accountType === 'sole_trader' ? msg('15 digits') : msg('13 digits');
      case 'correspondentAccount':
      case 'settlementAccount':
        return msg('20 digits, checked against the BIC');
      case 'vatin':
        return msg('With the country prefix, like DE136695976');
      case 'phone':
      case 'contactPhone':
        return msg('International format, like +7 916 123-45-67');
      default:
        return undefined;
    }
  }

  #hintAndError(id: string, hint: string | undefined, error: string | undefined): TemplateResult {
    return html`${hint ? html`<div class="hint" id="${id}-hint" part="hint">${hint}</div>` : nothing}
    ${error ? html`<div class="error" id="${id}-error" part="error">${error}</div>` : nothing}`;
  }

  #wrap(path: string, id: string, required: boolean, hint: string | undefined, error: string | undefined, control: TemplateResult): TemplateResult {
    return html`<div class="field" part="field" data-field=${path}>
      <label for=${id} part="label">${this.#label(path)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
      ${control} ${this.#hintAndError(id, hint, error)} ${this.#contactStatus(path)} ${this.#contactAction(path)}
    </div>`;
  }

  #address(item: Item, value: Record<string, string>): TemplateResult {
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
      <legend part="label">${this.#label(path)}</legend>
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
            @input=${(e: Event) => this.settings.input(p, (e.target as HTMLInputElement).value)}
            @blur=${() => this.#check(p)}
          />`);
        })}
      </div>
    </fieldset>`;
  }

  #typeSwitch(item: Item, value: string): TemplateResult {
    const saved = this.settings.saved?.accountType ?? 'individual';
    const types = [...new Set(['individual', 'company', saved])];
    const warn = value !== 'individual' && saved === 'individual';
    return html`<fieldset part="field" data-field=${item.path} aria-describedby=${ifDefined(warn ? 'type-warning' : undefined)}>
      <legend part="label">${this.#label(item.path)}</legend>
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

  /** A field the viewer cannot change: its value as text, why, and what to do instead. */
  #readOnly(item: Item, value: unknown): TemplateResult {
    const { path } = item;
    const id = `f-${path.replace('.', '-')}`;
    const error = this.#error(path);
    const reason = this.#readOnlyReason(path, item.policy);
    return html`<div class="field readonly" part="field" data-field=${path} data-readonly="true">
      <span class="label" part="label" id="${id}-label">${this.#label(path)}</span>
      <span class="value" aria-describedby="${id}-hint">${this.#display(path, value, item.custom)}</span>
      <div class="hint" id="${id}-hint" part="hint">${reason}</div>
      ${error ? html`<div class="error" part="error">${error}</div>` : nothing}
      ${path === 'country' && this.api('tickets') ? this.#countryRequestForm() : nothing}
    </div>`;
  }

  #countryRequestForm(): TemplateResult {
    if (this.countryRequest === 'closed') {
      return html`<div class="actions">
        <button type="button" part="button" @click=${() => (this.countryRequest = 'open')}>${msg('Request change')}</button>
      </div>`;
    }
    const error = this.countryRequestError;
    return html`<div class="request" role="group" aria-labelledby="country-request-label">
      <label id="country-request-label" for="country-request" part="label">${msg('New country')}</label>
      <input
        id="country-request"
        part="input"
        autocomplete="country-name"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? 'country-request-error' : undefined)}
      />
      ${error ? html`<div class="error" id="country-request-error" part="error">${error}</div>` : nothing}
      <div class="actions">
        <button type="button" part="button" ?disabled=${this.countryRequest === 'busy'} @click=${this.#requestCountryChange}>
          ${this.countryRequest === 'busy' ? msg('Sending…') : msg('Send request')}
        </button>
        <button type="button" part="button" @click=${() => (this.countryRequest = 'closed')}>${msg('Cancel')}</button>
      </div>
    </div>`;
  }

  // ---- layout ----

  #groups(d: Draft, item: (i: Item) => TemplateResult): TemplateResult[] {
    const items = this.#items(d);
    return GROUPS.map((g: ProfileGroup) => {
      const inGroup = items.filter((i) => (i.custom ? 'custom' : FIELD_META[i.path]?.group) === g);
      if (!inGroup.length) return html``;
      return html`<section class="group" aria-labelledby="g-${g}">
        <h3 id="g-${g}">${groupHeading(g, d.accountType)}</h3>
        <div class="grid">${inGroup.map(item)}</div>
      </section>`;
    });
  }

  #status(d: Draft): TemplateResult {
    const policy = this.#policy(d);
    const showDiscount = policy.fields.discount?.visible && typeof d.discount === 'number' && d.discount > 0;
    const showVerification = policy.fields.verification?.visible && d.accountType !== 'individual';
    const pct = (n: number) => numberFormat(this.activeLocale, { style: 'percent', maximumFractionDigits: 2 }).format(n / 100);
    return html`<p class="muted summary">
        ${accountTypeLabel(d.accountType)}${d.residency ? html` · ${residencyLabel(d.residency)}` : nothing}
        ${d.username ? html` · <span>${d.username}</span>` : nothing}
      </p>
      ${showDiscount || showVerification
        ? html`<dl class="status">
            ${showVerification
              ? html`<div data-field="verification" data-status=${d.verification ?? 'none'}>
                  <dt>${fieldLabel('verification')}</dt>
                  <dd>${verificationLabel(d.verification)}</dd>
                </div>`
              : nothing}
            ${showDiscount
              ? html`<div data-field="discount">
                  <dt>${fieldLabel('discount')}</dt>
                  <dd>${pct(d.discount ?? 0)}</dd>
                </div>`
              : nothing}
          </dl>`
        : nothing}`;
  }

  #paymentBanner(d: Draft): TemplateResult | typeof nothing {
    const missing = missingForPayment(d, this.#policy(d));
    if (!missing.length) return nothing;
    return html`<div class="banner" part="banner" data-tone="warning" role="status" data-banner="payment">
      <p>${msg('Payment is not possible until these fields are filled in:')}</p>
      <ul>
        ${missing.map(
          (p) => html`<li><button type="button" class="link" part="button" data-path=${p} @click=${() => this.#focusField(p)}>${this.#label(p)}</button></li>`,
        )}
      </ul>
    </div>`;
  }

  #ticketBanner(): TemplateResult | typeof nothing {
    const t = this.ticket;
    if (!t) return nothing;
    const url = safeUrl(t.url);
    return renderBanner(
      'success',
      html`${msg(str`Ticket ${t.id} was created to confirm the change.`)}
      ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${msg('Open the ticket')}</a>` : nothing}`,
    );
  }

  /**
   * Email and phone have their own flows: "Change email" opens `<acct-email-change>`, "Verify"
   * opens `<acct-phone-verification>`, when the page has registered them.
   */
  #contactAction(path: string): TemplateResult | typeof nothing {
    const flow = path === 'email' ? 'email' : path === 'phone' ? 'phone' : undefined;
    const tag = flow === 'email' ? 'acct-email-change' : 'acct-phone-verification';
    if (!flow || !customElements.get(tag)) return nothing;
    const open = this.contactFlow === flow;
    return html`<div class="actions">
        <button type="button" part="button" aria-expanded=${open ? 'true' : 'false'} @click=${() => (this.contactFlow = open ? undefined : flow)}>
          ${flow === 'email' ? msg('Change email') : msg('Verify phone')}
        </button>
      </div>
      ${open
        ? flow === 'email'
          ? html`<acct-email-change></acct-email-change>`
          : html`<acct-phone-verification phone=${String(this.settings.saved?.phone ?? '')}></acct-phone-verification>`
        : nothing}`;
  }

  #contactStatus(path: string): TemplateResult | typeof nothing {
    if (path === 'phone') {
      const verified = this.settings.saved?.phoneVerified;
      if (typeof verified !== 'boolean' || !this.settings.saved?.phone) return nothing;
      return html`<span class="badge" data-confirmed=${verified ? 'true' : 'false'}>${verified ? msg('Verified') : msg('Not verified')}</span>`;
    }
    if (path !== 'email') return nothing;
    const s = this.#email.value;
    if (!s) return nothing;
    const text = s.pending
      ? msg(str`Waiting for confirmation of ${s.pending}`)
      : s.confirmed
        ? msg('Confirmed')
        : msg('Not confirmed');
    return html`<span class="badge" data-confirmed=${s.confirmed && !s.pending ? 'true' : 'false'}>${text}</span>`;
  }

  #view(d: Draft): TemplateResult {
    const anyEditable = this.#items(d).some((i) => canEdit(i.policy, this.#role));
    return html`${this.#groups(
        d,
        (i) => html`<div class="field" part="field" data-field=${i.path}>
          <span class="label" part="label">${this.#label(i.path)}</span>
          <span class="value">${this.#display(i.path, getPath(d, i.path), i.custom)} ${this.#contactStatus(i.path)}</span>
          ${this.#contactAction(i.path)}
        </div>`,
      )}
      ${anyEditable
        ? html`<div class="actions">
            <button type="button" class="primary" part="button button-primary" data-action="change" @click=${this.#edit}>${msg('Change')}</button>
          </div>`
        : nothing}`;
  }

  /** Server errors for paths the form does not show (a field the policy hides): listed, not lost. */
  #orphanErrors(d: Draft): TemplateResult | typeof nothing {
    if (!Object.keys(this.settings.fieldErrors).length) return nothing;
    const shown = new Set(this.#items(d).flatMap((i) => [i.path, ...ADDRESS_PARTS.map((p) => `${i.path}.${p}`)]));
    const orphans = Object.keys(this.settings.fieldErrors).filter((p) => !shown.has(p));
    if (!orphans.length) return nothing;
    return renderBanner('danger', html`<ul>${orphans.map((p) => html`<li>${this.#label(p)}: ${this.#error(p)}</li>`)}</ul>`);
  }

  #form(d: Draft): TemplateResult {
    const s = this.settings;
    return html`<form @submit=${this.#submit} novalidate>
      ${this.#orphanErrors(d)}
      ${this.#groups(d, (i) => (canEdit(i.policy, this.#role) ? this.#control(i, getPath(d, i.path), d) : this.#readOnly(i, getPath(d, i.path))))}
      <p class="muted">${msg('Fields marked * are required.')}</p>
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${!s.canSave}>${s.saving ? msg('Saving…') : msg('Save')}</button>
        ${this.mode === 'form'
          ? html`<button type="button" part="button" ?disabled=${!s.dirty || s.saving} @click=${() => s.discard()}>${msg('Discard changes')}</button>`
          : html`<button type="button" part="button" ?disabled=${s.saving} @click=${this.#cancel}>${msg('Cancel')}</button>`}
      </div>
    </form>`;
  }

  override render() {
    return renderSettingsView(this.settings, {
      apiName: 'profile',
      form: (d) =>
        renderSection({
          heading: msg('Profile'),
          headingId: 'profile-heading',
          body: html`${this.#status(d)}${this.#paymentBanner(d)}${this.#ticketBanner()}
          ${this.#editing ? this.#form(d) : this.#view(d)}`,
        }),
      describe: (path, value) => ({ label: this.#label(path), value: this.#display(path, value) }),
    });
  }
}

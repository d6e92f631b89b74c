import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import {
  canEdit,
  dateTimeFormat,
  displayNames,
  missingForPayment,
  numberFormat,
  parseResponse,
  type CustomField,
  type EmailStatus,
  type Profile,
  type ProfilePolicy,
  type LocalizedText,
  type Ticket,
} from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { LazyPart } from '../base/lazy.js';
import { lazyModule, parseLazy } from '../base/chunk.js';
import { SettingsController } from '../base/settings-controller.js';
import { getPath } from '../base/paths.js';
import { renderSection } from '../ui/field.js';
import { renderLoadFailure } from '../ui/lazy-view.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { badgeStyles } from '../ui/badge-styles.js';
import { linkButtonStyles } from '../ui/link-button-styles.js';
import { statusStyles } from '../ui/status-styles.js';
import { exportParts } from '../ui/parts.js';
import {
  accountTypeLabel,
  deliveryLabel,
  FIELD_GROUP,
  fieldLabel,
  GROUPS,
  groupHeading,
  pathLabel,
  residencyLabel,
  verificationLabel,
  type ProfileGroup,
} from './fields.js';
import type { ProfileForm, ProfileFormHost, ProfileItem as Item } from './form.js';
import { profileStyles } from './acct-profile.styles.js';
import messages from '../i18n/generated/parts/profile.js';

type Draft = Profile;
const schemas = lazyModule(() => import('./schemas.js'));
/** The schemas and default policies: always in once a read brought data (the read waits for them). */
function loaded(): typeof import('./schemas.js') {
  const m = schemas();
  if (m instanceof Promise) throw new Error('acct-profile: schemas read before the first load');
  return m;
}
type FormModule = typeof import('./form.js');
/** The form's chunk once fetched: later instances (form mode) render their form at once. */
let formModule: FormModule | undefined;

/**
 * The account's profile: the fields of its policy (the backend's, or core's default for the
 * account type and residency), grouped; "Change" opens the form, Save stores it. A change of
 * filled-in data that the policy confirms answers with a ticket. Fields the viewer may not change
 * are shown as text with the reason; the country has a "Request change" action that opens a
 * support ticket. The email and phone elements opened from the profile pass their parts on under
 * the same names, so `acct-profile::part(button)` styles their buttons too.
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
  static override styles = [...AcctElement.styles, uiStyles, statusStyles, badgeStyles, linkButtonStyles, profileStyles];
  /**
   * @internal Test-only: where the edit form's chunk comes from, so a test can make it fail or
   * hang. Read by each instance when it first loads the form.
   */
  static formLoader: () => FormModule | Promise<FormModule> = () => formModule ?? import('./form.js').then((m) => (formModule = m));

  /**
   * `view` (default): the profile as text with a "Change" button, as the control panel shows it.
   * `form`: always the form with Save at the bottom, as the billing panel's settings page. The
   * form's code is then fetched on connect, beside the profile's data.
   */
  @property({ reflect: true }) mode: 'view' | 'form' = 'view';

  @state() private editing = false;
  @state() private ticket: Ticket | undefined;
  /** The form's chunk is on its way (after Change, or in form mode), or could not be fetched. */
  @state() private opening: 'loading' | 'failed' | undefined;
  /** The contact element opened from the email or phone field (their own issue builds them). */
  @state() private contactFlow: 'email' | 'phone' | undefined;
  #serverPolicy: ProfilePolicy | undefined;

  readonly settings = new SettingsController<Draft>(this, {
    section: 'profile',
    api: () => this.api('profile'),
    schemas,
    onLoad: (r) => {
      this.#serverPolicy = r.policy === undefined || r.policy === null ? undefined : parseResponse(loaded().ProfilePolicy, r.policy);
    },
    // Saves start from the form (Save, or Retry and "keep mine" after a failed one), so its chunk
    // is in; the server checks everything again in any case.
    validate: (d) => this.#form?.validate(d) ?? {},
    onSaved: () => {
      this.editing = false;
      void this.#form?.closed();
    },
  });

  /**
   * The edit form is a lazy chunk (issue 10): the first paint of the default view mode carries
   * the profile as text only. The chunk is fetched at the first sign of intent (pointer over or
   * focus inside the element), when Change is pressed at the latest, and on connect in form mode.
   */
  readonly #forms = new LazyPart<FormModule>(this, () => (this.constructor as typeof AcctProfile).formLoader());
  #formInstance: ProfileForm | undefined;

  readonly #viewer = new Load(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_a, { signal }) => {
      const viewer = this.api('viewer');
      return viewer ? (await parseLazy(viewer.get({ signal }), schemas, (m) => m.Viewer)).role : undefined;
    },
  });

  readonly #email = new Load(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_a, { signal }): Promise<EmailStatus | undefined> => {
      const contacts = this.api('contacts');
      return contacts ? parseLazy(contacts.emailStatus({ signal }), schemas, (m) => m.EmailStatus) : undefined;
    },
  });

  constructor() {
    super();
    // Its own tickets (a save, a change request from the form), not those of the phone element it
    // may hold, which shows its own (retargeted, their target is this element too).
    this.addEventListener('acct-ticket-created', (e) => {
      if (e.composedPath()[0] === this) this.ticket = e.detail.ticket;
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

  get #editing(): boolean {
    return this.mode === 'form' || this.editing;
  }

  /** The form, once its chunk is in. */
  get #form(): ProfileForm | undefined {
    const module = this.#forms.value;
    if (!module) return undefined;
    this.#formInstance ??= new module.ProfileForm(this.#formHost());
    return this.#formInstance;
  }

  /** What the form reads from the element, without making the element's private members public. */
  #formHost(): ProfileFormHost {
    return {
      element: this,
      settings: this.settings,
      mode: () => this.mode,
      role: () => this.#viewer.value,
      policy: (p) => this.#policy(p),
      items: (p) => this.#items(p),
      groups: (d, item) => this.#groups(d, item),
      label: (path) => this.#label(path),
      text: (t) => this.#text(t),
      display: (path, value, custom) => this.#display(path, value, custom),
      contactStatus: (path) => this.#contactStatus(path),
      contactAction: (path) => this.#contactAction(path),
      tickets: () => this.api('tickets'),
      close: () => (this.editing = false),
    };
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
    const base = loaded().defaultProfilePolicy(p?.accountType, p?.residency, billing ? 'billing' : 'control');
    return this.#serverPolicy?.custom ? { ...base, custom: this.#serverPolicy.custom } : base;
  }

  #items(p: Draft): Item[] {
    const policy = this.#policy(p);
    const items: Item[] = [];
    for (const id in FIELD_GROUP) {
      const p = policy.fields[id];
      if (p?.visible) items.push({ path: id, policy: p });
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Form mode shows the form from the start: its chunk is fetched at once, beside the profile.
    if (this.mode === 'form' && !this.#forms.value && this.opening === undefined) void this.#loadForm();
  }

  /** Loads the form's chunk; meanwhile its control renders busy, and a failure is shown with a retry. */
  async #loadForm(): Promise<boolean> {
    const loading = this.#forms.load();
    // Already in (an earlier instance loaded it): this render shows the form, no busy state.
    if (this.#forms.value) return true;
    this.opening = 'loading';
    try {
      await loading;
      this.opening = undefined;
      return true;
    } catch {
      this.opening = 'failed';
      return false;
    }
  }

  /** Change: loads the form if needed, opens it and focuses its first field. */
  async #edit(): Promise<void> {
    if (this.opening === 'loading' || !(await this.#loadForm())) return;
    this.editing = true;
    this.ticket = undefined;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('form [name]')?.focus();
  }

  /** "Fill in" from the required-for-payment list: open the form and put focus on the field. */
  async #focusField(path: string): Promise<void> {
    if (!this.#editing) await this.#edit();
    else await this.#loadForm();
    if (!this.#form) return;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`)?.focus();
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
    if (path === 'birthDate' || path === 'passportIssueDate') return this.#date(String(value));
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

  // ---- layout ----

  #groups(d: Draft, item: (i: Item) => TemplateResult): TemplateResult[] {
    const items = this.#items(d);
    return GROUPS.map((g: ProfileGroup) => {
      const inGroup = items.filter((i) => (i.custom ? 'custom' : FIELD_GROUP[i.path]) === g);
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
        <button type="button" part="button" aria-expanded=${String(open)} @click=${() => (this.contactFlow = open ? undefined : flow)}>
          ${flow === 'email' ? msg('Change email') : msg('Verify phone')}
        </button>
      </div>
      ${open
        ? flow === 'email'
          ? html`<acct-email-change exportparts=${exportParts()}></acct-email-change>`
          : html`<acct-phone-verification exportparts=${exportParts()} phone=${String(this.settings.saved?.phone ?? '')}></acct-phone-verification>`
        : nothing}`;
  }

  #contactStatus(path: string): TemplateResult | typeof nothing {
    if (path === 'phone') {
      const verified = this.settings.saved?.phoneVerified;
      if (typeof verified !== 'boolean' || !this.settings.saved?.phone) return nothing;
      return html`<span class="badge" data-confirmed=${String(verified)}>${verified ? msg('Verified') : msg('Not verified')}</span>`;
    }
    if (path !== 'email') return nothing;
    const s = this.#email.value;
    if (!s) return nothing;
    const text = s.pending
      ? msg(str`Waiting for confirmation of ${s.pending}`)
      : s.confirmed
        ? msg('Confirmed')
        : msg('Not confirmed');
    return html`<span class="badge" data-confirmed=${String(!!s.confirmed && !s.pending)}>${text}</span>`;
  }

  /** The fields as text: the view, and form mode until the form's chunk is in. */
  #fields(d: Draft): TemplateResult[] {
    return this.#groups(
      d,
      (i) => html`<div class="field" part="field" data-field=${i.path}>
        <span class="label" part="label">${this.#label(i.path)}</span>
        <span class="value">${this.#display(i.path, getPath(d, i.path), i.custom)} ${this.#contactStatus(i.path)}</span>
        ${this.#contactAction(i.path)}
      </div>`,
    );
  }

  /** The form's chunk could not be fetched: say so where the form would be, with a retry. */
  #loadFailure(retry: () => unknown): TemplateResult | typeof nothing {
    return this.opening === 'failed' ? renderLoadFailure(() => void retry()) : nothing;
  }

  #view(d: Draft): TemplateResult {
    const anyEditable = this.#items(d).some((i) => canEdit(i.policy, this.#viewer.value, getPath(this.settings.saved, i.path)));
    // While the form's chunk loads, Change stays focusable (aria-disabled, not disabled) so a
    // keyboard user keeps their place if the load fails.
    const loading = this.opening === 'loading';
    // A failure shows even without Change: "Fill in" in the payment list opens the form too.
    return html`${this.#fields(d)} ${this.#loadFailure(() => this.#edit())}
      ${anyEditable
        ? html`<div class="actions">
              <button
                type="button"
                class="primary"
                part="button button-primary"
                data-action="change"
                aria-busy=${String(loading)}
                aria-disabled=${String(loading)}
                @click=${this.#edit}
              >
                ${loading ? msg('Loading…') : msg('Change')}
              </button>
            </div>`
        : nothing}`;
  }

  /**
   * Form mode before its chunk is in. The chunk is requested on connect, beside the profile's own
   * request, so it is usually there before the data and this never shows. When the data wins, the
   * profile is shown as text at once (busy, with a busy Save) rather than a skeleton that would
   * keep the user waiting for code they do not need to read their data.
   */
  #formPending(d: Draft): TemplateResult {
    const loading = this.opening !== 'failed';
    return html`<div aria-busy=${String(loading)}>${this.#fields(d)}</div>
      ${this.#loadFailure(() => this.#loadForm())}
      <div class="actions">
        <button type="button" class="primary" part="button button-primary" disabled aria-busy=${String(loading)}>
          ${loading ? msg('Loading…') : msg('Save')}
        </button>
      </div>`;
  }

  override render() {
    const form = this.#form;
    return renderSettingsView(this.settings, {
      apiName: 'profile',
      form: (d) =>
        renderSection({
          heading: msg('Profile'),
          headingId: 'profile-heading',
          body: html`${this.#status(d)}${this.#paymentBanner(d)}${this.ticket ? this.#form?.renderTicket(this.ticket) : nothing}
          ${!this.#editing ? this.#view(d) : form ? form.render(d) : this.#formPending(d)}`,
        }),
      describe: (path, value) => ({ label: this.#label(path), value: this.#display(path, value) }),
    });
  }
}

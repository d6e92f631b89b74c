import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  EmailStatus,
  formatDateTime,
  isAbortError,
  parseResponse,
  passwordMinLength,
  RecoveryCodes,
  safeUrl,
  SecuritySettings,
  toAdapterError,
  TwoFactorEnrolment,
  Viewer,
  type AdapterError,
  type IpRuleError,
  type ParsedIpRules,
  type PasswordStrength,
  type Ticket,
} from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { ReauthCancelled } from '../base/reauth.js';
import { LightInput } from '../base/light-input.js';
import { HintedLightInput } from './hinted-input.js';
import { deepEqual } from '../base/paths.js';
import { ConfirmController } from '../ui/confirm.js';
import { renderBanner, renderField, renderSection } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { errorMessage, fieldErrorMessage } from '../i18n/messages.js';
import { ipReasonMessage, passwordFeedbackMessage, strengthLabel } from './messages.js';
import { qrPath, type QrPath } from './qr.js';
import { securityStyles } from './acct-security.styles.js';
import messages from '../i18n/generated/parts/security.js';

type IpModule = typeof import('@acct/core/ip');
let ipModule: Promise<IpModule> | undefined;
let ipLoaded: IpModule | undefined;
/** The IP parser and ipaddr.js (~5 KB gzip) come as a lazy chunk, loaded when the element connects. */
function loadIpModule(): Promise<IpModule> {
  ipModule ??= import('@acct/core/ip').then((m) => (ipLoaded = m));
  return ipModule;
}

type PasswordModule = typeof import('@acct/core/password');
let passwordModule: Promise<PasswordModule> | undefined;
/** The policy with its blocklist is loaded on first use, not with the page. */
function loadPasswordModule(): Promise<PasswordModule> {
  passwordModule ??= import('@acct/core/password');
  return passwordModule;
}

/** Lines the list stores: trimmed, blank lines dropped, comments kept for the next reader. */
function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** At most this many line messages are listed; the rest is counted (a 10,000-line paste stays fast). */
const MAX_LISTED = 50;
const CODE = /^\d{6}$/;

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

type TwoFactorStep =
  | { step: 'idle' }
  | { step: 'enrol'; secret: string; qr?: QrPath }
  | { step: 'codes'; codes: string[] }
  | { step: 'disable' };

type ActionState = { busy: boolean; error?: AdapterError };

/**
 * Account security: password change, the write-once code word, billing IP restrictions with a
 * lockout guard, "display last IP" with the last sign-in, and TOTP two-factor authentication.
 * The IP list and the last-IP switch are settings (Save); the password, code word and two-factor
 * are separate actions with their own forms. Credential inputs live in the light DOM, so password
 * managers fill and save them; no secret is kept in element state or sent in an event.
 *
 * @tagname acct-security
 * @summary Password, code word, IP restrictions, last IP and two-factor authentication.
 * @fires acct-saved - After a save or an action; detail `{ section }`: `security` (settings, with `data`), `security.password`, `security.codeWord`, `security.twoFactor`, `security.sessions`.
 * @fires acct-error - When loading, saving or an action failed; detail `{ section, code, operation }`.
 * @fires acct-dirty-change - When unsaved edits of the settings appear or disappear.
 * @fires acct-ticket-created - After a code word change request was sent; detail `{ section, ticket }`.
 * @csspart section - Each card.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The main button of a form.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - Confirmation and re-authentication dialogs.
 * @csspart qr - The two-factor QR code.
 * @cssprop --acct-security-gap - Space between the cards.
 * @cssprop --acct-section-gap - Space between the blocks of a card.
 */
export class AcctSecurity extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, securityStyles];

  readonly settings = new SettingsController<SecuritySettings>(this, {
    section: 'security',
    api: () => this.api('security'),
    schema: SecuritySettings,
    validate: (d): Record<string, string> =>
      this.#parse(d.ipRules.join('\n'))?.errors.some((e) => !ipLoaded?.isIpRuleWarning(e.reason))
        ? { ipRules: msg('Some lines are not valid IP addresses, networks or ranges. Fix the lines listed below.') }
        : {},
  });

  readonly #confirm = new ConfirmController(this);

  /** Who is signed in, from where, and their email (for the password policy). Optional. */
  readonly #viewer = new Task(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_args, { signal }) => {
      const viewer = this.api('viewer');
      if (!viewer) return undefined;
      const v = parseResponse(Viewer, await viewer.get({ signal }));
      let email: string | undefined;
      try {
        const contacts = this.api('contacts');
        if (contacts) email = parseResponse(EmailStatus, await contacts.emailStatus({ signal })).email;
      } catch {
        // The email only sharpens the password check; without it the check still runs.
      }
      return { ...v, email };
    },
  });

  // ---- IP list -----------------------------------------------------------------------------
  /** What the user typed, kept as typed while it means the same list as the draft. */
  #ipText: string | undefined;
  #parsed: { text: string; result: ParsedIpRules } | undefined;
  #ipViewCache: { text: string; ip: string | undefined; view: string } | undefined;
  #ipTextMemo: { typed: string | undefined; rules: string[]; text: string } | undefined;
  #lockoutMemo: { text: string; ip: string | undefined; loaded: boolean; result: { ip?: string } | undefined } | undefined;

  // ---- Password ----------------------------------------------------------------------------
  readonly #pwCurrent = new LightInput(this, { slot: 'pw-current', name: 'current', type: 'password', autocomplete: 'current-password' });
  readonly #pwNext = new HintedLightInput(this, { slot: 'pw-next', name: 'next', type: 'password', autocomplete: 'new-password' });
  readonly #pwConfirm = new LightInput(this, { slot: 'pw-confirm', name: 'confirm', type: 'password', autocomplete: 'new-password' });
  /** Tells password managers which account the new password belongs to. */
  readonly #pwUsername: HTMLInputElement;
  /** The form opens on request, so credential inputs exist only while the user is changing it. */
  @state() private pwOpen = false;
  @state() private pwShow = false;
  @state() private pwErrors: Record<string, string> = {};
  @state() private pwAction: ActionState & { done?: boolean } = { busy: false };
  /** The meter's findings; never the password itself. */
  @state() private strength: PasswordStrength | undefined;
  @state() private signOut: { busy: boolean; result?: string; error?: AdapterError } | undefined;

  // ---- Code word ---------------------------------------------------------------------------
  readonly #cwWord = new HintedLightInput(this, { slot: 'cw-word', name: 'codeWord', type: 'password', autocomplete: 'off' });
  readonly #cwConfirm = new LightInput(this, { slot: 'cw-confirm', name: 'codeWordConfirm', type: 'password', autocomplete: 'off' });
  @state() private cwOpen = false;
  @state() private cwShow = false;
  @state() private cwErrors: Record<string, string> = {};
  @state() private cwAction: ActionState = { busy: false };
  @state() private ticketForm: { subject: string; body: string } | undefined;
  @state() private ticketAction: ActionState & { ticket?: Ticket } = { busy: false };

  // ---- Two-factor --------------------------------------------------------------------------
  readonly #tfCode = new LightInput(this, { slot: 'tf-code', name: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' });
  @state() private tf: TwoFactorStep = { step: 'idle' };
  @state() private tfError = '';
  @state() private tfAction: ActionState = { busy: false };
  @state() private copied = '';

  constructor() {
    super();
    this.#pwUsername = document.createElement('input');
    this.#pwUsername.type = 'text';
    this.#pwUsername.name = 'username';
    this.#pwUsername.autocomplete = 'username';
    this.#pwUsername.hidden = true;
    this.#pwUsername.readOnly = true;
    this.#pwUsername.tabIndex = -1;
    this.#submitOnEnter(this.#pwCurrent, 'pw-form');
    this.#submitOnEnter(this.#pwNext, 'pw-form');
    this.#submitOnEnter(this.#pwConfirm, 'pw-form');
    this.#submitOnEnter(this.#cwWord, 'cw-form');
    this.#submitOnEnter(this.#cwConfirm, 'cw-form');
    this.#submitOnEnter(this.#tfCode, 'tf-form');
    this.#pwNext.on('input', () => void this.#measure());
    this.#pwCurrent.on('input', () => this.#clearError('pw', 'current'));
    this.#pwConfirm.on('input', () => this.#clearError('pw', 'confirm'));
    this.#cwWord.on('input', () => this.#clearError('cw', 'codeWord'));
    this.#cwConfirm.on('input', () => this.#clearError('cw', 'codeWordConfirm'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!ipLoaded) void loadIpModule().then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Secrets do not outlive the element on the page.
    for (const f of [this.#pwCurrent, this.#pwNext, this.#pwConfirm, this.#cwWord, this.#cwConfirm, this.#tfCode]) f.clear();
    if (this.tf.step !== 'idle') this.tf = { step: 'idle' };
  }

  /**
   * Light-DOM inputs have no form owner in the shadow root, so Enter would do nothing: submit the
   * section's form ourselves, except while an IME is composing.
   */
  #submitOnEnter(field: LightInput, formId: string): void {
    field.on('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing) return;
      e.preventDefault();
      (this.shadowRoot?.getElementById(formId) as HTMLFormElement | null)?.requestSubmit();
    });
  }

  #clearError(form: 'pw' | 'cw', name: string): void {
    const errors = form === 'pw' ? this.pwErrors : this.cwErrors;
    if (!errors[name]) return;
    const { [name]: _gone, ...rest } = errors;
    if (form === 'pw') this.pwErrors = rest;
    else this.cwErrors = rest;
  }

  get #viewerValue() {
    return this.#viewer.value;
  }

  #announce(text: string): void {
    this.settings.announcement = text;
    this.requestUpdate();
  }

  #fail(operation: string, e: unknown): AdapterError | undefined {
    if (isAbortError(e) || e instanceof ReauthCancelled) return undefined;
    const error = toAdapterError(e);
    this.emit('acct-error', { section: 'security', code: error.code, operation });
    return error;
  }

  // ---- IP restrictions -----------------------------------------------------------------------

  /** Undefined until the parser chunk has arrived (a few milliseconds after connecting). */
  #parse(text: string): ParsedIpRules | undefined {
    if (!ipLoaded) return undefined;
    if (this.#parsed?.text !== text) this.#parsed = { text, result: ipLoaded.parseIpRules(text) };
    return this.#parsed.result;
  }

  #ipTextFor(d: SecuritySettings): string {
    // Asked several times per render: remember the answer for this text and this list.
    const memo = this.#ipTextMemo;
    if (memo && memo.typed === this.#ipText && memo.rules === d.ipRules) return memo.text;
    const text = this.#ipText !== undefined && deepEqual(linesOf(this.#ipText), d.ipRules) ? this.#ipText : d.ipRules.join('\n');
    this.#ipTextMemo = { typed: this.#ipText, rules: d.ipRules, text };
    return text;
  }

  #editIpText(text: string): void {
    const d = this.settings.draft;
    const before = d ? this.#ipView(this.#ipTextFor(d)) : '';
    this.#ipText = text;
    this.settings.input('ipRules', linesOf(text), () => this.#ipView(text) !== before);
  }

  /**
   * What the card shows about a list besides the text itself (problem lines, the empty-list note,
   * the lockout warning), as a string: a keystroke that leaves it unchanged needs no render.
   */
  #ipView(text: string): string {
    // The lockout warning depends on the address the viewer is on, which may arrive later.
    const ip = this.#viewerValue?.currentIp;
    if (this.#ipViewCache?.text === text && this.#ipViewCache.ip === ip) return this.#ipViewCache.view;
    const parsed = this.#parse(text);
    const isWarning = ipLoaded?.isIpRuleWarning;
    let view = '';
    if (parsed && isWarning) {
      const { rules, errors } = parsed;
      const lines = errors.length ? text.split(/\r\n|\r|\n/) : [];
      const listed = errors.slice(0, MAX_LISTED).map((e) => [e.line, e.reason, (lines[e.line - 1] ?? '').trim()]);
      const lockout = this.#lockoutFor(text);
      view = JSON.stringify([rules.length === 0, errors.length, errors.filter((e) => !isWarning(e.reason)).length, listed, lockout ? (lockout.ip ?? '?') : 0]);
    }
    this.#ipViewCache = { text, ip, view };
    return view;
  }

  #addCurrentIp(): void {
    const ip = ipLoaded?.normaliseIp(this.#viewerValue?.currentIp ?? '');
    const d = this.settings.draft;
    if (!ip || !d) return;
    const text = this.#ipTextFor(d);
    this.#editIpText(text.trim() ? `${text.replace(/\s+$/, '')}\n${ip}` : ip);
    this.#announce(msg(str`${ip} was added to the list.`));
  }

  /** Non-empty, valid, and the address the user is on now is not in it. */
  #locksOut(d: SecuritySettings): { ip?: string } | undefined {
    return this.#lockoutFor(this.#ipTextFor(d));
  }

  #lockoutFor(text: string): { ip?: string } | undefined {
    const ip = this.#viewerValue?.currentIp;
    const memo = this.#lockoutMemo;
    if (memo && memo.text === text && memo.ip === ip && memo.loaded === !!ipLoaded) return memo.result;
    const result = this.#findLockout(text);
    this.#lockoutMemo = { text, ip, loaded: !!ipLoaded, result };
    return result;
  }

  #findLockout(text: string): { ip?: string } | undefined {
    const parsed = this.#parse(text);
    if (!ipLoaded || !parsed) return undefined;
    const { rules, errors } = parsed;
    const { isIpRuleWarning, ipRulesAllow, normaliseIp } = ipLoaded;
    if (!rules.length || errors.some((e) => !isIpRuleWarning(e.reason))) return undefined;
    const ip = this.#viewerValue?.currentIp;
    if (ip && ipRulesAllow(rules, ip)) return undefined;
    return { ip: ip ? (normaliseIp(ip) ?? ip) : undefined };
  }

  async #submitSettings(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const s = this.settings;
    await loadIpModule();
    const d = s.draft;
    if (!d || !s.canSave) return;
    const lockout = !deepEqual(d.ipRules, s.saved?.ipRules) ? this.#locksOut(d) : undefined;
    if (lockout) {
      const ok = await this.#confirm.ask({
        heading: msg('Save a list without your address?'),
        body: lockout.ip
          ? msg(str`Your current IP address ${lockout.ip} is not in the list. After saving, billing will refuse requests from this address, and you may lose access to it.`)
          : msg('We cannot tell your current IP address. If it is not in the list, billing will refuse your requests after saving.'),
        confirmLabel: msg('Save anyway'),
        danger: true,
      });
      if (!ok) return;
    }
    await s.save();
  }

  #renderIpLines(text: string, errors: IpRuleError[]): TemplateResult | typeof nothing {
    const isIpRuleWarning = ipLoaded?.isIpRuleWarning;
    if (!errors.length || !isIpRuleWarning) return nothing;
    const lines = text.split(/\r\n|\r|\n/);
    const bad = errors.filter((e) => !isIpRuleWarning(e.reason)).length;
    const warnings = errors.length - bad;
    return html`<div id="ipRules-lines">
      <p class=${bad ? 'error' : 'muted'}>
        ${bad ? msg(str`${bad} of the lines cannot be used.`) : nothing} ${warnings ? msg(str`${warnings} of the lines need a second look.`) : nothing}
      </p>
      <ul class="lines">
        ${errors.slice(0, MAX_LISTED).map(
          (e) => html`<li class=${isIpRuleWarning(e.reason) ? 'warning' : 'bad'}>
            ${msg(str`Line ${e.line}:`)} <code>${(lines[e.line - 1] ?? '').trim()}</code> — ${ipReasonMessage(e)}
          </li>`,
        )}
      </ul>
      ${errors.length > MAX_LISTED ? html`<p class="muted">${msg(str`And ${errors.length - MAX_LISTED} more.`)}</p>` : nothing}
    </div>`;
  }

  #renderAccess(d: SecuritySettings): TemplateResult {
    const s = this.settings;
    const text = this.#ipTextFor(d);
    const parsed = this.#parse(text);
    const errors = parsed?.errors ?? [];
    const bad = errors.some((e) => !ipLoaded?.isIpRuleWarning(e.reason));
    const serverError = s.fieldError('ipRules');
    const lockout = this.#locksOut(d);
    const viewer = this.#viewerValue;
    const current = viewer?.currentIp ? (ipLoaded?.normaliseIp(viewer.currentIp) ?? viewer.currentIp) : undefined;
    const describedBy = ['ipRules-hint', errors.length ? 'ipRules-lines' : '', serverError ? 'ipRules-error' : ''].filter(Boolean).join(' ');
    return html`<form id="settings-form" @submit=${this.#submitSettings} novalidate>
      ${renderSection({
        heading: msg('Access to billing'),
        headingId: 'access-heading',
        body: html`
          <div class="field" part="field">
            <label for="ipRules" part="label">${msg('Allowed IP addresses')}</label>
            <p class="banner" part="banner" data-tone="warning">
              ${msg('Careful: a wrong list can lock you out of billing.')}
            </p>
            <textarea
              id="ipRules"
              name="ipRules"
              part="input"
              rows="6"
              spellcheck="false"
              autocapitalize="off"
              autocomplete="off"
              aria-invalid=${bad || serverError ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${live(text)}
              @input=${(e: Event) => this.#editIpText((e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <div class="hint" id="ipRules-hint" part="hint">
              ${msg('One entry per line: an address (203.0.113.7, 2001:db8::1), a network (203.0.113.0/24) or a range (203.0.113.10-203.0.113.20). Lines starting with # are comments.')}
              ${parsed?.rules.length === 0 && !bad ? html`<strong>${msg('The list is empty: there is no restriction, billing is open from any address.')}</strong>` : nothing}
            </div>
            ${this.#renderIpLines(text, errors)}
            ${serverError ? html`<div class="error" id="ipRules-error" part="error">${serverError}</div>` : nothing}
          </div>
          ${lockout
            ? renderBanner(
                'warning',
                lockout.ip
                  ? msg(str`Your current IP address ${lockout.ip} is not in this list. Saving it would lock you out of billing from here.`)
                  : msg('We cannot tell your current IP address. Make sure the list includes it before saving.'),
                lockout.ip
                  ? html`<button type="button" part="button" @click=${this.#addCurrentIp}>${msg('Add my current IP')}</button>`
                  : undefined,
              )
            : current
              ? html`<p class="muted">${msg(str`Your current IP address: ${current}.`)}</p>`
              : nothing}
          <label class="choice">
            <input
              type="checkbox"
              name="showLastIp"
              part="input"
              aria-describedby="showLastIp-hint"
              .checked=${d.showLastIp}
              @change=${(e: Event) => s.set('showLastIp', (e.target as HTMLInputElement).checked)}
            />
            ${msg('Display last IP')}
          </label>
          <div class="hint" id="showLastIp-hint" part="hint">${msg('Show the address of your previous sign-in when you sign in, so you notice one that was not you.')}</div>
          ${s.fieldError('showLastIp') ? html`<div class="error" part="error">${s.fieldError('showLastIp')}</div>` : nothing}
          ${viewer?.lastLogin
            ? html`<dl>
                <dt>${msg('Last sign-in')}</dt>
                <dd>${formatDateTime(viewer.lastLogin.at, this.activeLocale)}</dd>
                <dt>${msg('From IP address')}</dt>
                <dd><code>${viewer.lastLogin.ip}</code></dd>
              </dl>`
            : nothing}
          <div class="actions">
            <button type="submit" class="primary" part="button button-primary" ?disabled=${!s.canSave}>
              ${s.saving ? msg('Saving…') : msg('Save')}
            </button>
            <button type="button" part="button" ?disabled=${!s.dirty || s.saving} @click=${() => s.discard()}>${msg('Discard changes')}</button>
          </div>
        `,
      })}
    </form>`;
  }

  // ---- Password ------------------------------------------------------------------------------

  get #minLength(): number {
    const d = this.settings.saved;
    return passwordMinLength({ twoFactor: d?.twoFactor.enabled, policy: d?.passwordPolicy });
  }

  get #userInputs(): string[] {
    const v = this.#viewerValue;
    return [v?.username, v?.email].filter((x): x is string => !!x);
  }

  async #measure(): Promise<void> {
    this.#clearError('pw', 'next');
    const value = this.#pwNext.input.value;
    if (!value) {
      this.strength = undefined;
      return;
    }
    const { estimatePasswordStrength } = await loadPasswordModule();
    // The field may have changed while the policy loaded: measure what is there now.
    const now = this.#pwNext.input.value;
    this.strength = now ? estimatePasswordStrength(now, { minLength: this.#minLength, userInputs: this.#userInputs }) : undefined;
  }

  async #openPassword(open: boolean): Promise<void> {
    this.pwOpen = open;
    this.pwErrors = {};
    this.strength = undefined;
    if (open) {
      this.pwAction = { busy: false };
      this.signOut = undefined;
    }
    await this.updateComplete;
    if (open) this.#pwCurrent.input.focus();
    else (this.shadowRoot?.getElementById('pw-open') as HTMLElement | null)?.focus();
  }

  async #openCodeWord(open: boolean): Promise<void> {
    this.cwOpen = open;
    this.cwErrors = {};
    this.cwAction = { busy: false };
    await this.updateComplete;
    if (open) this.#cwWord.input.focus();
    else (this.shadowRoot?.getElementById('cw-open') as HTMLElement | null)?.focus();
  }

  #togglePasswords(): void {
    this.pwShow = !this.pwShow;
    for (const f of [this.#pwCurrent, this.#pwNext, this.#pwConfirm]) f.input.type = this.pwShow ? 'text' : 'password';
  }

  async #submitPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const security = this.api('security');
    if (!security || this.pwAction.busy) return;
    const current = this.#pwCurrent.input.value;
    const next = this.#pwNext.input.value;
    const confirm = this.#pwConfirm.input.value;
    const minLength = this.#minLength;
    const { validatePassword } = await loadPasswordModule();
    const errors: Record<string, string> = {};
    if (!current) errors.current = msg('Enter your current password.');
    const verdict = validatePassword(next, { minLength, userInputs: this.#userInputs });
    if (!verdict.ok) errors.next = passwordFeedbackMessage(verdict.reason, minLength);
    else if (confirm !== next) errors.confirm = msg('The passwords do not match.');
    this.pwErrors = errors;
    this.signOut = undefined;
    if (Object.keys(errors).length) {
      this.pwAction = { busy: false };
      await this.updateComplete;
      ({ current: this.#pwCurrent, next: this.#pwNext, confirm: this.#pwConfirm })[Object.keys(errors)[0] as 'current']?.input.focus();
      return;
    }
    this.pwAction = { busy: true };
    this.#announce(msg('Changing the password…'));
    const idempotencyKey = newKey();
    try {
      // Sent exactly as typed: no trimming, no normalisation.
      await this.settings.reauth.run(() => security.changePassword({ current, next }, { idempotencyKey }));
      for (const f of [this.#pwCurrent, this.#pwNext, this.#pwConfirm]) f.clear();
      if (this.pwShow) this.#togglePasswords();
      this.strength = undefined;
      this.pwAction = { busy: false, done: true };
      this.pwOpen = false;
      this.signOut = this.api('sessions') ? { busy: false } : undefined;
      this.#announce(msg('Your password was changed.'));
      this.emit('acct-saved', { section: 'security.password' });
    } catch (e) {
      const error = this.#fail('changePassword', e);
      this.pwAction = { busy: false, error: error && error.code !== 'validation' ? error : undefined };
      if (!error) {
        this.#announce('');
        return;
      }
      if (error.code === 'validation') {
        const fe = error.fieldErrors ?? {};
        const mapped: Record<string, string> = {};
        if (fe.current) {
          mapped.current = fe.current === 'wrong_password' ? msg('That is not your current password.') : fieldErrorMessage(fe.current);
          this.#pwCurrent.clear();
        }
        if (fe.next) mapped.next = fe.next === 'too_short' ? passwordFeedbackMessage('too_short', minLength) : fieldErrorMessage(fe.next);
        if (!Object.keys(mapped).length) mapped.next = errorMessage(error);
        this.pwErrors = mapped;
        this.#announce(Object.values(mapped).join(' '));
        await this.updateComplete;
        (mapped.current ? this.#pwCurrent : this.#pwNext).input.focus();
      } else {
        this.#announce(errorMessage(error));
      }
    }
  }

  async #signOutOthers(): Promise<void> {
    const sessions = this.api('sessions');
    if (!sessions || this.signOut?.busy) return;
    this.signOut = { busy: true };
    try {
      const list = await sessions.list();
      const others = list.filter((x) => !x.current);
      for (const other of others) await this.settings.reauth.run(() => sessions.revoke(other.id, { idempotencyKey: newKey() }));
      const result = others.length ? msg(str`Signed out of ${others.length} other sessions.`) : msg('There were no other sessions.');
      this.signOut = { busy: false, result };
      this.#announce(result);
      this.emit('acct-saved', { section: 'security.sessions' });
    } catch (e) {
      const error = this.#fail('revokeSessions', e);
      this.signOut = { busy: false, error };
      if (error) this.#announce(errorMessage(error));
    }
  }

  #renderStrength(): TemplateResult | typeof nothing {
    const s = this.strength;
    if (!s) return nothing;
    return html`<div class="strength">
      <meter min="0" max="4" low="2" high="3" optimum="4" .value=${s.score} aria-label=${msg('Password strength')}></meter>
    </div>`;
  }

  /** The meter in words, as the new-password input's description (light DOM, same tree). */
  #strengthWords(): string {
    const s = this.strength;
    const min = this.#minLength;
    if (!s) return msg(str`At least ${min} characters. Any characters, spaces and emoji are fine; no other rules.`);
    const findings = s.feedback.filter((f) => f !== 'too_short').map((f) => passwordFeedbackMessage(f, min));
    return [
      msg(str`Strength: ${strengthLabel(s)}.`),
      msg(str`${s.length} of at least ${min} characters.`),
      ...findings,
    ].join(' ');
  }

  #renderPassword(): TemplateResult {
    const a = this.pwAction;
    if (!this.pwOpen) {
      for (const f of [this.#pwCurrent, this.#pwNext, this.#pwConfirm]) f.detach();
      this.#pwUsername.remove();
      return renderSection({
        heading: msg('Password'),
        headingId: 'pw-heading',
        body: html`${a.done ? this.#renderPasswordDone() : html`<p class="muted">${msg('Use a long password that you do not use anywhere else.')}</p>`}
          <div class="actions">
            <button id="pw-open" type="button" part="button" aria-expanded="false" @click=${() => this.#openPassword(true)}>${msg('Change password')}</button>
          </div>`,
      });
    }
    const e = this.pwErrors;
    this.#pwUsername.value = this.#viewerValue?.username ?? '';
    if (this.#pwUsername.parentNode !== this) this.append(this.#pwUsername);
    this.#pwCurrent.attach(msg('Current password'), e.current ?? '');
    this.#pwNext.attach(msg('New password'), e.next ?? '', this.#strengthWords());
    this.#pwConfirm.attach(msg('Repeat the new password'), e.confirm ?? '');
    return html`<form id="pw-form" @submit=${this.#submitPassword} novalidate aria-labelledby="pw-heading">
      ${renderSection({
        heading: msg('Password'),
        headingId: 'pw-heading',
        body: html`
          ${this.#lightField('pw-current')} ${this.#lightField('pw-next', this.#renderStrength())} ${this.#lightField('pw-confirm')}
          <div class="actions">
            <button type="button" part="button" aria-pressed=${this.pwShow ? 'true' : 'false'} @click=${this.#togglePasswords}>
              ${msg('Show passwords')}
            </button>
          </div>
          ${a.error ? renderBanner('danger', html`${errorMessage(a.error)} ${msg('What you typed is kept; try again.')}`) : nothing}
          <div class="actions">
            <button type="submit" class="primary" part="button button-primary" ?disabled=${a.busy}>
              ${a.busy ? msg('Saving…') : msg('Save new password')}
            </button>
            <button type="button" part="button" aria-expanded="true" @click=${() => this.#openPassword(false)}>${msg('Cancel')}</button>
          </div>
        `,
      })}
    </form>`;
  }

  #renderPasswordDone(): TemplateResult {
    const so = this.signOut;
    if (!so) return renderBanner('success', msg('Your password was changed.'));
    if (so.result) return renderBanner('success', html`${msg('Your password was changed.')} ${so.result}`);
    return renderBanner(
      so.error ? 'danger' : 'success',
      so.error
        ? errorMessage(so.error)
        : msg('Your password was changed. If someone else might know the old one, sign out your other sessions (other browsers and devices).'),
      html`<button type="button" part="button" ?disabled=${so.busy} @click=${this.#signOutOthers}>
          ${so.busy ? msg('Signing out…') : msg('Sign out other sessions')}
        </button>
        <button type="button" part="button" @click=${() => (this.signOut = undefined)}>${msg('Not now')}</button>`,
    );
  }

  /** Label, light-DOM input and error slotted into a field of the shadow layout. */
  #lightField(slot: string, extra: unknown = nothing): TemplateResult {
    return html`<div class="field" part="field">
      <span class="label" part="label"><slot name="${slot}-label"></slot></span>
      <slot name=${slot}></slot>
      ${extra}
      <span class="hint"><slot name="${slot}-hint"></slot></span>
      <span class="error"><slot name="${slot}-error"></slot></span>
    </div>`;
  }

  // ---- Code word -------------------------------------------------------------------------------

  #toggleCodeWord(): void {
    this.cwShow = !this.cwShow;
    for (const f of [this.#cwWord, this.#cwConfirm]) f.input.type = this.cwShow ? 'text' : 'password';
  }

  async #submitCodeWord(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const security = this.api('security');
    if (!security || this.cwAction.busy) return;
    const word = this.#cwWord.input.value;
    const confirm = this.#cwConfirm.input.value;
    const errors: Record<string, string> = {};
    if ([...word.trim()].length < 3) errors.codeWord = msg('Use at least 3 characters.');
    else if (confirm !== word) errors.codeWordConfirm = msg('The code words do not match.');
    this.cwErrors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      (errors.codeWord ? this.#cwWord : this.#cwConfirm).input.focus();
      return;
    }
    this.cwAction = { busy: true };
    const idempotencyKey = newKey();
    try {
      await this.settings.reauth.run(() => security.setCodeWord(word, { idempotencyKey }));
      this.#cwWord.clear();
      this.#cwConfirm.clear();
      if (this.cwShow) this.#toggleCodeWord();
      this.cwAction = { busy: false };
      this.cwOpen = false;
      this.#announce(msg('The code word is set.'));
      this.emit('acct-saved', { section: 'security.codeWord' });
      this.settings.reload();
    } catch (e) {
      const error = this.#fail('setCodeWord', e);
      this.cwAction = { busy: false, error: error && error.code !== 'validation' ? error : undefined };
      if (!error) return;
      if (error.code === 'validation') {
        const reason = error.fieldErrors?.codeWord ?? error.fieldErrors?.word;
        this.cwErrors = { codeWord: reason ? fieldErrorMessage(reason) : errorMessage(error) };
      } else if (error.code === 'forbidden') {
        // Set elsewhere in the meantime: show the set state.
        this.settings.reload();
      }
      this.#announce(errorMessage(error));
    }
  }

  #requestCodeWordChange(): void {
    const who = this.#viewerValue?.username;
    this.ticketAction = { busy: false };
    this.ticketForm = {
      subject: msg('Change of the code word'),
      body: who
        ? msg(str`Please help me change the code word of account ${who}. I understand that you will verify my identity first.`)
        : msg('Please help me change the code word of my account. I understand that you will verify my identity first.'),
    };
  }

  async #sendTicket(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const tickets = this.api('tickets');
    const form = this.ticketForm;
    if (!tickets || !form || this.ticketAction.busy) return;
    this.ticketAction = { busy: true };
    try {
      const ticket = await this.settings.reauth.run(() => tickets.create({ subject: form.subject, body: form.body }, { idempotencyKey: newKey() }));
      this.ticketForm = undefined;
      this.ticketAction = { busy: false, ticket };
      this.#announce(msg(str`Request ${ticket.id} was sent to support.`));
      this.emit('acct-ticket-created', { section: 'security', ticket });
    } catch (e) {
      this.ticketAction = { busy: false, error: this.#fail('createTicket', e) };
    }
  }

  #renderTicketForm(form: { subject: string; body: string }): TemplateResult {
    const err = this.ticketAction.error;
    return html`<form id="ticket-form" class="subsection" @submit=${this.#sendTicket} novalidate>
      ${renderField({
        id: 'ticket-subject',
        label: msg('Subject'),
        control: html`<input
          id="ticket-subject"
          name="subject"
          part="input"
          .value=${form.subject}
          @input=${(e: Event) => (this.ticketForm = { ...form, subject: (e.target as HTMLInputElement).value })}
        />`,
      })}
      ${renderField({
        id: 'ticket-body',
        label: msg('Message'),
        control: html`<textarea
          id="ticket-body"
          name="body"
          part="input"
          rows="4"
          .value=${form.body}
          @input=${(e: Event) => (this.ticketForm = { ...form, body: (e.target as HTMLTextAreaElement).value })}
        ></textarea>`,
      })}
      ${err ? renderBanner('danger', html`${errorMessage(err)} ${msg('Your message is kept.')}`) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button button-primary" ?disabled=${this.ticketAction.busy || !form.subject.trim() || !form.body.trim()}>
          ${this.ticketAction.busy ? msg('Sending…') : msg('Send to support')}
        </button>
        <button type="button" part="button" @click=${() => (this.ticketForm = undefined)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  #renderCodeWord(d: SecuritySettings): TemplateResult {
    if (d.codeWordSet) {
      this.#cwWord.detach();
      this.#cwConfirm.detach();
      const ticket = this.ticketAction.ticket;
      const ticketsLink = safeUrl(this.context?.links.tickets);
      const ticketUrl = safeUrl(ticket?.url);
      return renderSection({
        heading: msg('Code word'),
        headingId: 'cw-heading',
        body: html`
          <p>${msg('A code word is set. Support asks for it when you call or write. For your security it is never shown, here or anywhere else.')}</p>
          ${ticket
            ? renderBanner(
                'success',
                html`${msg(str`Request ${ticket.id} was sent to support.`)}
                ${ticketUrl ? html`<a href=${ticketUrl} target="_blank" rel="noopener noreferrer">${msg('Open the request')}</a>` : nothing}`,
              )
            : this.ticketForm
              ? this.#renderTicketForm(this.ticketForm)
              : this.api('tickets')
                ? html`<p class="muted">${msg('To change it, ask support: they will verify your identity first.')}</p>
                    <div class="actions">
                      <button type="button" part="button" @click=${this.#requestCodeWordChange}>${msg('Request a change')}</button>
                    </div>`
                : html`<p class="muted">
                    ${msg('To change it, contact support: they will verify your identity first.')}
                    ${ticketsLink ? html`<a href=${ticketsLink}>${msg('Create a ticket')}</a>` : nothing}
                  </p>`}
        `,
      });
    }
    if (!this.cwOpen) {
      this.#cwWord.detach();
      this.#cwConfirm.detach();
      return renderSection({
        heading: msg('Code word'),
        headingId: 'cw-heading',
        body: html`<p>${msg('No code word is set. Support asks for it when you call or write, to make sure it is you.')}</p>
          <p class="muted">${msg('It can be entered only once and is never shown again.')}</p>
          <div class="actions">
            <button id="cw-open" type="button" part="button" aria-expanded="false" @click=${() => this.#openCodeWord(true)}>${msg('Set a code word')}</button>
          </div>`,
      });
    }
    const e = this.cwErrors;
    this.#cwWord.attach(msg('Code word'), e.codeWord ?? '', msg('A word or phrase you will tell support to prove it is you.'));
    this.#cwConfirm.attach(msg('Repeat the code word'), e.codeWordConfirm ?? '');
    const a = this.cwAction;
    return html`<form id="cw-form" @submit=${this.#submitCodeWord} novalidate aria-labelledby="cw-heading">
      ${renderSection({
        heading: msg('Code word'),
        headingId: 'cw-heading',
        body: html`
          ${renderBanner('warning', msg('The code word can be entered only once. It is never shown again, and changing it later takes a request to support.'))}
          ${this.#lightField('cw-word')} ${this.#lightField('cw-confirm')}
          <div class="actions">
            <button type="button" part="button" aria-pressed=${this.cwShow ? 'true' : 'false'} @click=${this.#toggleCodeWord}>${msg('Show code word')}</button>
          </div>
          ${a.error ? renderBanner('danger', html`${errorMessage(a.error)} ${msg('What you typed is kept; try again.')}`) : nothing}
          <div class="actions">
            <button type="submit" class="primary" part="button button-primary" ?disabled=${a.busy}>
              ${a.busy ? msg('Saving…') : msg('Set code word')}
            </button>
            <button type="button" part="button" aria-expanded="true" @click=${() => this.#openCodeWord(false)}>${msg('Cancel')}</button>
          </div>
        `,
      })}
    </form>`;
  }

  // ---- Two-factor ------------------------------------------------------------------------------

  async #startTwoFactor(): Promise<void> {
    const security = this.api('security');
    if (!security || this.tfAction.busy) return;
    this.tfAction = { busy: true };
    this.tfError = '';
    try {
      const enrolment = parseResponse(TwoFactorEnrolment, await this.settings.reauth.run(() => security.startTwoFactor({ idempotencyKey: newKey() })));
      this.tf = { step: 'enrol', secret: enrolment.secret };
      this.tfAction = { busy: false };
      const qr = await qrPath(enrolment.otpauthUri);
      if (this.tf.step === 'enrol' && this.tf.secret === enrolment.secret) this.tf = { ...this.tf, qr };
      await this.updateComplete;
      this.#tfCode.input.focus();
    } catch (e) {
      this.tfAction = { busy: false, error: this.#fail('startTwoFactor', e) };
    }
  }

  async #submitTwoFactor(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const security = this.api('security');
    const step = this.tf.step;
    if (!security || this.tfAction.busy || (step !== 'enrol' && step !== 'disable')) return;
    const code = this.#tfCode.input.value.replace(/\s+/g, '');
    // Disabling also takes a recovery code, which is not six digits.
    if (step === 'enrol' ? !CODE.test(code) : !code) {
      this.tfError = msg('Enter the 6-digit code from your authenticator app.');
      this.#tfCode.input.focus();
      return;
    }
    this.tfError = '';
    this.tfAction = { busy: true };
    try {
      if (step === 'enrol') {
        const result = parseResponse(RecoveryCodes, await this.settings.reauth.run(() => security.confirmTwoFactor(code, { idempotencyKey: newKey() })));
        this.tf = { step: 'codes', codes: result.recoveryCodes };
        this.#announce(msg('Two-factor authentication is on. Save your recovery codes now.'));
      } else {
        await this.settings.reauth.run(() => security.disableTwoFactor(code, { idempotencyKey: newKey() }));
        this.tf = { step: 'idle' };
        this.#announce(msg('Two-factor authentication is off.'));
      }
      this.#tfCode.clear();
      this.tfAction = { busy: false };
      this.emit('acct-saved', { section: 'security.twoFactor', data: { enabled: step === 'enrol' } });
      this.settings.reload();
    } catch (e) {
      const error = this.#fail(step === 'enrol' ? 'confirmTwoFactor' : 'disableTwoFactor', e);
      this.tfAction = { busy: false, error: error && error.code !== 'validation' ? error : undefined };
      if (error?.code === 'validation') {
        this.#tfCode.clear();
        this.tfError = msg('That code is not correct. Codes change every 30 seconds; enter the current one.');
        this.#tfCode.input.focus();
      }
    }
  }

  #cancelTwoFactor(): void {
    this.tf = { step: 'idle' };
    this.tfError = '';
    this.tfAction = { busy: false };
    this.#tfCode.clear();
  }

  async #copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = what;
      this.#announce(msg('Copied.'));
    } catch {
      this.#announce(msg('Copying is not allowed here. Select the text and copy it yourself.'));
    }
  }

  /** A text file made in the page (Blob URL): the codes never travel over the network. */
  #download(codes: string[]): void {
    const header = msg('Recovery codes. Each works once, when you cannot use your authenticator app.');
    const blob = new Blob([`${header}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'recovery-codes.txt';
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  #renderTwoFactor(d: SecuritySettings): TemplateResult {
    const tf = this.tf;
    const a = this.tfAction;
    const needsCode = tf.step === 'enrol' || tf.step === 'disable';
    if (needsCode) this.#tfCode.attach(tf.step === 'enrol' ? msg('6-digit code') : msg('Code from your authenticator app or a recovery code'), this.tfError);
    else this.#tfCode.detach();
    let body: unknown;
    if (tf.step === 'enrol') {
      body = html`<ol class="stack">
          <li>
            <p>${msg('Scan this QR code with an authenticator app (such as Aegis, Google Authenticator or 1Password).')}</p>
            ${tf.qr
              ? html`<svg class="qr" part="qr" viewBox="0 0 ${tf.qr.size} ${tf.qr.size}" role="img" aria-label=${msg('QR code for your authenticator app')}><path d=${tf.qr.d}></path></svg>`
              : html`<p class="muted" aria-busy="true">${msg('Drawing the QR code…')}</p>`}
          </li>
          <li>
            <p>${msg('Or enter this key in the app by hand:')}</p>
            <p><code class="secret">${tf.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code></p>
            <button type="button" part="button" @click=${() => this.#copy(tf.secret, 'secret')}>
              ${this.copied === 'secret' ? msg('Copied') : msg('Copy key')}
            </button>
          </li>
          <li>${msg('Enter the 6-digit code the app shows to finish.')}</li>
        </ol>
        ${this.#lightField('tf-code')}`;
    } else if (tf.step === 'codes') {
      body = html`${renderBanner('warning', msg('Save these recovery codes now: they are shown only once. Each one signs you in once if you lose your phone.'))}
        <ul class="codes" aria-label=${msg('Recovery codes')}>
          ${tf.codes.map((c) => html`<li><code>${c}</code></li>`)}
        </ul>
        <div class="actions">
          <button type="button" part="button" @click=${() => this.#copy(tf.codes.join('\n'), 'codes')}>
            ${this.copied === 'codes' ? msg('Copied') : msg('Copy codes')}
          </button>
          <button type="button" part="button" @click=${() => this.#download(tf.codes)}>${msg('Download codes')}</button>
          <button type="button" class="primary" part="button button-primary" @click=${() => (this.tf = { step: 'idle' })}>
            ${msg('I have saved them')}
          </button>
        </div>`;
    } else if (tf.step === 'disable') {
      body = html`<p>${msg('To turn two-factor authentication off, confirm with a current code.')}</p>
        ${this.#lightField('tf-code')}`;
    } else {
      body = html`<p>
          ${d.twoFactor.enabled
            ? msg('Two-factor authentication is on: signing in needs your password and a code from your authenticator app.')
            : msg('Two-factor authentication is off. Turn it on so that a stolen password alone is not enough to sign in.')}
        </p>
        <div class="actions">
          ${d.twoFactor.enabled
            ? html`<button type="button" part="button" @click=${() => (this.tf = { step: 'disable' })}>${msg('Turn off two-factor authentication')}</button>`
            : html`<button type="button" class="primary" part="button button-primary" ?disabled=${a.busy} @click=${this.#startTwoFactor}>
                ${a.busy ? msg('Starting…') : msg('Turn on two-factor authentication')}
              </button>`}
        </div>`;
    }
    return html`<form id="tf-form" @submit=${this.#submitTwoFactor} novalidate aria-labelledby="tf-heading">
      ${renderSection({
        heading: msg('Two-factor authentication'),
        headingId: 'tf-heading',
        body: html`${body}
        ${a.error ? renderBanner('danger', errorMessage(a.error)) : nothing}
        ${needsCode
          ? html`<div class="actions">
              <button type="submit" class="primary" part="button button-primary" ?disabled=${a.busy}>
                ${tf.step === 'enrol' ? msg('Turn on') : msg('Turn off')}
              </button>
              <button type="button" part="button" @click=${this.#cancelTwoFactor}>${msg('Cancel')}</button>
            </div>`
          : nothing}`,
      })}
    </form>`;
  }

  override render() {
    return html`${renderSettingsView(this.settings, {
      apiName: 'security',
      form: (d) => html`<div class="stack">
        ${this.#renderAccess(d)} ${this.#renderPassword()} ${this.#renderTwoFactor(d)} ${this.#renderCodeWord(d)}
      </div>`,
      describe: (path, value) =>
        path === 'showLastIp'
          ? { label: msg('Display last IP'), value: value ? msg('On') : msg('Off') }
          : path === 'ipRules'
            ? { label: msg('Allowed IP addresses'), value: Array.isArray(value) && value.length ? value.join(', ') : msg('No restriction') }
            : { label: path, value: String(value) },
    })}
    ${this.#confirm.render()}`;
  }
}

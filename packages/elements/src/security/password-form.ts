import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { EmailStatus, parseResponse, passwordMinLength, type AdapterError, type PasswordReason, type PasswordStrength } from '@acct/core';
import { LightInput } from '../base/light-input.js';
import { ActionKey } from '../base/action-key.js';
import { renderBanner, renderSection } from '../ui/field.js';
import { errorMessage } from '../i18n/messages.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { HintedLightInput } from './hinted-input.js';
import { passwordFeedbackMessage, strengthLabel } from './messages.js';
import { adoptFormStyles, fail, keepFocus, lightField, renderCredentialActions, type ActionState, type SecurityFormHost } from './form-host.js';

/** The policy's reasons (@acct/core validatePassword), as the server returns them for `next`. */
const SERVER_REASONS: ReadonlySet<string> = new Set<PasswordReason>(['required', 'too_short', 'too_long', 'common', 'contains_user_input']);

type PasswordModule = typeof import('@acct/core/password');
let passwordModule: Promise<PasswordModule> | undefined;
/** The policy with its blocklist is loaded on first use, not with the form. */
function loadPasswordModule(): Promise<PasswordModule> {
  passwordModule ??= import('@acct/core/password');
  return passwordModule;
}

/**
 * The password change: the form with its strength meter, and afterwards the offer to sign out
 * the other sessions. Loaded when the user first asks to change the password; the element keeps
 * the summary row until then.
 */
export class PasswordForm implements ReactiveController {
  readonly #current: LightInput;
  readonly #next: HintedLightInput;
  readonly #confirm: LightInput;
  /** Tells password managers which account the new password belongs to. */
  readonly #username: HTMLInputElement;
  /** The form opens on request, so credential inputs exist only while the user is changing it. */
  #open = false;
  #show = false;
  #errors: Record<string, string> = {};
  #action: ActionState & { done?: boolean } = { busy: false };
  /** The meter's findings; never the password itself. */
  #strength: PasswordStrength | undefined;
  #signOut: { busy: boolean; result?: string; error?: AdapterError } | undefined;
  /** The account's email, which a new password should not contain. */
  /** The change's key, kept while the fields are unchanged: a retry after a lost answer repeats it. */
  readonly #key = new ActionKey();
  readonly #signOutKey = new ActionKey();
  #email: string | undefined;

  constructor(private readonly host: SecurityFormHost) {
    const el = host.element;
    el.addController(this);
    adoptFormStyles(el.shadowRoot);
    this.#current = new LightInput(el, { slot: 'pw-current', name: 'current', type: 'password', autocomplete: 'current-password' });
    this.#next = new HintedLightInput(el, { slot: 'pw-next', name: 'next', type: 'password', autocomplete: 'new-password' });
    this.#confirm = new LightInput(el, { slot: 'pw-confirm', name: 'confirm', type: 'password', autocomplete: 'new-password' });
    const u = (this.#username = document.createElement('input'));
    u.type = 'text';
    u.name = 'username';
    u.autocomplete = 'username';
    u.hidden = true;
    u.readOnly = true;
    u.tabIndex = -1;
    this.#next.on('input', () => void this.#measure());
    this.#current.on('input', () => this.#clearError('current'));
    this.#confirm.on('input', () => this.#clearError('confirm'));
    for (const f of this.#fields) f.on('input', () => this.#key.reset());
    void this.#loadEmail();
  }

  async #loadEmail(): Promise<void> {
    try {
      const contacts = this.host.api('contacts');
      if (contacts) this.#email = parseResponse(EmailStatus, await contacts.emailStatus({ signal: this.host.leaveSignal })).email;
    } catch {
      // The email only sharpens the password check; without it the check still runs.
    }
  }

  get #fields(): LightInput[] {
    return [this.#current, this.#next, this.#confirm];
  }

  /** Whether the form (rather than the summary row) is on screen. */
  get isOpen(): boolean {
    return this.#open;
  }

  hostDisconnected(): void {
    // Secrets do not outlive the element on the page.
    for (const f of this.#fields) f.clear();
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

  get #minLength(): number {
    const d = this.host.saved;
    return passwordMinLength({ twoFactor: d?.twoFactor.enabled, policy: d?.passwordPolicy });
  }

  get #userInputs(): string[] {
    return [this.host.viewer?.username, this.#email].filter((x): x is string => !!x);
  }

  async #measure(): Promise<void> {
    this.#clearError('next');
    const value = this.#next.input.value;
    if (!value) {
      this.#strength = undefined;
      this.#update();
      return;
    }
    const { estimatePasswordStrength } = await loadPasswordModule();
    // The field may have changed while the policy loaded: measure what is there now.
    const now = this.#next.input.value;
    this.#strength = now ? estimatePasswordStrength(now, { minLength: this.#minLength, userInputs: this.#userInputs }) : undefined;
    this.#update();
  }

  /** Opens or closes the form; focus goes to its first field, or back to the button that opened it. */
  async setOpen(open: boolean): Promise<void> {
    this.#open = open;
    this.#errors = {};
    this.#strength = undefined;
    if (open) {
      this.#action = { busy: false };
      this.#signOut = undefined;
      // Start fetching the policy now, so the first keystroke is measured without a wait.
      void loadPasswordModule().catch(() => undefined);
    } else {
      this.#close();
    }
    this.#update();
    await keepFocus(this.host, open ? () => this.#current.input : 'pw-open');
  }

  #close(): void {
    this.#open = false;
    for (const f of this.#fields) f.detach();
    this.#username.remove();
  }

  #togglePasswords(): void {
    this.#show = !this.#show;
    for (const f of this.#fields) f.input.type = this.#show ? 'text' : 'password';
    this.#update();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.host;
    const security = host.api('security');
    if (!security || this.#action.busy) return;
    const current = this.#current.input.value;
    const next = this.#next.input.value;
    const confirm = this.#confirm.input.value;
    const minLength = this.#minLength;
    const { validatePassword } = await loadPasswordModule();
    const errors: Record<string, string> = {};
    if (!current) errors.current = msg('Enter your current password.');
    const verdict = validatePassword(next, { minLength, userInputs: this.#userInputs });
    if (!verdict.ok) errors.next = passwordFeedbackMessage(verdict.reason, minLength);
    else if (confirm !== next) errors.confirm = msg('The passwords do not match.');
    this.#errors = errors;
    this.#signOut = undefined;
    if (Object.keys(errors).length) {
      this.#action = { busy: false };
      this.#update();
      await keepFocus(host, () => ({ current: this.#current, next: this.#next, confirm: this.#confirm })[Object.keys(errors)[0] as 'current']?.input);
      return;
    }
    this.#action = { busy: true };
    host.announce(msg('Changing the password…'));
    const idempotencyKey = this.#key.key();
    const signal = host.leaveSignal;
    try {
      // Sent exactly as typed: no trimming, no normalisation.
      await host.run(() => security.changePassword({ current, next }, { signal, idempotencyKey }));
      for (const f of this.#fields) f.clear();
      this.#key.reset();
      if (this.#show) this.#togglePasswords();
      this.#strength = undefined;
      this.#action = { busy: false, done: true };
      this.#close();
      this.#signOut = host.api('sessions') ? { busy: false } : undefined;
      host.announce(msg('Your password was changed.'));
      host.emit('acct-saved', { section: 'security.password' });
      // The form is gone: the card's heading, followed by the result and the sign-out offer.
      void keepFocus(host, 'pw-heading', true);
    } catch (e) {
      const error = fail(host, 'changePassword', e);
      this.#action = { busy: false, error: error && error.code !== 'validation' ? error : undefined };
      // "Changing…" is over. An error is said once, not also here: a banner's is an alert, and a
      // field's is read as its description when focus goes to it.
      host.announce('');
      if (!error) return;
      if (error.code === 'validation') {
        const fe = error.fieldErrors ?? {};
        const mapped: Record<string, string> = {};
        if (fe.current) {
          mapped.current = fe.current === 'wrong_password' ? msg('That is not your current password.') : fieldErrorMessage(fe.current);
          this.#current.clear();
        }
        // The server checks the same policy and answers its reason: worded as the form words it.
        if (fe.next) mapped.next = SERVER_REASONS.has(fe.next) ? passwordFeedbackMessage(fe.next as PasswordReason, minLength) : fieldErrorMessage(fe.next);
        if (!Object.keys(mapped).length) mapped.next = errorMessage(error);
        this.#errors = mapped;
        await keepFocus(host, () => (mapped.current ? this.#current : this.#next).input, true);
      } else {
        // Save was disabled while it ran: back on it, to try again.
        await keepFocus(host, () => this.host.element.shadowRoot?.querySelector<HTMLElement>('#pw-form [type=submit]'), true);
      }
    }
  }

  async #signOutOthers(): Promise<void> {
    const host = this.host;
    const sessions = host.api('sessions');
    if (!sessions || this.#signOut?.busy) return;
    this.#signOut = { busy: true };
    this.#update();
    const signal = host.leaveSignal;
    try {
      const list = await sessions.list({ signal });
      const others = list.filter((x) => !x.current);
      for (const other of others) await host.run(() => sessions.revoke(other.id, { signal, idempotencyKey: `${this.#signOutKey.key()}:${other.id}` }));
      this.#signOutKey.reset();
      const result = others.length ? msg(str`Signed out of ${others.length} other sessions.`) : msg('There were no other sessions.');
      this.#signOut = { busy: false, result };
      host.announce(result);
      host.emit('acct-saved', { section: 'security.sessions' });
      // Its buttons made way for the result.
      void keepFocus(host, 'pw-heading', true);
    } catch (e) {
      const error = fail(host, 'revokeSessions', e);
      this.#signOut = { busy: false, error };
      this.#update();
      // The error banner is an alert; focus back on its button, enabled again.
      if (error) void keepFocus(host, 'pw-sign-out', true);
    }
  }

  #dismissSignOut(): void {
    this.#signOut = undefined;
    this.#update();
    void keepFocus(this.host, 'pw-open');
  }

  #renderStrength(): TemplateResult | typeof nothing {
    const s = this.#strength;
    if (!s) return nothing;
    return html`<div class="strength">
      <meter min="0" max="4" low="2" high="3" optimum="4" .value=${s.score} aria-label=${msg('Password strength')}></meter>
    </div>`;
  }

  /** The meter in words, as the new-password input's description (light DOM, same tree). */
  #strengthWords(): string {
    const s = this.#strength;
    const min = this.#minLength;
    if (!s) return msg(str`At least ${min} characters. Any characters, spaces and emoji are fine; no other rules.`);
    const findings = s.feedback.filter((f) => f !== 'too_short').map((f) => passwordFeedbackMessage(f, min));
    return [msg(str`Strength: ${strengthLabel(s)}.`), msg(str`${s.length} of at least ${min} characters.`), ...findings].join(' ');
  }

  /** What the summary row says after a change (with the sign-out offer), or undefined before one. */
  renderDone(): TemplateResult | undefined {
    if (!this.#action.done) return undefined;
    const so = this.#signOut;
    // The live region says the change (and the sign-out's result): the banners are plain content.
    if (!so) return renderBanner('success', msg('Your password was changed.'), undefined, true);
    if (so.result) return renderBanner('success', html`${msg('Your password was changed.')} ${so.result}`, undefined, true);
    return renderBanner(
      so.error ? 'danger' : 'success',
      so.error
        ? errorMessage(so.error)
        : msg('Your password was changed. If someone else might know the old one, sign out your other sessions (other browsers and devices).'),
      html`<button id="pw-sign-out" type="button" part="button" ?disabled=${so.busy} @click=${() => this.#signOutOthers()}>
          ${so.busy ? msg('Signing out…') : msg('Sign out other sessions')}
        </button>
        <button type="button" part="button" @click=${() => this.#dismissSignOut()}>${msg('Not now')}</button>`,
      !so.error,
    );
  }

  /** The open form (call only while `isOpen`). */
  render(): TemplateResult {
    const a = this.#action;
    const e = this.#errors;
    const el = this.host.element;
    this.#username.value = this.host.viewer?.username ?? '';
    if (this.#username.parentNode !== el) el.append(this.#username);
    this.#current.attach(msg('Current password'), e.current ?? '');
    this.#next.attach(msg('New password'), e.next ?? '', this.#strengthWords());
    this.#confirm.attach(msg('Repeat the new password'), e.confirm ?? '');
    return html`<form id="pw-form" @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate aria-labelledby="pw-heading">
      ${renderSection({
        heading: msg('Password'),
        headingId: 'pw-heading',
        body: html`
          ${lightField('pw-current')} ${lightField('pw-next', this.#renderStrength())} ${lightField('pw-confirm')}
          <div class="actions">
            <button type="button" part="button" aria-pressed=${this.#show ? 'true' : 'false'} @click=${() => this.#togglePasswords()}>
              ${msg('Show passwords')}
            </button>
          </div>
          ${renderCredentialActions({ error: a.error, busy: a.busy, saveLabel: msg('Save new password'), onCancel: () => void this.setOpen(false) })}
        `,
      })}
    </form>`;
  }
}

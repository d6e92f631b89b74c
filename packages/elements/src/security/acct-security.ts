import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import { formatDateTime, parseResponse, safeUrl, SecuritySettings, Viewer, type ParsedIpRules } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { LazyActions } from '../base/lazy-actions.js';
import { deepEqual } from '../base/paths.js';
import type { ConfirmController } from '../ui/confirm.js';
import { renderSection } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import type { SecurityFormHost } from './form-host.js';
import type { CodeWordForm, PasswordForm, TwoFactorForm } from './forms.js';
import { securityStyles } from './acct-security.styles.js';
import messages from '../i18n/generated/parts/security.js';

type IpModule = typeof import('./ip-view.js');
let ipModule: Promise<IpModule> | undefined;
let ipLoaded: IpModule | undefined;
/**
 * The IP parser with ipaddr.js (~5 KB gzip) and the view of its findings come as a lazy chunk,
 * loaded when the element connects; the card and its textarea paint without it.
 */
function loadIpModule(): Promise<IpModule> {
  ipModule ??= import('./ip-view.js').then((m) => (ipLoaded = m));
  return ipModule;
}

/** Longer lists are checked in slices between which the page stays responsive (issue 10). */
const LONG_LIST = 2000;

function isLong(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++n >= LONG_LIST) return true;
  return false;
}

type Forms = typeof import('./forms.js');
/** A button of a summary row that opens a form from the lazy chunk. */
type FormKey = 'pw' | 'cw' | 'ticket' | 'tf-on' | 'tf-off';

/**
 * How long typing must pause before new problems in the list are shown. Findings appear after a
 * pause, on leaving the field or on Save, not on every keystroke: a half-typed address is not an
 * error yet, and the list below the field does not jump while the user types (issue 10). Once a
 * problem is on screen, the findings follow every keystroke, so a fix shows at once.
 */
const TYPING_PAUSE = 500;

/**
 * One character typed or deleted, as opposed to a paste, a drop, autocomplete, a dictation result
 * or a script setting the whole value: those are complete edits and are checked at once.
 */
function isKeystroke(e: Event): boolean {
  if (!(e instanceof InputEvent)) return false;
  const type = e.inputType;
  return (type === 'insertText' && (e.data?.length ?? 0) <= 1) || type === 'insertLineBreak' || type.startsWith('delete');
}

/** Lines the list stores: trimmed, blank lines dropped, comments kept for the next reader. */
function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Account security: password change, the write-once code word, billing IP restrictions with a
 * lockout guard, "display last IP" with the last sign-in, and TOTP two-factor authentication.
 * The IP list and the last-IP switch are settings (Save); the password, code word and two-factor
 * are separate actions with their own forms. Credential inputs live in the light DOM, so password
 * managers fill and save them; no secret is kept in element state or sent in an event. The forms
 * come as a lazy chunk (`forms.ts`) when the user first opens one; the summary rows do not wait.
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
    validate: (d): Record<string, string> => {
      const parsed = this.#parseNow(this.#ipTextFor(d));
      return parsed && ipLoaded ? ipLoaded.listErrors(parsed) : {};
    },
  });

  /** The question before saving a list that locks the user out; from the IP chunk, on first need. */
  #confirm: ConfirmController | undefined;

  /** Who is signed in and from where. Optional. (The password form asks for the email itself.) */
  readonly #viewer = new Load(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_args, { signal }) => {
      const viewer = this.api('viewer');
      return viewer ? parseResponse(Viewer, await viewer.get({ signal })) : undefined;
    },
  });

  // ---- IP list -----------------------------------------------------------------------------
  /** What the user typed, kept as typed while it means the same list as the draft. */
  #ipText: string | undefined;
  #parsed: { text: string; result: ParsedIpRules } | undefined;
  /** A long list being checked in slices; Save waits for it. */
  #checking: { text: string; abort: AbortController; done: Promise<void> } | undefined;
  #ipViewCache: { text: string; ip: string | undefined; view: string } | undefined;
  #ipTextMemo: { typed: string | undefined; rules: string[]; text: string } | undefined;
  #lockoutMemo: { text: string; ip: string | undefined; loaded: boolean; result: { ip?: string } | undefined } | undefined;
  /** While the user types into a list with no problem on screen: the text whose findings stay shown. */
  #held: { text: string; typed: string } | undefined;
  #pause: ReturnType<typeof setTimeout> | undefined;

  // ---- Forms -------------------------------------------------------------------------------
  /**
   * @internal Test-only: how the forms chunk is fetched, replaced by tests to simulate a failed
   * fetch. Not a public API.
   */
  static formsLoader: () => Promise<Forms> = () => import('./forms.js');
  /** @internal The forms behind the summary rows' buttons, loaded on first intent. */
  readonly forms = new LazyActions<Forms>(this, () => (this.constructor as typeof AcctSecurity).formsLoader());
  /** The button pressed last: a form whose chunk arrives after another was asked for stays shut. */
  #opening: FormKey | undefined;
  #pw: PasswordForm | undefined;
  #cw: CodeWordForm | undefined;
  #tf: TwoFactorForm | undefined;
  #formHost: SecurityFormHost | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!ipLoaded) void loadIpModule().then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#pause);
    this.#held = undefined;
  }

  get #viewerValue() {
    return this.#viewer.value;
  }

  #announce(text: string): void {
    this.settings.announcement = text;
    this.requestUpdate();
  }

  // ---- IP restrictions -----------------------------------------------------------------------

  /**
   * Undefined until the parser chunk has arrived (a few milliseconds after connecting), and while
   * a long list is being checked in slices (it re-renders when done).
   */
  #parse(text: string): ParsedIpRules | undefined {
    if (!ipLoaded) return undefined;
    if (this.#parsed?.text === text) return this.#parsed.result;
    if (isLong(text)) {
      this.#check(ipLoaded, text);
      return undefined;
    }
    this.#parsed = { text, result: ipLoaded.parseIpRules(text) };
    return this.#parsed.result;
  }

  /** The result now, parsing at once if the sliced check has not finished (Save never guesses). */
  #parseNow(text: string): ParsedIpRules | undefined {
    return this.#parse(text) ?? (ipLoaded && (this.#parsed = { text, result: ipLoaded.parseIpRules(text) }).result);
  }

  #check(ip: IpModule, text: string): void {
    if (this.#checking?.text === text) return;
    this.#checking?.abort.abort();
    const abort = new AbortController();
    const done = ip.parseIpRulesInSlices(text, { signal: abort.signal }).then(
      (result) => {
        if (this.#checking?.abort !== abort) return;
        this.#parsed = { text, result };
        this.#checking = undefined;
        // What was worked out while the check ran assumed no result yet.
        this.#ipViewCache = this.#lockoutMemo = undefined;
        this.requestUpdate();
      },
      () => undefined, // Superseded by a newer text.
    );
    this.#checking = { text, abort, done };
    this.requestUpdate();
  }

  #ipTextFor(d: SecuritySettings): string {
    // Asked several times per render: remember the answer for this text and this list.
    const memo = this.#ipTextMemo;
    if (memo && memo.typed === this.#ipText && memo.rules === d.ipRules) return memo.text;
    const text = this.#ipText !== undefined && deepEqual(linesOf(this.#ipText), d.ipRules) ? this.#ipText : d.ipRules.join('\n');
    this.#ipTextMemo = { typed: this.#ipText, rules: d.ipRules, text };
    return text;
  }

  #editIpText(text: string, keystroke = false): void {
    const d = this.settings.draft;
    const shown = d ? this.#shownText(this.#ipTextFor(d)) : '';
    const before = d ? this.#ipView(shown) : '';
    this.#ipText = text;
    if (keystroke && d && !this.#parse(shown)?.errors.length) {
      // Nothing wrong on screen: keep showing what was shown until the user pauses.
      this.#held = { text: shown, typed: text };
      clearTimeout(this.#pause);
      this.#pause = setTimeout(() => this.#showFindings(), TYPING_PAUSE);
      this.settings.input('ipRules', linesOf(text), () => false);
      return;
    }
    this.#showFindings(false);
    this.settings.input('ipRules', linesOf(text), () => this.#ipView(text) !== before);
  }

  /** The text whose findings are on screen: the one before the keystrokes still held, else `text`. */
  #shownText(text: string): string {
    // A draft replaced meanwhile (Discard, a conflict resolved) ends the hold.
    return this.#held?.typed === text ? this.#held.text : text;
  }

  /** Ends a hold (a pause in typing, the field left, Save); renders when it was on. */
  #showFindings(render = true): void {
    clearTimeout(this.#pause);
    if (!this.#held) return;
    this.#held = undefined;
    if (render) this.requestUpdate();
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
    const view = parsed && ipLoaded ? ipLoaded.ipViewKey(text, parsed, this.#lockoutFor(text)) : this.#checking ? '…' : '';
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
    return parsed && ipLoaded?.findLockout(parsed, this.#viewerValue?.currentIp);
  }

  async #submitSettings(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const s = this.settings;
    this.#showFindings();
    await loadIpModule();
    // A long list still being checked: Save is disabled meanwhile, but Enter or a script may get here.
    while (this.#checking) await this.#checking.done;
    const d = s.draft;
    if (!d || !s.canSave) return;
    const lockout = !deepEqual(d.ipRules, s.saved?.ipRules) ? this.#locksOut(d) : undefined;
    if (lockout && ipLoaded && !(await (this.#confirm ??= new ipLoaded.ConfirmController(this)).ask(ipLoaded.lockoutQuestion(lockout)))) return;
    await s.save();
  }

  #renderAccess(d: SecuritySettings): TemplateResult {
    const s = this.settings;
    const text = this.#ipTextFor(d);
    // What the findings below the field are about (the text before a run of keystrokes, until a pause).
    const shown = this.#shownText(text);
    const parsed = this.#parse(shown);
    const errors = parsed?.errors ?? [];
    const bad = errors.some((e) => !ipLoaded?.isIpRuleWarning(e.reason));
    const serverError = s.fieldError('ipRules');
    const lockout = this.#lockoutFor(shown);
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
              @input=${(e: Event) => this.#editIpText((e.target as HTMLTextAreaElement).value, isKeystroke(e))}
              @change=${() => this.#showFindings()}
            ></textarea>
            <div class="hint" id="ipRules-hint" part="hint">
              ${msg('One entry per line: an address (203.0.113.7, 2001:db8::1), a network (203.0.113.0/24) or a range (203.0.113.10-203.0.113.20). Lines starting with # are comments.')}
              ${parsed?.rules.length === 0 && !bad ? html`<strong>${msg('The list is empty: there is no restriction, billing is open from any address.')}</strong>` : nothing}
            </div>
            <span id="ipRules-status" class="muted" role="status">${this.#checking ? msg('Checking the list…') : nothing}</span>
            ${parsed && ipLoaded ? ipLoaded.renderIpLines(shown, errors) : nothing}
            ${serverError ? html`<div class="error" id="ipRules-error" part="error">${serverError}</div>` : nothing}
          </div>
          ${lockout && ipLoaded
            ? ipLoaded.renderLockout(lockout, () => this.#addCurrentIp())
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
            <button type="submit" class="primary" part="button button-primary" ?disabled=${!s.canSave || !!this.#checking}>
              ${s.saving ? msg('Saving…') : msg('Save')}
            </button>
            <button type="button" part="button" ?disabled=${!s.dirty || s.saving} @click=${() => s.discard()}>${msg('Discard changes')}</button>
          </div>
        `,
      })}
    </form>`;
  }

  // ---- Forms (lazy chunk) ------------------------------------------------------------------------

  /** What the forms may use of the element, without widening its public API. */
  #host(): SecurityFormHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const el = this;
    return (this.#formHost ??= {
      element: el,
      api: (name) => el.api(name),
      run: (operation) => el.settings.reauth.run(operation),
      reload: () => el.settings.reload(),
      announce: (text) => el.#announce(text),
      emit: (name, detail) => el.emit(name, detail),
      get viewer() {
        return el.#viewerValue;
      },
      get saved() {
        return el.settings.saved;
      },
    });
  }

  /** Loads the forms (usually already prefetched on pointer or focus) and opens the one asked for. */
  async #openForm(key: FormKey): Promise<void> {
    this.#opening = key;
    // Busy while the chunk loads; a failure shows beside the button, and its Retry opens the form.
    const m = await this.forms.run(key, (f) => f, () => this.#openForm(key));
    if (!m || this.#opening !== key) return;
    this.#opening = undefined;
    const host = this.#host();
    if (key === 'pw') await (this.#pw ??= new m.PasswordForm(host)).setOpen(true);
    else if (key === 'cw') await (this.#cw ??= new m.CodeWordForm(host)).setOpen(true);
    else if (key === 'ticket') (this.#cw ??= new m.CodeWordForm(host)).requestChange();
    else if (key === 'tf-on') await (this.#tf ??= new m.TwoFactorForm(host)).start();
    else (this.#tf ??= new m.TwoFactorForm(host)).disable();
  }

  /** A summary row's button; busy while its form's chunk loads, with the error and a retry if it failed. */
  #opener(key: FormKey, label: string, o: { id?: string; expands?: boolean; primary?: boolean; disabled?: boolean } = {}): TemplateResult {
    const loading = this.forms.loading(key);
    return html`<button
        id=${o.id ?? nothing}
        type="button"
        class=${o.primary ? 'primary' : nothing}
        part=${o.primary ? 'button button-primary' : 'button'}
        aria-expanded=${o.expands ? 'false' : nothing}
        aria-busy=${loading ? 'true' : nothing}
        aria-disabled=${loading ? 'true' : nothing}
        ?disabled=${o.disabled}
        @click=${() => this.#openForm(key)}
      >
        ${label}
      </button>
      ${loading ? html`<span class="muted">${msg('Loading…')}</span>` : nothing}
      ${this.forms.renderFailure(key)}`;
  }

  #renderPassword(): TemplateResult {
    const pw = this.#pw;
    if (pw?.isOpen) return pw.render();
    return renderSection({
      heading: msg('Password'),
      headingId: 'pw-heading',
      body: html`${pw?.renderDone() ?? html`<p class="muted">${msg('Use a long password that you do not use anywhere else.')}</p>`}
        <div class="actions">${this.#opener('pw', msg('Change password'), { id: 'pw-open', expands: true })}</div>`,
    });
  }

  #renderCodeWord(d: SecuritySettings): TemplateResult {
    const cw = this.#cw;
    if (d.codeWordSet) {
      const ticketsLink = safeUrl(this.context?.links.tickets);
      return renderSection({
        heading: msg('Code word'),
        headingId: 'cw-heading',
        body: html`
          <p>${msg('A code word is set. Support asks for it when you call or write. For your security it is never shown, here or anywhere else.')}</p>
          ${cw?.renderRequest() ??
          (this.api('tickets')
            ? html`<p class="muted">${msg('To change it, ask support: they will verify your identity first.')}</p>
                <div class="actions">${this.#opener('ticket', msg('Request a change'))}</div>`
            : html`<p class="muted">
                ${msg('To change it, contact support: they will verify your identity first.')}
                ${ticketsLink ? html`<a href=${ticketsLink}>${msg('Create a ticket')}</a>` : nothing}
              </p>`)}
        `,
      });
    }
    if (cw?.isOpen) return cw.render();
    return renderSection({
      heading: msg('Code word'),
      headingId: 'cw-heading',
      body: html`<p>${msg('No code word is set. Support asks for it when you call or write, to make sure it is you.')}</p>
        <p class="muted">${msg('It can be entered only once and is never shown again.')}</p>
        <div class="actions">${this.#opener('cw', msg('Set a code word'), { id: 'cw-open', expands: true })}</div>`,
    });
  }

  #renderTwoFactor(d: SecuritySettings): TemplateResult {
    const tf = this.#tf;
    const on = d.twoFactor.enabled;
    const idle = html`<p>
        ${on
          ? msg('Two-factor authentication is on: signing in needs your password and a code from your authenticator app.')
          : msg('Two-factor authentication is off. Turn it on so that a stolen password alone is not enough to sign in.')}
      </p>
      <div class="actions">
        ${on
          ? this.#opener('tf-off', msg('Turn off two-factor authentication'))
          : this.#opener('tf-on', tf?.busy ? msg('Starting…') : msg('Turn on two-factor authentication'), { primary: true, disabled: tf?.busy })}
      </div>`;
    return html`<form id="tf-form" @submit=${(e: SubmitEvent) => (tf ? tf.submit(e) : e.preventDefault())} novalidate aria-labelledby="tf-heading">
      ${renderSection({ heading: msg('Two-factor authentication'), headingId: 'tf-heading', body: tf ? tf.render(idle) : idle })}
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
    ${this.#confirm?.render() ?? nothing}`;
  }
}

import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import { formatDateTime, safeUrl, type SecuritySettings } from '@acct/core';
import { lazyModule, parseLazy } from '../base/chunk.js';
import { AcctElement } from '../base/acct-element.js';
import { SettingsController } from '../base/settings-controller.js';
import { LazyActions } from '../base/lazy-actions.js';
import { deepEqual } from '../base/paths.js';
import { renderSection } from '../ui/field.js';
import { renderSettingsView } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import type { SecurityFormHost } from './form-host.js';
import type { IpListEditor } from './ip-view.js';
import type { CodeWordForm, PasswordForm, TwoFactorForm } from './forms.js';
import { securityStyles } from './acct-security.styles.js';
import messages from '../i18n/generated/parts/security.js';

const schemas = lazyModule(() => import('./schemas.js'));

type IpModule = typeof import('./ip-view.js');
let ipModule: Promise<IpModule> | undefined;
let ipLoaded: IpModule | undefined;
/**
 * The IP parser with ipaddr.js (~5 KB gzip), the list's editing and the view of its findings come
 * as a lazy chunk, loaded when the element connects; the card and its textarea paint without it.
 */
function loadIpModule(): Promise<IpModule> {
  ipModule ??= import('./ip-view.js').then((m) => (ipLoaded = m));
  return ipModule;
}

type Forms = typeof import('./forms.js');
/** A button of a summary row that opens a form from the lazy chunk. */
type FormKey = 'pw' | 'cw' | 'ticket' | 'tf-on' | 'tf-off';

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
    schemas,
    validate: (d) => this.#editor?.errors(d) ?? {},
  });

  /** Who is signed in and from where. Optional. (The password form asks for the email itself.) */
  readonly #viewer = new Load(this, {
    args: () => [this.resolvedAdapter] as [unknown],
    task: async (_args, { signal }) => {
      const viewer = this.api('viewer');
      return viewer ? parseLazy(viewer.get({ signal }), schemas, (m) => m.Viewer) : undefined;
    },
  });

  // ---- IP list -----------------------------------------------------------------------------
  /** What the user typed, kept as typed while it means the same list as the draft. */
  #ipText: string | undefined;
  #ipTextMemo: { typed: string | undefined; rules: string[]; text: string } | undefined;
  /** The list's checking, created by `#editor` once the IP chunk is in. */
  #ip: IpListEditor | undefined;

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

  get #viewerValue() {
    return this.#viewer.value;
  }

  #announce(text: string): void {
    this.settings.announcement = text;
    this.requestUpdate();
  }

  // ---- IP restrictions -----------------------------------------------------------------------

  /**
   * The list's checking and findings: undefined until the IP chunk has arrived (a few milliseconds
   * after connecting), which then renders again.
   */
  get #editor(): IpListEditor | undefined {
    return (this.#ip ??=
      ipLoaded &&
      new ipLoaded.IpListEditor({
        element: this,
        settings: this.settings,
        currentIp: () => this.#viewerValue?.currentIp,
        text: (d) => this.#ipTextFor(d),
        edit: (text) => this.#editIpText(text),
        announce: (text) => this.#announce(text),
      }));
  }

  #ipTextFor(d: SecuritySettings): string {
    // Asked several times per render: remember the answer for this text and this list.
    const memo = this.#ipTextMemo;
    if (memo && memo.typed === this.#ipText && memo.rules === d.ipRules) return memo.text;
    const text = this.#ipText !== undefined && deepEqual(linesOf(this.#ipText), d.ipRules) ? this.#ipText : d.ipRules.join('\n');
    this.#ipTextMemo = { typed: this.#ipText, rules: d.ipRules, text };
    return text;
  }

  /** A new text in the field: typed (`e`, the input event), pasted, or with the current IP added. */
  #editIpText(text: string, e?: Event): void {
    // Before the IP chunk arrives, the text and the draft are kept all the same (rendering only
    // when Save turns on or off); the findings come with the chunk.
    const shows = this.#editor?.beforeEdit(text, e);
    this.#ipText = text;
    this.settings.input('ipRules', linesOf(text), shows);
  }

  async #submitSettings(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // The IP chunk is fetched on connect, so Save rarely waits for it.
    await loadIpModule();
    if (await this.#editor?.confirmSave()) await this.settings.save();
  }

  #renderAccess(d: SecuritySettings): TemplateResult {
    const s = this.settings;
    const text = this.#ipTextFor(d);
    // None until the IP chunk is in.
    const f = this.#editor?.findings(text);
    const serverError = s.fieldError('ipRules');
    const viewer = this.#viewerValue;
    const current = f?.current ?? viewer?.currentIp;
    const describedBy = ['ipRules-hint', f?.listed ? 'ipRules-lines' : '', serverError ? 'ipRules-error' : ''].filter(Boolean).join(' ');
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
              aria-invalid=${f?.bad || serverError ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${live(text)}
              @input=${(e: Event) => this.#editIpText((e.target as HTMLTextAreaElement).value, e)}
              @change=${() => this.#editor?.showFindings()}
            ></textarea>
            <div class="hint" id="ipRules-hint" part="hint">
              ${msg('One entry per line: an address (203.0.113.7, 2001:db8::1), a network (203.0.113.0/24) or a range (203.0.113.10-203.0.113.20). Lines starting with # are comments.')}
              ${f?.empty ? html`<strong>${msg('The list is empty: there is no restriction, billing is open from any address.')}</strong>` : nothing}
            </div>
            <span id="ipRules-status" class="muted" role="status">${f?.checking ? msg('Checking the list…') : nothing}</span>
            ${f?.lines ?? nothing}
            ${serverError ? html`<div class="error" id="ipRules-error" part="error">${serverError}</div>` : nothing}
          </div>
          ${f?.lockout ?? (current ? html`<p class="muted">${msg(str`Your current IP address: ${current}.`)}</p>` : nothing)}
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
            <button type="submit" class="primary" part="button button-primary" ?disabled=${!s.canSave || !!f?.checking}>
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
  #host(m: Forms): SecurityFormHost {
    if (this.#formHost) return this.#formHost;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const el = this;
    const leave = new m.LeaveSignal(el);
    return (this.#formHost = {
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
      get leaveSignal() {
        return leave.signal;
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
    const host = this.#host(m);
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
                <div class="actions">${this.#opener('ticket', msg('Request a change'), { id: 'cw-ticket' })}</div>`
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
          ? this.#opener('tf-off', msg('Turn off two-factor authentication'), { id: 'tf-off' })
          : this.#opener('tf-on', tf?.busy ? msg('Starting…') : msg('Turn on two-factor authentication'), { id: 'tf-on', primary: true, disabled: tf?.busy })}
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
    ${this.#ip?.renderDialog() ?? nothing}`;
  }
}

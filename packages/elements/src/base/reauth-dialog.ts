import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { adoptOnce } from '../ui/adopt.js';
import { dialogStyles } from '../ui/dialog-styles.js';
import { linkButtonStyles } from '../ui/link-button-styles.js';
import { toAdapterError, type ReauthInput } from '@acct/core';
import type { AcctElement } from './acct-element.js';
import { LightInput } from './light-input.js';
import { ReauthCancelled } from './reauth.js';
import { errorMessage } from '../i18n/messages.js';
import { focusedElement } from '../ui/focused.js';

let counter = 0;

/**
 * The re-authentication dialog: asks for the password (or a two-factor code), calls
 * `viewer.reauthenticate`, and resolves `ask()` once it succeeds. The secret is cleared from the
 * input afterwards. Loaded by ReauthController the first time a server asks for it.
 */
export class ReauthDialog {
  #mode: 'password' | 'code' = 'password';
  #error = '';
  #busy = false;
  #field: LightInput | undefined;
  #pending: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  /** What had focus when the dialog opened (often Save, disabled while its request runs). */
  #opener: HTMLElement | undefined;
  readonly #id = `acct-reauth-${++counter}`;

  constructor(private readonly host: AcctElement) {
    adoptOnce(host.shadowRoot, dialogStyles);
    adoptOnce(host.shadowRoot, linkButtonStyles);
  }

  cancel(): void {
    this.#finish(new ReauthCancelled());
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.getElementById(this.#id) as HTMLDialogElement | null;
  }

  async ask(opener: HTMLElement | null): Promise<void> {
    this.#field ??= new LightInput(this.host, { slot: this.#id, name: 'password', type: 'password', autocomplete: 'current-password' });
    this.#error = '';
    this.#opener = opener ?? undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#dialog?.showModal();
    this.#field.input.focus();
    return new Promise<void>((resolve, reject) => (this.#pending = { resolve, reject }));
  }

  #finish(result?: unknown): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#field?.clear();
    if (this.#dialog?.open) this.#dialog.close();
    if (!pending) return;
    if (result === undefined) pending.resolve();
    else pending.reject(result);
    void this.#restoreFocus();
  }

  /**
   * Back to what had focus, once the operation has settled and rendered (a disabled Save is
   * enabled again), unless the user or the element has put focus somewhere already.
   */
  async #restoreFocus(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    await this.host.updateComplete;
    // A button drawn again by another template is found by its id.
    let opener = this.#opener;
    if (opener && !opener.isConnected && opener.id) opener = this.host.shadowRoot?.getElementById(opener.id) ?? undefined;
    // Focus may still sit in the closed dialog (its Cancel button, its light-DOM input), hidden now
    // and on its way to <body>: that counts as lost. Focus the user put elsewhere stays.
    if (opener?.isConnected && !focusedElement()) opener.focus();
  }

  // Arrow functions: lit calls template listeners with the host element as `this`.
  #switchMode = (): void => {
    this.#mode = this.#mode === 'password' ? 'code' : 'password';
    this.#field?.clear();
    this.#field?.configure(
      this.#mode === 'password'
        ? { name: 'password', type: 'password', autocomplete: 'current-password' }
        : { name: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' },
    );
    this.#error = '';
    this.host.requestUpdate();
    this.#field?.input.focus();
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const viewer = this.host.resolvedAdapter?.viewer;
    const value = this.#field?.input.value ?? '';
    if (!viewer || this.#busy) return;
    if (!value) {
      this.#error = this.#mode === 'password' ? msg('Enter your password.') : msg('Enter the code.');
      this.host.requestUpdate();
      this.#field?.input.focus();
      return;
    }
    const input: ReauthInput = this.#mode === 'password' ? { password: value } : { code: value };
    this.#busy = true;
    this.host.requestUpdate();
    try {
      await viewer.reauthenticate(input);
      this.#finish();
    } catch (e) {
      const error = toAdapterError(e);
      this.#field?.clear();
      this.#error =
        error.code === 'validation' || error.code === 'unauthenticated' || error.code === 'forbidden'
          ? this.#mode === 'password'
            ? msg('That password is not correct.')
            : msg('That code is not correct.')
          : errorMessage(error);
      this.#field?.input.focus();
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  };

  render(): TemplateResult | typeof nothing {
    if (!this.#field) return nothing;
    this.#field.attach(this.#mode === 'password' ? msg('Password') : msg('Two-factor code'), this.#error);
    return html`<dialog
      id=${this.#id}
      part="dialog"
      aria-labelledby="${this.#id}-heading"
      @cancel=${() => this.#finish(new ReauthCancelled())}
    >
      <form @submit=${this.#submit}>
        <h2 id="${this.#id}-heading">${msg('Confirm it is you')}</h2>
        <p>
          ${this.#mode === 'password'
            ? msg('For your security, enter your password to continue.')
            : msg('For your security, enter a code from your authenticator app to continue.')}
        </p>
        <div class="field" part="field">
          <span class="label" part="label"><slot name="${this.#id}-label"></slot></span>
          <slot name=${this.#id}></slot>
          <span class="error" role="alert"><slot name="${this.#id}-error"></slot></span>
        </div>
        <button type="button" class="link" @click=${this.#switchMode}>
          ${this.#mode === 'password' ? msg('Use a two-factor code instead') : msg('Use your password instead')}
        </button>
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" ?disabled=${this.#busy}>${msg('Confirm')}</button>
          <button type="button" part="button" @click=${() => this.#finish(new ReauthCancelled())}>${msg('Cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

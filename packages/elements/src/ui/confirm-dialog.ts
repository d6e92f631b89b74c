import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { adoptOnce } from './adopt.js';
import { dialogStyles } from './dialog-styles.js';
import type { ConfirmOptions } from './confirm.js';
import { returnFocus } from './focus-return.js';

let counter = 0;

/** The dialog behind ConfirmController, loaded on its first use. */
export class ConfirmDialog {
  #options: ConfirmOptions | undefined;
  #resolve: ((ok: boolean) => void) | undefined;
  #opener: Element | null | undefined;
  readonly #id = `acct-confirm-${++counter}`;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    adoptOnce(host.shadowRoot, dialogStyles);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.getElementById(this.#id) as HTMLDialogElement | null;
  }

  /** Resolves true on confirm, false on cancel or Escape; focus then returns to `opener`. */
  async ask(options: ConfirmOptions, opener?: Element | null): Promise<boolean> {
    this.settle(false);
    this.#options = options;
    this.#opener = opener;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.#dialog;
    if (!dialog) return false;
    dialog.returnValue = '';
    dialog.showModal();
    // Destructive: start on Cancel so Enter does not destroy by accident.
    (dialog.querySelector(options.danger ? 'button[value=cancel]' : 'button[value=confirm]') as HTMLButtonElement | null)?.focus();
    return new Promise<boolean>((resolve) => (this.#resolve = resolve));
  }

  settle(ok: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.#dialog?.open) this.#dialog.close();
    // Before the answer is acted on: the confirmed action may disable or remove the opener.
    if (resolve) returnFocus(this.host, this.#opener);
    this.#opener = undefined;
    resolve?.(ok);
  }

  // `close` is queued: one from an earlier closing may arrive after the dialog was opened again.
  #onClose = (): void => {
    const dialog = this.#dialog;
    if (dialog && !dialog.open) this.settle(dialog.returnValue === 'confirm');
  };

  render(): TemplateResult {
    const o = this.#options;
    return html`<dialog
      id=${this.#id}
      part="dialog"
      aria-labelledby="${this.#id}-heading"
      aria-describedby="${this.#id}-body"
      @close=${this.#onClose}
    >
      <form method="dialog">
        <h2 id="${this.#id}-heading">${o?.heading ?? ''}</h2>
        <p id="${this.#id}-body">${o?.body ?? ''}</p>
        <div class="actions">
          <button value="confirm" class=${o?.danger ? 'danger' : 'primary'} part="button ${o?.danger ? 'button-danger' : 'button-primary'}">
            ${o?.confirmLabel ?? ''}
          </button>
          <button value="cancel" part="button">${msg('Cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export interface ConfirmOptions {
  heading: string;
  body: string;
  confirmLabel: string;
  /** Destructive actions get the danger style and focus lands on Cancel. */
  danger?: boolean;
}

let counter = 0;

/**
 * A confirmation in a native modal `<dialog>` (focus trap, Escape, inert page for free).
 * `await confirm.ask(...)` resolves true on confirm, false on cancel or Escape.
 */
export class ConfirmController implements ReactiveController {
  #options: ConfirmOptions | undefined;
  #resolve: ((ok: boolean) => void) | undefined;
  readonly #id = `acct-confirm-${++counter}`;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#settle(false);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.getElementById(this.#id) as HTMLDialogElement | null;
  }

  async ask(options: ConfirmOptions): Promise<boolean> {
    this.#settle(false);
    this.#options = options;
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

  #settle(ok: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.#dialog?.open) this.#dialog.close();
    resolve?.(ok);
  }

  // `close` is queued: one from an earlier closing may arrive after the dialog was opened again.
  #onClose = (): void => {
    const dialog = this.#dialog;
    if (dialog && !dialog.open) this.#settle(dialog.returnValue === 'confirm');
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

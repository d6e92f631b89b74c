import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LazyPart } from '../base/lazy.js';
import type { ConfirmDialog } from './confirm-dialog.js';
import { openerOf } from './opener.js';

export interface ConfirmOptions {
  heading: string;
  body: string;
  confirmLabel: string;
  /** Destructive actions get the danger style and focus lands on Cancel. */
  danger?: boolean;
  /**
   * Where focus returns when the dialog closes, however it closes; by default the control that
   * started the action (remembered by LazyActions before its chunk loaded), else the focused one.
   */
  opener?: HTMLElement;
}

/**
 * A confirmation in a native modal `<dialog>` (focus trap, Escape, inert page for free).
 * `await confirm.ask(...)` resolves true on confirm, false on cancel or Escape; either way focus
 * returns to the control that asked (ui/focus-return.ts). The dialog's code
 * comes as a lazy chunk on the first `ask()` (or when the user points at the host), not with the
 * element's first paint.
 */
export class ConfirmController implements ReactiveController {
  /** @internal */
  readonly part: LazyPart<typeof import('./confirm-dialog.js')>;
  #dialog: ConfirmDialog | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.part = new LazyPart(host, () => import('./confirm-dialog.js'));
  }

  hostDisconnected(): void {
    this.#dialog?.settle(false);
  }

  async ask(options: ConfirmOptions): Promise<boolean> {
    // Now, before the dialog's chunk is awaited: focus may leave the opener meanwhile.
    const opener = options.opener ?? openerOf(this.host);
    let module;
    try {
      module = await this.part.load();
    } catch {
      // The chunk could not be fetched (offline, a deploy replaced it): the browser's own
      // confirmation still guards the action instead of doing it unasked or silently not at all.
      return globalThis.confirm(`${options.heading}\n\n${options.body}`);
    }
    this.#dialog ??= new module.ConfirmDialog(this.host);
    return this.#dialog.ask(options, opener);
  }

  render(): TemplateResult | typeof nothing {
    return this.#dialog?.render() ?? nothing;
  }
}

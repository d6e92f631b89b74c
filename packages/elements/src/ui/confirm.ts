import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LazyPart } from '../base/lazy.js';
import type { ConfirmDialog } from './confirm-dialog.js';

export interface ConfirmOptions {
  heading: string;
  body: string;
  confirmLabel: string;
  /** Destructive actions get the danger style and focus lands on Cancel. */
  danger?: boolean;
}

/**
 * A confirmation in a native modal `<dialog>` (focus trap, Escape, inert page for free).
 * `await confirm.ask(...)` resolves true on confirm, false on cancel or Escape. The dialog's code
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
    let module;
    try {
      module = await this.part.load();
    } catch {
      // The chunk could not be fetched (offline, a deploy replaced it): the browser's own
      // confirmation still guards the action instead of doing it unasked or silently not at all.
      return globalThis.confirm(`${options.heading}\n\n${options.body}`);
    }
    this.#dialog ??= new module.ConfirmDialog(this.host);
    return this.#dialog.ask(options);
  }

  render(): TemplateResult | typeof nothing {
    return this.#dialog?.render() ?? nothing;
  }
}

import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { isAbortError, toAdapterError } from '@acct/core';
import type { AcctElement } from './acct-element.js';
import type { ReauthDialog } from './reauth-dialog.js';

/** The user closed the re-authentication dialog: the operation is abandoned, not failed. */
export class ReauthCancelled extends Error {
  constructor() {
    super('reauthentication cancelled');
    this.name = 'ReauthCancelled';
  }
}

/**
 * Handles `reauth_required` for any operation: asks for the password (or a two-factor code) in a
 * modal dialog, calls `viewer.reauthenticate`, then retries the same operation with the same
 * arguments (and so the same idempotency key). The dialog's code is fetched the first time a
 * server asks, so elements do not carry it on first paint.
 */
export class ReauthController implements ReactiveController {
  #dialog: ReauthDialog | undefined;

  constructor(private readonly host: AcctElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#dialog?.cancel();
  }

  /** Runs `operation`; on `reauth_required` asks, re-authenticates and runs it again. */
  async run<R>(operation: () => Promise<R>): Promise<R> {
    // What has focus now, before the operation disables it: the dialog gives focus back to it.
    const opener = (this.host.shadowRoot?.activeElement ?? document.activeElement) as HTMLElement | null;
    for (;;) {
      try {
        return await operation();
      } catch (e) {
        if (isAbortError(e) || toAdapterError(e).code !== 'reauth_required' || !this.host.resolvedAdapter?.viewer) throw e;
        this.#dialog ??= new (await import('./reauth-dialog.js')).ReauthDialog(this.host);
        await this.#dialog.ask(opener);
      }
    }
  }

  render(): TemplateResult | typeof nothing {
    return this.#dialog?.render() ?? nothing;
  }
}

import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { adoptOnce } from '../ui/adopt.js';
import { isAbortError, toAdapterError, type AccountAdapter, type AdapterError, type SecuritySettings, type SubApiName } from '@acct/core';
import { ReauthCancelled } from '../base/reauth.js';
import { msg } from '@lit/localize';
import { renderBanner } from '../ui/field.js';
import { errorMessage } from '../i18n/messages.js';
import { formStyles } from './forms.styles.js';
import type { AcctEventMap } from '../base/events.js';

/**
 * What the lazily loaded forms of acct-security need from the element: its sub-APIs, the
 * re-authentication loop, the live region and the events. Kept apart from the element's public
 * API, so the forms can live in their own chunk without widening it.
 */
export interface SecurityFormHost {
  readonly element: ReactiveControllerHost & HTMLElement & { readonly shadowRoot: ShadowRoot | null };
  api<K extends SubApiName>(name: K): AccountAdapter[K] | undefined;
  /** Runs an action, asking for the password again when the server wants it. */
  run<R>(operation: () => Promise<R>): Promise<R>;
  /** Reloads the settings (status rows) after an action changed them. */
  reload(): void;
  announce(text: string): void;
  emit<K extends keyof AcctEventMap>(name: K, detail: AcctEventMap[K]): boolean;
  readonly viewer: { username?: string } | undefined;
  readonly saved: SecuritySettings | undefined;
  /** Aborted when the element leaves the page: every request of the forms passes it. */
  readonly leaveSignal: AbortSignal;
}

/**
 * The forms' `leaveSignal`: a user who leaves (the host SPA removes the element) has given up on
 * what was in flight, so it is aborted rather than left to land on a detached form. A new one
 * serves the element if it is put back on the page.
 */
export class LeaveSignal implements ReactiveController {
  #abort = new AbortController();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  hostConnected(): void {
    if (this.#abort.signal.aborted) this.#abort = new AbortController();
  }

  hostDisconnected(): void {
    this.#abort.abort();
  }
}

/** Emits `acct-error` and returns the error, or undefined when it was a cancel or an abort. */
export function fail(host: SecurityFormHost, operation: string, e: unknown): AdapterError | undefined {
  if (isAbortError(e) || e instanceof ReauthCancelled) return undefined;
  const error = toAdapterError(e);
  host.emit('acct-error', { section: 'security', code: error.code, operation });
  return error;
}

/** Adds the forms' styles to the element's own, once, when the first form is created. */
export function adoptFormStyles(root: ShadowRoot | null): void {
  adoptOnce(root, formStyles);
}

/** Label, light-DOM input and error slotted into a field of the shadow layout. */
export function lightField(slot: string, extra: unknown = nothing): TemplateResult {
  return html`<div class="field" part="field">
    <span class="label" part="label"><slot name="${slot}-label"></slot></span>
    <slot name=${slot}></slot>
    ${extra}
    <span class="hint"><slot name="${slot}-hint"></slot></span>
    <span class="error"><slot name="${slot}-error"></slot></span>
  </div>`;
}

/** Moves focus after the next render (to a field of a form just opened, or back to its button). */
export async function focusAfterRender(host: SecurityFormHost, target: () => HTMLElement | null | undefined): Promise<void> {
  await host.element.updateComplete;
  target()?.focus();
}

export type ActionState = { busy: boolean; error?: AdapterError };

/**
 * The end of a credential form (password, code word): a failure, with the promise that nothing
 * typed is lost, then Save and Cancel.
 */
export function renderCredentialActions(o: { error: AdapterError | undefined; busy: boolean; saveLabel: string; onCancel: () => void }): TemplateResult {
  return html`${o.error ? renderBanner('danger', html`${errorMessage(o.error)} ${msg('What you typed is kept; try again.')}`) : nothing}
    <div class="actions">
      <button type="submit" class="primary" part="button button-primary" ?disabled=${o.busy}>${o.busy ? msg('Saving…') : o.saveLabel}</button>
      <button type="button" part="button" aria-expanded="true" @click=${o.onCancel}>${msg('Cancel')}</button>
    </div>`;
}

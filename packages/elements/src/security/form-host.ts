import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { adoptOnce } from '../ui/adopt.js';
import { isAbortError, toAdapterError, type AccountAdapter, type AdapterError, type SecuritySettings, type SubApiName } from '@acct/core';
import { ReauthCancelled } from '../base/reauth.js';
import { msg } from '@lit/localize';
import { renderBanner } from '../ui/field.js';
import { errorMessage } from '../i18n/messages.js';
import { formStyles } from './forms.styles.js';
import { focusedElement } from '../ui/focused.js';
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

/** The card (section) a node is in; a slotted light-DOM input is in its slot's. */
function cardOf(node: Element): Element | null {
  return (node.assignedSlot ?? node).closest('section');
}

/**
 * Each step of a flow says where focus goes once it is on screen (a form's first field, a new
 * step's heading, the button back on a summary row): the control that had it is usually gone or
 * was disabled while its request ran, and the browser would drop focus to `<body>`, losing
 * keyboard and screen-reader users. `target` is an element or the id of one in the shadow root;
 * a heading is made focusable out of the tab order. A step that lands `afterRequest` leaves focus
 * the user put in another card (or outside the element) while the request ran.
 */
export async function keepFocus(host: SecurityFormHost, target: string | (() => HTMLElement | null | undefined), afterRequest = false): Promise<void> {
  const el = host.element;
  await el.updateComplete;
  const to = typeof target === 'string' ? el.shadowRoot?.getElementById(target) : target();
  const now = afterRequest && focusedElement();
  if (!to || (now && cardOf(now) !== cardOf(to))) return;
  if (/^H\d$/.test(to.tagName) && !to.hasAttribute('tabindex')) to.tabIndex = -1;
  to.focus();
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

import type { ReactiveController } from 'lit';
import { msg, str } from '@lit/localize';
import { Empty, isAbortError, MaybeEmailStatus, newIdempotencyKey, parseResponse, toAdapterError, validateEmail, type AdapterError, type ContactsApi, type EmailStatus } from '@acct/core';
import type { AcctElement } from '../base/acct-element.js';
import { CountdownController } from '../base/countdown.js';
import { ReauthCancelled, type ReauthController } from '../base/reauth.js';
import { fieldErrorMessage } from '../i18n/field-messages.js';
import { focusFieldError } from '../ui/focus.js';
import { focusedElement } from '../ui/focused.js';

/** Seconds between confirmation emails when the server does not say (`rate_limited` does). */
const RESEND_COOLDOWN = 60;

/** What the flow uses of `<acct-email-change>`: the status it loaded and the address being typed. */
export interface EmailChangeHost {
  readonly element: AcctElement;
  readonly reauth: ReauthController;
  contacts(): ContactsApi | undefined;
  /** The latest status: from the element's load, then from each successful request. */
  current: EmailStatus | undefined;
  /** The new address as typed; setting it (to '' once sent) also clears the dirty guard. */
  newEmail: string;
}

/**
 * Requesting a new address and resending its confirmation, with the resend countdown: loaded on
 * the first Change email or Resend (or when the user points at or focuses the element), not with
 * the status the element first paints. Its state lives here; each change re-renders the element.
 */
export class EmailChangeFlow implements ReactiveController {
  fieldError: string | undefined;
  requestError: AdapterError | undefined;
  busy: 'change' | 'resend' | undefined;
  announcement = '';
  readonly cooldown: CountdownController;
  #changeKey: { email: string; key: string } | undefined;
  /** The write in flight; aborted when the element leaves the page (DESIGN.md: every method takes a signal). */
  #abort: AbortController | undefined;

  constructor(private readonly host: EmailChangeHost) {
    this.cooldown = new CountdownController(host.element);
    host.element.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  #check(value: string): string | undefined {
    const result = validateEmail(value);
    if (!result.ok) return result.reason;
    const same = (a: string | undefined) => !!a && a.toLowerCase() === result.value.toLowerCase();
    if (same(this.host.current?.email)) return 'unchanged';
    if (same(this.host.current?.pending)) return 'already_pending';
    return undefined;
  }

  #fieldMessage(reason: string): string {
    return reason === 'already_pending' ? msg('A confirmation was already sent to this address. Use Resend if it did not arrive.') : fieldErrorMessage(reason);
  }

  async requestChange(): Promise<void> {
    const h = this.host;
    const contacts = h.contacts();
    if (!contacts || this.busy) return;
    const reason = this.#check(h.newEmail);
    if (reason) {
      this.fieldError = this.#fieldMessage(reason);
      await this.#showFieldError();
      return;
    }
    const email = validateEmail(h.newEmail).ok ? h.newEmail.trim() : h.newEmail;
    // A retry of the same address is the same request.
    if (this.#changeKey?.email !== email) this.#changeKey = { email, key: newIdempotencyKey() };
    const idempotencyKey = this.#changeKey.key;
    await this.#run('change', 'requestEmailChange', async (signal) => {
      // The new status, or nothing (then the old one with this address pending); anything else is malformed.
      const answer = parseResponse(MaybeEmailStatus, await contacts.requestEmailChange(email, { signal, idempotencyKey }));
      h.current = answer ?? { ...(h.current ?? { email: '', confirmed: false }), pending: email };
      this.#changeKey = undefined;
      h.newEmail = '';
      this.cooldown.start(RESEND_COOLDOWN);
      this.announcement = msg(str`A confirmation link was sent to ${email}.`);
    });
  }

  async resend(): Promise<void> {
    const h = this.host;
    const contacts = h.contacts();
    if (!contacts || this.busy || this.cooldown.remaining > 0) return;
    const idempotencyKey = newIdempotencyKey();
    await this.#run('resend', 'resendEmailConfirmation', async (signal) => {
      parseResponse(Empty, await contacts.resendEmailConfirmation({ signal, idempotencyKey }));
      this.cooldown.start(RESEND_COOLDOWN);
      const to = h.current?.pending ?? h.current?.email ?? '';
      this.announcement = msg(str`The confirmation link was sent again to ${to}.`);
    });
  }

  /** One request: reauth, errors to the field or a banner, `rate_limited` to the countdown. */
  async #run(kind: 'change' | 'resend', operation: string, request: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const el = this.host.element;
    const { signal } = (this.#abort = new AbortController());
    let failed = false;
    this.busy = kind;
    this.requestError = undefined;
    // The address passed the checks to be sent: an older server message about it no longer applies.
    if (kind === 'change') this.fieldError = undefined;
    el.requestUpdate();
    try {
      await this.host.reauth.run(() => request(signal));
      el.emit('acct-saved', { section: 'contacts.email', data: this.host.current });
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      if (error.code === 'rate_limited') this.cooldown.start(error.retryAfter ?? RESEND_COOLDOWN);
      const field = error.fieldErrors?.email;
      if (kind === 'change' && field) this.fieldError = this.#fieldMessage(field);
      else this.requestError = error;
      // A request error is said by its alert; a field's by the field (below): not by the live region too.
      this.announcement = '';
      failed = true;
      el.emit('acct-error', { section: 'contacts.email', code: error.code, operation });
    } finally {
      this.busy = undefined;
      el.requestUpdate();
    }
    if (!failed) return;
    if (this.fieldError) await this.#showFieldError();
    else {
      // The pressed button was busy and lost focus: back to it, so Enter retries.
      await el.updateComplete;
      if (!focusedElement()) el.shadowRoot?.querySelector<HTMLElement>(kind === 'change' ? 'button[type=submit]' : '.banner button')?.focus();
    }
  }

  /** The new address's error, on its field, said once (focusFieldError). */
  async #showFieldError(): Promise<void> {
    const el = this.host.element;
    el.requestUpdate();
    await el.updateComplete;
    this.announcement = focusFieldError(el.shadowRoot?.querySelector<HTMLElement>('input[name=email]'), this.fieldError ?? '');
    el.requestUpdate();
  }
}

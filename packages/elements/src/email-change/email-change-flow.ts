import { msg, str } from '@lit/localize';
import { EmailStatus, isAbortError, parseResponse, toAdapterError, validateEmail, type AdapterError, type ContactsApi } from '@acct/core';
import type { AcctElement } from '../base/acct-element.js';
import type { CountdownController } from '../base/countdown.js';
import type { DirtyGuardController } from '../base/dirty-guard.js';
import { ReauthCancelled, type ReauthController } from '../base/reauth.js';
import { errorMessage, fieldErrorMessage } from '../i18n/messages.js';

/** Seconds between confirmation emails when the server does not say (`rate_limited` does). */
const RESEND_COOLDOWN = 60;

/** What the flow reads and writes on `<acct-email-change>`: its rendered state and controllers. */
export interface EmailChangeHost {
  readonly element: AcctElement;
  readonly contacts: ContactsApi | undefined;
  readonly reauth: ReauthController;
  readonly guard: DirtyGuardController;
  readonly cooldown: CountdownController;
  newEmail: string;
  fieldError: string | undefined;
  requestError: AdapterError | undefined;
  busy: 'change' | 'resend' | undefined;
  announcement: string;
  current: EmailStatus | undefined;
  focusEmail(): Promise<void>;
}

/**
 * Requesting a new address and resending its confirmation: loaded on the first Change or Resend
 * (or when the user points at the element), not with the status the element first paints.
 */
export class EmailChangeFlow {
  #changeKey: { email: string; key: string } | undefined;

  constructor(private readonly host: EmailChangeHost) {}

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
    const contacts = h.contacts;
    if (!contacts || h.busy) return;
    const reason = this.#check(h.newEmail);
    if (reason) {
      h.fieldError = this.#fieldMessage(reason);
      h.announcement = h.fieldError;
      await h.focusEmail();
      return;
    }
    const email = validateEmail(h.newEmail).ok ? h.newEmail.trim() : h.newEmail;
    // A retry of the same address is the same request.
    if (this.#changeKey?.email !== email) this.#changeKey = { email, key: globalThis.crypto.randomUUID() };
    const idempotencyKey = this.#changeKey.key;
    await this.#run('change', 'requestEmailChange', async () => {
      const answer = await contacts.requestEmailChange(email, { idempotencyKey });
      h.current = answer ? parseResponse(EmailStatus, answer) : { ...(h.current ?? { email: '', confirmed: false }), pending: email };
      this.#changeKey = undefined;
      h.newEmail = '';
      h.guard.set(false);
      h.cooldown.start(RESEND_COOLDOWN);
      h.announcement = msg(str`A confirmation link was sent to ${email}.`);
    });
  }

  async resend(): Promise<void> {
    const h = this.host;
    const contacts = h.contacts;
    if (!contacts || h.busy || h.cooldown.remaining > 0) return;
    const idempotencyKey = globalThis.crypto.randomUUID();
    await this.#run('resend', 'resendEmailConfirmation', async () => {
      await contacts.resendEmailConfirmation({ idempotencyKey });
      h.cooldown.start(RESEND_COOLDOWN);
      const to = h.current?.pending ?? h.current?.email ?? '';
      h.announcement = msg(str`The confirmation link was sent again to ${to}.`);
    });
  }

  /** One request: reauth, errors to the field or a banner, `rate_limited` to the countdown. */
  async #run(kind: 'change' | 'resend', operation: string, request: () => Promise<void>): Promise<void> {
    const h = this.host;
    h.busy = kind;
    h.requestError = undefined;
    try {
      await h.reauth.run(request);
      h.element.emit('acct-saved', { section: 'contacts.email', data: h.current });
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      if (error.code === 'rate_limited') h.cooldown.start(error.retryAfter ?? RESEND_COOLDOWN);
      const field = error.fieldErrors?.email;
      if (kind === 'change' && field) h.fieldError = this.#fieldMessage(field);
      else h.requestError = error;
      h.announcement = h.fieldError && field ? h.fieldError : errorMessage(error);
      h.element.emit('acct-error', { section: 'contacts.email', code: error.code, operation });
    } finally {
      h.busy = undefined;
    }
  }
}

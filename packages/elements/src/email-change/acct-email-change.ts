import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { EmailStatus, isAbortError, parseResponse, toAdapterError, validateEmail, type AdapterError } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { CountdownController } from '../base/countdown.js';
import { DirtyGuardController } from '../base/dirty-guard.js';
import { ReauthCancelled, ReauthController } from '../base/reauth.js';
import { errorMessage, fieldErrorMessage, missingApiMessage } from '../i18n/messages.js';
import { renderBanner, renderInputField, renderSection, renderSkeleton } from '../ui/field.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import messages from '../i18n/generated/parts/email-change.js';

/** Seconds between confirmation emails when the server does not say (`rate_limited` does). */
const RESEND_COOLDOWN = 60;

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The account email: the current address and whether it is confirmed, a pending new address
 * until it is confirmed, resending the confirmation behind a cooldown, and requesting a change.
 *
 * @tagname acct-email-change
 * @summary Email address, its confirmation status and the change with confirmation.
 * @fires acct-saved - After a change was requested or a confirmation resent; detail `{ section: 'contacts.email', data }`.
 * @fires acct-error - When loading or a request failed; detail `{ section, code, operation }`.
 * @fires acct-dirty-change - While a new address is typed but not sent.
 * @csspart section - The card.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The main action.
 * @csspart banner - Status, warning and error messages.
 */
export class AcctEmailChange extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles];

  @state() private newEmail = '';
  @state() private fieldError: string | undefined;
  @state() private requestError: AdapterError | undefined;
  @state() private busy: 'change' | 'resend' | undefined;
  @state() private announcement = '';
  /** The latest status: from the load, then from each successful request. */
  @state() private current: EmailStatus | undefined;

  readonly #reauth = new ReauthController(this);
  readonly #guard = new DirtyGuardController(this, 'contacts.email');
  readonly #cooldown = new CountdownController(this);
  #changeKey: { email: string; key: string } | undefined;

  readonly #status = new Task(this, {
    args: () => [this.resolvedAdapter] as const,
    task: async ([adapter], { signal }) => {
      const contacts = adapter?.contacts;
      if (!contacts) return undefined;
      const status = parseResponse(EmailStatus, await this.#reauth.run(() => contacts.emailStatus({ signal })));
      this.current = status;
      return status;
    },
    onError: (e) => {
      if (!isAbortError(e)) this.emit('acct-error', { section: 'contacts.email', code: toAdapterError(e).code, operation: 'load' });
    },
  });

  #typed(value: string): void {
    this.newEmail = value;
    this.fieldError = undefined;
    this.#guard.set(value.trim() !== '');
  }

  #check(value: string): string | undefined {
    const result = validateEmail(value);
    if (!result.ok) return result.reason;
    const same = (a: string | undefined) => !!a && a.toLowerCase() === result.value.toLowerCase();
    if (same(this.current?.email)) return 'unchanged';
    if (same(this.current?.pending)) return 'already_pending';
    return undefined;
  }

  #fieldMessage(reason: string): string {
    return reason === 'already_pending' ? msg('A confirmation was already sent to this address. Use Resend if it did not arrive.') : fieldErrorMessage(reason);
  }

  async #requestChange(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const contacts = this.api('contacts');
    if (!contacts || this.busy) return;
    const reason = this.#check(this.newEmail);
    if (reason) {
      this.fieldError = this.#fieldMessage(reason);
      this.announcement = this.fieldError;
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLInputElement>('input[name=email]')?.focus();
      return;
    }
    const email = validateEmail(this.newEmail).ok ? this.newEmail.trim() : this.newEmail;
    // A retry of the same address is the same request.
    if (this.#changeKey?.email !== email) this.#changeKey = { email, key: newKey() };
    const idempotencyKey = this.#changeKey.key;
    await this.#run('change', 'requestEmailChange', async () => {
      const answer = await contacts.requestEmailChange(email, { idempotencyKey });
      this.current = answer ? parseResponse(EmailStatus, answer) : { ...(this.current ?? { email: '', confirmed: false }), pending: email };
      this.#changeKey = undefined;
      this.newEmail = '';
      this.#guard.set(false);
      this.#cooldown.start(RESEND_COOLDOWN);
      this.announcement = msg(str`A confirmation link was sent to ${email}.`);
    });
  }

  async #resend(): Promise<void> {
    const contacts = this.api('contacts');
    if (!contacts || this.busy || this.#cooldown.remaining > 0) return;
    const idempotencyKey = newKey();
    await this.#run('resend', 'resendEmailConfirmation', async () => {
      await contacts.resendEmailConfirmation({ idempotencyKey });
      this.#cooldown.start(RESEND_COOLDOWN);
      const to = this.current?.pending ?? this.current?.email ?? '';
      this.announcement = msg(str`The confirmation link was sent again to ${to}.`);
    });
  }

  /** One request: reauth, errors to the field or a banner, `rate_limited` to the countdown. */
  async #run(kind: 'change' | 'resend', operation: string, request: () => Promise<void>): Promise<void> {
    this.busy = kind;
    this.requestError = undefined;
    try {
      await this.#reauth.run(request);
      this.emit('acct-saved', { section: 'contacts.email', data: this.current });
    } catch (e) {
      if (isAbortError(e) || e instanceof ReauthCancelled) return;
      const error = toAdapterError(e);
      if (error.code === 'rate_limited') this.#cooldown.start(error.retryAfter ?? RESEND_COOLDOWN);
      const field = error.fieldErrors?.email;
      if (kind === 'change' && field) this.fieldError = this.#fieldMessage(field);
      else this.requestError = error;
      this.announcement = this.fieldError && field ? this.fieldError : errorMessage(error);
      this.emit('acct-error', { section: 'contacts.email', code: error.code, operation });
    } finally {
      this.busy = undefined;
    }
  }

  #renderStatus(s: EmailStatus): TemplateResult {
    const wait = this.#cooldown.remaining;
    const resend = html`<button type="button" part="button" ?disabled=${!!this.busy || wait > 0} @click=${this.#resend}>
      ${wait > 0 ? msg(str`Resend in ${wait} s`) : this.busy === 'resend' ? msg('Sending…') : msg('Resend confirmation')}
    </button>`;
    return html`<dl class="status">
        <dt class="label">${msg('Current email')}</dt>
        <dd>
          <span class="value">${s.email}</span>
          <span class="badge" data-tone=${s.confirmed ? 'success' : 'warning'}>${s.confirmed ? msg('Confirmed') : msg('Not confirmed')}</span>
        </dd>
      </dl>
      ${s.pending
        ? renderBanner(
            'info',
            html`${msg(str`Waiting for confirmation: ${s.pending}.`)}
            ${msg('The new address replaces the current one after you follow the link in the email we sent to it.')}`,
            resend,
          )
        : !s.confirmed
          ? renderBanner('warning', msg('Confirm this address with the link we emailed to it.'), resend)
          : nothing}`;
  }

  #renderBody(s: EmailStatus): TemplateResult {
    return html`${this.#renderStatus(s)}
      ${this.requestError
        ? renderBanner('danger', html`${errorMessage(this.requestError)} ${this.newEmail ? msg('Your input is kept.') : ''}`)
        : nothing}
      <form @submit=${this.#requestChange} novalidate>
        ${renderInputField({
          id: 'new-email',
          name: 'email',
          label: msg('New email'),
          type: 'email',
          inputMode: 'email',
          autocomplete: 'email',
          value: this.newEmail,
          hint: msg('We send a confirmation link to the new address; until you follow it, mail goes to the current one.'),
          error: this.fieldError,
          onInput: (v) => this.#typed(v),
        })}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" ?disabled=${!!this.busy}>
            ${this.busy === 'change' ? msg('Sending…') : msg('Change email')}
          </button>
        </div>
      </form>`;
  }

  override render() {
    let body: unknown;
    if (!this.api('contacts')) body = renderBanner('warning', missingApiMessage('contacts'));
    else if (this.current) body = this.#renderBody(this.current);
    else if (this.#status.error !== undefined)
      body = renderBanner(
        'danger',
        errorMessage(toAdapterError(this.#status.error)),
        html`<button part="button" @click=${() => this.#status.run()}>${msg('Retry')}</button>`,
      );
    else body = html`<div aria-busy="true">${renderSkeleton(2)}<span class="visually-hidden">${msg('Loading…')}</span></div>`;
    return html`${renderSection({ heading: msg('Email'), headingId: 'email-heading', body })}${this.#reauth.render()}${renderLive(this.announcement)}`;
  }
}

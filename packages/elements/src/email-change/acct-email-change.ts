import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { msg, str } from '@lit/localize';
import { Load } from '../base/load.js';
import { EmailStatus, isAbortError, parseResponse, toAdapterError } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { DirtyGuardController } from '../base/dirty-guard.js';
import { LazyActions } from '../base/lazy-actions.js';
import { ReauthController } from '../base/reauth.js';
import { errorMessage, missingApiMessage } from '../i18n/messages.js';
import { renderBanner, renderInputField, renderSection, renderSkeleton } from '../ui/field.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { badgeStyles } from '../ui/badge-styles.js';
import { statusStyles } from '../ui/status-styles.js';
import messages from '../i18n/generated/parts/email-change.js';
import type { EmailChangeFlow } from './email-change-flow.js';

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
  static override styles = [...AcctElement.styles, uiStyles, statusStyles, badgeStyles];

  @state() private newEmail = '';
  /** The latest status: from the load, then from each successful request. */
  @state() private current: EmailStatus | undefined;

  readonly #reauth = new ReauthController(this);
  readonly #guard = new DirtyGuardController(this, 'contacts.email');

  /**
   * @internal Test-only hook: fetches the change flow's chunk. Tests replace it to simulate a chunk
   * that cannot be fetched.
   */
  static flowLoader = () => import('./email-change-flow.js');
  /** @internal Requesting and resending: a lazy chunk, loaded on first use or intent. */
  readonly flow = new LazyActions(this, () => (this.constructor as typeof AcctEmailChange).flowLoader());
  #controller: EmailChangeFlow | undefined;

  readonly #status = new Load(this, {
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
    if (this.#controller) this.#controller.fieldError = undefined;
    this.#guard.set(value.trim() !== '');
  }

  /** Runs a request of the lazily loaded flow; while its chunk loads, the control says so. */
  async #act(kind: 'change' | 'resend', event?: Event): Promise<void> {
    event?.preventDefault();
    // While the chunk loads the control is busy; a failure shows beside it, its Retry acts again.
    const module = this.#controller ? undefined : await this.flow.run(kind, (m) => m, () => this.#act(kind));
    if (!this.#controller) {
      if (!module) return;
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const el = this;
      this.#controller = new module.EmailChangeFlow({
        element: this,
        reauth: this.#reauth,
        contacts: () => this.api('contacts'),
        get current() {
          return el.current;
        },
        set current(status) {
          el.current = status;
        },
        get newEmail() {
          return el.newEmail;
        },
        set newEmail(value) {
          el.#typed(value);
        },
      });
    }
    await (kind === 'change' ? this.#controller.requestChange() : this.#controller.resend());
  }

  #renderStatus(s: EmailStatus): TemplateResult {
    const flow = this.#controller;
    const wait = flow?.cooldown.remaining ?? 0;
    const loading = this.flow.loading('resend');
    const resend = html`<button
        type="button"
        part="button"
        ?disabled=${!!flow?.busy || wait > 0 || loading}
        aria-busy=${loading ? 'true' : nothing}
        @click=${() => this.#act('resend')}
      >
        ${wait > 0 ? msg(str`Resend in ${wait} s`) : flow?.busy === 'resend' ? msg('Sending…') : loading ? msg('Loading…') : msg('Resend confirmation')}
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
          : nothing}
      ${this.flow.renderFailure('resend')}`;
  }

  #renderBody(s: EmailStatus): TemplateResult {
    const flow = this.#controller;
    const loading = this.flow.loading('change');
    return html`${this.#renderStatus(s)}
      ${flow?.requestError
        ? renderBanner('danger', html`${errorMessage(flow.requestError)} ${this.newEmail ? msg('Your input is kept.') : ''}`)
        : nothing}
      <form @submit=${(e: SubmitEvent) => this.#act('change', e)} novalidate>
        ${renderInputField({
          id: 'new-email',
          name: 'email',
          label: msg('New email'),
          type: 'email',
          inputMode: 'email',
          autocomplete: 'email',
          value: this.newEmail,
          hint: msg('We send a confirmation link to the new address; until you follow it, mail goes to the current one.'),
          error: flow?.fieldError,
          onInput: (v) => this.#typed(v),
        })}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" ?disabled=${!!flow?.busy || loading} aria-busy=${loading ? 'true' : nothing}>
            ${flow?.busy === 'change' ? msg('Sending…') : loading ? msg('Loading…') : msg('Change email')}
          </button>
        </div>
        ${this.flow.renderFailure('change')}
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
    return html`${renderSection({ heading: msg('Email'), headingId: 'email-heading', body })}${this.#reauth.render()}${renderLive(this.#controller?.announcement ?? '')}`;
  }
}

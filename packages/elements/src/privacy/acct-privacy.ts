import { html, nothing, type TemplateResult } from 'lit';
import { state } from '../base/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { formatDate, formatDateTime, MaybePrivacyState, parseResponse, PrivacyState, safeUrl, type DataExport, type Viewer } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { readWithViewer, ResourceController } from '../base/resource-controller.js';
import { fieldIds, renderBanner, renderField, renderSection } from '../ui/field.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { focusedElement } from '../ui/focused.js';
import { renderLive } from '../ui/settings-view.js';
import { listStyles } from '../ui/list-styles.js';
import { uiStyles } from '../ui/styles.js';
import { badgeStyles } from '../ui/badge-styles.js';
import { tableStyles } from '../ui/table-styles.js';
import { privacyStyles } from './acct-privacy.styles.js';
import messages from '../i18n/generated/parts/privacy.js';

interface PrivacyData {
  state: PrivacyState;
  viewer: Viewer | undefined;
}

/**
 * Personal data (GDPR): request an archive of everything the provider processes and stores about
 * the account, follow its status and download it when ready; and delete the account, explained
 * first and confirmed by typing the username (plus a password when the adapter asks for one),
 * then shown as scheduled.
 *
 * @tagname acct-privacy
 * @summary Personal-data archive and account deletion.
 * @fires acct-saved - After an archive was requested or deletion was scheduled; detail `{ section: 'privacy', data }`.
 * @fires acct-error - When loading or a request failed; detail `{ section: 'privacy', code, operation }`.
 * @csspart section - The cards around the archive and the deletion.
 * @csspart table - The archives table.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A form control.
 * @csspart hint - Help text under a control.
 * @csspart error - Error text under a control.
 * @csspart button - Any button.
 * @csspart button-primary - The Request archive button.
 * @csspart button-danger - The Delete account button.
 * @csspart link - The download link.
 * @csspart banner - Status, warning and error messages.
 * @csspart dialog - The re-authentication dialog.
 * @cssprop --acct-section-gap - Space between the blocks of a section.
 */
export class AcctPrivacy extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, badgeStyles, tableStyles, listStyles, privacyStyles];

  readonly privacy = new ResourceController(this, {
    section: 'privacy',
    api: () => this.api('privacy'),
    load: async (api, signal): Promise<PrivacyData> => {
      const [state, viewer] = await readWithViewer(this.resolvedAdapter, api.get({ signal }), signal);
      return { state: parseResponse(PrivacyState, state), viewer };
    },
  });

  @state() private confirmation = '';
  @state() private confirmationError: string | undefined;

  #status(e: DataExport): TemplateResult {
    switch (e.status) {
      case 'pending':
        return html`<span class="badge">${msg('Being prepared')}</span>`;
      case 'ready':
        return html`<span class="badge" data-tone="success">${msg('Ready')}</span>`;
      case 'expired':
        return html`<span class="badge" data-tone="warning">${msg('Expired')}</span>`;
      default:
        return html`<span class="badge" data-tone="danger">${msg('Failed')}</span>`;
    }
  }

  #download(e: DataExport): TemplateResult | string {
    if (e.status !== 'ready') return '';
    const href = safeUrl(e.url);
    const when = formatDate(e.requestedAt, this.activeLocale);
    return href
      ? html`<a part="link" href=${href} download rel="noopener">${msg(str`Download the archive of ${when}`)}</a>`
      : html`<span class="reason">${msg('The download link is not available. Contact support.')}</span>`;
  }

  async #requestExport(): Promise<void> {
    const api = this.api('privacy');
    if (!api) return;
    const done = await this.privacy.act('requestExport', '', (o) => api.requestExport(o), MaybePrivacyState, {
      success: msg('Archive requested. It appears here when it is ready to download.'),
    });
    if (done) this.emit('acct-saved', { section: 'privacy', data: { export: 'requested' } });
    // Requested: the archives table with its new row (the button stays disabled while it is
    // prepared); failed: the button again, for a retry.
    await this.#focusResult(done ? '#archives' : '[data-action=export]', '#archive-heading');
  }

  /**
   * The pressed button was busy (disabled) and dropped focus to <body>, or was replaced by the
   * result: focus goes to `selector`, unless the user has put it somewhere meanwhile.
   */
  async #focusResult(selector: string, fallback = '#delete-heading'): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>(fallback);
    if (focusedElement() || !target) return;
    if (!target.matches('button, input')) target.tabIndex = -1;
    target.focus();
  }

  async #requestDeletion(event: SubmitEvent, username: string | undefined): Promise<void> {
    event.preventDefault();
    const api = this.api('privacy');
    if (!api) return;
    const confirmation = this.confirmation.trim();
    this.confirmationError = !confirmation
      ? msg('Fill in this field.')
      : username !== undefined && confirmation !== username
        ? msg('This does not match your username.')
        : undefined;
    if (this.confirmationError) {
      this.privacy.clearFailure('requestDeletion');
      await this.#focusConfirmation();
      return;
    }
    const done = await this.privacy.act('requestDeletion', confirmation, (o) => api.requestDeletion({ confirmation }, o), MaybePrivacyState);
    if (!done) {
      await this.#focusConfirmation();
      await this.#focusResult('form.delete button[type=submit]');
      return;
    }
    this.confirmation = '';
    const scheduled = this.privacy.data?.state.deletion;
    // Scheduled: focus goes to the banner that says so, which reads it (not the live region too).
    this.privacy.announcement = scheduled?.status === 'scheduled' ? '' : msg('Account deletion was requested.');
    this.emit('acct-saved', { section: 'privacy', data: { deletion: scheduled ?? { status: 'scheduled' } } });
    await this.#focusResult('[data-result=deletion]');
  }

  async #focusConfirmation(): Promise<void> {
    await this.updateComplete;
    if (this.confirmationError || this.privacy.fieldError('requestDeletion', 'confirmation')) {
      this.renderRoot.querySelector<HTMLElement>('[name=confirmation]')?.focus();
    }
  }

  #scheduledText(at: string): string {
    const when = formatDateTime(at, this.activeLocale, { dateStyle: 'long' });
    return msg(str`Your account is scheduled for deletion on ${when}.`);
  }

  #renderArchive({ state }: PrivacyData): TemplateResult {
    const pending = state.exports.some((e) => e.status === 'pending');
    const busy = this.privacy.pending === 'requestExport';
    return html`<p>${msg('Get an archive of all the personal data we process and store about your account. Preparing it can take some time; come back here to download it.')}</p>
      ${renderFailure(this.privacy, 'requestExport')}
      ${state.exports.length
        ? html`<table id="archives" part="table" aria-labelledby="archive-heading">
            <thead>
              <tr>
                <th scope="col">${msg('Requested')}</th>
                <th scope="col">${msg('Status')}</th>
                <th scope="col">${msg('Download')}</th>
              </tr>
            </thead>
            <tbody>
              ${state.exports.map(
                (e) => html`<tr>
                  <th scope="row"><time datetime=${e.requestedAt}>${formatDateTime(e.requestedAt, this.activeLocale)}</time></th>
                  <td>${this.#status(e)}</td>
                  <td>${this.#download(e)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="empty">${msg('No archive requested yet.')}</p>`}
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="button button-primary"
          data-action="export"
          aria-describedby=${ifDefined(pending ? 'archive-reason' : undefined)}
          ?disabled=${pending || busy}
          @click=${this.#requestExport}
        >
          ${busy ? msg('Requesting…') : msg('Request archive')}
        </button>
        ${pending ? html`<span class="reason" id="archive-reason">${msg('An archive is being prepared; you can request another one when it is ready.')}</span>` : nothing}
      </div>`;
  }

  #renderDeletion({ state, viewer }: PrivacyData): TemplateResult {
    const deletion = state.deletion;
    if (deletion?.status === 'scheduled') {
      // A failed answer to a request that did schedule it (the reload shows it) stays said here.
      return html`${renderFailure(this.privacy, 'requestDeletion')}
        <div data-result="deletion">
        ${renderBanner('warning', html`<strong>${this.#scheduledText(deletion.at)}</strong> ${msg('To keep the account, contact support before that date.')}`)}
      </div>`;
    }
    if (deletion?.status === 'done') return renderBanner('info', msg('This account has been deleted.'));
    const username = viewer?.username;
    const error = this.confirmationError ?? this.privacy.fieldError('requestDeletion', 'confirmation');
    const busy = this.privacy.pending === 'requestDeletion';
    return html`<p>${msg('Deleting the account is permanent. Before you continue, know what happens:')}</p>
      <ul class="consequences">
        <li>${msg('All services are stopped, and their data (servers, disks, backups, domains in the account) is deleted and cannot be restored.')}</li>
        <li>${msg('The balance is not moved to another account. Ask support to refund what is left before the deletion date; unpaid charges must be paid first.')}</li>
        <li>${msg('Personal data is erased, except billing documents that the law requires us to keep.')}</li>
        <li>${msg('Deletion is scheduled after a waiting period; until then, support can cancel it.')}</li>
      </ul>
      ${deletion?.status === 'cancelled' ? renderBanner('info', msg('An earlier deletion request was cancelled.')) : nothing}
      ${renderFailure(this.privacy, 'requestDeletion')}
      <form class="delete" @submit=${(e: SubmitEvent) => this.#requestDeletion(e, username)} novalidate aria-labelledby="delete-heading">
        ${renderField({
          id: 'confirmation',
          label: username ? msg(str`To confirm, type your username: ${username}`) : msg('To confirm, type your username'),
          hint: msg('You may also be asked for your password.'),
          error,
          control: html`<input
            id="confirmation"
            name="confirmation"
            part="input"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(fieldIds('confirmation', true, error))}
            .value=${this.confirmation}
            @input=${(e: Event) => {
              this.confirmation = (e.target as HTMLInputElement).value;
              this.confirmationError = undefined;
            }}
          />`,
        })}
        <div class="actions">
          <button type="submit" class="danger" part="button button-danger" ?disabled=${busy}>
            ${busy ? msg('Requesting…') : msg('Delete account')}
          </button>
        </div>
      </form>`;
  }

  override render() {
    return html`<div class="stack">
        ${renderSection({
          heading: msg('Personal data archive'),
          headingId: 'archive-heading',
          body: renderResource(this.privacy, 'privacy', (d) => this.#renderArchive(d)),
        })}
        ${this.privacy.data
          ? renderSection({ heading: msg('Delete account'), headingId: 'delete-heading', body: this.#renderDeletion(this.privacy.data) })
          : nothing}
      </div>
      ${this.privacy.reauth.render()} ${renderLive(this.privacy.announcement)}`;
  }
}

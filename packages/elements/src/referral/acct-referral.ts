import { html, nothing } from 'lit';
import { property } from '../base/decorators.js';
import { msg } from '@lit/localize';
import { MaybeReferralState, parseResponse, ReferralState, safeUrl } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { ResourceController } from '../base/resource-controller.js';
import { renderSection } from '../ui/field.js';
import { focusedElement } from '../ui/focused.js';
import { renderFailure, renderResource } from '../ui/resource-view.js';
import { renderLive } from '../ui/settings-view.js';
import { uiStyles } from '../ui/styles.js';
import { homeStyles } from '../overview/home.styles.js';
import messages from '../i18n/generated/parts/referral.js';

/**
 * The referral program: what it offers (the host's own text, through the default slot or the
 * `description` property), a "Request participation" button, and the status afterwards
 * (requested, then member).
 *
 * @tagname acct-referral
 * @summary Referral program: what it offers, request to participate, status.
 * @slot - The host's description of the program (rich text); replaces `description`.
 * @fires acct-saved - After participation was requested; detail `{ section: 'referral', data: { status } }`.
 * @fires acct-error - When loading or the request failed; detail `{ section: 'referral', code, operation }`.
 * @csspart section - The card.
 * @csspart button - Any button.
 * @csspart button-primary - The Request participation button.
 * @csspart link - The link to the program's page (`links.referral`).
 * @csspart banner - Status and error messages.
 * @csspart dialog - The re-authentication dialog.
 */
export class AcctReferral extends AcctElement {
  /** @internal Its strings in other locales, fetched when the first instance is created. */
  static override messages = messages;
  static override styles = [...AcctElement.styles, uiStyles, homeStyles];

  /** Plain-text description of the program, used when nothing is slotted. */
  @property() description = '';

  readonly referral = new ResourceController(this, {
    section: 'referral',
    api: () => this.api('referral'),
    load: async (api, signal) => parseResponse(ReferralState, await api.get({ signal })),
  });

  async #request(): Promise<void> {
    const api = this.api('referral');
    if (!api) return;
    const ctrl = this.referral;
    const done = await ctrl.act('requestParticipation', '', (o) => api.requestParticipation(o), MaybeReferralState);
    await this.updateComplete;
    // The result is said once. Focus, lost with the busy button, goes to it: the new status (read
    // out as focus lands), or the button again beside the failure's alert (which speaks itself; see
    // render). Only when the user has moved on meanwhile does the live region say the success.
    const target = () => this.renderRoot.querySelector<HTMLElement>('button.primary, #referral-status')?.focus();
    if (done) {
      if (focusedElement()) ctrl.announcement = msg('Your request to join the referral program was sent.');
      else target();
      this.requestUpdate();
      this.emit('acct-saved', { section: 'referral', data: { status: ctrl.data?.status ?? 'requested' } });
    } else {
      // An unreadable answer reloads the status, which may replace the button: focus follows.
      // ui/focus.ts is fetched for this rare path only; it watches for the settled render itself.
      const phase = { get phase() { return ctrl.loading ? 'loading' : 'ready'; } };
      import('../ui/focus.js').then((f) => f.focusAfterReload(this.renderRoot, phase, () => (target(), true)), () => {});
    }
  }

  /** The status: content rather than a message (no live role), focused after the request. */
  #result(tone: 'success' | 'info', text: string) {
    return html`<div class="banner" part="banner" data-tone=${tone} id="referral-status" tabindex="-1">${text}</div>`;
  }

  #status(state: ReferralState): unknown {
    // A failed request stays said when the reload shows it went through (an unreadable answer).
    const failure = renderFailure(this.referral, 'requestParticipation');
    switch (state.status) {
      case 'member':
        return html`${failure}${this.#result('success', msg('You take part in the referral program.'))}`;
      case 'requested':
        return html`${failure}${this.#result('info', msg('Your request to join the program is being reviewed.'))}`;
      default: {
        const busy = this.referral.pending === 'requestParticipation';
        return html`${failure}
          <div class="actions">
            <button type="button" class="primary" part="button button-primary" ?disabled=${busy} @click=${this.#request}>
              ${busy ? msg('Sending…') : msg('Request participation')}
            </button>
          </div>`;
      }
    }
  }

  override render() {
    const link = safeUrl(this.context?.links.referral);
    const body = html`<div class="description"><slot>${this.description ? html`<p>${this.description}</p>` : nothing}</slot></div>
      ${link ? html`<p><a part="link" href=${link}>${msg('About the referral program')}</a></p>` : nothing}
      ${this.api('referral') || !link ? renderResource(this.referral, 'referral', (s) => this.#status(s)) : nothing}`;
    // A failed request is said by its alert beside the button, not a second time here.
    return html`${renderSection({ heading: msg('Referral program'), headingId: 'referral-heading', body })} ${this.referral.reauth.render()}
      ${renderLive(this.referral.failure?.operation === 'requestParticipation' ? '' : this.referral.announcement)}`;
  }
}

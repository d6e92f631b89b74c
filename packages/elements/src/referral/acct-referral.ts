import { html, nothing } from 'lit';
import { property } from '../base/decorators.js';
import { msg } from '@lit/localize';
import { MaybeReferralState, parseResponse, ReferralState, safeUrl } from '@acct/core';
import { AcctElement } from '../base/acct-element.js';
import { ResourceController } from '../base/resource-controller.js';
import { renderBanner, renderSection } from '../ui/field.js';
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
    const done = await this.referral.act('requestParticipation', '', (o) => api.requestParticipation(o), MaybeReferralState, {
      success: msg('Your request to join the referral program was sent.'),
    });
    if (done) this.emit('acct-saved', { section: 'referral', data: { status: this.referral.data?.status ?? 'requested' } });
  }

  #status(state: ReferralState): unknown {
    switch (state.status) {
      case 'member':
        return renderBanner('success', msg('You take part in the referral program.'));
      case 'requested':
        return renderBanner('info', msg('Your request to join the program is being reviewed.'));
      default: {
        const busy = this.referral.pending === 'requestParticipation';
        return html`${renderFailure(this.referral, 'requestParticipation')}
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
    return html`${renderSection({ heading: msg('Referral program'), headingId: 'referral-heading', body })} ${this.referral.reauth.render()}
      ${renderLive(this.referral.announcement)}`;
  }
}

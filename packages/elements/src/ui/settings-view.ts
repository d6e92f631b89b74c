import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SettingsController } from '../base/settings-controller.js';
import type { DescribeField } from '../base/settings-conflict.js';
import { errorMessage, missingApiMessage } from '../i18n/messages.js';
import { renderBanner, renderSkeleton } from './field.js';
import { renderLoadFailure } from './lazy-view.js';

export interface SettingsViewOptions<T> {
  /** Sub-API name for the "missing" message. */
  apiName: string;
  /** The form, rendered once data is loaded, from the draft (saved data plus edits). */
  form: (draft: T) => TemplateResult;
  /** A field's label and its value as text, for the conflict comparison. */
  describe: DescribeField;
}

/** The live region every settings element keeps in the DOM so announcements are read out. */
export function renderLive(text: string): TemplateResult {
  return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${text}</div>`;
}

/**
 * The states every settings element shares: missing sub-API, loading skeleton, load error with
 * retry, conflict with both versions, save failure with retry, and the form itself.
 */
export function renderSettingsView<T extends object>(ctrl: SettingsController<T>, o: SettingsViewOptions<T>): TemplateResult {
  const phase = ctrl.phase;
  let body: unknown;
  if (phase === 'missing') body = renderBanner('warning', missingApiMessage(o.apiName));
  else if (phase === 'loading') body = html`<div aria-busy="true">${renderSkeleton()}<span class="visually-hidden">${msg('Loading…')}</span></div>`;
  else if (phase === 'error')
    body = renderBanner(
      'danger',
      ctrl.loadErrorMessage,
      html`<button part="button" @click=${() => {
        ctrl.reload();
        ctrl._focusStart();
      }}>${msg('Retry')}</button>`,
    );
  else {
    // The paths the form shows errors for: a server's error for any other is listed apart.
    const shown = (ctrl._shown = new Set());
    const form = ctrl.draft ? o.form(ctrl.draft) : nothing;
    ctrl._shown = undefined;
    body = html`${ctrl.renderConflict(o.describe)}
    ${ctrl.chunkFailed
      ? renderLoadFailure(() => ctrl.save())
      : ctrl.saveError && ctrl.saveError.code !== 'validation'
      ? renderBanner(
          'danger',
          html`${errorMessage(ctrl.saveError)} ${msg('Your changes are kept.')}`,
          html`<button part="button" @click=${() => ctrl.save()} ?disabled=${!ctrl.canSave}>${msg('Retry')}</button>`,
        )
      : nothing}
    ${ctrl.saveError?.code === 'validation' && ctrl._save ? ctrl._save.renderUnplaced(ctrl, o.describe, shown) : nothing}
    ${form}`;
  }
  return html`${body}${ctrl.reauth.render()}${renderLive(ctrl.announcement)}`;
}

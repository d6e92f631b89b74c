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

/** A path's label; a sub-path (`ipRules.1`) the element does not describe takes its field's. */
function fieldName(describe: DescribeField, path: string): string {
  const label = describe(path, undefined).label;
  const head = path.split('.')[0];
  return label === path && head !== path ? describe(head, undefined).label : label;
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
      html`<button part="button" @click=${() => ctrl.reload()}>${msg('Retry')}</button>`,
    );
  else {
    const shown = (ctrl._shown = new Set());
    const form = ctrl.draft ? o.form(ctrl.draft) : nothing;
    // A server error for a path the form shows nowhere (a sub-path, a field this element does not
    // render) is listed here with the field's name, not lost.
    const unplaced = Object.keys(ctrl.fieldErrors).filter((p) => !shown.has(p));
    ctrl._shown = undefined;
    body = html`${ctrl.renderConflict(o.describe)}
    ${ctrl.chunkFailed
      ? renderLoadFailure(() => ctrl.save())
      : ctrl.saveError && (ctrl.saveError.code !== 'validation' || !Object.keys(ctrl.fieldErrors).length)
      ? renderBanner(
          'danger',
          html`${errorMessage(ctrl.saveError)} ${msg('Your changes are kept.')}`,
          html`<button part="button" @click=${() => ctrl.save()} ?disabled=${!ctrl.canSave}>${msg('Retry')}</button>`,
        )
      : nothing}
    ${unplaced.length
      ? renderBanner('danger', html`<ul>${unplaced.map((p) => html`<li>${fieldName(o.describe, p)}: ${ctrl.fieldError(p)}</li>`)}</ul>`)
      : nothing}
    ${form}`;
  }
  return html`${body}${ctrl.reauth.render()}${renderLive(ctrl.announcement)}`;
}
